"""The typed data model every stage speaks.

Connectors build `Account`s and `Item`s from exports, analyzers turn them into `Finding`s, reports
render findings. Nothing here parses files or judges content.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum
from typing import BinaryIO, Callable


class ItemKind(str, Enum):
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
    LOCATION_RECORD = "location record"


class Severity(str, Enum):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"
    INFO = "info"

    @property
    def rank(self) -> int:
        return ["high", "medium", "low", "info"].index(self.value)


@dataclass(frozen=True)
class GeoPoint:
    lat: float
    lon: float
    source: str  # exif | xmp | sidecar | meta-json | tweet | check-in | location-history | ...
    accuracy_m: float | None = None

    def rounded(self, places: int = 5) -> tuple[float, float]:
        return (round(self.lat, places), round(self.lon, places))


@dataclass(frozen=True)
class Person:
    name: str = ""
    handle: str = ""
    platform_id: str = ""

    @property
    def label(self) -> str:
        if self.name and self.handle:
            return f"{self.name} (@{self.handle})"
        return self.name or (f"@{self.handle}" if self.handle else self.platform_id)


@dataclass(frozen=True)
class SourceRef:
    """Where a record came from: the input (folder or archive), the file inside it, the record in that file."""

    input: str
    path: str
    pointer: str = ""

    def __str__(self) -> str:
        return f"{self.path}{' ' + self.pointer if self.pointer else ''}"


@dataclass(frozen=True)
class Place:
    name: str = ""
    geo: GeoPoint | None = None
    address: str = ""


@dataclass
class Media:
    path: str  # path inside the export, or a URL when the export only gives one
    mime: str = ""
    open: Callable[[], BinaryIO] | None = field(default=None, repr=False, compare=False)
    geo: list[GeoPoint] = field(default_factory=list)
    taken_at: datetime | None = None
    camera: str = ""
    people: list[Person] = field(default_factory=list)
    upload_ip: str = ""  # the address the platform recorded for the upload, when the export keeps it


@dataclass
class Account:
    platform: str
    handle: str = ""
    display_name: str = ""
    bio: str = ""
    emails: list[str] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)
    employers: list[str] = field(default_factory=list)
    job_titles: list[str] = field(default_factory=list)
    location: str = ""
    websites: list[str] = field(default_factory=list)
    profile_photo: str = ""
    private: bool | None = None  # None: the export does not say
    source: SourceRef | None = None


@dataclass
class Item:
    id: str
    platform: str
    kind: ItemKind
    source: SourceRef
    text: str = ""
    created_at: datetime | None = None  # timezone-aware UTC
    audience: str = ""  # as exported; "" when the export does not say
    url: str = ""
    people: list[Person] = field(default_factory=list)
    media: list[Media] = field(default_factory=list)
    place: Place | None = None
    field_name: str = ""  # for profile fields and settings: which one ("bio", "employer", "email" ...)

    @property
    def geopoints(self) -> list[GeoPoint]:
        points = [p for m in self.media for p in m.geo]
        if self.place and self.place.geo:
            points.append(self.place.geo)
        return points


def make_item_id(platform: str, source: SourceRef) -> str:
    """A stable id: the same record of the same export always gets the same id."""
    digest = hashlib.sha1(f"{platform}\x00{source.path}\x00{source.pointer}".encode()).hexdigest()
    return f"{platform[:2]}-{digest[:12]}"


@dataclass(frozen=True)
class Evidence:
    item_id: str
    platform: str
    source: SourceRef
    excerpt: str = ""
    created_at: datetime | None = None
    geo: GeoPoint | None = None
    place_name: str = ""


@dataclass
class Finding:
    detector: str
    topic: str  # a policy topic; the policy file maps it to a clause id
    severity: Severity
    title: str
    explanation: str
    platform: str
    evidence: list[Evidence] = field(default_factory=list)
    confidence: float = 0.5
    clause: str = ""  # filled from the policy's topic map
    related_clauses: list[str] = field(default_factory=list)
    remediation: list[str] = field(default_factory=list)
    precision: float | None = None  # the detector's measured figures, when known
    recall: float | None = None
    area: GeoPoint | None = None  # an inferred place (home, workplace ...): its centre
    area_radius_m: float | None = None
    area_label: str = ""

    @property
    def id(self) -> str:
        key = "\x00".join([self.detector, self.topic, self.title] + sorted(e.item_id for e in self.evidence))
        return "F-" + hashlib.sha1(key.encode()).hexdigest()[:12]


@dataclass
class Unreadable:
    input: str
    path: str
    reason: str


@dataclass
class FileOutcome:
    """The ledger line of one file: what became of it."""

    input: str
    path: str
    state: str  # parsed | ignored | not understood | could not read
    connector: str = ""
    items: int = 0
    reason: str = ""
