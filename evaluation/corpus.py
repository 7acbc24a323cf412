"""The labelled corpus: loading it, and turning an item's agency block into an agency profile.

Layout (see evaluation/data/DATASHEET.md): employment/train/*.jsonl and employment/test/*.jsonl,
coworkers/train.jsonl and coworkers/test.jsonl. The test files are frozen: nothing is tuned on them.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from auditor.profile import AgencyProfile

DATA = Path(__file__).resolve().parent / "data"


def load_jsonl(paths: list[Path]) -> list[dict[str, Any]]:
    items = []
    for path in sorted(paths):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                try:
                    items.append(json.loads(line))
                except json.JSONDecodeError as exc:
                    raise SystemExit(f"{path}:{number}: {exc}") from exc
    return items


def employment(split: str) -> list[dict[str, Any]]:
    return load_jsonl(list((DATA / "employment" / split).glob("*.jsonl")))


def coworkers(split: str) -> list[dict[str, Any]]:
    return load_jsonl([DATA / "coworkers" / f"{split}.jsonl"])


@lru_cache(maxsize=None)
def _profile(name: str, aliases: tuple[str, ...], abbreviations: tuple[str, ...]) -> AgencyProfile:
    return AgencyProfile(agency_names=[n for n in (name, *aliases) if n], abbreviations=list(abbreviations))


def agency_profile(item: dict[str, Any]) -> AgencyProfile:
    """The profile the account owner of this item would have written."""
    agency = item.get("agency") or {}
    return _profile(str(agency.get("name", "")), tuple(agency.get("aliases") or ()), tuple(agency.get("abbreviations") or ()))
