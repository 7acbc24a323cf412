"""Platforms with no public sample file: fixtures built here from the documented structure."""

import json
from datetime import datetime, timezone

import pytest

from auditor.model import GeoSource, ItemKind, PlaceLabel, ProfileField, Setting, Visibility
from connectors.snapchat import parse_point
from samplegen import builders
from tests.conftest import by_path, outcome, read_export


@pytest.mark.parametrize("text, expected", [
    ("Latitude, Longitude: 39.56, -89.65", (39.56, -89.65, None)),
    ("lat 38.81 ± 19.47 meters, long -97.64 ± 19.47 meters", (38.81, -97.64, 19.47)),
    ("38.8121 ± 39.66 meters, -97.6422 ± 39.66 meters", (38.8121, -97.6422, 39.66)),
    ("Latitude, Longitude: 0.0, 0.0", None),
    ("", None),
])
def test_snapchat_coordinate_strings(text, expected):
    point = parse_point(text, "x")
    assert (None if point is None else (point.lat, point.lon, point.accuracy_m)) == expected


def test_snapchat_json_export(tmp_path):
    builders.write_zip(tmp_path / "mydata~1700000000000.zip", {
        "json/memories_history.json": json.dumps({"Saved Media": [
            {"Date": "2024-05-01 21:14:03 UTC", "Media Type": "Image", "Location": "Latitude, Longitude: 38.8121, -97.6422",
             "Download Link": "https://app.snapchat.com/dmd/memories?uid=x"},
            {"Date": "2024-05-02 10:00:00 UTC", "Media Type": "Video", "Location": "Latitude, Longitude: 0.0, 0.0"}]}).encode(),
        "json/location_history.json": json.dumps({
            "Home & Work": {"Home": "lat 38.8121 ± 19.47 meters, long -97.6422 ± 19.47 meters", "Work": ""},
            "Location History": [{"Time": "2024/05/01 21:00:00 UTC", "Latitude, Longitude": "38.80 ± 39.66 meters, -97.60 ± 39.66 meters"}],
            "Frequent Locations": [{"City": "salina", "Country": "us", "Region": "kansas"}]}).encode(),
        "json/account.json": json.dumps({"Basic Information": {"Username": "mp_ks", "Name": "Marisol"}}).encode(),
        "json/friends.json": json.dumps({"Friends": [{"Username": "kb", "Display Name": "Kelly Brandt"}]}).encode(),
        "json/chat_history.json": b"{}",
        "index.html": b"<html></html>",
    })
    read = read_export(tmp_path / "mydata~1700000000000.zip")
    accounts, items, ledger = read
    memories = by_path(items, "json/memories_history.json")
    assert memories[0].geopoints[0].lat == 38.8121 and memories[0].created_at == datetime(2024, 5, 1, 21, 14, 3, tzinfo=timezone.utc)
    assert memories[1].geopoints == [] and memories[1].kind == ItemKind.VIDEO
    history = by_path(read.locations, "json/location_history.json")
    home = next(p for p in history if p.label == PlaceLabel.HOME)
    assert (home.lat, home.accuracy_m, home.geo_source) == (38.8121, 19.47, GeoSource.SNAP_INFERENCE)
    assert any(p.at == datetime(2024, 5, 1, 21, 0, tzinfo=timezone.utc) for p in history)
    (frequent,) = by_path(items, "json/location_history.json")  # text only: a profile field, not a point
    assert (frequent.kind, frequent.field, frequent.label) == (ItemKind.PROFILE_FIELD, ProfileField.PLATFORM_PLACE, "Frequent Locations")
    assert frequent.text == "salina, kansas, us"
    assert accounts[0].handle == "mp_ks"
    assert outcome(ledger, "json/chat_history.json").state == "ignored"


def test_snapchat_html_export(tmp_path):
    builders.write_tree(tmp_path / "snap", {
        "html/memories_history.html": b"<table><tr><th>Date</th><th>Media Type</th><th>Location</th></tr>"
                                      b"<tr><td>2024-05-01 21:14:03 UTC</td><td>Image</td><td>Latitude, Longitude: 38.8121, -97.6422</td></tr></table>",
        "html/location_history.html": "<table><tr><td>Home</td><td>lat 38.8121 ± 19.47 meters, long -97.6422 ± 19.47 meters</td></tr></table>".encode(),
    })
    read = read_export(tmp_path / "snap")
    (memory,) = by_path(read.items, "html/memories_history.html")
    assert memory.geopoints[0].lon == -97.6422
    (home,) = by_path(read.locations, "html/location_history.html")
    assert home.label == PlaceLabel.HOME


