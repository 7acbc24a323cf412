"""The media pass: every photo and video of an export read once, before its records are parsed.

What a photo says about itself (GPS, capture time, camera, tagged faces) is read here, in storage
order, on a bounded pool of worker processes, and kept by content in the result cache. Records that
name a photo then pick up its metadata from the results instead of opening the file again.

- Folders and zips can be opened anywhere: a worker gets a reference (which source, which member)
  and opens the file itself, so no bytes cross the process boundary.
- A compressed tar can only be read front to back: the main process streams it once, handing each
  photo's bytes to the pool; the small record files met on the way are kept in memory for the
  parsers, so the archive is never rewound.

Images are cached by the SHA-256 of their bytes (they are read whole anyway). Videos are not: their
metadata sits in a small box that the bounded reader seeks to, and hashing a whole video would cost
more than reading that box again.
"""

from __future__ import annotations

import io
import shutil
import tempfile
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, BinaryIO, Callable, Iterable, Iterator

from auditor.cache import ResultCache, content_digest, identity_key, result_key
from auditor.model import GeoPoint, GeoSource, Person
from auditor.parallel import ordered_map

from .media import READER_VERSION, MediaError, MediaMetadata, read_media_metadata
from .sources import ExportSource
from .text import is_image, is_video

DETECTOR = "media-metadata"
POOL_MIN_TASKS = 64  # fewer files than this: never worth starting workers
POOL_MIN_SECONDS = 4.0  # and not unless reading here would take about this long
SECONDS_PER_FILE = 0.0004  # parsing one photo's metadata (measured: 0.3-0.4 ms for a phone JPEG)
HASH_BYTES_PER_SECOND = 350e6  # SHA-256 here, measured
READ_BYTES_PER_SECOND = 2e9  # reading bytes already in the page cache
BUFFER_FILE_LIMIT = 16 * 1024 * 1024  # record files of a compressed tar kept in memory up to this size ...
BUFFER_TOTAL_LIMIT = 512 * 1024 * 1024  # ... and this much in all; larger ones are read in a later pass
VIDEO_SPOOL_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class MediaResult:
    meta: MediaMetadata | None = None
    error: str = ""


@dataclass
class PassOptions:
    jobs: int = 1
    cache: ResultCache | None = None


@dataclass
class PassOutput:
    media: dict[str, MediaResult] = field(default_factory=dict)
    buffered: dict[str, bytes] = field(default_factory=dict)  # record files read during a single-pass stream


def metadata_to_json(meta: MediaMetadata) -> dict[str, Any]:
    geo = meta.geo
    return {
        "geo": [geo.lat, geo.lon, geo.source.value, geo.accuracy_m] if geo else None,
        "taken_at": meta.taken_at.isoformat() if meta.taken_at else None,
        "camera": meta.camera,
        "people": [p.name for p in meta.people],
    }


def metadata_from_json(data: dict[str, Any]) -> MediaMetadata:
    geo = data.get("geo")
    return MediaMetadata(
        geo=GeoPoint(geo[0], geo[1], GeoSource(geo[2]), geo[3]) if geo else None,
        taken_at=datetime.fromisoformat(data["taken_at"]) if data.get("taken_at") else None,
        camera=data.get("camera", ""),
        people=[Person(name=name) for name in data.get("people", [])],
    )


Stores = tuple[tuple[str, Any], ...]  # cache entries (key, value) for the owning process to write


def _cached(cache: ResultCache | None, digest: str | None) -> MediaResult | None:
    if cache is None or digest is None:
        return None
    stored = cache.get(result_key(digest, DETECTOR, READER_VERSION))
    if stored is None:
        return None
    return MediaResult(error=stored["error"]) if "error" in stored else MediaResult(metadata_from_json(stored))


def cached_by_identity(cache: ResultCache | None, identity: str | None) -> MediaResult | None:
    """The stored result for a file seen before under the same identity, without reading it."""
    if cache is None or identity is None:
        return None
    return _cached(cache, cache.known_digest(identity))


def examine(handle: BinaryIO, member: str, cache: ResultCache | None, identity: str | None = None
            ) -> tuple[MediaResult, Stores]:
    """Metadata of one file, from the cache when its bytes were seen before; also what the cache
    should learn. Only reads the cache: workers must not write it."""
    if is_video(member):
        try:
            return MediaResult(read_media_metadata(handle, member)), ()
        except MediaError as exc:
            return MediaResult(error=str(exc)), ()
    data = handle.read()
    if cache is None:
        return _read_metadata(data, member), ()
    digest = content_digest(data)
    stores: list[tuple[str, Any]] = [(identity_key(identity), digest)] if identity is not None else []
    found = _cached(cache, digest)
    if found is not None:
        return found, tuple(stores)
    result = _read_metadata(data, member)
    stored = {"error": result.error} if result.error else metadata_to_json(result.meta)  # type: ignore[arg-type]
    stores.append((result_key(digest, DETECTOR, READER_VERSION), stored))
    return result, tuple(stores)


