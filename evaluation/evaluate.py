"""Measure the text checks on their labelled evaluation sets and write detector-accuracy.yaml.

    python -m evaluation.evaluate          # print and rewrite the figures (or: make eval)
    python -m evaluation.evaluate --check  # exit 1 if the stored figures are out of date

The figures are shown in every report next to the check's findings. The labelled sets are in
evaluation/data/; the simulated people come from samplegen, which the installed tool does not ship.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

from auditor.analyzers.coworkers import NAME_THRESHOLD, _name_score
from auditor.analyzers.employment import AFFINITY, EmploymentVocabulary
from auditor.model import ProfileField
from auditor.profile import AgencyProfile

LABELLED_DATA = Path(__file__).resolve().parent / "data"
ACCURACY_FILE = Path(__file__).resolve().parents[1] / "auditor" / "data" / "detector-accuracy.yaml"
HEADER = "# Written by `python -m evaluation.evaluate`; a test checks that it matches the evaluation sets.\n"


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
    return yaml.safe_load((LABELLED_DATA / name).read_text(encoding="utf-8"))


def evaluate_employment() -> tuple[Score, list[str]]:
    vocabulary = EmploymentVocabulary(AgencyProfile())
    score, errors = Score(), []
    for case in _load("employment.yaml")["cases"]:
        matches = vocabulary.scan(case["text"], ProfileField(case["field"]) if case.get("field") else None)
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


PERSONAS = 60
HOME_WITHIN_M, WORK_WITHIN_M = 200.0, 300.0


def evaluate_pattern_of_life() -> tuple[Score, list[str]]:
    """Home and workplace conclusions on invented people (samplegen.trails): a conclusion within 200 m
    (home) or 300 m (work) of the truth is a hit, one elsewhere is a false alarm and a miss."""
    from auditor.analyzers.pattern_of_life import cluster, conclude, observations
    from auditor.geo import haversine_m
    from auditor.model import GeoSource, LocationPoint, LocationTrail, SourceRef
    from samplegen.trails import invent

    score, errors = Score(), []
    for seed in range(PERSONAS):
        person = invent(seed)
        trail = LocationTrail()
        trail.extend(LocationPoint("google", SourceRef("sim", "trail", f"[{i}]"), p.lat, p.lon, GeoSource.LOCATION_HISTORY,
                                   at=p.when) for i, p in enumerate(person.trail))
        stations = [("station", *person.work)] if person.station_known else []
        result = conclude(cluster(observations([], trail)), stations, 300.0)
        for label, found, truth, within in (("home", result.home, person.home, HOME_WITHIN_M),
                                            ("work", result.work, person.work, WORK_WITHIN_M)):
            if found is None:
                score.add(False, True)
                errors.append(f"missed {label}: persona {seed} ({len(person.trail)} points)")
                continue
            hit = haversine_m(found.lat, found.lon, *truth) <= within
            score.add(True, hit)
            if not hit:
                score.fn += 1
                errors.append(f"wrong {label}: persona {seed} ({len(person.trail)} points, night shift {person.night_shift})")
    return score, errors


def measure() -> dict:
    employment, _ = evaluate_employment()
    names, _ = evaluate_names()
    places, _ = evaluate_pattern_of_life()
    return {
        "employment": {"precision": employment.precision, "recall": employment.recall,
                       "measured_on": f"{employment.tp + employment.fp + employment.fn + employment.tn} hand-labelled "
                                      "sentences (generic vocabulary, no agency profile)"},
        "coworkers": {"precision": names.precision, "recall": names.recall,
                      "measured_on": f"{names.tp + names.fp + names.fn + names.tn} hand-labelled name pairs (roster name matching)"},
        "geotags": {"precision": None, "recall": None,
                    "measured_on": "reads stored coordinates exactly; cross-checked against ExifTool in the tests"},
        "pattern_of_life": {"precision": places.precision, "recall": places.recall,
                            "measured_on": f"home and workplace of {PERSONAS} simulated people (full location history down "
                                           "to a few photos; day and night shifts; station known or not)"},
        "privacy_settings": {"precision": None, "recall": None,
                             "measured_on": "reports settings as the export records them; offduty infers nothing here"},
        "platform_places": {"precision": None, "recall": None,
                            "measured_on": "reports the platforms' own home/work labels; offduty infers nothing here"},
    }


def main(argv: list[str]) -> int:
    figures = measure()
    text = HEADER + yaml.safe_dump(figures, sort_keys=True, allow_unicode=True)
    if "--check" in argv:
        current = ACCURACY_FILE.read_text(encoding="utf-8") if ACCURACY_FILE.exists() else ""
        return 0 if current == text else 1
    for name, errors in (("employment", evaluate_employment()[1]), ("coworkers", evaluate_names()[1]),
                         ("pattern_of_life", evaluate_pattern_of_life()[1])):
        print(f"{name}: precision {figures[name]['precision']:.3f}, recall {figures[name]['recall']:.3f}")
        for line in errors:
            print("   ", line)
    ACCURACY_FILE.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
