"""The analyzer registry, like the connector one: built-ins plus the `offduty.analyzers` entry points."""

from __future__ import annotations

from auditor.plugins import Registry

from .base import Analyzer

BUILTIN_MODULES = ("employment", "geotags", "coworkers", "platform_places", "pattern_of_life", "privacy_settings")

_REGISTRY: Registry[Analyzer] = Registry("auditor.analyzers", BUILTIN_MODULES, "offduty.analyzers", lambda a: a.name)
register = _REGISTRY.register


def all_analyzers() -> dict[str, Analyzer]:
    return _REGISTRY.all()
