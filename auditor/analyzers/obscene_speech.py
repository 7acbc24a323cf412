"""Obscene, sexual or biased speech (clause 9a), and what it does to testimony (clause 10).

Strong profanity used aggressively, sexual content, slurs (also masked: f*g, n1gger, spaced or
leetspeak), and hostility or demeaning generalisations about a protected group even without a slur.
Context rules lower the score when the author quotes or reports abuse, discusses bias, or uses a
word in an innocent sense. The slur list is deliberately short and written as patterns; the model,
trained on the project's labelled texts, carries most of the decision.
"""

from __future__ import annotations

import re

from auditor.model import Severity

from ._speech import SpeechCheck, rule
from .registry import register

GROUPS = (r"(?:immigrants?|migrants?|refugees?|asylum seekers?|muslims?|muzzies|islam|jews?|christians?|blacks?|black people|"
          r"whites?|white people|mexicans?|asians?|chinese|arabs?|hispanics?|latinos?|indians?|natives?|aboriginals?|"
          r"aborigines|gypsies|roma|travell?ers|pikeys|somalis?|haitians?|africans?|nigerians?|pakistanis?|afghans?|"
          r"syrians?|iraqis?|iranians?|filipinos?|vietnamese|koreans?|pacific islanders?|islanders|polish|poles|romanians?|"
          r"eastern europeans|gays?|lesbians?|queers?|trans(?:gender)? (?:people|folks?|women|men)|trans|women|females|"
          r"men|feminists?|the disabled|disabled people|retards?|autistics?|foreigners|illegals|aliens|those people|"
          r"these people|them people|that lot)")
# Slurs are written here as their letters; each may be masked, doubled, spaced or swapped for a digit or
# symbol in a post ("n****r", "fa66ot", "f a g s"), so each letter position takes any of those.
SLUR_STEMS = ("nigger", "nigga", "faggot", "fag", "kike", "spic", "chink", "gook", "wetback", "raghead", "towelhead",
              "tranny", "retard", "dyke", "paki", "abo", "coon", "beaner", "gyppo", "pikey", "poofter", "poof", "muzzie",
              "sandnigger", "jap", "wog", "dago", "slope", "zipperhead", "spastic", "mong")
LEET = {"a": "a4@", "e": "e3", "i": "i1!l", "o": "o0", "s": "s5$", "g": "g69", "t": "t7", "b": "b8", "l": "l1"}


def _masked(stem: str) -> str:
    letters = [f"[{re.escape(LEET.get(c, c))}*#._\\-]" for c in stem]
    body = r"[\s._-]?".join(f"{letter}{{1,2}}" for letter in letters[1:])
    return rf"(?<![\w*]){re.escape(stem[0])}[\s._-]?{body}(?:s|z|es|ed|ers|os)?(?![\w*])"


