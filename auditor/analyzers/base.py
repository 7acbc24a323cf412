"""What an analyzer is and what it gets to look at.

An analyzer declares its name, the policy topics it reports under and a one-line description, and
turns the audit's accounts and items into findings. It never opens files: everything it needs is in
the model. The clause a finding is filed under comes from the policy's topic map, not from here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterable

from auditor.model import (
    Account,
    Evidence,
    FieldKind,
    Finding,
    Item,
    ItemKind,
    LocationPoint,
    LocationTrail,
    MediaRef,
    ProfileField,
    Setting,
    VisualFeatures,
)
from auditor.profile import AgencyProfile

if TYPE_CHECKING:
    from auditor.geo import Geography

EXCERPT_CHARS = 240
URL = re.compile(r"https?://\S+|www\.\S+", re.I)
HANDLE = re.compile(r"(?<![\w@])@\w{2,30}")
# The profile fields whose text the text checks read as self-description, in the corpus's words.
WHERE_FIELDS = {ProfileField.BIO: "bio", ProfileField.HEADLINE: "headline", ProfileField.EMPLOYER: "employer",
                ProfileField.DISPLAY_NAME: "display_name"}

# Fields connectors record that no check reads, each with the reason; a test holds this list true.
NOT_CHECKED: dict[FieldKind, str] = {
    ProfileField.GROUP: "joining an agency's group is what much of its public does",
    ProfileField.LIKED_PAGE: "following an agency's page is what much of its public does",
    ProfileField.PLATFORM_PLACE: "a city the platform lists, without coordinates: shown as read",
    Setting.LOCATION_REPORTING: "whether a phone reported its location: the location history itself is checked",
    Setting.OTHER: "settings offduty has no rule for: kept with the export's own name",
}


@dataclass
class AuditContext:
    accounts: list[Account]
    items: list[Item]
    profile: AgencyProfile = field(default_factory=AgencyProfile)
    locations: LocationTrail = field(default_factory=LocationTrail)
    visuals: dict[MediaRef, VisualFeatures] = field(default_factory=dict)  # from the imagery stage; empty with --no-vision
    frames: dict[MediaRef, tuple[VisualFeatures, ...]] = field(default_factory=dict)  # per video, its sampled frames

    @property
    def geography(self) -> "Geography":
        from auditor.geo import shared_geography

        return shared_geography()


class Analyzer:
    name: str = ""
    topics: tuple[str, ...] = ()
    description: str = ""
    reads: frozenset[FieldKind] = frozenset()  # the profile fields, settings and connection kinds it looks at
    limits: str = ""  # what the check cannot see, shown beside its measured figures

    def analyze(self, ctx: AuditContext) -> Iterable[Finding]:
        raise NotImplementedError


def excerpt(text: str, start: int = 0, end: int | None = None, width: int = EXCERPT_CHARS) -> str:
    """A window of `text` around [start, end), with ellipses where it was cut."""
    text = text or ""
    if len(text) <= width:
        return text
    end = start if end is None else end
    pad = max(0, (width - (end - start)) // 2)
    lo, hi = max(0, start - pad), min(len(text), end + pad)
    return ("…" if lo > 0 else "") + text[lo:hi] + ("…" if hi < len(text) else "")


def evidence_for(record: Item | LocationPoint, text_excerpt: str = "", **extra: object) -> Evidence:
    created_at = record.created_at if isinstance(record, Item) else record.at
    return Evidence(item_id=record.id, platform=record.platform, source=record.source,
                    excerpt=text_excerpt, created_at=created_at, **extra)  # type: ignore[arg-type]


def where_of(kind: ItemKind, field: FieldKind | None) -> str:
    """The kind of place a text sits in, in the labelled corpus's words (bio, headline, post, caption ...)."""
    if kind == ItemKind.PROFILE_FIELD:
        return WHERE_FIELDS.get(field, "profile")  # type: ignore[arg-type]
    if kind in (ItemKind.PHOTO, ItemKind.VIDEO, ItemKind.STORY):
        return "caption"
    return "comment" if kind == ItemKind.COMMENT else "post"


def platform_title(platform: str) -> str:
    """The platform's name as its connector gives it (e.g. "x" → "X"), or the label capitalised."""
    from connectors.registry import all_connectors  # here, not at the top: connectors import the auditor's model

    titles = {connector.platform: connector.title for connector in all_connectors().values()}
    return titles.get(platform) or platform.capitalize()
