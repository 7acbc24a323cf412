"""Coworkers (clause 7, "other members"): people you tagged or mentioned who are on your agency's roster.

Names are matched with rapidfuzz (so "Jon Smith" matches "Jonathan Smith"), handles exactly.
Connections whose listed employer is your agency (LinkedIn gives it) count as coworkers too. Without
a roster offduty cannot tell coworkers from friends; the report says so instead of guessing.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from importlib import resources
from typing import Iterable

import yaml
from rapidfuzz import fuzz, utils

from auditor.model import ConnectionKind, Finding, Item, ItemKind, Person, Severity
from auditor.profile import AgencyProfile, Coworker

from .base import Analyzer, AuditContext, evidence_for, excerpt, platform_title
from .registry import register

NAME_THRESHOLD = 85.0
PUBLISHED_KINDS = {ItemKind.POST, ItemKind.PHOTO, ItemKind.VIDEO, ItemKind.STORY, ItemKind.COMMENT, ItemKind.CHECK_IN}
MENTION = re.compile(r"(?<![\w@])@([A-Za-z0-9_.]{2,30})")


class RosterMatcher:
    def __init__(self, profile: AgencyProfile):
        self.roster = profile.roster
        self.handles = {h.lower(): c for c in self.roster for h in c.handles}
        self.name_patterns = [(c, re.compile(rf"(?<!\w){re.escape(c.name)}(?!\w)", re.I)) for c in self.roster]

    def match_person(self, person: Person) -> tuple[Coworker, float] | None:
        handle = person.handle.lower().lstrip("@").split("@")[0]  # fediverse handles carry their server
        if handle and handle in self.handles:
            return self.handles[handle], 100.0
        if not person.name:
            return None
        best: tuple[Coworker, float] | None = None
        for coworker in self.roster:
            score = _name_score(person.name, coworker.name)
            if score >= NAME_THRESHOLD and (best is None or score > best[1]):
                best = (coworker, score)
        return best

    def match_text(self, text: str) -> list[tuple[Coworker, int, int]]:
        found = [(self.handles[m.group(1).lower()], m.start(), m.end())
                 for m in MENTION.finditer(text) if m.group(1).lower() in self.handles]
        for coworker, pattern in self.name_patterns:
            found += [(coworker, m.start(), m.end()) for m in pattern.finditer(text)]
        return found


@lru_cache(maxsize=1)
def _nickname_groups() -> dict[str, set[str]]:
    """Each given name (formal or short) mapped to every name it can stand for."""
    text = resources.files("auditor").joinpath("data", "nicknames.yaml").read_text(encoding="utf-8")
    groups: dict[str, set[str]] = {}
    for formal, shorts in (yaml.safe_load(text) or {}).items():
        names = {formal, *shorts}
        for name in names:
            groups.setdefault(name, set()).update(names)
    return groups


def _fold(name: str) -> list[str]:
    """Lower-case words without accents or punctuation: "Tomás O'Neil" -> ["tomas", "oneil"]."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).replace("'", "").replace("’", "")
    return utils.default_process(plain).split()


def _first_names_agree(a: str, b: str) -> float:
    if a == b:
        return 100.0
    if (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b)):
        return 90.0  # an initial
    if b in _nickname_groups().get(a, set()):
        return 95.0
    return float(fuzz.ratio(a, b))  # a typo still scores high; different names do not


def _name_score(a: str, b: str) -> float:
    """How likely two written names are the same person (0-100): first names must agree exactly, as
    a known short form, as an initial or up to a typo; surnames up to a typo. Middle names are ignored."""
    wa, wb = _fold(a), _fold(b)
    if not wa or not wb:
        return 0.0
    if len(wa) == 1 or len(wb) == 1:  # a single name is too weak to call a match unless identical
        return 100.0 if wa == wb else 0.0
    first = _first_names_agree(wa[0], wb[0])
    last = float(fuzz.ratio(wa[-1], wb[-1]))
    if first < 90 or last < 85:
        return 0.0
    return (first + last) / 2


@register
class CoworkerAnalyzer(Analyzer):
    name = "coworkers"
    topics = ("coworkers",)
    description = "Roster members you tagged, mentioned or named in what you published, and roster members in your friend lists."
    reads = frozenset(ConnectionKind)

    def analyze(self, ctx: AuditContext) -> Iterable[Finding]:
        if not ctx.profile.roster and not ctx.profile.agency_names:
            return
        matcher = RosterMatcher(ctx.profile)
        agency = [re.compile(rf"(?<!\w){re.escape(n)}(?!\w)", re.I) for n in ctx.profile.agency_names if n.strip()]
        connections: dict[str, list[tuple[Item, Coworker]]] = {}
        for item in ctx.items:
            if item.kind == ItemKind.CONNECTION:
                for person in item.people:
                    hit = matcher.match_person(person)
                    if hit:
                        connections.setdefault(item.platform, []).append((item, hit[0]))
                    elif item.text and any(p.search(item.text) for p in agency):
                        # LinkedIn lists each connection's employer: one at your agency is a coworker.
                        connections.setdefault(item.platform, []).append((item, Coworker(person.name or person.handle)))
                continue
            if item.kind not in PUBLISHED_KINDS:
                continue
            named: dict[str, tuple[Coworker, str, float]] = {}
            for person in item.people:
                hit = matcher.match_person(person)
                if hit:
                    named.setdefault(hit[0].name, (hit[0], f"tagged or mentioned as {person.label}", hit[1] / 100))
            for coworker, start, end in matcher.match_text(item.text):
                named.setdefault(coworker.name, (coworker, f"named in the text (“{item.text[start:end]}”)", 0.9))
            if not named:
                continue
            names = ", ".join(sorted(named))
            how = "; ".join(f"{c.name}: {why}" for c, why, _ in named.values())
            yield Finding(
                detector=self.name, topic="coworkers", severity=Severity.MEDIUM,
                title=f"A {item.kind.value} on {platform_title(item.platform)} names a coworker ({names})",
                explanation=("The people named here are on your agency's roster. Posting about other members "
                             "without their permission can expose them too, and tags link their accounts to yours. "
                             f"Matched: {how}."),
                platform=item.platform, evidence=[evidence_for(item, excerpt(item.text))],
                confidence=min(c for _, _, c in named.values()),
            )
        for platform, pairs in connections.items():
            names = sorted({c.name for _, c in pairs})
            yield Finding(
                detector=self.name, topic="coworkers", severity=Severity.LOW,
                title=f"{len(names)} coworker(s) are in your {platform_title(platform)} connections",
                explanation=("Friend and follower lists are often visible to others. A list that contains several "
                             "members of one agency points at where you work. Matched: " + ", ".join(names) + "."),
                platform=platform, evidence=[evidence_for(item, item.people[0].label) for item, _ in pairs[:20]],
                confidence=0.6,
            )
