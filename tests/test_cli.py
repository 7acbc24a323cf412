"""End-to-end runs of the `offduty` command, including every kind of bad input."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from samplegen import builders

REPO = Path(__file__).resolve().parents[1]


def offduty(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "auditor.cli", *args], capture_output=True, text=True, cwd=cwd, timeout=300)


def assert_no_traceback(run: subprocess.CompletedProcess) -> None:
    assert "Traceback" not in run.stderr + run.stdout


@pytest.fixture
def bad_inputs(tmp_path):
    """A good X archive next to one of each kind of bad input."""
    good = tmp_path / "twitter"
    builders.write_tree(good, {
        "data/tweets.js": b'window.YTD.tweets.part0 = [{"tweet": {"id_str": "1", "full_text": "I\'m a police officer", '
                          b'"created_at": "Sun Oct 19 17:20:48 +0000 2025"}}]',
        "data/account.js": b'window.YTD.account.part0 = [{"account": {"username": "u", "email"',  # truncated
        "data/profile.js": b"",  # 0 bytes
        "data/tweets_media/1-a.jpg": b"\xff\xd8\xff\xe1\x00\x10Exif\x00\x00MM\x00*\x00\x00\x00\x08",  # EXIF that crashes readers
    })
    corrupt_zip = tmp_path / "facebook-me.zip"
    corrupt_zip.write_bytes(b"PK\x03\x04 this download stopped half-way")
    not_export = tmp_path / "recipes"
    not_export.mkdir()
    (not_export / "soup.txt").write_text("carrots")
    empty = tmp_path / "IMG_0001.jpg"
    empty.write_bytes(b"")
    loose = tmp_path / "notes.md"
    loose.write_text("# my notes")
    return [good, corrupt_zip, not_export, empty, loose]


def test_bad_input_is_listed_and_the_rest_is_audited(tmp_path, bad_inputs):
    out = tmp_path / "report"
    run = offduty("audit", *map(str, bad_inputs), "--out", str(out))
    assert_no_traceback(run)
    assert run.returncode == 0, run.stderr
    data = json.loads((out / "findings.json").read_text())
    reasons = {(Path(u["input"]).name, u["path"]): u["reason"] for u in data["unreadable"]}
    assert reasons[("twitter", "data/account.js")].startswith("the data is broken")
    assert reasons[("twitter", "data/profile.js")] == "the file is empty (0 bytes)"
    assert "not a readable .zip" in reasons[("facebook-me.zip", "")]
    assert "does not recognise" in reasons[("recipes", "")]
    assert reasons[("IMG_0001.jpg", "IMG_0001.jpg")] == "the file is empty (0 bytes)"
    assert [Path(n["input"]).name for n in data["not_understood"]] == ["notes.md"]
    assert "damaged" in reasons[("twitter", "data/tweets_media/1-a.jpg")]
    assert any(f["detector"] == "employment" for f in data["findings"])  # the good tweet was still audited
    html = (out / "report.html").read_text()
    assert "Could not read" in html and "the file is empty (0 bytes)" in html


def test_nothing_readable_exits_2_with_a_message(tmp_path):
    missing = tmp_path / "nope.zip"
    run = offduty("audit", str(missing), "--out", str(tmp_path / "r"))
    assert_no_traceback(run)
    assert run.returncode == 2
    assert "Nothing readable was given" in run.stderr and "no such file or folder" in run.stderr
    assert not (tmp_path / "r").exists()


def test_broken_profile_exits_2(tmp_path):
    profile = tmp_path / "p.yaml"
    profile.write_text("agency: [")
    run = offduty("audit", str(REPO / "sample_exports"), "--profile", str(profile), "--out", str(tmp_path / "r"))
    assert_no_traceback(run)
    assert run.returncode == 2 and "is never closed" in run.stderr


def test_every_command_has_help():
    for command in ("audit", "doctor", "version"):
        run = offduty(command, "--help")
        assert run.returncode == 0 and len(run.stdout.strip()) > 40, command


def test_doctor_lists_connectors_and_measured_figures():
    run = offduty("doctor")
    assert run.returncode == 0
    for word in ("facebook", "instagram", "x", "photos", "employment", "coworkers", "geotags"):
        assert word in run.stdout


def test_unwritable_output_folder_is_a_clear_message(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    run = offduty("audit", str(REPO / "sample_exports" / "Camera Roll 2024"), "--out", str(blocker / "report"))
    assert_no_traceback(run)
    assert run.returncode == 2 and "could not be written" in run.stderr
