"""Negative assurance: every file ends in exactly one ledger state, and every real sample is handled."""

import json
from pathlib import Path

from auditor.pipeline import read_inputs
from connectors import ReadSession, Workspace
from samplegen import builders


def test_every_real_sample_file_is_parsed_or_deliberately_ignored(real_exports):
    read = read_inputs([real_exports])
    inputs, ledger = read.inputs, read.ledger
    states = {}
    for outcome in ledger:
        member = Path(outcome.input) / outcome.path if outcome.path else Path(outcome.input)
        states[member.resolve()] = (outcome.state, outcome.reason)
    on_disk = {p.resolve() for p in real_exports.rglob("*") if p.is_file() and p.name != "SOURCES.md"}
    missing = sorted(str(p) for p in on_disk - set(states))
    assert missing == [], "files that no ledger line mentions"
    bad = {str(p): s for p, s in states.items() if s[0] not in ("parsed", "ignored")}
    assert bad == {}
    read_as = {Path(i.path).relative_to(real_exports).as_posix(): i.platform for i in inputs if i.status == "read"}
    assert read_as == {
        "facebook/v2018_html": "Facebook", "facebook/v2020_json": "Facebook", "facebook/v2022_json": "Facebook",
        "google_takeout": "Google", "instagram": "Instagram", "linkedin": "LinkedIn",
        "linkedin/variant_2022": "LinkedIn", "mastodon/archive": "Mastodon", "mastodon/csv_exports": "Mastodon",
        "photos": "photo folder", "x": "X", "x/archive_2019": "X",
    }


def test_each_file_gets_exactly_one_state(tmp_path):
    builders.write_tree(tmp_path / "fb", {
        "your_facebook_activity/posts/your_posts_1.json": b"[]",
        "your_facebook_activity/posts/broken.json": b"{",
        "ads_information/x.json": b"{}",
        "something_new/unknown.json": b"{}",
        "your_facebook_activity/posts/media/a.jpg": builders.jpeg(),
    })
    read = read_inputs([tmp_path / "fb"])
    ledger = read.ledger
    by_path = {o.path: o.state for o in ledger}
    assert len(by_path) == len(ledger) == 5
    assert by_path == {
        "your_facebook_activity/posts/your_posts_1.json": "parsed",
        "your_facebook_activity/posts/broken.json": "not understood",
        "ads_information/x.json": "ignored",
        "something_new/unknown.json": "not understood",
        "your_facebook_activity/posts/media/a.jpg": "parsed",
    }


def test_zip_inside_a_zip_is_opened(tmp_path):
    inner = tmp_path / "inner.zip"
    builders.write_zip(inner, {"content/posts_1.json": json.dumps([{"media": [{"uri": "m.jpg", "title": "x"}]}]).encode()})
    outer = tmp_path / "rezipped-by-me.zip"
    builders.write_zip(outer, {"instagram-me-2025.zip": inner.read_bytes(), "notes.txt": b"hi"})
    read = read_inputs([outer])
    inputs, items = read.inputs, read.items
    assert [i.platform for i in inputs if i.status == "read"] == ["Instagram"]
    assert items[0].text == "x"


def test_zip_inside_an_export_is_read_as_its_own_input(tmp_path):
    inner = tmp_path / "memories.zip"
    builders.write_zip(inner, {"IMG_1.jpg": builders.jpeg(5.0, 6.0)})
    builders.write_tree(tmp_path / "x", {"data/tweets.js": b"window.YTD.tweets.part0 = []", "data/extra.zip": inner.read_bytes()})
    read = read_inputs([tmp_path / "x"])
    inputs, items, ledger = read.inputs, read.items, read.ledger
    assert sorted(i.platform for i in inputs) == ["X", "photo folder"]
    assert any(o.path == "data/extra.zip" and o.state == "ignored" for o in ledger)
    assert items[0].geopoints[0].lat == 5.0


