"""Filing findings under the policy in use: clauses, the undercover rule and the coverage notes all come
from the policy file's topic map, never from clause numbers in code."""

from __future__ import annotations

from pathlib import Path

import pytest

from auditor.model import Finding, Severity
from auditor.pipeline import _file_under_policy, coverage_notes
from auditor.policy import PolicyError, load_policy
from auditor.profile import AgencyProfile

AGENCY_POLICY = """
name: Our Policy
clauses:
  - {id: SM-1, title: Identity}
  - {id: SM-2, title: Places}
  - {id: SM-9, title: Covert work}
  - {id: SM-5, title: Settings}
topics: {employment_disclosure: SM-1, location_exposure: SM-2, covert: SM-9, privacy_settings: SM-5}
"""


def agency_policy(tmp_path: Path, extra: str = ""):
    path = tmp_path / "policy.yaml"
    path.write_text(AGENCY_POLICY + extra)
    return load_policy(path)


def filed(topic: str, policy, undercover: bool) -> Finding:
    return _file_under_policy(Finding("check", topic, Severity.LOW, "t", "e", "x"), policy, AgencyProfile(undercover=undercover))


def test_default_policy_holds_the_undercover_rule():
    rule = load_policy().undercover
    assert rule is not None and rule.topic == "undercover"
    assert {"employment_disclosure", "location_exposure", "coworkers"} <= rule.identifying_topics


def test_agency_policy_sets_its_own_undercover_rule(tmp_path):
    policy = agency_policy(tmp_path, "undercover: {topic: covert, identifying_topics: [location_exposure]}\n")
    moved = filed("location_exposure", policy, undercover=True)
    assert moved.clause == "SM-9" and moved.related_clauses == ("SM-2",) and moved.severity == Severity.MEDIUM  # graded: one step up from low
    assert filed("employment_disclosure", policy, undercover=True).clause == "SM-1"  # not identifying in this policy
    assert filed("location_exposure", policy, undercover=False).clause == "SM-2"


def test_agency_policy_without_an_undercover_rule_uses_the_default_topics(tmp_path):
    policy = agency_policy(tmp_path, "")
    assert policy.undercover is None
    # The default rule files under the topic "undercover", which this policy does not map: nothing moves.
    assert filed("employment_disclosure", policy, undercover=True).clause == "SM-1"
    notes = coverage_notes([], AgencyProfile(undercover=True), policy)
    assert any("maps no clause for undercover work" in n for n in notes)


def test_a_broken_undercover_rule_is_a_plain_error(tmp_path):
    with pytest.raises(PolicyError, match="undercover"):
        agency_policy(tmp_path, "undercover: [covert]\n")


def test_coverage_notes_name_clauses_through_the_policy(tmp_path):
    default_notes = " ".join(coverage_notes([], AgencyProfile(), load_policy()))
    assert "(clause 13)" in default_notes and "(clause 9a)" in default_notes
    agency_notes = " ".join(coverage_notes([], AgencyProfile(), agency_policy(tmp_path)))
    assert "(clause SM-5)" in agency_notes and "clause 13" not in agency_notes and "clause 9" not in agency_notes


def test_findings_about_public_items_are_raised_and_say_so():
    from auditor.analyzers.base import evidence_for
    from auditor.model import Item, ItemKind, SourceRef, Visibility
    from auditor.pipeline import _raise_if_public

    public = Item(id="p1", platform="mastodon", kind=ItemKind.POST, source=SourceRef("in", "outbox.json", "[1]"),
                  text="x", visibility=Visibility.PUBLIC)
    finding = Finding("check", "speech", Severity.MEDIUM, "t", "e.", "mastodon", evidence=[evidence_for(public, "x")])
    raised = _raise_if_public(finding, {"p1"})
    assert raised.severity == Severity.HIGH and "public" in raised.explanation and "un-publish" in raised.explanation
    assert _raise_if_public(finding, set()) == finding


