"""Measure the checks on their frozen test sets and write auditor/data/detector-accuracy.yaml.

    python -m evaluation.evaluate          # print and rewrite the figures (or: make eval)
    python -m evaluation.evaluate --check  # exit 1 if the stored figures are out of date

The employment and coworker figures come from the test splits in evaluation/data/ (see the
DATASHEET there): written separately, in other voices, from the training split the model and the
rules were built and tuned on, and never tuned on. The figures are shown in every report next to
the check's findings. The simulated people for pattern of life come from samplegen.
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from auditor.analyzers.coworkers import RosterMatcher
from auditor.analyzers.employment import EmploymentDetector
from auditor.model import Person
from auditor.profile import AgencyProfile, Coworker

from .corpus import agency_profile, coworkers, employment
from .train_employment import FIELDS
from .train_speech import CORPUS as SPEECH_CHECKS
from .train_speech import speech_items

ACCURACY_FILE = Path(__file__).resolve().parents[1] / "auditor" / "data" / "detector-accuracy.yaml"
HEADER = "# Written by `python -m evaluation.evaluate` from the frozen test splits; a test checks it is current.\n"


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    by_kind: dict[str, Counter] = field(default_factory=dict)

    def add(self, predicted: bool, actual: bool, kind: str = "") -> None:
        outcome = ("tp" if actual else "fp") if predicted else ("fn" if actual else "tn")
        setattr(self, outcome, getattr(self, outcome) + 1)
        self.by_kind.setdefault(kind, Counter())[outcome] += 1

    @property
    def total(self) -> int:
        return self.tp + self.fp + self.fn + self.tn

    @property
    def precision(self) -> float:
        return round(self.tp / (self.tp + self.fp), 3) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return round(self.tp / (self.tp + self.fn), 3) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return round(2 * p * r / (p + r), 3) if p + r else 0.0

    def figures(self) -> dict:
        return {"precision": self.precision, "recall": self.recall, "f1": self.f1, "cases": self.total}

    def table(self) -> str:
        lines = [f"      {'kind':<22} {'right':>6} {'wrong':>6}  (wrong = missed or false alarm)"]
        for kind, counts in sorted(self.by_kind.items()):
            right, wrong = counts["tp"] + counts["tn"], counts["fn"] + counts["fp"]
            lines.append(f"      {kind:<22} {right:>6} {wrong:>6}")
        return "\n".join(lines)


def _record(score: Score, errors: list[str], predicted: bool, item: dict, probability: float) -> None:
    """Count one labelled text, and note it when the check got it wrong."""
    score.add(predicted, bool(item["label"]), item["kind"])
    if predicted != bool(item["label"]):
        errors.append(f"{'missed' if item['label'] else 'false alarm'} ({item['kind']}, {probability:.2f}): {item['text']}")


def evaluate_employment(with_profile: bool) -> tuple[Score, list[str]]:
    items = employment("test")
    score, errors = Score(), []
    detectors: dict[int, EmploymentDetector] = {}
    generic = EmploymentDetector(AgencyProfile())
    groups: dict[int, list[dict]] = {}
    for item in items:
        profile = agency_profile(item) if with_profile else None
        detector = generic if profile is None else detectors.setdefault(id(profile), EmploymentDetector(profile))
        groups.setdefault(id(detector), []).append(item)
        detectors[id(detector)] = detector
    for key, group in groups.items():
        judged = detectors[key].judge([i["text"] for i in group], [i["where"] for i in group],
                                      [FIELDS.get(i["where"]) for i in group])
        for item, judgement in zip(group, judged):
            _record(score, errors, judgement.disclosure, item, judgement.probability)
    return score, errors


def evaluate_speech(name: str) -> tuple[Score, list[str]]:
    from auditor.analyzers.registry import all_analyzers

    from .train_speech import speech_items

    check = all_analyzers()[name]
    items = speech_items(name, "test")
    score, errors = Score(), []
    judged = check.judge([i["text"] for i in items], [i.get("where", "post") for i in items])  # type: ignore[attr-defined]
    for item, judgement in zip(items, judged):
        _record(score, errors, judgement.flagged, item, judgement.probability)
    return score, errors


def evaluate_coworkers() -> tuple[Score, list[str]]:
    score, errors = Score(), []
    for case in coworkers("test"):
        roster = Coworker(case["roster"]["name"], tuple(h.lstrip("@") for h in case["roster"].get("handles", [])))
        matcher = RosterMatcher(AgencyProfile(roster=[roster]))
        if case["context"] == "text":
            predicted = bool(matcher.match_text(case["text"]))
        else:
            predicted = matcher.match_person(Person(name=case.get("observed_name", ""),
                                                    handle=case.get("observed_handle", ""))) is not None
        score.add(predicted, bool(case["same"]), case["kind"])
        if predicted != bool(case["same"]):
            seen = case["text"] if case["context"] == "text" else f"{case.get('observed_name', '')} @{case.get('observed_handle', '')}"
            errors.append(f"{'missed' if case['same'] else 'false match'} ({case['kind']}): {roster.name} / {seen}")
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


def measure() -> tuple[dict, dict[str, tuple[Score, list[str]]]]:
    runs = {"employment without a profile": evaluate_employment(False), "employment with a profile": evaluate_employment(True),
            "coworkers": evaluate_coworkers(), "pattern_of_life": evaluate_pattern_of_life()}
    speech = {name: evaluate_speech(name) for name in SPEECH_CHECKS if speech_items(name, "test")}
    runs.update(speech)
    generic, profiled = runs["employment without a profile"][0], runs["employment with a profile"][0]
    names, places = runs["coworkers"][0], runs["pattern_of_life"][0]
    split = ("texts of the frozen test split (written separately, in other voices, from the training texts; "
             "see evaluation/data/DATASHEET.md)")
    figures = {
        "employment": {**generic.figures(), "measured_on": f"{generic.total} {split}, audited without an agency profile",
                       "with_profile": {**profiled.figures(),
                                        "measured_on": f"{profiled.total} {split}, audited with the author's agency profile"}},
        "coworkers": {**names.figures(), "measured_on": f"{names.total} roster-match cases of the frozen test split "
                                                         "(tags, handles and names in text)"},
        "geotags": {"precision": None, "recall": None,
                    "measured_on": "reads stored coordinates exactly; cross-checked against ExifTool in the tests"},
        "pattern_of_life": {"precision": places.precision, "recall": places.recall,
                            "measured_on": f"home and workplace of {PERSONAS} simulated people (full location history down "
                                           "to a few photos; day and night shifts; station known or not)"},
        **{name: {**score.figures(), "measured_on": f"{score.total} {split.replace('texts of the frozen', 'texts of the frozen speech')}"}
           for name, (score, _) in speech.items()},
        "privacy_settings": {"precision": None, "recall": None,
                             "measured_on": "reports settings as the export records them; offduty infers nothing here"},
        "platform_places": {"precision": None, "recall": None,
                            "measured_on": "reports the platforms' own home/work labels; offduty infers nothing here"},
    }
    figures.update(imagery_figures())
    return figures, runs


def imagery_figures() -> dict:
    """The imagery checks' figures, measured on the frozen imagery test split by `make eval-imagery` (minutes of
    image processing, so they are read from its output here rather than measured again)."""
    from .imagery.evaluate import FIGURES_FILE

    if not FIGURES_FILE.is_file():
        return {}
    stored = yaml.safe_load(FIGURES_FILE.read_text(encoding="utf-8")) or {}
    keep = ("precision", "recall", "f1", "cases", "measured_on")
    return {name: {key: entry[key] for key in keep if key in entry} for name, entry in stored.items() if name != "vehicle"}


def main(argv: list[str]) -> int:
    figures, runs = measure()
    text = HEADER + yaml.safe_dump(figures, sort_keys=True, allow_unicode=True)
    if "--check" in argv:
        current = ACCURACY_FILE.read_text(encoding="utf-8") if ACCURACY_FILE.exists() else ""
        return 0 if current == text else 1
    for name, (score, errors) in runs.items():
        print(f"{name}: precision {score.precision:.3f}, recall {score.recall:.3f}, F1 {score.f1:.3f} on {score.total}")
        print(score.table())
        for line in errors[:400] if "-v" in argv else []:
            print("   ", line)
    ACCURACY_FILE.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
