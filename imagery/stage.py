"""Running the extractors over the audit's images: which images, in which process, from which cache.

Workers get a reference (which source, which member) and open the image themselves; a compressed tar,
which can only be read front to back, is streamed once here and its images' bytes are handed over.
Results are cached by the SHA-256 of the image's bytes, one entry for the decode and one per
extractor, so a new extractor does not make the others run again; a file the media pass has already
seen under the same identity is found without reading it.

Videos get the same looks on a few frames each (`imagery.video`): their results are a tuple of
VisualFeatures, one per frame with `frame_at` set, kept apart from the images' (`ImageryRun.frames`) and
not cached. A clip over the size limit is skipped, with the reason, before any of it is read.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator

from auditor.cache import ResultCache, content_digest, identity_key, result_key
from auditor.model import Item, ItemKind, MediaRef, ProfileField, VisualFeatures
from auditor.parallel import ordered_map
from connectors.text import is_image, is_video

from . import codec
from . import decode as decoding
from . import video as videos
from .base import Extractor, Picture, VisionSettings, all_extractors

if TYPE_CHECKING:
    from auditor.profile import AgencyProfile
    from connectors.sources import ExportSource, Workspace

POOL_MIN_TASKS = 4  # fewer images than this: never worth starting workers
POOL_MIN_SECONDS = 3.0  # and not unless examining them here would take about this long
DECODE_SECONDS = 0.04  # one image decoded at 1,024 px (measured on the training split)
IMAGES_PER_CHUNK = 2  # an image costs about a second with every extractor: small chunks keep both cores busy
DECODE_BYTES_PER_SECOND = 20e6  # a 4 MB, 12-megapixel JPEG took 0.2 s even at 1/4 scale: its entropy decoding dominates


class ImageryScope(StrEnum):
    PROFILE_PHOTOS = "profile photos"
    ALL_IMAGES = "every image"


# Measured on the sample persona (25 images, warm, 2 cores): the whole audit took 0.438 s with every image
# fingerprinted against 0.419 s without the stage (medians of 8, +4.6 %; the stage alone 44 ms), under the
# 10 % allowed, so every image is examined. A full-size phone JPEG costs about 0.2 s (workers share the work,
# and the cache lets a second audit of the same export skip it).
DEFAULT_SCOPE = ImageryScope.ALL_IMAGES


@dataclass
class ImageryRun:
    checked: bool = False  # False when the stage was skipped (--no-vision)
    scope: ImageryScope = DEFAULT_SCOPE
    visuals: dict[MediaRef, VisualFeatures] = field(default_factory=dict)
    # per video, its sampled frames (each with `frame_at`), or one frame-less entry with the problem
    frames: dict[MediaRef, tuple[VisualFeatures, ...]] = field(default_factory=dict)
    seconds: float = 0.0
    extractors: tuple[str, ...] = ()  # the looks taken at every image, cheapest first

    @property
    def unreadable(self) -> list[VisualFeatures]:
        return [v for v in self.visuals.values() if not v.readable]

    @property
    def unreadable_videos(self) -> list[VisualFeatures]:
        return [frames[0] for frames in self.frames.values() if len(frames) == 1 and frames[0].frame_at is None]


def images_to_examine(items: Iterable[Item], scope: ImageryScope) -> list[MediaRef]:
    """The images in the export that the records name, each once, in the order first named."""
    found: dict[MediaRef, None] = {}
    for item in items:
        if scope == ImageryScope.PROFILE_PHOTOS and not (item.kind == ItemKind.PROFILE_FIELD and item.field == ProfileField.PHOTO):
            continue
        for media in item.media:
            if media.ref is not None and is_image(media.ref.member):
                found.setdefault(media.ref)
    return list(found)


def videos_to_examine(items: Iterable[Item], scope: ImageryScope) -> list[MediaRef]:
    """The videos in the export that the records name, each once (none when only profile photos are looked at)."""
    if scope == ImageryScope.PROFILE_PHOTOS:
        return []
    found: dict[MediaRef, None] = {}
    for item in items:
        for media in item.media:
            if media.ref is not None and is_video(media.ref.member):
                found.setdefault(media.ref)
    return list(found)


Stores = tuple[tuple[str, Any], ...]
Task = tuple[MediaRef, "bytes | None", "str | None"]  # the image, its bytes (None: open it), its identity

# -- worker side: set once per process by `_start_worker` -------------------------------------------
_sources: dict[str, "ExportSource"] = {}
_cache: ResultCache | None = None
_extractors: list[Extractor] = []
_settings = VisionSettings()


def vision_settings(profile: "AgencyProfile") -> VisionSettings:
    """The agency profile's reference pictures, each named by its file name without the extension."""
    return VisionSettings.with_references([(r.path.stem, r.kind, r.path) for r in profile.references])


def active_extractors(settings: VisionSettings) -> list[Extractor]:
    """The extractors with something to look for in this audit, cheapest first."""
    return sorted((e for e in all_extractors().values() if e.applies(settings)), key=lambda e: e.cost)


