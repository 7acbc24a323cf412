"""People's names as officers write them: comparing a roster entry with a tag or a mention.

Names are folded to plain lower-case ASCII (anyascii: "Søren Ærø" -> "soren aero", "Strauß" ->
"strauss"), ranks and generational suffixes are set aside ("Sgt. Tom O'Brien-Walsh Jr." -> given
"tom", surname "obrienwalsh" with the halves "obrien" and "walsh"), and "SMITH, John" is turned
round. Given names agree exactly, as nicknames of one another (the `nicknames` package's hand-
curated English list, Apache-2.0, plus our own table), up to a typo, or as an initial (low
confidence). A first name alone, or a surname alone, never matches; a rank with a surname does,
because that is how officers name each other ("Sgt Walsh").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml
from anyascii import anyascii
from rapidfuzz import fuzz

RANKS = frozenset({
    "officer", "ofc", "ofcr", "deputy", "dep", "dty", "trooper", "tpr", "sergeant", "sgt", "sarge", "lieutenant", "lt",
    "captain", "capt", "cpt", "major", "maj", "corporal", "cpl", "detective", "det", "investigator", "inv", "agent",
    "special", "sa", "constable", "cst", "const", "pc", "wpc", "dc", "ds", "di", "dci", "psc", "inspector", "insp",
    "superintendent", "supt", "chief", "sheriff", "undersheriff", "marshal", "commander", "cmdr", "senior", "master",
    "staff", "first", "class", "mr", "mrs", "ms", "miss", "dr", "co", "cadet", "recruit", "probationer", "sheriffs",
})
SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "v", "junior", "senior"})
NOT_A_RANK_ALONE = frozenset({"first", "class", "senior", "special", "staff", "master"})
# Given names that differ only by a feminine or masculine ending are different people, not typos.
GENDER_ENDINGS = ("le", "la", "a", "e", "ine", "ette", "elle", "ina", "ia")

EXACT, NICKNAME, TYPO, INITIAL, RANK_AND_SURNAME = 0.95, 0.9, 0.8, 0.6, 0.85
SURNAME_TYPO = 85  # rapidfuzz ratio: Ashworth/Ashwroth 86, Baptiste/Babtiste 88; Smith/Smithers 77


# The other common way to write these letters in ASCII ("Jørgen Ødegård" as "Joergen Oedegaard").
DIGRAPHS = str.maketrans({"ø": "oe", "Ø": "Oe", "å": "aa", "Å": "Aa", "æ": "ae", "Æ": "Ae", "ü": "ue", "Ü": "Ue",
                          "ö": "oe", "Ö": "Oe", "ä": "ae", "Ä": "Ae", "ß": "ss"})


def fold(text: str, digraphs: bool = False) -> str:
    """Plain lower-case ASCII, apostrophes dropped (O'Brien -> obrien), other punctuation as spaces
    except hyphens, which join the halves of a double surname. With `digraphs`, ø, å, æ, ü, ö, ä
    become oe, aa, ae, ue, oe, ae (anyascii alone makes them o, a, ae, u, o, a)."""
    plain = re.sub(r"['’`]s\b", "", text)  # a possessive: "Walsh's"
    if digraphs:
        plain = plain.translate(DIGRAPHS)
    plain = anyascii(plain).lower().replace("'", "").replace("`", "")
    return re.sub(r"[^a-z0-9\-]+", " ", plain).strip()


@dataclass(frozen=True)
class Name:
    given: str
    middles: tuple[str, ...]
    surname: str  # hyphen halves joined: "obrienwalsh"
    surname_parts: tuple[str, ...]  # ("obrien", "walsh"), or the one surname
    rank: bool  # written with a rank or title

    @property
    def initials(self) -> str:
        return self.given[:1] + "".join(m[:1] for m in self.middles)


def parse(written: str, digraphs: bool = False) -> Name | None:
    """A written name as given, middles and surname; None when it has no surname to go on."""
    turned = written
    if "," in written:  # "SMITH, John" (and not "John Smith, Jr.")
        before, _, after = written.partition(",")
        if fold(after) and fold(after).split()[0] not in SUFFIXES:
            turned = f"{after} {before}"
    first = turned.split()[0] if turned.split() else ""
    if re.fullmatch(r"[A-Z]{2,3}", first) and len(turned.split()) >= 2:  # "CA Beaumont": initials run together
        turned = " ".join(first) + turned[len(first):]
    tokens = fold(turned, digraphs).split()
    rank = False
    while tokens and tokens[0].replace("-", "") in RANKS:
        rank = rank or tokens[0] not in NOT_A_RANK_ALONE
        tokens = tokens[1:]
    while tokens and tokens[-1] in SUFFIXES:
        tokens = tokens[:-1]
    if len(tokens) < 2:
        return None
    surname_token = tokens[-1]
    parts = tuple(p for p in surname_token.split("-") if p)
    given = tokens[0].replace("-", "")
    return Name(given=given, middles=tuple(t.replace("-", "") for t in tokens[1:-1]), surname="".join(parts),
                surname_parts=parts, rank=rank)


@lru_cache(maxsize=1)
def nickname_groups() -> dict[str, frozenset[str]]:
    """offduty's own table (auditor/data/nicknames.yaml): each given name mapped to every name it can
    stand for. The `nicknames` package's list is consulted beside it."""
    groups: dict[str, set[str]] = {}
    text = resources.files("auditor").joinpath("data", "nicknames.yaml").read_text(encoding="utf-8")
    for formal, shorts in (yaml.safe_load(text) or {}).items():
        names = {formal, *shorts}
        for name in names:
            groups.setdefault(name, set()).update(names)
    return {name: frozenset(names) for name, names in groups.items()}


@lru_cache(maxsize=1)
def _namer():  # type: ignore[no-untyped-def]
    from nicknames import NickNamer

    return NickNamer()


@lru_cache(maxsize=8192)
def _forms(name: str) -> frozenset[str]:
    """A given name with its nicknames and the formal names it is short for (the package's list)."""
    namer = _namer()
    return frozenset({name} | namer.nicknames_of(name) | namer.canonicals_of(name))


def same_given_name(a: str, b: str) -> bool:
    """Nicknames of one another (in either list), or two short forms of one formal name."""
    if a == b:
        return True
    if b in nickname_groups().get(a, frozenset()):
        return True
    if b in _forms(a) or a in _forms(b):
        return True
    return bool(_namer().canonicals_of(a) & _namer().canonicals_of(b))  # Bob and Rob: both Robert


def gender_variant(a: str, b: str) -> bool:
    """Daniel and Danielle, Mario and Maria, Francis and Frances: related names of different people."""
    if len(a) == len(b) and a != b:
        if a[:-1] == b[:-1] and a[-1] in "aeio" and b[-1] in "aeio":
            return True
        if a[:-2] == b[:-2] and {a[-2:], b[-2:]} <= {"is", "es"}:
            return True
    short, long_ = sorted((a, b), key=len)
    return long_ != short and long_.startswith(short[:-1] if short.endswith(("e", "a")) else short) and \
        any(long_.endswith(ending) for ending in GENDER_ENDINGS) and len(long_) - len(short) <= 3


def given_agreement(a: str, b: str) -> tuple[float, str]:
    """How two given names agree: a confidence and the reason (0 when they do not)."""
    if a == b:
        return EXACT, "same name"
    if len(a) == 1 or len(b) == 1:
        return (INITIAL, "initial only") if a[0] == b[0] else (0.0, "")
    if gender_variant(a, b):
        return 0.0, ""
    if same_given_name(a, b):
        return NICKNAME, "a known short form"
    short, long_ = sorted((a, b), key=len)
    if len(short) >= 3 and long_.startswith(short) or len(short) >= 4 and long_.endswith(short):
        return NICKNAME, "a short form"  # Alex and Alexandra are caught above as gender variants
    if min(len(a), len(b)) >= 4 and fuzz.ratio(a, b) >= 85:
        return TYPO, "spelled differently"
    return 0.0, ""


def surname_agreement(roster: Name, other: Name) -> tuple[float, str]:
    if roster.surname == other.surname:
        return EXACT, "same surname"
    halves = set(roster.surname_parts) | {roster.surname}
    other_halves = set(other.surname_parts) | {other.surname}
    if len(roster.surname_parts) > 1 and other.surname in halves or len(other.surname_parts) > 1 and roster.surname in other_halves:
        return NICKNAME, "one half of a double surname"
    if roster.middles and other.surname == roster.middles[-1] and len(other.surname) >= 4:
        return NICKNAME, "the first of two surnames"  # "Fernando Alvarez Montoya" goes by Alvarez
    if min(len(roster.surname), len(other.surname)) >= 5 and fuzz.ratio(roster.surname, other.surname) >= SURNAME_TYPO:
        return TYPO, "surname spelled differently"
    return 0.0, ""


@dataclass(frozen=True)
class NameMatch:
    confidence: float
    reason: str


def compare(roster: str, observed: str) -> NameMatch | None:
    """Whether a written name is this roster person, tried in both name orders and both ways of
    writing letters such as ø in ASCII."""
    best: NameMatch | None = None
    for digraphs in (False, True):
        wanted = parse(roster, digraphs)
        if wanted is None:
            return None
        pairs = [(wanted, other) for other in _orders(observed, digraphs)]
        other = parse(observed, digraphs)
        if other is not None:
            pairs += [(turned, other) for turned in _orders(roster, digraphs)[1:]]  # the roster written family-name first
        for roster_name, observed_name in pairs:
            found = _compare_parsed(roster_name, observed_name)
            if found and (best is None or found.confidence > best.confidence):
                best = found
    return best


def _orders(written: str, digraphs: bool = False) -> list[Name]:
    parsed = parse(written, digraphs)
    if parsed is None:
        return []
    orders = [parsed]
    if not parsed.middles or len(parsed.middles) <= 1:  # "Nguyen Van An": family name first
        tokens = [parsed.given, *parsed.middles, parsed.surname]
        turned = parse(" ".join(reversed(tokens)), digraphs)
        if turned is not None:
            orders.append(turned)
    return orders


def _compare_parsed(roster: Name, other: Name) -> NameMatch | None:
    surname, surname_why = surname_agreement(roster, other)
    if not surname:
        return None
    other_given = other.given
    if 2 <= len(other_given) <= 3 and not set(other_given) & set("aeiou"):  # "JR Smith": initials run together
        other = Name(other_given[0], tuple(other_given[1:]), other.surname, other.surname_parts, other.rank)
        other_given = other.given
    given, given_why = given_agreement(roster.given, other_given)
    if not given and other.middles:  # "J. Robert Smith" goes by his middle name
        given, given_why = given_agreement(roster.given, other.middles[0])
    if not given and roster.middles:
        given, given_why = given_agreement(roster.middles[0], other.given)
    if not given:
        return None
    if given == INITIAL and len(other.given) == 1 and other.middles and roster.middles:
        if other.middles[0][:1] == roster.middles[0][:1]:
            given = TYPO  # two initials that agree say more than one
    confidence = min(given, surname)
    reasons = [r for r in (given_why, surname_why) if r and r not in ("same name", "same surname")]
    return NameMatch(confidence, ", ".join(reasons) or "same name")


TOKEN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
FAMOUS_CONFIDENCE = 0.4  # a text naming a famous namesake: shown at most, never counted as a coworker


@lru_cache(maxsize=1)
def famous_names() -> frozenset[tuple[str, str]]:
    """(given, surname) of people so famous that a post naming them is almost never about a coworker."""
    text = resources.files("auditor").joinpath("data", "famous-names.txt").read_text(encoding="utf-8")
    names = (parse(line) for line in text.splitlines() if line.strip() and not line.startswith("#"))
    return frozenset((n.given, n.surname) for n in names if n)


def is_famous(written: str) -> bool:
    name = parse(written)
    return name is not None and (name.given, name.surname) in famous_names()


def handle_contradicts(handle: str, roster: str, observed: str) -> bool:
    """A tag's own handle that spells the person's name another way than the roster: "derek_halloway_dj"
    for a roster "Derek Holloway", or "cassie_vance" for a "C. Vance" when the roster says Christopher."""
    wanted, seen = parse(roster), parse(observed)
    if wanted is None or seen is None or not handle:
        return False
    tokens = re.findall(r"[a-z]+", fold(handle))
    if seen.surname != wanted.surname and any(seen.surname in token for token in tokens):
        return True  # their own handle confirms the other spelling
    for index, token in enumerate(tokens):
        if seen.surname not in token:
            continue
        # The name written beside the surname in the handle ("kofi.mensah", "amberstokes") is a given name.
        before = token.replace(seen.surname, "") or (tokens[index - 1] if index else "")
        if len(before) >= 3 and before[0] == wanted.given[0] and not given_agreement(wanted.given, before)[0]:
            return True  # the handle names someone else with the same initial
    return False


def find_in_text(roster: str, text: str) -> list[tuple[NameMatch, str]]:
    """Where the post's own words name this roster person: a given name (or its short form or
    initial) before the surname, or a rank before the surname. Returns each match with the words."""
    wanted = parse(roster)
    if wanted is None:
        return []
    words = TOKEN.findall(fold(text))
    famous = is_famous(roster)
    found = []
    surname_forms = set(wanted.surname_parts) | {wanted.surname, "-".join(wanted.surname_parts)}
    for index, word in enumerate(words):
        bare = word.replace("-", "")
        if not (word in surname_forms or bare == wanted.surname or
                (len(bare) >= 5 and fuzz.ratio(bare, wanted.surname) >= 88)):
            continue
        before = words[max(0, index - 3):index]
        if famous:
            window = " ".join(before[-1:] + [word])
            if compare(roster, window):
                found.append((NameMatch(FAMOUS_CONFIDENCE, "the name of a famous namesake"), window))
            continue
        if before and before[-1] in RANKS and before[-1] not in NOT_A_RANK_ALONE:
            found.append((NameMatch(RANK_AND_SURNAME, "a rank and the surname"), " ".join(before[-1:] + [word])))
            continue
        for offset in (1, 2):  # "Mike Walsh", "Mike J Walsh"
            if len(before) >= offset:
                window = " ".join(before[-offset:] + [word])
                match = compare(roster, window)
                if match and match.confidence > INITIAL:  # an initial in free text is too weak
                    found.append((match, window))
                    break
    return found
