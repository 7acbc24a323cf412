"""The `offduty` command, run in-process with typer's CliRunner: every kind of bad input gets a plain reason, the right
exit code and no traceback."""

import json
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from auditor import __version__, cli
from auditor.cli import app
from samplegen import builders

REPO = Path(__file__).resolve().parents[1]
PHOTOS = REPO / "sample_exports" / "Camera Roll 2024"
SAMPLE_PROFILE = (REPO / "samplegen" / "agency-profile.yaml").read_text(encoding="utf-8")


def offduty(*args: str) -> typer.testing.Result:
    result = CliRunner().invoke(app, [str(a) for a in args], prog_name="offduty")
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result


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
    run = offduty("audit", *bad_inputs, "--out", out)
    assert run.exit_code == 0, run.output
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
    for name in ("report.html", "findings.json", "findings.csv"):
        assert stat.S_IMODE((out / name).stat().st_mode) == 0o600, name


def test_nothing_readable_exits_2_naming_what_was_not_found(tmp_path):
    missing = tmp_path / "nope.zip"
    run = offduty("audit", missing, "--out", tmp_path / "r")
    assert run.exit_code == 2
    assert "Nothing readable was given" in run.stderr and f"{missing}: not found" in run.stderr
    assert not (tmp_path / "r").exists()


def test_a_missing_input_beside_readable_ones_is_named_in_the_summary(tmp_path):
    run = offduty("audit", PHOTOS, tmp_path / "typo.zip", "--out", tmp_path / "r")
    assert run.exit_code == 0, run.output
    assert f"Not found, so not audited: {tmp_path / 'typo.zip'}" in run.stdout
    assert (tmp_path / "r" / "report.html").exists()


def test_a_value_after_a_flag_is_explained(tmp_path):
    run = offduty("audit", PHOTOS, "--redact", "true", "--out", tmp_path / "r")
    assert "Not found, so not audited: true" in run.stdout
    assert "write --redact, not --redact true" in run.stdout


def test_summary_says_when_no_profile_was_used(tmp_path):
    generic = offduty("audit", PHOTOS, "--out", tmp_path / "a")
    assert "No agency profile was used" in generic.stdout and "offduty profile init" in generic.stdout
    profile = tmp_path / "p.yaml"
    profile.write_text(SAMPLE_PROFILE)
    shutil.copytree(REPO / "samplegen" / "references", tmp_path / "references")  # the pictures it lists, next to it
    with_profile = offduty("audit", PHOTOS, "--profile", profile, "--out", tmp_path / "b")
    assert with_profile.exit_code == 0 and "No agency profile was used" not in with_profile.stdout


def test_quiet_prints_only_the_report_path(tmp_path):
    run = offduty("audit", PHOTOS, "--quiet", "--out", tmp_path / "r")
    assert run.exit_code == 0 and run.stdout.strip() == str(tmp_path / "r" / "report.html")


def mistake(old: str, new: str) -> str:
    assert old in SAMPLE_PROFILE
    return SAMPLE_PROFILE.replace(old, new, 1)


POLICY = "name: Ours\nclauses:\n  - {id: A1, title: Identity}\ntopics:\n  coworkers: A1\n"


