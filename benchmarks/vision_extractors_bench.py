"""Speed and memory of the vision extractors, one process, on real photos that ship with scikit-image and matplotlib.

    python benchmarks/vision_extractors_bench.py                  # 1,600 px photos, one thread per model
    python benchmarks/vision_extractors_bench.py --side 1024 --threads 2

For each extractor: the time to load its model (first call), then the median and 90th percentile time per
photo, as wall-clock and as this process's CPU time (on a busy machine the CPU time is the steadier
figure), and finally the peak resident memory with every model loaded. The scene model is timed twice:
building its ONNX graph from the PyTorch weights (empty cache), then loading the cached graph.
This is a benchmark script, not a test: nothing here asserts a speed.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np  # noqa: E402


def photos(side: int) -> list[tuple[str, np.ndarray]]:
    import matplotlib.cbook
    from PIL import Image
    from skimage import data

    named = {name: getattr(data, name)() for name in ("astronaut", "coffee", "chelsea", "rocket", "camera")}
    named["motorcycle"] = data.stereo_motorcycle()[0]
    with Image.open(matplotlib.cbook.get_sample_data("grace_hopper.jpg", asfileobj=False)) as opened:
        named["grace_hopper"] = np.asarray(opened.convert("RGB"))
    out = []
    for name, array in named.items():
        if array.ndim == 2:
            array = np.stack([array] * 3, axis=-1)
        picture = Image.fromarray(np.ascontiguousarray(array[:, :, :3]))
        factor = side / max(picture.size)
        picture = picture.resize((round(picture.width * factor), round(picture.height * factor)), Image.Resampling.LANCZOS)
        out.append((name, np.asarray(picture)))
    return out


def timed(call) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    call()
    return time.perf_counter() - wall, time.process_time() - cpu


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--side", type=int, default=1600, help="long side of the photos handed to the extractors")
    parser.add_argument("--threads", type=int, default=1, help="threads per model (the imagery stage uses 1 per process)")
    parser.add_argument("--repeat", type=int, default=3, help="passes over the photos")
    args = parser.parse_args()

    os.environ["OFFDUTY_CACHE_DIR"] = tempfile.mkdtemp(prefix="offduty-bench-")
    from imagery import explicit, faces, insignia, models, ocr, scene
    from imagery.types import InsigniaKind

    models.set_threads(args.threads)
    images = photos(args.side)
    print(f"{len(images)} photos at {args.side} px, {args.threads} thread(s), {os.cpu_count()} cores, "
          f"load average {os.getloadavg()[0]:.1f}; peak RSS before models {rss_mb():.0f} MB")

    first = images[0][1]
    height, width = first.shape[:2]
    centre = first[height // 4 : 3 * height // 4, width // 4 : 3 * width // 4]
    reference = insignia.ReferenceImage("crop", InsigniaKind.LOGO, np.ascontiguousarray(centre))
    prepared: list = []
    extractors = {
        "ocr (read_text)": (ocr._models, lambda image: ocr.read_text_scan(image, time_budget_s=60)),
        "faces (YuNet)": (faces._detector, faces.find_faces),
        "explicit (NudeNet)": (explicit._session, explicit.scan_body_parts),
        "scene (EfficientNet-Lite0)": (scene._session, scene.classify_scene),
        "insignia (SIFT, 1 reference)": (lambda: prepared.extend(insignia.prepare_references([reference])),
                                         lambda image: insignia.match_references(image, prepared)),
    }
    print(f"{'extractor':30} {'load s':>7} {'median ms':>10} {'p90 ms':>7} {'CPU median ms':>14}")
    for name, (load, run) in extractors.items():
        load_wall, _ = timed(load)
        run(images[0][1])  # warm-up: first inference allocates
        walls, cpus = [], []
        for _ in range(args.repeat):
            for _photo, image in images:
                wall, cpu = timed(lambda: run(image))
                walls.append(wall * 1000)
                cpus.append(cpu * 1000)
        p90 = sorted(walls)[int(0.9 * (len(walls) - 1))]
        print(f"{name:30} {load_wall:7.2f} {statistics.median(walls):10.0f} {p90:7.0f} {statistics.median(cpus):14.0f}")

    scene._session.forget()
    cached_wall, _ = timed(scene._session)
    print(f"scene model from the cached ONNX graph: {cached_wall:.2f} s (first load above built it from the .pth)")
    print(f"peak RSS with every model loaded: {rss_mb():.0f} MB; load average now {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
