"""Location metadata throughput: offduty against ExifTool, measured in the same run on the same files.

    python benchmarks/location_bench.py                 # 2,000 JPEG + 100 HEIC + 100 MP4/MOV, built here
    python benchmarks/location_bench.py --dir PHOTOS    # or an existing folder

Prints files/s for both, their ratio, and whether both found the same coordinates (within 1e-5°).
ExifTool runs once over the folder with `-n -fast2 -GPSLatitude -GPSLongitude -r`, the way one would
use it for this job. This is a benchmark script, not a test: nothing here asserts a speed.
"""

from __future__ import annotations

import argparse
import random
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from auditor.pipeline import read_inputs  # noqa: E402
from samplegen import builders  # noqa: E402


def build_folder(folder: Path, jpegs: int, heics: int, videos: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    start = datetime(2024, 1, 1, tzinfo=timezone.utc)
    heic_template = None
    for index in range(jpegs):
        lat, lon = rng.uniform(-60, 70), rng.uniform(-170, 170)
        data = builders.jpeg(lat, lon, start + timedelta(minutes=index), "Apple", "iPhone 13", size=(320, 240))
        (folder / f"IMG_{index:05d}.JPG").write_bytes(data)
    for index in range(heics):
        lat, lon = rng.uniform(-60, 70), rng.uniform(-170, 170)
        heic_template = builders.heic(lat, lon, start + timedelta(hours=index), size=(320, 240))
        (folder / f"HEIC_{index:05d}.HEIC").write_bytes(heic_template)
    for index in range(videos):
        lat, lon = rng.uniform(-60, 70), rng.uniform(-170, 170)
        style = "apple" if index % 2 else "android"
        suffix = "MOV" if style == "apple" else "mp4"
        (folder / f"VID_{index:05d}.{suffix}").write_bytes(builders.mp4(lat, lon, style, payload_bytes=200_000))


def offduty_coordinates(folder: Path) -> tuple[dict[str, tuple[float, float] | None], float]:
    started = time.perf_counter()
    read = read_inputs([folder])
    items, ledger = read.items, read.ledger
    elapsed = time.perf_counter() - started
    found: dict[str, tuple[float, float] | None] = {o.path: None for o in ledger}
    for item in items:
        points = [p for p in item.geopoints if p.source in ("exif", "video", "xmp")]
        found[item.source.path] = (points[0].lat, points[0].lon) if points else None
    return found, elapsed


def exiftool_coordinates(folder: Path, exiftool: str, speed: str = "-fast2") -> tuple[dict[str, tuple[float, float] | None], float]:
    started = time.perf_counter()
    flags = [speed] if speed else []
    out = subprocess.run([exiftool, "-n", *flags, "-T", "-r", "-filename", "-directory", "-GPSLatitude", "-GPSLongitude",
                          str(folder)], capture_output=True, text=True, check=False).stdout
    elapsed = time.perf_counter() - started
    found: dict[str, tuple[float, float] | None] = {}
    for line in out.splitlines():
        name, directory, lat, lon = line.split("\t")
        relative = (Path(directory) / name).relative_to(folder).as_posix()
        found[relative] = (float(lat), float(lon)) if "-" not in (lat, lon) else None
    return found, elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, help="an existing folder of photos and videos (default: build one)")
    parser.add_argument("--jpeg", type=int, default=2000)
    parser.add_argument("--heic", type=int, default=100)
    parser.add_argument("--video", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=3, help="runs of each tool; the best is kept")
    args = parser.parse_args()
    exiftool = shutil.which("exiftool")
    if not exiftool:
        print("ExifTool is not installed (Debian: libimage-exiftool-perl); it is the reference for this benchmark.")
        return 2
    workdir = None
    folder = args.dir
    if folder is None:
        workdir = tempfile.TemporaryDirectory(prefix="offduty-bench-")
        folder = Path(workdir.name)
        print(f"Building {args.jpeg} JPEG, {args.heic} HEIC and {args.video} MP4/MOV files with GPS in {folder} ...")
        build_folder(folder, args.jpeg, args.heic, args.video)
    files = sum(1 for p in folder.rglob("*") if p.is_file())
    ours, theirs = None, None
    our_best = their_best = float("inf")
    for _ in range(args.repeat):
        ours, elapsed = offduty_coordinates(folder)
        our_best = min(our_best, elapsed)
        theirs, elapsed = exiftool_coordinates(folder, exiftool)
        their_best = min(their_best, elapsed)
    assert ours is not None and theirs is not None
    def differ(reference: dict[str, tuple[float, float] | None]) -> list[str]:
        return [path for path in reference if (reference[path] is None) != (ours.get(path) is None) or (
            reference[path] and ours.get(path) and max(abs(a - b) for a, b in zip(reference[path], ours[path])) > 1e-5)]

    disagreements = differ(theirs)
    version = subprocess.run([exiftool, "-ver"], capture_output=True, text=True).stdout.strip()
    print(f"files:             {files}")
    print(f"offduty:           {our_best:.3f} s  ({files / our_best:,.0f} files/s, whole connector path, one process)")
    print(f"ExifTool {version:<8} {their_best:.3f} s  ({files / their_best:,.0f} files/s, -n -fast2 -GPSLatitude -GPSLongitude -r)")
    print(f"ratio:             {their_best / our_best:.1f}x ExifTool's throughput")
    print(f"same coordinates:  {'yes' if not disagreements else 'no'} ({len(theirs) - len(disagreements)}/{len(theirs)} files agree)")
    if disagreements:
        # -fast2 stops at a video's mdat box, so it misses a location stored after it (as many phones write).
        full, full_time = exiftool_coordinates(folder, exiftool, speed="")
        remaining = differ(full)
        missed = [p for p in disagreements if theirs[p] is None and full.get(p) is not None]
        print(f"  of those, {len(missed)} are locations ExifTool -fast2 did not reach (stored after the video data);")
        print(f"  against ExifTool's full read ({files / full_time:,.0f} files/s, ratio {full_time / our_best:.1f}x): "
              f"{len(full) - len(remaining)}/{len(full)} files agree"
              f"{'' if not remaining else ', differences: ' + ', '.join(remaining[:5])}")
        disagreements = remaining
    if workdir:
        workdir.cleanup()
    return 0 if not disagreements else 1


if __name__ == "__main__":
    sys.exit(main())
