"""The speech checks (clauses 6/11a, 9a, 9b, 11b/c, 12b): their rules find and quote the words, their
context rules recognise quoting, one's own details and the like, and findings say which clause and why."""

import pytest

from auditor.analyzers.base import AuditContext
from auditor.analyzers.registry import all_analyzers
from auditor.model import Item, ItemKind, SourceRef
from auditor.policy import load_policy

CLAUSES = {"job_information": "6", "obscene_speech": "9a", "reckless_behaviour": "9b", "official_capacity": "11b",
           "private_facts": "12b"}


def _post(text: str) -> Item:
    return Item(id=f"p-{abs(hash(text))}", platform="facebook", kind=ItemKind.POST, source=SourceRef("in", "posts.json", "[0]"),
                text=text)


@pytest.mark.parametrize("check, clause", CLAUSES.items())
def test_each_check_is_registered_and_filed_under_its_clause(check, clause):
    analyzer = all_analyzers()[check]
    assert load_policy().clause_for(analyzer.topics[0]) == clause and analyzer.limits and analyzer.WHY


@pytest.mark.parametrize("check, text, reason", [
    ("job_information", "Ran the plate on that silver Civic and it came back stolen out of Dayton", "a plate or records look-up"),
    ("job_information", "Case #24-118733 is going to be a long one", "a case, incident or booking number"),
    ("obscene_speech", "all immigrants are criminals and should be sent back", "a generalisation about a group"),
    ("obscene_speech", "what a f*cking joke this council is", "strong profanity or abuse"),
    ("reckless_behaviour", "8 beers deep and still drove home lol", "driving after drinking or drugs"),
    ("reckless_behaviour", "gave him a few extra for mouthing off", "bragging about force"),
    ("official_capacity", "As a deputy I can tell you the sheriff's office will not tolerate this", "your title lending weight"),
    ("official_capacity", "Our department's position on the new bail law is clear", "the department's position"),
    ("private_facts", "Dave's number is 555-0134 if anyone wants to tell him off", "a phone number"),
    ("private_facts", "My neighbour Karen is back in rehab again", "rehab or addiction"),
])
def test_rules_find_and_name_what_they_found(check, text, reason):
    analyzer = all_analyzers()[check]
    (judgement,) = analyzer.judge([text], ["post"])
    assert reason in [r for _, _, r in judgement.spans]


@pytest.mark.parametrize("check, text, context", [
    ("job_information", "My car was broken into last night, my report number is 24-5521 if the insurer asks", "about your own report"),
    ("job_information", "Ran a half marathon this morning, new PB", "another sense of the words"),
    ("obscene_speech", "Someone spray-painted a slur on the mosque wall and I'm sick about it", "quoting or reporting"),
    ("reckless_behaviour", "Few beers at the game then an Uber home like an adult", "a responsible version of it"),
    ("official_capacity", "Views are my own: I think the new bail law goes too far", "marked as personal"),
    ("private_facts", "Call my shop on 555-0188 for a quote", "about yourself"),
])
def test_context_rules_recognise_what_lowers_the_score(check, text, context):
    (judgement,) = all_analyzers()[check].judge([text], ["post"])
    assert context in judgement.context


def test_a_finding_quotes_the_words_and_says_why():
    analyzer = all_analyzers()["reckless_behaviour"]
    text = "Hit 140 in the cruiser on the bypass just for fun lol, sarge never checks the GPS"
    findings = list(analyzer.analyze(AuditContext([], [_post(text), _post("Lovely walk with the dog")])))
    assert len(findings) == 1
    assert "cruiser" in findings[0].evidence[0].excerpt and "misusing a patrol car" in findings[0].explanation
    assert "credibility" in findings[0].explanation and findings[0].topic == "reckless_behaviour"


def test_speaking_for_the_department_is_only_ever_your_own_words():
    from auditor.analyzers.base import AuditContext
    from auditor.analyzers.registry import all_analyzers
    from auditor.model import Item, ItemKind, Person, SourceRef

    text = "Our department's position on the new bail law is clear: we support it."
    mine = Item(id="m", platform="x", kind=ItemKind.POST, source=SourceRef("in", "t.js", "[0]"), text=text)
    theirs = Item(id="t", platform="facebook", kind=ItemKind.POST, source=SourceRef("in", "wall.json", "[0]"), text=text,
                  author=Person(name="Tomás Ruiz"))
    findings = list(all_analyzers()["official_capacity"].analyze(AuditContext([], [mine, theirs])))
    assert [f.evidence[0].item_id for f in findings] == ["m"]
