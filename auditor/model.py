"""The typed data model every stage speaks.

Connectors build `Account`s, `Item`s and `LocationPoint`s from exports, analyzers turn them into
`Finding`s, reports render findings. Nothing here parses files or judges content.

Where two stages must agree on a word (which profile field, which setting, where a coordinate came
from, what became of a file), the word is a member of an enum below, never a string that happens to
match. Records are small frozen dataclasses with slots, so they pickle across process boundaries and
cost little memory; location points, the bulk of a heavy export, are stored column-wise in a
`LocationTrail`.
"""

from __future__ import annotations

import hashlib
import math
import re
from array import array
from collections import Counter
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from enum import StrEnum
from typing import Any, Iterable, Iterator


class ItemKind(StrEnum):
    POST = "post"
    COMMENT = "comment"
    PHOTO = "photo"
    VIDEO = "video"
    STORY = "story"
    CHECK_IN = "check-in"
    PROFILE_FIELD = "profile field"
    MESSAGE = "message"
    SETTING = "setting"
    CONNECTION = "connection"


class ProfileField(StrEnum):
    """Which part of a profile an item of kind PROFILE_FIELD is."""

    DISPLAY_NAME = "display name"
    BIO = "bio"
    HEADLINE = "headline"
    EMPLOYER = "employer"
    INDUSTRY = "industry"
    EDUCATION = "education"
    SKILLS = "skills"
    EMAIL = "email"
    WEBSITE = "website"
    LOCATION = "location"
    ADDRESS = "address"
    LINKED_ACCOUNT = "linked account"
    FAMILY_MEMBER = "family member"
    GROUP = "group"
    LIKED_PAGE = "liked page"
    SUBSCRIBED_COMMUNITY = "subscribed community"
    MODERATED_COMMUNITY = "moderated community"
    PLATFORM_PLACE = "place the platform lists for you"
    PHOTO = "profile photo"  # the item's media is the picture; Item.label names a header or cover image


class Setting(StrEnum):
    """An account-level setting an item of kind SETTING records (its value is the item's text).

    On the items that open or close the whole account (PRIVATE_ACCOUNT, PROTECTED_POSTS, PRIVACY_CHANGE) the
    connector also sets `Item.visibility`: who could see the account's posts under that state (PUBLIC or LIMITED).
    """

    PRIVATE_ACCOUNT = "private account"  # the account's state when the export was made
    PROTECTED_POSTS = "protected posts"  # X: one dated change of "Protect your posts"
    PRIVACY_CHANGE = "account privacy change"  # one dated switch between public and private
    SUGGEST_ACCOUNT = "suggest your account to others"
    DISCOVERABLE = "discoverable"
    INDEXABLE = "indexable by search engines"
    APPROVE_FOLLOWERS = "approve followers manually"
    LOCATION_REPORTING = "location reporting"
    OTHER = "other setting"  # kept with the export's own name in Item.label


class ConnectionKind(StrEnum):
    FRIEND = "friend"
    FOLLOWER = "follower"
    FOLLOWING = "following"
    CONTACT = "connection"  # LinkedIn's word
    LIST_MEMBER = "list member"


FieldKind = ProfileField | Setting | ConnectionKind
FIELD_TYPE_FOR_KIND: dict[ItemKind, type] = {
    ItemKind.PROFILE_FIELD: ProfileField, ItemKind.SETTING: Setting, ItemKind.CONNECTION: ConnectionKind,
}


class GeoSource(StrEnum):
    """Where a coordinate came from."""

    EXIF = "exif"
    XMP = "xmp"
    VIDEO = "video"
    META_JSON = "meta-json"
    CHECK_IN = "check-in"
    TWEET = "tweet"
    TWEET_PLACE = "tweet-place"
    SIDECAR = "sidecar"
    SIDECAR_EXIF = "sidecar-exif"
    LOCATION_HISTORY = "location-history"
    TIMELINE = "timeline"
    ACTIVITY = "activity"
    SNAP_MEMORY = "snap-memory"
    SNAP_INFERENCE = "snap-inference"
    INFERRED = "inferred"  # a place offduty concluded from many points


class PlaceLabel(StrEnum):
    """A platform's own label on a location record: its inference of where you live or work."""

    HOME = "home"
    WORK = "workplace"


