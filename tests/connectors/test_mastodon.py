import io
import json
import tarfile
from datetime import datetime, timezone

import pytest

from auditor.model import ItemKind
from connectors.mastodon import PUBLIC, audience
from tests.conftest import by_path, outcome, read_export


def test_real_archive_outbox_and_actor(real_exports):
    accounts, items, ledger = read_export(real_exports / "mastodon" / "archive")
    posts = by_path(items, "outbox.json")
    assert len(posts) == 18  # totalItems says 19: the archive's own count is not trusted
    assert posts[0].text == "Just setting up another tooter!"
    assert posts[0].created_at == datetime(2022, 11, 10, 6, 29, 44, tzinfo=timezone.utc)
    assert all(p.audience == "public" for p in posts)
    mentioned = {p.handle for post in posts for p in post.people}
    assert "mydogwrotethis@universeodon.com" in mentioned
    account = accounts[0]
    assert (account.handle, account.display_name, account.private) == ("lmorchard", "Les Orchard", False)
    assert "semi-hermit in PDX" in account.bio
    fields = [i.text for i in by_path(items, "actor.json") if i.kind == ItemKind.PROFILE_FIELD]
    assert "Homepage: https://lmorchard.com" in fields
    assert outcome(ledger, "likes.json").state == "ignored"


def test_real_csv_exports(real_exports):
    _, items, ledger = read_export(real_exports / "mastodon" / "csv_exports")
    following = by_path(items, "following_accounts.csv")
    assert [i.people[0].handle for i in following] == ["user@example.com", "user@test.com"]  # blank lines tolerated
    lists = by_path(items, "lists.csv")
    assert [(i.text, i.people[0].handle) for i in lists][0] == ("Mastodon project", "gargron@example.com")
    for name in ("blocked_accounts.csv", "blocked_domains.csv", "bookmarks.csv", "muted_accounts.csv"):
        assert outcome(ledger, name).state == "ignored"


@pytest.mark.parametrize("to, cc, expected", [
    ([PUBLIC], ["x/followers"], "public"),
    (["x/followers"], [PUBLIC], "unlisted"),
    (["https://s/users/me/followers"], [], "followers only"),
    (["https://s/users/friend"], [], "direct (mentioned people only)"),
])
def test_audience_from_addressing(to, cc, expected):
    assert audience(to, cc) == expected


def test_archive_as_tar_gz_with_media(tmp_path, real_exports):
    from samplegen import builders

    outbox = {"orderedItems": [{"type": "Create", "to": [PUBLIC], "object": {
        "type": "Note", "content": "<p>At work</p>", "published": "2024-01-01T10:00:00Z",
        "attachment": [{"type": "Document", "mediaType": "image/jpeg", "url": "/media_attachments/files/1/original/a.jpg"}]}}]}
    archive = tmp_path / "archive-20240101000000-abc.tar.gz"
    with tarfile.open(archive, "w:gz") as tar:
        for name, data in (("outbox.json", json.dumps(outbox).encode()), ("media_attachments/files/1/original/a.jpg", builders.jpeg(1.5, 2.5))):
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    _, items, ledger = read_export(archive)
    (post,) = items
    assert post.geopoints[0].lat == 1.5  # EXIF kept by the server is still found
    assert outcome(ledger, "media_attachments/files/1/original/a.jpg").state == "parsed"


def test_avatar_and_header_are_profile_photo_items(tmp_path):
    from auditor.model import ProfileField
    from samplegen import builders

    actor = {"type": "Person", "preferredUsername": "ana", "icon": {"url": "avatar.png"}, "image": {"url": "header.jpg"}}
    builders.write_tree(tmp_path / "m", {"actor.json": json.dumps(actor).encode(), "outbox.json": b'{"orderedItems": []}',
                                         "avatar.png": builders.png(), "header.jpg": builders.jpeg()})
    accounts, items, _ = read_export(tmp_path / "m")
    photos = {i.source.pointer: i for i in items if i.field == ProfileField.PHOTO}
    assert photos["icon.url"].media[0].ref.member == "avatar.png" and photos["image.url"].label == "header image"
    assert accounts[0].profile_photo == "avatar.png"