def test_tiktok_json_both_generations(tmp_path):
    old = {"Profile": {"Profile Information": {"ProfileMap": {"userName": "mp", "bioDescription": "Deputy. Dog mom."}}},
           "Video": {"Videos": {"VideoList": [{"Date": "2023-01-02 03:04:05", "Link": "https://t/1", "Likes": "4",
                                               "WhoCanView": "Everyone", "Location": "Salina, Kansas", "Title": "with @kbrandt"}]}},
           "Activity": {"Following List": {"Following": [{"Date": "2022-01-01 00:00:00", "UserName": "kbrandt"}]}}}
    new = {"Profile": {"Profile Info": {"ProfileMap": {"userName": "mp2"}}},
           "Post": {"Posts": {"VideoList": [{"Date": "2024-01-02 03:04:05", "WhoCanView": "Friends", "Title": "hi"}]}},
           "Comment": {"Comments": {"CommentsList": [{"date": "2024-02-02 00:00:00", "comment": "stay safe"}]}},
           "App Settings": {"Settings": {"SettingsMap": {"Private Account": "Disabled", "Allow Others to Find Me": "On",
                                                          "Suggest your account to contacts": "enabled",
                                                          "Who Can Post Comments": "Everyone"}}}}
    for name, data in (("user_data.json", old), ("user_data_tiktok.json", new)):
        builders.write_tree(tmp_path / name.split(".")[0], {name: json.dumps(data).encode()})
    accounts, items, _ = read_export(tmp_path / "user_data")
    video = next(i for i in items if i.kind == ItemKind.VIDEO)
    assert (video.audience, video.place.name, video.people[0].handle) == ("Everyone", "Salina, Kansas", "kbrandt")
    assert accounts[0].bio == "Deputy. Dog mom."
    accounts, items, _ = read_export(tmp_path / "user_data_tiktok")
    assert accounts[0].handle == "mp2"
    assert [i.kind for i in items if i.kind not in (ItemKind.PROFILE_FIELD, ItemKind.SETTING)] == [ItemKind.VIDEO, ItemKind.COMMENT]
    settings = [i for i in items if i.kind == ItemKind.SETTING]  # the export's name is mapped, and kept as the label
    assert [(s.field, s.label, s.text, s.visibility) for s in settings] == [
        (Setting.PRIVATE_ACCOUNT, "Private Account", "Disabled", Visibility.PUBLIC),
        (Setting.DISCOVERABLE, "Allow Others to Find Me", "On", Visibility.UNKNOWN),
        (Setting.SUGGEST_ACCOUNT, "Suggest your account to contacts", "enabled", Visibility.UNKNOWN),
        (Setting.OTHER, "Who Can Post Comments", "Everyone", Visibility.UNKNOWN)]


def test_tiktok_txt_variant(tmp_path):
    builders.write_tree(tmp_path / "tt", {
        "Profile/Profile Info.txt": b"Username: mp_ks\nBio Description: Dispatcher by night\n",
        "Videos/Posts.txt": b"Date: 2023-01-02 03:04:05\nLink: https://t/1\nWho Can View: Everyone\nTitle: night shift\n\n"
                            b"Date: 2023-02-02 03:04:05\nLink: https://t/2\nTitle: second\n",
        "Activity/Browsing History.txt": b"Date: 2023-01-01 00:00:00\nLink: https://t/x\n",
    })
    accounts, items, ledger = read_export(tmp_path / "tt")
    assert accounts[0].bio == "Dispatcher by night"
    videos = [i for i in items if i.kind == ItemKind.VIDEO]
    assert [v.text for v in videos] == ["night shift", "second"] and videos[0].audience == "Everyone"
    assert outcome(ledger, "Activity/Browsing History.txt").state == "ignored"


