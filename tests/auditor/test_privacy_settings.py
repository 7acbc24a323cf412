from datetime import datetime, timezone

import pytest

from auditor.analyzers.base import AuditContext
from auditor.analyzers.privacy_settings import PrivacySettingsAnalyzer
from auditor.model import Item, ItemKind, Severity, SourceRef


def _setting(platform, name, value, audience="", when=None):
    return Item(id=f"{platform}-{name}-{value}-{when}", platform=platform, kind=ItemKind.SETTING,
                source=SourceRef("in", "f", name), field_name=name, text=value, audience=audience, created_at=when)


@pytest.mark.parametrize("platform, name, value, flagged", [
    ("instagram", "private account", "False", True),
    ("instagram", "private account", "True", False),
    ("tiktok", "Private Account", "Disabled", True),
    ("tiktok", "Private Account", "Enabled", False),
    ("mastodon", "discoverable", "true", True),
    ("mastodon", "approve followers manually", "true", False),
])
def test_open_settings(platform, name, value, flagged):
    findings = list(PrivacySettingsAnalyzer().analyze(AuditContext([], [_setting(platform, name, value)])))
    assert bool(findings) is flagged
    if flagged:
        assert findings[0].topic == "privacy_settings"


def test_x_protection_history_uses_the_latest_change():
    earlier = _setting("x", "protected posts", "protect", "protected", datetime(2024, 1, 1, tzinfo=timezone.utc))
    later = _setting("x", "protected posts", "unprotect", "public", datetime(2024, 5, 1, tzinfo=timezone.utc))
    (finding,) = PrivacySettingsAnalyzer().analyze(AuditContext([], [later, earlier]))
    assert finding.severity == Severity.MEDIUM
    assert list(PrivacySettingsAnalyzer().analyze(AuditContext([], [earlier]))) == []
