"""Uniform read access to an export, whatever it came as: a folder, a .zip, a .tar.gz, or one file.

Archives are read in place, member by member; nothing is extracted to disk (a .zip stored inside
another archive is the one exception: it is copied, alone, into the workspace's private folder,
because a zip can only be read with seeks).

Every source can be pickled: what crosses a process boundary is the recipe to open it again (a
path, a member name), never an open handle. Open handles and the private copies belong to one
`Workspace`, which closes and deletes them when the audit ends.

A compressed tar cannot seek cheaply: reaching a member means decompressing everything before it.
Such sources say `sequential = True`, and readers take their members through `stream()`, which
visits them in archive order in a single pass.
"""

from __future__ import annotations

import atexit
import io
import shutil
import tarfile
import tempfile
import zipfile
from pathlib import Path, PurePosixPath
from typing import Any, BinaryIO, Iterable, Iterator

from auditor.model import MediaRef

ARCHIVE_SUFFIXES = (".zip", ".tar.gz", ".tgz", ".tar")
COMPRESSED_MAGIC = (b"\x1f\x8b", b"BZh", b"\xfd7zXZ\x00")


class SourceError(Exception):
    """An input that cannot be opened at all; the message is meant for the person running the audit."""


def is_archive(path: Path) -> bool:
    name = path.name.lower()
    return any(name.endswith(s) for s in ARCHIVE_SUFFIXES)


def is_hidden(member: str) -> bool:
    parts = PurePosixPath(member).parts
    return any(p.startswith(".") or p == "__MACOSX" for p in parts)


class ExportSource:
    """A read-only tree of files. `members()` lists relative POSIX paths of regular files."""

    label: str
    sequential = False  # True when only a front-to-back pass is cheap

    def members(self) -> list[str]:
        raise NotImplementedError

    def open(self, member: str) -> BinaryIO:
        raise NotImplementedError

    def size(self, member: str) -> int:
        raise NotImplementedError

    def read_bytes(self, member: str) -> bytes:
        with self.open(member) as handle:
            return handle.read()

    def storage_order(self, members: Iterable[str]) -> list[str]:
        """`members` in the order they are stored, the cheapest order to read them in."""
        return sorted(members)

    def path_on_disk(self, member: str) -> Path | None:
        """Where the member lies as a file of its own (tools that read only from a path use it); None inside an archive."""
        return None

    def identity(self, member: str) -> str | None:
        """What identifies this member's bytes without reading them (path, size and modification
        time, or the archive's own checksum), for the result cache; None when nothing does."""
        return None

    def stream(self, members: Iterable[str]) -> Iterator[tuple[str, BinaryIO]]:
        """Open each of `members` in turn, in storage order; a handle is valid until the next one."""
        for member in self.storage_order(members):
            with self.open(member) as handle:
                yield member, handle

    def close(self) -> None:
        pass

    def __enter__(self) -> "ExportSource":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class FolderSource(ExportSource):
    def __init__(self, root: Path, label: str | None = None):
        self.root = root
        self.label = label or str(root)
        self._members: list[str] | None = None

    def __getstate__(self) -> dict[str, Any]:
        return {"root": self.root, "label": self.label, "_members": None}

    def members(self) -> list[str]:
        if self._members is None:
            found = []
            for path in self.root.rglob("*"):
                if path.is_file() and not path.is_symlink():
                    rel = path.relative_to(self.root).as_posix()
                    if not is_hidden(rel):
                        found.append(rel)
            self._members = sorted(found)
        return self._members

    def open(self, member: str) -> BinaryIO:
        return open(self.root / member, "rb")

    def path_on_disk(self, member: str) -> Path | None:
        return self.root / member

    def size(self, member: str) -> int:
        return (self.root / member).stat().st_size

    def identity(self, member: str) -> str | None:
        path = (self.root / member).resolve()
        try:
            stat = path.stat()
        except OSError:
            return None
        return f"file\x00{path}\x00{stat.st_size}\x00{stat.st_mtime_ns}\x00{stat.st_ino}"


class SingleFileSource(ExportSource):
    def __init__(self, path: Path):
        self.path = path
        self.label = str(path)

    def members(self) -> list[str]:
        return [self.path.name]

    def open(self, member: str) -> BinaryIO:
        return open(self.path, "rb")

    def path_on_disk(self, member: str) -> Path | None:
        return self.path

    def size(self, member: str) -> int:
        return self.path.stat().st_size


