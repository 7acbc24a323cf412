"""Reckless or irresponsible behaviour (clause 9b), and what it does to credibility (clause 10).

Drinking or drugs and driving, careless weapon handling, misusing a patrol car, bragging about
force, off-duty bravado, illegal drug use and dangerous stunts. Context rules lower the score for
responsible versions of the same things (a taxi home, range day, a pursuit course) and for fiction.
"""

from __future__ import annotations

from auditor.model import Severity

from ._speech import SpeechCheck, rule
from .registry import register

RULES = (
    rule(r"\b(?:drove|driving|drive|drivin|drove home|drive home)\b.{0,50}\b(?:drunk|hammered|wasted|buzzed|tipsy|after "
         r"(?:\d+|a few|a couple|six|eight|ten) (?:beers|drinks|shots|pints|bevvies)|high|stoned|baked)\b|"
         r"\b(?:drunk|hammered|wasted|buzzed|tipsy|stoned|baked)\b.{0,40}\b(?:drove|driving|behind the wheel|got home somehow)\b",
         "driving after drinking or drugs"),
    rule(r"\b(?:\d+|a few|several|six|eight|ten|too many|couple of|way too many) (?:beers|drinks|shots|pints|bevvies|tinnies|"
         r"cans|brews|glasses of wine)(?: deep| in)?\b.{0,40}\b(?:drove|driving|drive home|drove home|behind the wheel|"
         r"got in the car)\b", "driving after drinking or drugs"),
    rule(r"\b(?:loaded|my (?:duty )?(?:gun|glock|weapon|pistol|sidearm|rifle))\b.{0,60}\b(?:on the (?:bar|table|counter)|"
         r"kid|kids|son|daughter|toddler|baby|drunk|party|shots)\b|\b(?:shot|shooting|fired|firing) (?:in|into) the air\b|"
         r"\b(?:let|letting) (?:my|the) (?:kid|son|daughter|nephew|niece|toddler) (?:hold|play with)\b", "careless weapon handling"),
    rule(r"\b(?:cruiser|patrol car|squad car|marked car|unit|interceptor|the car)\b.{0,60}\b(?:\d{3} ?(?:mph|km/?h)|1[2-9]\d ?"
         r"(?:mph)|lights and sirens (?:to|for) (?:get|grab|make)|for fun|just because|donuts|drifting|joyrid\w*|racing)\b",
         "misusing a patrol car"),
    rule(r"\b(?:tuned (?:him|her|them) up|beat (?:the (?:shit|crap|hell)|his ass|her ass)|knocked (?:him|her|them) out|"
         r"rough(?:ed)? (?:him|her|them) up|thump(?:ed)? (?:him|her|them)|gave (?:him|her|them) a (?:beating|kicking|few extra)|"
         r"wood shampoo|street justice|taught (?:him|her|them) a lesson|extra (?:hit|shot|slam)s?)\b", "bragging about force"),
    rule(r"\b(?:i'?m a cop|i'?m the law|i am the law|i'?m police|flashed my badge|badge (?:got|gets) me|do whatever i want|"
         r"above the law|picked a fight|started a fight|knocked out some|fight me|threatened (?:him|her|them|the))\b",
         "off-duty bravado or abuse of position"),
    rule(r"\b(?:smoked|smoking|did|doing|took|taking|popped|snorted|rolled on)\s+(?:some |a |a bit of |a line of |lines of )?"
         r"(?:weed|coke|cocaine|molly|mdma|ecstasy|acid|lsd|shrooms|meth|pills|oxy|ketamine|k)\b", "illegal drug use"),
)
CONTEXT = (
    rule(r"\b(?:uber|lyft|taxi|cab|designated driver|dd|sober driver|walked home|stayed over|ride home|got a lift)\b",
         "a responsible version of it"),
    rule(r"\b(?:range day|qualif\w*|gun safe|safety (?:course|class)|cleaning (?:my|the)|hunter'?s? safety|unloaded|trigger lock|"
         r"EVOC|pursuit (?:course|training)|driver training|defensive tactics|training day)\b", "training or safe handling"),
    rule(r"\b(?:arrested|stopped|pulled over|caught|nabbed|charged) (?:a|an|the|this|some) (?:drunk|driver|guy|woman|man|kid)\b|"
         r"\b(?:we|i) (?:arrested|stopped|caught)\b", "about someone else you dealt with"),
    rule(r"\b(?:movie|film|show|series|game|gta|call of duty|netflix|episode|book|novel)\b", "fiction or a game"),
)


@register
class RecklessBehaviourCheck(SpeechCheck):
    name = "reckless_behaviour"
    topics = ("reckless_behaviour",)
    description = "Drink or drug driving, careless weapons, patrol-car misuse, bragging about force, bravado and drug use."
    limits = ("photos and videos (until imagery is checked), behaviour described without telling words, and what "
              "other people post about you.")
    RULES, CONTEXT = RULES, CONTEXT
    MODEL_FILE = "speech-reckless_behaviour.npz"
    WHAT = "shows reckless or irresponsible behaviour"
    WHY = ("Posts showing reckless behaviour break the code of conduct and give a defence attorney a ready way to "
           "attack your judgement and credibility in court (clause 10).")
    SEVERITY = Severity.HIGH
