"""The bundled sample exports against their ground truth, and the generator that makes them."""

import json
from collections import defaultdict
from pathlib import Path

import pytest

from auditor.geo import haversine_m
from auditor.pipeline import run_audit
from samplegen import generate

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "sample_exports"
GENERATOR = REPO / "samplegen"
ALL_PLATFORMS = ("facebook", "instagram", "x", "photos", "linkedin", "google", "snapchat", "tiktok", "reddit", "mastodon")


@pytest.fixture(scope="module")
def audit():
    return run_audit(sorted(SAMPLES.iterdir()), GENERATOR / "agency-profile.yaml")


@pytest.fixture(scope="module")
def undercover_audit():
    return run_audit(sorted(SAMPLES.iterdir()), GENERATOR / "undercover-profile.yaml")


@pytest.fixture(scope="module")
def truth():
    return json.loads((GENERATOR / "ground_truth.json").read_text(encoding="utf-8"))


def _matches(finding, entry) -> bool:
    if "area" in entry:
        return (finding.detector == entry["detector"] and finding.area_label == entry["label"] and finding.area is not None
                and haversine_m(finding.area.lat, finding.area.lon, *entry["area"]) <= entry["within_m"])
    if finding.detector != entry.get("detector", finding.detector) or finding.platform != entry["platform"]:
        return False
    if entry.get("title", "") not in finding.title:
        return False
    return any(e.source.path == entry["file"] and ("record" not in entry or e.source.pointer == entry["record"])
               for e in finding.evidence)


def test_precision_and_recall_per_analyzer(audit, truth):
    stats: dict[str, dict[str, int]] = defaultdict(lambda: {"tp": 0, "fn": 0, "fp": 0})
    for entry in truth["expected"]:
        found = any(_matches(f, entry) for f in audit.findings)
        stats[entry["detector"]]["tp" if found else "fn"] += 1
    for finding in audit.findings:
        if not any(_matches(finding, entry) for entry in truth["expected"]):
            stats[finding.detector]["fp"] += 1
    print("\nSample exports vs ground truth:")
    for detector, s in sorted(stats.items()):
        precision = s["tp"] / (s["tp"] + s["fp"]) if s["tp"] + s["fp"] else 0.0
        recall = s["tp"] / (s["tp"] + s["fn"]) if s["tp"] + s["fn"] else 0.0
        print(f"  {detector:<11} precision {precision:.2f}  recall {recall:.2f}  (tp {s['tp']}, fp {s['fp']}, fn {s['fn']})")
        assert precision >= 0.8 and recall >= 0.8, (detector, s)


def test_home_work_and_gym_of_the_sample_persona(audit, truth):
    wanted = {e["label"]: e for e in truth["expected"] if "area" in e}
    found = {f.area_label: f for f in audit.findings if f.detector == "pattern_of_life"}
    print()
    for label, entry in wanted.items():
        distance = haversine_m(found[label].area.lat, found[label].area.lon, *entry["area"])
        print(f"  {label:<17} found {distance:4.0f} m from the truth (allowed {entry['within_m']:.0f} m)")
        assert distance <= entry["within_m"]


def test_look_alikes_are_not_flagged(audit, truth):
    flagged = [(entry["file"], entry["record"], entry["why"]) for entry in truth["must_not_flag"]
               if any(_matches(f, entry) for f in audit.findings)]
    assert flagged == []


def test_every_platform_has_clause_7_and_location_findings(audit):
    by_platform = defaultdict(set)
    for finding in audit.findings:
        by_platform[finding.platform].add(finding.clause)
    for platform in ALL_PLATFORMS:
        assert "7" in by_platform[platform], platform
    for platform in ("facebook", "instagram", "x", "photos", "google", "snapchat", "mastodon"):
        assert by_platform[platform] & {"7b", "8", "13"}, platform


def test_every_sample_file_is_read(audit):
    assert audit.unreadable == [] and audit.not_understood == []
    assert sorted(i.platform for i in audit.inputs) == sorted([
        "Facebook", "Instagram", "X", "photo folder", "LinkedIn", "Google", "Snapchat", "TikTok", "Reddit", "Mastodon"])
    takeout = next(i for i in audit.inputs if i.platform == "Google")
    assert "-001.zip" in takeout.path and "-002.zip" in takeout.path  # the two Takeout parts were read as one export


