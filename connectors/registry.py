"""The connector registry: every module of this package is imported and each `@register`-decorated
Connector in it is a platform (infrastructure modules register nothing); an agency or a contributor
can add one from another package through the `offduty.connectors` entry-point group."""

from __future__ import annotations

from auditor.plugins import Registry

from .base import Connector

_REGISTRY: Registry[Connector] = Registry("connectors", "offduty.connectors", lambda c: c.name)
register = _REGISTRY.register


def all_connectors() -> dict[str, Connector]:
    return _REGISTRY.all()
