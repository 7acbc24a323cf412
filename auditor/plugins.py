"""A small registry of plugin objects: built-in modules register their classes with a decorator, and
other installed packages can add theirs through an entry-point group (e.g. an agency's own check)."""

from __future__ import annotations

import importlib
from importlib.metadata import entry_points
from typing import Callable, Generic, TypeVar

T = TypeVar("T")


class Registry(Generic[T]):
    def __init__(self, package: str, builtin_modules: tuple[str, ...], entry_point_group: str,
                 key: Callable[[T], str]) -> None:
        self.package, self.builtin_modules, self.group, self.key = package, builtin_modules, entry_point_group, key
        self._items: dict[str, T] = {}
        self._loaded = False

    def register(self, cls: type[T]) -> type[T]:
        instance = cls()
        name = self.key(instance)
        if not name:
            raise ValueError(f"{cls.__name__} has no name")
        self._items[name] = instance
        return cls

    def all(self) -> dict[str, T]:
        if not self._loaded:
            self._loaded = True
            for module in self.builtin_modules:
                importlib.import_module(f"{self.package}.{module}")
            for entry in entry_points(group=self.group):
                self.register(entry.load())
        return dict(self._items)
