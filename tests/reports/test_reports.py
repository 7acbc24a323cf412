import csv
import json
import re
import stat
from dataclasses import replace
from datetime import datetime, timezone

import pytest

from auditor.model import (
    Evidence,
    FileOutcome,
    Finding,
    GeoPoint,
    GeoSource,
    InferredPlace,
    LedgerState,
    LocationPoint,
    LocationTrail,
    Severity,
    SourceRef,
)
from auditor.pipeline import AuditResult, InputSummary
from auditor.policy import load_policy
from auditor.profile import AgencyProfile
from reports import write_reports

HOSTILE = '<script>alert("x")</script><img src="https://evil.example/p.png">'


@pytest.fixture
def result():
    evidence = Evidence("fa-1", "facebook", SourceRef("/exports/fb", "posts/your_posts_1.json", "[3]"), excerpt=HOSTILE,
                        created_at=datetime(2024, 1, 2, tzinfo=timezone.utc), geo=GeoPoint(38.843612, -97.608123, GeoSource.EXIF),
                        place_name="Salina, Kansas, US")
    findings = [
        Finding("employment", "employment_disclosure", Severity.HIGH, f"Title {HOSTILE}", "Because.", "facebook",
                [evidence], 0.9, clause="7", remediation=["Delete it."], precision=0.9, recall=0.8),
        Finding("geotags", "personal_recognition", Severity.MEDIUM, "At work", "Because.", "photos", [evidence], 0.9, clause="7b"),
    ]
    locations = LocationTrail()
    locations.append(LocationPoint("google", SourceRef("/exports/takeout", "Records.json", "locations[0]"), 38.8, -97.6,
                                   GeoSource.LOCATION_HISTORY, at=datetime(2024, 1, 1, tzinfo=timezone.utc)))
    return AuditResult(
        version="0.1.0", generated_at=datetime(2025, 1, 1, tzinfo=timezone.utc), policy=load_policy(), profile=AgencyProfile(),
        inputs=[InputSummary("/exports/fb", "Facebook", 0.9, items=3, counts={LedgerState.PARSED: 2}),
                InputSummary("/exports/broken.zip", status="rejected", reason="this is not a readable .zip archive")],
        accounts=[], items=[], locations=locations, findings=findings,
        ledger=[FileOutcome("/exports/fb", "posts/bad.json", LedgerState.COULD_NOT_READ, "facebook", 0, "the JSON is broken at line 3"),
                FileOutcome("/exports/fb", "odd/file.bin", LedgerState.NOT_UNDERSTOOD, reason="no Facebook file of this name")],
        analyzers=[], notes=["a note"], advice=["advice"])


def test_html_is_self_contained_escaped_and_grouped_by_clause(tmp_path, result):
    paths = write_reports(result, tmp_path)
    html = paths["report.html"].read_text()
    assert "<script" not in html and 'src="https://' not in html  # user content is escaped, nothing remote
    assert "&lt;script&gt;" in html
    assert not re.search(r"(src|href)=\"(https?:)?//", html)
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html).group(1)
    assert "default-src 'none'" in csp and "http" not in csp
    assert html.index("Clause 7 ·") < html.index("Clause 7b ·")
    assert "Could not read" in html and "the JSON is broken at line 3" in html and "broken.zip" in html
    assert "odd/file.bin" in html
    assert '<span class="n">1</span>items read' in html  # location points count as records read


def test_json_schema_and_csv_rows(tmp_path, result):
    paths = write_reports(result, tmp_path)
    data = json.loads(paths["findings.json"].read_text())
    assert {"tool", "version", "generated_at", "inputs", "coverage", "findings", "unreadable"} <= set(data)
    assert data["tool"] == "offduty"
    finding = data["findings"][0]
    for key in ("id", "clause", "severity", "title", "platform", "explanation", "evidence", "remediation", "detector", "confidence"):
        assert key in finding
    assert finding["evidence"][0]["file"] == "posts/your_posts_1.json" and finding["evidence"][0]["location"]["lat"] == 38.843612
    assert {u["path"] for u in data["unreadable"]} == {"", "posts/bad.json"}
    assert data["coverage"]["files"]["not understood"] == 1
    assert data["coverage"]["items"] == 1  # the location trail's points are records read, though not items
    assert data["coverage"]["items_by_platform"]["google"] == {"location record": 1}
    rows = list(csv.DictReader(paths["findings.csv"].open()))
    assert len(rows) == 2 and rows[0]["clause"] == "7" and "posts/your_posts_1.json [3]" in rows[0]["evidence"]