class ZipSource(ExportSource):
    """Members are streamed out of the archive; the archive is opened on first use in each process."""

    def __init__(self, path: Path, label: str | None = None):
        self.label = label or str(path)
        self.path = path
        self._zip: zipfile.ZipFile | None = None
        self._infos = self._index(self._archive())

    def __getstate__(self) -> dict[str, Any]:
        return {"label": self.label, "path": self.path, "_zip": None, "_infos": self._infos}

    def _archive(self) -> zipfile.ZipFile:
        if self._zip is None or self._zip.fp is None:
            try:
                self._zip = zipfile.ZipFile(self.path)
            except zipfile.BadZipFile as exc:
                raise SourceError(
                    "this is not a readable .zip archive (it may be incomplete: try downloading it again)"
                ) from exc
            except OSError as exc:
                raise SourceError(f"the archive could not be opened ({exc.strerror or exc})") from exc
        return self._zip

    @staticmethod
    def _index(archive: zipfile.ZipFile) -> dict[str, zipfile.ZipInfo]:
        return {info.filename: info for info in archive.infolist() if not info.is_dir() and not is_hidden(info.filename)}

    def members(self) -> list[str]:
        return sorted(self._infos)

    def open(self, member: str) -> BinaryIO:
        return self._archive().open(self._infos[member])  # type: ignore[return-value]

    def size(self, member: str) -> int:
        return self._infos[member].file_size

    def storage_order(self, members: Iterable[str]) -> list[str]:
        return sorted(members, key=lambda m: self._infos[m].header_offset)

    def identity(self, member: str) -> str | None:
        info = self._infos[member]
        return f"zip\x00{self.label}\x00{member}\x00{info.CRC}\x00{info.file_size}\x00{info.date_time}"

    def close(self) -> None:
        if self._zip is not None:
            self._zip.close()
            self._zip = None


class TarSource(ExportSource):
    """A tar archive, plain or compressed. Listing it is one pass; `stream()` reads wanted members in
    one more pass, in archive order. `open()` of a single member is cheap for a plain tar and costs a
    decompression from the start (or from the last member opened) for a compressed one."""

    def __init__(self, path: Path):
        self.label = str(path)
        self.path = path
        self._tar: tarfile.TarFile | None = None
        try:
            with open(path, "rb") as handle:
                self.sequential = handle.read(6).startswith(COMPRESSED_MAGIC)
            self._infos = {
                self._name(info): info for info in self._archive().getmembers()
                if info.isfile() and not is_hidden(info.name)
            }
        except (tarfile.TarError, EOFError, OSError) as exc:
            raise SourceError(
                "this is not a readable .tar.gz archive (it may be incomplete: try downloading it again)"
            ) from exc
        self._order = {name: position for position, name in enumerate(self._infos)}

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state["_tar"] = None
        return state

    @staticmethod
    def _name(info: tarfile.TarInfo) -> str:
        return info.name.lstrip("./") or info.name

    def _archive(self) -> tarfile.TarFile:
        if self._tar is None:
            self._tar = tarfile.open(self.path, "r:*")
        return self._tar

    def members(self) -> list[str]:
        return sorted(self._infos)

    def open(self, member: str) -> BinaryIO:
        handle = self._archive().extractfile(self._infos[member])
        if handle is None:
            return io.BytesIO(b"")
        return handle  # type: ignore[return-value]

    def size(self, member: str) -> int:
        return self._infos[member].size

    def storage_order(self, members: Iterable[str]) -> list[str]:
        return sorted(members, key=self._order.__getitem__)

    def identity(self, member: str) -> str | None:
        info = self._infos[member]
        try:
            archive = Path(self.path).resolve().stat()
        except OSError:
            return None
        return (f"tar\x00{Path(self.path).resolve()}\x00{archive.st_size}\x00{archive.st_mtime_ns}\x00{member}"
                f"\x00{info.size}\x00{info.mtime}\x00{info.offset_data}")

    def stream(self, members: Iterable[str]) -> Iterator[tuple[str, BinaryIO]]:
        wanted = set(members)
        if not wanted:
            return
        if not self.sequential:
            yield from super().stream(wanted)
            return
        with tarfile.open(self.path, "r|*") as tar:
            for info in tar:
                name = self._name(info)
                if name in wanted and info.isfile():
                    handle = tar.extractfile(info)
                    if handle is not None:
                        yield name, handle  # type: ignore[misc]
                    wanted.discard(name)
                    if not wanted:
                        return

    def close(self) -> None:
        if self._tar is not None:
            self._tar.close()
            self._tar = None


