"""The bundled sample exports against their ground truth, and the generator that makes them."""

import filecmp
import json
from collections import defaultdict
from pathlib import Path

import pytest

from auditor.pipeline import run_audit
from sample_exports import generate

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "sample_exports"


@pytest.fixture(scope="module")
def audit():
    return run_audit([SAMPLES / "exports"], SAMPLES / "agency-profile.yaml")


@pytest.fixture(scope="module")
def truth():
    return json.loads((SAMPLES / "ground_truth.json").read_text(encoding="utf-8"))


def _matches(finding, entry) -> bool:
    if finding.detector != entry.get("detector", finding.detector) or finding.platform != entry["platform"]:
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


def test_look_alikes_are_not_flagged(audit, truth):
    flagged = [(entry["file"], entry["record"], entry["why"]) for entry in truth["must_not_flag"]
               if any(_matches(f, entry) for f in audit.findings)]
    assert flagged == []


def test_every_platform_has_clause_7_and_location_findings(audit):
    by_platform = defaultdict(set)
    for finding in audit.findings:
        by_platform[finding.platform].add(finding.clause)
    for platform in ("facebook", "instagram", "x", "photos"):
        assert "7" in by_platform[platform], platform
        assert by_platform[platform] & {"7b", "8", "13"}, platform


def test_every_sample_file_is_read(audit):
    assert audit.unreadable == [] and audit.not_understood == []
    assert {i.platform for i in audit.inputs} == {"Facebook", "Instagram", "X (Twitter)", "photo folder"}


def test_generator_reproduces_the_committed_samples(tmp_path):
    generate.generate(tmp_path)
    comparison = filecmp.dircmp(tmp_path, SAMPLES / "exports")
    differing: list[str] = []

    def walk(cmp, prefix=""):
        differing.extend(prefix + name for name in cmp.left_only + cmp.right_only + cmp.diff_files)
        for name, sub in cmp.subdirs.items():
            walk(sub, f"{prefix}{name}/")

    walk(comparison)
    assert differing == [], "run `make samples` and commit the result"
