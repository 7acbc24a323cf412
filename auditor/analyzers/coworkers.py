"""Coworkers (clause 7, "other members"): people you tagged or mentioned who are on your agency's roster.

Handles match exactly; names through auditor/names.py: nicknames, initials (low confidence), either
name order, ranks and suffixes set aside, letters such as ø or ß folded, one half of a double
surname, typos; never a first name alone.
Connections whose listed employer is your agency (LinkedIn gives it) count as coworkers too. Without
a roster offduty cannot tell coworkers from friends; the report says so instead of guessing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from auditor.model import ConnectionKind, Finding, Item, ItemKind, Person, Severity
from auditor.names import EXACT, compare, find_in_text, handle_contradicts
from auditor.profile import AgencyProfile, Coworker

from .base import Analyzer, AuditContext, evidence_for, excerpt, platform_title
from .registry import register

PUBLISHED_KINDS = {ItemKind.POST, ItemKind.PHOTO, ItemKind.VIDEO, ItemKind.STORY, ItemKind.COMMENT, ItemKind.CHECK_IN}
MENTION = re.compile(r"(?<![\w@])@([A-Za-z0-9_.]{2,30})")
MIN_CONFIDENCE = 0.6  # an initial with a surname; a first name alone never matches


@dataclass(frozen=True)
class RosterHit:
    coworker: Coworker
    confidence: float
    how: str


class RosterMatcher:
    """Tags, mentions and names in text matched against the roster (see auditor/names.py for the rules)."""

    def __init__(self, profile: AgencyProfile):
        self.roster = profile.roster
        self.handles = {h.lower().lstrip("@"): c for c in self.roster for h in c.handles}

    def match_person(self, person: Person) -> RosterHit | None:
        handle = person.handle.lower().lstrip("@").split("@")[0]  # fediverse handles carry their server
        if handle and handle in self.handles:
            return RosterHit(self.handles[handle], 1.0, f"tagged or mentioned as @{handle}")
        if not person.name:
            return None
        best: RosterHit | None = None
        for coworker in self.roster:
            match = compare(coworker.name, person.name)
            if match and match.confidence < EXACT and handle_contradicts(handle, coworker.name, person.name):
                continue  # e.g. "J. Trudel" whose handle is jocelyne.trudel, for a roster Justin Trudel
            if match and match.confidence >= MIN_CONFIDENCE and (best is None or match.confidence > best.confidence):
                best = RosterHit(coworker, match.confidence, f"tagged or mentioned as {person.label} ({match.reason})")
        return best

    def match_text(self, text: str) -> list[RosterHit]:
        found = [RosterHit(self.handles[m.group(1).lower()], 1.0, f"mentioned as {m.group(0)}")
                 for m in MENTION.finditer(text) if m.group(1).lower() in self.handles]
        for coworker in self.roster:
            hits = [(match, words) for match, words in find_in_text(coworker.name, text) if match.confidence >= MIN_CONFIDENCE]
            if hits:
                match, words = max(hits, key=lambda hit: hit[0].confidence)
                found.append(RosterHit(coworker, match.confidence, f"named in the text as “{words}” ({match.reason})"))
        return found


@register
class CoworkerAnalyzer(Analyzer):
    name = "coworkers"
    topics = ("coworkers",)
    description = ("Roster members you tagged, mentioned or named in what you published, roster members who posted about "
                   "you, and roster members in your friend lists.")
    limits = ("coworkers missing from the roster, faces in photos, a first name or a surname written alone, and "
              "nicknames that are in neither its lists nor the roster.")
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
                        connections.setdefault(item.platform, []).append((item, hit.coworker))
                    elif item.text and any(p.search(item.text) for p in agency):
                        # LinkedIn lists each connection's employer: one at your agency is a coworker.
                        connections.setdefault(item.platform, []).append((item, Coworker(person.name or person.handle)))
                continue
            if item.kind not in PUBLISHED_KINDS:
                continue
            named: dict[str, tuple[Coworker, str, float]] = {}
            hits = [h for h in (matcher.match_person(p) for p in item.people) if h] + matcher.match_text(item.text)
            poster = matcher.match_person(item.author) if item.author else None
            if poster:  # a coworker who posts on your page or tags you links the two of you just the same
                hits.append(RosterHit(poster.coworker, poster.confidence, poster.how.replace("tagged or mentioned as", "posted it as", 1)))
            for hit in sorted(hits, key=lambda h: -h.confidence):
                named.setdefault(hit.coworker.name, (hit.coworker, hit.how, hit.confidence))
            if not named:
                continue
            names = ", ".join(sorted(named))
            how = "; ".join(f"{c.name}: {why}" for c, why, _ in named.values())
            title = (f"A coworker ({poster.coworker.name}) posted about you on {platform_title(item.platform)}"
                     if poster else f"A {item.kind.value} on {platform_title(item.platform)} names a coworker ({names})")
            yield Finding(
                detector=self.name, topic="coworkers", severity=Severity.MEDIUM,
                title=title,
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
