"""Employment disclosure (clause 7): where your own words or profile say you work in law enforcement.

Three tiers, from the evidence research on occupation self-disclosure: explicit statements and
employer fields (high), first-person job talk and jargon (medium), affinity symbols that supporters
use as much as officers (low). Look-alikes ("grammar police", "deputy editor", "called the police")
and denials ("I'm not a cop") are dropped. Your agency's own names and email domains come from the
profile; without one, generic patterns are used.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from importlib import resources
from typing import Iterable

import yaml

from auditor.model import FieldKind, Finding, Item, ItemKind, ProfileField, Severity
from auditor.profile import AgencyProfile

from .base import Analyzer, AuditContext, evidence_for, excerpt, platform_title
from .registry import register


class Tier(StrEnum):
    """How directly a match says "I work in law enforcement", strongest first."""

    EXPLICIT = "explicit"
    ROLE = "role"
    AFFINITY = "affinity"

    @property
    def rank(self) -> int:
        return list(Tier).index(self)


EXPLICIT, ROLE, AFFINITY = Tier.EXPLICIT, Tier.ROLE, Tier.AFFINITY
# Fields where you describe yourself: a title or an agency name here is a statement about you.
SELF_DESCRIPTION_FIELDS = frozenset({ProfileField.BIO, ProfileField.EMPLOYER, ProfileField.HEADLINE,
                                     ProfileField.DISPLAY_NAME})
# Profile fields that are read as plain text (a title in them says less than in a self-description).
TEXT_FIELDS = frozenset({ProfileField.WEBSITE, ProfileField.LOCATION, ProfileField.EDUCATION, ProfileField.SKILLS,
                         ProfileField.INDUSTRY, ProfileField.FAMILY_MEMBER, ProfileField.LINKED_ACCOUNT,
                         ProfileField.ADDRESS, ProfileField.SUBSCRIBED_COMMUNITY, ProfileField.MODERATED_COMMUNITY})
FIRST_PERSON = re.compile(r"\b(?:i|i'm|im|i've|my|our|we|we're|me|us)\b", re.I)
SENTENCE_END = re.compile(r"[.!?\n]+")
INNER_NEGATION = re.compile(r"\b(?:not|never)\b|n't\b", re.I)
HASHTAG = re.compile(r"#(\w+)")
EMAIL_DOMAIN = re.compile(r"@([\w.-]+\.[a-z]{2,})", re.I)
LE_DOMAIN_LABEL = re.compile(r"(?:police|sheriffs?|pd|so|troopers?|statepatrol|highwaypatrol|corrections|doc)$", re.I)
PUBLIC_SECTOR_TLD = (".gov", ".us", ".police.uk", ".gc.ca", ".gov.au", ".org")


@dataclass(frozen=True)
class Match:
    tier: Tier
    start: int
    end: int
    reason: str


def _term_regex(term: str) -> re.Pattern[str]:
    letters = [c for c in term if c.isalpha()]
    case_sensitive = bool(letters) and all(c.isupper() for c in letters)
    return re.compile(rf"(?<![\w#@]){term}(?!\w)", 0 if case_sensitive else re.I)


def _alternation(terms: list[str], flags: int = re.I) -> re.Pattern[str]:
    return re.compile(r"(?<![\w#@])(?:" + "|".join(f"(?:{t})" for t in terms) + r")(?!\w)", flags)


@lru_cache(maxsize=1)
def _vocabulary() -> dict:
    text = resources.files("auditor").joinpath("data", "employment-vocabulary.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


class EmploymentVocabulary:
    """Compiled patterns for one agency profile."""

    def __init__(self, profile: AgencyProfile):
        vocab = _vocabulary()
        titles = vocab["titles"]
        self.title_res = [_term_regex(t) for t in titles]
        self.first_person_title = re.compile(vocab["first_person_lead"] + r"(?:[\w'-]+ ){0,3}?(?:" +
                                             "|".join(f"(?:{t})" for t in titles) + r")(?!\w)", re.I)
        self.agency_patterns = [re.compile(p) for p in vocab["agency_patterns"]]
        self.possessives = re.compile(r"\bmy (?:new |old |former |first |awesome |amazing |\w+ )?(?:" +
                                      "|".join(f"(?:{t})" for t in vocab["role_possessives"]) + r")(?!\w)", re.I)
        self.jargon = _alternation(vocab["role_jargon"])
        self.identity_tags = {t.lower() for t in vocab["identity_hashtags"]}
        self.affinity_tags = {t.lower() for t in vocab["affinity_hashtags"]}
        self.affinity_phrases = _alternation(vocab["affinity_phrases"])
        self.look_alikes = _alternation(vocab["look_alikes"])
        self.negation = re.compile(vocab["negations"], re.I)
        self.own_names = [_term_regex(re.escape(n)) for n in profile.agency_names if n.strip()]
        self.own_abbreviations = [re.compile(rf"(?<![\w]){re.escape(a)}(?!\w)") for a in profile.abbreviations if a]
        self.own_domains = {d.lower() for d in profile.email_domains}

    # -- scanning -------------------------------------------------------------------------------
    def scan(self, text: str, field: FieldKind | None = None) -> list[Match]:
        if not text:
            return []
        self_description = field in SELF_DESCRIPTION_FIELDS
        matches: list[Match] = []
        if field == ProfileField.EMAIL:
            return self._email(text)
        for pattern in self.own_names + self.own_abbreviations:
            for m in pattern.finditer(text):
                tier = EXPLICIT if self_description else ROLE
                matches.append(Match(tier, m.start(), m.end(), f"names your agency (“{m.group(0)}”)"))
        own_spans = [(m.start, m.end) for m in matches]
        for pattern in self.agency_patterns:
            for m in pattern.finditer(text):
                if any(s < m.end() and m.start() < e for s, e in own_spans):
                    continue
                if self_description:
                    matches.append(Match(EXPLICIT, m.start(), m.end(), f"names a law-enforcement agency (“{m.group(0).strip()}”)"))
                elif FIRST_PERSON.search(self._sentence(text, m.start(), m.end())):
                    matches.append(Match(ROLE, m.start(), m.end(), f"names a law-enforcement agency in the first person (“{m.group(0).strip()}”)"))
        for m in self.first_person_title.finditer(text):
            matches.append(Match(EXPLICIT, m.start(), m.end(), f"states the job (“{m.group(0)}”)"))
        if self_description:
            for pattern in self.title_res:
                for m in pattern.finditer(text):
                    matches.append(Match(EXPLICIT, m.start(), m.end(), f"gives a law-enforcement title (“{m.group(0)}”)"))
        for m in self.possessives.finditer(text):
            matches.append(Match(ROLE, m.start(), m.end(), f"talks about the job in the first person (“{m.group(0)}”)"))
        for m in self.jargon.finditer(text):
            matches.append(Match(ROLE, m.start(), m.end(), f"uses law-enforcement job talk (“{m.group(0)}”)"))
        for m in HASHTAG.finditer(text):
            tag = m.group(1).lower()
            if tag in self.identity_tags:
                matches.append(Match(ROLE, m.start(), m.end(), f"uses an officers' hashtag ({m.group(0)})"))
            elif tag in self.affinity_tags:
                matches.append(Match(AFFINITY, m.start(), m.end(), f"uses a support hashtag ({m.group(0)})"))
        for m in self.affinity_phrases.finditer(text):
            matches.append(Match(AFFINITY, m.start(), m.end(), f"uses a support phrase (“{m.group(0)}”)"))
        kept: list[Match] = []
        for match in sorted(matches, key=lambda m: (m.tier.rank, -(m.end - m.start))):
            if self._suppressed(text, match):
                continue
            if any(k.start <= match.start and match.end <= k.end for k in kept):
                continue  # "Deputy" inside "Deputy Sheriff" says nothing more
            kept.append(match)
        return sorted(kept, key=lambda m: m.start)

    def _email(self, text: str) -> list[Match]:
        found = []
        for m in EMAIL_DOMAIN.finditer(text):
            domain = m.group(1).lower()
            labels = domain.split(".")
            own = any(domain == d or domain.endswith("." + d) for d in self.own_domains)
            generic = domain.endswith(PUBLIC_SECTOR_TLD) and any(LE_DOMAIN_LABEL.search(label) for label in labels[:-1]) \
                and any(w in domain for w in ("police", "sheriff", "pd", "so.", "trooper", "patrol", "corrections"))
            if own or generic:
                found.append(Match(EXPLICIT, m.start(), m.end(), f"uses an agency email address (@{domain})"))
        return found

    @staticmethod
    def _sentence(text: str, start: int, end: int) -> str:
        left = max((m.end() for m in SENTENCE_END.finditer(text, 0, start)), default=0)
        right_match = SENTENCE_END.search(text, end)
        return text[left: right_match.start() if right_match else len(text)]

    def _suppressed(self, text: str, match: Match) -> bool:
        if text[match.start:match.start + 1] == "#":
            return False
        left = max((m.end() for m in SENTENCE_END.finditer(text, 0, match.start)), default=0)
        right_match = SENTENCE_END.search(text, match.end)
        right = right_match.start() if right_match else len(text)
        for look in self.look_alikes.finditer(text, left, right):
            if look.start() <= match.end and look.end() >= match.start:
                return True
        return bool(self.negation.search(text[left:match.start]) or INNER_NEGATION.search(text[match.start:match.end]))


def _where(item: Item) -> str:
    if item.kind == ItemKind.PROFILE_FIELD:
        return f"profile ({item.field_label})"
    if item.kind in (ItemKind.PHOTO, ItemKind.VIDEO):
        return "photo caption"
    return item.kind.value


TITLES = {
    EXPLICIT: "{platform} {where} says you work in law enforcement",
    ROLE: "{platform} {where} uses job talk that points to law enforcement",
    AFFINITY: "{platform} {where} signals support for law enforcement",
}
EXPLANATIONS = {
    EXPLICIT: ("Anyone who reads this learns that you are an officer, and often where you serve. This is the "
               "first thing people searching for officers' accounts look for."),
    ROLE: ("Phrases like this are rarely used by people outside the job. Together with your name or photos "
           "they let a reader work out that you are an officer."),
    AFFINITY: ("Supporters use these symbols as much as officers do, so on its own this does not say you are "
               "one. Combined with other details it adds to the picture, and some agencies discourage it."),
}
SEVERITY = {EXPLICIT: Severity.HIGH, ROLE: Severity.MEDIUM, AFFINITY: Severity.LOW}
CONFIDENCE = {EXPLICIT: 0.9, ROLE: 0.7, AFFINITY: 0.3}


def classify(vocabulary: EmploymentVocabulary, item: Item) -> list[Match]:
    """The matches that count for one item, strongest first."""
    text = item.text or ""
    matches = vocabulary.scan(text, item.field if item.kind == ItemKind.PROFILE_FIELD else None)
    if text.startswith("RT @"):  # a repost: someone else's first person
        matches = [Match(AFFINITY, m.start, m.end, m.reason) for m in matches]
    return sorted(matches, key=lambda m: (m.tier.rank, m.start))


@register
class EmploymentDisclosureAnalyzer(Analyzer):
    name = "employment"
    topics = ("employment_disclosure",)
    description = "Profile fields, posts, captions, hashtags and email addresses that reveal a law-enforcement job."
    reads = SELF_DESCRIPTION_FIELDS | TEXT_FIELDS | {ProfileField.EMAIL}

    def analyze(self, ctx: AuditContext) -> Iterable[Finding]:
        vocabulary = EmploymentVocabulary(ctx.profile)
        for item in ctx.items:
            if item.kind in (ItemKind.CONNECTION, ItemKind.SETTING):
                continue
            if item.kind == ItemKind.PROFILE_FIELD and item.field not in self.reads:
                continue  # a liked page or a group: following an agency's page is what most of its public does
            matches = classify(vocabulary, item)
            if not matches:
                continue
            best = matches[0]
            tier = best.tier
            severity = SEVERITY[tier]
            if item.kind == ItemKind.PROFILE_FIELD and tier == ROLE:
                severity = Severity.HIGH  # profiles are the most-read part of an account
            reasons = list(dict.fromkeys(m.reason for m in matches))
            yield Finding(
                detector=self.name,
                topic="employment_disclosure",
                severity=severity,
                title=TITLES[tier].format(platform=platform_title(item.platform), where=_where(item)),
                explanation=EXPLANATIONS[tier] + " Found: " + "; ".join(reasons[:4]) + ".",
                platform=item.platform,
                evidence=[evidence_for(item, excerpt(item.text, best.start, best.end))],
                confidence=CONFIDENCE[tier],
            )

