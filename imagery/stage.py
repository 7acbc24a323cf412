"""Running the extractors over the audit's images: which images, in which process, from which cache.

Workers get a reference (which source, which member) and open the image themselves; a compressed tar,
which can only be read front to back, is streamed once here and its images' bytes are handed over.
Results are cached by the SHA-256 of the image's bytes, one entry for the decode and one per
extractor, so a new extractor does not make the others run again; a file the media pass has already
seen under the same identity is found without reading it.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator

from auditor.cache import ResultCache, content_digest, identity_key, result_key
from auditor.model import Item, ItemKind, MediaRef, ProfileField, VisualFeatures
from auditor.parallel import ordered_map
from connectors.text import is_image

from . import codec
from . import decode as decoding
from .base import Extractor, VisionSettings, all_extractors

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
    seconds: float = 0.0
    extractors: tuple[str, ...] = ()  # the looks taken at every image, cheapest first

    @property
    def unreadable(self) -> list[VisualFeatures]:
        return [v for v in self.visuals.values() if not v.readable]


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
                          examined_height=examined_height, examined_by=tuple(parts), **values), parts


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
    """Workers take about a second to start (and load their models), so they pay only for many or large images."""
    if len(refs) < POOL_MIN_TASKS:
        return False
    total_bytes = 0
    for ref in refs:
        try:
            total_bytes += sources[ref.source_key].size(ref.member)
        except (KeyError, OSError):
            pass
    return len(refs) * seconds_per_image + total_bytes / DECODE_BYTES_PER_SECOND >= POOL_MIN_SECONDS


def examine_images(items: list[Item], workspace: "Workspace", *, jobs: int = 1, cache: ResultCache | None = None,
                   scope: ImageryScope = DEFAULT_SCOPE, progress: Callable[[str, int, int], None] | None = None,
                   settings: VisionSettings = VisionSettings()) -> ImageryRun:
    """VisualFeatures of the images the items name (all of them, or the profile photos only). `settings`
    carries the agency's reference pictures to the insignia look."""
    started = time.perf_counter()
    refs = images_to_examine(items, scope)
    sources = workspace.sources()
    openable = {key: source for key, source in sources.items() if not source.sequential}
    run = ImageryRun(checked=True, scope=scope)
    per_image = DECODE_SECONDS + sum(e.cost for e in active_extractors(settings))
    workers = jobs if jobs > 1 and _pool_pays(refs, sources, per_image) else 1
    run.extractors = tuple(e.name for e in active_extractors(settings))
    mapped = ordered_map(examine, _tasks(refs, sources, cache), workers, initializer=_start_worker,
                         initargs=(openable, cache, settings), chunk_size=IMAGES_PER_CHUNK)
    for done, (ref, features, stores) in enumerate(mapped, 1):
        run.visuals[ref] = features
        for key, value in stores:
            cache.put(key, value)  # type: ignore[union-attr]
        if progress:
            progress("Looking at images", done, len(refs))
    for ref in refs:
        if ref not in run.visuals:
            run.visuals[ref] = VisualFeatures(ref, problem="the archive could not be read as far as this image")
    if cache is not None:
        cache.flush()
    run.seconds = time.perf_counter() - started
    return run
