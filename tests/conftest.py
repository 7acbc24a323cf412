"""Shared fixtures: where the real public sample exports live, and small export builders."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

import pytest

from auditor.cache import ResultCache
from auditor.model import Account, FileOutcome, Item, LocationPoint
from connectors import PlannedInput, ReadSession, Workspace, discover_inputs

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


@pytest.fixture(autouse=True)
def private_cache(tmp_path_factory, monkeypatch):
    """Tests never touch the real user's result cache."""
    monkeypatch.setenv("OFFDUTY_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))


@dataclass
class ExportRead:
    """What one connector read from one export. Unpacks as (accounts, items, ledger) for brevity;
    the location trail's points are in `locations`, and media can be opened through `workspace`."""

    accounts: list[Account] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    ledger: list[FileOutcome] = field(default_factory=list)
    locations: list[LocationPoint] = field(default_factory=list)
    workspace: Workspace = field(default_factory=Workspace)

    def __iter__(self) -> Iterator[list]:
        return iter((self.accounts, self.items, self.ledger))


def read_export(path: Path, jobs: int = 1, cache: ResultCache | None = None) -> ExportRead:
    """Run discovery and the chosen connector on one path."""
    read = ExportRead()
    plans = discover_inputs([path], read.workspace)
    plan = plans[0]  # an export holding another export in a subfolder plans that one separately
    assert isinstance(plan, PlannedInput) and plan.path == path, plans
    for record in plan.connector.read(plan.source, plan.prefix, ReadSession(read.workspace, jobs=jobs, cache=cache)):
        if isinstance(record, FileOutcome):
            read.ledger.append(record)
        elif isinstance(record, Item):
            read.items.append(record)
        elif isinstance(record, LocationPoint):
            read.locations.append(record)
        else:
            read.accounts.append(record)
    return read


def by_path(items: list[Item], path: str) -> list[Item]:
    return [i for i in items if i.source.path == path]


def outcome(ledger: list[FileOutcome], path: str) -> FileOutcome:
    matches = [o for o in ledger if o.path == path]
    assert len(matches) == 1, f"{path}: {matches}"
    return matches[0]