RULES = (
    rule(r"\bf+[u\*@0]+c*k+(?:ing|ed|er|ers|in|s)?\b|\bc[u\*]+nts?\b|\bmotherf\w*|\bsh[i\*1]+t(?:head|bag|stain)s?\b|"
         r"\bwh[o0]re\b|\bsl[u\*]ts?\b|\bb[i\*1]tch(?:es)?\b(?! (?:in heat|whelped|puppies|litter))", "strong profanity or abuse"),
    rule("|".join(_masked(stem) for stem in SLUR_STEMS), "a slur"),
    rule(r"\b(?:all|these|those|most|every|typical|bloody|fucking|damn|the)\s+" + GROUPS + r"\s+(?:are|r|need to|should|"
         r"can't|cannot|don't|do not|belong|ruin|ruined|are ruining|breed|always|never|bought|all)\b|\b" + GROUPS +
         r"\s+(?:are|r)\s+(?:all\s+)?(?:thieves|criminals|lazy|animals|terrorists|rapists|scum|filth|dirty|useless|"
         r"mentally ill|sick|gang members|the problem|a plague|a cancer|a disease)\b|\bevery (?:single )?\w+\s+"
         r"(?:driver|kid|man|woman|one of them)\b.{0,30}\b(?:bought|stole|can't|is a)\b", "a generalisation about a group"),
    rule(r"\b(?:send (?:them|em|'em) (?:all )?back|go back (?:to|where) (?:your|their)|(?:don't|do not) belong here|"
         r"not welcome here|out of (?:our|my) country|deport (?:them|em|'em|all)|get back on the boat|"
         r"shouldn't be allowed to (?:vote|marry|breed|live)|" + GROUPS + r" out\b|\bfor the (?:irish|english|british|"
         r"australians|canadians|americans|whites)\b|#\w*(?:isfull|out|gohome|ban\w+)\b|never (?:hire|rent to|serve) an? "
         r"(?:black|asian|muslim|gay|indian|mexican|jewish))", "hostility toward a group"),
    rule(r"\b(?:animals|vermin|parasites|savages|subhuman|cockroaches|invaders|rats|locusts|swarm|cancer|plague|"
         r"zoo|monkeys?|apes?)\b.{0,50}" + GROUPS + r"|" + GROUPS + r".{0,50}\b(?:animals|vermin|parasites|savages|"
         r"subhuman|cockroaches|invaders|breed like|rats|locusts|swarm|a cancer|plague|zoo|monkeys?|apes?)\b|🐒|🦍|🐵",
         "dehumanising language"),
    rule(r"\b(?:stutter\w*|deaf|blind|autis\w*|retard\w*|spaz|nutters?|psychos?|cripple\w*|wheelchair|down'?s|"
         r"cerebral palsy|one-armed|mental(?:ly)? (?:ill|case))\b.{0,90}(?:😂|🤣|lol|lmao|like a (?:seal|fish|dog|monkey|"
         r"child)|\b(?:th-th|w-w|b-b)|entertainment|couldn't keep a straight face)", "mocking a disability"),
    rule(r"\b(?:nudes?|naked|tits|titties|boobs|dick pic|cock|pussy|blow ?job|bj|hand ?job|horny|sext\w*|porn\w*|"
         r"onlyfans|threesome|bang(?:ed|ing)? (?:her|him|them|three|two)|got laid|getting laid|quickie|go(?:ing)? down on|"
         r"stiffy|boner|moaning|screamer|tied to the (?:headboard|bed)|thirst trap|bulge|(?:last longer|good|great|wild|amazing|a beast|an animal) in bed|"
         r"strip search you|spank\w*)\b|🍆|🍑|💦", "sexual content"),
)
CONTEXT = (
    rule(r"\b(?:called (?:me|him|her|us|them)|calling (?:me|him|her)|shouted|screamed|yelled|spray[- ]?painted|wrote|"
         r"graffiti|said to (?:me|him|her)|used the word|the (?:n|f|c)[- ]word|reported|quote|quoting)\b", "quoting or reporting"),
    rule(r"\b(?:racism|sexism|homophobia|transphobia|bigotry|hate crimes?|discrimination|diversity|inclusion|bias training|"
         r"stand against|not okay|unacceptable|disgusting that|shame on)\b", "discussing bias"),
    rule(r"\b(?:scunthorpe|cocktail|cockpit|peacock|hancock|dickens|moby dick|dick (?:van dyke|cheney|smith|tracy)|"
         r"garden hoe|bitch (?:in heat|whelped)|spic and span|faggot of (?:wood|sticks)|shiitake|chink in (?:the|his|her|their|our) "
         r"armou?r|pakistan\w*|japan\w*|spastic colon|slope of|ski slope)\b", "an innocent sense of a word"),
)


@register
class ObsceneSpeechCheck(SpeechCheck):
    name = "obscene_speech"
    topics = ("speech",)
    description = "Strong profanity, sexual content, slurs and hostility or demeaning generalisations about protected groups."
    limits = ("words inside images and memes (text read in photos is checked only for police words and paperwork), slurs or code words not in its patterns or training "
              "texts, sarcasm, and languages other than English.")
    RULES, CONTEXT = RULES, CONTEXT
    MODEL_FILE = "speech-obscene_speech.npz"
    WHAT = "uses obscene or biased language"
    WHY = ("Obscene or biased posts break the code of conduct, and a defence attorney can use them to argue bias and "
           "impeach your testimony in court (clause 10).")
    SEVERITY = Severity.HIGH