def _content(name: str, data: bytes):
    """What a sample file means: text byte for byte; images by their metadata and archives by their
    members (encoders of JPEG/HEIC/deflate may change bytes between library versions, not meaning)."""
    import io
    import tarfile
    import zipfile

    from connectors.media import read_image_metadata
    from connectors.text import is_image

    lowered = name.lower()
    if lowered.endswith(".zip"):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return {n: _content(n, archive.read(n)) for n in archive.namelist()}
    if lowered.endswith(".tar.gz"):
        with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as archive:
            return {m.name: _content(m.name, archive.extractfile(m).read()) for m in archive.getmembers() if m.isfile()}
    if is_image(lowered):
        try:
            meta = read_image_metadata(io.BytesIO(data), name)
        except Exception as exc:  # noqa: BLE001 - a broken image must still compare equal to itself
            return ("unreadable", str(exc))
        return (meta.geo, meta.taken_at, meta.camera, meta.people)
    return data


def test_generator_reproduces_the_committed_samples(tmp_path):
    generate.generate(tmp_path)
    committed = SAMPLES
    fresh = {p.relative_to(tmp_path).as_posix(): p for p in tmp_path.rglob("*") if p.is_file()}
    stored = {p.relative_to(committed).as_posix(): p for p in committed.rglob("*") if p.is_file()}
    assert sorted(fresh) == sorted(stored), "run `make samples` and commit the result"
    differing = [name for name in fresh if _content(name, fresh[name].read_bytes()) != _content(name, stored[name].read_bytes())]
    assert differing == [], "run `make samples` and commit the result"


def test_undercover_links_are_found_only_in_undercover_mode(audit, undercover_audit, truth):
    missing = [(e["title"], e["file"], e["why"]) for e in truth["expected_undercover"]
               if not any(_matches(f, e) for f in undercover_audit.findings)]
    assert missing == []
    wrongly = [(e["title"], e["file"], e["why"]) for e in truth["must_not_flag_undercover"]
               if any(_matches(f, e) for f in undercover_audit.findings)]
    assert wrongly == []
    leaked = [(e["title"], e["file"]) for e in truth["expected_undercover"] if any(_matches(f, e) for f in audit.findings)]
    assert leaked == []


def test_undercover_mode_loses_no_finding_of_normal_mode(audit, undercover_audit, truth):
    found = [e for e in truth["expected"] if any(_matches(f, e) for f in audit.findings)]
    lost = [(e["detector"], e.get("file"), e["why"]) for e in found if not any(_matches(f, e) for f in undercover_audit.findings)]
    assert lost == []


def test_the_undercover_report_opens_with_a_name_the_job_a_link_and_a_place(audit, undercover_audit):
    from auditor.model import IdentifyingClue

    assert audit.opening == []
    opening = undercover_audit.opening
    assert 1 <= len(opening) <= 5
    assert {clue for _, clue in opening} == set(IdentifyingClue)
    ids = {f.id for f in undercover_audit.findings}
    assert all(finding.id in ids for finding, _ in opening)


def test_what_others_posted_about_the_persona_is_reported_as_theirs(audit, tmp_path):
    from reports import write_reports
    from reports.serialize import others_content

    wall = "your_facebook_activity/posts/other_people's_posts_to_your_timeline.json"
    about_wall = [f for f in audit.findings if any(e.source.path == wall for e in f.evidence)]
    assert {f.detector for f in about_wall} == {"employment", "coworkers"}
    for finding in about_wall:
        assert finding.explanation.startswith("Tomás Ruiz posted this, not you, so you cannot delete it")
        assert any("Remove tag" in step for step in finding.remediation)
        assert not any(step.startswith(("Edit or delete", "Delete the post")) for step in finding.remediation)
    others = others_content(audit)
    assert others.items_by_platform == {"facebook": 2, "linkedin": 3}
    assert {f.platform for f, _ in others.findings} == {"facebook", "linkedin"}
    assert {who for _, who in others.findings} == {"Tomás Ruiz", "Kelly Brandt"}
    html = write_reports(audit, tmp_path)["report.html"].read_text()
    assert 'id="others"' in html and "What other people posted about you" in html


def test_instagram_public_years_count_what_was_posted_then(audit):
    (period,) = [f for f in audit.findings if f.detector == "privacy_history" and f.platform == "instagram"]
    assert period.title == "Instagram was public from 2019-03 to 2021-07: 3 posts visible to anyone"
    assert period.clause == "13" and period.severity.value == "medium"
    assert not any(f.detector == "privacy_settings" and f.platform == "instagram" for f in audit.findings)