class InferredPlace(StrEnum):
    """What offduty concluded a cluster of points is."""

    HOME = "likely home"
    WORK = "likely workplace"
    ROUTINE = "routine place"


class Visibility(StrEnum):
    """Who could see an item, as far as its export records (clause 13: this can change at any time)."""

    PUBLIC = "anyone"
    LIMITED = "friends, followers or connections"
    PRIVATE = "only you or the people named"
    UNKNOWN = "not recorded"


class IdentifyingClue(StrEnum):
    """What an undercover officer's finding gives away outright (see auditor.undercover)."""

    NAME = "a real name on an account"
    EMPLOYMENT = "your employer or job"
    LINKED_ACCOUNTS = "your accounts tied to each other"
    PLACE = "your home or workplace"


class InsigniaKind(StrEnum):
    """What an agency reference picture shows (agency profile `references:`)."""

    PATCH = "patch"
    BADGE = "badge"
    LOGO = "logo"
    LIVERY = "livery"


class LedgerState(StrEnum):
    PARSED = "parsed"
    IGNORED = "ignored"
    NOT_UNDERSTOOD = "not understood"
    COULD_NOT_READ = "could not read"


class Severity(StrEnum):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"
    INFO = "info"

    @property
    def rank(self) -> int:
        return list(Severity).index(self)


def _frozen_tuple(instance: object, **fields: Iterable[Any]) -> None:
    """Lists handed to a frozen record become tuples, so the record cannot change after it is built."""
    for name, value in fields.items():
        if not isinstance(value, tuple):
            object.__setattr__(instance, name, tuple(value))


@dataclass(frozen=True, slots=True)
class GeoPoint:
    lat: float
    lon: float
    source: GeoSource
    accuracy_m: float | None = None


@dataclass(frozen=True, slots=True)
class Person:
    name: str = ""
    handle: str = ""
    platform_id: str = ""

    @property
    def label(self) -> str:
        if self.name and self.handle:
            return f"{self.name} (@{self.handle})"
        return self.name or (f"@{self.handle}" if self.handle else self.platform_id)


@dataclass(frozen=True, slots=True)
class SourceRef:
    """Where a record came from: the input (folder or archive), the file inside it, the record in that file."""

    input: str
    path: str
    pointer: str = ""

    def __str__(self) -> str:
        return f"{self.path}{' ' + self.pointer if self.pointer else ''}"


@dataclass(frozen=True, slots=True)
class Place:
    name: str = ""
    geo: GeoPoint | None = None
    address: str = ""


@dataclass(frozen=True, slots=True)
class MediaRef:
    """Which bytes a media record stands for: a member of one opened input. The audit's workspace
    (`connectors.sources.Workspace`) opens it, in this process or in a worker."""

    source_key: str
    member: str


@dataclass(frozen=True, slots=True)
class Media:
    path: str  # path inside the export, or a URL when the export only gives one
    mime: str = ""
    ref: MediaRef | None = None  # None when the file is not in the export
    geo: tuple[GeoPoint, ...] = ()
    taken_at: datetime | None = None
    camera: str = ""
    people: tuple[Person, ...] = ()
    upload_ip: str = ""  # the address the platform recorded for the upload, when the export keeps it

    def __post_init__(self) -> None:
        _frozen_tuple(self, geo=self.geo, people=self.people)

    def with_geo(self, point: GeoPoint) -> "Media":
        return self if point in self.geo else replace(self, geo=(*self.geo, point))


# -- what the vision extractors (imagery/) report: small frozen records, safe to send back from a worker --------
# Every coordinate is in pixels of the image the extractor was given, origin at the top-left corner. The
# extractors describe what they see; whether it matters to the policy is for the analyzers to decide.

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



@dataclass(frozen=True, slots=True)
class InsigniaMatch:
    """An agency reference image found in a photo: which one, how strongly, and the outline where it sits.

    `inliers` are the matched points a single perspective transform explains, out of `good_matches`;
    `scale` is the insignia's size in the photo relative to the prepared reference (200-400 px);
    `mirrored` means it was found reversed, as in a mirror selfie.
    """

    reference_id: str
    kind: InsigniaKind
    inliers: int
    good_matches: int
    quad: tuple[Point, Point, Point, Point]
    scale: float
    mirrored: bool = False

    @property
    def inlier_ratio(self) -> float:
        return self.inliers / self.good_matches if self.good_matches else 0.0


