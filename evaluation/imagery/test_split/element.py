"""What a drawn thing contributes to an image's labels, decided by the code that drew it.

Sizes are in final pixels (elements are drawn at the size they are pasted). Lettering between
ILLEGIBLE_CAP and LEGIBLE_CAP is never drawn (see settle_cap): a word is either clearly readable or
clearly not, even after a perspective warp shrinks it by up to 15 %.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PIL import Image

LEGIBLE_CAP = 15.0
ILLEGIBLE_CAP = 8.0
MIN_FACE_WIDTH = 28.0
MIN_INSIGNIA_SIZE = 56.0


def settle_cap(size: float, cap_share: float) -> float:
    """Resize an emblem so its lettering is clearly legible or clearly not (the nearer of the two)."""
    cap = size * cap_share
    if ILLEGIBLE_CAP < cap < LEGIBLE_CAP:
        target = ILLEGIBLE_CAP if cap < (ILLEGIBLE_CAP + LEGIBLE_CAP) / 2 else LEGIBLE_CAP
        return target / cap_share
    return size


@dataclass
class Element:
    image: Image.Image
    le_words: list[tuple[str, float]] = field(default_factory=list)  # (word, cap height in px)
    insignia: list[tuple[str, float]] = field(default_factory=list)  # (reference id, size in px)
    face_widths: list[float] = field(default_factory=list)
    uniform: bool = False
    vehicle: bool = False
    document: bool = False
    hard_negative: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    # Boxes (fractions of the element) where an occluding object may sit without hiding the evidence.
    spare_areas: list[tuple[float, float, float, float]] = field(default_factory=list)

    def scaled(self, factor: float) -> Element:
        """The same element drawn factor times as large (everything it records scales with it)."""
        size = (max(2, int(round(self.image.width * factor))), max(2, int(round(self.image.height * factor))))
        return Element(image=self.image.resize(size, Image.LANCZOS),
                       le_words=[(w, c * factor) for w, c in self.le_words],
                       insignia=[(r, s * factor) for r, s in self.insignia],
                       face_widths=[f * factor for f in self.face_widths],
                       uniform=self.uniform, vehicle=self.vehicle, document=self.document,
                       hard_negative=list(self.hard_negative), notes=list(self.notes), spare_areas=list(self.spare_areas))

    def legible_words(self, shrink: float = 1.0) -> list[str]:
        return [word for word, cap in self.le_words if cap * shrink >= LEGIBLE_CAP * 0.85]

    def visible_insignia(self, shrink: float = 1.0) -> list[str]:
        return [ref for ref, size in self.insignia if size * shrink >= MIN_INSIGNIA_SIZE * 0.85]

    def faces(self, shrink: float = 1.0) -> int:
        return sum(1 for width in self.face_widths if width * shrink >= MIN_FACE_WIDTH * 0.85)
