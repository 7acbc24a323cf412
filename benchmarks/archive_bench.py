"""Reading the same export as a folder, a .zip and a .tar.gz: seconds for each, in one run.

    python benchmarks/archive_bench.py                  # 1k, 4k and 16k files
    python benchmarks/archive_bench.py --sizes 500 2000 # smaller, for a quick look

The export is Google Takeout-like: photos with GPS in their EXIF, each with a JSON sidecar, packed
with every sidecar *before* its photo (the order that made reading a .tar.gz quadratic). For each
size it prints the seconds per form, microseconds per file (flat when reading grows linearly) and
the tar.gz/zip ratio (target: at most 2). Then, at the largest size, the media pass's two
mechanisms: one worker against every core, and the result cache's first run against a warm run.
A benchmark, not a test: nothing here asserts a speed.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import os
import random
import sys
import tarfile
import tempfile
import time
import zipfile
from datetime import datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from auditor.cache import ResultCache  # noqa: E402
from auditor.parallel import default_jobs  # noqa: E402
from auditor.pipeline import read_inputs  # noqa: E402
from connectors import ReadSession, Workspace  # noqa: E402
from samplegen import builders  # noqa: E402

ALBUM = "Takeout/Google Photos/Photos from 2024/"


def export_files(count: int, seed: int = 11) -> list[tuple[str, bytes]]:
    """`count` files (half photos, half sidecars), sidecars first."""
    rng = random.Random(seed)
    start = datetime(2024, 1, 1, tzinfo=timezone.utc)
    sidecars, photos = [], []
    for index in range(count // 2):
        lat, lon = 38.8 + rng.uniform(-0.2, 0.2), -97.6 + rng.uniform(-0.2, 0.2)
        taken = start + timedelta(minutes=37 * index)
        name = f"IMG_{index:06d}.jpg"
        photos.append((ALBUM + name, builders.jpeg(lat, lon, taken, "Google", "Pixel 8", size=(64, 48))))
        sidecar = {"title": name, "photoTakenTime": {"timestamp": str(int(taken.timestamp()))},
                   "geoData": {"latitude": lat, "longitude": lon, "altitude": 0.0}}
        sidecars.append((ALBUM + name + ".supplemental-metadata.json", json.dumps(sidecar).encode()))
    return sidecars + photos


def write_forms(root: Path, files: list[tuple[str, bytes]]) -> dict[str, Path]:
    folder = root / "takeout-folder"
    for name, data in files:
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    as_zip = root / "takeout-20240101T000000Z-001.zip"
    with zipfile.ZipFile(as_zip, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files:
            archive.writestr(name, data)
    as_tgz = root / "takeout-20240101T000000Z-001.tgz"
    with open(as_tgz, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as compressed:
        with tarfile.open(fileobj=compressed, mode="w") as archive:
            for name, data in files:
                info = tarfile.TarInfo(name)
                info.size, info.mtime = len(data), 1704067200
                archive.addfile(info, io.BytesIO(data))
    return {"folder": folder, "zip": as_zip, "tar.gz": as_tgz}


def timed_read(path: Path, jobs: int = 1, cache: ResultCache | None = None) -> tuple[float, int]:
    started = time.perf_counter()
    with Workspace() as workspace:
        read = read_inputs([path], session=ReadSession(workspace, jobs=jobs, cache=cache))
    elapsed = time.perf_counter() - started
    located = sum(1 for item in read.items if item.geopoints)
    return elapsed, located


def best_of(repeat: int, path: Path, **options: object) -> tuple[float, int]:
    runs = [timed_read(path, **options) for _ in range(repeat)]  # type: ignore[arg-type]
    return min(r[0] for r in runs), runs[0][1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 4000, 16000], help="files per export")
    parser.add_argument("--repeat", type=int, default=2, help="runs of each form; the best is kept")
    args = parser.parse_args()
    worst_ratio = 0.0
    print(f"{'files':>7} {'form':>8} {'seconds':>9} {'µs/file':>9} {'located':>8}")
    with tempfile.TemporaryDirectory(prefix="offduty-archive-bench-") as scratch:
        forms: dict[str, Path] = {}
        for size in args.sizes:
            root = Path(scratch) / str(size)
            root.mkdir()
            forms = write_forms(root, export_files(size))
            seconds = {}
            for form, path in forms.items():
                seconds[form], located = best_of(args.repeat, path)
                print(f"{size:>7} {form:>8} {seconds[form]:>9.2f} {1e6 * seconds[form] / size:>9.0f} {located:>8}")
            ratio = seconds["tar.gz"] / seconds["zip"]
            worst_ratio = max(worst_ratio, ratio)
            print(f"{size:>7} {'tar/zip':>8} {ratio:>9.2f}")
        largest = forms["zip"]
        jobs = default_jobs()
        one, _ = timed_read(largest, jobs=1)
        many, _ = timed_read(largest, jobs=jobs)
        print(f"media pass on {args.sizes[-1]} files (zip): 1 worker {one:.2f} s, {jobs} workers {many:.2f} s")
        cache = ResultCache(Path(scratch) / "cache")
        first, _ = timed_read(largest, jobs=1, cache=cache)
        warm, _ = timed_read(largest, jobs=1, cache=cache)
        print(f"result cache on {args.sizes[-1]} files (zip): first run {first:.2f} s, warm run {warm:.2f} s "
              f"({cache.hits} hits)")
    print(f"worst tar.gz/zip ratio: {worst_ratio:.2f} (target ≤ 2)")
    return 0


if __name__ == "__main__":
    os.environ.setdefault("OFFDUTY_CACHE_DIR", tempfile.mkdtemp(prefix="offduty-bench-cache-"))
    sys.exit(main())
