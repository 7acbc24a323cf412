"""Table-driven tests of the employment-disclosure check: positives, look-alikes and denials."""

import pytest

from auditor.analyzers.base import AuditContext
from auditor.analyzers.employment import AFFINITY, EXPLICIT, ROLE, EmploymentDisclosureAnalyzer, EmploymentVocabulary
from auditor.model import Item, ItemKind, Severity, SourceRef
from auditor.profile import AgencyProfile

PROFILE = AgencyProfile(agency_names=["Harlow County Sheriff's Office"], abbreviations=["HCSO"],
                        email_domains=["harlowcountyso.gov"])


@pytest.fixture(scope="module")
def vocabulary():
    return EmploymentVocabulary(PROFILE)


def best_tier(vocabulary, text, field=""):
    order = {EXPLICIT: 0, ROLE: 1, AFFINITY: 2}
    matches = vocabulary.scan(text, field)
    return min((m.tier for m in matches), key=order.get) if matches else None


@pytest.mark.parametrize("text, field, tier", [
    ("I'm a deputy with HCSO, ask me anything", "", EXPLICIT),
    ("Proud to be a police officer!", "", EXPLICIT),
    ("Deputy Sheriff", "job title", EXPLICIT),
    ("Harlow County Sheriff's Office", "employer", EXPLICIT),
    ("Husband. Father. Trooper.", "bio", EXPLICIT),
    ("marisol@harlowcountyso.gov", "email", EXPLICIT),
    ("someone@springfieldpd.gov", "email", EXPLICIT),
    ("Roll call at 0600 and my sergeant is already mad", "", ROLE),
    ("Graduated from the academy! Class 47", "", ROLE),
    ("Another great year with the HCSO family", "", ROLE),
    ("Badge number 4411 checking in", "", ROLE),
    ("First week with my K9 partner #k9unit", "", ROLE),
    ("Thank you all #backtheblue", "", AFFINITY),
    ("Thin blue line forever", "", AFFINITY),
])
def test_disclosures(vocabulary, text, field, tier):
    assert best_tier(vocabulary, text, field) == tier


@pytest.mark.parametrize("text, field", [
    ("police brutality protest downtown today", ""),
    ("Grammar police reporting for duty", ""),
    ("Watching Police Academy 4 again", ""),
    ("I am not a cop", ""),
    ("I'm not a deputy, I just look like one", ""),
    ("My husband is a deputy and I worry", ""),
    ("Called the police on the fireworks again", ""),
    ("Deputy editor at the Gazette", "bio"),
    ("Loan officer, First Bank", "employer"),
    ("Leo season is here", ""),
    ("copped new shoes", ""),
    ("PAW Patrol marathon", ""),
    ("marisol@example.net", "email"),
    ("hcso is a weird abbreviation", ""),  # the profile's abbreviation is matched with its capitals
    ("the policy changed again", ""),
])
def test_look_alikes_are_not_flagged(vocabulary, text, field):
    assert best_tier(vocabulary, text, field) is None


def _item(text, kind=ItemKind.POST, field_name=""):
    return Item(id=f"i-{abs(hash(text))}", platform="facebook", kind=kind, source=SourceRef("in", "posts.json", "[0]"),
                text=text, field_name=field_name)


def test_findings_carry_tier_severity_and_evidence():
    items = [_item("Proud to be a police officer"), _item("my sergeant again"), _item("#thinblueline"),
             _item("my sergeant", ItemKind.PROFILE_FIELD, "bio"), _item("Harlow Police Department", ItemKind.PROFILE_FIELD, "liked page"),
             _item("nothing here")]
    findings = list(EmploymentDisclosureAnalyzer().analyze(AuditContext([], items, PROFILE)))
    severities = [f.severity for f in findings]
    assert severities == [Severity.HIGH, Severity.MEDIUM, Severity.LOW, Severity.HIGH]  # a bio is read most
    assert findings[0].evidence[0].excerpt == "Proud to be a police officer"
    assert all(f.topic == "employment_disclosure" for f in findings)


def test_reposts_count_only_as_affinity(vocabulary):
    findings = list(EmploymentDisclosureAnalyzer().analyze(AuditContext([], [_item("RT @agency: I'm a deputy and proud")], PROFILE)))
    assert [f.severity for f in findings] == [Severity.LOW]