@pytest.mark.parametrize("profile_text, policy_text, message", [
    pytest.param(mistake("roster:", "rooster:"), None, "line 12: unknown key 'rooster' at the top level; did you mean 'roster'?",
                 id="rooster"),
    pytest.param(mistake("handles: [kbrandt", "handle: [kbrandt"), None, "line 16: unknown key 'handle' in roster[1]; did you mean",
                 id="handle"),
    pytest.param(mistake("lat: 38", "latitude: 38"), None, "line 9: unknown key 'latitude' in agency.stations[0]; did you mean 'lat'?",
                 id="latitude"),
    pytest.param(mistake("  stations:\n    - name: HCSO headquarters\n      lat: 38.8436\n      lon: -97.6081\n",
                         "stations:\n  - name: HCSO headquarters\n    lat: 38.8436\n    lon: -97.6081\n"),
                 None, "line 7: unknown key 'stations' at the top level: it belongs under 'agency:'", id="stations-indent"),
    pytest.param(mistake("station_radius_m: 300", "station_radius_m: near"), None,
                 "line 11: station_radius_m should be a distance in metres", id="radius-near"),
    pytest.param(mistake("  aliases:", "\taliases:"), None, "line 4: YAML does not allow tab characters for indentation; use spaces",
                 id="tab"),
    pytest.param(mistake("lat: 38.8436", "lat: 123"), None, "line 9: agency.stations[0].lat should be a latitude", id="lat-123"),
    pytest.param("agency: [", None, "line 1: a '[' or '{' opened here is never closed", id="broken-yaml"),
    pytest.param("policy: policy.yaml\n", POLICY + "clause:\n  - {id: A2, title: More}\n",
                 "line 6: unknown key 'clause' at the top level; did you mean 'clauses'?", id="unknown-policy-key"),
    pytest.param("policy: policy.yaml\n", POLICY.replace("title: Identity", "summary: Identity"), "line 3: clauses[0] needs 'title'",
                 id="clause-without-title"),
    pytest.param("policy: missing-policy.yaml\n", None, "could not be read", id="missing-policy"),
])
def test_an_invalid_profile_or_policy_stops_the_audit_before_anything_is_written(tmp_path, profile_text, policy_text, message):
    profile = tmp_path / "profile.yaml"
    profile.write_text(profile_text)
    if policy_text is not None:
        (tmp_path / "policy.yaml").write_text(policy_text)
    out = tmp_path / "report"
    run = offduty("audit", PHOTOS, "--profile", profile, "--out", out)
    assert run.exit_code == 2
    assert message in run.stderr and "no report was written" in run.stderr
    assert not out.exists()
    check = offduty("profile", "check", profile)
    assert check.exit_code == 2 and message in check.stderr


