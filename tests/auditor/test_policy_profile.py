from pathlib import Path

import pytest

from auditor.model import Finding, Severity
from auditor.pipeline import _file_under_policy
from auditor.policy import PolicyError, load_policy
from auditor.profile import AgencyProfile, Coworker, ProfileError, Station, load_profile

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


def test_sample_profile_loads():
    profile = load_profile(REPO / "samplegen" / "agency-profile.yaml")
    assert profile.abbreviations == ["HCSO"] and profile.stations[0].lat == pytest.approx(38.8436)
    assert [c.name for c in profile.roster][:2] == ["Tomas Ruiz", "Kelly Brandt"] and profile.undercover is False


SAMPLE_PROFILE = (REPO / "samplegen" / "agency-profile.yaml").read_text(encoding="utf-8")
TOP_LEVEL_STATIONS = SAMPLE_PROFILE.replace(
    "  stations:\n    - name: HCSO headquarters\n      lat: 38.8436\n      lon: -97.6081\n",
    "stations:\n  - name: HCSO headquarters\n    lat: 38.8436\n    lon: -97.6081\n")


def mistake(old: str, new: str) -> str:
    assert old in SAMPLE_PROFILE
    return SAMPLE_PROFILE.replace(old, new, 1)


# Each mistake a new user makes in the sample profile, and the plain sentence that refuses it.
PROFILE_MISTAKES = [
    pytest.param(mistake("roster:", "rooster:"), "line 12: unknown key 'rooster' at the top level; did you mean 'roster'?", id="rooster"),
    pytest.param(mistake("handles: [kbrandt", "handle: [kbrandt"), "line 16: unknown key 'handle' in roster[1]; did you mean 'handles'?",
                 id="handle"),
    pytest.param(mistake("lat: 38", "latitude: 38"), "line 9: unknown key 'latitude' in agency.stations[0]; did you mean 'lat'?",
                 id="latitude"),
    pytest.param(TOP_LEVEL_STATIONS, "line 7: unknown key 'stations' at the top level: it belongs under 'agency:'", id="stations-indent"),
    pytest.param(mistake("station_radius_m: 300", "station_radius_m: near"),
                 "line 11: station_radius_m should be a distance in metres, a number greater than 0 such as 300 (it is 'near')",
                 id="radius-near"),
    pytest.param(mistake("  aliases:", "\taliases:"), "line 4: YAML does not allow tab characters for indentation; use spaces", id="tab"),
    pytest.param(mistake("lat: 38.8436", "lat: 123"), "line 9: agency.stations[0].lat should be a latitude in degrees, a number between "
                 "-90 and 90 such as 38.8436 (it is 123)", id="lat-123"),
    pytest.param(mistake("lon: -97.6081", "lon: -197.6"), "line 10: agency.stations[0].lon should be a longitude", id="lon-197"),
    pytest.param(mistake("lat: 38.8436", "lat: north"), "agency.stations[0].lat should be a latitude", id="lat-not-a-number"),
    pytest.param("- just a list", "should be a YAML mapping", id="not-a-mapping"),
    pytest.param("agency: {stations: [{lat: 1, lon: 2}]}", "line 1: agency.stations[0] needs 'name'", id="station-without-name"),
    pytest.param("agency: {stations: [{name: A, lat: 1}]}", "give both lat and lon", id="station-half-placed"),
    pytest.param("roster: [{handles: [x]}]", "line 1: roster[0] needs 'name'", id="coworker-without-name"),
    pytest.param("agency: [unclosed", "line 1: a '[' or '{' opened here is never closed", id="unclosed-bracket"),
    pytest.param("agency:\n  name: X\n aliases: [a]\n", "line 3: this line is indented differently", id="ragged-indent"),
    pytest.param("roster:\n  - {name: A, handles: [@a]}\n", "line 2: a value cannot start with '@' in YAML; put it in quotes",
                 id="unquoted-at"),
    pytest.param("roster: [a]\nroster: [b]\n", "line 2: 'roster' appears twice at the top level (first on line 1)", id="repeated-key"),
    pytest.param("undercover: maybe\n", "line 1: undercover should be true or false (it is 'maybe')", id="undercover-maybe"),
    pytest.param("agency: {email_domains: [jane@hcso.gov]}", "is not an email domain", id="email-address-as-domain"),
]


@pytest.mark.parametrize("text, message", PROFILE_MISTAKES)
def test_profile_mistakes_are_refused_with_a_plain_message(tmp_path, text, message):
    path = tmp_path / "profile.yaml"
    path.write_text(text)
    with pytest.raises(ProfileError) as refused:
        load_profile(path)
    assert any(message in problem for problem in refused.value.problems), refused.value.problems
    assert str(path) in str(refused.value) and "Traceback" not in str(refused.value)


def test_every_problem_in_a_profile_is_reported_in_line_order(tmp_path):
    path = tmp_path / "profile.yaml"
    path.write_text(mistake("roster:", "rooster:").replace("lat: 38.8436", "lat: 123"))
    with pytest.raises(ProfileError) as refused:
        load_profile(path)
    assert [p.split(":")[0] for p in refused.value.problems] == ["line 9", "line 12"]


