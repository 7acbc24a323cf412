"""When each account was public (clause 13), and how much was published while it was.

The exports record some of an account's history: Instagram lists every switch between public and
private, X keeps six months of "Protect your posts" changes, and Instagram and TikTok say whether the
account is private now. From these (and the date the account was opened, where known) this check
builds the periods when the account was public and counts what the officer published in each: all of
it was visible to anyone then, and a later switch to private does not reach back.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from typing import Iterable

from auditor.model import Finding, Item, ItemKind, Setting, Severity, Visibility
from auditor.remediation import setting_path

from .base import Analyzer, AuditContext, evidence_for, platform_title
from .registry import register

CHANGES = frozenset({Setting.PRIVACY_CHANGE, Setting.PROTECTED_POSTS})
CURRENT_STATE = Setting.PRIVATE_ACCOUNT
# What the officer published, in the words the report counts it in (singular, plural).
PUBLISHED: dict[ItemKind, tuple[str, str]] = {
    ItemKind.POST: ("post", "posts"), ItemKind.PHOTO: ("photo", "photos"), ItemKind.VIDEO: ("video", "videos"),
    ItemKind.STORY: ("story", "stories"), ItemKind.CHECK_IN: ("check-in", "check-ins"),
    ItemKind.COMMENT: ("comment", "comments"),
}
# Platforms whose history is known to be cut short, and how.
SHORT_HISTORY = {"x": "X keeps only six months of this history, so earlier changes are not in the export."}


@dataclass(frozen=True, slots=True)
class PublicPeriod:
    """A stretch of time when the account was public. `start` None: from before anything the export dates
    (or from when the account was opened, where known); `end` None: until the export was made."""

    start: datetime | None
    end: datetime | None
    records: tuple[Item, ...]  # the setting records that open and close it
    start_unrecorded: bool = False  # the switch to public happened after `start`, on a date the export does not keep
    end_unrecorded: bool = False  # the switch back to private happened before the export, on an unrecorded date

    def holds(self, when: datetime) -> bool:
        return (self.start is None or when >= self.start) and (self.end is None or when < self.end)


def public_periods(changes: list[Item], current: Item | None, opened: datetime | None = None) -> list[PublicPeriod]:
    """The periods when an account was public, from its dated changes (in any order), its state when the export
    was made and the date it was opened. Changes without a date cannot be placed and are left out."""
    dated = sorted((c for c in changes if c.created_at and c.visibility in (Visibility.PUBLIC, Visibility.LIMITED)),
                   key=lambda c: c.created_at)  # type: ignore[arg-type, return-value]
    now = current.visibility if current is not None and current.visibility != Visibility.UNKNOWN else None
    if not dated:
        if now == Visibility.PUBLIC:
            return [PublicPeriod(opened, None, (current,))]  # type: ignore[arg-type]
        return []
    periods: list[PublicPeriod] = []
    first = dated[0]
    if first.visibility == Visibility.LIMITED:  # it was public until the first recorded change closed it
        start = opened if opened and opened < first.created_at else None  # type: ignore[operator]
        periods.append(PublicPeriod(start, first.created_at, (first,)))
    opened_by: Item | None = None
    for change in dated:
        if change.visibility == Visibility.PUBLIC and opened_by is None:
            opened_by = change
        elif change.visibility == Visibility.LIMITED and opened_by is not None:
            periods.append(PublicPeriod(opened_by.created_at, change.created_at, (opened_by, change)))
            opened_by = None
    last = dated[-1]
    state_record = (current,) if current is not None else ()
    if opened_by is not None:
        periods.append(PublicPeriod(opened_by.created_at, None, (opened_by, *state_record),
                                    end_unrecorded=now == Visibility.LIMITED))
    elif now == Visibility.PUBLIC:  # the last recorded change closed it, yet it is public now
        periods.append(PublicPeriod(last.created_at, None, (last, *state_record), start_unrecorded=True))
    return periods


def _month(when: datetime) -> str:
    return when.strftime("%Y-%m")


def _wording(period: PublicPeriod, title: str) -> tuple[str, str]:
    """The finding's title and its first words, for each way a period can be bounded."""
    start = _month(period.start) if period.start else ""
    end = _month(period.end) if period.end else ""
    if period.start_unrecorded:
        return (f"{title} has been public since some time after {start}",
                f"Since some time after {start} this {title} account has been public")
    if start and end:
        return f"{title} was public from {start} to {end}", f"From {start} to {end} this {title} account was public"
    if end:
        return f"{title} was public until {end}", f"Until {end} this {title} account was public"
    if start and period.end_unrecorded:
        return (f"{title} was public from {start} until an undated change",
                f"From {start} until a change the export does not date, this {title} account was public")
    if start:
        return f"{title} has been public since {start}", f"From {start} until the export this {title} account was public"
    return f"Your {title} account is public", f"This {title} account is public (the export does not say since when)"


