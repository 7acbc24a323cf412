"""What a connector is, and the loop that runs its path table over an export.

A connector is a table of path patterns (relative to the export root) mapped to a parser, or to
`None` with a reason when the file is deliberately not read. Parsers are plain generator functions
`(ctx, path) -> Iterator[Account | Item | RecordProblem]`; a parser that raises marks its file as
"could not read", and the rest of the export is still read.
"""

from __future__ import annotations

import io
import json
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator

from auditor.model import Account, FileOutcome, Item, ItemKind, Media, SourceRef, make_item_id

from .media import MediaError, read_media_metadata
from .sources import ExportSource, PrefixedSource
from .text import guess_mime, is_image, is_video

MAX_JSON_BYTES = 512 * 1024 * 1024

if TYPE_CHECKING:
    import pandas


class ParseError(Exception):
    """A file of a known kind whose content is broken; the message is shown as the reason."""


class NotUnderstood(Exception):
    """Raised by a parser that looked inside a file and found a shape it does not know."""


@dataclass
class RecordProblem:
    """One bad record inside an otherwise readable file."""

    pointer: str
    reason: str


Parser = Callable[["ReadContext", str], Iterable["Account | Item | RecordProblem"]]


@dataclass
class Rule:
    pattern: str
    parser: Parser | None = None
    reason: str = ""  # why the file is ignored, when parser is None
    media: bool = False  # media files: attached to the records that reference them, else read alone

    def __post_init__(self) -> None:
        self.regex = re.compile(self.pattern, re.IGNORECASE)


@dataclass
class ReadContext:
    """What a parser gets: the export, its connector, and helpers that keep parsers short."""

    source: ExportSource
    connector: "Connector"
    members: set[str]
    referenced_media: set[str] = field(default_factory=set)
    media_problems: list[FileOutcome] = field(default_factory=list)

    def ref(self, path: str, pointer: str = "") -> SourceRef:
        return SourceRef(input=self.source.label, path=path, pointer=pointer)

    def item(self, path: str, pointer: str, kind: ItemKind, **fields: Any) -> Item:
        """An Item of this connector's platform for the record at `pointer` in `path`, with its stable id."""
        ref = self.ref(path, pointer)
        platform = self.connector.platform
        return Item(id=make_item_id(platform, ref), platform=platform, kind=kind, source=ref, **fields)

    def load_json(self, path: str) -> Any:
        if self.source.size(path) > MAX_JSON_BYTES:
            raise ParseError("the file is too large to read as one JSON document")
        raw = self.source.read_bytes(path)
        if not raw.strip():
            raise ParseError("the file is empty (0 bytes)")
        try:
            return json.loads(raw.decode("utf-8-sig"))
        except UnicodeDecodeError as exc:
            raise ParseError("the file is not UTF-8 text") from exc
        except json.JSONDecodeError as exc:
            raise ParseError(
                f"the JSON is broken at line {exc.lineno}, column {exc.colno} (the file may be truncated)"
            ) from exc

    def read_csv(self, path: str) -> "pandas.DataFrame":
        """A CSV export as strings, with LinkedIn's "Notes:" preamble and any byte-order mark removed."""
        import pandas

        text = self.read_text(path)
        if text.lstrip().startswith("Notes:"):
            blank = re.search(r"\r?\n\s*\r?\n", text)
            text = text[blank.end():] if blank else ""
        # LinkedIn writes a quote inside a quoted field as \" rather than CSV's "", which the standard reader
        # silently misreads (every field after it shifts). Read \" as "" so that every other backslash stays as
        # written; should that make the table unreadable (a field that really ends in a backslash), read it as it is.
        candidates = [text.replace('\\"', '""'), text] if '\\"' in text else [text]
        for attempt, candidate in enumerate(candidates, start=1):
            try:
                frame = pandas.read_csv(io.StringIO(candidate), dtype=str, keep_default_na=False, skip_blank_lines=True)
                break
            except (pandas.errors.ParserError, pandas.errors.EmptyDataError) as exc:
                if attempt == len(candidates):
                    raise ParseError(f"the CSV table is broken ({str(exc).splitlines()[0][:120]})") from exc
        frame.columns = [str(c).strip() for c in frame.columns]
        return frame

    def read_text(self, path: str) -> str:
        raw = self.source.read_bytes(path)
        if not raw.strip():
            raise ParseError("the file is empty (0 bytes)")
        return raw.decode("utf-8-sig", errors="replace")

    def media(self, uri: str) -> Media:
        """A Media for a path the export's records name. If the file is in the export, its own
        metadata (EXIF GPS, capture time, XMP people) is read too."""
        member = self.resolve_member(uri)
        media = Media(path=member or uri, mime=guess_mime(uri))
        if member is None:
            return media
        self.referenced_media.add(member)
        source = self.source
        media.open = lambda: source.open(member)
        if is_image(member) or is_video(member):
            try:
                with source.open(member) as handle:
                    meta = read_media_metadata(handle, member)
            except MediaError as exc:
                self.media_problems.append(FileOutcome(source.label, member, "could not read", reason=str(exc)))
                return media
            if meta.geo:
                media.geo.append(meta.geo)
            media.taken_at = meta.taken_at
            media.camera = meta.camera
            media.people = meta.people
        return media

    def resolve_member(self, uri: str) -> str | None:
        if not uri or uri.startswith(("http://", "https://")):
            return None
        candidate = uri.lstrip("/")
        if candidate in self.members:
            return candidate
        # Meta sometimes writes uris relative to a parent folder of the root; match on the tail.
        for member in self.members:
            if member.endswith("/" + candidate):
                return member
        return None


