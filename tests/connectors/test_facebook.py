import json
from datetime import datetime, timezone

import pytest

from auditor.model import ConnectionKind, GeoSource, ItemKind, ProfileField
from connectors.text import fix_meta_text
from samplegen import builders
from tests.conftest import by_path, outcome, read_export


def test_2020_json_export_reads_profile_friends_and_album(real_exports):
    accounts, items, ledger = read_export(real_exports / "facebook" / "v2020_json")
    account = next(a for a in accounts if a.platform == "facebook")
    assert account.display_name == "Jenő Rejtő"  # mojibake repaired
    assert account.handle == "habakkuk"
    assert account.emails == ("mock@mail.com",)
    assert account.phones == ("+36208884455",)
    assert account.location == "Budapest, Hunagary"
    fields = {(i.field, i.text) for i in by_path(items, "profile_information/profile_information.json")}
    assert (ProfileField.EDUCATION, "University of Szeged") in fields
    assert (ProfileField.GROUP, "Youth in Action") in fields

    friends = by_path(items, "friends/friends.json")
    assert friends and all(f.kind == ItemKind.CONNECTION and f.field == ConnectionKind.FRIEND for f in friends)
    assert [f.people[0].name for f in friends][:3] == ["John Doe", "Donald Duck", "Szett Droxler"]
    assert "Tőke Hal" in {f.people[0].name for f in friends}
    assert "Dér Dénes" in {f.people[0].name for f in friends}
    assert friends[0].created_at == datetime.fromtimestamp(1590673319, tz=timezone.utc)

    photos = by_path(items, "photos_and_videos/album/0.json")
    assert len(photos) == 2
    located = photos[0].geopoints[0]
    assert (located.lat, located.lon, located.source) == (29.925027777778, -90.088072222222, GeoSource.META_JSON)
    assert photos[0].media[0].camera == "Huawei Nexus 6P"
    assert photos[0].media[0].path.startswith("https://interncache-ftw.fbcdn.net/")  # the 2020 absolute-URL quirk
    assert photos[1].geopoints == []
    assert all(o.state == "parsed" for o in ledger)


def test_2022_json_album_after_the_posts_rename(real_exports):
    _, items, ledger = read_export(real_exports / "facebook" / "v2022_json")
    photos = by_path(items, "posts/album/0.json")
    assert photos[0].media[0].path == "posts/myalbum_1234/11113237987292.jpg"
    assert photos[0].geopoints[0].lat == pytest.approx(29.925027777778)
    assert photos[1].media[0].taken_at == datetime.fromtimestamp(1437148158, tz=timezone.utc)
    assert outcome(ledger, "posts/album/0.json").items == 2


def test_2018_html_photo_page(real_exports):
    _, items, ledger = read_export(real_exports / "facebook" / "v2018_html")
    photos = by_path(items, "photos/1234.html")
    assert len(photos) == 2
    assert photos[0].created_at == datetime.fromtimestamp(1470939905, tz=timezone.utc)
    assert photos[0].media[0].camera == "Canon Canon EOS 123D"
    assert photos[1].created_at == datetime.fromtimestamp(1461414576, tz=timezone.utc)
    assert outcome(ledger, "photos/1234.html").state == "parsed"


@pytest.mark.parametrize("stored, expected", [
    ("T\u00c5\u0091ke Hal", "Tőke Hal"),
    ("Caf\u00c3\u00a9", "Café"),
    ("Tiny loves. \u00f0\u009f\u0090\u00a3", "Tiny loves. 🐣"),
    ("plain ascii", "plain ascii"),
    ("already fine: Café", "already fine: Café"),
])
def test_meta_mojibake_is_repaired(stored, expected):
    assert fix_meta_text(stored) == expected


def test_2024_layout_posts_with_tags_check_in_and_media(tmp_path):
    export = tmp_path / "facebook-someone-2025"
    posts = [
        {"timestamp": 1700000000, "data": [{"post": "At the lake"}], "tags": [{"name": "Ana Lucía"}],
         "attachments": [{"data": [{"place": {"name": "Lake", "coordinate": {"latitude": 45.5, "longitude": -93.2}}}]}]},
        {"timestamp": 1700000100, "data": [{}],
         "attachments": [{"data": [{"media": {"uri": "your_facebook_activity/posts/media/A_1/p.jpg", "creation_timestamp": 1700000100,
                                              "media_metadata": {"photo_metadata": {"exif_data": [{"latitude": 0, "longitude": 0, "upload_ip": "::1"}]}}}}]}]},
        "not a record",
    ]
    builders.write_tree(export, {
        "your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.json":
            json.dumps(builders.meta_mojibake(posts)).encode(),
        "your_facebook_activity/posts/media/A_1/p.jpg": builders.jpeg(12.5, 45.25),
    })
    read = read_export(export)
    _, items, ledger = read
    first, second = items
    assert first.people[0].name == "Ana Lucía"
    assert first.place.name == "Lake" and first.place.geo.source == GeoSource.CHECK_IN
    # 0,0 in Meta's JSON means "no location"; the image itself still has EXIF GPS
    assert [(p.lat, p.lon, p.source) for p in second.geopoints] == [(12.5, 45.25, GeoSource.EXIF)]
    assert second.media[0].ref is not None and read.workspace.open(second.media[0].ref).read(2) == b"\xff\xd8"
    posts_outcome = outcome(ledger, "your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.json")
    assert posts_outcome.items == 2 and "1 record(s) skipped" in posts_outcome.reason
    assert outcome(ledger, "your_facebook_activity/posts/media/A_1/p.jpg").reason.startswith("media file attached")


