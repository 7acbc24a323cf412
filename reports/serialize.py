"""Plain-data views of an AuditResult, shared by the JSON, CSV and HTML writers."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from auditor.model import Evidence, Finding, LedgerState, Person
from auditor.photo_merge import clip_time
from auditor.pipeline import AuditResult, authors_by_item, poster_names, posters_of
from auditor.remediation import steps_for_others_content

LEDGER_STATES = tuple(LedgerState)
LOCATION_RECORD = "location record"


def coordinate(value: float, redact: bool) -> float:
    """The one rounding rule for coordinates in every output: about 1 km when redacting (2 decimal
    places), about 10 cm otherwise."""
    return round(value, 2) if redact else round(value, 6)


def evidence_dict(evidence: Evidence, redact: bool = False) -> dict[str, Any]:
    data: dict[str, Any] = {
        "item_id": evidence.item_id,
        "platform": evidence.platform,
        "input": evidence.source.input,
        "file": evidence.source.path,
        "record": evidence.source.pointer,
        "excerpt": evidence.excerpt,
        "date": evidence.created_at.isoformat() if evidence.created_at else None,
    }
    if evidence.media is not None:
        data["image"] = evidence.media.member
    if evidence.frame_at is not None:
        data["video_time"] = clip_time(evidence.frame_at)  # the frame of the video the finding shows
    if evidence.highlight and evidence.highlight in evidence.excerpt:
        data["highlight"] = evidence.highlight
    if evidence.geo:
        data["location"] = {"lat": coordinate(evidence.geo.lat, redact), "lon": coordinate(evidence.geo.lon, redact),
                            "source": evidence.geo.source, "place": evidence.place_name}
    return data


CANNOT_DELETE = ("You cannot delete what someone else posted. You can remove your tag or name, hide it from your "
                 "profile where the platform allows, ask the person who posted it to take it down, or report it.")


@dataclass
class OthersContent:
    """What other people posted that the exports list: how many items per platform, the findings made only
    from such items (with who posted them), and the steps each platform offers."""

    items_by_platform: dict[str, int] = field(default_factory=dict)
    findings: list[tuple[Finding, str]] = field(default_factory=list)  # (finding, who posted it)
    steps: dict[str, list[str]] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        return not self.items_by_platform


def others_content(result: AuditResult) -> OthersContent:
    counts = Counter(item.platform for item in result.items if item.posted_by_someone_else)
    authors = authors_by_item(result.items)
    findings = [(f, poster_names(posters)) for f in result.findings if (posters := posters_of(f, authors))]
    platforms = sorted(set(counts) | {f.platform for f, _ in findings})
    return OthersContent(dict(sorted(counts.items())), findings, {p: steps_for_others_content(p) for p in platforms})


def finding_dict(finding: Finding, redact: bool = False, authors: dict[str, Person] | None = None) -> dict[str, Any]:
    posters = posters_of(finding, authors or {})
    return {
        "id": finding.id,
        "clause": finding.clause,
        "related_clauses": finding.related_clauses,
        "severity": finding.severity.value,
        "title": finding.title,
        "platform": finding.platform,
        "explanation": finding.explanation,
        "reasons": list(finding.reasons),
        "evidence": [evidence_dict(e, redact) for e in finding.evidence],
        "remediation": finding.remediation,
        "detector": finding.detector,
        "topic": finding.topic,
        "confidence": finding.confidence,
        "detector_precision": finding.precision,
        "detector_recall": finding.recall,
        "posted_by": poster_names(posters) if posters else None,  # None: something you posted
    }


def coverage_dict(result: AuditResult) -> dict[str, Any]:
    per_platform: dict[str, Counter[str]] = {}
    for item in result.items:
        per_platform.setdefault(item.platform, Counter())[item.kind.value] += 1
    for platform, count in result.locations.count_by_platform().items():
        per_platform.setdefault(platform, Counter())[LOCATION_RECORD] += count
    states = Counter(o.state for o in result.ledger)
    return {
        "inputs_read": result.readable_inputs,
        "inputs_rejected": sum(1 for i in result.inputs if i.status == "rejected"),
        "items": result.record_count,
        "items_by_platform": {p: dict(c) for p, c in sorted(per_platform.items())},
        "files": {state: states.get(state, 0) for state in LEDGER_STATES},
        "files_by_platform": files_by_platform(result),
        "profile": str(result.profile.source) if result.profile.source else None,
        "undercover": result.profile.undercover,
        "policy": result.policy.name,
        "analyzers": [
            {"name": a.name, "description": a.description, "precision": a.precision, "recall": a.recall,
             "measured_on": a.measured_on, "weakness": a.weakness or None, "limits": a.limits or None, "error": a.error or None}
            for a in result.analyzers
        ],
        "notes": result.notes,
        "assurance": result.assurance,
        "imagery": imagery_dict(result),
        "ledger": [
            {"input": o.input, "path": o.path, "state": o.state, "connector": o.connector, "items": o.items,
             "reason": o.reason}
            for o in result.ledger
        ],
    }


def imagery_dict(result: AuditResult) -> dict[str, Any]:
    """What the imagery stage looked at; fingerprints themselves stay out of the report."""
    unreadable = [v for v in result.visuals.values() if not v.readable]
    unreadable += [frames[0] for frames in result.frames.values() if len(frames) == 1 and frames[0].frame_at is None]
    frames = [f for found in result.frames.values() for f in found if f.frame_at is not None]
    return {
        "checked": result.imagery_checked,
        "images": len(result.visuals),
        "examined": sum(1 for v in result.visuals.values() if v.examined_width),
        "looked_with": sorted({name for v in [*result.visuals.values(), *frames] for name in v.examined_by}),
        "video_frames_checked": result.imagery_checked,
        "videos": len(result.frames),
        "video_frames_examined": sum(1 for f in frames if f.examined_width),
        "could_not_examine": [{"input": v.ref.source_key.split(":", 1)[-1], "path": v.ref.member, "reason": v.problem}
                              for v in unreadable],
    }


def opening_list(result: AuditResult) -> list[dict[str, Any]]:
    """Undercover: the findings that identify the officer outright, in the report's order, by id."""
    return [{"id": finding.id, "severity": finding.severity.value, "title": finding.title, "gives_away": clue.value}
            for finding, clue in result.opening]


