from pathlib import Path

import pytest

from auditor.model import Finding, Severity
from auditor.pipeline import _file_under_policy
from auditor.policy import PolicyError, load_policy
from auditor.profile import AgencyProfile, ProfileError, load_profile

REPO = Path(__file__).resolve().parents[2]


def test_default_policy_has_clauses_1_to_15_and_maps_every_topic():
    policy = load_policy()
    ids = [c.id for c in policy.clauses]
    for number in range(1, 16):
        assert str(number) in ids
    for clause in ("7a", "7b", "9a", "9b", "11a", "11b", "11c", "12b"):
        assert clause in ids
    assert policy.clause_for("employment_disclosure") == "7"
    assert policy.clause_for("personal_recognition") == "7b"
    assert policy.clause_for("undercover") == "8"
    assert all(c.summary for c in policy.clauses)


def test_agency_policy_file_with_its_own_ids_and_text(tmp_path):
    custom = tmp_path / "policy.yaml"
    custom.write_text("name: Our Policy\nclauses:\n  - {id: 'SM-4', title: Identity, text: 'Do not identify yourself.'}\n"
                      "topics:\n  employment_disclosure: SM-4\n")
    profile = tmp_path / "profile.yaml"
    profile.write_text("agency: {name: Test PD}\npolicy: policy.yaml\n")
    loaded = load_profile(profile)
    policy = load_policy(loaded.policy_path)
    assert policy.clause_for("employment_disclosure") == "SM-4" and policy.clause("SM-4").text == "Do not identify yourself."


def test_policy_topics_must_point_at_defined_clauses(tmp_path):
    bad = tmp_path / "p.yaml"
    bad.write_text("clauses: [{id: '1', title: A}]\ntopics: {coworkers: '9'}\n")
    with pytest.raises(PolicyError, match="does not define: 9"):
        load_policy(bad)


def test_sample_profile_loads():
    profile = load_profile(REPO / "samplegen" / "agency-profile.yaml")
    assert profile.abbreviations == ["HCSO"] and profile.stations[0].lat == pytest.approx(38.8436)
    assert [c.name for c in profile.roster][:2] == ["Tomas Ruiz", "Kelly Brandt"] and profile.undercover is False


@pytest.mark.parametrize("text, message", [
    ("- just a list", "YAML mapping"),
    ("agency: {stations: [{lat: 1}]}", "station needs a name"),
    ("agency: {stations: [{name: A, lat: north}]}", "not a number"),
    ("roster: [{handles: [x]}]", "roster entry needs a name"),
    ("agency: [unclosed", "not valid YAML"),
])
def test_bad_profiles_say_what_is_wrong(tmp_path, text, message):
    path = tmp_path / "profile.yaml"
    path.write_text(text)
    with pytest.raises(ProfileError, match=message):
        load_profile(path)


def test_undercover_profile_files_identifying_findings_under_clause_8():
    finding = Finding("employment", "employment_disclosure", Severity.LOW, "t", "e", "x")
    finding = _file_under_policy(finding, load_policy(), AgencyProfile(undercover=True))
    assert finding.clause == "8" and finding.related_clauses[0] == "7" and finding.severity == Severity.HIGH
    assert "supervisor" in finding.remediation[0]