def test_reddit_csv_export(tmp_path):
    builders.write_zip(tmp_path / "export_mp_20250101.zip", {
        "posts.csv": ('\ufeffid,permalink,date,ip,subreddit,gildings,title,url,body\n'
                      'abc,https://reddit.com/r/ProtectAndServe/abc,2024-03-01 10:00:00 UTC,203.0.113.9,ProtectAndServe,0,'
                      '"Question for other deputies","","My FTO said\nnever to do this"\n').encode(),
        "comments.csv": b"id,permalink,date,ip,subreddit,gildings,link,parent,body,media\n"
                        b"c1,https://reddit.com/c1,2024-03-02 11:00:00 UTC,,pics,0,,,Nice photo,\n",
        "statistics.csv": b"statistic,value\naccount name,mp_ks\nemail address,mp@example.net\n",
        "ip_logs.csv": b"date,ip\n2024-03-01 10:00:00 UTC,203.0.113.9\n",
        "checkfile.csv": b"filename,sha256\n",
    })
    accounts, items, ledger = read_export(tmp_path / "export_mp_20250101.zip")
    (post,) = by_path(items, "posts.csv")
    assert post.text == "Question for other deputies\nMy FTO said\nnever to do this" and post.audience == "r/ProtectAndServe"
    assert post.created_at == datetime(2024, 3, 1, 10, tzinfo=timezone.utc)
    assert by_path(items, "comments.csv")[0].kind == ItemKind.COMMENT
    assert accounts[0].handle == "mp_ks"
    assert outcome(ledger, "ip_logs.csv").state == "ignored"


def test_meta_html_variants(tmp_path):
    block = ('<div class="pam _3-95 _2ph- _a6-g uiBoxWhite noborder"><div class="_3-95 _2pim _a6-h _a6-i">'
             'Marisol Pe\u00c3\u00b1alver updated her status.</div><div class="_3-95 _a6-p"><div><div>'
             '<div class="_2pin"><div>I\'m a deputy and proud of it</div></div>'
             '<img src="your_facebook_activity/posts/media/A_1/p.jpg"/></div></div></div>'
             '<div class="_3-94 _a6-o"><a href="x"><div class="_a72d">Jan 05, 2024 8:42:11 pm</div></a></div></div>')
    builders.write_tree(tmp_path / "fb", {
        "your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.html": f"<html><body>{block}</body></html>".encode(),
        "your_facebook_activity/posts/media/A_1/p.jpg": builders.jpeg(12.0, 34.0),
    })
    _, items, _ = read_export(tmp_path / "fb")
    (post,) = items
    assert post.text == "I'm a deputy and proud of it"
    assert post.created_at == datetime(2024, 1, 5, 20, 42, 11, tzinfo=timezone.utc)
    assert post.geopoints[0].lat == 12.0
    ig = ('<table><tr><td>Username</td><td>mp_ks</td></tr><tr><td>Bio</td><td>Deputy sheriff. Coffee.</td></tr>'
          '<tr><td>Private Account</td><td>False</td></tr></table>')
    builders.write_tree(tmp_path / "ig", {"personal_information/personal_information/personal_information.html": ig.encode(),
                                          "your_instagram_activity/content/posts_1.html": f"<html>{block}</html>".encode()})
    accounts, items, _ = read_export(tmp_path / "ig")
    assert (accounts[0].handle, accounts[0].bio, accounts[0].private) == ("mp_ks", "Deputy sheriff. Coffee.", False)
    assert any(i.field == ProfileField.BIO for i in items) and any(i.kind == ItemKind.POST for i in items)


def test_tiktok_profile_photo_is_a_link_only(tmp_path):
    data = {"Profile": {"Profile Info": {"ProfileMap": {"userName": "ana.k", "profilePhoto": "https://p16.tiktokcdn.com/ana.jpeg"}}}}
    builders.write_zip(tmp_path / "TikTok_Data_1.zip", {"user_data_tiktok.json": json.dumps(data).encode()})
    accounts, items, _ = read_export(tmp_path / "TikTok_Data_1.zip")
    (photo,) = [i for i in items if i.field == ProfileField.PHOTO]
    assert photo.media[0].ref is None and photo.media[0].path == accounts[0].profile_photo == "https://p16.tiktokcdn.com/ana.jpeg"