def test_multipart_export_is_one_input_with_media_across_parts(tmp_path):
    sidecar = json.dumps({"title": "IMG_9.jpg", "photoTakenTime": {"timestamp": "1700000000"}}).encode()
    builders.write_zip(tmp_path / "takeout-20250302T101500Z-001.zip", {
        "Takeout/Google Photos/Photos from 2024/IMG_9.jpg.json": sidecar, "Takeout/archive_browser.html": b"<html>1</html>"})
    builders.write_zip(tmp_path / "takeout-20250302T101500Z-002.zip", {
        "Takeout/Google Photos/Photos from 2024/IMG_9.jpg": builders.jpeg(7.0, 8.0), "Takeout/archive_browser.html": b"<html>2</html>"})
    read = read_inputs([tmp_path / "takeout-20250302T101500Z-001.zip", tmp_path / "takeout-20250302T101500Z-002.zip"])
    inputs, items, ledger = read.inputs, read.items, read.ledger
    assert len(inputs) == 1 and inputs[0].platform == "Google"
    (photo,) = items
    assert photo.geopoints[0].lat == 7.0  # the sidecar in part 1 found its photo in part 2
    assert sum(1 for o in ledger if o.path == "Takeout/archive_browser.html") == 1


def test_facebook_numbered_parts_are_one_export(tmp_path):
    posts = [{"timestamp": 1700000000, "data": [{"post": "hi"}], "attachments": [{"data": [{"media": {
        "uri": "your_facebook_activity/posts/media/A_1/p.jpg", "creation_timestamp": 1700000000}}]}]}]
    builders.write_zip(tmp_path / "facebook-someone-1.zip", {
        "your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.json": json.dumps(posts).encode()})
    builders.write_zip(tmp_path / "facebook-someone-2.zip", {"your_facebook_activity/posts/media/A_1/p.jpg": builders.jpeg(3.0, 4.0)})
    read = read_inputs([tmp_path / "facebook-someone-1.zip", tmp_path / "facebook-someone-2.zip"])
    inputs, items = read.inputs, read.items
    assert len(inputs) == 1 and items[0].geopoints[0].lat == 3.0


def test_same_export_as_folder_and_zip_gives_the_same_findings(tmp_path):
    from auditor.pipeline import run_audit

    repo = Path(__file__).resolve().parents[2]
    folder = repo / "sample_exports" / "facebook-marisolpenalver-2025-03-02"
    archive = tmp_path / "facebook-marisolpenalver-2025-03-02.zip"
    builders.write_zip(archive, {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()})
    profile = repo / "samplegen" / "agency-profile.yaml"
    from_folder, from_zip = run_audit([folder], profile), run_audit([archive], profile)
    assert from_folder.findings and [f.id for f in from_folder.findings] == [f.id for f in from_zip.findings]


def test_photo_folder_lists_and_opens_every_media_kind(tmp_path):
    import io

    from PIL import Image

    webp = io.BytesIO()
    exif = Image.Exif()
    Image.new("RGB", (8, 8)).save(webp, "WEBP", exif=exif.tobytes())
    builders.write_tree(tmp_path / "cam", {"a.webp": webp.getvalue(), "b.png": builders.png(), "c.mp4": builders.mp4(),
                                           "d.MOV": builders.mp4(style="apple"), "e.jpg": builders.jpeg(),
                                           "f.mp4": b"\x00\x00\x00\x18ftypmp42"})
    with Workspace() as workspace:
        read = read_inputs([tmp_path / "cam"], session=ReadSession(workspace))
        items, ledger = read.items, read.ledger
        kinds = sorted((i.source.path, i.kind.value) for i in items)
        assert kinds == [("a.webp", "photo"), ("b.png", "photo"), ("c.mp4", "video"), ("d.MOV", "video"), ("e.jpg", "photo")]
        assert all(i.media[0].ref is not None for i in items)
        for item in items:
            with workspace.open(item.media[0].ref) as handle:
                assert handle.read(4)
    states = {o.path: (o.state, o.reason) for o in ledger}
    assert states["f.mp4"][0] == "could not read" and "damaged" in states["f.mp4"][1]  # a truncated video says so