def test_profile_v2_work_experience_becomes_employer_field(tmp_path):
    profile = {"profile_v2": {"name": {"full_name": "Renée Doe"}, "work_experiences": [
        {"employer": "Lake County Sheriff's Office", "title": "Deputy"}]}}
    builders.write_tree(tmp_path / "fb", {"personal_information/profile_information/profile_information.json":
                                          json.dumps(builders.meta_mojibake(profile)).encode()})
    accounts, items, _ = read_export(tmp_path / "fb")
    assert accounts[0].display_name == "Renée Doe"
    assert accounts[0].employers == ("Lake County Sheriff's Office",)
    employer = next(i for i in items if i.field == ProfileField.EMPLOYER)
    assert employer.kind == ItemKind.PROFILE_FIELD and employer.text == "Deputy at Lake County Sheriff's Office"


def test_profile_pictures_album_gives_profile_photo_items_without_counting_locations_twice(tmp_path):
    photo = {"uri": "posts/media/ProfilePictures_1/1.jpg", "creation_timestamp": 1600000000,
             "media_metadata": {"photo_metadata": {"exif_data": [{"latitude": 38.8, "longitude": -97.6}]}}}
    builders.write_tree(tmp_path / "fb", {
        "posts/album/0.json": json.dumps({"name": "Profile pictures", "photos": [photo]}).encode(),
        "posts/album/1.json": json.dumps({"name": "Summer", "photos": [dict(photo, uri="posts/media/Summer_2/2.jpg")]}).encode(),
        "posts/media/ProfilePictures_1/1.jpg": builders.jpeg(), "posts/media/Summer_2/2.jpg": builders.jpeg()})
    _, items, _ = read_export(tmp_path / "fb")
    (profile_photo,) = [i for i in items if i.field == ProfileField.PHOTO]
    assert profile_photo.label == "profile picture" and profile_photo.media[0].ref.member == "posts/media/ProfilePictures_1/1.jpg"
    assert profile_photo.geopoints == [] and len([i for i in items if i.kind == ItemKind.PHOTO]) == 2


WALL_POSTS = "posts/other_people's_posts_to_your_timeline.json"


@pytest.mark.parametrize("wrap", [lambda posts: posts, lambda posts: {"activity_log_data": posts}],
                         ids=["2019 list", "2020 activity_log_data"])
def test_posts_others_made_on_your_timeline_carry_their_author(tmp_path, wrap):
    posts = [
        {"timestamp": 1538231759, "title": "Tomás Ruiz wrote on your timeline.",
         "data": [{"post": "Congrats on ten years, Deputy!"}], "tags": [{"name": "Kelly Brandt"}]},
        {"timestamp": 1538181959, "title": "Tomás Ruiz a écrit sur votre journal.", "data": [{"post": "Bravo !"}]},
        {"timestamp": 1538181000, "title": "Ana Lucía shared a link to your timeline.",
         "attachments": [{"data": [{"external_context": {"url": "https://example.org/story"}}]}], "data": [{}]},
        "not a post",
    ]
    builders.write_tree(tmp_path / "fb", {
        "profile_information/profile_information.json": json.dumps({"profile": {"name": {"full_name": "Me"}}}).encode(),
        WALL_POSTS: json.dumps(builders.meta_mojibake({"wall_posts_sent_to_you": wrap(posts)})).encode(),
    })
    _, items, ledger = read_export(tmp_path / "fb")
    english, localised, link = by_path(items, WALL_POSTS)
    assert english.author.name == "Tomás Ruiz" and english.posted_by_someone_else  # mojibake repaired
    assert english.text == "Congrats on ten years, Deputy!" and english.people[0].name == "Kelly Brandt"
    assert english.created_at == datetime.fromtimestamp(1538231759, tz=timezone.utc)
    assert localised.author is not None and localised.author.name == ""  # someone else, name not read from a French title
    assert localised.author_label == "someone else (the export does not say who)"
    assert link.author.name == "Ana Lucía" and link.url == "https://example.org/story" and link.text == ""
    assert outcome(ledger, WALL_POSTS).items == 3 and "1 record(s) skipped" in outcome(ledger, WALL_POSTS).reason


def test_own_posts_have_no_author_and_a_broken_wall_file_is_reported(tmp_path):
    builders.write_tree(tmp_path / "fb", {
        "posts/your_posts_1.json": json.dumps([{"timestamp": 1, "data": [{"post": "mine"}]}]).encode(),
        WALL_POSTS: json.dumps({"wall_posts_sent_to_you": "nothing"}).encode(),
    })
    _, items, ledger = read_export(tmp_path / "fb")
    (own,) = by_path(items, "posts/your_posts_1.json")
    assert own.author is None and not own.posted_by_someone_else and own.author_label == ""
    assert outcome(ledger, WALL_POSTS).state == "could not read"
    assert "other people made on your timeline" in outcome(ledger, WALL_POSTS).reason
