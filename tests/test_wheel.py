"""The installed package is the product: a wheel built from this checkout, installed into a fresh
environment, audits the sample exports and runs `offduty doctor` on its own files alone.

No network: the wheel is built without build isolation, installed with --no-index, and the fresh
environment borrows the test environment's dependencies through a .pth file (not its editable
install of offduty: .pth files inside a borrowed folder are not run).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
NOT_SOURCE = (".venv", ".git", "build", "dist", "*.egg-info", "__pycache__", ".pytest_cache", "offduty-report", ".coverage")


def run(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}
    done = subprocess.run([str(a) for a in args], capture_output=True, text=True, cwd=cwd, env=env, timeout=600)
    assert done.returncode == 0, f"{args}\n{done.stdout}\n{done.stderr}"
    return done


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A wheel built from a copy of the checkout, so that no stale build/ folder can slip files into it."""
    work = tmp_path_factory.mktemp("wheel")
    source = work / "source"
    shutil.copytree(REPO, source, ignore=shutil.ignore_patterns(*NOT_SOURCE))
    run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index", "-w", work / "dist", source,
        cwd=work)
    [built] = (work / "dist").glob("offduty-*.whl")
    return built


@pytest.fixture(scope="module")
def fresh_python(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    venv = tmp_path_factory.mktemp("fresh") / "venv"
    run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=venv.parent)
    python = venv / "bin" / "python"
    run(sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "--no-index", wheel, cwd=venv.parent)
    site_packages = Path(run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])", cwd=venv).stdout.strip())
    (site_packages / "offduty-test-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    return python


def test_wheel_holds_the_run_time_data_and_nothing_else(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for folder, pattern in (("auditor/data", "*.yaml"), ("reports/templates", "*")):
        for path in (REPO / folder).glob(pattern):
            assert f"{folder}/{path.name}" in names
    assert "auditor/data/detector-accuracy.yaml" in names and "auditor/data/policy-guideline.yaml" in names
    assert "imagery/data/imagenet-classes.txt" in names
    top_level = {name.split("/", 1)[0] for name in names if "/" in name and ".dist-info/" not in name}
    assert top_level == {"offduty", "auditor", "connectors", "imagery", "reports"}


def test_installed_tool_audits_and_reports_from_its_own_files(fresh_python, tmp_path):
    venv = fresh_python.parent.parent
    where = run(fresh_python, "-c", "import auditor, connectors, imagery, reports; print(auditor.__file__, connectors.__file__, imagery.__file__, reports.__file__)",
                cwd=tmp_path).stdout.split()
    assert all(Path(path).is_relative_to(venv) for path in where), where
    for shipped_separately in ("samplegen", "evaluation"):
        missing = subprocess.run([fresh_python, "-c", f"import {shipped_separately}"], capture_output=True, cwd=tmp_path)
        assert missing.returncode != 0, f"{shipped_separately} must not be installed"

    exports = sorted((REPO / "sample_exports").iterdir())
    run(venv / "bin" / "offduty", "audit", *exports, "--profile", REPO / "samplegen" / "agency-profile.yaml",
        "--out", tmp_path / "report", "--quiet", cwd=tmp_path)
    data = json.loads((tmp_path / "report" / "findings.json").read_text(encoding="utf-8"))
    assert len({f["platform"] for f in data["findings"]}) >= 5 and not data["unreadable"]
    assert any(f["clause"] == "7" and f["remediation"] for f in data["findings"])
    assert "Clause 7" in (tmp_path / "report" / "report.html").read_text(encoding="utf-8")

    assert "offduty" in run(fresh_python, "-m", "offduty", "--version", cwd=tmp_path).stdout
    doctor = run(venv / "bin" / "offduty", "doctor", cwd=tmp_path).stdout
    for name in ("facebook", "x", "photos", "employment", "pattern_of_life"):
        assert name in doctor
    assert "%" in doctor  # measured figures read from the packaged detector-accuracy.yaml


def test_installed_packages_do_not_import_checkout_only_code():
    for package in ("offduty", "auditor", "connectors", "reports"):
        for module in (REPO / package).rglob("*.py"):
            text = module.read_text(encoding="utf-8")
            for name in ("samplegen", "evaluation", "tests", "benchmarks"):
                assert f"import {name}" not in text and f"from {name}" not in text, f"{module} imports {name}"
