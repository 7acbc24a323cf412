"""One finding per photo: the imagery checks each judge a photo on their own (police words, insignia, a face,
paperwork ...); this step merges the findings whose evidence is the same picture into one, with every reason.

The most severe finding wins (then the most confident); the other findings' clauses become related clauses and
their steps follow the winner's. A supporting finding (uniform_context) never stands alone: it is dropped when
it is the only one about its photo, and otherwise raises the merged finding's confidence, and its severity one
step when that is not already high.

A video's sampled frames are judged like photos, so its findings merge the same way, into one per video: each
reason then says at what time(s) in the clip it was seen, and the title and explanation speak of the video.
"""

from __future__ import annotations

import re
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


def clip_time(seconds: float) -> str:
    """0:07, 1:02:05: a time in a video as a player shows it."""
    hours, rest = divmod(int(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def _reasons_with_times(findings: list[Finding]) -> list[str]:
    """Each reason once; for frames of a video, followed by the times it was seen at."""
    seen_at: dict[str, list[float]] = {}
    for finding in findings:
        at = finding.evidence[0].frame_at
        for reason in finding.reasons:
            times = seen_at.setdefault(reason, [])
            if at is not None and at not in times:
                times.append(at)
    return [f"{reason} (at {', '.join(clip_time(t) for t in sorted(times))})" if times else reason
            for reason, times in seen_at.items()]


_PICTURE_WORD = re.compile(r"\b(?:photo|image|picture)\b")


def _of_video(text: str) -> str:
    return _PICTURE_WORD.sub("video", text)


def merge_one_photo(group: list[Finding]) -> Finding | None:
    main = [f for f in group if f.topic not in SUPPORTING_TOPICS]
    if not main:
        return None
    support = [f for f in group if f.topic in SUPPORTING_TOPICS]
    main.sort(key=lambda f: (f.severity.rank, PRECEDENCE.index(f.topic) if f.topic in PRECEDENCE else len(PRECEDENCE),
                             -f.confidence))
    winner = main[0]
    reasons = _reasons_with_times(main + support)
    video = any(f.evidence[0].frame_at is not None for f in group)
    related = [c for f in main for c in (f.clause, *f.related_clauses) if c and c != winner.clause]
    remediation = list(dict.fromkeys(step for f in main + support for step in f.remediation))
    severity, confidence = winner.severity, max(f.confidence for f in main)
    if support:
        confidence = min(0.99, confidence + SUPPORT_BONUS)
        severity = RAISED[severity]
    explanation = (f"In this {'video' if video else 'photo'} offduty found: " + "; ".join(reasons) + ". " if reasons else "")
    explanation += winner.explanation
    for other in main[1:]:
        if other.explanation not in explanation:
            explanation += " " + other.explanation
    title = winner.title
    if video:
        title, explanation = _of_video(title), _of_video(explanation)
        explanation += " Only a few frames of the video were looked at: watch it through before you decide."
    return replace(winner, title=title, severity=severity, confidence=round(confidence, 2), reasons=tuple(reasons),
                   related_clauses=tuple(dict.fromkeys([*winner.related_clauses, *related])),
                   remediation=tuple(remediation), explanation=explanation)
