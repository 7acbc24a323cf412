import pytest

from auditor.analyzers.base import AuditContext
from auditor.analyzers.privacy_settings import OPEN_SETTINGS, PrivacySettingsAnalyzer
from auditor.model import Item, ItemKind, Setting, SourceRef
from auditor.remediation import parse_setting_paths, setting_path
from auditor.yamlconfig import ConfigError


def _setting(platform, setting, value, label=""):
    return Item(id=f"{platform}-{setting}-{value}", platform=platform, kind=ItemKind.SETTING,
                source=SourceRef("in", "f", label or setting.value), field=setting, label=label, text=value)


@pytest.mark.parametrize("platform, setting, label, value, flagged", [
    ("tiktok", Setting.SUGGEST_ACCOUNT, "Suggest your account to contacts", "enabled", True),
    ("tiktok", Setting.SUGGEST_ACCOUNT, "Suggest your account to Facebook friends", "disabled", False),
    ("tiktok", Setting.DISCOVERABLE, "Allow Others to Find Me", "On", True),
    ("tiktok", Setting.DISCOVERABLE, "Allow Others to Find Me", "Off", False),
    ("mastodon", Setting.DISCOVERABLE, "", "true", True),
    ("mastodon", Setting.APPROVE_FOLLOWERS, "", "true", False),
    ("tiktok", Setting.PRIVATE_ACCOUNT, "Private Account", "Disabled", False),  # the privacy_history check's business
    ("instagram", Setting.PRIVATE_ACCOUNT, "", "False", False),
])
def test_open_settings(platform, setting, label, value, flagged):
    findings = list(PrivacySettingsAnalyzer().analyze(AuditContext([], [_setting(platform, setting, value, label=label)])))
    assert bool(findings) is flagged
    if flagged:
        assert findings[0].topic == "privacy_settings"
        assert findings[0].evidence[0].excerpt == f"{label or setting.value}: {value}"


def test_each_open_setting_says_where_to_change_it():
    (finding,) = PrivacySettingsAnalyzer().analyze(AuditContext([], [_setting("mastodon", Setting.INDEXABLE, "true")]))
    path = setting_path("mastodon", Setting.INDEXABLE)
    assert path.startswith("Mastodon: ") and "→" in path
    assert finding.remediation == (path,) and f"Change it here: {path}." in finding.explanation


def test_every_setting_a_check_reports_has_a_path():
    from auditor.analyzers.privacy_history import PrivacyHistoryAnalyzer

    assert all(setting_path(platform, setting) for platform, setting in OPEN_SETTINGS)
    for platform, setting in (("instagram", Setting.PRIVATE_ACCOUNT), ("instagram", Setting.PRIVACY_CHANGE),
                              ("tiktok", Setting.PRIVATE_ACCOUNT), ("x", Setting.PROTECTED_POSTS)):
        assert setting in PrivacyHistoryAnalyzer.reads and setting_path(platform, setting)


@pytest.mark.parametrize("text, problem", [
    ("x:\n  protected tweets: 'X: somewhere'\n", "line 2: 'protected tweets' is not a setting offduty reads"),
    ("x:\n  protected posts: ''\n", "line 2: x.protected posts should be the path to the setting"),
    ("x: 'Settings'\n", "line 1: x should map setting names to paths"),
    ("- a list\n", "the file should map each platform to its settings"),
])
def test_setting_paths_are_checked_when_loaded(text, problem):
    with pytest.raises(ConfigError) as raised:
        parse_setting_paths(text, "setting-paths.yaml")
    assert any(p.startswith(problem) for p in raised.value.problems), raised.value.problems
