"""The HTML report: one self-contained file, no script, no network, every user string escaped."""

from __future__ import annotations

from collections import Counter, OrderedDict
from dataclasses import dataclass, field

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from auditor.analyzers.base import platform_title
from auditor.model import Finding, Severity
from auditor.pipeline import AuditResult

from .map import build_maps
from .serialize import CANNOT_DELETE, LEDGER_STATES, evidence_dict, files_by_platform, others_content

SEVERITIES = [s.value for s in Severity]
GROUP_OPEN_LIMIT = 5


@dataclass
class FindingGroup:
    detector: str
    platform: str
    severity: str
    findings: list[Finding] = field(default_factory=list)
    collapsed: bool = False  # shown folded: many findings, none of them linked from the undercover opening


@dataclass
class ClauseSection:
    id: str
    title: str
    summary: str
    text: str
    counts: Counter
    groups: list[FindingGroup]


def _sections(result: AuditResult) -> list[ClauseSection]:
    linked = {finding.id for finding, _ in result.opening}
    by_clause: "OrderedDict[str, list[Finding]]" = OrderedDict()
    for finding in result.findings:
        by_clause.setdefault(finding.clause or "?", []).append(finding)
    sections = []
    for clause_id, findings in sorted(by_clause.items(), key=lambda kv: result.policy.order(kv[0])):
        clause = result.policy.clause(clause_id)
        groups: "OrderedDict[tuple[str, str, str], FindingGroup]" = OrderedDict()
        for finding in sorted(findings, key=lambda f: (f.severity.rank, f.detector, f.platform)):
            key = (finding.detector, finding.platform, finding.severity.value)
            groups.setdefault(key, FindingGroup(*key)).findings.append(finding)
        for group in groups.values():
            group.collapsed = len(group.findings) > GROUP_OPEN_LIMIT and not any(f.id in linked for f in group.findings)
        sections.append(ClauseSection(
            id=clause_id, title=clause.title if clause else "Not in this policy",
            summary=clause.summary if clause else "", text=clause.text if clause else "",
            counts=Counter(f.severity.value for f in findings), groups=list(groups.values())))
    return sections


def _environment() -> Environment:
    env = Environment(loader=PackageLoader("reports", "templates"), autoescape=select_autoescape(["html", "j2"]),
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["platform_name"] = platform_title
    env.filters["pct"] = lambda v: "not measured" if v is None else f"{v * 100:.0f}%"
    return env


def render_html(result: AuditResult, redact: bool = False) -> str:
    template = _environment().get_template("report.html.j2")
    severity_totals = Counter(f.severity.value for f in result.findings)
    return template.render(
        result=result,
        sections=_sections(result),
        severities=SEVERITIES,
        severity_totals=severity_totals,
        ledger_states=LEDGER_STATES,
        files_by_platform=files_by_platform(result),
        maps=[(caption, Markup(svg)) for caption, svg in build_maps(result.findings, redact)],
        evidence=lambda e: evidence_dict(e, redact),
        redact=redact,
        others=others_content(result),
        cannot_delete=CANNOT_DELETE,
    )
