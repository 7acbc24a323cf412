import pytest

from auditor.analyzers.base import AuditContext
from auditor.analyzers.coworkers import MIN_CONFIDENCE, CoworkerAnalyzer
from auditor.model import ConnectionKind, Item, ItemKind, Person, ProfileField, Severity, SourceRef
from auditor.names import compare, find_in_text, parse
from auditor.profile import AgencyProfile, Coworker

ROSTER = AgencyProfile(roster=[Coworker("Jonathan Smith", ("jsmith_pd",)), Coworker("Tomas Ruiz")], source=None)


@pytest.mark.parametrize("roster, observed, same", [
    ("Jonathan Smith", "Jon Smith", True),
    ("Tomás Ruiz", "Tomas Ruiz", True),
    ("Robert Harris", "Bob Harris", True),
    ("Jonathan Smith", "J. Smith", True),  # an initial: a match, at low confidence
    ("Margaret Olsen", "Peggy Olsen", True),  # from the nicknames package's list
    ("Sgt. Thomas O'Brien-Walsh Jr.", "Tommy Walsh", True),  # rank, suffix, one half of a double surname
    ("Søren Ærø", "Soren Aero", True),
    ("Markus Strauß", "Markus Strauss", True),
    ("SMITH, John", "John Smith", True),
    ("Nguyen Van An", "An Nguyen", True),
    ("John Robert Smith", "JR Smith", True),
    ("Kelly Brandt", "Kelly Brant", True),  # the tagger's typo
    ("John Smith", "John Smithers", False),
    ("Mario Lopez", "Maria Lopez", False),
    ("Daniel Reyes", "Danielle Reyes", False),
    ("Francis Lee", "Frances Lee", False),
    ("Jonathan Smith", "Smith", False),
    ("Michael Jordan", "Michael", False),  # a first name alone never matches
])
def test_name_matching(roster, observed, same):
    match = compare(roster, observed)
    assert (match is not None and match.confidence >= MIN_CONFIDENCE) is same, match


def test_initials_are_low_confidence_and_ranks_are_set_aside():
    assert compare("Jonathan Smith", "J. Smith").confidence < compare("Jonathan Smith", "Jon Smith").confidence
    assert parse("Det. Sgt. Mary-Kate Ó Briain III").surname == "briain"
    assert parse("Cpl.") is None


def test_names_in_text():
    assert find_in_text("Sgt. Michael Brandt", "grabbed lunch with Sgt Brandt after shift")
    assert find_in_text("Michael Brandt", "coffee with Mike Brandt's crew")
    assert not find_in_text("Michael Brandt", "Mike says hi")
    assert not find_in_text("Michael Brandt", "the Brandt family reunion")


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


def test_name_lists_are_well_formed():
    import re
    from importlib import resources

    from auditor.names import famous_names

    table = resources.files("auditor").joinpath("data", "nicknames.yaml").read_text(encoding="utf-8")
    keys = re.findall(r"^([\w-]+):", table, re.M)
    assert len(keys) == len(set(keys)) >= 100  # a repeated key would silently drop the first entry
    lines = [line for line in resources.files("auditor").joinpath("data", "famous-names.txt").read_text(encoding="utf-8")
             .splitlines() if line.strip() and not line.startswith("#")]
    assert len(famous_names()) >= len(lines) - 5  # every line parses as a given name and a surname


def test_a_famous_namesake_in_text_is_not_a_coworker_but_a_tag_still_is():
    profile = AgencyProfile(roster=[Coworker("Tom Hanks", ("thanks_pd",))])
    items = [_item(ItemKind.POST, text="Watching Tom Hanks in Cast Away again"),
             _item(ItemKind.POST, [Person(name="Tom Hanks", handle="thanks_pd")])]
    findings = list(CoworkerAnalyzer().analyze(AuditContext([], items, profile)))
    assert len(findings) == 1 and "tagged" in findings[0].explanation


def test_a_coworker_who_posts_about_you_is_matched_by_author():
    wall_post = Item(id="fb-wall", platform="facebook", kind=ItemKind.POST, source=SourceRef("in", "wall.json", "[0]"),
                     text="Congrats on ten years!", author=Person(name="Tomás Ruiz"))
    stranger = Item(id="fb-other", platform="facebook", kind=ItemKind.POST, source=SourceRef("in", "wall.json", "[1]"),
                    text="Happy birthday!", author=Person(name="Ana Ferreira"))
    endorsement = Item(id="li-e", platform="linkedin", kind=ItemKind.PROFILE_FIELD, source=SourceRef("in", "E.csv", "row 1"),
                       text="Public Speaking", author=Person(name="Tomas Ruiz"), field=ProfileField.SKILLS)
    findings = list(CoworkerAnalyzer().analyze(AuditContext([], [wall_post, stranger, endorsement], ROSTER)))
    (finding,) = findings  # not the stranger, and not a skill endorsement (no text of theirs is published about you)
    assert finding.evidence[0].item_id == "fb-wall"
    assert finding.title == "A coworker (Tomas Ruiz) posted about you on Facebook"
    assert "posted it as Tomás Ruiz" in finding.explanation
