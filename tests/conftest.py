"""Shared fixtures: where the real public sample exports live, and small export builders."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from auditor.model import FileOutcome, Item
from connectors import PlannedInput, discover_inputs

REPO = Path(__file__).resolve().parents[1]
REAL_EXPORTS = REPO.parent / "shared" / "real_exports"
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


@pytest.fixture(scope="session")
def real_exports() -> Path:
    if not REAL_EXPORTS.is_dir():
        pytest.skip("../shared/real_exports is not beside this checkout")
    return REAL_EXPORTS


def require_tool(name: str) -> str:
    """The path of a test-only command-line tool; skips (or fails in CI) when it is missing."""
    found = shutil.which(name)
    if found:
        return found
    if IN_CI:
        pytest.fail(f"{name} must be installed in CI (make test installs it when run as root)")
    pytest.skip(f"{name} is not installed; run `make test` as root to install it")


def read_export(path: Path) -> tuple[list, list[Item], list[FileOutcome]]:
    """Run discovery and the chosen connector on one path: (accounts, items, ledger)."""
    plans = discover_inputs([path])
    plan = plans[0]  # an export holding another export in a subfolder plans that one separately
    assert isinstance(plan, PlannedInput) and plan.path == path, plans
    accounts, items, ledger = [], [], []
    try:
        for record in plan.connector.read(plan.source, plan.prefix):
            if isinstance(record, FileOutcome):
                ledger.append(record)
            elif isinstance(record, Item):
                items.append(record)
            else:
                accounts.append(record)
    finally:
        plan.source.close()
    return accounts, items, ledger


def by_path(items: list[Item], path: str) -> list[Item]:
    return [i for i in items if i.source.path == path]


def outcome(ledger: list[FileOutcome], path: str) -> FileOutcome:
    matches = [o for o in ledger if o.path == path]
    assert len(matches) == 1, f"{path}: {matches}"
    return matches[0]
