"""Measure the imagery checks on a labelled image split, with the very extractors and decision functions the audit runs.

    python -m evaluation.imagery.evaluate                      # the training split (thresholds are chosen here)
    python -m evaluation.imagery.evaluate --split test --write # the frozen test split, once; writes FIGURES_FILE

The split is built into a cache folder (default: the user cache's `imagery-eval/<split>`) unless it is there
already, an agency profile is made from its references and agency name, every image goes through the imagery
stage's decode and extractors (in a process pool), and each label is scored against a decision:

- le_text:  photo_text's `text_signal`              - insignia: agency_insignia's `insignia_signal`
- face:     faces_in_photos' `face_signal`           - document: photo_documents' `document_signal`
- uniform:  a face, with police words, the agency's insignia or a uniform-like scene (uniform_context)
- vehicle:  the agency's livery, or police words or the police-van class in a picture ImageNet sees a vehicle in
- explicit: explicit_images' `explicit_signal`; no image of either split is explicit, so only false alarms count.

Extracted features are kept in the cache folder (features.jsonl, keyed by the extractors' versions), so trying
another threshold re-scores in seconds.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import yaml

from auditor.analyzers.agency_insignia import insignia_kinds, insignia_signal
from auditor.analyzers.explicit_images import explicit_signal
from auditor.analyzers.faces_in_photos import face_signal
from auditor.analyzers.photo_documents import document_signal
from auditor.analyzers.photo_text import text_signal
from auditor.analyzers.uniform_context import uniform_signal
from auditor.model import InsigniaKind, MediaRef, SceneClass, VisualFeatures
from auditor.profile import AgencyProfile, Reference
from evaluation.imagery.labels import LABEL_NAMES, ImageLabels, read_labels

FIGURES_FILE = Path(__file__).with_name("figures.yaml")
NUDENET_RECALL = "NudeNet's own tracker reports recall 60.6 % at a 0.2 threshold on an all-explicit set"
# ImageNet classes that mean "a road vehicle is in the picture" (a drawn patrol car lands in these).
VEHICLE_CLASSES = frozenset({"police van", "cab", "minivan", "sports car", "convertible", "limousine", "beach wagon",
                             "jeep", "pickup", "racer", "car wheel", "grille", "moving van", "ambulance", "tow truck",
                             "trailer truck", "passenger car", "golfcart", "go-kart", "minibus", "school bus", "trolleybus",
                             "fire engine", "garbage truck", "recreational vehicle", "car mirror", "streetcar", "Model T"})
POLICE_VAN_MIN = 0.3


def default_cache() -> Path:
    from auditor.cache import cache_dir

    return cache_dir() / "imagery-eval"


def build_split(split: str, folder: Path, workers: int) -> None:
    if (folder / "labels.jsonl").is_file():
        return
    started = time.perf_counter()
    if split == "test":
        from evaluation.imagery.test_split.build import build
        build(folder, workers=workers)
    else:
        from evaluation.imagery.build_train import build as build_train
        build_train(folder, workers=workers)
    print(f"built the {split} split in {time.perf_counter() - started:.0f} s -> {folder}", file=sys.stderr)


def agency_profile(folder: Path) -> AgencyProfile:
    """The split's agency (references.yaml's or agency.yaml's name and abbreviations) with its reference pictures."""
    listing = yaml.safe_load((folder / "references.yaml").read_text(encoding="utf-8")) or {}
    entries = listing.get("references", []) if isinstance(listing, dict) else listing
    agency = listing.get("agency", {}) if isinstance(listing, dict) else {}
    if (folder / "agency.yaml").is_file():
        agency = yaml.safe_load((folder / "agency.yaml").read_text(encoding="utf-8")) or {}
        agency = agency.get("agency", agency)
    names = agency.get("name") or []
    names = [names] if isinstance(names, str) else list(names)
    abbreviations = agency.get("abbreviations") or agency.get("abbreviation") or []
    abbreviations = [abbreviations] if isinstance(abbreviations, str) else list(abbreviations)
    references = []
    for entry in entries:
        path = folder / entry["path"]
        renamed = path.with_name(f"{entry['id']}{path.suffix}")  # the audit names a reference by its file name
        if renamed != path and not renamed.exists():
            renamed.write_bytes(path.read_bytes())
        references.append(Reference(InsigniaKind(entry["kind"]), renamed))
    return AgencyProfile(agency_names=names + list(agency.get("aliases") or []), abbreviations=abbreviations,
                         references=references)


