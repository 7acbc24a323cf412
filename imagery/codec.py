"""VisualFeatures fields to and from JSON, for the result cache (which stores JSON, never pickles).

Driven by the type hints of `VisualFeatures`, so a new field of a known shape needs no code here: records
(frozen dataclasses) become objects, enums their values, tuples lists.
"""

from __future__ import annotations

import dataclasses
import enum
import types
import typing
from functools import lru_cache
from typing import Any

from auditor import model


@lru_cache(maxsize=None)
def _hints(record: type) -> dict[str, Any]:
    return typing.get_type_hints(record, vars(model))


def to_json(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_json(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (tuple, list)):
        return [to_json(v) for v in value]
    return value


def from_json(hint: Any, value: Any) -> Any:
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        if value is None:
            return None
        options = [a for a in typing.get_args(hint) if a is not type(None)]
        return from_json(options[0], value)
    if origin is tuple:
        args = typing.get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(from_json(args[0], v) for v in value)
        return tuple(from_json(a, v) for a, v in zip(args, value))
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return hint(value)
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        hints = _hints(hint)
        return hint(**{name: from_json(hints[name], v) for name, v in value.items() if name in hints})
    if hint is float and isinstance(value, int):
        return float(value)
    return value


def encode_fields(values: dict[str, Any]) -> dict[str, Any]:
    return {name: to_json(value) for name, value in values.items()}


def decode_fields(values: dict[str, Any]) -> dict[str, Any]:
    hints = _hints(model.VisualFeatures)
    return {name: from_json(hints[name], value) for name, value in values.items() if name in hints}
