"""Compare offduty's obscene_speech check (clause 9a) with two profanity filters from PyPI.

    make compare-profanity                                      # builds .venv-compare/ and runs this
    .venv-compare/bin/python -m evaluation.compare_profanity    # the same, once the venv exists
    .venv-compare/bin/python -m evaluation.compare_profanity -v # also list every mistake

Measured on the obscene_biased texts of the speech corpus (evaluation/data/speech/): the frozen test
split, and the training split for reference only (offduty's model was trained on it, so its own
training figures are not a measurement). Contenders:

- offduty's check exactly as the audit runs it (rules, context rules and the trained model);
- alt-profanity-check's `predict_prob`, at its default threshold of 0.5 and at the threshold with the
  best F1 on the training split, chosen there and applied unchanged to the test split. The training
  split is half positive, so its best F1 is had by flagging nearly everything; a second threshold is
  therefore chosen on the training split plus the ordinary posts offduty's own model is trained with
  (evaluation/train_speech.py background_negatives), which makes a false alarm on an everyday post count;
- better-profanity 0.7's `contains_profanity`;
- offduty's check OR one of those, to see whether a package adds anything as an extra signal.

Also counted: how many ordinary posts (the employment test split's everyday, family, fiction ...
texts, which nobody labelled for obscenity) each contender flags. The PyPI packages are never
runtime dependencies of offduty (alt-profanity-check pins scikit-learn exactly); they live in their
own virtual environment. Nothing here tunes anything on a test split.
"""

from __future__ import annotations

import importlib.util
import sys
import time
from dataclasses import dataclass
from typing import Callable, Sequence

import numpy as np

from .evaluate import Score
from .train_speech import BACKGROUND_KINDS, speech_items

CHECK = "obscene_speech"
PYPI_PACKAGES = {"profanity_check": "alt-profanity-check==1.9.1", "better_profanity": "better-profanity==0.7.0"}  # as measured
HOW_TO_RUN = """\
This comparison needs {missing}, which offduty deliberately does not depend on
(alt-profanity-check pins scikit-learn to one exact version). Install them in a separate virtual
environment together with offduty and run the script from there:

    make compare-profanity

or by hand, from the repository root:

    python3.11 -m venv .venv-compare
    .venv-compare/bin/pip install -e . {packages}
    .venv-compare/bin/python -m evaluation.compare_profanity
"""
REPEATS = 3  # each timing is the best of up to this many runs over the whole set of texts ...
ENOUGH_SECONDS = 1.0  # ... stopping once the runs together took this long (better-profanity is slow)


Scorer = Callable[[Sequence[str], Sequence[str]], np.ndarray]  # (texts, wheres) -> a score per text


@dataclass(frozen=True)
class Detector:
    name: str
    score: Scorer


@dataclass(frozen=True)
class Scored:
    """One detector's scores on one set of texts, and how fast it produced them."""

    scores: np.ndarray
    seconds: float


@dataclass(frozen=True)
class Contender:
    """A row of the table: one detector at one threshold, or several joined by OR."""

    name: str
    parts: tuple[tuple[str, float], ...]  # (detector name, threshold); flagged when any part is at or over its threshold
    short_name: str = ""  # set on single detectors: a column of the per-kind table

    def flags(self, scored: dict[str, Scored]) -> np.ndarray:
        flagged = [scored[name].scores >= threshold for name, threshold in self.parts]
        return np.logical_or.reduce(flagged)

    def texts_per_second(self, scored: dict[str, Scored], count: int) -> float:
        seconds = sum(scored[name].seconds for name in dict.fromkeys(name for name, _ in self.parts))
        return count / seconds if seconds else float("inf")


def missing_packages() -> list[str]:
    return [package for module, package in PYPI_PACKAGES.items() if importlib.util.find_spec(module) is None]


def score_of(flags: Sequence[bool], labels: Sequence[int], kinds: Sequence[str]) -> Score:
    score = Score()
    for predicted, actual, kind in zip(flags, labels, kinds):
        score.add(bool(predicted), bool(actual), kind)
    return score


def best_f1_threshold(labels: Sequence[int], scores: Sequence[float]) -> tuple[float, float]:
    """The threshold (0.01 ... 0.99) with the best F1 on these texts, and that F1; the lowest one on a tie."""
    actual = np.asarray(labels, dtype=bool)
    values = np.asarray(scores, dtype=float)
    best = (0.5, -1.0)
    for threshold in np.round(np.arange(0.01, 1.0, 0.01), 2):
        predicted = values >= threshold
        tp = int((predicted & actual).sum())
        precision = tp / predicted.sum() if predicted.any() else 0.0
        recall = tp / actual.sum() if actual.any() else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        if f1 > best[1]:
            best = (float(threshold), f1)
    return best[0], float(max(best[1], 0.0))