class Connector:
    """Subclasses set the class attributes; most need no methods of their own."""

    name: str = ""  # registry key, e.g. "facebook"
    platform: str = ""  # platform label used in items and findings
    title: str = ""  # human name, e.g. "Facebook"
    signatures: tuple[str, ...] = ()  # regexes of paths that only this platform's export has
    rules: tuple[Rule, ...] = ()

    def detect(self, members: list[str]) -> tuple[float, str]:
        """How sure we are that `members` is this platform's export, and the root folder prefix
        ("" or one wrapping folder such as "facebook-jdoe-2024/")."""
        best = (0.0, "")
        prefixes = {""} | {m.split("/", 1)[0] + "/" for m in members if "/" in m}
        for prefix in sorted(prefixes):
            relative = [m[len(prefix) :] for m in members if m.startswith(prefix)]
            hits = sum(1 for sig in self.signatures if any(re.search(sig, m, re.I) for m in relative))
            if hits:
                score = min(1.0, 0.5 + 0.25 * hits)
                if score > best[0]:
                    best = (score, prefix)
        return best

    def rule_for(self, path: str) -> Rule | None:
        for rule in self.rules:
            if rule.regex.search(path):
                return rule
        return None

    def read(self, source: ExportSource, prefix: str = "") -> Iterator[Account | Item | FileOutcome]:
        """Run the path table: yields accounts and items, and one FileOutcome per file."""
        members = source.members()
        relative = {m[len(prefix) :]: m for m in members if m.startswith(prefix)}
        ctx = ReadContext(source=PrefixedSource(source, prefix), connector=self, members=set(relative))
        media_rules: list[str] = []
        for member in members:
            if not member.startswith(prefix):
                yield FileOutcome(source.label, member, "not understood", reason="outside the export's folder")
        for path in sorted(relative):
            rule = self.rule_for(path)
            if rule is None:
                yield FileOutcome(source.label, relative[path], "not understood",
                                  reason=f"no {self.title} file of this name is known to offduty")
                continue
            if rule.media:
                media_rules.append(path)
                continue
            if rule.parser is None:
                yield FileOutcome(source.label, relative[path], "ignored", self.name, reason=rule.reason)
                continue
            yield from self._run_parser(ctx, rule.parser, path, relative[path])
        loose = [p for p in media_rules if p not in ctx.referenced_media]
        for path in media_rules:
            if path in ctx.referenced_media:
                yield FileOutcome(source.label, relative[path], "parsed", self.name,
                                  reason="media file attached to the record that names it")
        companions = live_photo_companions(loose)
        for path in loose:
            if path in companions.values():
                continue  # the video half of a Live Photo: read with its still
            parser = standalone_media if path not in companions else _with_companion(companions[path])
            yield from self._run_parser(ctx, parser, path, relative[path])
            if path in companions:
                yield FileOutcome(source.label, relative[companions[path]], "parsed", self.name,
                                  reason=f"the video half of the Live Photo {path}")
        for problem in ctx.media_problems:
            yield FileOutcome(source.label, prefix + problem.path, "could not read", self.name, reason=problem.reason)

    def _run_parser(self, ctx: ReadContext, parser: Parser, path: str, full_path: str
                    ) -> Iterator[Account | Item | FileOutcome]:
        count = 0
        problems: list[str] = []
        try:
            for record in parser(ctx, path):
                if isinstance(record, RecordProblem):
                    problems.append(f"{record.pointer}: {record.reason}")
                    continue
                if isinstance(record, Item):
                    count += 1
                yield record
        except ParseError as exc:
            yield FileOutcome(ctx.source.label, full_path, "could not read", self.name, count, str(exc))
            return
        except NotUnderstood as exc:
            yield FileOutcome(ctx.source.label, full_path, "not understood", self.name, count, str(exc))
            return
        except OSError as exc:
            yield FileOutcome(ctx.source.label, full_path, "could not read", self.name, count,
                              f"the file could not be opened ({exc.strerror or type(exc).__name__})")
            return
        except MediaError as exc:
            yield FileOutcome(ctx.source.label, full_path, "could not read", self.name, count, str(exc))
            return
        except Exception as exc:  # a parser bug or an unforeseen layout must not end the audit
            yield FileOutcome(ctx.source.label, full_path, "could not read", self.name, count,
                              f"unexpected content ({type(exc).__name__}: {exc})"[:300])
            return
        reason = f"{len(problems)} record(s) skipped: {problems[0]}" if problems else ""
        yield FileOutcome(ctx.source.label, full_path, "parsed", self.name, count, reason)


