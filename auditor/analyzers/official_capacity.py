"""Speaking for the department (clauses 11b and 11c): statements, positions and endorsements made
as if for the agency, or with your title lending them weight.
"""

from __future__ import annotations

from ._speech import SpeechCheck, rule
from .registry import register

TITLE = (r"(?:officer|deputy|trooper|sergeant|sgt|lieutenant|captain|detective|constable|cop|police officer|"
         r"law enforcement officer|member of (?:the|our) (?:department|force|service|sheriff'?s office))")
RULES = (
    rule(r"\b(?:our|the) (?:department|agency|sheriff'?s office|office|force|service|precinct|division|detachment)'?s? "
         r"(?:position|stance|policy|view|official response|response|statement)\b", "the department's position"),
    rule(r"\b(?:on behalf of|speaking for|speaking on behalf of|representing) (?:the|our|my) (?:department|agency|"
         r"sheriff'?s office|force|service|chief|sheriff|command)\b", "speaking on the department's behalf"),
    rule(r"\b(?:as an?|speaking as an?|as your|i'?m an?) " + TITLE + r",? (?:i can (?:tell|assure|promise|confirm)|let me "
         r"(?:tell|assure|be clear)|i (?:endorse|support|recommend|urge)|we (?:will|won't|do not|don't))\b",
         "your title lending weight"),
    rule(r"\b(?:we (?:at|in) the (?:department|sheriff'?s office|force|agency)|the department (?:will|won't|does not|doesn't|"
         r"is (?:aware|investigating|looking into))|we are (?:aware of|investigating|looking into) (?:the|this|reports))\b",
         "announcing for the department"),
    rule(r"\b(?:in (?:my|full) uniform|on duty|in uniform|wearing (?:my|the) (?:uniform|badge))\b.{0,60}\b(?:vote|endorse|"
         r"support|campaign|rally|candidate|sponsor|brand|discount|promo|code)\b|\b(?:vote|endorse|support)\b.{0,60}"
         r"\b(?:in (?:my|full) uniform|in uniform)\b", "an endorsement or politics in uniform"),
    rule(r"\b(?:i can confirm|we can confirm|i can('?t| not) comment on|the suspect (?:has been|was) (?:arrested|identified)|"
         r"charges (?:will|are expected to) be filed|the investigation is ongoing)\b", "an official-sounding statement"),
)
CONTEXT = (
    rule(r"\b(?:views (?:are )?my own|my own (?:view|opinion)s?|personal (?:view|opinion|capacity)|not speaking for|"
         r"not on behalf of|not the (?:department|agency)'?s)\b", "marked as personal"),
    rule(r"\b(?:shared from|sharing (?:this|the) (?:official|department)|repost(?:ing|ed)?|via @|per the (?:department|"
         r"chief|sheriff)'?s? (?:statement|post|release))\b", "sharing what the agency published"),
    rule(r"\b(?:union|federation|association|FOP|PBA|lodge)\b.{0,40}\b(?:president|rep|representative|steward|delegate|"
         r"board)\b", "an elected union role"),
)


@register
class OfficialCapacityCheck(SpeechCheck):
    name = "official_capacity"
    topics = ("official_capacity",)
    description = "Statements, positions, announcements and endorsements that sound as if made for the department."
    limits = ("photos in uniform (until imagery is checked), statements whose wording no rule or training text "
              "resembles, and whether you were in fact authorised.")
    RULES, CONTEXT = RULES, CONTEXT
    MODEL_FILE = "speech-official_capacity.npz"
    WHAT = "speaks as if for the department"
    OWN_WORDS_ONLY = True  # a recommendation a sergeant wrote for you is not you speaking for the department
    WHY = ("Statements that pass for the department's view, or that use your title to endorse, need authorisation; "
           "without it they can lead to discipline and are quoted as the agency's words.")
