"""Undercover mode: what ties accounts together, and the closing negative-assurance statement."""

from auditor.analyzers.base import AuditContext
from auditor.analyzers.linked_identities import LinkedIdentitiesCheck
from auditor.model import Account, SourceRef
from auditor.profile import AgencyProfile

ACCOUNTS = [
    Account("instagram", handle="marisol.p_ks", display_name="Marisol Peñalver", emails=["m@example.net"],
            source=SourceRef("ig", "personal_information.json")),
    Account("tiktok", handle="marisol.ks", emails=["m@example.net"], source=SourceRef("tt", "user_data.json")),
    Account("x", handle="nightowl_77", display_name="M", websites=["linktr.ee/marisolks and tiktok.com/@marisol.ks"],
            source=SourceRef("x", "account.js")),
    Account("reddit", handle="breadbaker", source=SourceRef("rd", "statistics.csv")),
]


def findings(undercover: bool):
    return list(LinkedIdentitiesCheck().analyze(AuditContext(ACCOUNTS, [], AgencyProfile(undercover=undercover))))


def test_nothing_without_undercover():
    assert findings(False) == []


def test_usernames_emails_names_and_bio_links_are_found_and_private_values_not_repeated():
    titles = {f.title: f for f in findings(True)}
    assert "The same username links your Instagram, TikTok accounts" in titles
    assert "The same email address links your Instagram, TikTok accounts" in titles
    assert "Your Instagram account shows a full name" in titles
    assert any("link in a bio" in t and "X → TikTok" in t for t in titles)
    assert not any("m@example.net" in f.explanation for f in titles.values())
    assert not any("breadbaker" in f.explanation or "Reddit" in t for t, f in titles.items())
    linked = titles["The same username links your Instagram, TikTok accounts"]
    assert {e.platform for e in linked.evidence} == {"instagram", "tiktok"}


def test_the_report_ends_with_what_the_audit_cannot_tell(tmp_path):
    from pathlib import Path

    from auditor.pipeline import run_audit

    repo = Path(__file__).resolve().parents[2]
    profile = tmp_path / "p.yaml"
    profile.write_text("agency:\n  name: Harlow County Sheriff's Office\nundercover: true\n")
    result = run_audit(sorted((repo / "sample_exports").iterdir()), profile, jobs=1, use_cache=False)
    text = " ".join(result.assurance)
    assert "Read: 10 export(s)" in text and "private messages" in text and "not a statement that you cannot be identified" in text
    assert "safe" not in text.lower()
    assert any(f.detector == "linked_identities" and f.clause == "8" for f in result.findings)
