"""Privacy settings (clause 13): account-level visibility the exports record.

Exports rarely say who could see each post, but several record the account's own state: Instagram's
"Private Account", X's protected-posts history, TikTok's privacy settings, Mastodon's discoverable
and indexable flags. A public account shows everything else this report found to anyone; a private
one still shows it to every follower, and settings change (clause 13).
"""

from __future__ import annotations

from typing import Iterable

from auditor.model import Finding, Item, ItemKind, Setting, Severity

from .base import Analyzer, AuditContext, evidence_for, platform_title
from .registry import register

# (platform, setting) -> the values that mean "open to everyone", what that means, and how much it matters
OPEN_SETTINGS: dict[tuple[str, Setting], tuple[tuple[str, ...], str, Severity]] = {
    ("instagram", Setting.PRIVATE_ACCOUNT): (("false", "off", "no"), "your account is public: anyone can see your posts, followers and bio", Severity.MEDIUM),
    ("tiktok", Setting.PRIVATE_ACCOUNT): (("disabled", "off", "false"), "your account is public: anyone can watch your videos", Severity.MEDIUM),
    ("tiktok", Setting.SUGGEST_ACCOUNT): (("enabled", "on", "true"), "TikTok suggests your account to people who have your number or are near you", Severity.LOW),
    ("mastodon", Setting.DISCOVERABLE): (("true",), "your profile is listed in the server's directory and suggestions", Severity.LOW),
    ("mastodon", Setting.INDEXABLE): (("true",), "your public posts can be found by full-text search", Severity.LOW),
    ("mastodon", Setting.APPROVE_FOLLOWERS): (("false",), "anyone can follow you and see your followers-only posts without your approval", Severity.LOW),
}


def _latest_protection(items: list[Item]) -> Item | None:
    history = [i for i in items if i.platform == "x" and i.kind == ItemKind.SETTING and i.field == Setting.PROTECTED_POSTS]
    dated = [i for i in history if i.created_at]
    return max(dated, key=lambda i: i.created_at) if dated else (history[-1] if history else None)


@register
class PrivacySettingsAnalyzer(Analyzer):
    name = "privacy_settings"
    topics = ("privacy_settings",)
    description = "Account-level visibility the exports record (public accounts, directory listing, search indexing)."
    reads = frozenset({setting for _, setting in OPEN_SETTINGS} | {Setting.PROTECTED_POSTS})

    def analyze(self, ctx: AuditContext) -> Iterable[Finding]:
        for item in ctx.items:
            if item.kind != ItemKind.SETTING:
                continue
            rule = OPEN_SETTINGS.get((item.platform, item.field))  # type: ignore[arg-type]
            if rule and item.text.strip().lower() in rule[0]:
                open_values, meaning, severity = rule
                yield Finding(
                    detector=self.name, topic="privacy_settings", severity=severity,
                    title=f"{platform_title(item.platform)}: {meaning.split(':')[0]}",
                    explanation=(f"Your export records “{item.field_label}: {item.text}”, which means {meaning}. Everything "
                                 "else this report lists for this platform is therefore open to that audience. Even a "
                                 "private account shows it to every follower, and platforms change their settings."),
                    platform=item.platform, evidence=[evidence_for(item, f"{item.field_label}: {item.text}")], confidence=0.95,
                )
        latest = _latest_protection(ctx.items)
        if latest is not None and latest.audience == "public":
            yield Finding(
                detector=self.name, topic="privacy_settings", severity=Severity.MEDIUM,
                title="X: your posts were last set to public",
                explanation=("The last change in your protected-posts history un-protected your account, so your posts "
                             "are visible to anyone and to search engines. X keeps only six months of this history."),
                platform="x", evidence=[evidence_for(latest, "unprotected")], confidence=0.8,
            )
