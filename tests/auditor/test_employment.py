"""Table-driven tests of the employment-disclosure check: positives, look-alikes and denials."""

import pytest

from auditor.analyzers.base import AuditContext
from auditor.analyzers.employment import AFFINITY, EXPLICIT, ROLE, EmploymentDisclosureAnalyzer, EmploymentVocabulary
from auditor.model import Item, ItemKind, ProfileField, Severity, SourceRef
from auditor.profile import AgencyProfile

PROFILE = AgencyProfile(agency_names=["Harlow County Sheriff's Office"], abbreviations=["HCSO"],
                        email_domains=["harlowcountyso.gov"])


@pytest.fixture(scope="module")
def vocabulary():
    return EmploymentVocabulary(PROFILE)


def best_tier(vocabulary, text, field=None):
    order = {EXPLICIT: 0, ROLE: 1, AFFINITY: 2}
    matches = vocabulary.scan(text, field)
    return min((m.tier for m in matches), key=order.get) if matches else None


@pytest.mark.parametrize("text, field, tier", [
    ("I'm a deputy with HCSO, ask me anything", None, EXPLICIT),
    ("Proud to be a police officer!", None, EXPLICIT),
    ("Deputy Sheriff", ProfileField.EMPLOYER, EXPLICIT),
    ("Harlow County Sheriff's Office", ProfileField.EMPLOYER, EXPLICIT),
    ("Husband. Father. Trooper.", ProfileField.BIO, EXPLICIT),
    ("marisol@harlowcountyso.gov", ProfileField.EMAIL, EXPLICIT),
    ("someone@springfieldpd.gov", ProfileField.EMAIL, EXPLICIT),
    ("Roll call at 0600 and my sergeant is already mad", None, ROLE),
    ("Graduated from the academy! Class 47", None, ROLE),
    ("Another great year with the HCSO family", None, ROLE),
    ("Badge number 4411 checking in", None, ROLE),
    ("First week with my K9 partner #k9unit", None, ROLE),
    ("Thank you all #backtheblue", None, AFFINITY),
    ("Thin blue line forever", None, AFFINITY),
])
def test_disclosures(vocabulary, text, field, tier):
    assert best_tier(vocabulary, text, field) == tier


@pytest.mark.parametrize("text, field", [
    ("police brutality protest downtown today", None),
    ("Grammar police reporting for duty", None),
    ("Watching Police Academy 4 again", None),
    ("I am not a cop", None),
    ("I'm not a deputy, I just look like one", None),
    ("My husband is a deputy and I worry", None),
    ("Called the police on the fireworks again", None),
    ("Deputy editor at the Gazette", ProfileField.BIO),
    ("Loan officer, First Bank", ProfileField.EMPLOYER),
    ("Leo season is here", None),
    ("copped new shoes", None),
    ("PAW Patrol marathon", None),
    ("marisol@example.net", ProfileField.EMAIL),
    ("hcso is a weird abbreviation", None),  # the profile's abbreviation is matched with its capitals
    ("the policy changed again", None),
])
def test_look_alikes_are_not_flagged(vocabulary, text, field):
    assert best_tier(vocabulary, text, field) is None


def _item(text, kind=ItemKind.POST, field=None):
    return Item(id=f"i-{abs(hash(text))}", platform="facebook", kind=kind, source=SourceRef("in", "posts.json", "[0]"),
                text=text, field=field)


def test_findings_carry_tier_severity_and_evidence():
    items = [_item("Proud to be a police officer"), _item("#thinblueline"),
             _item("Harlow Police Department", ItemKind.PROFILE_FIELD, ProfileField.LIKED_PAGE),
             _item("nothing here, just tacos")]
    findings = list(EmploymentDisclosureAnalyzer().analyze(AuditContext([], items, PROFILE)))
    assert [f.severity for f in findings] == [Severity.HIGH, Severity.LOW]
    assert findings[0].evidence[0].excerpt == "Proud to be a police officer"
    assert "score for this text" in findings[0].explanation and 0 < findings[0].confidence <= 1
    assert all(f.topic == "employment_disclosure" for f in findings)


@pytest.mark.parametrize("text", [
    "Two DUI arrests and a domestic before lunch, my FTO says I am getting faster on reports",
    "Qualified at the range today, 248/250 on the pistol course. Sarge owes me a coffee",
    "12 calls, 2 arrests and a foot pursuit. Paperwork till end of watch",
])
def test_implicit_job_talk_is_a_finding_with_the_words_that_weighed(text):
    (finding,) = EmploymentDisclosureAnalyzer().analyze(AuditContext([], [_item(text)], AgencyProfile()))
    assert finding.severity in (Severity.HIGH, Severity.MEDIUM) and "Found:" in finding.explanation


@pytest.mark.parametrize("text", [
    "My husband is a deputy and I worry about him every night",
    "Some guy called me claiming to be an officer from the sheriff's office, total scam",
    "Got a speeding ticket from a state trooper on I-70, lesson learned",
    "Applied to the academy! Polygraph next week, fingers crossed",
    "Paramedic life: 14 hours, 11 calls, one very rude seagull",
])
def test_someone_elses_job_is_not_a_disclosure(text):
    findings = list(EmploymentDisclosureAnalyzer().analyze(AuditContext([], [_item(text)], AgencyProfile())))
    assert all(f.severity == Severity.LOW for f in findings), [f.title for f in findings]


def test_the_agency_name_alone_is_not_a_disclosure():
    text = "Picked up my gun permit at the Harlow County Sheriff's Office this morning, quick and friendly"
    findings = list(EmploymentDisclosureAnalyzer().analyze(AuditContext([], [_item(text)], PROFILE)))
    assert not [f for f in findings if f.severity != Severity.LOW]


def test_reposts_count_only_as_affinity(vocabulary):
    findings = list(EmploymentDisclosureAnalyzer().analyze(AuditContext([], [_item("RT @agency: I'm a deputy and proud")], PROFILE)))
    assert [f.severity for f in findings] == [Severity.LOW]
