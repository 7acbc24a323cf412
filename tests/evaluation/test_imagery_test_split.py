"""The frozen imagery test split: its generator is unchanged, and a short build gives valid, repeatable labels."""

import hashlib
import json
from pathlib import Path

import pytest
import yaml

SPLIT = Path(__file__).resolve().parents[2] / "evaluation" / "imagery" / "test_split"
LABELS = {"le_text", "insignia", "face", "uniform", "vehicle", "document", "explicit"}
FIELDS = {"file", "labels", "le_words", "insignia_ref", "faces", "hard_negative", "notes"}


def test_the_generator_is_frozen():
    recorded = dict(line.split("  ", 1)[::-1] for line in (SPLIT / "FROZEN.sha256").read_text().splitlines() if line.strip())
    sources = sorted(p.name for p in SPLIT.glob("*.py"))
    assert sources == sorted(recorded), "a generator file was added or removed after the test split was frozen"
    for name in sources:
        assert hashlib.sha256((SPLIT / name).read_bytes()).hexdigest() == recorded[name], \
            f"{name} changed after the test split was frozen; the test set must never be edited"


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory):
    pytest.importorskip("cv2")
    pytest.importorskip("skimage")
    from evaluation.imagery.test_split.build import build

    first, second = tmp_path_factory.mktemp("first"), tmp_path_factory.mktemp("second")
    build(first, count=20, workers=1)
    build(second, count=20, workers=1)
    return first, second


def test_a_short_build_writes_valid_labels(two_builds):
    out, _ = two_builds
    records = [json.loads(line) for line in (out / "labels.jsonl").read_text().splitlines()]
    assert len(records) == 20
    assert len({r["file"].split("/")[1] for r in records}) >= 12, "a short build samples every family"
    for record in records:
        assert set(record) == FIELDS and set(record["labels"]) == LABELS
        assert all(isinstance(v, bool) for v in record["labels"].values()) and record["labels"]["explicit"] is False
        assert (out / record["file"]).is_file()
        assert record["labels"]["le_text"] == bool(record["le_words"])
        assert record["labels"]["face"] == (record["faces"] > 0)
        assert record["labels"]["insignia"] == (record["insignia_ref"] is not None)
        for tag in filter(None, record["hard_negative"].split("; ")):
            label = tag.split(":", 1)[0]
            assert label in LABELS and not record["labels"][label], record
    references = yaml.safe_load((out / "references.yaml").read_text())
    assert {r["kind"] for r in references} == {"badge", "patch", "logo", "livery"}
    ids = {r["id"] for r in references}
    assert all((out / r["path"]).is_file() for r in references)
    assert {r["insignia_ref"] for r in records} - {None} <= ids
    manifest = (out / "manifest.sha256").read_text().splitlines()
    assert len(manifest) == 20 + len(references)


def test_the_same_seed_gives_the_same_labels(two_builds):
    first, second = two_builds
    assert (first / "labels.jsonl").read_text() == (second / "labels.jsonl").read_text()
