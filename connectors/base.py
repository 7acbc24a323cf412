"""What a connector is, and the loop that runs its path table over an export.

A connector is a table of path patterns (relative to the export root) mapped to a parser, or to
`None` with a reason when the file is deliberately not read. Parsers are plain generator functions
`(ctx, path) -> Iterator[Account | Item | LocationPoint | RecordProblem]`; a parser that raises marks its file as
"could not read", and the rest of the export is still read.
"""

from __future__ import annotations

import bisect
import io
import json
import re
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator

from auditor.cache import ResultCache
from auditor.model import (
    Account,
    FileOutcome,
    GeoPoint,
    Item,
    ItemKind,
    LedgerState,
    LocationPoint,
    Media,
    MediaRef,
    PlaceLabel,
    SourceRef,
    make_item_id,
)

from .media import MediaError
from .media_pass import MediaResult, PassOptions, run_media_pass
from .sources import BufferedSource, ExportSource, PrefixedSource, Workspace, default_workspace
from .text import guess_mime, is_image, is_video

MAX_JSON_BYTES = 512 * 1024 * 1024

if TYPE_CHECKING:
    import pandas


class ParseError(Exception):
    """A file of a known kind whose content is broken; the message is shown as the reason."""


class NotUnderstood(Exception):
    """Raised by a parser that looked inside a file and found a shape it does not know."""


@dataclass(frozen=True, slots=True)
class RecordProblem:
    """One bad record inside an otherwise readable file."""

    pointer: str
    reason: str


Record = Account | Item | LocationPoint
Parser = Callable[["ReadContext", str], Iterable["Record | RecordProblem"]]


@dataclass
class Rule:
    pattern: str
    parser: Parser | None = None
    reason: str = ""  # why the file is ignored, when parser is None
    media: bool = False  # media files: attached to the records that reference them, else read alone

    def __post_init__(self) -> None:
        self.regex = re.compile(self.pattern, re.IGNORECASE)


@dataclass
class ReadSession:
    """What reading needs beyond the export itself: the workspace that owns open sources, and how the
    media pass runs (worker processes, result cache)."""

    workspace: Workspace = field(default_factory=default_workspace)
    jobs: int = 1
    cache: ResultCache | None = None