def test_connectors_read_visibility():
    from auditor.model import Visibility
    from connectors.linkedin import linkedin_visibility
    from connectors.mastodon import VISIBILITY
    from connectors.tiktok import WHO_CAN_VIEW

    assert linkedin_visibility("MEMBER_NETWORK") == Visibility.LIMITED and linkedin_visibility("PUBLIC") == Visibility.PUBLIC
    assert VISIBILITY["followers only"] == Visibility.LIMITED and VISIBILITY["public"] == Visibility.PUBLIC
    assert WHO_CAN_VIEW["only me"] == Visibility.PRIVATE


def _wall_post(item_id: str, author=None):
    from auditor.model import Item, ItemKind, SourceRef

    return Item(id=item_id, platform="facebook", kind=ItemKind.POST, source=SourceRef("in", "wall.json", f"[{item_id}]"),
                text="Congrats, Deputy!", author=author)


def test_findings_about_what_others_posted_say_so_and_get_their_own_steps():
    from auditor.analyzers.base import evidence_for
    from auditor.model import Person
    from auditor.pipeline import authors_by_item, posters_of
    from auditor.remediation import steps_for, steps_for_others_content

    theirs, unnamed, mine = _wall_post("a", Person(name="Tomás Ruiz")), _wall_post("b", Person()), _wall_post("c")
    authors = authors_by_item([theirs, unnamed, mine])
    assert set(authors) == {"a", "b"}

    def finding(*items):
        return Finding("employment", "employment_disclosure", Severity.HIGH, "t", "Because.", "facebook",
                       evidence=[evidence_for(i, i.text) for i in items])

    about_theirs = _file_under_policy(finding(theirs), load_policy(), AgencyProfile(), authors)
    assert about_theirs.explanation.startswith("Tomás Ruiz posted this, not you, so you cannot delete it")
    assert about_theirs.explanation.endswith("Because.")
    assert list(about_theirs.remediation) == steps_for_others_content("facebook")
    assert any("Remove tag" in step for step in about_theirs.remediation)
    assert about_theirs.severity == Severity.HIGH and about_theirs.clause == "7"  # same clause, same weight

    both = _file_under_policy(finding(theirs, unnamed), load_policy(), AgencyProfile(), authors)
    assert both.explanation.startswith("Tomás Ruiz posted this")  # the unnamed poster adds no name
    assert posters_of(finding(unnamed), authors) == (Person(),)
    assert _file_under_policy(finding(unnamed), load_policy(), AgencyProfile(), authors).explanation.startswith("Someone else posted")

    mixed = _file_under_policy(finding(theirs, mine), load_policy(), AgencyProfile(), authors)  # some of it is yours
    assert mixed.explanation == "Because." and list(mixed.remediation) == steps_for("employment_disclosure", "facebook")


def test_undercover_steps_still_come_first_for_others_content():
    from auditor.analyzers.base import evidence_for
    from auditor.model import Person
    from auditor.remediation import steps_for

    theirs = _wall_post("a", Person(name="Tomás Ruiz"))
    finding = Finding("employment", "employment_disclosure", Severity.MEDIUM, "t", "Because.", "facebook",
                      evidence=[evidence_for(theirs, theirs.text)])
    filed = _file_under_policy(finding, load_policy(), AgencyProfile(undercover=True), {"a": theirs.author})
    assert filed.clause == "8" and list(filed.remediation[:2]) == steps_for("undercover", "any")
    assert "posted this, not you" in filed.explanation


def test_a_check_with_low_measured_recall_is_called_weak_and_the_closing_statement_says_so():
    from auditor.pipeline import AnalyzerInfo, negative_assurance
    from auditor.profile import AgencyProfile

    weak = AnalyzerInfo("private_facts", "", precision=0.83, recall=0.66)
    strong = AnalyzerInfo("employment", "", precision=0.91, recall=0.84)
    unmeasured = AnalyzerInfo("geotags", "")
    assert "missed about 34%" in weak.weakness and strong.weakness == "" and unmeasured.weakness == ""
    assert "harmless" in AnalyzerInfo("x", "", precision=0.6, recall=0.9).weakness
    lines = negative_assurance([], [], [weak, strong, unmeasured], [], AgencyProfile())
    assert any(line.startswith("Weak checks (see the reliability table): private_facts.") for line in lines)
