"""Decide, for each path the user gave, which export it is and which connector reads it.

A path may be an export (folder or archive), a folder of photos, a single photo, or a folder that
holds several exports (e.g. everything downloaded into one place): then each export in it is an input.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .base import Connector
from .registry import all_connectors
from .sources import ExportSource, SingleFileSource, SourceError, is_archive, open_source
from .text import is_image, is_video

PLATFORM_THRESHOLD = 0.5
FALLBACK = "photos"  # claims any media files when no platform recognises the tree
MAX_CONTAINER_DEPTH = 2


@dataclass
class PlannedInput:
    path: Path
    source: ExportSource
    connector: Connector
    prefix: str
    confidence: float


@dataclass
class RejectedInput:
    path: Path
    reason: str


def best_platform(members: list[str]) -> tuple[Connector | None, float, str]:
    best: tuple[Connector | None, float, str] = (None, 0.0, "")
    for connector in all_connectors().values():
        if connector.name == FALLBACK:
            continue
        score, prefix = connector.detect(members)
        if score > best[1]:
            best = (connector, score, prefix)
    return best


def _plan_one(path: Path, depth: int) -> list[PlannedInput | RejectedInput]:
    try:
        source = open_source(path)
        members = source.members()
    except SourceError as exc:
        return [RejectedInput(path, str(exc))]
    except OSError as exc:
        return [RejectedInput(path, f"it could not be opened ({exc.strerror or exc})")]
    if not members:
        source.close()
        return [RejectedInput(path, "it is empty")]
    connector, score, prefix = best_platform(members)
    recognised = connector is not None and score >= PLATFORM_THRESHOLD
    # A folder whose export sits one level down is a container: its children are the inputs (this
    # also covers a folder holding several exports). Archives keep their wrapping folder.
    if recognised and (prefix == "" or not path.is_dir()):
        return [PlannedInput(path, source, connector, prefix, score)]  # type: ignore[arg-type]
    if path.is_dir() and depth < MAX_CONTAINER_DEPTH:
        children = _container_children(path)
        if children:
            source.close()
            plans: list[PlannedInput | RejectedInput] = []
            for child in children:
                plans.extend(_plan_one(child, depth + 1))
            return plans
    if recognised:
        return [PlannedInput(path, source, connector, prefix, score)]  # type: ignore[arg-type]
    if any(is_image(m) or is_video(m) for m in members):
        return [PlannedInput(path, source, all_connectors()[FALLBACK], "", 0.2)]
    source.close()
    if isinstance(source, SingleFileSource):
        return [RejectedInput(path, "offduty does not know this kind of file on its own; give the whole export folder or archive")]
    return [RejectedInput(path, "offduty does not recognise this as a data export of any platform it reads")]


def _container_children(path: Path) -> list[Path]:
    """Children worth auditing one by one, if at least one of them is a platform export."""
    children = [c for c in sorted(path.iterdir()) if not c.name.startswith(".")]
    candidates = [c for c in children if c.is_dir() or is_archive(c)]
    for child in candidates:
        try:
            with open_source(child) as source:
                connector, score, _ = best_platform(source.members())
        except (SourceError, OSError):
            continue
        if connector is not None and score >= PLATFORM_THRESHOLD:
            return children
    return []


def discover_inputs(paths: list[Path]) -> list[PlannedInput | RejectedInput]:
    plans: list[PlannedInput | RejectedInput] = []
    for path in paths:
        plans.extend(_plan_one(path, 0))
    return plans
