"""What an extractor is: one look at a decoded image that fills some fields of `VisualFeatures`.

An extractor never opens files and never sees the full-size image: the stage gives it a `Picture`,
decoded once at a bounded size and shared by every extractor (so it must not change it); an extractor
that wants less detail scales its own copy down. It returns a dict of the fields it declares, typed as
`VisualFeatures` declares them; the stage stores them in the result cache as JSON (`imagery.codec`).

Some extractors need the audit's settings (the agency's reference pictures): `prepare` is called once
per process before the first image, and `cache_version` folds whatever changes results (a digest of
the reference files) into the cache key.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image

from auditor.model import InsigniaKind, VisualFeatures
from auditor.plugins import Registry

STAGE_FIELDS = frozenset({"ref", "width", "height", "problem", "examined_width", "examined_height", "examined_by", "frame_at"})
FEATURE_FIELDS = frozenset(f.name for f in fields(VisualFeatures)) - STAGE_FIELDS


@dataclass(frozen=True)
class Picture:
    image: Image.Image  # RGB, at most `decode.MAX_SIDE` pixels on its longer side; read-only
    width: int  # of the stored image
    height: int
    member: str  # its path in the export, for messages
    pixels: np.ndarray | None = None  # the same picture as a read-only height x width x 3 uint8 array

    @property
    def array(self) -> np.ndarray:
        return self.pixels if self.pixels is not None else np.asarray(self.image)


@dataclass(frozen=True, slots=True)
class ReferenceFile:
    """One agency reference picture as the workers receive it: a path, not the pixels."""

    id: str
    kind: InsigniaKind
    path: str


@dataclass(frozen=True, slots=True)
class VisionSettings:
    """What an audit tells the extractors (sent to each worker once)."""

    references: tuple[ReferenceFile, ...] = ()
    references_digest: str = ""  # of the reference files' bytes and kinds: part of the insignia cache key

    @classmethod
    def with_references(cls, references: list[tuple[str, InsigniaKind, Path]]) -> VisionSettings:
        digest = hashlib.sha256()
        files = []
        for ref_id, kind, path in references:
            try:
                data = Path(path).read_bytes()
            except OSError:
                data = b""
            digest.update(f"{ref_id}\x00{kind.value}\x00".encode() + hashlib.sha256(data).digest())
            files.append(ReferenceFile(ref_id, kind, str(path)))
        return cls(tuple(files), digest.hexdigest()[:16] if files else "")


class Extractor:
    name: str = ""
    version: str = "1"  # change it when results change: cached results of other versions are not reused
    fields: tuple[str, ...] = ()  # the VisualFeatures fields it fills
    cost: float = 0.01  # rough seconds per image on one core: cheap extractors run first; the stage plans workers with it

    def prepare(self, settings: VisionSettings) -> None:
        """Called once per process with the audit's settings, before the first image."""

    def applies(self, settings: VisionSettings) -> bool:
        """Whether it has anything to look for in this audit (the insignia look needs references)."""
        return True

    def cache_version(self, settings: VisionSettings) -> str:
        return self.version

    def extract(self, picture: Picture) -> dict[str, Any]:
        raise NotImplementedError


def _check_builtin(extractor: Extractor) -> list[str]:
    unknown = sorted(set(extractor.fields) - FEATURE_FIELDS)
    return [f"the {extractor.name} extractor fills {', '.join(unknown)}, which VisualFeatures does not have"] if unknown else []


_REGISTRY: Registry[Extractor] = Registry("imagery", "offduty.extractors", lambda e: e.name, _check_builtin)
register = _REGISTRY.register


def all_extractors() -> dict[str, Extractor]:
    return _REGISTRY.all()