def _start_worker(sources: dict[str, "ExportSource"], cache: ResultCache | None, settings: VisionSettings = VisionSettings()) -> None:
    global _cache, _settings
    _sources.clear()
    _sources.update(sources)
    _cache = cache
    _settings = settings
    _extractors[:] = active_extractors(settings)
    for extractor in _extractors:
        extractor.prepare(settings)


def _keys(digest: str) -> dict[str, str]:
    keys = {"": result_key(digest, "imagery-decode", decoding.VERSION)}
    keys.update({e.name: result_key(digest, f"imagery-{e.name}", f"{decoding.VERSION}.{e.cache_version(_settings)}")
                 for e in _extractors})
    return keys


def _from_cache(ref: MediaRef, digest: str) -> VisualFeatures | None:
    if _cache is None:
        return None
    keys = _keys(digest)
    decoded = _cache.get(keys.pop(""))
    if decoded is None:
        return None
    values = dict(decoded)
    if values.get("problem"):
        return VisualFeatures(ref, **values)  # an image that could not be decoded has nothing more to look up
    examined_by = []
    for name, key in keys.items():
        part = _cache.get(key)
        if part is None:
            return None
        values.update(codec.decode_fields(part))
        examined_by.append(name)
    return VisualFeatures(ref, examined_by=tuple(examined_by), **values)


def examine(task: Task) -> tuple[MediaRef, VisualFeatures, Stores]:
    """The features of one image, from the cache when its bytes were seen before; also what the cache
    should learn. Only reads the cache: workers must not write it."""
    ref, data, identity = task
    known = _cache.known_digest(identity) if _cache is not None and identity is not None else None
    if known is not None:
        cached = _from_cache(ref, known)
        if cached is not None:
            return ref, cached, ()
    if data is None:
        try:
            with _sources[ref.source_key].open(ref.member) as handle:
                data = handle.read()
        except (OSError, KeyError) as exc:
            problem = f"the file could not be opened ({getattr(exc, 'strerror', None) or type(exc).__name__})"
            return ref, VisualFeatures(ref, problem=problem), ()
    digest = content_digest(data) if _cache is not None else ""
    stores: list[tuple[str, Any]] = [(identity_key(identity), digest)] if digest and identity is not None else []
    if digest and (cached := _from_cache(ref, digest)) is not None:
        return ref, cached, tuple(stores)
    features, parts = _extract(ref, data)
    if digest:
        keys = _keys(digest)
        stores.append((keys[""], {"width": features.width, "height": features.height, "examined_width": features.examined_width,
                                  "examined_height": features.examined_height,
                                  "problem": "" if features.examined_width else features.problem}))
        stores.extend((keys[name], codec.encode_fields(values)) for name, values in parts.items())
    return ref, features, tuple(stores)


def _extract(ref: MediaRef, data: bytes) -> tuple[VisualFeatures, dict[str, dict[str, Any]]]:
    try:
        picture = decoding.decode(data, ref.member)
    except decoding.ImageProblem as exc:
        return VisualFeatures(ref, problem=str(exc)), {}
    return _look_at(ref, picture)


def _look_at(ref: MediaRef, picture: Picture, frame_at: float | None = None) -> tuple[VisualFeatures, dict[str, dict[str, Any]]]:
    values: dict[str, Any] = {}
    parts: dict[str, dict[str, Any]] = {}
    problems = []
    for extractor in _extractors:
        try:
            parts[extractor.name] = {k: v for k, v in extractor.extract(picture).items() if k in extractor.fields}
            values.update(parts[extractor.name])
        except Exception as exc:  # one extractor's bug must not cost the image its other results, or the audit
            problems.append(f"the {extractor.name} look at it failed ({type(exc).__name__}: {str(exc)[:100]})")
    examined_height, examined_width = picture.array.shape[:2]
    return VisualFeatures(ref, picture.width, picture.height, problem="; ".join(problems), examined_width=examined_width,
                          examined_height=examined_height, examined_by=tuple(parts), frame_at=frame_at, **values), parts


def examine_video(task: Task) -> tuple[MediaRef, tuple[VisualFeatures, ...], Stores]:
    """The features of each sampled frame of one video; a single frame-less entry with the problem when
    the video cannot be read. Frames are not cached: a clip is decoded again by the next audit."""
    ref, data, _identity = task
    on_disk = None
    if data is None:
        source = _sources.get(ref.source_key)
        on_disk = source.path_on_disk(ref.member) if source is not None else None
        if on_disk is None:
            try:
                with _sources[ref.source_key].open(ref.member) as handle:
                    data = handle.read()
            except (OSError, KeyError) as exc:
                problem = f"the file could not be opened ({getattr(exc, 'strerror', None) or type(exc).__name__})"
                return ref, (VisualFeatures(ref, problem=problem),), ()
    try:
        with videos.file_for(on_disk, data, ref.member) as path:
            frames = videos.read_frames(path, ref.member)
    except videos.VideoProblem as exc:
        return ref, (VisualFeatures(ref, problem=str(exc)),), ()
    except OSError as exc:
        return ref, (VisualFeatures(ref, problem=f"the video could not be read ({exc.strerror or type(exc).__name__})"),), ()
    except Exception as exc:  # a decoder's surprise about one hostile clip must not cost the audit
        return ref, (VisualFeatures(ref, problem=f"the video could not be read ({type(exc).__name__}: {str(exc)[:100]})"),), ()
    return ref, tuple(_look_at(ref, frame.picture, frame.at)[0] for frame in frames), ()