@dataclass(frozen=True, slots=True)
class VisualFeatures:
    """What the imagery stage saw in one image. Each extractor in `imagery/` fills its own fields, with
    defaults that mean "not looked at", so adding an extractor adds fields here and changes nothing else.
    Boxes and outlines are in pixels of the copy that was examined (`examined_width` x `examined_height`)."""

    ref: MediaRef
    width: int = 0  # of the stored image, before it was scaled down to be examined
    height: int = 0
    problem: str = ""  # why the image (or one look at it) could not be examined; "" when it was
    examined_width: int = 0
    examined_height: int = 0
    examined_by: tuple[str, ...] = ()  # the extractors that looked at it without failing
    frame_at: float | None = None  # for a frame of a video: seconds from its start
    perceptual_hash: str = ""  # 64-bit pHash as 16 hex digits (imagery.fingerprint)
    detail: float = 0.0  # spread of grey levels, 0 for one flat colour: a flat image's hash matches any other
    text: tuple[TextRead, ...] = ()  # lines of text read (imagery.ocr)
    text_stopped_early: bool = False  # the reader left regions unread (region cap or time budget)
    faces: tuple[Box, ...] = ()  # counted and located, never identified (imagery.faces)
    face_detector: FaceDetector | None = None
    body_parts: tuple[Detection, ...] = ()  # NudeNet's exposed-anatomy detections (imagery.explicit)
    body_faces: tuple[Detection, ...] = ()  # NudeNet's faces: a second face signal
    scene: SceneScores | None = None  # ImageNet classes (imagery.scene)
    insignia: tuple[InsigniaMatch, ...] = ()  # the agency's reference pictures found (imagery.insignia)

    def __post_init__(self) -> None:
        _frozen_tuple(self, examined_by=self.examined_by, text=self.text, faces=self.faces, body_parts=self.body_parts,
                      body_faces=self.body_faces, insignia=self.insignia)

    @property
    def readable(self) -> bool:
        return not self.problem

    def looked_with(self, extractor: str) -> bool:
        return extractor in self.examined_by

    @property
    def to_stored_scale(self) -> float:
        """Multiply a length in examined pixels by this to get pixels of the stored image."""
        return self.width / self.examined_width if self.examined_width and self.width else 1.0

    def hash_distance(self, other: "VisualFeatures") -> int:
        """In how many of the 64 bits the two images' perceptual hashes differ (0: the same picture)."""
        return bin(int(self.perceptual_hash, 16) ^ int(other.perceptual_hash, 16)).count("1")


@dataclass(frozen=True, slots=True)
class Account:
    platform: str
    handle: str = ""
    display_name: str = ""
    bio: str = ""
    emails: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    employers: tuple[str, ...] = ()
    job_titles: tuple[str, ...] = ()
    location: str = ""
    websites: tuple[str, ...] = ()
    profile_photo: str = ""  # the current profile photo: its path in the export, or its URL; a PHOTO item carries it too
    private: bool | None = None  # None: the export does not say
    source: SourceRef | None = None
    created_at: datetime | None = None  # when the account was opened, where the export says

    def __post_init__(self) -> None:
        _frozen_tuple(self, emails=self.emails, phones=self.phones, employers=self.employers,
                      job_titles=self.job_titles, websites=self.websites)