def _counted(counts: Counter[ItemKind]) -> str:
    parts = [f"{n} {PUBLISHED[kind][0] if n == 1 else PUBLISHED[kind][1]}" for kind, n in counts.most_common()]
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


@register
class PrivacyHistoryAnalyzer(Analyzer):
    name = "privacy_history"
    topics = ("privacy_history",)
    description = "When each account was public, from its recorded privacy changes, and what was published then."
    reads = frozenset(CHANGES | {CURRENT_STATE})
    limits = ("changes the platform does not export (X keeps six months; Facebook, LinkedIn and Snapchat keep none), "
              "and who saw or copied the posts")

    def analyze(self, ctx: AuditContext) -> Iterable[Finding]:
        settings: dict[str, list[Item]] = {}
        for item in ctx.items:
            if item.kind == ItemKind.SETTING and item.field in self.reads:
                settings.setdefault(item.platform, []).append(item)
        for platform, records in sorted(settings.items()):
            changes = [r for r in records if r.field in CHANGES]
            states = [r for r in records if r.field == CURRENT_STATE and r.visibility != Visibility.UNKNOWN]
            opened = min((a.created_at for a in ctx.accounts if a.platform == platform and a.created_at), default=None)
            published = [i for i in ctx.items if i.platform == platform and i.kind in PUBLISHED
                         and not i.posted_by_someone_else and i.visibility not in (Visibility.LIMITED, Visibility.PRIVATE)]
            undated_changes = sum(1 for c in changes if c.created_at is None)
            for period in public_periods(changes, states[0] if states else None, opened):
                yield self._finding(platform, period, published, undated_changes)

    def _finding(self, platform: str, period: PublicPeriod, published: list[Item], undated_changes: int) -> Finding:
        title = platform_title(platform)
        counts = Counter(i.kind for i in published if i.created_at and period.holds(i.created_at))
        undated = sum(1 for i in published if i.created_at is None)
        headline, opening = _wording(period, title)
        is_now = period.end is None and not period.end_unrecorded
        sentences = [f"{opening}: "
                     + (f"{'up to ' if period.start_unrecorded or period.end_unrecorded else ''}{_counted(counts)} "
                        f"{'were' if counts.total() > 1 else 'was'} visible to anyone then, and copies may exist."
                        if counts else "nothing you published is dated in that time, but your profile and followers "
                        "were open to anyone.")]
        if period.start_unrecorded:
            sentences.append("The last recorded change made it private, but the export says it is public now: it was "
                             "opened again on a date the export does not keep.")
        if period.end_unrecorded:
            sentences.append("The export says it is private now, but the change that closed it is not dated.")
        if undated:
            sentences.append(f"{undated} more item(s) have no date, so offduty cannot tell whether they were published then.")
        if undated_changes:
            sentences.append(f"{undated_changes} privacy change(s) have no date and could not be placed.")
        if platform in SHORT_HISTORY and period.start is None:
            sentences.append(SHORT_HISTORY[platform])
        sentences.append("Making the account private now does not take back what was already seen, copied or archived.")
        path = next((p for p in (setting_path(platform, r.field) for r in period.records if r.field) if p), "")
        if is_now and path:
            sentences.append(f"Change it here: {path}.")
        evidence = [evidence_for(r, f"{r.field_label}: {r.text}") for r in period.records]
        return Finding(
            detector=self.name, topic="privacy_history", severity=Severity.MEDIUM if counts else Severity.LOW,
            title=headline + (f": {_counted(counts)} visible to anyone" if counts else ""),
            explanation=" ".join(sentences), platform=platform, evidence=evidence, confidence=0.9,
            remediation=(path,) if is_now and path else (),
        )
