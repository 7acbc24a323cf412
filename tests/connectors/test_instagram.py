import json
from datetime import datetime, timezone

import pytest

from auditor.model import ConnectionKind, GeoSource, ItemKind, ProfileField, Setting, Visibility
from samplegen import builders
from tests.conftest import by_path, outcome, read_export


def test_real_posts_file_single_and_carousel(real_exports):
    _, items, ledger = read_export(real_exports / "instagram")
    assert [i.text for i in items] == ["Bundt caaaake", "Beaver Brook Reservation", "Tiny loves. 🐣🐤🐥"]
    carousel = items[2]
    assert len(carousel.media) == 3
    assert carousel.created_at == datetime.fromtimestamp(1558310087, tz=timezone.utc)
    assert carousel.media[0].path.startswith("media/posts/201905/")
    assert items[0].created_at == datetime.fromtimestamp(1424225088, tz=timezone.utc)
    assert outcome(ledger, "content/posts_1.json").items == 3


def _entry(value: str) -> dict:
    return {"href": "", "value": value, "timestamp": 0}


@pytest.mark.parametrize("labels, private_label", [
    (("Username", "Name", "Bio"), "Private Account"),
    (("Kullanıcı adı", "Ad", "Biyografi"), "Gizli Hesap"),  # a Turkish export, also mojibake-encoded
])
def test_personal_information_with_localised_labels(tmp_path, labels, private_label):
    username, name, bio = labels
    data = {"profile_user": [{"string_map_data": {username: _entry("ana.k"), name: _entry("Ana Kovač"),
                                                  bio: _entry("Deputy. Runner."), private_label: _entry("True")}}]}
    builders.write_tree(tmp_path / "ig", {"personal_information/personal_information/personal_information.json":
                                          json.dumps(builders.meta_mojibake(data)).encode()})
    accounts, items, _ = read_export(tmp_path / "ig")
    assert (accounts[0].handle, accounts[0].display_name, accounts[0].bio) == ("ana.k", "Ana Kovač", "Deputy. Runner.")
    assert accounts[0].private is True
    setting = next(i for i in items if i.kind == ItemKind.SETTING)
    assert setting.audience == "private"


def test_exif_data_location_and_zip_input(tmp_path):
    posts = [{"media": [{"uri": "media/posts/202401/1.jpg", "creation_timestamp": 1704800000, "title": "Hike",
                         "media_metadata": {"photo_metadata": {"exif_data": [{"latitude": 42.1, "longitude": -71.2}]}}}]}]
    archive = tmp_path / "instagram-user-2025.zip"
    builders.write_zip(archive, {"your_instagram_activity/content/posts_1.json": json.dumps(posts).encode(),
                                 "media/posts/202401/1.jpg": builders.jpeg()})
    read = read_export(archive)
    _, items, ledger = read
    assert [(p.lat, p.lon, p.source) for p in items[0].geopoints] == [(42.1, -71.2, GeoSource.META_JSON)]
    assert read.workspace.open(items[0].media[0].ref).read(2) == b"\xff\xd8"  # streamed from inside the zip
    assert outcome(ledger, "media/posts/202401/1.jpg").state == "parsed"


def test_stories_reels_comments_and_follows(tmp_path):
    def media(uri, title="", ts=1700000000):
        return {"uri": uri, "creation_timestamp": ts, "title": title}

    builders.write_tree(tmp_path / "ig", {
        "your_instagram_activity/media/stories.json": json.dumps({"ig_stories": [media("media/stories/1.jpg", "roll call")]}).encode(),
        "your_instagram_activity/media/reels.json": json.dumps({"ig_reels_media": [{"media": [media("media/reels/1.mp4", "reel")]}]}).encode(),
        "your_instagram_activity/comments/post_comments_1.json": json.dumps([{"string_map_data": {
            "Comment": {"value": "Stay safe out there"}, "Media Owner": {"value": "kbrandt_hcso"}, "Time": {"timestamp": 1700000001}}}]).encode(),
        "connections/followers_and_following/followers_1.json": json.dumps([{"title": "", "media_list_data": [],
            "string_list_data": [{"href": "https://www.instagram.com/a", "value": "a_user", "timestamp": 1600000000}]}]).encode(),
        "connections/followers_and_following/following.json": json.dumps({"relationships_following": [{"title": "b_user",
            "string_list_data": [{"href": "https://www.instagram.com/b", "timestamp": 1600000001}]}]}).encode(),
    })
    _, items, _ = read_export(tmp_path / "ig")
    kinds = {(i.kind, i.text or i.people[0].handle) for i in items}
    assert (ItemKind.STORY, "roll call") in kinds and (ItemKind.VIDEO, "reel") in kinds
    assert (ItemKind.COMMENT, "Stay safe out there") in kinds
    handles = {i.people[0].handle for i in items if i.kind == ItemKind.CONNECTION}
    assert handles == {"a_user", "b_user"}  # the older export keeps the username in `title`
    followers = by_path(items, "connections/followers_and_following/followers_1.json")
    assert [(i.field, i.people[0].handle) for i in followers] == [(ConnectionKind.FOLLOWER, "a_user")]


def test_following_file_is_read_as_following(tmp_path):
    builders.write_tree(tmp_path / "ig", {
        "connections/followers_and_following/following.json": json.dumps({"relationships_following": [{"title": "b_user",
            "string_list_data": [{"href": "https://www.instagram.com/b", "timestamp": 1600000001}]}]}).encode(),
    })
    _, items, _ = read_export(tmp_path / "ig")
    assert [(i.field, i.people[0].handle) for i in items if i.kind == ItemKind.CONNECTION] == [(ConnectionKind.FOLLOWING, "b_user")]