def test_files_are_owner_only(tmp_path, result):
    target = tmp_path / "out"
    target.mkdir()
    (target / "report.html").write_text("old")
    (target / "report.html").chmod(0o644)
    for path in write_reports(result, target).values():
        assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_redact_rounds_coordinates(tmp_path, result):
    data = json.loads(write_reports(result, tmp_path, redact=True)["findings.json"].read_text())
    assert data["findings"][0]["evidence"][0]["location"] == {"lat": 38.84, "lon": -97.61, "source": "exif", "place": "Salina, Kansas, US"}


def test_map_is_inline_offline_and_links_to_findings(tmp_path, result):
    result.findings[1] = replace(result.findings[1], area=GeoPoint(38.8121, -97.6422, GeoSource.INFERRED),
                                 area_radius_m=80.0, area_label=InferredPlace.HOME)
    html = write_reports(result, tmp_path)["report.html"].read_text()
    svg = html[html.index("<svg"):html.rindex("</svg>")]
    assert 'href="#' + result.findings[0].id + '"' in svg and "likely home" in svg
    assert "http://www.w3.org/2000/svg" in svg and not re.search(r'href="(https?:)?//', svg)
    assert re.search(r">\d+ (m|km)</text>", svg)  # a scale bar


def test_map_redacts_coordinates():
    from reports.map import collect

    evidence = Evidence("i", "photos", SourceRef("in", "a.jpg"), geo=GeoPoint(38.843612, -97.608123, GeoSource.EXIF))
    finding = Finding("geotags", "location_exposure", Severity.MEDIUM, "t", "e", "photos", [evidence])
    points, _ = collect([finding], redact=True)
    assert (points[0].lat, points[0].lon) == (38.84, -97.61)


def test_the_words_that_made_a_finding_are_marked_and_escaped(tmp_path):
    from auditor.analyzers.base import AuditContext
    from auditor.analyzers.registry import all_analyzers
    from auditor.model import Item, ItemKind, SourceRef

    text = "<b>Hit 140 in the cruiser on the bypass just for fun lol</b>, sarge never checks"
    item = Item(id="x1", platform="x", kind=ItemKind.POST, source=SourceRef("in", "tweets.js", "[0]"), text=text)
    (finding,) = all_analyzers()["reckless_behaviour"].analyze(AuditContext([], [item]))
    assert finding.evidence[0].highlight and finding.evidence[0].highlight in finding.evidence[0].excerpt
    from reports.serialize import evidence_dict

    assert evidence_dict(finding.evidence[0])["highlight"] == finding.evidence[0].highlight


def test_undercover_report_opens_with_links_to_what_identifies_you(tmp_path, result):
    from auditor.model import IdentifyingClue

    first = result.findings[0]
    undercover = replace(result, profile=AgencyProfile(undercover=True), opening=[(first, IdentifyingClue.EMPLOYMENT)])
    paths = write_reports(undercover, tmp_path)
    html = paths["report.html"].read_text()
    opening = html.index('id="identifies-you"')
    assert html.index('id="summary"') < opening < html.index("What was read")
    assert f'<a href="#{first.id}">' in html[opening:html.index("What was read")] and f'id="{first.id}"' in html
    assert "gives away your employer or job" in html and "&lt;script&gt;" in html[opening:]  # titles stay escaped
    data = json.loads(paths["findings.json"].read_text())
    assert data["identifies_you_outright"] == [{"id": first.id, "severity": "high", "title": first.title,
                                                "gives_away": "your employer or job"}]


