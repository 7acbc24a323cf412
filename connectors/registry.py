"""The connector registry: built-in connectors register themselves; an agency or a contributor can
add one from another package through the `offduty.connectors` entry-point group."""

from __future__ import annotations

import importlib
from importlib.metadata import entry_points

from .base import Connector

BUILTIN_MODULES = ("facebook", "instagram", "x_twitter", "linkedin", "mastodon", "google_takeout", "snapchat", "tiktok",
                   "reddit", "photos")

_REGISTRY: dict[str, Connector] = {}
_loaded = False


def register(cls: type[Connector]) -> type[Connector]:
    instance = cls()
    if not instance.name:
        raise ValueError(f"{cls.__name__} has no name")
    _REGISTRY[instance.name] = instance
    return cls


def all_connectors() -> dict[str, Connector]:
    global _loaded
    if not _loaded:
        for module in BUILTIN_MODULES:
            importlib.import_module(f"connectors.{module}")
        for entry in entry_points(group="offduty.connectors"):
            register(entry.load())
        _loaded = True
    return dict(_REGISTRY)


def get(name: str) -> Connector:
    return all_connectors()[name]