def timed(detector: Detector, texts: Sequence[str], wheres: Sequence[str]) -> Scored:
    detector.score(texts[:1], wheres[:1])  # loads word lists and models, so that only the checking is timed
    best, scores = float("inf"), np.zeros(0)
    spent = 0.0
    for _ in range(REPEATS):
        start = time.perf_counter()
        scores = np.asarray(detector.score(texts, wheres), dtype=float)
        took = time.perf_counter() - start
        best, spent = min(best, took), spent + took
        if spent >= ENOUGH_SECONDS:
            break
    return Scored(scores, best)


def offduty_detector() -> tuple[Detector, float]:
    """The check as the audit runs it, and the threshold its model flags at."""
    from auditor.analyzers.registry import all_analyzers

    check = all_analyzers()[CHECK]
    model = check.model  # type: ignore[attr-defined]
    threshold = model.threshold if model is not None else 0.5

    def score(texts: Sequence[str], wheres: Sequence[str]) -> np.ndarray:
        return np.array([j.probability for j in check.judge(list(texts), list(wheres))])  # type: ignore[attr-defined]

    return Detector("offduty", score), threshold


def pypi_detectors() -> list[Detector]:
    from better_profanity import profanity
    from profanity_check import predict_prob

    def alt_profanity_check(texts: Sequence[str], wheres: Sequence[str]) -> np.ndarray:
        return np.asarray(predict_prob(list(texts)), dtype=float)

    def better_profanity(texts: Sequence[str], wheres: Sequence[str]) -> np.ndarray:
        return np.array([float(profanity.contains_profanity(t)) for t in texts])

    return [Detector("alt-profanity-check", alt_profanity_check), Detector("better-profanity", better_profanity)]


def ordinary_posts() -> list[dict]:
    """Everyday texts of the employment test split: measured only, as a rough idea of how often a check
    fires on posts that are not about any of this (they were not labelled for obscenity)."""
    from .corpus import employment

    return [item for item in employment("test") if item["label"] == 0 and item["kind"] in BACKGROUND_KINDS]


def contenders(offduty_threshold: float, tuned: float, tuned_with_ordinary: float) -> list[Contender]:
    """The single detectors first (their short names head the per-kind table), then the combinations."""
    offduty = ("offduty", offduty_threshold)
    alt, better = ("alt-profanity-check", 0.5), ("better-profanity", 0.5)
    alt_tuned, alt_tuned_with_ordinary = ("alt-profanity-check", tuned), ("alt-profanity-check", tuned_with_ordinary)
    return [
        Contender(f"offduty obscene_speech (its threshold {offduty_threshold:.2f})", (offduty,), "offduty"),
        Contender("alt-profanity-check, threshold 0.5", (alt,), "alt 0.5"),
        Contender(f"alt-profanity-check, threshold {tuned:.2f} (best F1 on training)", (alt_tuned,), f"alt {tuned:.2f}"),
        Contender(f"alt-profanity-check, threshold {tuned_with_ordinary:.2f} (best F1 on training + ordinary posts)",
                  (alt_tuned_with_ordinary,), f"alt {tuned_with_ordinary:.2f}"),
        Contender("better-profanity contains_profanity", (better,), "better-profanity"),
        Contender("offduty OR alt-profanity-check 0.5", (offduty, alt)),
        Contender(f"offduty OR alt-profanity-check {tuned_with_ordinary:.2f}", (offduty, alt_tuned_with_ordinary)),
        Contender("offduty OR better-profanity", (offduty, better)),
    ]


def measure_set(detectors: list[Detector], items: list[dict]) -> dict[str, Scored]:
    texts, wheres = [i["text"] for i in items], [i.get("where", "post") for i in items]
    return {d.name: timed(d, texts, wheres) for d in detectors}