def test_no_opening_without_undercover_and_imagery_in_coverage(tmp_path, result):
    from auditor.model import MediaRef, VisualFeatures

    ref = MediaRef("0:/exports/fb", "posts/media/1.jpg")
    seen = replace(result, imagery_checked=True, visuals={ref: VisualFeatures(ref, problem="the image is damaged or cut short")})
    paths = write_reports(seen, tmp_path)
    assert 'id="identifies-you"' not in paths["report.html"].read_text()
    data = json.loads(paths["findings.json"].read_text())
    assert "identifies_you_outright" not in data
    assert data["coverage"]["imagery"] == {"checked": True, "images": 1, "examined": 0, "looked_with": [],
                                           "video_frames_checked": True, "videos": 0, "video_frames_examined": 0,
                                           "could_not_examine": [
        {"input": "/exports/fb", "path": "posts/media/1.jpg", "reason": "the image is damaged or cut short"}]}


def test_what_other_people_posted_has_its_own_section_escaped_in_every_output(tmp_path, result):
    from auditor.model import Item, ItemKind, Person

    hostile_name = '<img src=x onerror="alert(1)">Tomás'
    theirs = Item(id="fa-1", platform="facebook", kind=ItemKind.POST, source=SourceRef("/exports/fb", "posts/your_posts_1.json", "[3]"),
                  text=HOSTILE, author=Person(name=hostile_name))
    shared = Item(id="go-1", platform="google", kind=ItemKind.PHOTO, source=SourceRef("/exports/t", "a.jpg.json"), author=Person())
    mine = Item(id="fa-2", platform="facebook", kind=ItemKind.POST, source=SourceRef("/exports/fb", "posts/your_posts_1.json", "[4]"))
    result.items = [theirs, shared, mine]
    result.findings[1] = replace(result.findings[1], evidence=[replace(result.findings[1].evidence[0], item_id="fa-2")])
    paths = write_reports(result, tmp_path)
    html = paths["report.html"].read_text()
    section = html[html.index('<h2 id="others">'):html.index('<h2 id="unreadable">')]
    assert "What other people posted about you" in section and "You cannot delete what someone else posted" in section
    assert "<img" not in html and "&lt;img src=x" in section  # the poster's name is escaped
    assert f'href="#{result.findings[0].id}"' in section and "1 finding concerns things other people posted" in html
    assert "Remove tag" in section and "shared album" in section  # Facebook's and Google's own steps
    counts = dict(re.findall(r'<tr><td>(\w+)</td><td class="num">(\d+)</td>', section))
    assert counts == {"Facebook": "1", "Google": "1"}

    data = json.loads(paths["findings.json"].read_text())
    assert data["findings"][0]["posted_by"] == hostile_name and data["findings"][1]["posted_by"] is None
    others = data["posted_by_others"]
    assert others["items_by_platform"] == {"facebook": 1, "google": 1} and others["findings"] == [result.findings[0].id]
    assert "cannot delete" in others["note"] and others["steps"]["facebook"]
    rows = list(csv.DictReader(paths["findings.csv"].open()))
    assert [r["posted_by"] for r in rows] == [hostile_name, "you"]


def test_no_section_when_nothing_was_posted_by_others(tmp_path, result):
    html = write_reports(result, tmp_path)["report.html"].read_text()
    assert 'id="others"' not in html
    assert json.loads((tmp_path / "findings.json").read_text())["posted_by_others"]["items_by_platform"] == {}


def test_the_report_says_once_that_a_setting_does_not_un_publish(tmp_path, result):
    from auditor.pipeline import negative_assurance, unpublish_statement

    policy = load_policy()
    assurance = negative_assurance(result.inputs, result.ledger, [], result.findings, AgencyProfile(), policy)
    statement = unpublish_statement(policy)
    assert statement in assurance and "(clause 13)" in statement and "does not un-publish" in statement
    html = write_reports(replace(result, assurance=assurance), tmp_path)["report.html"].read_text()
    assert html.count("Changing a privacy setting does not un-publish anything") == 1
