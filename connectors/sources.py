"""Uniform read access to an export, whatever it came as: a folder, a .zip, a .tar.gz, or one file.

Archives are read in place, member by member; nothing is extracted to disk.
"""

from __future__ import annotations

import io
import tarfile
import zipfile
from pathlib import Path, PurePosixPath
from typing import BinaryIO

ARCHIVE_SUFFIXES = (".zip", ".tar.gz", ".tgz", ".tar")


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

    def members(self) -> list[str]:
        raise NotImplementedError

    def open(self, member: str) -> BinaryIO:
        raise NotImplementedError

    def size(self, member: str) -> int:
        raise NotImplementedError

    def read_bytes(self, member: str) -> bytes:
        with self.open(member) as handle:
            return handle.read()

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

    def size(self, member: str) -> int:
        return (self.root / member).stat().st_size


class SingleFileSource(ExportSource):
    def __init__(self, path: Path):
        self.path = path
        self.label = str(path)

    def members(self) -> list[str]:
        return [self.path.name]

    def open(self, member: str) -> BinaryIO:
        return open(self.path, "rb")

    def size(self, member: str) -> int:
        return self.path.stat().st_size


class ZipSource(ExportSource):
    """Members are streamed out of the archive. Closing releases the file handle; a later `open`
    (a media item opened by an analyzer after reading) reopens the archive."""

    def __init__(self, path: Path):
        self.label = str(path)
        self.path = path
        try:
            self._zip = zipfile.ZipFile(path)
            self._infos = self._index(self._zip)
        except zipfile.BadZipFile as exc:
            raise SourceError(
                "this is not a readable .zip archive (it may be incomplete: try downloading it again)"
            ) from exc
        except OSError as exc:
            raise SourceError(f"the archive could not be opened ({exc.strerror or exc})") from exc

    @staticmethod
    def _index(archive: zipfile.ZipFile) -> dict[str, zipfile.ZipInfo]:
        return {info.filename: info for info in archive.infolist() if not info.is_dir() and not is_hidden(info.filename)}

    def members(self) -> list[str]:
        return sorted(self._infos)

    def open(self, member: str) -> BinaryIO:
        if self._zip.fp is None:
            self._zip = zipfile.ZipFile(self.path)
        return self._zip.open(self._infos[member])

    def size(self, member: str) -> int:
        return self._infos[member].file_size

    def close(self) -> None:
        self._zip.close()


class TarSource(ExportSource):
    """A tar or tar.gz archive. Members are read on demand; a gzip stream cannot seek cheaply,
    so each `open` decompresses up to that member (fine for the sizes exports come in)."""

    def __init__(self, path: Path):
        self.label = str(path)
        self.path = path
        try:
            self._tar = tarfile.open(path, "r:*")
            self._infos = {
                info.name.lstrip("./") or info.name: info
                for info in self._tar.getmembers()
                if info.isfile() and not is_hidden(info.name)
            }
        except (tarfile.TarError, EOFError, OSError) as exc:
            raise SourceError(
                "this is not a readable .tar.gz archive (it may be incomplete: try downloading it again)"
            ) from exc

    def members(self) -> list[str]:
        return sorted(self._infos)

    def open(self, member: str) -> BinaryIO:
        if self._tar.closed:
            self._tar = tarfile.open(self.path, "r:*")
        handle = self._tar.extractfile(self._infos[member])
        if handle is None:
            return io.BytesIO(b"")
        return handle  # type: ignore[return-value]

    def size(self, member: str) -> int:
        return self._infos[member].size

    def close(self) -> None:
        self._tar.close()


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


class PrefixedSource(ExportSource):
    """The part of another source below a prefix (an export wrapped in one extra folder), presented
    as if it were the root, so that paths in findings are relative to the export itself."""

    def __init__(self, parent: ExportSource, prefix: str):
        self.parent, self.prefix = parent, prefix
        self.label = parent.label

    def members(self) -> list[str]:
        n = len(self.prefix)
        return [m[n:] for m in self.parent.members() if m.startswith(self.prefix)]

    def open(self, member: str) -> BinaryIO:
        return self.parent.open(self.prefix + member)

    def size(self, member: str) -> int:
        return self.parent.size(self.prefix + member)


class FilteredSource(ExportSource):
    """Another source without some of its members (sub-exports and nested archives read on their own)."""

    def __init__(self, parent: ExportSource, exclude_prefixes: list[str], exclude_files: list[str]):
        self.parent = parent
        self.label = parent.label
        self.exclude_prefixes = tuple(exclude_prefixes)
        self.exclude_files = set(exclude_files)

    def members(self) -> list[str]:
        return [m for m in self.parent.members()
                if m not in self.exclude_files and not m.startswith(self.exclude_prefixes)]

    def open(self, member: str) -> BinaryIO:
        return self.parent.open(member)

    def size(self, member: str) -> int:
        return self.parent.size(member)

    def close(self) -> None:
        self.parent.close()


class MultiSource(ExportSource):
    """Several parts of one export (Takeout -001.zip, -002.zip ...) seen as one tree. A path present in
    more than one part (each Takeout part has its own index page) is taken from the first."""

    def __init__(self, parts: list[ExportSource]):
        self.parts = parts
        self.label = " + ".join(p.label for p in parts)
        self._owner: dict[str, ExportSource] = {}
        for part in parts:
            for member in part.members():
                self._owner.setdefault(member, part)

    def members(self) -> list[str]:
        return sorted(self._owner)

    def open(self, member: str) -> BinaryIO:
        return self._owner[member].open(member)

    def size(self, member: str) -> int:
        return self._owner[member].size(member)

    def close(self) -> None:
        for part in self.parts:
            part.close()


NESTED_SPOOL_BYTES = 64 * 1024 * 1024


class NestedZipSource(ZipSource):
    """A .zip stored inside another export or archive, read without extracting the outer one. The inner
    zip alone is copied to a private temporary file (kept in memory up to 64 MB) because reading a zip
    needs to seek, which a member of a compressed outer archive cannot do cheaply."""

    def __init__(self, parent: ExportSource, member: str):  # noqa: D107 - ZipSource's init is bypassed on purpose
        import shutil
        import tempfile

        self.label = f"{parent.label} → {member}"
        self.path = Path(member)
        spool = tempfile.SpooledTemporaryFile(max_size=NESTED_SPOOL_BYTES)
        with parent.open(member) as handle:
            shutil.copyfileobj(handle, spool)
        spool.seek(0)
        self._spool = spool
        try:
            self._zip = zipfile.ZipFile(spool)
            self._infos = self._index(self._zip)
        except zipfile.BadZipFile as exc:
            raise SourceError("this zip inside the export is not a readable .zip archive") from exc

    def open(self, member: str) -> BinaryIO:
        return self._zip.open(self._infos[member])

    def close(self) -> None:
        # The spool is the only copy of the bytes: keep it for media opened after reading.
        pass