def test_profile_photo_is_an_item_with_its_image(tmp_path):
    data = {"profile_user": [{"media_map_data": {"Profile Photo": {"uri": "media/profile/202301/1_n.jpg", "creation_timestamp": 1672531200}},
                              "string_map_data": {"Username": _entry("ana.k")}}]}
    builders.write_zip(tmp_path / "instagram-ana.k-20250101.zip", {
        "personal_information/personal_information/personal_information.json": json.dumps(data).encode(),
        "media/profile/202301/1_n.jpg": builders.jpeg()})
    read = read_export(tmp_path / "instagram-ana.k-20250101.zip")
    (photo,) = [i for i in read.items if i.field == ProfileField.PHOTO]
    assert photo.kind == ItemKind.PROFILE_FIELD and photo.media[0].ref.member == "media/profile/202301/1_n.jpg"
    assert photo.created_at == datetime.fromtimestamp(1672531200, tz=timezone.utc)
    assert read.accounts[0].profile_photo == photo.media[0].path
    assert outcome(read.ledger, "media/profile/202301/1_n.jpg").reason.startswith("media file attached")  # not a loose photo


def _time(ts: int, label: str = "Time") -> dict:
    return {label: {"href": "", "value": "", "timestamp": ts}}


PRIVACY = "security_and_login_information/login_and_account_creation/account_privacy_changes.json"


@pytest.mark.parametrize("path, document, expected", [
    # the shape Meta's parsers read: `title` plus a "Time" entry (German exports: "Zeit"), mojibake-encoded
    (PRIVACY, {"account_history_account_privacy_history": [
        {"title": "Public", "media_map_data": {}, "string_map_data": _time(1552348800)},
        {"title": "Privé", "media_map_data": {}, "string_map_data": _time(1626739200, "Zeit")}]},
     [("Public", 1552348800, "anyone"), ("Privé", 1626739200, "friends, followers or connections")]),
    # the later file name, with the time in string_list_data and the state only in a value
    ("security_and_login_information/login_and_profile_creation/profile_privacy_changes.json",
     {"account_history_account_privacy_history": [
         {"title": "", "string_list_data": [{"value": "Switched to private", "timestamp": 1626739200}]}]},
     [("Switched to private", 1626739200, "friends, followers or connections")]),
    # a label_values record under another key that names the history, and a bare list
    (PRIVACY, {"account_privacy_history": [{"timestamp": 1552348800, "label_values": [{"label": "Account type", "value": "Public"}]}]},
     [("Public", 1552348800, "anyone")]),
    (PRIVACY, [{"title": "Changed from public to private", "string_map_data": _time(1626739200)}],
     [("Changed from public to private", 1626739200, "friends, followers or connections")]),
])
def test_privacy_changes_in_several_shapes(tmp_path, path, document, expected):
    builders.write_tree(tmp_path / "ig", {path: json.dumps(builders.meta_mojibake(document)).encode(),
                                          "your_instagram_activity/content/posts_1.json": b"[]"})
    _, items, ledger = read_export(tmp_path / "ig")
    changes = [i for i in items if i.kind == ItemKind.SETTING]
    assert [(c.text, int(c.created_at.timestamp()), c.visibility.value) for c in changes] == expected
    assert {c.field for c in changes} == {Setting.PRIVACY_CHANGE}
    assert outcome(ledger, path).state == "parsed"


def test_privacy_changes_not_understood_are_in_the_ledger(tmp_path):
    records = [{"title": "Public", "string_map_data": _time(1552348800)}, {"title": "Account updated", "string_map_data": _time(1552348900)},
               "not a record"]
    builders.write_tree(tmp_path / "ig", {PRIVACY: json.dumps({"account_history_account_privacy_history": records}).encode(),
                                          "your_instagram_activity/content/posts_1.json": b"[]"})
    _, items, ledger = read_export(tmp_path / "ig")
    assert len([i for i in items if i.kind == ItemKind.SETTING]) == 1
    line = outcome(ledger, PRIVACY)
    assert line.state == "parsed" and line.reason.startswith("2 record(s) skipped")
    assert "could not tell whether “Account updated” made the account public or private" in line.reason

    builders.write_tree(tmp_path / "ig2", {PRIVACY: json.dumps({"something_else": {"a": 1}}).encode(),
                                           "your_instagram_activity/content/posts_1.json": b"[]"})
    _, _, ledger = read_export(tmp_path / "ig2")
    assert outcome(ledger, PRIVACY).state == "not understood"


def test_signup_date_and_current_state(tmp_path):
    signup = {"account_history_registration_info": [{"title": "", "string_map_data": {
        "Username": _entry("ana.k"), "Email": _entry("a@example.net"), **_time(1541116800)}}]}
    personal = {"profile_user": [{"string_map_data": {"Username": _entry("ana.k"), "Private Account": _entry("False")}}]}
    builders.write_tree(tmp_path / "ig", {
        "security_and_login_information/login_and_account_creation/signup_information.json": json.dumps(signup).encode(),
        "personal_information/personal_information/personal_information.json": json.dumps(personal).encode()})
    accounts, items, _ = read_export(tmp_path / "ig")
    assert [a.created_at for a in accounts if a.created_at] == [datetime.fromtimestamp(1541116800, tz=timezone.utc)]
    (state,) = [i for i in items if i.kind == ItemKind.SETTING]
    assert (state.field, state.visibility) == (Setting.PRIVATE_ACCOUNT, Visibility.PUBLIC)
