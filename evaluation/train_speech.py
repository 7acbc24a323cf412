"""Train the speech checks' models on their training splits (evaluation/data/speech/train/).

    python -m evaluation.train_speech            (make train)

One model a check: hashed word and character n-grams, the check's own rule and context signals, and
the wordllama embedding, weighed by logistic regression. Ordinary posts from the employment corpus's
training split are added as background negatives. The regularisation and the threshold (best F1 at a
precision of at least MIN_PRECISION) come from 5-fold cross-validation on the training split.
The test split is never read here.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold

from auditor.analyzers._speech import HANDLE, SpeechCheck
from auditor.analyzers.registry import all_analyzers
from auditor.textmodel import EMBEDDING, LinearTextModel, feature_matrix

from .corpus import DATA, load_jsonl
from .train_employment import best_threshold

MODELS = Path(__file__).resolve().parents[1] / "auditor" / "data"
EMBEDDING_SCALE = 0.5
STRENGTHS = (1.0, 3.0, 10.0, 30.0)
# The corpus file of each check.
CORPUS = {"job_information": "job_info", "obscene_speech": "obscene_biased", "reckless_behaviour": "reckless",
          "official_capacity": "speaking_for", "private_facts": "private_facts"}


# Employment-corpus texts of these kinds are ordinary posts for every speech check: used as background
# negatives, so that a model trained on police-flavoured texts learns that most of what people post is
# none of this.
BACKGROUND_KINDS = {"everyday", "support", "fiction_news", "mistaken", "denial", "family_job", "applicant",
                    "adjacent_job", "other_sense", "legacy"}


def background_negatives() -> list[dict]:
    from .corpus import employment

    return [{**item, "label": 0, "kind": "background"} for item in employment("train")
            if item["label"] == 0 and item["kind"] in BACKGROUND_KINDS]


def speech_items(check: str, split: str) -> list[dict]:
    path = DATA / "speech" / split / f"{CORPUS[check]}.jsonl"
    return load_jsonl([path]) if path.exists() else []


def features(check: SpeechCheck, items: list[dict]):  # type: ignore[no-untyped-def]
    texts = [check.model_text(i["text"], i.get("where", "post")) for i in items]
    signals = np.array([check.signals(i["text"]) for i in items], dtype=float).reshape(len(items), -1)
    return feature_matrix(texts, signals, EMBEDDING_SCALE, [HANDLE.sub(" @user ", i["text"]) for i in items])


def train(check: SpeechCheck, items: list[dict]) -> LinearTextModel:
    matrix = features(check, items)
    labels = np.array([i["label"] for i in items])
    best = None
    for strength in STRENGTHS:
        scores = np.zeros(len(labels))
        for fit, held in StratifiedKFold(n_splits=5, shuffle=True, random_state=0).split(matrix, labels):
            model = LogisticRegression(C=strength, solver="liblinear", class_weight="balanced", max_iter=3000, random_state=0)
            scores[held] = model.fit(matrix[fit], labels[fit]).predict_proba(matrix[held])[:, 1]
        threshold, f1 = best_threshold(labels, scores)
        print(f"  {check.name}: C={strength} cross-validated F1 {f1:.3f} at threshold {threshold}", flush=True)
        if best is None or f1 > best[2]:
            best = (strength, threshold, f1)
    assert best is not None
    strength, threshold, f1 = best
    final = LogisticRegression(C=strength, solver="liblinear", class_weight="balanced", max_iter=3000, random_state=0)
    final.fit(matrix, labels)
    info = {"trained_on": len(items), "positives": int(labels.sum()), "C": strength, "embedding": EMBEDDING,
            "embedding_scale": EMBEDDING_SCALE, "cross_validated_f1": round(f1, 3), "signals": list(check.signal_names)}
    return LinearTextModel(weights=final.coef_[0].astype(np.float32), bias=float(final.intercept_[0]), threshold=threshold,
                           extras=check.signal_names, info=info, embedding_scale=EMBEDDING_SCALE)


def main(argv: list[str]) -> int:
    checks = {name: a for name, a in all_analyzers().items() if isinstance(a, SpeechCheck)}
    for name in argv or sorted(checks):
        items = speech_items(name, "train")
        if len(items) >= 40:
            items = items + background_negatives()
        if len(items) < 40:
            print(f"{name}: only {len(items)} training texts; not trained")
            continue
        model = train(checks[name], items)
        path = MODELS / checks[name].MODEL_FILE
        model.save(path)
        print(f"wrote {path.name}: {model.info['trained_on']} texts, cross-validated F1 {model.info['cross_validated_f1']}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
