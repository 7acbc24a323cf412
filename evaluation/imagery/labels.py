"""Labels of an imagery set (`labels.jsonl`, one JSON object per image) and the checks that keep them honest.

Shared by the training-set builder and the detectors' evaluation. One object per image:
{"file", "labels": {le_text, insignia, face, uniform, vehicle, document, explicit}, "le_words", "insignia_ref",
 "faces", "hard_negative", "notes"}; reference insignia are listed in `references.yaml` next to it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

LABEL_NAMES = ("le_text", "insignia", "face", "uniform", "vehicle", "document", "explicit")
REFERENCE_KINDS = ("patch", "badge", "logo", "livery")


class LabelError(ValueError):
    """A labels.jsonl line or a references.yaml entry that does not follow the schema."""


@dataclass(frozen=True, slots=True)
class ImageLabels:
    file: str
    le_text: bool
    insignia: bool
    face: bool
    uniform: bool
    vehicle: bool
    document: bool
    explicit: bool
    le_words: tuple[str, ...]
    insignia_ref: str | None
    faces: int
    hard_negative: str
    notes: str

    @classmethod
    def from_json(cls, item: dict[str, Any]) -> ImageLabels:
        try:
            flags = item["labels"]
            missing = [name for name in LABEL_NAMES if not isinstance(flags.get(name), bool)]
            if missing:
                raise LabelError(f"{item.get('file')}: labels {', '.join(missing)} missing or not true/false")
            words = item["le_words"]
            if not isinstance(words, list) or not all(isinstance(word, str) and word.strip() for word in words):
                raise LabelError(f"{item.get('file')}: le_words must be a list of words")
            reference = item["insignia_ref"]
            faces = item["faces"]
            if isinstance(faces, bool) or not isinstance(faces, int) or faces < 0:
                raise LabelError(f"{item.get('file')}: faces must be a whole number, 0 or more")
            return cls(file=str(item["file"]), **{name: flags[name] for name in LABEL_NAMES}, le_words=tuple(words),
                       insignia_ref=None if reference is None else str(reference), faces=faces,
                       hard_negative=str(item.get("hard_negative") or ""), notes=str(item.get("notes") or ""))
        except (KeyError, TypeError) as exc:
            raise LabelError(f"{item.get('file') if isinstance(item, dict) else item}: missing field {exc}") from exc

    def to_json(self) -> dict[str, Any]:
        return {"file": self.file, "labels": {name: getattr(self, name) for name in LABEL_NAMES},
                "le_words": list(self.le_words), "insignia_ref": self.insignia_ref, "faces": self.faces,
                "hard_negative": self.hard_negative, "notes": self.notes}

    def problems(self) -> list[str]:
        """Contradictions inside one label set (each flag agrees with the detail that backs it)."""
        found = []
        if self.le_text != bool(self.le_words):
            found.append("le_text must be true exactly when le_words lists a word")
        if self.insignia != (self.insignia_ref is not None):
            found.append("insignia must be true exactly when insignia_ref names a reference")
        if self.face != (self.faces > 0):
            found.append("face must be true exactly when faces is 1 or more")
        if self.explicit:
            found.append("explicit must be false: nothing explicit is ever generated")
        if len(set(self.le_words)) != len(self.le_words) or any(word != word.upper() for word in self.le_words):
            found.append("le_words must be distinct and in capitals")
        return [f"{self.file}: {problem}" for problem in found]


def read_labels(path: Path) -> list[ImageLabels]:
    items = []
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            items.append(ImageLabels.from_json(json.loads(line)))
        except (json.JSONDecodeError, LabelError) as exc:
            raise LabelError(f"{path}:{number}: {exc}") from exc
    return items


def write_labels(path: Path, items: list[ImageLabels]) -> None:
    Path(path).write_text("".join(json.dumps(item.to_json()) + "\n" for item in items), encoding="utf-8")


def read_references(root: Path) -> dict[str, tuple[str, Path]]:
    """references.yaml: reference id -> (kind, image path). Accepts a bare list or a mapping with `references`."""
    document = yaml.safe_load((Path(root) / "references.yaml").read_text(encoding="utf-8")) or []
    entries = document.get("references", []) if isinstance(document, dict) else document
    references = {}
    for entry in entries:
        if not isinstance(entry, dict) or not {"id", "kind", "path"} <= set(entry):
            raise LabelError(f"references.yaml: each entry needs id, kind and path (got {entry!r})")
        if entry["kind"] not in REFERENCE_KINDS:
            raise LabelError(f"references.yaml: {entry['id']}: kind must be one of {', '.join(REFERENCE_KINDS)}")
        references[str(entry["id"])] = (str(entry["kind"]), Path(root) / str(entry["path"]))
    return references


def validate(root: Path) -> list[str]:
    """Everything wrong with a set on disk: missing files, duplicates, unknown references, contradictions."""
    root = Path(root)
    problems = []
    items = read_labels(root / "labels.jsonl")
    references = read_references(root)
    problems += [f"reference {rid}: {path} does not exist" for rid, (_, path) in references.items() if not path.is_file()]
    seen = set()
    for item in items:
        if item.file in seen:
            problems.append(f"{item.file}: listed twice")
        seen.add(item.file)
        path = (root / item.file).resolve()
        if not path.is_relative_to(root.resolve()) or not path.is_file():
            problems.append(f"{item.file}: no such image inside the set")
        if item.insignia_ref is not None and item.insignia_ref not in references:
            problems.append(f"{item.file}: insignia_ref {item.insignia_ref} is not in references.yaml")
        problems += item.problems()
    return problems
