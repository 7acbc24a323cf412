"""What the imagery checks share: walking the photos the imagery stage examined, saying where in a picture
something is, the law-enforcement vocabulary read in photos, and the per-photo signal each check decides.

Each imagery check exposes a pure decision function (a photo's `VisualFeatures` and the agency profile in,
a `PhotoSignal` or None out) that both its findings and the evaluation harness (evaluation/imagery) use,
so the figures measured are the figures of the check that runs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from auditor.model import Box, Finding, Item, Media, Severity, TextRead, VisualFeatures
from auditor.profile import AgencyProfile

from .base import AuditContext, evidence_for, excerpt

# The topics whose findings are about one photo each; the pipeline merges those about the same photo.
IMAGERY_TOPICS = frozenset({"photo_text", "agency_insignia", "faces_in_photos", "explicit_images", "uniform_context",
                            "photo_documents"})
SUPPORTING_TOPICS = frozenset({"uniform_context"})  # never a finding alone: only adds to another of the same photo


@dataclass(frozen=True, slots=True)
class PhotoSignal:
    """A check's verdict on one photo: the reasons in plain words, how sure it is (0-1), and the words or
    labels that made it (quoted in the evidence)."""

    reasons: tuple[str, ...]
    confidence: float
    quote: str = ""
    strong: bool = False  # the agency itself (its name, its insignia), not only generic police wording


def photos(ctx: AuditContext) -> Iterator[tuple[Item, Media, VisualFeatures]]:
    """Every examined image of every item, once per item that carries it, and every examined frame of its
    videos (`frame_at` says which); findings about frames of one video are merged into one per video."""
    if not ctx.visuals and not ctx.frames:
        return
    for item in ctx.items:
        for media in item.media:
            if media.ref is None:
                continue
            features = ctx.visuals.get(media.ref)
            if features is not None and features.examined_width:
                yield item, media, features
            for frame in ctx.frames.get(media.ref, ()):
                if frame.examined_width:
                    yield item, media, frame


def where(box: Box, features: VisualFeatures) -> str:
    """"top left", "centre", "bottom right" ... of the examined picture."""
    if not features.examined_width or not features.examined_height:
        return "in the picture"
    x = (box.left + box.width / 2) / features.examined_width
    y = (box.top + box.height / 2) / features.examined_height
    row = "top" if y < 1 / 3 else "bottom" if y > 2 / 3 else "middle"
    column = "left" if x < 1 / 3 else "right" if x > 2 / 3 else "centre"
    if row == "middle":
        return "centre" if column == "centre" else f"middle {column}"
    return f"{row} {column}" if column != "centre" else f"{row} centre"


def photo_finding(detector: str, topic: str, item: Item, media: Media, signal: PhotoSignal, *, severity: Severity,
                  title: str, explanation: str, features: VisualFeatures | None = None) -> Finding:
    """A finding about one picture; `features` (the picture's) places it in its video when it is a frame."""
    evidence = evidence_for(item, signal.quote or excerpt(item.text), highlight=signal.quote, media=media.ref,
                            frame_at=features.frame_at if features is not None else None)
    return Finding(detector=detector, topic=topic, severity=severity, title=title, explanation=explanation,
                   platform=item.platform, evidence=(evidence,), confidence=round(signal.confidence, 2),
                   reasons=signal.reasons)


# -- law-enforcement words read in a photo -----------------------------------------------------------------------

# (how the report names it, the pattern). Whole words only, so POLICY, POLITE, POLISH and MARSHALL never match.
LE_TERMS: tuple[tuple[str, str], ...] = (
    ("POLICE", r"POLICE"),
    ("SHERIFF", r"SHERIFF(?:'?S)?"),
    ("DEPUTY", r"DEPUT(?:Y|IES)"),
    ("TROOPER", r"(?:STATE\s+)?TROOPERS?"),
    ("K-9", r"K\s?-?\s?9"),
    ("SWAT", r"S\.?W\.?A\.?T\.?"),
    ("CORRECTIONS", r"CORRECTIONS?(?:AL)?"),
    ("DISPATCH", r"DISPATCH(?:ER)?"),
    ("CONSTABLE", r"CONSTABLES?"),
    ("MARSHAL", r"MARSHALS?"),
    ("STATE PATROL", r"(?:STATE|HIGHWAY)\s+PATROL"),
)
# A police word used in another sense: the word (in the report's naming), and what around it says so.
OTHER_SENSES: dict[str, re.Pattern[str]] = {
    "SHERIFF": re.compile(r"SHERIFF'?S?\s+(?:FARM|STAND|MARKET|PRODUCE|GRILL|BBQ|RANCH|SALOON|DINER|BAKERY)", re.I),
    "DEPUTY": re.compile(r"DEPUTY\s+(?:HEAD|HEADTEACHER|PRINCIPAL|MAYOR|MANAGER|EDITOR|DIRECTOR|CHAIR|GOVERNOR|MINISTER|"
                         r"LEADER|REGISTRAR|CLERK)", re.I),
    "POLICE": re.compile(r"POLICE\s+ACADEMY\s+(?:FANS?|MOVIE|FILM|MARATHON)|THE\s+POLICE\s+(?:TOUR|CONCERT|BAND)|"
                         r"POLICE\s+(?:FANS?\s+CLUB|MOVIE)", re.I),
    "MARSHAL": re.compile(r"(?:FIRE|FIELD|AIR|WEDDING|PARADE|RACE)\s+MARSHALS?", re.I),
    "DISPATCH": re.compile(r"DISPATCH(?:ED)?\s+(?:DATE|NOTE|ADVICE|WITHIN|FROM|BY|TIME)|(?:FOR|AWAITING|READY\s+FOR)\s+DISPATCH|"
                           r"DATE\s+OF\s+DISPATCH", re.I),
    "CORRECTIONS": re.compile(r"CORRECTIONS?\s+(?:AND|&)\s+CLARIFICATIONS|(?:MAKE|MINOR|SPELLING)\s+CORRECTIONS", re.I),
}
BADGE_NUMBER = re.compile(r"(?:#|\bNO\.?\s?|\bBADGE\s*)(\d{2,5})\b|\b(\d{3,5})\b", re.I)


@dataclass(frozen=True, slots=True)
class WordSeen:
    term: str  # as the report names it ("SHERIFF", or the agency's name)
    line: str  # the line of text it was read in
    box: Box
    agency: bool  # the agency's own name or abbreviation


# The text reader sometimes adds one letter at the end of a long word (SHERIFF read as SHERIFFU, from the edge of
# the lettering); tolerated for these, never for MARSHAL (MARSHALL is a name) or short words.
TRAILING_NOISE_OK = frozenset({"POLICE", "SHERIFF", "TROOPER", "CONSTABLE", "CORRECTIONS", "DISPATCH"})


def _term_patterns(profile: AgencyProfile) -> list[tuple[str, re.Pattern[str], bool]]:
    patterns = [(name, re.compile(rf"(?<![A-Za-z0-9]){pattern}{'(?-i:[A-Z])?' if name in TRAILING_NOISE_OK else ''}(?![A-Za-z0-9])",
                                  re.I), False)
                for name, pattern in LE_TERMS]
    for name in profile.agency_names:
        words = r"\s+".join(re.escape(w) for w in name.split())
        patterns.append((name.upper(), re.compile(rf"(?<![A-Za-z0-9]){words}(?![A-Za-z0-9])", re.I), True))
    for abbreviation in profile.abbreviations:
        patterns.append((abbreviation, re.compile(rf"(?<![A-Za-z0-9]){re.escape(abbreviation)}(?![A-Za-z0-9])"), True))
    return patterns


def le_words(features: VisualFeatures, profile: AgencyProfile, min_line_px: float) -> list[WordSeen]:
    """The police words and agency names read in a photo in their police sense, on lines at least
    `min_line_px` tall in the stored photo (smaller print no one would read off the picture)."""
    scale = features.to_stored_scale
    reads = [r for r in features.text if r.height * scale >= min_line_px]
    found: list[WordSeen] = []
    for index, read in enumerate(reads):
        context = " ".join(r.text for r in _neighbours(reads, index))
        for name, pattern, agency in _term_patterns(profile):
            if not pattern.search(read.text):
                continue
            other = OTHER_SENSES.get(name)
            if other is not None and (other.search(read.text) or other.search(context)):
                continue
            found.append(WordSeen(name, read.text, read.box, agency))
    return found


def _neighbours(reads: list[TextRead], index: int) -> list[TextRead]:
    """The line itself and the lines just above and below it (a sign's second line finishes its first)."""
    line = reads[index]
    close = []
    for other in reads:
        if abs(other.box.left - line.box.left) > 3 * max(line.box.height, other.box.height) + line.box.width:
            continue
        gap = max(other.box.top - line.box.bottom, line.box.top - other.box.bottom)
        if gap <= 1.5 * max(line.box.height, other.box.height):
            close.append(other)
    close.sort(key=lambda r: r.box.top)
    return close


def badge_numbers(features: VisualFeatures, near: list[WordSeen]) -> list[str]:
    """Numbers read on the same lines as, or right under, the police words (what a badge or a shirt shows)."""
    numbers = []
    for word in near:
        for read in features.text:
            if abs(read.box.top - word.box.bottom) <= 2 * word.box.height or read.text == word.line:
                for match in BADGE_NUMBER.finditer(read.text):
                    numbers.append(match.group(1) or match.group(2))
    return list(dict.fromkeys(numbers))
