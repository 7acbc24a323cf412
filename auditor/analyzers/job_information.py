"""Information from the job (clauses 6 and 11a): what you could only know because of your work.

Case, incident and booking numbers, plate and records look-ups, arrest details of identifiable
people, victims, suspects, radio traffic and operations not yet public. Context rules lower the
score for your own report number, published news and other kinds of numbers.
"""

from __future__ import annotations

from auditor.model import Severity

from ._speech import SpeechCheck, rule
from .registry import register

RULES = (
    rule(r"\b(?:case|incident|report|occurrence|event|complaint|booking|cad|call|file|arrest|warrant|docket|cr|ir|dr)"
         r"\s*(?:#|no\.?|number|num)\s*:?\s*[A-Z0-9]{0,4}[-/]?\d{3,}", "a case, incident or booking number"),
    rule(r"\b\d{2,4}-\d{4,7}\b(?=.{0,40}\b(?:case|report|incident|arrest|booked|warrant))", "a number in an agency's case format"),
    rule(r"\b(?:ran|run|running) (?:the|his|her|their|a|that) (?:plate|tag|tags|reg|rego|registration|licen[cs]e|name|dl|id)s?\b",
         "a plate or records look-up"),
    rule(r"\b(?:came|comes|come) back (?:stolen|suspended|revoked|wanted|clean|expired|with a warrant|hot)\b",
         "the result of a records check"),
    rule(r"\b(?:his|her|their|the guy's|the girl's|suspect's|driver's) (?:record|rap sheet|priors|history) (?:is|was|goes)\b",
         "someone's criminal history"),
    rule(r"\b(?:booked|arrested|charged|detained|locked up|cuffed|nicked)\b.{0,60}\b(?:for|on)\b.{0,40}"
         r"\b(?:DUI|DWI|OWI|assault|battery|theft|burglary|robbery|possession|trafficking|warrant|domestic|murder|rape|fraud)\b",
         "arrest details"),
    rule(r"\b(?:victim|complainant|witness|suspect|offender|informant|CI|juvenile)(?:'s)? (?:name|address|was|is|lives|said|told)\b",
         "details of a victim, witness or suspect"),
    rule(r"\b(?:over the radio|on the radio|radio traffic|dispatch (?:said|put out|sent)|the call came (?:in|out) as|"
         r"BOLO|be on the lookout|10-\d{1,2}|code [1-4])\b", "radio traffic or a call's details"),
    rule(r"\b(?:raid|search warrant|sting|operation|op|surveillance|wiretap|undercover buy|controlled buy|takedown)\b.{0,50}"
         r"\b(?:tomorrow|tonight|next week|on \w+day|at \d|planned|going down|hitting)\b", "an operation before it is public"),
    rule(r"\b(?:in|on|from) (?:the )?(?:RMS|CAD|NCIC|CPIC|PNC|NLETS|LEIN|TLETS|the system|our system|the database)\b",
         "what an internal system shows"),
    rule(r"\b(?:mugshot|booking photo|custody photo)\b", "a booking photo"),
)
CONTEXT = (
    rule(r"\b(?:my|our) (?:car|house|home|bike|truck|garage|shed|wallet|phone|van)\b.{0,60}\b(?:stolen|broken into|burgled|"
         r"vandali[sz]ed|keyed)\b|\bmy (?:own )?(?:report|case|claim) (?:number|#|no)", "about your own report"),
    rule(r"\b(?:press release|news (?:release|report|article)|reported by|according to (?:the )?(?:news|paper|police|department)|"
         r"per the (?:news|department)|officially (?:announced|released))\b", "already public"),
    rule(r"\b(?:order|tracking|flight|invoice|ticket|confirmation|reservation|receipt|model|serial|part|seat|booking ref)"
         r"\s*(?:#|no\.?|number)", "another kind of number"),
    rule(r"\b(?:ran|run|running) (?:a|the|my) (?:marathon|5k|10k|half|race|numbers|errands|bath|business|meeting)\b",
         "another sense of the words"),
)


@register
class JobInformationCheck(SpeechCheck):
    name = "job_information"
    topics = ("job_information",)
    description = "Case numbers, plate and records look-ups, arrest details, victims and suspects, radio traffic and operations."
    limits = ("details given in a way no rule or training text resembles, and private messages; photos of screens and "
              "paperwork are judged by the photo_documents check.")
    RULES, CONTEXT = RULES, CONTEXT
    MODEL_FILE = "speech-job_information.npz"
    WHAT = "shares information from your job"
    WHY = ("Sharing what you learned through your work breaks confidentiality, can compromise a case, and a defence "
           "attorney can use it to question your discretion on the stand.")
    SEVERITY = Severity.HIGH
