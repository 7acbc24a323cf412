"""The training image set builds, and its labels keep the schema's promises (evaluation/imagery/labels.py)."""

import json

import pytest

from evaluation.imagery.labels import ImageLabels, LabelError, read_labels, validate

pytest.importorskip("skimage")
pytest.importorskip("matplotlib")
pytest.importorskip("cv2")


def _item(**changes):
    item = {"file": "images/a.jpg", "labels": {"le_text": True, "insignia": True, "face": True, "uniform": True,
                                              "vehicle": False, "document": False, "explicit": False},
            "le_words": ["SHERIFF"], "insignia_ref": "ccso-badge", "faces": 1, "hard_negative": "", "notes": ""}
    for key, value in changes.items():
        if key in item["labels"]:
            item["labels"][key] = value
        else:
            item[key] = value
    return item


@pytest.fixture(scope="module")
def small_set(tmp_path_factory):
    from evaluation.imagery.build_train import build

    out = tmp_path_factory.mktemp("imagery_train")
    return out, build(out, count=20, seed=3, workers=1)


def test_a_small_set_builds_and_validates(small_set):
    out, items = small_set
    assert len(items) == 20 and validate(out) == []
    assert [item.file for item in read_labels(out / "labels.jsonl")] == [item.file for item in items]
    assert len(list((out / "references").glob("*.png"))) == 5
    assert all(not item.explicit for item in items)
    assert any(item.insignia for item in items) and any(item.le_text for item in items) and any(item.hard_negative for item in items)


def test_images_are_realistic_sizes_and_formats(small_set):
    from PIL import Image

    out, items = small_set
    for item in items:
        with Image.open(out / item.file) as picture:
            assert picture.format in ("JPEG", "PNG") and 600 <= max(picture.size) <= 2100, item.file


def test_the_same_seed_gives_the_same_labels(tmp_path):
    from evaluation.imagery.build_train import build

    first = build(tmp_path / "a", count=4, seed=11, workers=1)
    second = build(tmp_path / "b", count=4, seed=11, workers=1)
    assert first == second
    assert (tmp_path / "a" / first[0].file).read_bytes() == (tmp_path / "b" / first[0].file).read_bytes()


@pytest.mark.parametrize("changes, problem", [
    ({"le_words": []}, "le_text must be true exactly when le_words"),
    ({"insignia_ref": None}, "insignia must be true exactly when insignia_ref"),
    ({"faces": 0}, "face must be true exactly when faces"),
    ({"explicit": True}, "explicit must be false"),
    ({"le_words": ["sheriff"]}, "capitals"),
])
def test_contradictions_are_reported(changes, problem):
    assert ImageLabels.from_json(_item()).problems() == []
    assert any(problem in text for text in ImageLabels.from_json(_item(**changes)).problems())


@pytest.mark.parametrize("changes", [{"faces": "one"}, {"le_words": "SHERIFF"}, {"face": None}])
def test_malformed_lines_raise_a_clear_error(changes):
    with pytest.raises(LabelError):
        ImageLabels.from_json(_item(**changes))


def test_validate_finds_missing_files_and_unknown_references(small_set, tmp_path):
    out, items = small_set
    (tmp_path / "references.yaml").write_text((out / "references.yaml").read_text())
    (tmp_path / "references").mkdir()
    for png in (out / "references").glob("*.png"):
        (tmp_path / "references" / png.name).write_bytes(png.read_bytes())
    lines = [_item(file="images/missing.jpg"), _item(file="../outside.jpg"), _item(file="images/x.jpg", insignia_ref="nope")]
    (tmp_path / "labels.jsonl").write_text("".join(json.dumps(line) + "\n" for line in lines))
    problems = "\n".join(validate(tmp_path))
    assert "missing.jpg: no such image" in problems and "outside.jpg: no such image" in problems
    assert "insignia_ref nope is not in references.yaml" in problems
