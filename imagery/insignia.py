"""The agency's own insignia (patch, badge, logo, car livery) in a photo, by matching local image features.

The agency profile lists reference images. Their SIFT keypoints are computed once (`prepare_references`);
the result is plain numpy arrays, so it can be sent to worker processes. For each photo, SIFT keypoints are
matched to each reference with Lowe's ratio test, and a RANSAC homography must explain enough of the
matches. The homography is then checked for sense: the reference's outline must land as a convex,
not-too-skewed quadrilateral of a plausible size, and the agreeing points must cover a fair part of the
reference (twenty matches on one letter of a logo are not the logo).

A reference is also matched mirrored: front cameras and mirror selfies show a shoulder patch reversed.
This finds the agency's own artwork, turned, scaled, tilted or partly hidden; it does not find insignia
it has no reference for, and a drawing or embroidery that differs from the reference may be missed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Sequence

import numpy as np

from auditor.model import InsigniaKind, InsigniaMatch
from imagery.base import Extractor, Picture, VisionSettings, register
from imagery.models import ModelUnavailable, check_rgb, reduce_to

# Measured with scikit-image's logo pasted (turned, JPEG) into 1,600 px photos: at 1,024 px a logo 12 % of
# the photo's width was found 6 times in 6, at 8 % 5 in 6, at 6 % 3 in 6, at 4 % never; 768 px takes 0.6
# times as long and finds 3 in 6 at 8 %; 1,280 px finds 6 in 6 at 8 % for 1.5 times the time.
PREFERRED_MAX_SIDE = 1024
REFERENCE_MAX_SIDE = 400
REFERENCE_MIN_SIDE = 200
PHOTO_FEATURES = 4000
REFERENCE_FEATURES = 1000
RATIO = 0.75
# With these, 48 other photos pasted the same way and 6 plain photos matched nothing.
MIN_GOOD_MATCHES = 8
MIN_INLIERS = 8
MIN_INLIER_RATIO = 0.3
MIN_REFERENCE_COVERAGE = 0.1  # inliers' hull as a share of the reference's (masked) area
SCALE_RANGE = (0.04, 6.0)  # the reference's size in the photo relative to its prepared size
MAX_SIDE_RATIO = 4.0  # opposite sides of the projected outline may differ this much (perspective)
MIN_OUTLINE_SIDE = 16  # px in the photo


@dataclass(frozen=True, slots=True)
class ReferenceImage:
    """One image the agency profile lists: an RGB array, and optionally a mask of the insignia's shape."""

    id: str
    kind: InsigniaKind
    image: np.ndarray = field(compare=False, repr=False)
    mask: np.ndarray | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True, slots=True, eq=False)
class PreparedReference:
    """A reference's keypoints (x, y in its prepared size) and SIFT descriptors, mirrored or not."""

    id: str
    kind: InsigniaKind
    mirrored: bool
    width: int
    height: int
    area: float
    points: np.ndarray = field(repr=False)
    descriptors: np.ndarray = field(repr=False)


def load_reference_folder(folder: Path) -> tuple[ReferenceImage, ...]:
    """The references a `references.yaml` lists ({id, kind, path}, paths relative to the file).

    A transparent PNG's alpha channel becomes the shape mask. Raises ValueError with a plain message
    when the list or an image is unusable.
    """
    import yaml

    listing = Path(folder) / "references.yaml"
    try:
        document = yaml.safe_load(listing.read_text(encoding="utf-8")) or []
    except (OSError, yaml.YAMLError) as error:
        raise ValueError(f"could not read {listing}: {error}") from error
    entries = document.get("references", []) if isinstance(document, dict) else document
    references = []
    for entry in entries if isinstance(entries, list) else []:
        if not isinstance(entry, dict) or not {"id", "kind", "path"} <= set(entry):
            raise ValueError(f"{listing}: each reference needs an id, a kind and a path (got {entry!r})")
        try:
            kind = InsigniaKind(str(entry["kind"]))
        except ValueError:
            raise ValueError(f"{listing}: {entry['id']}: kind must be one of {', '.join(k.value for k in InsigniaKind)}") from None
        try:
            references.append(load_reference(str(entry["id"]), kind, listing.parent / str(entry["path"])))
        except ValueError as error:
            raise ValueError(f"{listing}: {error}") from error
    return tuple(references)