class PrefixedSource(ExportSource):
    """The part of another source below a prefix (an export wrapped in one extra folder), presented
    as if it were the root, so that paths in findings are relative to the export itself."""

    def __init__(self, parent: ExportSource, prefix: str):
        self.parent, self.prefix = parent, prefix
        self.label = parent.label
        self.sequential = parent.sequential

    def members(self) -> list[str]:
        n = len(self.prefix)
        return [m[n:] for m in self.parent.members() if m.startswith(self.prefix)]

    def open(self, member: str) -> BinaryIO:
        return self.parent.open(self.prefix + member)

    def identity(self, member: str) -> str | None:
        return self.parent.identity(self.prefix + member)

    def path_on_disk(self, member: str) -> Path | None:
        return self.parent.path_on_disk(self.prefix + member)

    def size(self, member: str) -> int:
        return self.parent.size(self.prefix + member)

    def storage_order(self, members: Iterable[str]) -> list[str]:
        n = len(self.prefix)
        return [m[n:] for m in self.parent.storage_order(self.prefix + m for m in members)]

    def stream(self, members: Iterable[str]) -> Iterator[tuple[str, BinaryIO]]:
        n = len(self.prefix)
        for member, handle in self.parent.stream(self.prefix + m for m in members):
            yield member[n:], handle


class _WrappedSource(ExportSource):
    """A view of another source that passes everything through; subclasses change what they must."""

    def __init__(self, parent: ExportSource):
        self.parent = parent
        self.label = parent.label
        self.sequential = parent.sequential

    def members(self) -> list[str]:
        return self.parent.members()

    def open(self, member: str) -> BinaryIO:
        return self.parent.open(member)

    def size(self, member: str) -> int:
        return self.parent.size(member)

    def storage_order(self, members: Iterable[str]) -> list[str]:
        return self.parent.storage_order(members)

    def stream(self, members: Iterable[str]) -> Iterator[tuple[str, BinaryIO]]:
        return self.parent.stream(members)

    def identity(self, member: str) -> str | None:
        return self.parent.identity(member)

    def path_on_disk(self, member: str) -> Path | None:
        return self.parent.path_on_disk(member)

    def close(self) -> None:
        self.parent.close()


class FilteredSource(_WrappedSource):
    """Another source without some of its members (sub-exports and nested archives read on their own)."""

    def __init__(self, parent: ExportSource, exclude_prefixes: list[str], exclude_files: list[str]):
        super().__init__(parent)
        self.exclude_prefixes = tuple(exclude_prefixes)
        self.exclude_files = set(exclude_files)

    def members(self) -> list[str]:
        return [m for m in self.parent.members()
                if m not in self.exclude_files and not m.startswith(self.exclude_prefixes)]


class MultiSource(ExportSource):
    """Several parts of one export (Takeout -001.zip, -002.zip ...) seen as one tree. A path present in
    more than one part (each Takeout part has its own index page) is taken from the first."""

    def __init__(self, parts: list[ExportSource]):
        self.parts = parts
        self.label = " + ".join(p.label for p in parts)
        self.sequential = any(p.sequential for p in parts)
        self._owner: dict[str, int] = {}
        for index, part in enumerate(parts):
            for member in part.members():
                self._owner.setdefault(member, index)

    def members(self) -> list[str]:
        return sorted(self._owner)

    def open(self, member: str) -> BinaryIO:
        return self.parts[self._owner[member]].open(member)

    def size(self, member: str) -> int:
        return self.parts[self._owner[member]].size(member)

    def identity(self, member: str) -> str | None:
        return self.parts[self._owner[member]].identity(member)

    def path_on_disk(self, member: str) -> Path | None:
        return self.parts[self._owner[member]].path_on_disk(member)

    def _by_part(self, members: Iterable[str]) -> list[list[str]]:
        groups: list[list[str]] = [[] for _ in self.parts]
        for member in members:
            groups[self._owner[member]].append(member)
        return groups

    def storage_order(self, members: Iterable[str]) -> list[str]:
        return [m for part, group in zip(self.parts, self._by_part(members)) for m in part.storage_order(group)]

    def stream(self, members: Iterable[str]) -> Iterator[tuple[str, BinaryIO]]:
        for part, group in zip(self.parts, self._by_part(members)):
            yield from part.stream(group)

    def close(self) -> None:
        for part in self.parts:
            part.close()


