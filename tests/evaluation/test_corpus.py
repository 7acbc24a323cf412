"""The labelled corpus keeps its promises: big enough, balanced, well-formed, the test split frozen and
disjoint from the training split."""

import hashlib
from collections import Counter
from pathlib import Path

import pytest

from evaluation.corpus import DATA, coworkers, employment

FROZEN = DATA / "FROZEN.sha256"
FIELDS = {"id", "text", "label", "kind", "where", "region", "agency"}
WHERE = {"post", "comment", "caption", "bio", "headline", "employer", "display_name"}


def test_the_test_split_is_frozen():
    recorded = dict(line.split("  ", 1)[::-1] for line in FROZEN.read_text().splitlines() if line.strip())
    test_files = sorted(p for p in DATA.rglob("*.jsonl") if p.parent.name == "test" or p.name == "test.jsonl")
    assert len(test_files) >= 8
    assert {str(p.relative_to(DATA)) for p in test_files} == set(recorded)
    for path in test_files:
        assert hashlib.sha256(path.read_bytes()).hexdigest() == recorded[str(path.relative_to(DATA))], \
            f"{path} changed after it was frozen; the test split must never be edited"


@pytest.mark.parametrize("split, at_least", [("train", 2000), ("test", 900)])
def test_employment_split_sizes_and_balance(split, at_least):
    items = employment(split)
    assert all(i["id"].startswith(("trA", "trB", "trC", "trD", "legacy", "teE", "teF")) for i in items)
    assert len(items) >= at_least
    share = sum(i["label"] for i in items) / len(items)
    assert 0.33 <= share <= 0.5
    for item in items:
        assert FIELDS <= set(item) and item["label"] in (0, 1) and item["where"] in WHERE and item["text"].strip(), item
    assert len({i["id"] for i in items}) == len(items)
    kinds = Counter(i["kind"] for i in items)
    assert len(kinds) >= 25 and min(kinds.values()) >= 10 or split == "train"


def test_the_corpus_is_three_thousand_texts_and_the_splits_do_not_overlap():
    train, test = employment("train"), employment("test")
    assert len(train) + len(test) >= 3000
    normal = lambda text: " ".join(text.lower().split())  # noqa: E731
    assert not {normal(i["text"]) for i in train} & {normal(i["text"]) for i in test}


def test_coworker_cases():
    train, test = coworkers("train"), coworkers("test")
    assert len(train) + len(test) >= 300 and len(test) >= 150
    for case in train + test:
        assert case["context"] in ("tag", "text") and isinstance(case["same"], bool) and case["roster"]["name"]
        assert (case["context"] == "text") == bool(case["text"])


def test_the_datasheet_describes_every_file():
    sheet = (DATA / "DATASHEET.md").read_text(encoding="utf-8")
    for path in Path(DATA).rglob("*.jsonl"):
        assert path.parent.name in sheet or path.name in sheet


def test_speech_test_splits_have_sixty_positives_and_sixty_hard_negatives():
    from evaluation.train_speech import CORPUS, speech_items

    for check in CORPUS:
        items = speech_items(check, "test")
        positives = sum(i["label"] for i in items)
        assert positives >= 60 and len(items) - positives >= 60, check