def examine_media(task: Task) -> tuple[MediaRef, "VisualFeatures | tuple[VisualFeatures, ...]", Stores]:
    """One image's features, or one video's frames' (a tuple): what the workers run."""
    return examine_video(task) if is_video(task[0].member) else examine(task)


def _tasks(refs: list[MediaRef], sources: dict[str, "ExportSource"], cache: ResultCache | None) -> Iterator[Task]:
    """Images of sources that can be opened anywhere as references; those of a compressed tar as bytes,
    streamed out of it in one pass."""
    by_source: dict[str, list[MediaRef]] = {}
    for ref in refs:
        by_source.setdefault(ref.source_key, []).append(ref)
    for key, wanted in by_source.items():
        source = sources.get(key)
        identify: Callable[[str], str | None] = source.identity if source is not None and cache is not None else (lambda _: None)
        if source is None or not source.sequential:
            yield from ((ref, None, identify(ref.member)) for ref in wanted)
            continue
        remaining = {ref.member: ref for ref in wanted}
        try:
            for member, handle in source.stream(list(remaining)):
                yield remaining.pop(member), handle.read(), identify(member)
        except OSError:
            pass  # the archive broke off: `examine_images` reports the images it did not reach


def _pool_pays(refs: list[MediaRef], sources: dict[str, "ExportSource"], seconds_per_image: float) -> bool:
    """Workers take about a second to start (and load their models), so they pay only for many or large images
    (a video counts as the frames it may give)."""
    pictures = sum(videos.MAX_FRAMES if is_video(ref.member) else 1 for ref in refs)
    if pictures < POOL_MIN_TASKS:
        return False
    total_bytes = 0
    for ref in refs:
        if is_video(ref.member):
            continue  # only the sampled frames are decoded, counted above
        try:
            total_bytes += sources[ref.source_key].size(ref.member)
        except (KeyError, OSError):
            pass
    return pictures * seconds_per_image + total_bytes / DECODE_BYTES_PER_SECOND >= POOL_MIN_SECONDS


def _oversized_videos(refs: list[MediaRef], sources: dict[str, "ExportSource"]) -> dict[MediaRef, str]:
    """The videos too large to examine, with the reason (checked before any of their bytes are read)."""
    skipped = {}
    for ref in refs:
        try:
            size = sources[ref.source_key].size(ref.member)
        except (KeyError, OSError):
            continue  # the worker reports why it cannot be opened
        if problem := videos.too_large(size):
            skipped[ref] = problem
    return skipped


def examine_images(items: list[Item], workspace: "Workspace", *, jobs: int = 1, cache: ResultCache | None = None,
                   scope: ImageryScope = DEFAULT_SCOPE, progress: Callable[[str, int, int], None] | None = None,
                   settings: VisionSettings = VisionSettings()) -> ImageryRun:
    """VisualFeatures of the images the items name (all of them, or the profile photos only), and of the
    sampled frames of the videos they name (not with profile photos only). `settings` carries the agency's
    reference pictures to the insignia look."""
    started = time.perf_counter()
    sources = workspace.sources()
    clips = videos_to_examine(items, scope)
    oversized = _oversized_videos(clips, sources)
    refs = images_to_examine(items, scope) + [ref for ref in clips if ref not in oversized]
    openable = {key: source for key, source in sources.items() if not source.sequential}
    run = ImageryRun(checked=True, scope=scope)
    per_image = DECODE_SECONDS + sum(e.cost for e in active_extractors(settings))
    workers = jobs if jobs > 1 and _pool_pays(refs, sources, per_image) else 1
    run.extractors = tuple(e.name for e in active_extractors(settings))
    mapped = ordered_map(examine_media, _tasks(refs, sources, cache), workers, initializer=_start_worker,
                         initargs=(openable, cache, settings), chunk_size=IMAGES_PER_CHUNK)
    for done, (ref, features, stores) in enumerate(mapped, 1):
        if isinstance(features, tuple):
            run.frames[ref] = features
        else:
            run.visuals[ref] = features
        for key, value in stores:
            cache.put(key, value)  # type: ignore[union-attr]
        if progress:
            progress("Looking at images and videos" if clips else "Looking at images", done, len(refs))
    for ref in refs:
        if is_video(ref.member):
            if ref not in run.frames:
                run.frames[ref] = (VisualFeatures(ref, problem="the archive could not be read as far as this video"),)
        elif ref not in run.visuals:
            run.visuals[ref] = VisualFeatures(ref, problem="the archive could not be read as far as this image")
    for ref, problem in oversized.items():
        run.frames[ref] = (VisualFeatures(ref, problem=problem),)
    if cache is not None:
        cache.flush()
    run.seconds = time.perf_counter() - started
    return run