class BufferedSource(_WrappedSource):
    """A source with some members already read into memory (the small files of a compressed tar,
    taken during its single pass), so that parsers can open them in any order. Closing it leaves
    the source it wraps open (the workspace closes that)."""

    def __init__(self, parent: ExportSource, buffered: dict[str, bytes]):
        super().__init__(parent)
        self.buffered = buffered

    def open(self, member: str) -> BinaryIO:
        if member in self.buffered:
            return io.BytesIO(self.buffered[member])
        return self.parent.open(member)

    def close(self) -> None:
        self.buffered.clear()


def open_source(path: Path) -> ExportSource:
    if path.is_dir():
        return FolderSource(path)
    if not path.exists():
        raise SourceError("no such file or folder")
    name = path.name.lower()
    if name.endswith(".zip"):
        return ZipSource(path)
    if name.endswith((".tar.gz", ".tgz", ".tar")):
        return TarSource(path)
    return SingleFileSource(path)


class Workspace:
    """The one owner of everything an audit opens: sources (and their archive handles), and the
    private folder (mode 0700) that holds copies of zips found inside other archives. Closing it
    closes the handles and deletes the folder. Sources registered here can be opened again by key
    in a worker process: `sources()` is picklable."""

    def __init__(self) -> None:
        self._sources: dict[str, ExportSource] = {}
        self._owned: list[ExportSource] = []
        self._by_path: dict[str, ExportSource] = {}
        self._folder: Path | None = None

    def __enter__(self) -> "Workspace":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def open_path(self, path: Path) -> ExportSource:
        """The source for a path the user gave (opened once, however often discovery asks)."""
        key = str(path)
        if key not in self._by_path:
            self._by_path[key] = self.own(open_source(path))
        return self._by_path[key]

    def own(self, source: ExportSource) -> ExportSource:
        self._owned.append(source)
        return source

    def register(self, source: ExportSource) -> str:
        """A key under which media of `source` can be opened later, here or in another process."""
        for key, known in self._sources.items():
            if known is source:
                return key
        key = f"{len(self._sources)}:{source.label}"
        self._sources[key] = source
        return key

    def sources(self) -> dict[str, ExportSource]:
        return dict(self._sources)

    def open(self, ref: MediaRef) -> BinaryIO:
        return self._sources[ref.source_key].open(ref.member)

    def private_copy(self, parent: ExportSource, member: str) -> Path:
        """Copy one member to the private folder (for a nested zip, which needs seeks)."""
        if self._folder is None:
            self._folder = Path(tempfile.mkdtemp(prefix="offduty-"))  # mkdtemp makes it 0700
        target = self._folder / f"{len(list(self._folder.iterdir()))}.zip"
        with parent.open(member) as handle, open(target, "wb") as out:
            target.chmod(0o600)
            shutil.copyfileobj(handle, out, 1024 * 1024)
        return target

    def close(self) -> None:
        for source in self._owned:
            source.close()
        self._owned.clear()
        self._by_path.clear()
        self._sources.clear()
        if self._folder is not None:
            shutil.rmtree(self._folder, ignore_errors=True)
            self._folder = None


def nested_zip(workspace: Workspace, parent: ExportSource, member: str) -> ZipSource:
    """A .zip stored inside another export or archive, read from a private copy of that zip alone."""
    label = f"{parent.label} → {member}"
    try:
        copy = workspace.private_copy(parent, member)
        return workspace.own(ZipSource(copy, label))  # type: ignore[return-value]
    except SourceError as exc:
        raise SourceError("this zip inside the export is not a readable .zip archive") from exc


_default: Workspace | None = None


def default_workspace() -> Workspace:
    """For library callers that do not manage a workspace themselves; closed when Python exits."""
    global _default
    if _default is None:
        _default = Workspace()
        atexit.register(_default.close)
    return _default
