import json
from datetime import datetime, timezone

import pytest

from auditor.model import GeoSource, ItemKind, ProfileField, Setting, Visibility
from connectors.x_twitter import tweet_geo
from samplegen import builders
from tests.conftest import by_path, outcome, read_export


def test_current_archive_tweets_account_profile(real_exports, tmp_path):
    accounts, items, ledger = read_export(real_exports / "x")
    tweets = by_path(items, "data/tweets.js")
    assert len(tweets) == 4
    reply = tweets[0]
    assert reply.text.startswith("@CyberRobooo Why do I need the complexity of a Swiss watch")
    assert reply.created_at == datetime(2025, 10, 19, 17, 20, 48, tzinfo=timezone.utc)
    assert [(p.name, p.handle, p.platform_id) for p in reply.people] == [("CyberRobo", "CyberRobooo", "1610480598321168384")]
    assert {p.handle for p in tweets[3].people} == {"cursor_ai", "thankscline"}
    assert len(tweets[3].media) == 2 and tweets[3].media[0].path.startswith("https://pbs.twimg.com/media/")
    account = next(a for a in accounts if a.handle)
    assert (account.handle, account.display_name, account.emails) == ("testuser", "Test User", ("testuser@example.com",))
    bio = next(i for i in by_path(items, "data/profile.js") if i.field == ProfileField.BIO)
    assert bio.text == "Test bio for fixture data."
    location = next(i for i in by_path(items, "data/profile.js") if i.field == ProfileField.LOCATION)
    assert location.text == "Test City, TS"
    assert outcome(ledger, "data/like.js").state == "ignored"
    assert outcome(ledger, "data/manifest.js").state == "ignored"
    assert outcome(ledger, "data/README.txt").state == "ignored"


def test_2019_archive_at_the_root(real_exports):
    accounts, items, ledger = read_export(real_exports / "x" / "archive_2019")
    account = next(a for a in accounts if a.handle)
    assert (account.handle, account.display_name, account.phones) == ("simonw", "Simon Willison", ("+15555555555",))
    for name in ("app.js", "follower.js", "following.js", "saved-search.js"):
        assert outcome(ledger, name).state == "ignored"


def test_geotagged_tweets_and_split_parts(tmp_path):
    def tweet(i: int, **geo: object) -> dict:
        return {"tweet": {"id_str": str(i), "full_text": f"t{i}", "created_at": "Sun Oct 19 17:20:48 +0000 2025",
                          "entities": {"user_mentions": []}, **geo}}
    builders.write_tree(tmp_path / "arch", {
        "data/tweets.js": b"window.YTD.tweets.part0 = " + json.dumps([
            tweet(1, coordinates={"type": "Point", "coordinates": ["-97.5", "38.25"]}),
            tweet(2, place={"full_name": "Salina, KS", "bounding_box": {"coordinates": [[["-97.7", "38.7"], ["-97.5", "38.7"], ["-97.5", "38.9"], ["-97.7", "38.9"]]]}}),
        ]).encode() + b";\n",
        "data/tweets-part1.js": b"window.YTD.tweets.part1 = " + json.dumps([tweet(3)]).encode(),
        "data/manifest.js": b"window.__THAR_CONFIG = {}",
    })
    _, items, _ = read_export(tmp_path / "arch")
    exact, place, plain = sorted(items, key=lambda i: i.text)
    assert (exact.place.geo.lat, exact.place.geo.lon, exact.place.geo.source) == (38.25, -97.5, GeoSource.TWEET)
    assert place.place.name == "Salina, KS" and place.place.geo.source == GeoSource.TWEET_PLACE
    assert place.place.geo.lat == pytest.approx(38.8) and place.place.geo.accuracy_m > 5000
    assert plain.place is None and plain.kind == ItemKind.POST


@pytest.mark.parametrize("tweet", [{}, {"coordinates": None}, {"geo": {"coordinates": ["0", "0"]}}])
def test_missing_or_zero_geo_is_no_place(tweet):
    assert tweet_geo(tweet) is None


def test_broken_prefix_is_a_readable_reason(tmp_path):
    builders.write_tree(tmp_path / "arch", {"data/tweets.js": b"[1,2]", "data/account.js": b"window.YTD.account.part0 = [{\"account\": {"})
    _, _, ledger = read_export(tmp_path / "arch")
    assert "window.YTD" in outcome(ledger, "data/tweets.js").reason
    assert "truncated" in outcome(ledger, "data/account.js").reason


def test_avatar_and_header_from_profile_media_or_as_urls(tmp_path):
    profile = [{"profile": {"description": {"bio": "hi"},
                            "avatarMediaUrl": "https://pbs.twimg.com/profile_images/1450000000000000000/abcd1234.jpg",
                            "headerMediaUrl": "https://pbs.twimg.com/profile_banners/1029384756/1600000000"}}]
    files = {"data/profile.js": b"window.YTD.profile.part0 = " + json.dumps(profile).encode(),
             "data/account.js": b"window.YTD.account.part0 = []", "data/manifest.js": b"window.__THAR_CONFIG = {}",
             "data/profile_media/1029384756-abcd1234.jpg": builders.jpeg()}
    builders.write_tree(tmp_path / "x", files)
    accounts, items, ledger = read_export(tmp_path / "x")
    photos = {i.source.pointer: i for i in items if i.field == ProfileField.PHOTO}
    avatar, header = photos["[0].avatarMediaUrl"], photos["[0].headerMediaUrl"]
    assert avatar.media[0].ref.member == "data/profile_media/1029384756-abcd1234.jpg" and avatar.label == ""
    assert header.media[0].ref is None and header.media[0].path.startswith("https://") and header.label == "header image"
    assert next(a for a in accounts if a.bio).profile_photo == "data/profile_media/1029384756-abcd1234.jpg"
    assert not [i for i in items if i.kind == ItemKind.PHOTO]  # the avatar is not also a loose photo


def test_account_creation_date(real_exports):
    accounts, _, _ = read_export(real_exports / "x")
    assert next(a for a in accounts if a.handle).created_at == datetime(2008, 10, 6, 22, 58, 1, tzinfo=timezone.utc)


def test_protected_history_in_either_spelling(tmp_path):
    records = [{"protectedHistory": {"protectedAt": "2024-11-02T10:00:00.000Z", "action": "Protect"}},
               {"protectedHistory": {"protectedAt": "2025-01-05T10:00:00.000Z", "action": "unprotected"}},
               {"protectedHistory": {"protectedAt": "2025-01-06T10:00:00.000Z", "action": "mute"}}]
    body = "window.YTD.protected_history.part0 = " + json.dumps(records)
    builders.write_tree(tmp_path / "x", {"data/protected-history.js": body.encode(), "data/manifest.js": b"window.__THAR_CONFIG = {}"})
    _, items, ledger = read_export(tmp_path / "x")
    changes = by_path(items, "data/protected-history.js")
    assert [(c.field, c.visibility, c.created_at.month) for c in changes] == [
        (Setting.PROTECTED_POSTS, Visibility.LIMITED, 11), (Setting.PROTECTED_POSTS, Visibility.PUBLIC, 1)]
    assert "neither protect nor unprotect" in outcome(ledger, "data/protected-history.js").reason
