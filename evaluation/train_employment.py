"""Train the employment model on the training split and write auditor/data/employment-model.npz.

    python -m evaluation.train_employment     (make train)

Every text is used twice, once as audited with its account owner's agency profile and once without a
profile, so that one model serves both. The regularisation strength, the weight of the embedding
and the decision threshold are chosen by cross-validation on the training split that leaves out one
writer's file at a time (both copies of a text in the same fold), because the question is how the
model does on voices it has not seen: the threshold that gives the best F1 at a precision of at
least MIN_PRECISION. The test split is never read here.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import LeaveOneGroupOut

from auditor.analyzers.base import WHERE_FIELDS
from auditor.analyzers.employment import MODEL_FILE, SIGNALS, EmploymentVocabulary
from auditor.profile import AgencyProfile
from auditor.textmodel import EMBEDDING, LinearTextModel, feature_matrix

from .corpus import agency_profile, employment

MODEL_PATH = Path(__file__).resolve().parents[1] / "auditor" / "data" / MODEL_FILE
MIN_PRECISION = 0.88
STRENGTHS = (3.0, 10.0, 30.0)
EMBEDDING_SCALES = (0.0, 0.5, 0.75)
FIELDS = {where: field for field, where in WHERE_FIELDS.items()}  # corpus `where` -> the profile field it stands for


def rows(items: list[dict], with_profile: bool) -> tuple[list[str], np.ndarray, list[str]]:
    """Model inputs, signal features and texts to embed of `items`, audited with or without their
    agency profile."""
    from auditor.analyzers.employment import EmploymentDetector

    texts, signals, plain = [], [], []
    generic = EmploymentVocabulary(AgencyProfile())
    vocabularies: dict[int, EmploymentVocabulary] = {}
    for item in items:
        profile = agency_profile(item) if with_profile else None
        vocabulary = generic if profile is None else vocabularies.setdefault(id(profile), EmploymentVocabulary(profile))
        field = FIELDS.get(item["where"])
        matches = EmploymentDetector._matches_with(vocabulary, item["text"], field)
        texts.append(vocabulary.model_text(item["text"], item["where"]))
        signals.append(vocabulary.signals(item["text"], matches))
        plain.append(vocabulary.masked(item["text"]))
    return texts, np.array(signals, dtype=float).reshape(len(items), len(SIGNALS)), plain


def best_threshold(labels: np.ndarray, scores: np.ndarray) -> tuple[float, float]:
    """The threshold with the best F1 among those with precision ≥ MIN_PRECISION, and that F1."""
    best = (0.5, 0.0)
    for threshold in np.arange(0.05, 0.99, 0.01):
        predicted = scores >= threshold
        tp = int((predicted & (labels == 1)).sum())
        precision = tp / max(1, int(predicted.sum()))
        recall = tp / max(1, int((labels == 1).sum()))
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        if precision >= MIN_PRECISION and f1 > best[1]:
            best = (float(round(threshold, 2)), f1)
    return best


def train(items: list[dict]) -> tuple[LinearTextModel, dict]:
    with_texts, with_signals, with_plain = rows(items, with_profile=True)
    without_texts, without_signals, without_plain = rows(items, with_profile=False)
    texts, plain = with_texts + without_texts, with_plain + without_plain
    signals = np.vstack([with_signals, without_signals])
    labels = np.array([item["label"] for item in items] * 2)
    groups = np.array([item["id"].split("-")[0] for item in items] * 2)  # one writer's file per fold
    report: dict = {}
    best = None
    for scale in EMBEDDING_SCALES:
        features = feature_matrix(texts, signals, scale, plain)
        for strength in STRENGTHS:
            scores = np.zeros(len(labels))
            for fit, held in LeaveOneGroupOut().split(features, labels, groups):
                model = LogisticRegression(C=strength, solver="liblinear", class_weight="balanced", max_iter=3000, random_state=0)
                model.fit(features[fit], labels[fit])
                scores[held] = model.predict_proba(features[held])[:, 1]
            threshold, f1 = best_threshold(labels, scores)
            report[f"scale {scale}, C {strength}"] = {"threshold": threshold, "cv_f1": round(f1, 3)}
            print(f"embedding scale {scale}, C={strength}: cross-validated F1 {f1:.3f} at threshold {threshold}", flush=True)
            if best is None or f1 > best[3]:
                best = (scale, strength, threshold, f1)
    assert best is not None
    scale, strength, threshold, f1 = best
    final = LogisticRegression(C=strength, solver="liblinear", class_weight="balanced", max_iter=3000, random_state=0)
    final.fit(feature_matrix(texts, signals, scale, plain), labels)
    info = {"trained_on": len(items), "positives": int(sum(item["label"] for item in items)), "C": strength,
            "embedding": EMBEDDING if scale else None, "embedding_scale": scale,
            "cross_validated_f1": round(f1, 3), "min_precision": MIN_PRECISION, "signals": list(SIGNALS)}
    return LinearTextModel(weights=final.coef_[0].astype(np.float32), bias=float(final.intercept_[0]),
                           threshold=threshold, extras=SIGNALS, info=info, embedding_scale=scale), report


def main() -> int:
    items = employment("train")
    if not items:
        print("no training data in evaluation/data/employment/train/")
        return 1
    model, _ = train(items)
    model.save(MODEL_PATH)
    print(f"wrote {MODEL_PATH} ({MODEL_PATH.stat().st_size / 1e6:.1f} MB): {model.info}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