@dataclass(frozen=True, slots=True)
class Item:
    id: str
    platform: str
    kind: ItemKind
    source: SourceRef
    text: str = ""
    created_at: datetime | None = None  # timezone-aware UTC
    audience: str = ""  # as exported; "" when the export does not say
    url: str = ""
    people: tuple[Person, ...] = ()
    media: tuple[Media, ...] = ()
    place: Place | None = None
    field: FieldKind | None = None  # which profile field, setting or kind of connection
    label: str = ""  # the export's own name for it, when that says more (a TikTok setting, a Mastodon list)
    visibility: "Visibility" = Visibility.UNKNOWN  # who could see it, read from `audience` by the connector
    # Who posted it: None for the account owner (the officer); a Person with no name or handle when the
    # export says someone else did but not who (a photo a partner shared, say).
    author: Person | None = None

    def __post_init__(self) -> None:
        _frozen_tuple(self, people=self.people, media=self.media)
        expected = FIELD_TYPE_FOR_KIND.get(self.kind)
        if self.field is not None and (expected is None or not isinstance(self.field, expected)):
            raise TypeError(f"a {self.kind} item cannot carry the field {self.field!r}")
        if expected is not None and self.field is None:
            raise TypeError(f"a {self.kind} item needs a {expected.__name__}")

    @property
    def geopoints(self) -> list[GeoPoint]:
        points = [p for m in self.media for p in m.geo]
        if self.place and self.place.geo:
            points.append(self.place.geo)
        return points

    @property
    def posted_by_someone_else(self) -> bool:
        """Someone other than the account owner posted it: the owner can untag, ask or report, not delete."""
        return self.author is not None

    @property
    def author_label(self) -> str:
        """How the report names who posted it ("" for the account owner)."""
        if self.author is None:
            return ""
        return self.author.label or "someone else (the export does not say who)"

    @property
    def field_label(self) -> str:
        """How the report names this field or setting."""
        return self.label or (self.field.value if self.field else "")


def make_item_id(platform: str, source: SourceRef) -> str:
    """A stable id: the same record of the same export always gets the same id."""
    digest = hashlib.sha1(f"{platform}\x00{source.path}\x00{source.pointer}".encode()).hexdigest()
    return f"{platform[:2]}-{digest[:12]}"


@dataclass(frozen=True, slots=True)
class LocationPoint:
    """One point of a location trail: a platform's record of where you were (or its own guess of
    your home and workplace). Stored column-wise in a `LocationTrail`; this is the row view."""

    platform: str
    source: SourceRef
    lat: float
    lon: float
    geo_source: GeoSource
    accuracy_m: float | None = None
    at: datetime | None = None
    label: PlaceLabel | None = None
    text: str = ""  # what the record says besides the point (an activity, a place's name)
    place_name: str = ""
    address: str = ""

    @property
    def id(self) -> str:
        return make_item_id(self.platform, self.source)

    @property
    def geo(self) -> GeoPoint:
        return GeoPoint(self.lat, self.lon, self.geo_source, self.accuracy_m)


_LAST_INDEX = re.compile(r"\[(\d{1,18})\](?!.*\[\d)")
_NO_CODE = 0


class _Interner:
    """Strings stored once and referred to by number (0 is the empty string)."""

    def __init__(self) -> None:
        self.values: list[Any] = [""]
        self.codes: dict[Any, int] = {"": 0}

    def code(self, value: Any) -> int:
        found = self.codes.get(value)
        if found is None:
            found = self.codes[value] = len(self.values)
            self.values.append(value)
        return found

    def __getstate__(self) -> list[Any]:
        return self.values

    def __setstate__(self, values: list[Any]) -> None:
        self.values = values
        self.codes = {v: i for i, v in enumerate(values)}