def files_by_platform(result: AuditResult) -> dict[str, dict[str, int]]:
    """Ledger counts per platform (the inputs of one platform added up)."""
    totals: dict[str, Counter[str]] = {}
    for summary in result.inputs:
        if summary.status == "read":
            totals.setdefault(summary.platform, Counter()).update(summary.counts)
    return {platform: {state: counts.get(state, 0) for state in LEDGER_STATES} for platform, counts in sorted(totals.items())}


def others_content_dict(result: AuditResult) -> dict[str, Any]:
    others = others_content(result)
    return {"note": CANNOT_DELETE, "items_by_platform": others.items_by_platform,
            "findings": [finding.id for finding, _ in others.findings], "steps": others.steps}


def result_dict(result: AuditResult, redact: bool = False) -> dict[str, Any]:
    authors = authors_by_item(result.items)
    return {
        "tool": "offduty",
        "version": result.version,
        "generated_at": result.generated_at.isoformat(),
        "inputs": [
            {"path": i.path, "platform": i.platform, "status": i.status, "reason": i.reason, "items": i.items,
             "files": i.counts}
            for i in result.inputs
        ],
        "coverage": coverage_dict(result),
        **({"identifies_you_outright": opening_list(result)} if result.profile.undercover else {}),
        "findings": [finding_dict(f, redact, authors) for f in result.findings],
        "posted_by_others": others_content_dict(result),
        "unreadable": [{"input": o.input, "path": o.path, "reason": o.reason} for o in result.unreadable],
        "not_understood": [{"input": o.input, "path": o.path, "reason": o.reason} for o in result.not_understood],
    }


CSV_FIELDS = ("id", "clause", "severity", "title", "platform", "posted_by", "explanation", "evidence", "remediation",
              "detector", "confidence", "detector_precision", "detector_recall")


def finding_row(finding: Finding, redact: bool = False, authors: dict[str, Person] | None = None) -> dict[str, Any]:
    data = finding_dict(finding, redact, authors)
    data["posted_by"] = data["posted_by"] or "you"
    evidence = []
    for e in data["evidence"]:
        where = f"{e['file']} {e['record']}".strip()
        line = f"[{e['date'] or 'undated'}] {where}: {e['excerpt']}".strip()
        if "location" in e:
            line += f" @ {e['location']['lat']},{e['location']['lon']} ({e['location']['place']})"
        evidence.append(line)
    data["evidence"] = " | ".join(evidence)
    data["remediation"] = " | ".join(data["remediation"])
    return {k: data[k] for k in CSV_FIELDS}