def _take_problem(ctx: ReadContext, path: str) -> None:
    for problem in ctx.media_problems:
        if problem.path == path:
            ctx.media_problems.remove(problem)
            raise MediaError(problem.reason)


def standalone_media(ctx: ReadContext, path: str, companion: str = "") -> Iterator[Item]:
    """A photo or video that no record names: it is an item of its own (with its Live Photo video)."""
    media = ctx.media(path)
    _take_problem(ctx, path)
    extra = []
    if companion:
        extra = [ctx.media(companion)]
        for problem in [p for p in ctx.media_problems if p.path == companion]:
            ctx.media_problems.remove(problem)  # the still carries the item; a bad video half is noted on it
    kind = ItemKind.VIDEO if is_video(path) else ItemKind.PHOTO
    yield ctx.item(path, "", kind, created_at=media.taken_at or (extra[0].taken_at if extra else None),
                   media=[media, *extra], people=list(media.people))


def _with_companion(companion: str) -> Parser:
    return lambda ctx, path: standalone_media(ctx, path, companion)


def live_photo_companions(paths: list[str]) -> dict[str, str]:
    """Still → video pairs that share a folder and a name (IMG_1234.HEIC with IMG_1234.MOV): Apple's
    Live Photos. Android motion photos keep the video inside the JPEG and need no pairing."""
    stills = {p.rsplit(".", 1)[0].lower(): p for p in paths if is_image(p)}
    pairs = {}
    for path in paths:
        if path.lower().endswith(".mov") and path.rsplit(".", 1)[0].lower() in stills:
            pairs[stills[path.rsplit(".", 1)[0].lower()]] = path
    return pairs
