"""What the vision extractors return: small frozen records, safe to send back from a worker process.

Every coordinate is in pixels of the image the extractor was given (after the caller's downscaling), with
the origin at the top-left corner. The extractors describe what they see; whether it matters to the policy
is for the analyzers to decide.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

Point = tuple[float, float]


@dataclass(frozen=True, slots=True)
class Box:
    """An axis-aligned rectangle."""

    left: int
    top: int
    width: int
    height: int

    @property
    def right(self) -> int:
        return self.left + self.width

    @property
    def bottom(self) -> int:
        return self.top + self.height

    @property
    def area(self) -> int:
        return self.width * self.height

    def scaled(self, factor: float) -> Box:
        return Box(round(self.left * factor), round(self.top * factor), round(self.width * factor), round(self.height * factor))

    @classmethod
    def around(cls, points: tuple[Point, ...] | list[Point]) -> Box:
        xs = [x for x, _ in points]
        ys = [y for _, y in points]
        left, top = int(min(xs)), int(min(ys))
        return cls(left, top, int(round(max(xs))) - left, int(round(max(ys))) - top)


@dataclass(frozen=True, slots=True)
class TextRead:
    """One line of text found in an image.

    `quad` is the four corners of the (possibly rotated) text region, clockwise from the top-left;
    `box` is the rectangle around it; `height` the line height in pixels, which tells a caller how legible
    the text was (a person reads about 12 px capitals comfortably).
    """

    text: str
    confidence: float
    box: Box
    quad: tuple[Point, Point, Point, Point]

    @property
    def height(self) -> float:
        (x0, y0), (x1, y1), (x2, y2), (x3, y3) = self.quad
        return max(((x3 - x0) ** 2 + (y3 - y0) ** 2) ** 0.5, ((x2 - x1) ** 2 + (y2 - y1) ** 2) ** 0.5)


@dataclass(frozen=True, slots=True)
class TextScan:
    """Everything the text reader did on one image: what it read, and whether it left regions unread
    (`stopped_early`: more than its region cap, or its time budget spent)."""

    reads: tuple[TextRead, ...]
    regions_found: int
    regions_read: int
    stopped_early: bool = False


class FaceDetector(StrEnum):
    """Which face detector ran: measured accuracy differs, so a report can say which one it was."""

    YUNET = "YuNet (yuface)"
    HAAR = "OpenCV Haar cascade"


class BodyPart(StrEnum):
    """NudeNet's labels that the explicit-image check uses (exposed anatomy), plus its two face labels."""

    FEMALE_BREAST_EXPOSED = "exposed female breast"
    FEMALE_GENITALIA_EXPOSED = "exposed female genitalia"
    MALE_GENITALIA_EXPOSED = "exposed male genitalia"
    BUTTOCKS_EXPOSED = "exposed buttocks"
    ANUS_EXPOSED = "exposed anus"
    FACE_FEMALE = "face (female)"
    FACE_MALE = "face (male)"

    @property
    def is_face(self) -> bool:
        return self in (BodyPart.FACE_FEMALE, BodyPart.FACE_MALE)


@dataclass(frozen=True, slots=True)
class Detection:
    """One object a detector found: what it is, how sure the detector was (0-1), and where."""

    label: BodyPart
    score: float
    box: Box


@dataclass(frozen=True, slots=True)
class BodyPartScan:
    """One NudeNet pass: exposed-anatomy detections and, separately, the faces it saw."""

    parts: tuple[Detection, ...]
    faces: tuple[Detection, ...]


class SceneClass(StrEnum):
    """ImageNet classes whose probability the scene check always reports (see imagery/scene.py for why each)."""

    MILITARY_UNIFORM = "military uniform"
    BULLETPROOF_VEST = "bulletproof vest"
    HOLSTER = "holster"
    REVOLVER = "revolver"
    RIFLE = "rifle"
    ASSAULT_RIFLE = "assault rifle"
    POLICE_VAN = "police van"
    CRASH_HELMET = "crash helmet"
    GASMASK = "gasmask"
    SKI_MASK = "ski mask"
    PICKELHAUBE = "pickelhaube"
    PRISON = "prison"
    SHIELD = "shield"
    STREET_SIGN = "street sign"
    WEB_SITE = "web site"
    CAB = "cab"


@dataclass(frozen=True, slots=True)
class ClassScore:
    name: str
    probability: float


@dataclass(frozen=True, slots=True)
class SceneScores:
    """ImageNet classifier output: the watched classes' probabilities and the five most likely classes overall."""

    watched: tuple[tuple[SceneClass, float], ...]
    top5: tuple[ClassScore, ...]

    def probability(self, scene_class: SceneClass) -> float:
        return dict(self.watched).get(scene_class, 0.0)


class ReferenceKind(StrEnum):
    """What an agency reference image shows."""

    PATCH = "patch"
    BADGE = "badge"
    LOGO = "logo"
    LIVERY = "livery"


@dataclass(frozen=True, slots=True)
class InsigniaMatch:
    """An agency reference image found in a photo: which one, how strongly, and the outline where it sits.

    `inliers` are the matched points a single perspective transform explains, out of `good_matches`;
    `scale` is the insignia's size in the photo relative to the prepared reference (200-400 px);
    `mirrored` means it was found reversed, as in a mirror selfie.
    """

    reference_id: str
    kind: ReferenceKind
    inliers: int
    good_matches: int
    quad: tuple[Point, Point, Point, Point]
    scale: float
    mirrored: bool = False

    @property
    def inlier_ratio(self) -> float:
        return self.inliers / self.good_matches if self.good_matches else 0.0
