"""Layers that remember what is drawn on them, so every label follows from the drawing itself.

A Layer is an RGBA image plus Marks: a law-enforcement word with its cap height, an insignia with its
width, a face with its width, a uniformed torso, a patrol vehicle, a law-enforcement document. Pasting a
layer onto another (scaled, rotated, in perspective) carries its marks along, with their sizes multiplied
by the local scale, so the final labels can apply one size rule ("legible", "visible") in final pixels.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum
from functools import lru_cache
from pathlib import Path

import cv2
import matplotlib
import numpy as np
from PIL import Image, ImageDraw, ImageFont

# Matplotlib's bundled DejaVu fonts: present wherever matplotlib is installed, so the set is reproducible.
FONT_DIR = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
FONT_FILES = {
    "sans": "DejaVuSans.ttf",
    "bold": "DejaVuSans-Bold.ttf",
    "serif": "DejaVuSerif-Bold.ttf",
    "mono": "DejaVuSansMono.ttf",
    "monobold": "DejaVuSansMono-Bold.ttf",
}

AGENCY_NAME = "Calder County Sheriff's Office"
AGENCY_SHORT = "CALDER COUNTY"
AGENCY_ABBREVIATION = "CCSO"
LE_TERMS = ("STATE PATROL", "POLICE", "SHERIFF", "DEPUTY", "TROOPER", "K-9", "SWAT", "CORRECTIONS", "DISPATCH",
            "CONSTABLE", "MARSHAL", AGENCY_SHORT, AGENCY_ABBREVIATION)
_TERM_PATTERN = re.compile("|".join(rf"(?<![A-Z0-9]){re.escape(term)}(?![A-Z0-9])" for term in LE_TERMS))


def le_terms(text: str) -> list[str]:
    """The law-enforcement vocabulary terms a string contains (MARSHALL and POLICY do not count)."""
    return sorted(set(_TERM_PATTERN.findall(text.upper())))


@lru_cache(maxsize=1024)
def font(size: int, face: str = "bold") -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONT_DIR / FONT_FILES[face]), max(4, int(size)))


@lru_cache(maxsize=1024)
def cap_height(size: int, face: str = "bold") -> float:
    top, bottom = font(size, face).getbbox("H")[1::2]
    return float(bottom - top)


class Kind(Enum):
    """What a mark stands for, and the smallest size (final pixels) at which it counts in the labels."""

    WORD = ("word", 12.0)  # cap height: legible to a person
    INSIGNIA = ("insignia", 32.0)  # width of the patch, badge, logo or livery
    FACE = ("face", 20.0)  # face width
    UNIFORM = ("uniform", 60.0)  # torso height
    VEHICLE = ("vehicle", 80.0)  # vehicle length
    DOCUMENT = ("document", 200.0)  # page or screen width

    def __init__(self, label: str, min_size: float) -> None:
        self.label = label
        self.min_size = min_size


Box = tuple[float, float, float, float]


@dataclass(frozen=True, slots=True)
class Mark:
    kind: Kind
    value: str
    size: float
    box: Box


def _area(box: Box) -> float:
    return max(0.0, box[2] - box[0]) * max(0.0, box[3] - box[1])


def _overlap(a: Box, b: Box) -> float:
    return _area((max(a[0], b[0]), max(a[1], b[1]), min(a[2], b[2]), min(a[3], b[3])))


def _translation(x: float, y: float) -> np.ndarray:
    return np.array([[1, 0, x], [0, 1, y], [0, 0, 1]], dtype=np.float64)


def _apply(matrix: np.ndarray, points: np.ndarray) -> np.ndarray:
    homogeneous = np.hstack([points, np.ones((len(points), 1))]) @ matrix.T
    return homogeneous[:, :2] / homogeneous[:, 2:3]


def _local_scale(matrix: np.ndarray, x: float, y: float) -> float:
    """The smallest stretch the homography applies around (x, y): a conservative size factor."""
    (a, b, c), (d, e, f), (g, h, i) = matrix
    w = g * x + h * y + i
    u, v = (a * x + b * y + c) / w, (d * x + e * y + f) / w
    jacobian = np.array([[a - u * g, b - u * h], [d - v * g, e - v * h]]) / w
    return float(np.linalg.svd(jacobian, compute_uv=False).min())


@dataclass
class Layer:
    image: Image.Image  # RGBA
    marks: list[Mark] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    anchors: dict[str, tuple[float, float]] = field(default_factory=dict)

    @classmethod
    def blank(cls, width: int, height: int, colour: tuple[int, ...] = (0, 0, 0, 0)) -> Layer:
        return cls(Image.new("RGBA", (int(width), int(height)), colour))

    @classmethod
    def of(cls, picture: Image.Image | np.ndarray) -> Layer:
        image = Image.fromarray(picture) if isinstance(picture, np.ndarray) else picture
        return cls(image.convert("RGBA"))

    @property
    def size(self) -> tuple[int, int]:
        return self.image.size

    @property
    def draw(self) -> ImageDraw.ImageDraw:
        return ImageDraw.Draw(self.image)

    def mark(self, kind: Kind, value: str, size: float, box: Box | None = None) -> None:
        self.marks.append(Mark(kind, value, float(size), box or (0.0, 0.0, *map(float, self.size))))

    def text(self, xy: tuple[float, float], text: str, size: int, *, face: str = "bold", fill=(0, 0, 0, 255),
             anchor: str = "la", le: bool = True, stroke: int = 0, stroke_fill=None) -> Box:
        """Draw text; when `le` it is meant in its law-enforcement sense and its terms become marks."""
        typeface = font(size, face)
        self.draw.text(xy, text, font=typeface, fill=fill, anchor=anchor, stroke_width=stroke, stroke_fill=stroke_fill)
        box = tuple(float(v) for v in self.draw.textbbox(xy, text, font=typeface, anchor=anchor, stroke_width=stroke))
        if le:
            for term in le_terms(text):
                self.mark(Kind.WORD, term, cap_height(size, face), box)
        return box

    def arc_text(self, centre: tuple[float, float], radius: float, text: str, size: int, *, bottom: bool = False,
                 spread: float = 150.0, face: str = "bold", fill=(255, 255, 255, 255), le: bool = True) -> None:
        """Letters around a circle, reading left to right along the top (or the bottom) of a patch."""
        typeface = font(size, face)
        span = min(spread, float(np.degrees(0.74 * size * len(text) / max(radius, 1.0))))
        steps = np.linspace(-span / 2, span / 2, max(len(text), 1)) if len(text) > 1 else np.array([0.0])
        cx, cy = centre
        for letter, step in zip(text, steps):
            if letter == " ":
                continue
            angle = np.radians(step)
            x = cx + radius * np.sin(angle)
            y = cy - radius * np.cos(angle) if not bottom else cy + radius * np.cos(angle)
            tile = Image.new("RGBA", (size * 2, size * 2), (0, 0, 0, 0))
            ImageDraw.Draw(tile).text((size, size), letter, font=typeface, fill=fill, anchor="mm")
            tile = tile.rotate(-step if not bottom else step, resample=Image.BICUBIC)
            self.image.alpha_composite(tile, (int(x - size), int(y - size)))
        if le:
            half = radius + size
            box = (cx - half, cy - half, cx + half, cy) if not bottom else (cx - half, cy, cx + half, cy + half)
            for term in le_terms(text):
                self.mark(Kind.WORD, term, cap_height(size, face), box)

    def paste(self, other: Layer, centre: tuple[float, float], *, scale: float = 1.0, angle: float = 0.0,
              warp: float = 0.0, rng: np.random.Generator | None = None) -> Box:
        """Composite `other` centred at `centre`, scaled, rotated (degrees) and, with `warp` > 0, in a random
        perspective whose corners move by up to that fraction of the size. Its marks come along."""
        width, height = other.size
        corners = np.array([[0, 0], [width, 0], [width, height], [0, height]], dtype=np.float64)
        perspective = np.eye(3)
        if warp > 0 and rng is not None:
            moved = corners + rng.uniform(-warp, warp, size=(4, 2)) * [width, height]
            perspective = cv2.getPerspectiveTransform(corners.astype(np.float32), moved.astype(np.float32))
        theta = np.radians(angle)
        rotate_scale = np.array([[np.cos(theta) * scale, np.sin(theta) * scale, 0],
                                 [-np.sin(theta) * scale, np.cos(theta) * scale, 0], [0, 0, 1]])
        moved_corners = _apply(perspective, corners)
        centre_before = moved_corners.mean(axis=0)
        matrix = _translation(*centre) @ rotate_scale @ _translation(*-centre_before) @ perspective
        placed = _apply(matrix, corners)
        left, top = np.floor(placed.min(axis=0)).astype(int)
        right, bottom = np.ceil(placed.max(axis=0)).astype(int)
        shifted = _translation(-left, -top) @ matrix
        warped = cv2.warpPerspective(np.asarray(other.image), shifted, (int(right - left), int(bottom - top)),
                                     flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT, borderValue=(0, 0, 0, 0))
        self._hide_behind(warped[..., 3] > 128, int(left), int(top))
        self._composite(Image.fromarray(warped, "RGBA"), int(left), int(top))
        for mark in other.marks:
            x0, y0, x1, y1 = mark.box
            box_corners = _apply(matrix, np.array([[x0, y0], [x1, y0], [x1, y1], [x0, y1]], dtype=np.float64))
            new_box = (*box_corners.min(axis=0), *box_corners.max(axis=0))
            factor = _local_scale(matrix, (x0 + x1) / 2, (y0 + y1) / 2)
            inside = _overlap(new_box, (0, 0, *self.size)) / max(_area(new_box), 1e-6)
            if inside < 0.8:
                self.notes.append(f"{mark.kind.label} {mark.value} cut off at the edge")
                continue
            self.marks.append(Mark(mark.kind, mark.value, mark.size * factor, tuple(float(v) for v in new_box)))
        self.notes.extend(other.notes)
        return (float(left), float(top), float(right), float(bottom))

    def _composite(self, picture: Image.Image, left: int, top: int) -> None:
        crop_left, crop_top = max(0, -left), max(0, -top)
        picture = picture.crop((crop_left, crop_top, picture.width, picture.height))
        left, top = left + crop_left, top + crop_top
        if left >= self.image.width or top >= self.image.height:
            return
        picture = picture.crop((0, 0, min(picture.width, self.image.width - left), min(picture.height, self.image.height - top)))
        self.image.alpha_composite(picture, (left, top))

    def occlude(self, box: Box, fill: tuple[int, ...], *, rounded: bool = True) -> None:
        """Cover part of the picture (a hand, a strap, a cup); marks mostly hidden behind it no longer count."""
        shape = [int(v) for v in box]
        if rounded:
            self.draw.rounded_rectangle(shape, radius=max(2, (shape[3] - shape[1]) // 3), fill=fill)
        else:
            self.draw.rectangle(shape, fill=fill)
        self._drop_covered(lambda mark: _overlap(mark.box, box) / max(_area(mark.box), 1e-6))

    def _hide_behind(self, opaque: np.ndarray, left: int, top: int) -> None:
        """Marks already on this layer that a newly pasted picture covers (a person in front of another)."""
        def covered(mark: Mark) -> float:
            x0, y0 = max(int(mark.box[0]), left), max(int(mark.box[1]), top)
            x1, y1 = min(int(mark.box[2]), left + opaque.shape[1]), min(int(mark.box[3]), top + opaque.shape[0])
            if x1 <= x0 or y1 <= y0:
                return 0.0
            return float(opaque[y0 - top:y1 - top, x0 - left:x1 - left].sum()) / max(_area(mark.box), 1e-6)

        self._drop_covered(covered)

    def _drop_covered(self, coverage: Callable[[Mark], float]) -> None:
        kept = []
        for mark in self.marks:
            covered = coverage(mark)
            limit = 0.2 if mark.kind is Kind.WORD else 0.4
            if covered > limit:
                self.notes.append(f"{mark.kind.label} {mark.value} hidden behind something in front")
                continue
            kept.append(mark)
            if 0.05 < covered:
                self.notes.append(f"{mark.kind.label} {mark.value} partly hidden")
        self.marks = kept

    def flatten(self, background=(255, 255, 255)) -> Image.Image:
        if self.image.getchannel("A").getextrema()[0] == 255:
            return self.image.convert("RGB")
        base = Image.new("RGBA", self.size, (*background, 255))
        base.alpha_composite(self.image)
        return base.convert("RGB")