def test_profile_init_writes_a_starter_that_passes_check(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    run = offduty("profile", "init")
    assert run.exit_code == 0, run.output
    written = tmp_path / "offduty-profile.yaml"
    assert stat.S_IMODE(written.stat().st_mode) == 0o600
    assert "# " in written.read_text()  # commented for the person filling it in
    check = offduty("profile", "check", written)
    assert check.exit_code == 0, check.output
    assert "is a valid agency profile" in check.stdout and "Headquarters: 38.8436, -97.6081" in check.stdout


def test_profile_init_refuses_to_overwrite_without_force(tmp_path):
    target = tmp_path / "mine.yaml"
    target.write_text("agency: {name: Mine}\n")
    refused = offduty("profile", "init", target)
    assert refused.exit_code == 2 and "already exists" in refused.stderr and "--force" in refused.stderr
    assert target.read_text() == "agency: {name: Mine}\n"
    forced = offduty("profile", "init", target, "--force")
    assert forced.exit_code == 0 and "Example County" in target.read_text()


def test_profile_check_shows_what_the_sample_profile_will_match():
    run = offduty("profile", "check", REPO / "samplegen" / "agency-profile.yaml")
    assert run.exit_code == 0, run.output
    for expected in ("Harlow County Sheriff's Office, Harlow County Sheriff", "Abbreviations (exact capitals only): HCSO",
                     "harlowcountyso.gov", "HCSO headquarters: 38.8436, -97.6081, in or near Salina", "Roster: 3 coworker(s)",
                     "Undercover: off", "the bundled guideline"):
        assert expected in run.stdout, expected


def test_profile_check_names_the_agency_policy_file(tmp_path):
    (tmp_path / "policy.yaml").write_text(POLICY)
    profile = tmp_path / "profile.yaml"
    profile.write_text("agency: {name: Test PD}\nundercover: true\npolicy: policy.yaml\n")
    run = offduty("profile", "check", profile)
    assert run.exit_code == 0, run.output
    assert f"Policy: Ours ({tmp_path / 'policy.yaml'}, 1 clauses)" in run.stdout and "Undercover: on" in run.stdout


def all_commands(command=None, path=()):
    command = command or typer.main.get_command(app)
    yield path, command
    for name, sub in getattr(command, "commands", {}).items():
        yield from all_commands(sub, (*path, name))


def test_every_command_has_help_and_flags_show_no_value():
    for path, _ in all_commands():
        run = offduty(*path, "--help")
        assert run.exit_code == 0 and len(run.stdout.strip()) > 40, path
        assert "<bool>" not in run.stdout and "<list[" not in run.stdout, path


def test_version():
    assert offduty("--version").stdout.strip() == f"offduty {__version__}"
    assert offduty("version").stdout.strip() == __version__


def test_doctor_lists_connectors_and_measured_figures():
    run = offduty("doctor")
    assert run.exit_code == 0
    for word in ("facebook", "instagram", "x", "photos", "employment", "coworkers", "geotags"):
        assert word in run.stdout


def test_unwritable_output_folder_is_a_clear_message(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    run = offduty("audit", PHOTOS, "--out", blocker / "report")
    assert run.exit_code == 2 and "could not be written" in run.stderr


def test_an_unexpected_problem_is_a_plain_message(monkeypatch, capsys, tmp_path):
    def broken(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr("auditor.pipeline.run_audit", broken)
    monkeypatch.setattr(sys, "argv", ["offduty", "audit", str(PHOTOS), "--out", str(tmp_path / "r")])
    with pytest.raises(SystemExit) as stopped:
        cli.main()
    captured = capsys.readouterr()
    assert stopped.value.code == 1 and "offduty stopped on an unexpected problem" in captured.err
    assert "Traceback" not in captured.err + captured.out


def test_python_dash_m_offduty_runs_the_command():
    run = subprocess.run([sys.executable, "-m", "offduty", "--version"], capture_output=True, text=True, cwd=REPO, timeout=60)
    assert run.returncode == 0 and run.stdout.strip() == f"offduty {__version__}"


def test_jobs_and_cache_options_reach_the_audit_and_forget_deletes_the_cache(tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    monkeypatch.setenv("OFFDUTY_CACHE_DIR", str(cache))
    first = offduty("audit", PHOTOS, "--out", tmp_path / "a", "--jobs", "2", "--quiet")
    assert first.exit_code == 0, first.output
    assert (cache / "results.sqlite3").stat().st_size > 0, "the photos' metadata was cached"
    findings = json.loads((tmp_path / "a" / "findings.json").read_text())["findings"]
    again = offduty("audit", PHOTOS, "--out", tmp_path / "b", "--no-cache", "--jobs", "1", "--quiet")
    assert again.exit_code == 0
    assert [f["id"] for f in json.loads((tmp_path / "b" / "findings.json").read_text())["findings"]] == [f["id"] for f in findings]
    assert offduty("audit", PHOTOS, "--jobs", "0").exit_code == 2  # at least one worker
    gone = offduty("forget")
    assert gone.exit_code == 0 and "Deleted" in gone.output and not cache.exists()
    assert "no cache" in offduty("forget").output


def test_no_vision_skips_the_images_and_the_report_says_so(tmp_path):
    assert offduty("audit", PHOTOS, "--out", tmp_path / "seen", "--no-cache", "--quiet").exit_code == 0
    seen = json.loads((tmp_path / "seen" / "findings.json").read_text())["coverage"]
    assert seen["imagery"]["checked"] is True and seen["imagery"]["images"] > 0
    assert offduty("audit", PHOTOS, "--out", tmp_path / "blind", "--no-cache", "--no-vision", "--quiet").exit_code == 0
    blind = json.loads((tmp_path / "blind" / "findings.json").read_text())["coverage"]
    assert blind["imagery"] == {"checked": False, "images": 0, "examined": 0, "looked_with": [], "video_frames_checked": False,
                                "videos": 0, "video_frames_examined": 0,
                                "could_not_examine": []}
    assert any("Images were not looked at (--no-vision)" in note for note in blind["notes"])
    assert "Images were not looked at" in (tmp_path / "blind" / "report.html").read_text()
