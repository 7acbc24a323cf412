"""Measure the text checks on their labelled evaluation sets and write detector-accuracy.yaml.

    python -m auditor.evaluate          # print and rewrite the figures
    python -m auditor.evaluate --check  # exit 1 if the stored figures are out of date

The figures are shown in every report next to the check's findings.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import yaml

from auditor.analyzers.coworkers import NAME_THRESHOLD, _name_score
from auditor.analyzers.employment import AFFINITY, EmploymentVocabulary
from auditor.profile import AgencyProfile

ACCURACY_FILE = Path(__file__).parent / "data" / "detector-accuracy.yaml"
HEADER = "# Written by `python -m auditor.evaluate`; a test checks that it matches the evaluation sets.\n"


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    def add(self, predicted: bool, actual: bool) -> None:
        if predicted and actual:
            self.tp += 1
        elif predicted:
            self.fp += 1
        elif actual:
            self.fn += 1
        else:
            self.tn += 1

    @property
    def precision(self) -> float:
        return round(self.tp / (self.tp + self.fp), 3) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return round(self.tp / (self.tp + self.fn), 3) if self.tp + self.fn else 0.0


def _load(name: str) -> dict:
    return yaml.safe_load(resources.files("auditor").joinpath("data", "eval", name).read_text(encoding="utf-8"))


def evaluate_employment() -> tuple[Score, list[str]]:
    vocabulary = EmploymentVocabulary(AgencyProfile())
    score, errors = Score(), []
    for case in _load("employment.yaml")["cases"]:
        matches = vocabulary.scan(case["text"], case.get("field", ""))
        predicted = any(m.tier != AFFINITY for m in matches)
        score.add(predicted, bool(case["label"]))
        if predicted != bool(case["label"]):
            errors.append(f"{'missed' if case['label'] else 'false alarm'}: {case['text']}")
    return score, errors


def evaluate_names() -> tuple[Score, list[str]]:
    score, errors = Score(), []
    for pair in _load("names.yaml")["pairs"]:
        predicted = _name_score(pair["a"], pair["b"]) >= NAME_THRESHOLD
        score.add(predicted, bool(pair["same"]))
        if predicted != bool(pair["same"]):
            errors.append(f"{'missed' if pair['same'] else 'false match'}: {pair['a']} / {pair['b']}")
    return score, errors


def measure() -> dict:
    employment, _ = evaluate_employment()
    names, _ = evaluate_names()
    return {
        "employment": {"precision": employment.precision, "recall": employment.recall,
                       "measured_on": f"{employment.tp + employment.fp + employment.fn + employment.tn} hand-labelled "
                                      "sentences (generic vocabulary, no agency profile)"},
        "coworkers": {"precision": names.precision, "recall": names.recall,
                      "measured_on": f"{names.tp + names.fp + names.fn + names.tn} hand-labelled name pairs (roster name matching)"},
        "geotags": {"precision": None, "recall": None,
                    "measured_on": "reads stored coordinates exactly; cross-checked against ExifTool in the tests"},
        "platform_places": {"precision": None, "recall": None,
                            "measured_on": "reports the platforms' own home/work labels; offduty infers nothing here"},
    }


def main(argv: list[str]) -> int:
    figures = measure()
    text = HEADER + yaml.safe_dump(figures, sort_keys=True, allow_unicode=True)
    if "--check" in argv:
        current = ACCURACY_FILE.read_text(encoding="utf-8") if ACCURACY_FILE.exists() else ""
        return 0 if current == text else 1
    for name, errors in (("employment", evaluate_employment()[1]), ("coworkers", evaluate_names()[1])):
        print(f"{name}: precision {figures[name]['precision']:.3f}, recall {figures[name]['recall']:.3f}")
        for line in errors:
            print("   ", line)
    ACCURACY_FILE.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