def _read_metadata(data: bytes, member: str) -> MediaResult:
    try:
        return MediaResult(read_media_metadata(io.BytesIO(data), member))
    except MediaError as exc:
        return MediaResult(error=str(exc))


# -- worker side: state set once per process by `_start_worker` ------------------------------------
_worker_sources: dict[str, ExportSource] = {}
_worker_cache: ResultCache | None = None


def _start_worker(sources: dict[str, ExportSource], cache: ResultCache | None) -> None:
    global _worker_cache
    _worker_sources.clear()
    _worker_sources.update(sources)
    _worker_cache = cache


Task = tuple[str, str, "bytes | None", "str | None"]  # source key, member, bytes (or None: open it), identity


def _examine_task(task: Task) -> tuple[str, MediaResult, Stores]:
    source_key, member, data, identity = task
    if data is not None:
        return member, *examine(io.BytesIO(data), member, _worker_cache, identity)
    known = cached_by_identity(_worker_cache, identity) if not is_video(member) else None
    if known is not None:
        return member, known, ()
    try:
        with _worker_sources[source_key].open(member) as handle:
            return member, *examine(handle, member, _worker_cache, identity)
    except OSError as exc:
        return member, MediaResult(error=f"the file could not be opened ({exc.strerror or type(exc).__name__})"), ()


def _pool_pays(source: ExportSource, media: list[str], cache: ResultCache | None) -> bool:
    """Worker processes take about a second to start and reading metadata costs under a
    millisecond a file, so they pay only for large jobs: estimated here from the file count and
    sizes (hashing for the cache reads every byte)."""
    if len(media) < POOL_MIN_TASKS:
        return False
    total_bytes = sum(source.size(m) for m in media)
    seconds = len(media) * SECONDS_PER_FILE + total_bytes / (HASH_BYTES_PER_SECOND if cache else READ_BYTES_PER_SECOND)
    return seconds >= POOL_MIN_SECONDS


def run_media_pass(source: ExportSource, source_key: str, media: list[str], records: Iterable[str],
                   options: PassOptions) -> PassOutput:
    """Metadata of every photo and video in `media`; for a sequential source also the bytes of the
    small record files in `records`, taken during the same single pass."""
    output = PassOutput()
    media = source.storage_order(m for m in media if is_image(m) or is_video(m))
    cache = options.cache
    jobs = options.jobs if options.jobs > 1 and _pool_pays(source, media, cache) else 1
    identify = source.identity if cache is not None else (lambda _: None)
    if source.sequential:
        tasks = _stream(source, source_key, set(media), _small_records(source, records), output, cache, identify)
        sources: dict[str, ExportSource] = {}
    else:
        tasks = ((source_key, member, None, identify(member)) for member in media)
        sources = {source_key: source}
    for member, result, stores in ordered_map(_examine_task, tasks, jobs, initializer=_start_worker,
                                              initargs=(sources, cache)):
        output.media[member] = result
        for key, value in stores:
            cache.put(key, value)  # type: ignore[union-attr]
    if cache is not None:
        cache.flush()
    return output


def _small_records(source: ExportSource, records: Iterable[str]) -> set[str]:
    chosen, total = set(), 0
    for member in source.storage_order(records):
        size = source.size(member)
        if size <= BUFFER_FILE_LIMIT and total + size <= BUFFER_TOTAL_LIMIT:
            chosen.add(member)
            total += size
    return chosen


def _stream(source: ExportSource, source_key: str, media: set[str], small: set[str], output: PassOutput,
            cache: ResultCache | None, identify: Callable[[str], str | None]) -> Iterator[Task]:
    """Image tasks from one front-to-back pass. Small record files are kept for the parsers; videos
    are read here, on the stream itself (their metadata box is reached by seeking forward)."""
    for member, handle in source.stream(media | small):
        if member in small:
            output.buffered[member] = handle.read()
        elif is_video(member):
            # The video reader seeks both ways; a stream cannot. One video at a time goes to an
            # unnamed temporary file (memory up to 64 MB) that vanishes when it is closed.
            with tempfile.SpooledTemporaryFile(max_size=VIDEO_SPOOL_BYTES) as spool:
                shutil.copyfileobj(handle, spool, 1024 * 1024)
                spool.seek(0)
                output.media[member] = examine(spool, member, None)[0]  # type: ignore[arg-type]
        else:
            identity = identify(member)
            known = cached_by_identity(cache, identity)
            if known is not None:
                output.media[member] = known  # the stream moves past it without reading it out
            else:
                yield source_key, member, handle.read(), identity
