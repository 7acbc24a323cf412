"""The training agency's reference insignia (two patches, a badge, a logo, a car livery) and look-alikes.

All drawn by code: shields, stars, circles, text on arcs. The references are fixed drawings (no randomness),
so the files written to references/ are exactly what the scenes paste in. Look-alikes vary with the seed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from .canvas import AGENCY_ABBREVIATION, AGENCY_SHORT, Kind, Layer

GOLD = (212, 175, 55, 255)
DARK_GOLD = (150, 115, 30, 255)
FOREST = (28, 70, 44, 255)
TAN = (200, 180, 140, 255)
NAVY = (20, 30, 70, 255)
WHITE = (255, 255, 255, 255)
BLACK = (15, 15, 15, 255)


def star_points(cx: float, cy: float, outer: float, inner: float, points: int, turn: float = 0.0) -> list[tuple[float, float]]:
    angles = np.radians(turn) + np.arange(points * 2) * np.pi / points - np.pi / 2
    radii = np.where(np.arange(points * 2) % 2 == 0, outer, inner)
    return [(float(cx + r * np.cos(a)), float(cy + r * np.sin(a))) for r, a in zip(radii, angles)]


def shield_points(width: float, height: float, margin: float = 0.0) -> list[tuple[float, float]]:
    w, h, m = width, height, margin
    top = [(m, m + h * 0.08), (w * 0.25, m), (w * 0.5, m + h * 0.05), (w * 0.75, m), (w - m, m + h * 0.08)]
    side = np.linspace(0, 1, 12)
    right = [(float(w - m - (w / 2 - m) * t ** 2), float(m + h * 0.08 + (h - 2 * m - h * 0.08) * t)) for t in side]
    left = [(float(m + (w / 2 - m) * t ** 2), float(m + h * 0.08 + (h - 2 * m - h * 0.08) * t)) for t in side[::-1]]
    return top + right + left


@dataclass(frozen=True, slots=True)
class Reference:
    id: str
    kind: str  # patch | badge | logo | livery
    draw: Callable[[], Layer]

    def layer(self) -> Layer:
        drawn = self.draw()
        drawn.mark(Kind.INSIGNIA, self.id, drawn.size[0])
        return drawn


def _shoulder_patch() -> Layer:
    patch = Layer.blank(360, 440)
    patch.draw.polygon(shield_points(360, 440), fill=GOLD)
    patch.draw.polygon(shield_points(360, 440, 14), fill=FOREST)
    patch.draw.rectangle((40, 150, 320, 300), fill=TAN)
    patch.text((180, 90), AGENCY_SHORT, 34, fill=GOLD, anchor="mm")
    patch.draw.polygon(star_points(180, 225, 70, 32, 7), fill=GOLD, outline=DARK_GOLD)
    patch.text((180, 228), AGENCY_ABBREVIATION, 24, fill=FOREST, anchor="mm")
    patch.text((180, 345), "SHERIFF", 50, fill=GOLD, anchor="mm")
    return patch


def _k9_patch() -> Layer:
    patch = Layer.blank(400, 400)
    patch.draw.ellipse((0, 0, 399, 399), fill=GOLD)
    patch.draw.ellipse((12, 12, 387, 387), fill=BLACK)
    patch.draw.ellipse((95, 95, 305, 305), fill=FOREST, outline=GOLD, width=6)
    patch.arc_text((200, 200), 148, "CALDER COUNTY SHERIFF", 30, spread=170, fill=GOLD)
    patch.arc_text((200, 200), 148, "K-9 UNIT", 34, bottom=True, fill=GOLD)
    for x, y, rx, ry in ((160, 165, 20, 26), (200, 150, 20, 26), (240, 165, 20, 26), (132, 200, 16, 22), (268, 200, 16, 22)):
        patch.draw.ellipse((x - rx, y - ry, x + rx, y + ry), fill=TAN)
    patch.draw.ellipse((150, 195, 250, 270), fill=TAN)
    return patch


def _badge() -> Layer:
    badge = Layer.blank(420, 420)
    tips = star_points(210, 215, 200, 110, 7)
    badge.draw.polygon(tips, fill=GOLD, outline=DARK_GOLD)
    for x, y in tips[::2]:
        badge.draw.ellipse((x - 13, y - 13, x + 13, y + 13), fill=GOLD, outline=DARK_GOLD, width=3)
    badge.draw.ellipse((95, 100, 325, 330), fill=(235, 205, 95, 255), outline=DARK_GOLD, width=5)
    badge.arc_text((210, 215), 88, "DEPUTY", 30, fill=(70, 50, 10, 255))
    badge.arc_text((210, 215), 88, "SHERIFF", 30, bottom=True, fill=(70, 50, 10, 255))
    badge.text((210, 205), "CALDER CO.", 22, fill=NAVY, anchor="mm")
    badge.text((210, 240), "217", 30, face="serif", fill=NAVY, anchor="mm")
    return badge


def _logo() -> Layer:
    logo = Layer.blank(420, 420)
    logo.draw.ellipse((0, 0, 419, 419), fill=NAVY)
    logo.draw.ellipse((70, 70, 349, 349), fill=WHITE, outline=GOLD, width=8)
    logo.arc_text((210, 210), 172, "CALDER COUNTY", 34, fill=GOLD)
    logo.arc_text((210, 210), 172, "SHERIFF'S OFFICE", 28, bottom=True, fill=GOLD)
    logo.draw.polygon([(100, 270), (175, 140), (225, 215), (260, 170), (320, 270)], fill=FOREST)
    for offset in (0, 18):
        xs = np.linspace(95, 325, 30)
        logo.draw.line([(float(x), float(290 + offset + 8 * np.sin(x / 14))) for x in xs], fill=(40, 90, 170, 255), width=6)
    logo.text((210, 115), "EST. 1871", 20, face="serif", fill=NAVY, anchor="mm")
    logo.draw.polygon(star_points(210, 180, 26, 11, 5), fill=GOLD)
    return logo


def _livery() -> Layer:
    livery = Layer.blank(640, 300)
    livery.draw.polygon([(0, 170), (640, 110), (640, 150), (0, 215)], fill=FOREST)
    livery.draw.polygon([(0, 222), (640, 158), (640, 172), (0, 238)], fill=GOLD)
    livery.draw.polygon(star_points(95, 95, 80, 36, 7), fill=GOLD, outline=DARK_GOLD)
    livery.text((95, 97), AGENCY_ABBREVIATION, 22, fill=FOREST, anchor="mm")
    livery.text((200, 40), "SHERIFF", 86, fill=FOREST, anchor="la")
    livery.text((205, 135), AGENCY_SHORT, 30, fill=FOREST, anchor="la")
    return livery


REFERENCES = (
    Reference("ccso-shoulder-patch", "patch", _shoulder_patch),
    Reference("ccso-k9-patch", "patch", _k9_patch),
    Reference("ccso-badge", "badge", _badge),
    Reference("ccso-logo", "logo", _logo),
    Reference("ccso-livery", "livery", _livery),
)
REFERENCE_BY_ID = {reference.id: reference for reference in REFERENCES}
WEARABLE = ("ccso-shoulder-patch", "ccso-k9-patch", "ccso-badge")


@lru_cache(maxsize=None)
def _drawn(reference_id: str) -> Layer:
    return REFERENCE_BY_ID[reference_id].layer()


def reference(reference_id: str) -> Layer:
    """A fresh copy of the reference drawing, safe to paste things onto."""
    drawn = _drawn(reference_id)
    return Layer(drawn.image.copy(), list(drawn.marks), list(drawn.notes), dict(drawn.anchors))


# ---- look-alikes: none of them is the agency's insignia ---------------------------------------------------------

def _colour(rng: np.random.Generator, low: int = 0, high: int = 256) -> tuple[int, int, int, int]:
    return (*(int(v) for v in rng.integers(low, high, size=3)), 255)


def other_agency_patch(rng: np.random.Generator) -> tuple[Layer, str]:
    """Another police force's shoulder patch: real police words, but not this agency's insignia."""
    town = str(rng.choice(["MARLOW", "BRENTFIELD", "OAK HARBOR", "WESTON"]))
    word = str(rng.choice(["POLICE", "POLICE", "STATE PATROL", "CONSTABLE"]))
    patch = Layer.blank(360, 440)
    patch.draw.polygon(shield_points(360, 440), fill=_colour(rng, 150))
    patch.draw.polygon(shield_points(360, 440, 14), fill=_colour(rng, 0, 110))
    patch.text((180, 95), town, 36 if len(town) < 9 else 30, fill=WHITE, anchor="mm")
    patch.draw.polygon(star_points(180, 220, 62, 26, 5), fill=_colour(rng, 120))
    patch.text((180, 340), word, 46 if len(word) < 8 else 34, fill=WHITE, anchor="mm")
    return patch, "another agency's patch"


def fire_patch(rng: np.random.Generator) -> tuple[Layer, str]:
    patch = Layer.blank(400, 400)
    red = (170 + int(rng.integers(0, 60)), 20, 20, 255)
    arm = [(200, 200), (140, 10), (260, 10)]
    for turn in range(4):
        theta = np.radians(90 * turn)
        patch.draw.polygon([(200 + (x - 200) * np.cos(theta) - (y - 200) * np.sin(theta),
                             200 + (x - 200) * np.sin(theta) + (y - 200) * np.cos(theta)) for x, y in arm], fill=red)
    patch.draw.ellipse((110, 110, 290, 290), fill=WHITE)
    patch.text((200, 180), "FIRE", 40, fill=red, anchor="mm")
    patch.text((200, 225), "RESCUE", 30, fill=red, anchor="mm")
    return patch, "fire service patch"


def security_patch(rng: np.random.Generator) -> tuple[Layer, str]:
    patch = Layer.blank(340, 400)
    patch.draw.polygon(shield_points(340, 400), fill=(190, 190, 190, 255))
    patch.draw.polygon(shield_points(340, 400, 12), fill=_colour(rng, 0, 60))
    patch.text((170, 150), "SECURITY", 44, fill=WHITE, anchor="mm")
    patch.text((170, 230), str(rng.choice(["OFFICER", "STAFF", "PATROL"])), 36, fill=(230, 200, 60, 255), anchor="mm")
    return patch, "security guard patch"


def toy_star(rng: np.random.Generator) -> tuple[Layer, str]:
    star = Layer.blank(360, 360)
    points = int(rng.choice([5, 6, 7]))
    star.draw.polygon(star_points(180, 185, 170, 75, points), fill=_colour(rng, 150), outline=(90, 90, 90, 255))
    star.draw.polygon(star_points(170, 170, 60, 25, points), fill=(255, 255, 255, 120))
    if rng.random() < 0.5:
        star.text((180, 190), str(rng.choice(["JUNIOR", "RANGER", "STAR", "HERO"])), 30, fill=BLACK, anchor="mm")
    return star, "toy or costume star"


def cartoon_star(rng: np.random.Generator) -> tuple[Layer, str]:
    star = Layer.blank(360, 360)
    star.draw.polygon(star_points(180, 190, 165, 70, 5, float(rng.uniform(-15, 15))), fill=_colour(rng, 120),
                      outline=BLACK, width=9)
    star.draw.ellipse((135, 160, 155, 185), fill=BLACK)
    star.draw.ellipse((205, 160, 225, 185), fill=BLACK)
    star.draw.arc((140, 180, 220, 235), 20, 160, fill=BLACK, width=6)
    return star, "cartoon star drawing"


def team_logo(rng: np.random.Generator) -> tuple[Layer, str]:
    logo = Layer.blank(400, 400)
    logo.draw.ellipse((0, 0, 399, 399), fill=_colour(rng, 0, 120))
    logo.draw.ellipse((30, 30, 369, 369), fill=_colour(rng, 140))
    logo.draw.polygon(star_points(200, 205, 120, 50, 5), fill=_colour(rng, 0, 256))
    logo.arc_text((200, 200), 168, str(rng.choice(["NORTHSIDE STARS", "CITY ALLSTARS", "LONE STAR FC"])), 28, fill=WHITE)
    return logo, "sports team logo with a star"


LOOKALIKES = (other_agency_patch, fire_patch, security_patch, toy_star, cartoon_star, team_logo)
