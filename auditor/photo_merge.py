"""One finding per photo: the imagery checks each judge a photo on their own (police words, insignia, a face,
paperwork ...); this step merges the findings whose evidence is the same picture into one, with every reason.

The most severe finding wins (then the most confident); the other findings' clauses become related clauses and
their steps follow the winner's. A supporting finding (uniform_context) never stands alone: it is dropped when
it is the only one about its photo, and otherwise raises the merged finding's confidence, and its severity one
step when that is not already high.
"""

from __future__ import annotations

from dataclasses import replace

from auditor.analyzers._imagery import IMAGERY_TOPICS, SUPPORTING_TOPICS
from auditor.model import Finding, MediaRef, Severity

RAISED = {Severity.INFO: Severity.LOW, Severity.LOW: Severity.MEDIUM, Severity.MEDIUM: Severity.HIGH, Severity.HIGH: Severity.HIGH}
SUPPORT_BONUS = 0.1
# Among equally severe findings, the one that says the most about the person wins the title.
PRECEDENCE = ("faces_in_photos", "photo_documents", "explicit_images", "agency_insignia", "photo_text")


def photo_key(finding: Finding) -> tuple[str, MediaRef] | None:
    """(item, image) for a finding about exactly one picture; None for every other finding."""
    if finding.topic not in IMAGERY_TOPICS or len(finding.evidence) != 1 or finding.evidence[0].media is None:
        return None
    return finding.evidence[0].item_id, finding.evidence[0].media


def merge_photo_findings(findings: list[Finding]) -> list[Finding]:
    groups: dict[tuple[str, MediaRef], list[Finding]] = {}
    others: list[Finding] = []
    for finding in findings:
        key = photo_key(finding)
        if key is None:
            others.append(finding)
        else:
            groups.setdefault(key, []).append(finding)
    merged = [m for group in groups.values() if (m := merge_one_photo(group)) is not None]
    return others + merged


def merge_one_photo(group: list[Finding]) -> Finding | None:
    main = [f for f in group if f.topic not in SUPPORTING_TOPICS]
    if not main:
        return None
    support = [f for f in group if f.topic in SUPPORTING_TOPICS]
    main.sort(key=lambda f: (f.severity.rank, PRECEDENCE.index(f.topic) if f.topic in PRECEDENCE else len(PRECEDENCE),
                             -f.confidence))
    winner = main[0]
    reasons = list(dict.fromkeys(r for f in main + support for r in f.reasons))
    related = [c for f in main for c in (f.clause, *f.related_clauses) if c and c != winner.clause]
    remediation = list(dict.fromkeys(step for f in main + support for step in f.remediation))
    severity, confidence = winner.severity, max(f.confidence for f in main)
    if support:
        confidence = min(0.99, confidence + SUPPORT_BONUS)
        severity = RAISED[severity]
    explanation = ("In this photo offduty found: " + "; ".join(reasons) + ". " if reasons else "") + winner.explanation
    for other in main[1:]:
        if other.explanation not in explanation:
            explanation += " " + other.explanation
    return replace(winner, severity=severity, confidence=round(confidence, 2), reasons=tuple(reasons),
                   related_clauses=tuple(dict.fromkeys([*winner.related_clauses, *related])),
                   remediation=tuple(remediation), explanation=explanation)
