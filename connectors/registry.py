"""The connector registry: built-in connectors register themselves; an agency or a contributor can
add one from another package through the `offduty.connectors` entry-point group."""

from __future__ import annotations

from auditor.plugins import Registry

from .base import Connector

BUILTIN_MODULES = ("facebook", "instagram", "x_twitter", "linkedin", "mastodon", "google_takeout", "snapchat", "tiktok",
                   "reddit", "photos")

_REGISTRY: Registry[Connector] = Registry("connectors", BUILTIN_MODULES, "offduty.connectors", lambda c: c.name)
register = _REGISTRY.register


def all_connectors() -> dict[str, Connector]:
    return _REGISTRY.all()
