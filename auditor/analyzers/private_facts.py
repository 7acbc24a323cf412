"""Private facts about other people (clause 12b, civil liability 12): phone numbers, home addresses,
plates, health, rehab, immigration, criminal records, children with their school. A finding names
the category and quotes only the words around it, never more of the private fact than needed.
"""

from __future__ import annotations

from ._speech import SpeechCheck, rule
from .registry import register

RULES = (
    rule(r"(?:\+?1[ .-]?)?\(?\b[2-9]\d{2}\)?[ .-]\d{3}[ .-]\d{4}\b|\b0?7\d{3} ?\d{3} ?\d{3}\b|\b04\d{2} ?\d{3} ?\d{3}\b|"
         r"\b0\d{1,2} ?\d{4} ?\d{4}\b|\b\d{3}[.-]\d{4}\b", "a phone number", 0),
    rule(r"\b\d{1,5} [A-Z][a-z]+(?: [A-Z][a-z]+)? (?:St|Street|Ave|Avenue|Rd|Road|Dr|Drive|Ln|Lane|Ct|Court|Blvd|Way|Pl|"
         r"Place|Cres|Crescent|Terrace|Tce|Close)\b\.?", "a street address", 0),
    # A plate is letters and digits together ("KS 4JX 221", "ABC-1234"), not a word after "plate".
    rule(r"\b(?:[Pp]lates?|[Tt]ags?|[Rr]ego|[Rr]eg|[Rr]egistration|[Ll]icen[cs]e plate)\b.{0,12}"
         r"\b(?=[A-Z0-9-]*\d)(?=[A-Z0-9-]*[A-Z])[A-Z0-9]{2,4}[- ]?[A-Z0-9]{2,4}\b", "a licence plate", 0),
    rule(r"\b(?:diagnosed|diagnosis|cancer|chemo|hiv|aids|std|sti|bipolar|schizophren\w*|depression|suicid\w*|overdos\w*|"
         r"miscarr\w*|pregnan\w*|dementia|alzheimer\w*|psych ward|sectioned|committed|on meds|mental health)\b",
         "health details"),
    rule(r"\b(?:rehab|detox|relapse[ds]?|AA meeting|NA meeting|sober living|addict(?:ed|ion)?|using again|on the needle)\b",
         "rehab or addiction"),
    rule(r"\b(?:undocumented|illegal(?:ly)? (?:here|immigrant|alien)|no papers|overstayed|visa (?:expired|ran out)|"
         r"deport(?:ed|ation)|asylum|green card|ICE (?:picked|took|came))\b", "immigration status"),
    rule(r"\b(?:record|priors|did time|served time|prison|jail|probation|parole|sex offender|registry|convicted|"
         r"arrested (?:for|last)|rap sheet)\b", "a criminal record"),
    rule(r"\b(?:goes to|attends|at|picked up from|drop(?:ped)? off at)\s+(?:[A-Z][a-z]+ )+(?:Elementary|Primary|Middle|High|"
         r"School|Academy|Kindergarten|Daycare|Preschool)\b", "a child's school", 0),
    rule(r"\b(?:came out as|coming out as|come out as) (?:gay|lesbian|bi(?:sexual)?|trans(?:gender)?|queer|non-?binary)\b|"
         r"\b(?:is|he's|she's|they're) (?:secretly |actually )?(?:gay|a lesbian|trans|bi)\b|\bin the closet\b|\btransitioning\b",
         "sexuality or gender identity"),
)
CONTEXT = (
    rule(r"\b(?:my|our) (?:number|cell|mobile|address|shop|store|office|business|practice)\b|\bcall (?:me|us)\b|"
         r"\b(?:i|i'?m|i was|i've been|i have) (?:been )?(?:diagnosed|pregnant|in rehab|sober|clean)\b", "about yourself"),
    rule(r"\b(?:open|opening hours|hours:|book (?:now|online)|call (?:us|today|now)|visit us|our (?:shop|store|office))\b",
         "a public business listing"),
    rule(r"\b(?:a (?:guy|woman|man|lady|kid|friend of a friend)|someone|somebody|a patient|a client|names? changed)\b",
         "anonymised"),
    rule(r"\b(?:awareness|fundraiser|charity|research|month|walk for|run for|donate)\b", "general health talk or a cause"),
)


@register
class PrivateFactsCheck(SpeechCheck):
    name = "private_facts"
    topics = ("private_facts",)
    description = "Other people's phone numbers, addresses, plates, health, rehab, immigration status, records and children's schools."
    limits = ("facts written in photos (text read in photos is checked only for police words and paperwork), facts given without telling words, and whether the "
              "person agreed or made the fact public themselves.")
    RULES, CONTEXT = RULES, CONTEXT
    MODEL_FILE = "speech-private_facts.npz"
    WHAT = "gives private facts about someone else"
    WHY = ("Publishing someone's private, non-newsworthy details without consent can be actionable and can expose you "
           "and the department to a lawsuit.")
