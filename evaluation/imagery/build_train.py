"""Build the TRAINING / development image set for the imagery checks (never the frozen test set).

    python -m evaluation.imagery.build_train --out DIR [--count 600] [--seed 7] [--workers 2]

Writes DIR/images/<scene>/<n>.jpg|png, DIR/labels.jsonl (schema: evaluation/imagery/labels.py),
DIR/references/*.png (the invented training agency's patches, badge, logo and livery, drawn by code) and
DIR/references.yaml, then prints a table of label counts. Every picture is a composite of drawings and
real photographs that ship inside scikit-image and matplotlib; see evaluation/imagery/README.md.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections import Counter
from multiprocessing import get_context
from pathlib import Path

import cv2
import numpy as np
import yaml
from PIL import Image

from evaluation.imagery.labels import LABEL_NAMES, ImageLabels, validate, write_labels
from evaluation.imagery.train_parts import insignia
from evaluation.imagery.train_parts.canvas import AGENCY_ABBREVIATION, AGENCY_NAME, Kind, Layer
from evaluation.imagery.train_parts.scenes import SCENES

MIN_LONG_SIDE = 640
# Long sides seen in exports (Instagram 1080, Facebook 960 to 2048, phone screenshots 1280 to 2000).
LONG_SIDES = (720, 800, 960, 1080, 1080, 1280, 1440, 1600, 2000)


def plan(count: int, seed: int) -> list[str]:
    """Which scene each image shows: counts in proportion to the weights (largest remainder), order shuffled."""
    total = sum(weight for _, weight in SCENES.values())
    exact = {name: count * weight / total for name, (_, weight) in SCENES.items()}
    counts = {name: int(share) for name, share in exact.items()}
    for name in sorted(exact, key=lambda n: counts[n] - exact[n])[: count - sum(counts.values())]:
        counts[name] += 1
    kinds = [name for name, number in counts.items() for _ in range(number)]
    np.random.default_rng([seed, 0xC0FFEE]).shuffle(kinds)
    return kinds


def finish(scene: Layer, rng: np.random.Generator) -> tuple[Image.Image, float, list[str]]:
    """Light, blur, noise and an occasional downscale, as a phone and a re-share would. Returns the factor."""
    notes = []
    picture = scene.flatten()
    gain = rng.uniform(0.75, 1.2) * rng.uniform(0.94, 1.06, size=3)
    gamma = rng.uniform(0.8, 1.25)
    ramp = np.arange(256, dtype=np.float32) / 255.0
    tables = [np.clip(ramp ** gamma * channel_gain * 255, 0, 255).astype(np.uint8) for channel_gain in gain]
    picture = picture.point(np.concatenate(tables).tolist())
    if rng.random() < 0.4:  # sensor noise, drawn at half resolution to keep the build fast
        noise = np.empty(((picture.height + 1) // 2, (picture.width + 1) // 2, 3), np.int16)
        cv2.setRNGSeed(int(rng.integers(0, 2**31)))
        cv2.randn(noise, 0, float(rng.uniform(2, 7)))
        noise = cv2.resize(noise, picture.size, interpolation=cv2.INTER_NEAREST)
        picture = Image.fromarray(np.clip(np.asarray(picture, np.int16) + noise, 0, 255).astype(np.uint8))
    roll = rng.random()
    if roll < 0.35:
        radius = float(rng.uniform(0.4, 1.3))
        picture = Image.fromarray(cv2.GaussianBlur(np.asarray(picture), (0, 0), radius))
        if radius > 1.0:
            notes.append(f"blurred (sigma {radius:.1f} px)")
    elif roll < 0.43:
        length = int(rng.integers(3, 8))
        kernel = np.zeros((length, length), np.float32)
        kernel[length // 2, :] = 1.0 / length
        picture = Image.fromarray(cv2.filter2D(np.asarray(picture), -1, kernel))
        notes.append(f"motion blur ({length} px)")
    factor = 1.0
    if rng.random() < 0.2 and max(picture.size) * 0.6 >= MIN_LONG_SIDE:
        factor = float(rng.uniform(0.6, 0.9))
        picture = picture.resize((round(picture.width * factor), round(picture.height * factor)), Image.LANCZOS)
        notes.append(f"downscaled x{factor:.2f}")
    return picture, factor, notes


def labels_from(scene: Layer, file: str, hard_negative: str, factor: float, notes: list[str]) -> ImageLabels:
    """The labels follow from the marks that are large enough in final pixels (thresholds on Kind)."""
    counted: dict[Kind, list[tuple[str, float]]] = {kind: [] for kind in Kind}
    notes = list(notes)
    for mark in scene.marks:
        size = mark.size * factor
        if size >= mark.kind.min_size:
            counted[mark.kind].append((mark.value, size))
        if 0.8 * mark.kind.min_size <= size < 1.25 * mark.kind.min_size:
            notes.append(f"borderline {mark.kind.label} {mark.value} ({size:.0f} px)")
    words = tuple(sorted({word for word, _ in counted[Kind.WORD]}))
    insignia_seen = sorted(counted[Kind.INSIGNIA], key=lambda pair: -pair[1])
    if len({ref for ref, _ in insignia_seen}) > 1:
        notes.append("also visible: " + ", ".join(sorted({ref for ref, _ in insignia_seen[1:]} - {insignia_seen[0][0]})))
    notes += scene.notes
    return ImageLabels(
        file=file, le_text=bool(words), insignia=bool(insignia_seen), face=bool(counted[Kind.FACE]),
        uniform=bool(counted[Kind.UNIFORM]), vehicle=bool(counted[Kind.VEHICLE]), document=bool(counted[Kind.DOCUMENT]),
        explicit=False, le_words=words, insignia_ref=insignia_seen[0][0] if insignia_seen else None,
        faces=len(counted[Kind.FACE]), hard_negative=hard_negative, notes="; ".join(dict.fromkeys(notes)))


def build_one(job: tuple[int, str, int, str]) -> ImageLabels:
    index, kind, seed, out = job
    rng = np.random.default_rng([seed, index])
    long_side = int(float(rng.choice(LONG_SIDES)) * rng.uniform(0.95, 1.05))
    builder, _ = SCENES[kind]
    scene, hard_negative = builder(rng, long_side)
    picture, factor, notes = finish(scene, rng)
    as_png = rng.random() < (0.6 if kind.endswith("document") else 0.15)
    file = f"images/{kind}/{index:04d}.{'png' if as_png else 'jpg'}"
    path = Path(out) / file
    path.parent.mkdir(parents=True, exist_ok=True)
    if as_png:
        picture.save(path, compress_level=3)
    else:
        picture.save(path, quality=int(rng.integers(55, 96)))
    return labels_from(scene, file, hard_negative, factor, notes)


def write_references(out: Path) -> None:
    folder = out / "references"
    folder.mkdir(parents=True, exist_ok=True)
    entries = []
    for reference in insignia.REFERENCES:
        reference.layer().image.save(folder / f"{reference.id}.png")
        entries.append({"id": reference.id, "kind": reference.kind, "path": f"references/{reference.id}.png"})
    document = {"agency": {"name": AGENCY_NAME, "abbreviations": [AGENCY_ABBREVIATION]},
                "note": "Invented training agency; images drawn by code, transparent outside the shape (use alpha as a mask).",
                "references": entries}
    (out / "references.yaml").write_text(yaml.safe_dump(document, sort_keys=False), encoding="utf-8")


def build(out: Path, count: int = 600, seed: int = 7, workers: int = 2) -> list[ImageLabels]:
    out.mkdir(parents=True, exist_ok=True)
    write_references(out)
    jobs = [(index, kind, seed, str(out)) for index, kind in enumerate(plan(count, seed))]
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    if workers > 1 and count > 8:
        with get_context("spawn").Pool(workers) as pool:
            items = list(pool.imap(build_one, jobs, chunksize=4))
    else:
        items = [build_one(job) for job in jobs]
    write_labels(out / "labels.jsonl", items)
    return items


def summary(items: list[ImageLabels]) -> str:
    lines = [f"{'label':<22}{'true':>6}{'false':>7}", "-" * 35]
    for name in LABEL_NAMES:
        true = sum(getattr(item, name) for item in items)
        lines.append(f"{name:<22}{true:>6}{len(items) - true:>7}")
    lines.append(f"{'hard negatives':<22}{sum(bool(item.hard_negative) for item in items):>6}")
    lines.append(f"{'no label at all':<22}{sum(not any(getattr(i, n) for n in LABEL_NAMES) for i in items):>6}")
    lines += ["", f"{'scene':<22}{'images':>6}", "-" * 28]
    for scene, number in sorted(Counter(item.file.split('/')[1] for item in items).items()):
        lines.append(f"{scene:<22}{number:>6}")
    lines += ["", f"{'le_word':<22}{'images':>6}", "-" * 28]
    for word, number in Counter(word for item in items for word in item.le_words).most_common():
        lines.append(f"{word:<22}{number:>6}")
    lines += ["", f"{'insignia_ref':<22}{'images':>6}", "-" * 28]
    for ref, number in Counter(item.insignia_ref for item in items if item.insignia_ref).most_common():
        lines.append(f"{ref:<22}{number:>6}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, required=True, help="folder to write images/, labels.jsonl and references/ to")
    parser.add_argument("--count", type=int, default=600, help="number of images (default 600)")
    parser.add_argument("--seed", type=int, default=7, help="random seed; the same seed gives the same set")
    parser.add_argument("--workers", type=int, default=min(2, os.cpu_count() or 1), help="processes (default 2)")
    args = parser.parse_args(argv)
    if args.count < 1:
        parser.error("--count must be 1 or more")
    started = time.perf_counter()
    items = build(args.out, args.count, args.seed, args.workers)
    print(summary(items))
    problems = validate(args.out)
    print(f"\n{len(items)} images in {time.perf_counter() - started:.1f} s -> {args.out}")
    for problem in problems:
        print("PROBLEM:", problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
