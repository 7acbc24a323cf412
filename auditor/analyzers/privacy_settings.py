"""Privacy settings (clause 13): settings that let strangers find, suggest or follow the officer.

Several exports record such settings as they stood when the export was made: TikTok's "Allow others to
find me" and "Suggest your account to ...", Mastodon's directory listing, search indexing and follower
approval. Each one left open is reported with where to change it (auditor/data/setting-paths.yaml).
Whether the account itself is public, now or in the past, is the privacy_history check's business.
"""

from __future__ import annotations

from typing import Iterable

from auditor.model import Finding, ItemKind, Setting, Severity
from auditor.remediation import setting_path

from .base import Analyzer, AuditContext, evidence_for, platform_title
from .registry import register

# (platform, setting) -> the values that mean "open", what that lets strangers do, and how much it matters
OPEN_SETTINGS: dict[tuple[str, Setting], tuple[tuple[str, ...], str, Severity]] = {
    ("tiktok", Setting.SUGGEST_ACCOUNT): (("enabled", "on", "true"), "your account is suggested to your contacts, Facebook friends and people who share links with you", Severity.LOW),
    ("tiktok", Setting.DISCOVERABLE): (("enabled", "on", "true"), "people can find your account by searching for you", Severity.LOW),
    ("mastodon", Setting.DISCOVERABLE): (("true",), "your profile is listed in the server's directory and suggestions", Severity.LOW),
    ("mastodon", Setting.INDEXABLE): (("true",), "your public posts can be found by full-text search", Severity.LOW),
    ("mastodon", Setting.APPROVE_FOLLOWERS): (("false",), "anyone can follow you and see your followers-only posts without your approval", Severity.LOW),
}


@register
class PrivacySettingsAnalyzer(Analyzer):
    name = "privacy_settings"
    topics = ("privacy_settings",)
    description = "Settings that let strangers find or follow you (suggestions, directory listing, search indexing)."
    reads = frozenset(setting for _, setting in OPEN_SETTINGS)
    limits = ("tag review, face recognition, location sharing and lookup by your email or phone, which no export "
              "offduty reads records: check those in each app")

    def analyze(self, ctx: AuditContext) -> Iterable[Finding]:
        for item in ctx.items:
            if item.kind != ItemKind.SETTING or item.field is None:
                continue
            rule = OPEN_SETTINGS.get((item.platform, item.field))  # type: ignore[arg-type]
            if not rule or item.text.strip().lower() not in rule[0]:
                continue
            _, meaning, severity = rule
            path = setting_path(item.platform, item.field)  # type: ignore[arg-type]
            yield Finding(
                detector=self.name, topic="privacy_settings", severity=severity,
                title=f"{platform_title(item.platform)}: {meaning.split(':')[0]}",
                explanation=(f"Your export records “{item.field_label}: {item.text}”, which means {meaning}. Strangers who "
                             "find the account see whatever it shows, and platforms change their settings."
                             + (f" Change it here: {path}." if path else "")),
                platform=item.platform, evidence=[evidence_for(item, f"{item.field_label}: {item.text}")], confidence=0.95,
                remediation=(path,) if path else (),
            )
