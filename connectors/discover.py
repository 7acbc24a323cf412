"""Decide, for each path the user gave, which export it is and which connector reads it.

A path may be an export (folder or archive), a folder of photos, a single photo, or a folder that
holds several exports (everything downloaded into one place): then each export in it is an input.
An export that holds another export in a subfolder, or a .zip inside it, gets that one read on its
own. Parts of one export given separately (takeout-…-001.zip, takeout-…-002.zip) are read as one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from auditor.model import FileOutcome, LedgerState

from .base import Connector
from .registry import all_connectors
from .sources import (
    ExportSource,
    FilteredSource,
    FolderSource,
    MultiSource,
    SingleFileSource,
    SourceError,
    Workspace,
    default_workspace,
    is_archive,
    nested_zip,
)
from .text import is_image, is_video

PLATFORM_THRESHOLD = 0.5
FALLBACK = "photos"  # claims any media files when no platform recognises the tree
MAX_DEPTH = 2
MULTIPART = re.compile(r"^(?P<stem>.+?)[-_](?:part)?(?P<part>\d{3}|\d)(?P<ext>\.zip|\.tar\.gz|\.tgz)?$", re.I)


@dataclass
class PlannedInput:
    path: Path
    source: ExportSource
    connector: Connector
    prefix: str
    confidence: float
    notes: list[FileOutcome] = field(default_factory=list)  # ledger lines decided here, not by the connector
    parts: list[Path] = field(default_factory=list)  # every part of a multi-part export, the first being `path`

    @property
    def label(self) -> str:
        if len(self.parts) > 1:
            return f"{self.path} (+ {', '.join(p.name for p in self.parts[1:])})"
        return str(self.path)


@dataclass
class RejectedInput:
    path: Path
    reason: str
    state: LedgerState = LedgerState.COULD_NOT_READ  # or NOT_UNDERSTOOD: a loose file that is no export at all


Plan = PlannedInput | RejectedInput


def best_platform(members: list[str]) -> tuple[Connector | None, float, str]:
    best: tuple[Connector | None, float, str] = (None, 0.0, "")
    for connector in all_connectors().values():
        if connector.name == FALLBACK:
            continue
        score, prefix = connector.detect(members)
        if score > best[1]:
            best = (connector, score, prefix)
    return best


def _recognised(members: list[str], root_only: bool = False) -> tuple[Connector | None, float, str]:
    connector, score, prefix = best_platform(members)
    if connector is None or score < PLATFORM_THRESHOLD or (root_only and prefix):
        return None, 0.0, ""
    return connector, score, prefix


def _plan_path(workspace: Workspace, path: Path, depth: int) -> list[Plan]:
    try:
        source = workspace.open_path(path)
        members = source.members()
    except SourceError as exc:
        return [RejectedInput(path, str(exc))]
    except OSError as exc:
        return [RejectedInput(path, f"it could not be opened ({exc.strerror or exc})")]
    return _plan_source(workspace, path, source, members, depth)


def _plan_source(workspace: Workspace, path: Path, source: ExportSource, members: list[str], depth: int) -> list[Plan]:
    if not members:
        return [RejectedInput(path, "it is empty")]
    is_folder = isinstance(source, FolderSource)
    connector, score, prefix = _recognised(members)
    if connector and prefix and is_folder and depth < MAX_DEPTH:
        connector = None  # a folder whose exports sit one level down: a container, handled below
    if connector is None and is_folder and depth < MAX_DEPTH:
        children = _container_children(workspace, path, depth)
        if children:
            return [plan for child in children for plan in _plan_path(workspace, child, depth + 1)]
    if connector is None:
        nested = [m for m in members if m.lower().endswith(".zip")]
        rest = [m for m in members if m not in nested]
        if nested and depth < MAX_DEPTH and not is_folder and not any(is_image(m) or is_video(m) for m in rest):
            return [p for m in nested for p in _plan_nested(workspace, path, source, m, depth + 1)]
        # With photos beside them, the zips are planned with the photo folder below.
        if any(is_image(m) or is_video(m) for m in members):
            connector, score, prefix = all_connectors()[FALLBACK], 0.2, ""
        elif isinstance(source, SingleFileSource):
            return [RejectedInput(path, "offduty does not know this kind of file on its own; give the whole export folder or archive",
                                  LedgerState.NOT_UNDERSTOOD)]
        else:
            return [RejectedInput(path, "offduty does not recognise this as a data export of any platform it reads")]
    return _with_sub_inputs(workspace, path, source, members, connector, prefix, score, depth)


def _with_sub_inputs(workspace: Workspace, path: Path, source: ExportSource, members: list[str], connector: Connector, prefix: str,
                     score: float, depth: int) -> list[Plan]:
    """The planned input, plus any export in a subfolder nothing in this one claims, plus nested zips."""
    extra: list[Plan] = []
    excluded_dirs: list[str] = []
    notes: list[FileOutcome] = []
    if isinstance(source, FolderSource) and depth < MAX_DEPTH:
        for child in sorted({m.split("/", 1)[0] for m in members if "/" in m}):
            inside = [m for m in members if m.startswith(child + "/")]
            if any(connector.rule_for(m[len(prefix):]) for m in inside if m.startswith(prefix)):
                continue
            if _recognised([m[len(child) + 1:] for m in inside], root_only=True)[0]:
                excluded_dirs.append(child + "/")
                extra.extend(_plan_path(workspace, path / child, depth + 1))
    nested = [m for m in members if m.lower().endswith(".zip") and not m.startswith(tuple(excluded_dirs))]
    for member in nested:
        notes.append(FileOutcome(source.label, member, LedgerState.IGNORED,
                                 reason="a zip inside the export: read as an input of its own"))
        extra.extend(_plan_nested(workspace, path, source, member, depth + 1))
    if excluded_dirs or nested:
        source = FilteredSource(source, excluded_dirs, nested)
    return [PlannedInput(path, source, connector, prefix, score, notes)] + extra


def _plan_nested(workspace: Workspace, path: Path, parent: ExportSource, member: str, depth: int) -> list[Plan]:
    label = Path(f"{path}/{member}")
    try:
        source = nested_zip(workspace, parent, member)
        members = source.members()
    except (SourceError, OSError) as exc:
        return [RejectedInput(label, str(exc) if isinstance(exc, SourceError) else "the zip inside could not be read")]
    return _plan_source(workspace, label, source, members, depth)


def _container_children(workspace: Workspace, path: Path, depth: int = 0) -> list[Path]:
    """The children of a folder worth auditing one by one, if at least one of them is an export
    (or, one level further down, holds exports)."""
    children = [c for c in sorted(path.iterdir()) if not c.name.startswith(".")]
    for child in children:
        if not (child.is_dir() or is_archive(child)):
            continue
        try:
            members = workspace.open_path(child).members()
        except (SourceError, OSError):
            continue
        if _recognised(members, root_only=child.is_dir())[0] is not None:
            return children
        if child.is_dir() and depth + 1 < MAX_DEPTH and _container_children(workspace, child, depth + 1):
            return children
    return []


def _merge_multipart(plans: list[Plan]) -> list[Plan]:
    groups: dict[tuple[str, str], list[PlannedInput]] = {}
    for plan in plans:
        if isinstance(plan, PlannedInput):
            match = MULTIPART.match(plan.path.name)
            if match and not re.search(r"\d{4}-\d{2}$", match.group("stem")):
                groups.setdefault((plan.connector.name, str(plan.path.parent / match.group("stem"))), []).append(plan)
    merged: list[Plan] = []
    consumed: set[int] = set()
    for plan in plans:
        if id(plan) in consumed:
            continue
        group = next((g for g in groups.values() if len(g) > 1 and plan in g), None)
        if group is None:
            merged.append(plan)
            continue
        consumed.update(id(p) for p in group)
        first = group[0]
        source = MultiSource([p.source for p in group])
        merged.append(PlannedInput(first.path, source, first.connector, first.prefix,
                                   max(p.confidence for p in group), [n for p in group for n in p.notes],
                                   [p.path for p in group]))
    return merged


def discover_inputs(paths: list[Path], workspace: Workspace | None = None) -> list[Plan]:
    """A plan for each input. Every source opened belongs to `workspace` (closed by its owner)."""
    workspace = workspace or default_workspace()
    plans: list[Plan] = []
    for path in paths:
        plans.extend(_plan_path(workspace, path, 0))
    return _merge_multipart(plans)
