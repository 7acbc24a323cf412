"""Employment disclosure (clause 7): where your own words or profile say you work in law enforcement.

Three tiers, from the evidence research on occupation self-disclosure: explicit statements and
employer fields (high), first-person job talk and jargon (medium), affinity symbols that supporters
use as much as officers (low). Look-alikes ("grammar police", "deputy editor", "called the police")
and denials ("I'm not a cop") are dropped. Your agency's own names and email domains come from the
profile; without one, generic patterns are used.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from importlib import resources
from typing import Iterable

import yaml

from auditor.model import FieldKind, Finding, Item, ItemKind, ProfileField, Severity
from auditor.profile import AgencyProfile

from .base import HANDLE, URL, Analyzer, AuditContext, evidence_for, excerpt, platform_title, where_of
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


# Signals about whose job a text is about, or whether it is the author's own words at all. They are
# features of the model and, when a finding is still made, reasons shown with it.
FAMILY = re.compile(
    r"\b(?:my|our|his|her|their)\s+(?:\w+\s+){0,2}?(?:husband|hubby|wife|wifey|spouse|partner|fianc[eé]e?|boyfriend|"
    r"girlfriend|dad|daddy|father|mom|mum|mother|son|daughter|brother|sister|bro|sis|uncle|aunt|auntie|cousin|grandpa|"
    r"grandad|grandfather|grandma|nan|nephew|niece|kid|kids|boy|girl|stepdad|stepson|in-law|brother-in-law|"
    r"sister-in-law|best friend|bestie|neighbou?r)\b"
    r"|\b(?:police|cop|copper|garda|leo|le|sheriff|deputy|trooper|officer|corrections|co|dispatcher|blue line|policeman)"
    r"(?:'?s)?\s+(?:wife|wives|husband|spouse|mom|mum|mam|family|families|kid|kids|daughter|son|girlfriend|boyfriend|"
    r"partner|fianc[eé]e?|spouses)\b|\b(?:daughter|son|wife|widow|husband|child|mum|mom|sister|brother) of an? (?:\w+ )?"
    r"(?:fallen |retired |serving )?(?:officer|cop|deputy|trooper|garda|copper|constable)\b"
    r"|\bproud\s+(?:\w+\s+)?(?:wife|mom|mum|mother|dad|father|daughter|son|sister|brother|aunt|uncle|grandma|grandpa)\b",
    re.I)
DENIAL = re.compile(r"\b(?:not|never|no longer|wasn't|isn't|ain't|aren't)\s+(?:\w+\s+){0,2}?(?:a |an |the )?"
                    r"(?:cop|police|officer|copper|pig|fed|deputy|law enforcement|leo|narc)\b"
                    r"|\b(?:mistook|mistaken|thought i was|thinks? i'?m|think i am|asks? (?:me )?if i'?m|asking (?:me )?if i'?m|"
                    r"asked if i was|rumou?r\w* (?:at|that|going)|for a laugh|looks? like a|i'?m (?:just )?an? (?:accountant|"
                    r"teacher|nurse|plumber|guard|surveyor|physio\w*|dentist|electrician|mechanic)|nope)\b", re.I)
QUOTED = re.compile(r"[\"“”«»]|\b(?:said|says|saying|claim(?:ed|ing|s)?|pretend(?:ed|ing)|impersonat\w*|scam\w*|"
                    r"caller|told me|asked me)\b", re.I)
APPLICANT = re.compile(r"\b(?:appl(?:y|ied|ying|ication|icant)s?|polygraph|background (?:check|investigation)|written "
                       r"(?:test|exam)|physical (?:test|agility)|fitness test|oral board|interview(?:ed|ing)?|hiring "
                       r"process|conditional offer|waiting to hear|hoping to|want(?:s|ed)? to (?:be|become|join)|dream (?:job|of)|"
                       r"someday|one day|recruitment (?:day|event|process)|aspiring|future (?:officer|cop|deputy|trooper|"
                       r"constable|garda)|(?:justice|criminology|policing) (?:studies )?student)\b", re.I)
HYPOTHETICAL = re.compile(r"\b(?:if i (?:were|was|became|joined)|imagine (?:being|me)|would make a (?:good|great)|"
                          r"should (?:be|become|join)|could never be|in another life)\b", re.I)
REPOST = re.compile(r"^\s*(?:RT @|sharing|shared|share|repost(?:ing)?|via @|copied from|copy and paste)", re.I)
AGENCY_TOKEN = " agencyname "
# Words of the work itself (custody, court, patrol, radio, training, kit): their number in a text is a
# feature that carries over to phrasings the corpus never used, where single n-grams do not.
JOB_WORDS = re.compile(r"\b(?:" + "|".join((
    r"book(?:ed|ing)s?", r"inmates?", r"prisoners?", r"detainees?", r"cell ?blocks?", r"pods?", r"tiers?", r"headcount",
    r"sally ?port", r"intake", r"custody(?: suite| sergeant)?", r"transports?", r"arraignments?", r"subpoena(?:s|ed)?",
    r"testif(?:y|ied|ying)", r"court (?:date|on my day off|overtime|duty)", r"citations?", r"tickets? (?:written|issued)",
    r"wrote (?:\d+|two|three|four|five|a few) tickets", r"reports?", r"paperwork", r"CAD", r"RMS", r"radio", r"dispatch(?:ed|er)?",
    r"beats?", r"sectors?", r"zones?", r"districts?", r"precincts?", r"shift bids?", r"watch(?:es)?", r"platoons?", r"reliefs?",
    r"FTO", r"probation(?:ary)?", r"academy", r"range (?:day|qual\w*)", r"quals?", r"qualification", r"taser", r"OC spray",
    r"cuffs?", r"handcuff(?:s|ed)?", r"cuffed", r"duty belt", r"vest", r"body ?cam", r"BWC", r"cruiser", r"squad car",
    r"patrol car", r"marked car", r"unit", r"DUIs?", r"DWIs?", r"traffic stops?", r"stops?", r"pursuits?", r"foot chase",
    r"perimeter", r"warrants?", r"arrests?", r"arrested", r"felon(?:y|ies)", r"misdemeanou?rs?", r"domestics?",
    r"10-\d{1,2}", r"code (?:[1-4]|zero)", r"suspects?", r"perps?", r"BOLO", r"APB", r"K-?9", r"SWAT", r"ERT", r"TAC",
    r"details?", r"overtime", r"OT", r"roll call", r"briefing", r"end of watch", r"EOW", r"callouts?", r"calls for service",
    r"on scene", r"scene", r"cordon", r"nick(?:ed)?", r"collars?", r"occurrences?", r"incidents?", r"response",
    r"blues and twos", r"lights and sirens", r"clear(?:ed)? the call", r"calls?", r"shifts?", r"nights", r"days off",
    r"sergeant|sarge|skipper|LT|lieutenant|captain|chief|inspector|super(?:intendent)?", r"partner", r"rookies?", r"recruits?",
)) + r")\b", re.I)
ACTOR = re.compile(r"\b(?:i|we|i've|we've|i'd)\s+(?:just\s+|finally\s+|already\s+)?(?:arrested|booked|cuffed|nicked|"
                   r"wrote|issued|stopped|pulled (?:over|someone)|detained|transported|searched|patted|responded|cleared|"
                   r"dispatched|testified|processed|charged|interviewed|executed|served (?:a|the|two|three)|ran (?:the|a) plate)\b", re.I)
RECEIVER = re.compile(r"\b(?:got|received|was given|given|handed)\s+(?:a |my |another )?(?:ticket|citation|fine|warning|"
                      r"speeding|parking)|\b(?:pulled me over|stopped me|arrested me|towed my|impounded my|my car (?:got|was) "
                      r"(?:towed|impounded|stolen)|i was (?:arrested|pulled over|stopped)|called (?:the )?(?:cops|police|911))\b", re.I)
# Jobs that sit next to policing and share its words, which the label rules do not count.
ADJACENT = re.compile(r"\b(?:paramedics?|EMTs?|ambulance|nurs(?:e|es|ing)|ER|A&E|firefighters?|fire ?fighters?|fire (?:station|"
                      r"service|crew|department)|security (?:guard|officer|team)|guards?|loss prevention|bouncers?|door ?staff|"
                      r"court (?:clerk|usher|reporter)|clerk of court|prosecutors?|crown prosecutor|DA'?s office|lawyers?|"
                      r"attorneys?|solicitors?|barristers?|public defender|journalists?|reporters?|soldiers?|army|navy|marines?|"
                      r"air force|RAF|ADF|military police|MPs?|veterans?|teachers?|doctors?|vets?|tow truck|bailiffs?|"
                      r"coffee|caf[eé]|restaurant|bakery|diner|grocery|supermarket|retail|warehouse|factory|hotel|salon|"
                      r"daycare|pharmacy|bank|credit union|insurance|real estate|realtor|construction|plumbing|landscaping)\b",
                      re.I)
SIGNALS = ("explicit", "role", "affinity", "first_person", "family", "denial", "quoted", "applicant", "hypothetical",
           "repost", "own_agency", "agency_name", "job_words", "actor", "receiver", "adjacent")


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
        self.title_shapes = _alternation(vocab["title_shapes"])
        self.rank_prefix = re.compile(vocab["rank_prefix"])
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

    # -- features for the model -----------------------------------------------------------------
    def signals(self, text: str, matches: list[Match]) -> list[float]:
        """The named signals (SIGNALS, in order) of one text: 0/1, and a log count of job words."""
        tiers = {m.tier for m in matches}
        own = any(p.search(text) for p in self.own_names + self.own_abbreviations)
        generic = any(p.search(text) for p in self.agency_patterns)
        values = {
            "explicit": EXPLICIT in tiers, "role": ROLE in tiers, "affinity": AFFINITY in tiers,
            "first_person": bool(FIRST_PERSON.search(text)), "family": bool(FAMILY.search(text)),
            "denial": bool(DENIAL.search(text) or self.negation.search(text)), "quoted": bool(QUOTED.search(text)),
            "applicant": bool(APPLICANT.search(text)), "hypothetical": bool(HYPOTHETICAL.search(text)),
            "repost": bool(REPOST.search(text)), "own_agency": own, "agency_name": own or generic,
            "job_words": math.log1p(len(JOB_WORDS.findall(text))), "actor": bool(ACTOR.search(text)),
            "receiver": bool(RECEIVER.search(text)), "adjacent": bool(ADJACENT.search(text)),
        }
        return [float(values[name]) for name in SIGNALS]

    def masked(self, text: str) -> str:
        """The text with agency names (the profile's and generic shapes), links and handles replaced by
        placeholders, so the model learns how people talk about an agency, not which agencies exist."""
        text = URL.sub(" url ", text)
        for pattern in self.own_names + self.own_abbreviations + self.agency_patterns:
            text = pattern.sub(AGENCY_TOKEN, text)
        return HANDLE.sub(" @user ", text)

    def model_text(self, text: str, where: str) -> str:
        return f"__where_{where} " + self.masked(text)

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
        for m in self.title_shapes.finditer(text):
            matches.append(Match(EXPLICIT, m.start(), m.end(), f"calls you by the job (“{m.group(0)}”)"))
        if self_description or field is None:
            for m in self.rank_prefix.finditer(text):
                matches.append(Match(EXPLICIT if self_description else ROLE, m.start(), m.end(),
                                     f"gives a rank with a name (“{m.group(0).strip(' -|,(')}”)"))
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
    return item.label or item.kind.value  # e.g. a LinkedIn "recommendation"


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


MODEL_FILE = "employment-model.npz"
# Signals that the job in a text is not the author's, or the words are not theirs.
OTHER_PERSON = frozenset({"family", "denial", "quoted", "applicant", "hypothetical", "repost", "adjacent", "receiver"})
HIGH_PROBABILITY = 0.9
# What lowers a text's score, in the words a finding uses when it is made all the same.
LOWERING = {"family": "it may be about a relative's job", "denial": "it may deny being an officer",
            "quoted": "it may quote someone else", "applicant": "it may be about applying rather than being hired",
            "hypothetical": "it may be hypothetical", "repost": "it may repeat someone else's post"}


@dataclass(frozen=True)
class Judgement:
    probability: float
    disclosure: bool  # the text says or shows that the author works in law enforcement
    matches: tuple[Match, ...]  # the rules' evidence spans, strongest first
    lowering: tuple[str, ...]  # signals that lowered the score (family, quotes ...)


class EmploymentDetector:
    """Rules for the evidence and the explicit tier, a linear model (trained by evaluation/train_employment.py
    on the project's corpus, shipped as package data) for the decision."""

    def __init__(self, profile: AgencyProfile):
        from auditor.textmodel import load_model

        self.vocabulary = EmploymentVocabulary(profile)
        self.model = load_model(MODEL_FILE)

    def judge(self, texts: list[str], wheres: list[str], fields: list[FieldKind | None]) -> list[Judgement]:
        import numpy as np

        scanned = [self._matches(text, field) for text, field in zip(texts, fields)]
        signals = np.array([self.vocabulary.signals(text, matches) for text, matches in zip(texts, scanned)]).reshape(
            len(texts), len(SIGNALS))
        inputs = [self.vocabulary.model_text(text, where) for text, where in zip(texts, wheres)]
        probabilities = self.model.probabilities(inputs, signals, [self.vocabulary.masked(text) for text in texts])
        judged = []
        for text, field, matches, row, probability in zip(texts, fields, scanned, signals, probabilities):
            lowering = tuple(LOWERING[name] for name, value in zip(SIGNALS, row) if value and name in LOWERING)
            if field == ProfileField.EMAIL:  # an address at an agency's domain: the rule alone decides
                disclosure, probability = bool(matches), (0.95 if matches else 0.0)
            else:
                # The explicit rules are precise by design: a plain statement of the job counts even when
                # the model is unsure, unless something says it is someone else's job or not the author's words.
                strong = EXPLICIT if field not in SELF_DESCRIPTION_FIELDS else ROLE  # a profile is read as about you
                plain_statement = any(m.tier.rank <= strong.rank for m in matches) and not any(
                    value for name, value in zip(SIGNALS, row) if name in OTHER_PERSON)
                disclosure = bool(probability >= self.model.threshold or plain_statement)
            judged.append(Judgement(float(probability), disclosure, tuple(matches), lowering))
        return judged

    def _matches(self, text: str, field: FieldKind | None) -> list[Match]:
        return self._matches_with(self.vocabulary, text, field)

    @staticmethod
    def _matches_with(vocabulary: EmploymentVocabulary, text: str, field: FieldKind | None) -> list[Match]:
        matches = vocabulary.scan(text, field)
        if REPOST.search(text):  # someone else's first person
            matches = [Match(AFFINITY, m.start, m.end, m.reason) for m in matches]
        return sorted(matches, key=lambda m: (m.tier.rank, m.start))

    def evidence_words(self, text: str, where: str, limit: int = 3) -> list[str]:
        """The words of `text` that weighed most towards a disclosure (for texts no rule quotes)."""
        from auditor.textmodel import word_weights

        weighed = word_weights(self.vocabulary.model_text(text, where), self.model.weights)
        return [gram for gram, weight in weighed if weight > 0 and not gram.startswith(("__where", "agencyname"))][:limit]


@register
class EmploymentDisclosureAnalyzer(Analyzer):
    name = "employment"
    topics = ("employment_disclosure",)
    description = "Profile fields, posts, captions, hashtags and email addresses that reveal a law-enforcement job."
    reads = SELF_DESCRIPTION_FIELDS | TEXT_FIELDS | {ProfileField.EMAIL}
    limits = ("text in photos and videos, languages other than English, private messages, and job talk unlike "
              "anything in its training texts; a text it misses can still give you away, so read the figures as "
              "'about this many of such posts are caught'.")

    def analyze(self, ctx: AuditContext) -> Iterable[Finding]:
        detector = EmploymentDetector(ctx.profile)
        items = [item for item in ctx.items if item.text and self._reads(item)]
        fields = [item.field if item.kind == ItemKind.PROFILE_FIELD else None for item in items]
        wheres = [where_of(item.kind, field) for item, field in zip(items, fields)]
        for item, where, judgement in zip(items, wheres, detector.judge([i.text for i in items], wheres, fields)):
            finding = self._finding(detector, item, where, judgement)
            if finding is not None:
                yield finding

    def _reads(self, item: Item) -> bool:
        if item.kind in (ItemKind.CONNECTION, ItemKind.SETTING):
            return False
        return item.kind != ItemKind.PROFILE_FIELD or item.field in self.reads  # not liked pages or groups

    def _finding(self, detector: EmploymentDetector, item: Item, where: str, judgement: Judgement) -> Finding | None:
        matches = judgement.matches
        if judgement.disclosure:
            tier = EXPLICIT if matches and matches[0].tier == EXPLICIT else ROLE
            severity = Severity.HIGH if (tier == EXPLICIT or judgement.probability >= HIGH_PROBABILITY
                                         or item.kind == ItemKind.PROFILE_FIELD) else Severity.MEDIUM
        elif any(m.tier == AFFINITY for m in matches):
            tier, severity = AFFINITY, Severity.LOW
            matches = tuple(m for m in matches if m.tier == AFFINITY)
        else:
            return None
        reasons = list(dict.fromkeys(m.reason for m in matches if tier != AFFINITY or m.tier == AFFINITY))
        if tier != AFFINITY and not reasons:
            words = detector.evidence_words(item.text, where)
            reasons = [f"job talk such as “{'”, “'.join(words)}”" if words else "the way the job is talked about"]
        explanation = EXPLANATIONS[tier] + " Found: " + "; ".join(reasons[:4]) + "."
        if tier != AFFINITY:
            explanation += f" The check's score for this text is {judgement.probability:.0%}."
            if judgement.lowering:
                explanation += " It was scored lower because " + " and ".join(judgement.lowering) + ", but not enough to clear it."
        span = matches[0] if matches else None
        return Finding(
            detector=self.name, topic="employment_disclosure", severity=severity,
            title=TITLES[tier].format(platform=platform_title(item.platform), where=_where(item)),
            explanation=explanation, platform=item.platform,
            evidence=[evidence_for(item, excerpt(item.text, span.start, span.end) if span else excerpt(item.text),
                                   highlight=item.text[span.start:span.end] if span else "")],
            confidence=round(judgement.probability, 2) if tier != AFFINITY else CONFIDENCE[AFFINITY],
        )