@pytest.mark.parametrize("text, expected", [
    pytest.param("", AgencyProfile(), id="empty-file"),
    pytest.param("agency:\n  name: Test PD\n  aliases: Test Police\n  abbreviations:\n", AgencyProfile(
        agency_names=["Test PD", "Test Police"]), id="one-alias-without-brackets-and-an-empty-list"),
    pytest.param("roster: [Jo Doe, {name: Al Roe, handles: '@al'}]\n", AgencyProfile(
        roster=[Coworker("Jo Doe"), Coworker("Al Roe", ("al",))]), id="roster-names-and-mappings"),
    pytest.param("agency: {email_domains: ['@HCSO.gov'], abbreviations: [911]}\nundercover: yes\n", AgencyProfile(
        email_domains=["hcso.gov"], abbreviations=["911"], undercover=True), id="normalised-values"),
    pytest.param("agency: {stations: [{name: A, lat: -90, lon: 180, address: 1 Main St}]}\n", AgencyProfile(
        stations=[Station("A", -90.0, 180.0, "1 Main St")]), id="coordinates-at-the-limits"),
])
def test_accepted_profile_forms(tmp_path, text, expected):
    path = tmp_path / "profile.yaml"
    path.write_text(text)
    loaded = load_profile(path)
    expected.source = path
    assert loaded == expected


def test_profile_accepts_the_policy_key(tmp_path):
    path = tmp_path / "profile.yaml"
    path.write_text("policy: our-policy.yaml\n")
    assert load_profile(path).policy_path == tmp_path / "our-policy.yaml"


def test_profile_references_are_pictures_next_to_it(tmp_path):
    from auditor.model import InsigniaKind
    from auditor.profile import Reference

    (tmp_path / "patch.png").write_bytes(b"\x89PNG")
    path = tmp_path / "profile.yaml"
    path.write_text("references:\n  - {kind: patch, path: patch.png}\n")
    assert load_profile(path).references == [Reference(InsigniaKind.PATCH, tmp_path / "patch.png")]
    path.write_text("references:\n  - {kind: patch, path: gone.png}\n")
    with pytest.raises(ProfileError, match="reference picture gone.png"):
        load_profile(path)
    path.write_text("references:\n  - {kind: sticker, path: patch.png}\n")
    with pytest.raises(ProfileError, match="kind should be one of patch, badge, logo, livery"):
        load_profile(path)


def test_unreadable_profile_is_a_plain_message(tmp_path):
    with pytest.raises(ProfileError, match="could not be read"):
        load_profile(tmp_path / "missing.yaml")


POLICY = "name: P\nclauses:\n  - {id: '1', title: A}\n  - {id: '2', title: B}\ntopics:\n  coworkers: '1'\n"


@pytest.mark.parametrize("text, message", [
    pytest.param(POLICY + "topic:\n  speech: '2'\n", "line 7: unknown key 'topic' at the top level; did you mean 'topics'?",
                 id="unknown-key"),
    pytest.param(POLICY.replace("title: B", "summary: B"), "line 4: clauses[1] needs 'title'", id="clause-without-title"),
    pytest.param(POLICY.replace("title: B", "titel: B"), "line 4: unknown key 'titel' in clauses[1]; did you mean 'title'?",
                 id="misspelt-title"),
    pytest.param(POLICY.replace("coworkers: '1'", "coworkers: '9'"),
                 "line 6: topics.coworkers points at clause '9', which the file does not define", id="topic-to-missing-clause"),
    pytest.param(POLICY + "related: {coworkers: ['13']}\n", "related.coworkers points at clause '13', which the file does not define",
                 id="related-to-missing-clause"),
    pytest.param(POLICY.replace("id: '2'", "id: '1'"), "line 4: clauses[1]: the id '1' is used by another clause too", id="repeated-id"),
    pytest.param("name: P\n", "the file needs 'clauses'", id="no-clauses"),
    pytest.param(POLICY + "undercover: {identifying_topic: [coworkers]}\n", "did you mean 'identifying_topics'?",
                 id="undercover-misspelt"),
    pytest.param("clauses:\n\t- {id: '1', title: A}\n", "line 2: YAML does not allow tab characters", id="tab"),
])
def test_policy_mistakes_are_refused_with_a_plain_message(tmp_path, text, message):
    path = tmp_path / "policy.yaml"
    path.write_text(text)
    with pytest.raises(PolicyError) as refused:
        load_policy(path)
    assert any(message in problem for problem in refused.value.problems), refused.value.problems


def test_policy_may_configure_undercover_topics(tmp_path):
    path = tmp_path / "policy.yaml"
    path.write_text(POLICY + "undercover: {topic: undercover, identifying_topics: [coworkers, location_exposure]}\n")
    assert load_policy(path).clause_for("coworkers") == "1"


def test_undercover_profile_files_identifying_findings_under_clause_8():
    finding = Finding("employment", "employment_disclosure", Severity.LOW, "t", "e", "x")
    finding = _file_under_policy(finding, load_policy(), AgencyProfile(undercover=True))
    assert finding.clause == "8" and finding.related_clauses[0] == "7" and finding.severity == Severity.MEDIUM  # one step up
    assert "supervisor" in finding.remediation[0]