class LocationTrail:
    """Millions of location points in a few flat arrays (about 60 bytes a point, against about 900
    for an Item): coordinates, times and accuracies as numbers, everything textual interned. Record
    pointers such as "locations[1234567]" are kept as a shared template plus a number."""

    _SOURCES = list(GeoSource)
    _LABELS: list[PlaceLabel | None] = [None, *PlaceLabel]

    def __init__(self) -> None:
        self.lat, self.lon, self.at = array("d"), array("d"), array("d")
        self.accuracy = array("f")
        self.geo_source, self.place_label = array("B"), array("B")
        self.origin, self.template, self.index = array("I"), array("I"), array("q")
        self.text, self.place_name, self.address = array("I"), array("I"), array("I")
        self._origins = _Interner()  # (platform, input, path)
        self._strings = _Interner()

    def __len__(self) -> int:
        return len(self.lat)

    def append(self, point: LocationPoint) -> None:
        self.lat.append(point.lat)
        self.lon.append(point.lon)
        self.at.append(point.at.timestamp() if point.at else math.nan)
        self.accuracy.append(math.nan if point.accuracy_m is None else point.accuracy_m)
        self.geo_source.append(self._SOURCES.index(point.geo_source))
        self.place_label.append(self._LABELS.index(point.label))
        self.origin.append(self._origins.code((point.platform, point.source.input, point.source.path)))
        match = _LAST_INDEX.search(point.source.pointer)
        if match:
            template = point.source.pointer[:match.start(1)] + "\x00" + point.source.pointer[match.end(1):]
            self.template.append(self._strings.code(template))
            self.index.append(int(match.group(1)))
        else:
            self.template.append(self._strings.code(point.source.pointer))
            self.index.append(-1)
        for column, value in ((self.text, point.text), (self.place_name, point.place_name), (self.address, point.address)):
            column.append(self._strings.code(value))

    def extend(self, points: Iterable[LocationPoint]) -> None:
        for point in points:
            self.append(point)

    def __getitem__(self, row: int) -> LocationPoint:
        platform, input_label, path = self._origins.values[self.origin[row]]
        template = self._strings.values[self.template[row]]
        pointer = template.replace("\x00", str(self.index[row])) if self.index[row] >= 0 else template
        at, accuracy = self.at[row], self.accuracy[row]
        strings = self._strings.values
        return LocationPoint(
            platform=platform, source=SourceRef(input_label, path, pointer), lat=self.lat[row], lon=self.lon[row],
            geo_source=self._SOURCES[self.geo_source[row]],
            accuracy_m=None if math.isnan(accuracy) else round(float(accuracy), 2),  # stored as float32
            at=None if math.isnan(at) else datetime.fromtimestamp(at, tz=timezone.utc),
            label=self._LABELS[self.place_label[row]], text=strings[self.text[row]],
            place_name=strings[self.place_name[row]], address=strings[self.address[row]],
        )

    def __iter__(self) -> Iterator[LocationPoint]:
        return (self[row] for row in range(len(self)))

    def rows(self, rows: Iterable[int]) -> list[LocationPoint]:
        return [self[row] for row in rows]

    def labelled_rows(self) -> list[int]:
        """Rows the platform labelled as your home or workplace."""
        return [row for row, code in enumerate(self.place_label) if code != _NO_CODE]

    def platform_of(self, row: int) -> str:
        return self._origins.values[self.origin[row]][0]

    def count_by_platform(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for code, number in Counter(self.origin).items():
            platform = self._origins.values[code][0]
            counts[platform] = counts.get(platform, 0) + number
        return counts

    def nbytes(self) -> int:
        columns = (self.lat, self.lon, self.at, self.accuracy, self.geo_source, self.place_label, self.origin,
                   self.template, self.index, self.text, self.place_name, self.address)
        return sum(c.itemsize * len(c) for c in columns)


@dataclass(frozen=True, slots=True)
class Evidence:
    item_id: str
    platform: str
    source: SourceRef
    excerpt: str = ""
    created_at: datetime | None = None
    geo: GeoPoint | None = None
    place_name: str = ""
    highlight: str = ""  # the words that made the finding, inside the excerpt (shown marked)
    media: MediaRef | None = None  # the image the finding is about, when it is about one picture of the item
    frame_at: float | None = None  # when `media` is a video: the seconds into it of the frame the finding is about


@dataclass(frozen=True, slots=True)
class Finding:
    detector: str
    topic: str  # a policy topic; the policy file maps it to a clause id
    severity: Severity
    title: str
    explanation: str
    platform: str
    evidence: tuple[Evidence, ...] = ()
    confidence: float = 0.5
    clause: str = ""  # filled from the policy's topic map
    related_clauses: tuple[str, ...] = ()
    remediation: tuple[str, ...] = ()
    precision: float | None = None  # the detector's measured figures, when known
    recall: float | None = None
    area: GeoPoint | None = None  # an inferred place (home, workplace ...): its centre
    area_radius_m: float | None = None
    area_label: InferredPlace | None = None
    reasons: tuple[str, ...] = ()  # what made it, one short phrase each ("SHERIFF on the shirt", "your agency's patch")

    def __post_init__(self) -> None:
        _frozen_tuple(self, evidence=self.evidence, related_clauses=self.related_clauses, remediation=self.remediation,
                      reasons=self.reasons)

    @property
    def id(self) -> str:
        key = "\x00".join([self.detector, self.topic, self.title] + sorted(e.item_id for e in self.evidence))
        return "F-" + hashlib.sha1(key.encode()).hexdigest()[:12]


@dataclass(frozen=True, slots=True)
class FileOutcome:
    """The ledger line of one file: what became of it."""

    input: str
    path: str
    state: LedgerState
    connector: str = ""
    items: int = 0
    reason: str = ""


Record = Account | Item | LocationPoint
