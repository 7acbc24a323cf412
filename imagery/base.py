"""What an extractor is: one look at a decoded image that fills some fields of `VisualFeatures`.

An extractor never opens files and never sees the full-size image: the stage gives it a `Picture`,
decoded once and scaled down, shared by every extractor (so it must not change it). What it returns
is a plain dict of the fields it declares, which the stage also stores in the result cache (so
values must be JSON: strings, numbers, lists).
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

from PIL import Image

from auditor.model import VisualFeatures
from auditor.plugins import Registry

FEATURE_FIELDS = frozenset(f.name for f in fields(VisualFeatures)) - {"ref", "width", "height", "problem"}


@dataclass(frozen=True)
class Picture:
    image: Image.Image  # RGB, at most `decode.MAX_SIDE` pixels on its longer side; read-only
    width: int  # of the stored image
    height: int
    member: str  # its path in the export, for messages


class Extractor:
    name: str = ""
    version: str = "1"  # change it when results change: cached results of other versions are not reused
    fields: tuple[str, ...] = ()  # the VisualFeatures fields it fills

    def extract(self, picture: Picture) -> dict[str, Any]:
        raise NotImplementedError


def _check_builtin(extractor: Extractor) -> list[str]:
    unknown = sorted(set(extractor.fields) - FEATURE_FIELDS)
    return [f"the {extractor.name} extractor fills {', '.join(unknown)}, which VisualFeatures does not have"] if unknown else []


_REGISTRY: Registry[Extractor] = Registry("imagery", "offduty.extractors", lambda e: e.name, _check_builtin)
register = _REGISTRY.register


def all_extractors() -> dict[str, Extractor]:
    return _REGISTRY.all()
