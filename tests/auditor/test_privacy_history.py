"""Public periods from recorded privacy changes, and what was published in each."""

from datetime import datetime, timezone

import pytest

from auditor.analyzers.base import AuditContext
from auditor.analyzers.privacy_history import PrivacyHistoryAnalyzer, public_periods
from auditor.model import Account, Item, ItemKind, Setting, Severity, SourceRef, Visibility

PUBLIC, PRIVATE = Visibility.PUBLIC, Visibility.LIMITED


def day(year, month, d=1):
    return datetime(year, month, d, tzinfo=timezone.utc)


def change(when, state, platform="instagram", field=Setting.PRIVACY_CHANGE, index=0):
    text = {PUBLIC: "Public", PRIVATE: "Private"}[state]
    return Item(id=f"{platform}-change-{index}-{when}", platform=platform, kind=ItemKind.SETTING,
                source=SourceRef("in", "account_privacy_changes.json", f"[{index}]"), field=field, text=text,
                created_at=when, visibility=state)


def current(state, platform="instagram"):
    return Item(id=f"{platform}-now", platform=platform, kind=ItemKind.SETTING, source=SourceRef("in", "p.json", "private"),
                field=Setting.PRIVATE_ACCOUNT, text="True" if state == PRIVATE else "False", visibility=state)


def published(when, kind=ItemKind.POST, platform="instagram", index=0, visibility=Visibility.UNKNOWN):
    return Item(id=f"{platform}-{kind}-{index}", platform=platform, kind=kind, source=SourceRef("in", "posts.json", f"[{index}]"),
                created_at=when, visibility=visibility)


def spans(periods):
    return [(p.start and p.start.strftime("%Y-%m"), p.end and p.end.strftime("%Y-%m")) for p in periods]


@pytest.mark.parametrize("changes, now, opened, expected", [
    # public from 2019-03, private from 2021-07; the records come unsorted
    ([change(day(2021, 7), PRIVATE, index=1), change(day(2019, 3), PUBLIC)], PRIVATE, None, [("2019-03", "2021-07")]),
    # overlapping repeats: a second "public" while already public changes nothing
    ([change(day(2019, 3), PUBLIC), change(day(2019, 9), PUBLIC, index=1), change(day(2020, 1), PRIVATE, index=2),
      change(day(2022, 5), PUBLIC, index=3)], PUBLIC, None, [("2019-03", "2020-01"), ("2022-05", None)]),
    # only one change, to private: public from when the account was opened until then
    ([change(day(2021, 7), PRIVATE)], PRIVATE, day(2018, 11), [("2018-11", "2021-07")]),
    ([change(day(2021, 7), PRIVATE)], None, None, [(None, "2021-07")]),
    # only one change, to public, and nothing says it closed again
    ([change(day(2021, 7), PUBLIC)], None, None, [("2021-07", None)]),
    # no history, but public now
    ([], PUBLIC, day(2020, 2), [("2020-02", None)]),
    ([], PUBLIC, None, [(None, None)]),
    ([], PRIVATE, None, []),
    # changes without a date cannot be placed
    ([change(None, PUBLIC)], PRIVATE, None, []),
    # private at the last recorded change, public now: reopened on an unrecorded date
    ([change(day(2020, 1), PRIVATE)], PUBLIC, None, [(None, "2020-01"), ("2020-01", None)]),
])
def test_public_periods(changes, now, opened, expected):
    assert spans(public_periods(changes, current(now) if now else None, opened)) == expected