# -- extraction, in workers --------------------------------------------------------------------------------------

_root = Path(".")


def _start(root: str, settings) -> None:
    global _root
    from imagery import stage

    _root = Path(root)
    stage._start_worker({}, None, settings)


def _features(file: str) -> tuple[str, dict]:
    from imagery import codec, stage

    data = (_root / file).read_bytes()
    features, _ = stage._extract(MediaRef("evaluation", file), data)
    values = {name: getattr(features, name) for name in ("width", "height", "problem", "examined_width", "examined_height",
                                                        "examined_by")}
    values.update({name: getattr(features, name) for name in ("text", "text_stopped_early", "faces", "face_detector",
                                                             "body_parts", "body_faces", "scene", "insignia")})
    return file, codec.encode_fields(values)


def extract_all(folder: Path, items: list[ImageLabels], profile: AgencyProfile, workers: int) -> dict[str, VisualFeatures]:
    from auditor.parallel import ordered_map
    from imagery import codec, vision_settings
    from imagery.stage import active_extractors

    settings = vision_settings(profile)
    versions = {e.name: e.cache_version(settings) for e in active_extractors(settings)}
    store = folder / "features.jsonl"
    known: dict[str, dict] = {}
    if store.is_file():
        for line in store.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            if record.get("versions") == versions:
                known[record["file"]] = record["features"]
    missing = [item.file for item in items if item.file not in known]
    started = time.perf_counter()
    with store.open("a", encoding="utf-8") as out:
        for done, (file, values) in enumerate(ordered_map(_features, missing, workers, initializer=_start,
                                                          initargs=(str(folder), settings), chunk_size=2), 1):
            known[file] = values
            out.write(json.dumps({"file": file, "versions": versions, "features": values}) + "\n")
            if done % 50 == 0:
                print(f"  {done}/{len(missing)} images in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    if missing:
        print(f"extracted {len(missing)} images in {time.perf_counter() - started:.0f} s with {workers} worker(s)", file=sys.stderr)
    return {file: VisualFeatures(MediaRef("evaluation", file), **codec.decode_fields(values)) for file, values in known.items()}


# -- decisions and scores ----------------------------------------------------------------------------------------

def vehicle_decision(features: VisualFeatures, profile: AgencyProfile) -> bool:
    if InsigniaKind.LIVERY in insignia_kinds(features):
        return True
    if features.scene is None:
        return False
    if features.scene.probability(SceneClass.POLICE_VAN) >= POLICE_VAN_MIN:
        return True
    sees_vehicle = any(c.name in VEHICLE_CLASSES for c in features.scene.top5)
    return sees_vehicle and text_signal(features, profile) is not None


def uniform_decision(features: VisualFeatures, profile: AgencyProfile) -> bool:
    if face_signal(features) is None:
        return False
    return any(s is not None for s in (text_signal(features, profile), insignia_signal(features, profile), uniform_signal(features)))


DECISIONS: dict[str, Callable[[VisualFeatures, AgencyProfile], bool]] = {
    "le_text": lambda f, p: text_signal(f, p) is not None,
    "insignia": lambda f, p: insignia_signal(f, p) is not None,
    "face": lambda f, p: face_signal(f) is not None,
    "uniform": uniform_decision,
    "vehicle": vehicle_decision,
    "document": lambda f, p: document_signal(f) is not None,
    "explicit": lambda f, p: explicit_signal(f) is not None,
}
CHECK_OF_LABEL = {"le_text": "photo_text", "insignia": "agency_insignia", "face": "faces_in_photos",
                  "document": "photo_documents", "explicit": "explicit_images", "uniform": "uniform_context",
                  "vehicle": "vehicle"}


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p and r else None

    def line(self, label: str) -> str:
        show = lambda v: "  n/a" if v is None else f"{v:.3f}"  # noqa: E731
        return (f"{label:<9} P {show(self.precision)}  R {show(self.recall)}  F1 {show(self.f1)}   "
                f"tp {self.tp:>3}  fp {self.fp:>3}  fn {self.fn:>3}  tn {self.tn:>3}")


def score(items: list[ImageLabels], features: dict[str, VisualFeatures], profile: AgencyProfile) -> dict[str, Score]:
    scores = {label: Score() for label in LABEL_NAMES}
    for item in items:
        seen = features[item.file]
        for label in LABEL_NAMES:
            truth, said = getattr(item, label), DECISIONS[label](seen, profile)
            result = scores[label]
            if truth and said:
                result.tp += 1
            elif said:
                result.fp += 1
                result.errors.append(f"false alarm {label}: {item.file} {item.hard_negative}")
            elif truth:
                result.fn += 1
                result.errors.append(f"missed {label}: {item.file} {item.notes[:100]}")
            else:
                result.tn += 1
    return scores


def figures(scores: dict[str, Score], count: int) -> dict:
    measured_on = (f"{count} synthetic composites of the frozen imagery test split (drawn uniforms, cars, insignia and "
                   "documents with real face crops pasted in; see evaluation/imagery/test_split/README.md), not photographs")
    out = {}
    for label, result in scores.items():
        check = CHECK_OF_LABEL[label]
        entry = {"label": label, "cases": result.tp + result.fn, "images": count,
                 "precision": None if result.precision is None else round(result.precision, 3),
                 "recall": None if result.recall is None else round(result.recall, 3),
                 "f1": None if result.f1 is None else round(result.f1, 3),
                 "false_alarms": result.fp, "measured_on": measured_on}
        if label == "explicit":
            entry.update(precision=None, recall=None, f1=None, measured_on=(
                f"{result.fp} false alarm(s) on {count} synthetic composites with no explicit image (the set has no positives); "
                f"recall not measured here: {NUDENET_RECALL}"))
        if label == "uniform":
            entry["measured_on"] = measured_on + "; a face with police words, the agency's insignia or a uniform-like scene"
        out[check] = entry
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Measure the imagery checks on a labelled split.")
    parser.add_argument("--split", choices=("train", "test"), default="train")
    parser.add_argument("--cache", type=Path, default=None, help="folder for the built split and its extracted features")
    parser.add_argument("--workers", type=int, default=min(2, os.cpu_count() or 1))
    parser.add_argument("--write", action="store_true", help=f"write the figures to {FIGURES_FILE.name} (test split only)")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss and false alarm")
    args = parser.parse_args(argv)
    folder = (args.cache or default_cache()) / args.split
    build_split(args.split, folder, args.workers)
    items = read_labels(folder / "labels.jsonl")
    profile = agency_profile(folder)
    features = extract_all(folder, items, profile, args.workers)
    scores = score(items, features, profile)
    print(f"{args.split} split: {len(items)} images, agency {', '.join(profile.agency_names + profile.abbreviations)}")
    for label, result in scores.items():
        print(result.line(label))
        for line in result.errors if args.verbose else []:
            print("   ", line)
    if args.write:
        if args.split != "test":
            print("--write only records the frozen test split's figures", file=sys.stderr)
            return 2
        FIGURES_FILE.write_text("# Written by `python -m evaluation.imagery.evaluate --split test --write`.\n"
                                + yaml.safe_dump(figures(scores, len(items)), sort_keys=True), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
