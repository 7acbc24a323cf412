import pytest

from auditor.analyzers.base import AuditContext
from auditor.analyzers.coworkers import NAME_THRESHOLD, CoworkerAnalyzer, _name_score
from auditor.model import ConnectionKind, Item, ItemKind, Person, Severity, SourceRef
from auditor.profile import AgencyProfile, Coworker

ROSTER = AgencyProfile(roster=[Coworker("Jonathan Smith", ("jsmith_pd",)), Coworker("Tomas Ruiz")], source=None)


@pytest.mark.parametrize("a, b, same", [
    ("Jon Smith", "Jonathan Smith", True),
    ("Tomás Ruiz", "Tomas Ruiz", True),
    ("Bob Harris", "Robert Harris", True),
    ("J. Smith", "Jonathan Smith", True),
    ("John Smithers", "John Smith", False),
    ("Maria Lopez", "Mario Lopez", False),
    ("Smith", "Jonathan Smith", False),
])
def test_name_matching(a, b, same):
    assert (_name_score(a, b) >= NAME_THRESHOLD) is same


def _item(kind, people=(), text="", field=None):
    return Item(id=f"i-{kind.value}-{text}-{len(people)}", platform="x", kind=kind, source=SourceRef("in", "t.js", "[0]"),
                text=text, people=list(people), field=field)


def test_tags_mentions_names_and_connections():
    items = [
        _item(ItemKind.POST, [Person(name="Jon Smith")]),
        _item(ItemKind.POST, text="lunch with @JSmith_PD"),
        _item(ItemKind.COMMENT, text="Tomas Ruiz bought the coffee"),
        _item(ItemKind.POST, [Person(name="Jane Doe")], text="with Tom"),
        _item(ItemKind.CONNECTION, [Person(name="Tomás Ruiz")], field=ConnectionKind.FOLLOWING),
    ]
    findings = list(CoworkerAnalyzer().analyze(AuditContext([], items, ROSTER)))
    medium = [f for f in findings if f.severity == Severity.MEDIUM]
    assert len(medium) == 3
    assert "Jonathan Smith" in medium[0].title and "Tomas Ruiz" in medium[2].title
    (low,) = [f for f in findings if f.severity == Severity.LOW]
    assert "1 coworker" in low.title


def test_no_roster_no_findings():
    items = [_item(ItemKind.POST, [Person(name="Jon Smith")])]
    assert list(CoworkerAnalyzer().analyze(AuditContext([], items, AgencyProfile()))) == []


def test_connections_at_your_agency_count_without_a_roster():
    profile = AgencyProfile(agency_names=["Harlow County Sheriff's Office"])
    items = [Item(id="c1", platform="linkedin", kind=ItemKind.CONNECTION, source=SourceRef("in", "Connections.csv", "row 1"),
                  field=ConnectionKind.CONTACT, text="Sergeant at Harlow County Sheriff's Office", people=[Person(name="Kelly Brandt")]),
             Item(id="c2", platform="linkedin", kind=ItemKind.CONNECTION, source=SourceRef("in", "Connections.csv", "row 2"),
                  field=ConnectionKind.CONTACT, text="Nurse at Salina Regional Health", people=[Person(name="Ana Ferreira")])]
    (finding,) = CoworkerAnalyzer().analyze(AuditContext([], items, profile))
    assert "1 coworker" in finding.title and "Kelly Brandt" in finding.explanation