def test_the_planted_case_counts_what_was_published_while_public():
    items = [change(day(2019, 3, 12), PUBLIC), change(day(2021, 7, 20), PRIVATE, index=1), current(PRIVATE),
             published(day(2019, 6, 1)), published(day(2020, 2, 1), index=1), published(day(2020, 8, 1), ItemKind.STORY, index=2),
             published(day(2018, 1, 1), index=3), published(day(2023, 4, 1), index=4),
             published(day(2020, 3, 1), ItemKind.COMMENT, index=5)]
    (finding,) = PrivacyHistoryAnalyzer().analyze(AuditContext([], items))
    assert finding.title == "Instagram was public from 2019-03 to 2021-07: 2 posts, 1 story and 1 comment visible to anyone"
    assert finding.explanation.startswith("From 2019-03 to 2021-07 this Instagram account was public: 2 posts, 1 story and "
                                          "1 comment were visible to anyone then, and copies may exist.")
    assert finding.severity == Severity.MEDIUM and finding.topic == "privacy_history"
    assert [e.source.pointer for e in finding.evidence] == ["[0]", "[1]"]
    assert finding.remediation == ()  # nothing to switch: it is private now


def test_undated_items_are_counted_apart_and_said_so():
    items = [change(day(2019, 3), PUBLIC), change(day(2021, 7), PRIVATE, index=1),
             published(None), published(None, index=1), published(day(2020, 1, 1), index=2)]
    (finding,) = PrivacyHistoryAnalyzer().analyze(AuditContext([], items))
    assert "1 post was visible" in finding.explanation
    assert "2 more item(s) have no date, so offduty cannot tell whether they were published then." in finding.explanation


def test_undated_changes_are_said_to_be_unplaced():
    items = [change(day(2019, 3), PUBLIC), change(None, PRIVATE, index=1), current(PRIVATE)]
    (finding,) = PrivacyHistoryAnalyzer().analyze(AuditContext([], items))
    assert finding.title == "Instagram was public from 2019-03 until an undated change"
    assert "1 privacy change(s) have no date" in finding.explanation


def test_a_period_with_nothing_published_is_low():
    (finding,) = PrivacyHistoryAnalyzer().analyze(AuditContext([], [change(day(2019, 3), PUBLIC), change(day(2019, 4), PRIVATE, index=1)]))
    assert finding.severity == Severity.LOW and "nothing you published is dated in that time" in finding.explanation


def test_public_now_uses_the_account_opening_and_says_where_to_change_it():
    accounts = [Account(platform="tiktok", created_at=day(2022, 4)), Account(platform="tiktok")]
    items = [current(PUBLIC, "tiktok"), published(day(2023, 1, 1), ItemKind.VIDEO, "tiktok"),
             published(day(2023, 2, 1), ItemKind.VIDEO, "tiktok", 1, visibility=Visibility.PRIVATE)]  # "Only me": not counted
    (finding,) = PrivacyHistoryAnalyzer().analyze(AuditContext(accounts, items))
    assert finding.title == "TikTok has been public since 2022-04: 1 video visible to anyone"
    assert finding.remediation and finding.remediation[0].startswith("TikTok: ") and "Private account" in finding.remediation[0]


def test_x_protection_history_says_it_is_short():
    items = [change(day(2024, 11), PRIVATE, "x", Setting.PROTECTED_POSTS), published(day(2024, 10, 1), platform="x")]
    (finding,) = PrivacyHistoryAnalyzer().analyze(AuditContext([], items))
    assert finding.title == "X was public until 2024-11: 1 post visible to anyone"
    assert "six months" in finding.explanation


def test_the_last_change_to_public_on_x_is_open_ended():
    items = [change(day(2024, 1), PRIVATE, "x", Setting.PROTECTED_POSTS),
             change(day(2024, 5), PUBLIC, "x", Setting.PROTECTED_POSTS, index=1)]
    findings = list(PrivacyHistoryAnalyzer().analyze(AuditContext([], items)))
    assert [f.title for f in findings] == ["X was public until 2024-01", "X has been public since 2024-05"]
    assert "Protect your posts" in findings[1].remediation[0]


def test_what_others_posted_is_not_counted_as_yours():
    from dataclasses import replace

    from auditor.model import Person

    by_friend = replace(published(day(2020, 2, 1), index=1), author=Person(name="A Friend"))
    items = [change(day(2019, 3), PUBLIC), change(day(2021, 7), PRIVATE, index=1), published(day(2020, 1, 1)), by_friend]
    (finding,) = PrivacyHistoryAnalyzer().analyze(AuditContext([], items))
    assert "1 post was visible" in finding.explanation