@dataclass
class ReadContext:
    """What a parser gets: the export, its connector, and helpers that keep parsers short."""

    source: ExportSource
    connector: "Connector"
    members: set[str]
    source_key: str = ""
    media_results: dict[str, MediaResult] = field(default_factory=dict)
    referenced_media: set[str] = field(default_factory=set)
    media_problems: dict[str, FileOutcome] = field(default_factory=dict)  # by member path
    _by_suffix: dict[str, str] | None = None
    _sorted_members: list[str] | None = None

    def ref(self, path: str, pointer: str = "") -> SourceRef:
        return SourceRef(input=self.source.label, path=path, pointer=pointer)

    def item(self, path: str, pointer: str, kind: ItemKind, **fields: Any) -> Item:
        """An Item of this connector's platform for the record at `pointer` in `path`, with its stable id."""
        ref = self.ref(path, pointer)
        platform = self.connector.platform
        return Item(id=make_item_id(platform, ref), platform=platform, kind=kind, source=ref, **fields)

    def location(self, path: str, pointer: str, point: GeoPoint, **fields: Any) -> LocationPoint:
        """A point of the location trail for the record at `pointer` in `path`."""
        label = fields.get("label")
        if label is not None and not isinstance(label, PlaceLabel):
            raise TypeError(f"{label!r} is not a PlaceLabel")
        return LocationPoint(platform=self.connector.platform, source=self.ref(path, pointer), lat=point.lat,
                             lon=point.lon, geo_source=point.source, accuracy_m=point.accuracy_m, **fields)

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
        metadata (EXIF GPS, capture time, XMP people), read by the media pass, comes with it."""
        member = self.resolve_member(uri)
        if member is None:
            return Media(path=uri, mime=guess_mime(uri))
        self.referenced_media.add(member)
        media = Media(path=member, mime=guess_mime(uri), ref=MediaRef(self.source_key, member))
        if not (is_image(member) or is_video(member)):
            return media
        result = self.media_results.get(member)
        if result is None:  # a file no media rule claims, named by a record: read it now
            result = self.media_results[member] = _read_now(self.source, member)
        if result.error:
            self.media_problems[member] = FileOutcome(self.source.label, member, LedgerState.COULD_NOT_READ, reason=result.error)
            return media
        meta = result.meta
        assert meta is not None
        return replace(media, geo=(meta.geo,) if meta.geo else (), taken_at=meta.taken_at, camera=meta.camera,
                       people=tuple(meta.people))

    def resolve_member(self, uri: str) -> str | None:
        if not uri or uri.startswith(("http://", "https://")):
            return None
        candidate = uri.lstrip("/")
        if candidate in self.members:
            return candidate
        # Meta sometimes writes uris relative to a parent folder of the root; match on the tail.
        if self._by_suffix is None:
            self._by_suffix = {}
            for member in sorted(self.members):
                for index, char in enumerate(member):
                    if char == "/":
                        self._by_suffix.setdefault(member[index + 1:], member)
        return self._by_suffix.get(candidate)

    def members_starting_with(self, prefix: str) -> list[str]:
        """Members whose path starts with `prefix`, found by bisection rather than a scan."""
        if self._sorted_members is None:
            self._sorted_members = sorted(self.members)
        start = bisect.bisect_left(self._sorted_members, prefix)
        found = []
        for member in self._sorted_members[start:]:
            if not member.startswith(prefix):
                break
            found.append(member)
        return found


def _read_now(source: ExportSource, member: str) -> MediaResult:
    from .media_pass import examine

    try:
        with source.open(member) as handle:
            return examine(handle, member, None)[0]
    except OSError as exc:
        return MediaResult(error=f"the file could not be opened ({exc.strerror or type(exc).__name__})")


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
        by_prefix: dict[str, list[str]] = {"": members}
        for member in members:
            head, slash, rest = member.partition("/")
            if slash:
                by_prefix.setdefault(head + "/", []).append(rest)
        for prefix in sorted(by_prefix):
            relative = by_prefix[prefix]
            hits = sum(1 for pattern in self.signature_patterns if any(pattern.search(m) for m in relative))
            if hits:
                score = min(1.0, 0.5 + 0.25 * hits)
                if score > best[0]:
                    best = (score, prefix)
        return best

    @cached_property
    def signature_patterns(self) -> list[re.Pattern[str]]:
        return [re.compile(signature, re.IGNORECASE) for signature in self.signatures]

    def rule_for(self, path: str) -> Rule | None:
        for rule in self.rules:
            if rule.regex.search(path):
                return rule
        return None

    def read(self, source: ExportSource, prefix: str = "", session: ReadSession | None = None
             ) -> Iterator[Record | FileOutcome]:
        """Run the path table: yields accounts, items and location points, and one FileOutcome per file."""
        session = session or ReadSession()
        members = source.members()
        relative = {m[len(prefix):]: m for m in members if m.startswith(prefix)}
        view = PrefixedSource(source, prefix) if prefix else source
        source_key = session.workspace.register(view)
        for member in members:
            if not member.startswith(prefix):
                yield FileOutcome(source.label, member, LedgerState.NOT_UNDERSTOOD, reason="outside the export's folder")
        rules = {path: self.rule_for(path) for path in relative}
        media_paths = [p for p, rule in rules.items() if rule is not None and rule.media]
        record_paths = [p for p, rule in rules.items() if rule is not None and rule.parser is not None]
        passed = run_media_pass(view, source_key, media_paths, record_paths, PassOptions(session.jobs, session.cache))
        ctx = ReadContext(source=BufferedSource(view, passed.buffered) if passed.buffered else view, connector=self,
                          members=set(relative), source_key=source_key, media_results=passed.media)
        for path in sorted(relative):
            rule = rules[path]
            if rule is None:
                yield FileOutcome(source.label, relative[path], LedgerState.NOT_UNDERSTOOD,
                                  reason=f"no {self.title} file of this name is known to offduty")
            elif rule.parser is not None:
                yield from self._run_parser(ctx, rule.parser, path, relative[path])
            elif not rule.media:
                yield FileOutcome(source.label, relative[path], LedgerState.IGNORED, self.name, reason=rule.reason)
        passed.buffered.clear()
        loose = [p for p in sorted(media_paths) if p not in ctx.referenced_media]
        for path in sorted(media_paths):
            if path in ctx.referenced_media:
                yield FileOutcome(source.label, relative[path], LedgerState.PARSED, self.name,
                                  reason="media file attached to the record that names it")
        companions = live_photo_companions(loose)
        videos_of_pairs = set(companions.values())
        for path in loose:
            if path in videos_of_pairs:
                continue  # the video half of a Live Photo: read with its still
            parser = standalone_media if path not in companions else _with_companion(companions[path])
            yield from self._run_parser(ctx, parser, path, relative[path])
            if path in companions:
                yield FileOutcome(source.label, relative[companions[path]], LedgerState.PARSED, self.name,
                                  reason=f"the video half of the Live Photo {path}")
        for problem in ctx.media_problems.values():
            yield FileOutcome(source.label, prefix + problem.path, LedgerState.COULD_NOT_READ, self.name,
                              reason=problem.reason)

    def _run_parser(self, ctx: ReadContext, parser: Parser, path: str, full_path: str
                    ) -> Iterator[Record | FileOutcome]:
        count = 0
        problems: list[str] = []
        label = ctx.source.label
        try:
            for record in parser(ctx, path):
                if isinstance(record, RecordProblem):
                    problems.append(f"{record.pointer}: {record.reason}")
                    continue
                if not isinstance(record, Account):
                    count += 1
                yield record
        except (ParseError, MediaError) as exc:
            yield FileOutcome(label, full_path, LedgerState.COULD_NOT_READ, self.name, count, str(exc))
            return
        except NotUnderstood as exc:
            yield FileOutcome(label, full_path, LedgerState.NOT_UNDERSTOOD, self.name, count, str(exc))
            return
        except OSError as exc:
            yield FileOutcome(label, full_path, LedgerState.COULD_NOT_READ, self.name, count,
                              f"the file could not be opened ({exc.strerror or type(exc).__name__})")
            return
        except Exception as exc:  # a parser bug or an unforeseen layout must not end the audit
            yield FileOutcome(label, full_path, LedgerState.COULD_NOT_READ, self.name, count,
                              f"unexpected content ({type(exc).__name__}: {exc})"[:300])
            return
        reason = f"{len(problems)} record(s) skipped: {problems[0]}" if problems else ""
        yield FileOutcome(label, full_path, LedgerState.PARSED, self.name, count, reason)


def standalone_media(ctx: ReadContext, path: str, companion: str = "") -> Iterator[Item]:
    """A photo or video that no record names: it is an item of its own (with its Live Photo video)."""
    media = ctx.media(path)
    problem = ctx.media_problems.pop(path, None)
    if problem is not None:
        raise MediaError(problem.reason)
    extra = []
    if companion:
        extra = [ctx.media(companion)]
        ctx.media_problems.pop(companion, None)  # the still carries the item; a bad video half is noted on it
    kind = ItemKind.VIDEO if is_video(path) else ItemKind.PHOTO
    yield ctx.item(path, "", kind, created_at=media.taken_at or (extra[0].taken_at if extra else None),
                   media=[media, *extra], people=media.people)


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
