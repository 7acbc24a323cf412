from datetime import datetime, timezone

import pytest

from auditor.analyzers.base import AuditContext
from auditor.analyzers.privacy_settings import PrivacySettingsAnalyzer
from auditor.model import Item, ItemKind, Setting, Severity, SourceRef


def _setting(platform, setting, value, audience="", when=None, label=""):
    return Item(id=f"{platform}-{setting}-{value}-{when}", platform=platform, kind=ItemKind.SETTING,
                source=SourceRef("in", "f", label or setting.value), field=setting, label=label, text=value,
                audience=audience, created_at=when)


@pytest.mark.parametrize("platform, setting, label, value, flagged", [
    ("instagram", Setting.PRIVATE_ACCOUNT, "", "False", True),
    ("instagram", Setting.PRIVATE_ACCOUNT, "", "True", False),
    ("tiktok", Setting.PRIVATE_ACCOUNT, "Private Account", "Disabled", True),
    ("tiktok", Setting.PRIVATE_ACCOUNT, "Private Account", "Enabled", False),
    ("mastodon", Setting.DISCOVERABLE, "", "true", True),
    ("mastodon", Setting.APPROVE_FOLLOWERS, "", "true", False),
])
def test_open_settings(platform, setting, label, value, flagged):
    findings = list(PrivacySettingsAnalyzer().analyze(AuditContext([], [_setting(platform, setting, value, label=label)])))
    assert bool(findings) is flagged
    if flagged:
        assert findings[0].topic == "privacy_settings"
        assert findings[0].evidence[0].excerpt == f"{label or setting.value}: {value}"


def test_x_protection_history_uses_the_latest_change():
    earlier = _setting("x", Setting.PROTECTED_POSTS, "protect", "protected", datetime(2024, 1, 1, tzinfo=timezone.utc))
    later = _setting("x", Setting.PROTECTED_POSTS, "unprotect", "public", datetime(2024, 5, 1, tzinfo=timezone.utc))
    (finding,) = PrivacySettingsAnalyzer().analyze(AuditContext([], [later, earlier]))
    assert finding.severity == Severity.MEDIUM
    assert list(PrivacySettingsAnalyzer().analyze(AuditContext([], [earlier]))) == []