def load_reference(reference_id: str, kind: InsigniaKind, path: Path) -> ReferenceImage:
    """One reference picture; a transparent PNG's alpha channel becomes the shape mask. ValueError when unusable."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(path) as opened:
            opened.load()
            rgba = np.asarray(opened.convert("RGBA"))
    except (OSError, UnidentifiedImageError, Image.DecompressionBombError) as error:
        raise ValueError(f"{reference_id}: could not open {path}: {error}") from error
    alpha = rgba[:, :, 3]
    mask = (alpha > 127).astype(np.uint8) * 255 if alpha.min() < 255 else None
    return ReferenceImage(reference_id, kind, np.ascontiguousarray(rgba[:, :, :3]), mask)


def prepare_references(references: Iterable[ReferenceImage], mirrored: bool = True) -> tuple[PreparedReference, ...]:
    """Keypoints and descriptors of each reference (and of its mirror image), computed once."""
    cv2 = _cv2()
    sift = cv2.SIFT_create(nfeatures=REFERENCE_FEATURES)
    prepared = []
    for reference in references:
        check_rgb(reference.image)
        image, mask = _reference_size(cv2, reference.image, reference.mask)
        for flip in (False, True) if mirrored else (False,):
            gray = cv2.cvtColor(image[:, ::-1] if flip else image, cv2.COLOR_RGB2GRAY)
            flipped_mask = None if mask is None else np.ascontiguousarray(mask[:, ::-1] if flip else mask)
            keypoints, descriptors = sift.detectAndCompute(np.ascontiguousarray(gray), flipped_mask)
            if descriptors is None or len(keypoints) < MIN_GOOD_MATCHES:
                continue  # a plain or tiny image has nothing to match; it can never be found
            height, width = gray.shape
            area = float(np.count_nonzero(mask)) if mask is not None else float(width * height)
            points = np.array([keypoint.pt for keypoint in keypoints], dtype=np.float32)
            prepared.append(PreparedReference(reference.id, reference.kind, flip, width, height, area, points, descriptors))
    return tuple(prepared)


def match_references(image: np.ndarray, references: Sequence[PreparedReference]) -> tuple[InsigniaMatch, ...]:
    """Which references appear in an RGB uint8 photo: at most one match per reference id, strongest first."""
    check_rgb(image)
    if not references:
        return ()
    cv2 = _cv2()
    working, factor = reduce_to(image, PREFERRED_MAX_SIDE)
    gray = cv2.cvtColor(working, cv2.COLOR_RGB2GRAY)
    keypoints, descriptors = cv2.SIFT_create(nfeatures=PHOTO_FEATURES).detectAndCompute(gray, None)
    if descriptors is None or len(keypoints) < MIN_GOOD_MATCHES:
        return ()
    photo_points = np.array([keypoint.pt for keypoint in keypoints], dtype=np.float32)
    matcher = cv2.BFMatcher(cv2.NORM_L2)
    best: dict[str, InsigniaMatch] = {}
    for reference in references:
        found = _match_one(cv2, matcher, reference, photo_points, descriptors, gray.shape)
        if found is None:
            continue
        if factor != 1.0:
            found = _rescaled(found, 1 / factor)
        if reference.id not in best or found.inliers > best[reference.id].inliers:
            best[reference.id] = found
    return tuple(sorted(best.values(), key=lambda match: match.inliers, reverse=True))


def _match_one(cv2, matcher, reference: PreparedReference, photo_points, photo_descriptors, shape) -> InsigniaMatch | None:
    pairs = matcher.knnMatch(reference.descriptors, photo_descriptors, k=2)
    passed = [pair[0] for pair in pairs if len(pair) == 2 and pair[0].distance < RATIO * pair[1].distance]
    # One photo point may be the nearest neighbour of many reference points (a coarse blob matching fine
    # detail); left in, those pile up and RANSAC "explains" them with an outline shrunk to a dot.
    # Keeping only the closest reference point for each photo point made 48 of 48 test pastes come out
    # right, against 30 of 48 without.
    closest: dict[int, Any] = {}
    for match in passed:
        if match.trainIdx not in closest or match.distance < closest[match.trainIdx].distance:
            closest[match.trainIdx] = match
    good = list(closest.values())
    if len(good) < MIN_GOOD_MATCHES:
        return None
    source = reference.points[[m.queryIdx for m in good]]
    target = photo_points[[m.trainIdx for m in good]]
    cv2.setRNGSeed(0)  # RANSAC samples at random: the same photo must give the same answer on every run
    homography, inlier_mask = cv2.findHomography(source, target, cv2.RANSAC, 5.0, maxIters=2000, confidence=0.995)
    if homography is None or inlier_mask is None:
        return None
    inliers = inlier_mask.ravel().astype(bool)
    count = int(inliers.sum())
    if count < MIN_INLIERS or count / len(good) < MIN_INLIER_RATIO:
        return None
    hull = cv2.convexHull(source[inliers].reshape(-1, 1, 2))
    if cv2.contourArea(hull) < MIN_REFERENCE_COVERAGE * reference.area:
        return None
    corners = np.array([[0, 0], [reference.width, 0], [reference.width, reference.height], [0, reference.height]], dtype=np.float32)
    outline = cv2.perspectiveTransform(corners.reshape(-1, 1, 2), homography).reshape(4, 2)
    scale = _plausible_scale(cv2, outline, reference, shape)
    if scale is None:
        return None
    quad = tuple((round(float(x), 1), round(float(y), 1)) for x, y in outline)
    return InsigniaMatch(reference.id, reference.kind, count, len(good), quad, round(scale, 3), reference.mirrored)  # type: ignore[arg-type]


def _plausible_scale(cv2, outline: np.ndarray, reference: PreparedReference, shape) -> float | None:
    """The outline's scale relative to the reference, or None when the homography makes no physical sense."""
    if not np.all(np.isfinite(outline)):
        return None
    if not cv2.isContourConvex(outline.reshape(-1, 1, 2).astype(np.float32)):
        return None
    sides = np.linalg.norm(outline - np.roll(outline, -1, axis=0), axis=1)
    if sides.min() < MIN_OUTLINE_SIDE:
        return None
    if max(sides[0], sides[2]) / min(sides[0], sides[2]) > MAX_SIDE_RATIO:
        return None
    if max(sides[1], sides[3]) / min(sides[1], sides[3]) > MAX_SIDE_RATIO:
        return None
    area = cv2.contourArea(outline.reshape(-1, 1, 2).astype(np.float32))
    scale = float(np.sqrt(area / (reference.width * reference.height)))
    if not SCALE_RANGE[0] <= scale <= SCALE_RANGE[1]:
        return None
    height, width = shape
    centre_x, centre_y = outline.mean(axis=0)
    if not (0 <= centre_x <= width and 0 <= centre_y <= height):
        return None  # the insignia's centre must be in the picture
    return scale