def table(rows: list[tuple[Contender, Score, float, int]]) -> str:
    lines = ["| contender | precision | recall | F1 | false alarms | missed | ordinary posts flagged | texts/s |",
             "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for contender, score, per_second, ordinary_flagged in rows:
        lines.append(f"| {contender.name} | {score.precision:.3f} | {score.recall:.3f} | {score.f1:.3f} | {score.fp} | "
                     f"{score.fn} | {ordinary_flagged} | {per_second:,.0f} |")
    return "\n".join(lines)


def kind_table(names: list[str], scores: list[Score]) -> str:
    """Wrong/total per kind of text, one column per detector (all measured on the same texts)."""
    kinds = sorted({kind for score in scores for kind in score.by_kind})
    lines = ["| kind (label) | " + " | ".join(names) + " |", "|---|" + "---:|" * len(names)]
    for kind in kinds:
        first = scores[0].by_kind[kind]
        label = 1 if first["tp"] + first["fn"] else 0
        cells = [f"{s.by_kind[kind]['fn'] + s.by_kind[kind]['fp']}/{sum(s.by_kind[kind].values())}" for s in scores]
        lines.append(f"| {kind} ({label}) | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def mistakes(contender: Contender, scored: dict[str, Scored], items: list[dict]) -> list[str]:
    name, _ = contender.parts[0]
    return [f"  {contender.short_name}: {'missed' if item['label'] else 'false alarm'} ({item['kind']}, {value:.2f}): {item['text']}"
            for flag, value, item in zip(contender.flags(scored), scored[name].scores, items) if bool(flag) != bool(item["label"])]


def ordinary_flagged(contender: Contender, scored: dict[str, Scored], items: list[dict]) -> list[str]:
    name, _ = contender.parts[0]
    return [f"  {contender.short_name}: flags an ordinary post ({item['kind']}, {value:.2f}): {item['text']}"
            for flag, value, item in zip(contender.flags(scored), scored[name].scores, items) if flag]


def report_split(split: str, items: list[dict], rows_of: list[Contender], scored: dict[str, Scored],
                 ordinary: list[dict], scored_ordinary: dict[str, Scored], verbose: bool) -> None:
    labels, kinds = [i["label"] for i in items], [i["kind"] for i in items]
    note = "frozen test split" if split == "test" else "training split, for reference only: offduty's model was trained on it"
    print(f"## {CHECK}, {note}: {len(items)} texts, {sum(labels)} positive\n")
    rows = [(c, score_of(c.flags(scored), labels, kinds), c.texts_per_second(scored, len(items)),
             int(c.flags(scored_ordinary).sum())) for c in rows_of]
    print(table(rows))
    print(f"\nOrdinary posts: {len(ordinary)} everyday texts of the employment test split (not labelled for obscenity). "
          f"texts/s: the best of up to {REPEATS} runs over the {len(items)} texts, after loading.\n")
    if split != "test":
        return
    singles = [(c, score) for c, score, _, _ in rows if c.short_name]
    print("Wrong per kind on the test split (wrong/total; label 1 = should be flagged):\n")
    print(kind_table([c.short_name for c, _ in singles], [score for _, score in singles]))
    print()
    if verbose:
        for contender, _ in singles:
            print("\n".join(mistakes(contender, scored, items)))
            print("\n".join(ordinary_flagged(contender, scored_ordinary, ordinary)))
        print()


def main(argv: list[str]) -> int:
    missing = missing_packages()
    if missing:
        print(HOW_TO_RUN.format(missing=" and ".join(missing), packages=" ".join(PYPI_PACKAGES.values())), file=sys.stderr)
        return 2
    from .train_speech import background_negatives

    offduty, offduty_threshold = offduty_detector()
    detectors = [offduty, *pypi_detectors()]
    splits = {split: speech_items(CHECK, split) for split in ("test", "train")}
    ordinary = ordinary_posts()
    scored = {split: measure_set(detectors, items) for split, items in splits.items()}
    scored_ordinary = measure_set(detectors, ordinary)

    alt = pypi_detectors()[0]
    train_labels = [i["label"] for i in splits["train"]]
    tuned, tuned_f1 = best_f1_threshold(train_labels, scored["train"][alt.name].scores)
    background = background_negatives()
    background_scores = alt.score([i["text"] for i in background], ["post"] * len(background))
    tuned_with_ordinary, tuned_with_ordinary_f1 = best_f1_threshold(
        train_labels + [0] * len(background), np.concatenate([scored["train"][alt.name].scores, background_scores]))
    print(f"alt-profanity-check thresholds chosen on training texts only: {tuned:.2f} (F1 {tuned_f1:.3f} on the "
          f"{len(train_labels)} training texts), {tuned_with_ordinary:.2f} (F1 {tuned_with_ordinary_f1:.3f} on those plus "
          f"{len(background)} ordinary training posts)\n")
    rows_of = contenders(offduty_threshold, tuned, tuned_with_ordinary)
    for split, items in splits.items():
        report_split(split, items, rows_of, scored[split], ordinary, scored_ordinary, "-v" in argv)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
