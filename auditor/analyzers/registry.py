"""The analyzer registry, like the connector one: built-ins plus the `offduty.analyzers` entry points."""

from __future__ import annotations

import importlib
from importlib.metadata import entry_points

from .base import Analyzer

BUILTIN_MODULES = ("employment", "geotags", "coworkers", "platform_places")

_REGISTRY: dict[str, Analyzer] = {}
_loaded = False


def register(cls: type[Analyzer]) -> type[Analyzer]:
    instance = cls()
    _REGISTRY[instance.name] = instance
    return cls


def all_analyzers() -> dict[str, Analyzer]:
    global _loaded
    if not _loaded:
        for module in BUILTIN_MODULES:
            importlib.import_module(f"auditor.analyzers.{module}")
        for entry in entry_points(group="offduty.analyzers"):
            register(entry.load())
        _loaded = True
    return dict(_REGISTRY)
