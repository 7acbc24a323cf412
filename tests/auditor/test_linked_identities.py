"""Undercover mode: what ties accounts together, and the closing negative-assurance statement."""

import pytest

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


def _photo(platform: str, member: str, label: str = ""):
    from auditor.model import Item, ItemKind, Media, MediaRef, ProfileField, make_item_id

    source = SourceRef(platform, "profile.json", member)
    return Item(make_item_id(platform, source), platform, ItemKind.PROFILE_FIELD, source, field=ProfileField.PHOTO, label=label,
                media=[Media(member, "image/jpeg", MediaRef(f"0:{platform}", member))])


def _seen(item, perceptual_hash: str, detail: float = 30.0, problem: str = ""):
    from auditor.model import VisualFeatures

    return VisualFeatures(item.media[0].ref, 320, 320, problem=problem, perceptual_hash=perceptual_hash, detail=detail)


def photo_findings(pairs, undercover=True):
    items = [item for item, _ in pairs]
    visuals = {item.media[0].ref: seen for item, seen in pairs}
    ctx = AuditContext([], items, AgencyProfile(undercover=undercover), visuals=visuals)
    return [f for f in LinkedIdentitiesCheck().analyze(ctx) if "profile photo" in f.title]


def test_the_same_profile_photo_on_two_platforms_links_them():
    ig, x, mastodon = _photo("instagram", "ig.jpg"), _photo("x", "x.jpg"), _photo("mastodon", "avatar.png")
    (finding,) = photo_findings([(ig, _seen(ig, "a9d66995ca6192ad")), (x, _seen(x, "a9d66995ca6192af")),  # 1 bit apart
                                 (mastodon, _seen(mastodon, "56299a6a359e6d52"))])  # every bit different
    assert finding.title == "The same profile photo links your Instagram and X accounts"
    assert finding.severity.value == "high" and {e.platform for e in finding.evidence} == {"instagram", "x"}
    assert "1 of 64" in finding.explanation


@pytest.mark.parametrize("case", ["flat pictures", "unreadable", "one platform", "not undercover", "no vision"])
def test_no_photo_link(case):
    one, other = _photo("instagram", "a.jpg"), _photo("x" if case != "one platform" else "instagram", "b.jpg", "header image")
    detail = 0.0 if case == "flat pictures" else 30.0
    problem = "the image is damaged or cut short" if case == "unreadable" else ""
    pairs = [(one, _seen(one, "8000000000000000", detail, problem)), (other, _seen(other, "8000000000000000", detail))]
    if case == "no vision":
        ctx = AuditContext([], [one, other], AgencyProfile(undercover=True))
        assert not [f for f in LinkedIdentitiesCheck().analyze(ctx) if "photo" in f.title]
        return
    assert photo_findings(pairs, undercover=case != "not undercover") == []


def test_limits_no_longer_say_photos_are_not_compared():
    assert "not compared" not in LinkedIdentitiesCheck.limits
