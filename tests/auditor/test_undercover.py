"""The rule that picks the findings an undercover officer's report opens with."""

from auditor.model import Evidence, Finding, IdentifyingClue, InferredPlace, Severity, SourceRef
from auditor.undercover import OPENING_LIMIT, identifying_clue, opening_findings


def finding(detector: str, topic: str, title: str, severity=Severity.HIGH, platform="x", confidence=0.9, **extra) -> Finding:
    evidence = [Evidence(f"{detector}-{title}", platform, SourceRef("in", "f.json"))]
    return Finding(detector, topic, severity, title, "Because.", platform, evidence, confidence, **extra)


NAME = finding("linked_identities", "linked_identities", "Your Instagram account shows a full name", platform="instagram")
NAMES = finding("linked_identities", "linked_identities", "The same full name links your Facebook, Instagram accounts", platform="several")
PHOTO = finding("linked_identities", "linked_identities", "The same profile photo links your Instagram and X accounts", platform="several")
USERNAME = finding("linked_identities", "linked_identities", "The same username links your Reddit, X accounts", platform="several", confidence=0.95)
EMPLOYER = finding("employment", "employment_disclosure", "LinkedIn profile (employer) says you work in law enforcement")
JOB_TALK = finding("employment", "employment_disclosure", "X post uses job talk", severity=Severity.MEDIUM)
HOME = finding("pattern_of_life", "location_exposure", "Your likely home", area_label=InferredPlace.HOME)
GYM = finding("pattern_of_life", "location_exposure", "A routine place", severity=Severity.MEDIUM, area_label=InferredPlace.ROUTINE)
STATION = finding("geotags", "personal_recognition", "A photo was located at HCSO headquarters")
SPEECH = finding("obscene_speech", "speech", "An obscene post")


def test_each_finding_gets_its_clue_as_its_check_rated_it():
    assert identifying_clue(NAME) == identifying_clue(NAMES) == IdentifyingClue.NAME
    assert identifying_clue(PHOTO) == identifying_clue(USERNAME) == IdentifyingClue.LINKED_ACCOUNTS
    assert identifying_clue(EMPLOYER) == IdentifyingClue.EMPLOYMENT
    assert identifying_clue(HOME) == identifying_clue(STATION) == IdentifyingClue.PLACE
    assert identifying_clue(JOB_TALK) is identifying_clue(GYM) is identifying_clue(SPEECH) is None


def test_the_opening_takes_each_clue_in_turn_and_stops_at_five():
    findings = [PHOTO, USERNAME, NAMES, NAME, EMPLOYER, HOME, STATION, JOB_TALK, SPEECH]
    clues = {f.id: clue for f in findings if (clue := identifying_clue(f))}
    opening = opening_findings(clues, findings)
    assert len(opening) == OPENING_LIMIT == 5
    assert [clue for _, clue in opening[:4]] == [IdentifyingClue.NAME, IdentifyingClue.EMPLOYMENT,
                                                 IdentifyingClue.LINKED_ACCOUNTS, IdentifyingClue.PLACE]
    assert opening[2][0] is USERNAME  # the more confident link first
    assert opening[4][1] == IdentifyingClue.NAME  # then the second of each, in the same order


def test_nothing_outright_opens_nothing():
    assert opening_findings({}, [JOB_TALK, SPEECH]) == []
