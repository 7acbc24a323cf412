"""Photos of police paperwork and screens (clauses 6 and 11a): an incident report, a booking sheet, an evidence
tag, a records-system or dispatch screen, read by the text reader. The text read is judged by document cues
(headings and form fields that only police paperwork has) and by the information-from-the-job rules that
judge posts (auditor/analyzers/job_information.py). Recipes, invoices, policies and school letters have
form fields too, but not these.
"""

from __future__ import annotations

import re
from typing import Iterable

from auditor.model import Finding, Severity, VisualFeatures
from auditor.profile import AgencyProfile

from ._imagery import PhotoSignal, photo_finding, photos
from .base import Analyzer, AuditContext
from .job_information import RULES as JOB_RULES
from .registry import register

# (what it is, pattern, weight): a heading that names a police document weighs 2, a form field 1.
CUES: tuple[tuple[str, re.Pattern[str], int], ...] = tuple((name, re.compile(pattern, re.I), weight) for name, pattern, weight in (
    ("an incident or arrest report", r"\b(?:INCIDENT|OFFEN[CS]E|ARREST|CRIME|POLICE|CASE|SUPPLEMENTAL)\s+REPORT\b", 2),
    ("a booking sheet", r"\bBOOKING\s+(?:SH|RECORD|FORM|PHOTO|NO|NUMBER|#|DATE)|\bARRESTEE\b|\bMUGSHOT\b", 2),
    ("an evidence tag", r"\bEVIDENCE\s+(?:TAG|ITEM|BAG|NO|NUMBER|#|LOG)|\bCHAIN\s+OF\s+CUSTODY\b|\bPROPERTY\s+(?:TAG|RECEIPT)\b", 2),
    ("the word evidence", r"\bEVIDENCE\b", 1),
    ("a records-system screen", r"\bRECORDS?\s+(?:MANAGEMENT|SYSTEM|SEARCH|QUERY)\b|\bRMS\b|\bNCIC\b|\bWANTS?\s+(?:AND|&)\s+WARRANTS\b", 2),
    ("a dispatch log", r"\bDISPATCH\s+(?:LOG|CONSOLE|CENTER|CENTRE)\b|\bCALLS?\s+FOR\s+SERVICE\b|\bCAD\b|\bUNIT\s+(?:ASSIGNED|STATUS)\b", 2),
    ("a case number", r"\b(?:CASE|INCIDENT|REPORT|CAD|BOOKING|ITEM)\s*(?:NO\.?|NUMBER|#)", 1),
    ("an officer's name or badge", r"\b(?:REPORTING|ARRESTING|INVESTIGATING)\s+(?:OFFICER|DEPUTY)\b|\bBADGE\s*(?:NO|#|NUMBER)?\b", 1),
    ("a person's details", r"\bD\.?O\.?B\.?\b|\bDATE\s+OF\s+BIRTH\b|\bSUSPECT\b|\bVICTIM\b|\bWITNESS\b|\bCOMPLAINANT\b", 1),
    ("charges", r"\bCHARGES?\b|\bSTATUTE\b|\bOFFEN[CS]E\b|\bWARRANT\b", 1),
    ("an agency's letterhead", r"\b(?:POLICE\s+DEPARTMENT|SHERIFF'?S\s+OFFICE|STATE\s+PATROL|DEPARTMENT\s+OF\s+CORRECTIONS)\b", 1),
    ("units on a call", r"\bUNIT\s*\d{1,4}\b|\bON\s+SCENE\b|\bEN\s*ROUTE\b|\bDISPATCHED\b", 1),
    ("offences", r"\b(?:BURGLARY|TRESPASS|ASSAULT|LARCENY|THEFT|ROBBERY|DUI|DWI|VANDALISM|NARCOTICS|HOMICIDE|FRAUD)\b", 1),
    ("a deputy or officer named", r"\b(?:DEP|OFC|OFCR|SGT|DET|CPL|LT)\.\s+[A-Z]{2,}", 1),
    ("a case number in an agency's format", r"\b[A-Z]{2,5}[0O]?-(?:19|20)\d\d-\d{4,6}\b", 1),
    ("a corrections or records division", r"\bCORRECTIONS\s+DIVISION\b|\bRECORDS\s+DIVISION\b|\bPROPERTY\s+ROOM\b", 1),
    ("a narrative", r"\bNARRATIVE\b|\bSEIZED\b|\bCOLLECTED\s+BY\b|\bLOCATION\s+OF\s+(?:OCCURRENCE|INCIDENT)\b", 1),
))
# Cue weight a photo's text must reach: one heading, or two fields. Chosen on the training split (2: precision 1.000,
# recall 0.72; 3: 1.000, 0.62), see evaluation/imagery/README.md.
MIN_WEIGHT = 2


def document_signal(features: VisualFeatures, profile: AgencyProfile | None = None) -> PhotoSignal | None:
    """The photo shows police paperwork or a records screen, or None."""
    if not features.text:
        return None
    text = "\n".join(read.text for read in features.text)
    found = [(name, weight) for name, pattern, weight in CUES if pattern.search(text)]
    found += [(rule.reason, 1) for rule in JOB_RULES if rule.pattern.search(text)]
    found = list(dict.fromkeys(found))
    weight = sum(w for _, w in found)
    if weight < MIN_WEIGHT:
        return None
    names = list(dict.fromkeys(name for name, _ in found))
    lines = [read.text for read in features.text][:3]
    return PhotoSignal((f"paperwork or a screen from the job ({', '.join(names[:4])})",), min(0.95, 0.5 + 0.08 * weight),
                       quote=" / ".join(lines))


@register
class PhotoDocumentsCheck(Analyzer):
    name = "photo_documents"
    topics = ("photo_documents",)
    description = "Photos of reports, booking sheets, evidence tags and records or dispatch screens."
    limits = ("paperwork whose text is too small, blurred or at too steep an angle to read, handwritten forms, and pages "
              "with more than 40 lines (read largest first); in videos only a few frames are read (the first, the middle, one every 5 s, at most 8).")

    def analyze(self, ctx: AuditContext) -> Iterable[Finding]:
        for item, media, features in photos(ctx):
            signal = document_signal(features)
            if signal is None:
                continue
            yield photo_finding(
                self.name, "photo_documents", item, media, signal, severity=Severity.HIGH,
                title="A photo of paperwork or a screen from the job",
                explanation=("Reports, booking sheets, evidence tags and records screens hold what you only have access to "
                             "because of your work: sharing them needs written permission, and names or numbers in them "
                             "can compromise a case."),
                features=features)
