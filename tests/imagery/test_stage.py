"""The imagery stage over real connector output: which images, through the workspace, cached, in
workers or not, and never a traceback for a bad image."""

import json

import pytest

from auditor.cache import ResultCache
from auditor.model import ItemKind, ProfileField
from imagery import ImageryScope, examine_images, images_to_examine
from imagery import stage as imagery_stage
from samplegen import builders
from tests.conftest import read_export

PORTRAIT = builders.encoded(builders.portrait(3), quality=85)


def mastodon_archive(tmp_path, avatar: bytes = PORTRAIT, header: bytes = PORTRAIT[:700]):
    actor = {"type": "Person", "preferredUsername": "ana", "name": "Ana", "outbox": "outbox.json",
             "icon": {"type": "Image", "url": "avatar.jpg"}, "image": {"type": "Image", "url": "header.jpg"}}
    outbox = {"type": "OrderedCollection", "orderedItems": [{"type": "Create", "object": {
        "type": "Note", "content": "<p>hi</p>", "attachment": [{"type": "Document", "url": "media_attachments/files/1/original/a.jpg"}]}}]}
    path = tmp_path / "archive-20250101000000-abc.tar.gz"
    builders.write_tar_gz(path, {"actor.json": json.dumps(actor).encode(), "outbox.json": json.dumps(outbox).encode(),
                                 "avatar.jpg": avatar, "header.jpg": header,
                                 "media_attachments/files/1/original/a.jpg": builders.encoded(builders.portrait(4), quality=80)})
    return path


def test_scope_profile_photos_or_every_image(tmp_path):
    read = read_export(mastodon_archive(tmp_path))
    photos = [i for i in read.items if i.kind == ItemKind.PROFILE_FIELD and i.field == ProfileField.PHOTO]
    assert {i.label for i in photos} == {"", "header image"}
    assert {r.member for r in images_to_examine(read.items, ImageryScope.PROFILE_PHOTOS)} == {"avatar.jpg", "header.jpg"}
    assert {r.member for r in images_to_examine(read.items, ImageryScope.ALL_IMAGES)} == {
        "avatar.jpg", "header.jpg", "media_attachments/files/1/original/a.jpg"}


def test_a_compressed_tar_is_streamed_and_a_broken_image_becomes_a_problem(tmp_path):
    read = read_export(mastodon_archive(tmp_path))
    run = examine_images(read.items, read.workspace, scope=ImageryScope.ALL_IMAGES)
    by_member = {ref.member: v for ref, v in run.visuals.items()}
    assert by_member["avatar.jpg"].readable and len(by_member["avatar.jpg"].perceptual_hash) == 16
    assert (by_member["avatar.jpg"].width, by_member["avatar.jpg"].height) == (320, 320)
    assert "damaged or cut short" in by_member["header.jpg"].problem
    assert [v.ref.member for v in run.unreadable] == ["header.jpg"]


def test_results_come_from_the_cache_the_second_time(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    export = tmp_path / "ig"
    builders.write_tree(export, {
        "personal_information/personal_information/personal_information.json": json.dumps({"profile_user": [{
            "media_map_data": {"Profile Photo": {"uri": "media/profile/1.jpg", "creation_timestamp": 1700000000}},
            "string_map_data": {"Username": {"value": "ana.k"}}}]}).encode(),
        "media/profile/1.jpg": PORTRAIT})
    read = read_export(export)
    cache = ResultCache(folder)
    first = examine_images(read.items, read.workspace, cache=cache)
    cache.close()

    def no_decoding(*_):
        raise AssertionError("decoded again although cached")

    monkeypatch.setattr(imagery_stage.decoding, "decode", no_decoding)
    again = ResultCache(folder)
    second = examine_images(read.items, read.workspace, cache=again)
    assert list(second.visuals.values()) == list(first.visuals.values()) and again.hits >= 2


def test_an_extractor_that_fails_costs_only_its_own_fields(tmp_path, monkeypatch):
    from imagery.fingerprint import Fingerprint

    def broken(self, picture):
        raise RuntimeError("boom")

    monkeypatch.setattr(Fingerprint, "extract", broken)
    read = read_export(mastodon_archive(tmp_path))
    run = examine_images(read.items, read.workspace, scope=ImageryScope.PROFILE_PHOTOS)
    avatar = next(v for ref, v in run.visuals.items() if ref.member == "avatar.jpg")
    assert "fingerprint" in avatar.problem and "boom" in avatar.problem and avatar.width == 320


@pytest.mark.parametrize("jobs", [1, 2])
def test_workers_give_the_same_results(tmp_path, monkeypatch, jobs):
    monkeypatch.setattr(imagery_stage, "_pool_pays", lambda refs, sources, seconds: True)
    files = {f"IMG_{n}.JPG": builders.encoded(builders.portrait(n, 120), quality=80) for n in range(6)}
    files["IMG_9.JPG"] = PORTRAIT[:700]  # its metadata reads, its picture is cut short
    builders.write_tree(tmp_path / "Camera Roll", files)
    read = read_export(tmp_path / "Camera Roll")
    run = examine_images(read.items, read.workspace, jobs=jobs)
    assert len(run.visuals) == 7 and len(run.unreadable) == 1
    assert len({v.perceptual_hash for v in run.visuals.values() if v.readable}) == 6
