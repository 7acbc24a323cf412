"""Build the frozen imagery test set.

    python -m evaluation.imagery.test_split.build --out DIR [--seed S] [--count N] [--workers W]

Writes DIR/images/<family>/<id>.jpg|png, DIR/labels.jsonl (one object per image, sorted by file),
DIR/references/ with DIR/references.yaml (the test agency's insignia), DIR/agency.yaml and
DIR/manifest.sha256 (every image and reference). The same seed always gives the same labels; image
bytes can differ between library versions (JPEG encoder, resampling), labels cannot.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import numpy as np
import yaml
from PIL import Image

from . import emblems
from .scenes import FAMILIES, LABELS

DEFAULT_SEED = 7411
REFERENCES = [
    ("cvso-badge", "badge", lambda: emblems.cvso_badge(600)),
    ("cvso-patch", "patch", lambda: emblems.cvso_patch(480)),
    ("cvso-logo", "logo", lambda: emblems.cvso_logo(520)),
    ("cvso-livery", "livery", lambda: emblems.cvso_livery(1200)),
]


def plan(count: int | None = None) -> list[tuple[str, int]]:
    """Every (family, instance) pair, interleaved across families so a short run samples all of them."""
    queues = {name: list(range(n)) for name, (n, _) in FAMILIES.items()}
    order: list[tuple[str, int]] = []
    while any(queues.values()):
        for name, queue in queues.items():
            if queue:
                order.append((name, queue.pop(0)))
    return order if count is None else order[:count]


def render(job: tuple[str, int, int, str]) -> dict:
    family, k, seed, out = job
    family_number = list(FAMILIES).index(family)
    choose = np.random.default_rng([seed, family_number, k, 0])
    paint = np.random.default_rng([seed, family_number, k, 1])
    picture = FAMILIES[family][1](k, choose, paint)
    relative = f"images/{family}/{family}-{k:03d}.{picture.extension}"
    path = Path(out) / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    if picture.extension == "png":
        picture.image.save(path, format="PNG", optimize=False)
    else:
        picture.image.save(path, format="JPEG", quality=picture.quality, subsampling=2 if picture.quality < 60 else 0)
    record = {"file": relative, **picture.record}
    record["notes"] = f"{family}; {record['notes']}; {picture.image.width}x{picture.image.height}"
    return record


def write_references(out: Path) -> None:
    folder = out / "references"
    folder.mkdir(parents=True, exist_ok=True)
    listing = []
    for ref_id, kind, draw in REFERENCES:
        art = draw()
        flat = Image.new("RGB", (art.width + 40, art.height + 40), (255, 255, 255))
        flat.paste(art, (20, 20), art)
        flat.save(folder / f"{ref_id}.png", format="PNG")
        listing.append({"id": ref_id, "kind": kind, "path": f"references/{ref_id}.png"})
    (out / "references.yaml").write_text(yaml.safe_dump(listing, sort_keys=False), encoding="utf-8")
    agency = {"agency_names": [emblems.AGENCY_NAME, "Calder Valley County Sheriff"], "abbreviations": [emblems.AGENCY_ABBREVIATION],
              "references": "references.yaml"}
    (out / "agency.yaml").write_text(yaml.safe_dump(agency, sort_keys=False), encoding="utf-8")


def write_manifest(out: Path) -> None:
    lines = []
    for path in sorted(p for folder in ("images", "references") for p in (out / folder).rglob("*") if p.is_file()):
        lines.append(f"{hashlib.sha256(path.read_bytes()).hexdigest()}  {path.relative_to(out).as_posix()}")
    (out / "manifest.sha256").write_text("\n".join(lines) + "\n", encoding="utf-8")


def summary(records: list[dict]) -> str:
    rows = [f"{len(records)} images"]
    for label in LABELS:
        positives = sum(r["labels"][label] for r in records)
        hard = sum(1 for r in records if not r["labels"][label] and f"{label}:" in r["hard_negative"])
        rows.append(f"  {label:<9} positives {positives:>4}   hard negatives {hard:>4}")
    plain = sum(1 for r in records if not any(r["labels"].values()) and not r["hard_negative"])
    rows.append(f"  nothing to find and no look-alike: {plain}")
    return "\n".join(rows)


def build(out: Path, seed: int = DEFAULT_SEED, count: int | None = None, workers: int | None = None) -> list[dict]:
    out.mkdir(parents=True, exist_ok=True)
    jobs = [(family, k, seed, str(out)) for family, k in plan(count)]
    workers = workers or min(2, os.cpu_count() or 1)
    if workers > 1:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            records = list(pool.map(render, jobs, chunksize=4))
    else:
        records = [render(job) for job in jobs]
    records.sort(key=lambda r: r["file"])
    with (out / "labels.jsonl").open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, sort_keys=False) + "\n")
    write_references(out)
    write_manifest(out)
    return records


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the frozen, synthetic imagery test set.")
    parser.add_argument("--out", type=Path, required=True, help="folder to write images, labels and references into")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="random seed (the frozen set uses the default)")
    parser.add_argument("--count", type=int, default=None, help="build only the first N images of the plan (for quick checks)")
    parser.add_argument("--workers", type=int, default=None, help="processes to use (default: up to 2)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    records = build(args.out, args.seed, args.count, args.workers)
    print(summary(records))
    print(f"written to {args.out} in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