def _rescaled(match: InsigniaMatch, factor: float) -> InsigniaMatch:
    quad = tuple((round(x * factor, 1), round(y * factor, 1)) for x, y in match.quad)
    return InsigniaMatch(match.reference_id, match.kind, match.inliers, match.good_matches, quad, round(match.scale * factor, 3), match.mirrored)  # type: ignore[arg-type]


def _reference_size(cv2, image: np.ndarray, mask: np.ndarray | None) -> tuple[np.ndarray, np.ndarray | None]:
    """References are brought to 200-400 px on the long side: enough detail, comparable keypoint scales."""
    longest = max(image.shape[:2])
    target = min(max(longest, REFERENCE_MIN_SIDE), REFERENCE_MAX_SIDE)
    if target == longest:
        return image, mask
    factor = target / longest
    size = (max(1, round(image.shape[1] * factor)), max(1, round(image.shape[0] * factor)))
    interpolation = cv2.INTER_AREA if factor < 1 else cv2.INTER_CUBIC
    resized = cv2.resize(image, size, interpolation=interpolation)
    resized_mask = None if mask is None else cv2.resize(mask, size, interpolation=cv2.INTER_NEAREST)
    return resized, resized_mask


def _cv2():
    try:
        import cv2
    except ImportError as error:
        raise ModelUnavailable("OpenCV (opencv-python-headless) is not installed") from error
    if not hasattr(cv2, "SIFT_create"):
        raise ModelUnavailable("this OpenCV build has no SIFT (install opencv-python-headless>=4.9,<5)")
    return cv2


# In the audit the matcher works on a copy at most this size: SIFT's keypoint search is most of its time
# (0.28 s at 768 px against 0.43 s at 1,024 on the training split); the choice is measured in
# evaluation/imagery/evaluate.py.
AUDIT_MAX_SIDE = 1024


@register
class InsigniaFinder(Extractor):
    """Looks for the agency profile's reference pictures; prepared once per process from their paths."""

    name = "insignia"
    version = f"1.{AUDIT_MAX_SIDE}"
    fields = ("insignia",)
    cost = 0.45

    def __init__(self) -> None:
        self._prepared: tuple[PreparedReference, ...] = ()
        self._prepared_for = ""

    def applies(self, settings: VisionSettings) -> bool:
        return bool(settings.references)

    def cache_version(self, settings: VisionSettings) -> str:
        return f"{self.version}.{settings.references_digest}"

    def prepare(self, settings: VisionSettings) -> None:
        if settings.references_digest == self._prepared_for:
            return
        loaded = []
        for reference in settings.references:
            try:
                loaded.append(load_reference(reference.id, reference.kind, Path(reference.path)))
            except ValueError:
                continue  # the audit reports an unusable reference once (imagery.stage.reference_problems)
        self._prepared = prepare_references(loaded)
        self._prepared_for = settings.references_digest

    def extract(self, picture: Picture) -> dict[str, Any]:
        if not self._prepared:
            return {"insignia": ()}
        return {"insignia": match_references(picture.array, self._prepared)}
