"""Which findings open an undercover officer's report: the few that identify the officer outright.

The rule is small and explicit. A finding qualifies when the check that made it rated it high on its
own terms (before undercover mode raises identifying topics one step), and it gives away one of the
clues below. The opening takes the strongest finding of each clue in turn (a name, then the job,
then tied accounts, then a place), then the next of each, up to `OPENING_LIMIT`, so that one kind
of clue cannot crowd out the others.
"""

from __future__ import annotations

from auditor.model import Finding, IdentifyingClue, InferredPlace, Severity

OPENING_LIMIT = 5
CLUE_ORDER = (IdentifyingClue.NAME, IdentifyingClue.EMPLOYMENT, IdentifyingClue.LINKED_ACCOUNTS, IdentifyingClue.PLACE)


def identifying_clue(finding: Finding) -> IdentifyingClue | None:
    """What a finding, as its check rated it, gives away outright; None when it is not outright."""
    if finding.severity != Severity.HIGH:
        return None
    if finding.detector == "linked_identities":
        # Its titles say what the link is: a full name (on one account or several), or what ties accounts together.
        return IdentifyingClue.NAME if "full name" in finding.title else IdentifyingClue.LINKED_ACCOUNTS
    if finding.topic == "employment_disclosure":
        return IdentifyingClue.EMPLOYMENT
    if finding.area_label in (InferredPlace.HOME, InferredPlace.WORK) or finding.detector == "platform_places":
        return IdentifyingClue.PLACE
    if finding.topic == "personal_recognition":  # a photo located at the officer's station
        return IdentifyingClue.PLACE
    return None


def opening_findings(clues: dict[str, IdentifyingClue], findings: list[Finding]) -> list[tuple[Finding, IdentifyingClue]]:
    """Up to `OPENING_LIMIT` findings, taken in turn from each clue (strongest first within a clue).
    `clues` maps finding ids to their clue, as decided by `identifying_clue` on the check's own rating."""
    by_clue: dict[IdentifyingClue, list[Finding]] = {clue: [] for clue in CLUE_ORDER}
    for finding in findings:
        clue = clues.get(finding.id)
        if clue is not None:
            by_clue[clue].append(finding)
    for candidates in by_clue.values():
        candidates.sort(key=lambda f: (f.severity.rank, -f.confidence))
    chosen: list[tuple[Finding, IdentifyingClue]] = []
    depth = 0
    while len(chosen) < OPENING_LIMIT and any(len(c) > depth for c in by_clue.values()):
        for clue in CLUE_ORDER:
            if len(by_clue[clue]) > depth and len(chosen) < OPENING_LIMIT:
                chosen.append((by_clue[clue][depth], clue))
        depth += 1
    return chosen
