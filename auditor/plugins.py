"""A small registry of plugin objects.

Built-ins are found by discovery: every module of the registry's package is imported (sorted by name,
so the order never depends on the file system), and whatever a module decorates with `register` is
registered; infrastructure modules simply register nothing. Dropping one module with a registered
class into the package is therefore enough. Other installed packages add theirs through an
entry-point group (e.g. an agency's own check).
"""

from __future__ import annotations

import importlib
import pkgutil
from importlib.metadata import entry_points
from typing import Callable, Generic, TypeVar

T = TypeVar("T")


class PluginError(Exception):
    """A built-in plugin that cannot work as shipped; the message says which one and why."""


class Registry(Generic[T]):
    def __init__(self, package: str, entry_point_group: str, key: Callable[[T], str],
                 check_builtin: Callable[[T], list[str]] | None = None) -> None:
        """`check_builtin` returns what is wrong with a built-in (empty when nothing): any problem is a
        load error, because a built-in that cannot work is a bug in offduty itself."""
        self.package, self.group, self.key, self.check_builtin = package, entry_point_group, key, check_builtin
        self._items: dict[str, T] = {}
        self._loaded = False

    def register(self, cls: type[T]) -> type[T]:
        instance = cls()
        name = self.key(instance)
        if not name:
            raise ValueError(f"{cls.__name__} has no name")
        self._items[name] = instance
        return cls

    def builtin_modules(self) -> list[str]:
        """The package's modules, sorted; names starting with "_" (private helpers) are skipped."""
        package = importlib.import_module(self.package)
        return sorted(info.name for info in pkgutil.iter_modules(package.__path__) if not info.name.startswith("_"))

    def is_builtin(self, name: str) -> bool:
        item = self._items.get(name)
        return item is not None and type(item).__module__.startswith(self.package + ".")

    def all(self) -> dict[str, T]:
        if not self._loaded:
            for module in self.builtin_modules():
                importlib.import_module(f"{self.package}.{module}")
            if self.check_builtin:
                problems = [p for name, item in self._items.items() if self.is_builtin(name) for p in self.check_builtin(item)]
                if problems:
                    raise PluginError("; ".join(problems))
            for entry in sorted(entry_points(group=self.group), key=lambda e: e.name):
                self.register(entry.load())
            self._loaded = True
        return dict(sorted(self._items.items()))
