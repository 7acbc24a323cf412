"""The test agency's own reference insignia, and the look-alike emblems used as hard negatives.

The test agency is the invented Calder Valley Sheriff's Office (CVSO). Every function draws at a design
size and returns RGBA; the *_CAP constants give the cap height of the emblem's lettering as a share of
the emblem's height, so a scene can tell whether that lettering is legible at the size it pastes it.
"""

from __future__ import annotations

import math

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

from .draw import arc_text, fitted_text, paste_center, shade, star_points, text_image

AGENCY_NAME = "Calder Valley Sheriff's Office"
AGENCY_ABBREVIATION = "CVSO"

GOLD = (201, 160, 62)
DARK_GOLD = (140, 104, 30)
PINE = (31, 74, 52)
TAN = (212, 190, 140)
NAVY = (24, 34, 66)
SILVER = (188, 192, 198)

# Lettering cap height as a share of the emblem height (from the font sizes below x CAP_RATIO).
BADGE_CAP = 0.040
PATCH_CAP = 0.062
LOGO_CAP = 0.14
LIVERY_CAP = 0.27


def _mountains(draw: ImageDraw.ImageDraw, cx: float, cy: float, r: float, sky, rock, snow, water) -> None:
    """The county emblem: twin peaks over a river and a pine, inside a disc of radius r."""
    draw.ellipse([cx - r, cy - r, cx + r, cy + r], fill=sky)
    draw.polygon([(cx - r * 0.95, cy + r * 0.25), (cx - r * 0.35, cy - r * 0.55), (cx + r * 0.05, cy + r * 0.05),
                  (cx + r * 0.35, cy - r * 0.35), (cx + r * 0.95, cy + r * 0.25)], fill=rock)
    draw.polygon([(cx - r * 0.35, cy - r * 0.55), (cx - r * 0.5, cy - r * 0.33), (cx - r * 0.36, cy - r * 0.38),
                  (cx - r * 0.25, cy - r * 0.3), (cx - r * 0.2, cy - r * 0.4)], fill=snow)
    draw.polygon([(cx + r * 0.35, cy - r * 0.35), (cx + r * 0.25, cy - r * 0.2), (cx + r * 0.38, cy - r * 0.24),
                  (cx + r * 0.46, cy - r * 0.18)], fill=snow)
    draw.chord([cx - r, cy - r, cx + r, cy + r], 10, 170, fill=water)
    for k in range(4):
        y = cy + r * (0.38 + 0.12 * k)
        draw.arc([cx - r * 0.7, y - r * 0.08, cx + r * 0.1, y + r * 0.08], 200, 340, fill=(235, 240, 245), width=max(1, int(r * 0.03)))
    tx, ty = cx + r * 0.55, cy + r * 0.2
    for k in range(4):
        half = r * (0.08 + 0.05 * k)
        draw.polygon([(tx, ty - r * 0.45 + k * r * 0.12), (tx - half, ty - r * 0.25 + k * r * 0.12),
                      (tx + half, ty - r * 0.25 + k * r * 0.12)], fill=(20, 60, 30))
    draw.rectangle([tx - r * 0.03, ty + r * 0.1, tx + r * 0.03, ty + r * 0.2], fill=(80, 50, 25))
    draw.ellipse([cx - r, cy - r, cx + r, cy + r], outline=shade(rock, 0.5), width=max(1, int(r * 0.04)))


def cvso_badge(size: int = 600) -> Image.Image:
    """Seven-point ball-tipped gold star with a seal: CALDER VALLEY above, SHERIFF below."""
    img = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    c = size / 2
    outer, inner = size * 0.44, size * 0.27
    d.polygon(star_points(c, c, outer, inner, 7), fill=DARK_GOLD)
    d.polygon(star_points(c, c, outer * 0.94, inner * 0.94, 7), fill=GOLD)
    for k, (x, y) in enumerate(star_points(c, c, outer, inner, 7)):
        if k % 2 == 0:
            b = size * 0.045
            d.ellipse([x - b, y - b, x + b, y + b], fill=GOLD, outline=DARK_GOLD, width=max(1, size // 150))
    # facets: a light and a dark half on each arm
    for k, (x, y) in enumerate(star_points(c, c, outer * 0.92, inner, 7)):
        if k % 2 == 0:
            d.line([(c, c), (x, y)], fill=shade(GOLD, 1.18), width=max(1, size // 120))
    ring = size * 0.25
    d.ellipse([c - ring, c - ring, c + ring, c + ring], fill=shade(GOLD, 1.1), outline=DARK_GOLD, width=max(2, size // 80))
    d.ellipse([c - ring * 0.66, c - ring * 0.66, c + ring * 0.66, c + ring * 0.66], outline=DARK_GOLD, width=max(1, size // 150))
    lettering = int(size * BADGE_CAP / 0.72)
    arc_text(img, c, c, ring * 0.83, "CALDER VALLEY", "serif-bold", lettering, (60, 40, 10), -90)
    arc_text(img, c, c, ring * 0.83, "SHERIFF", "serif-bold", lettering, (60, 40, 10), 90, bottom=True)
    _mountains(d, c, c, ring * 0.6, (150, 190, 220), (110, 100, 90), (250, 250, 250), (60, 110, 170))
    for k in range(2):
        x = c + (-1 if k == 0 else 1) * ring * 0.9
        d.polygon(star_points(x, c, size * 0.018, size * 0.008, 5), fill=(60, 40, 10))
    return img


def _patch_outline(w: float, h: float) -> list[tuple[float, float]]:
    """An arched top, straight sides and a rounded point at the bottom."""
    points = []
    for k in range(41):
        t = math.pi + math.pi * k / 40
        points.append((w / 2 + w / 2 * math.cos(t), h * 0.2 + h * 0.2 * math.sin(t)))
    points += [(w, h * 0.72)]
    for k in range(1, 20):
        t = k / 20
        points.append((w - w / 2 * t, h * 0.72 + h * 0.28 * math.sin(t * math.pi / 2)))
    for k in range(0, 20):
        t = k / 20
        points.append((w / 2 - w / 2 * t, h - h * 0.28 * (1 - math.cos((1 - t) * math.pi / 2)) * 0 - h * 0.28 * (1 - math.sin((1 - t) * math.pi / 2))))
    points.append((0, h * 0.72))
    return points


def shoulder_patch(w: int, top: str, bottom: str, field, border, band, lettering_color, band_lettering, emblem: str) -> Image.Image:
    h = int(w * 1.25)
    img = Image.new("RGBA", (w, h), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    outline = _patch_outline(w - 1, h - 1)
    d.polygon(outline, fill=border)
    inset = w * 0.05
    inner = _patch_outline(w - 1 - 2 * inset, h - 1 - 2 * inset)
    d.polygon([(x + inset, y + inset) for x, y in inner], fill=field)
    # embroidered texture: fine diagonal threads
    thread = shade(field, 1.12)
    for k in range(-h, w, max(3, w // 90)):
        d.line([(k, 0), (k + h, h)], fill=thread, width=1)
    mask = Image.new("L", (w, h), 0)
    ImageDraw.Draw(mask).polygon([(x + inset, y + inset) for x, y in inner], fill=255)
    border_layer = Image.new("RGBA", (w, h), (0, 0, 0, 0))
    ImageDraw.Draw(border_layer).polygon(outline, fill=border)
    img = Image.composite(img, border_layer, mask)
    d = ImageDraw.Draw(img)
    lettering = int(h * PATCH_CAP / 0.72)
    arc_text(img, w / 2, h * 0.44, w * 0.36, top, "sans-bold", lettering, lettering_color, -90)
    d.rectangle([w * 0.1, h * 0.7, w * 0.9, h * 0.8], fill=band)
    word = fitted_text(bottom, "sans-bold", lettering, band_lettering, int(w * 0.75))
    paste_center(img, word, w / 2, h * 0.75)
    cx, cy, r = w / 2, h * 0.45, w * 0.22
    if emblem == "mountains":
        _mountains(d, cx, cy, r, (160, 200, 225), (120, 110, 95), (250, 250, 250), (50, 100, 160))
    elif emblem == "boot":
        d.ellipse([cx - r, cy - r, cx + r, cy + r], fill=(225, 215, 180))
        d.polygon([(cx - r * 0.4, cy - r * 0.6), (cx, cy - r * 0.6), (cx, cy + r * 0.2), (cx + r * 0.6, cy + r * 0.3),
                   (cx + r * 0.6, cy + r * 0.55), (cx - r * 0.4, cy + r * 0.55)], fill=(110, 70, 40))
        d.ellipse([cx - r, cy - r, cx + r, cy + r], outline=(60, 50, 30), width=max(1, int(r * 0.05)))
    elif emblem == "lighthouse":
        d.ellipse([cx - r, cy - r, cx + r, cy + r], fill=(150, 185, 230))
        d.polygon([(cx - r * 0.15, cy - r * 0.5), (cx + r * 0.15, cy - r * 0.5), (cx + r * 0.25, cy + r * 0.6), (cx - r * 0.25, cy + r * 0.6)],
                  fill=(240, 240, 240))
        for k in range(3):
            y = cy - r * 0.3 + k * r * 0.3
            d.rectangle([cx - r * 0.2, y, cx + r * 0.2, y + r * 0.12], fill=(200, 40, 40))
        d.chord([cx - r, cy - r, cx + r, cy + r], 20, 160, fill=(30, 70, 140))
    return img


def cvso_patch(w: int = 480) -> Image.Image:
    return shoulder_patch(w, "CALDER VALLEY", "SHERIFF", PINE, GOLD, TAN, (235, 200, 90), PINE, "mountains")


def hiking_club_patch(w: int = 480) -> Image.Image:
    """Same outline and colours as the agency patch, but a walking club's badge."""
    return shoulder_patch(w, "CALDER VALLEY", "HIKING CLUB", PINE, GOLD, TAN, (235, 200, 90), PINE, "boot")


def other_police_patch(w: int = 480) -> Image.Image:
    """A different (invented) agency's patch: it says POLICE, but it is not the test agency's insignia."""
    return shoulder_patch(w, "PORT ELLERY", "POLICE", NAVY, (220, 220, 225), (180, 30, 40), (240, 240, 240), (240, 240, 240), "lighthouse")


def cvso_logo(size: int = 520) -> Image.Image:
    """Door logo: a heater shield with the CVSO monogram over the river emblem, pine-green and gold."""
    img = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    w = h = size
    shield = [(w * 0.08, h * 0.06), (w * 0.92, h * 0.06), (w * 0.92, h * 0.5), (w * 0.78, h * 0.78), (w * 0.5, h * 0.96),
              (w * 0.22, h * 0.78), (w * 0.08, h * 0.5)]
    d.polygon(shield, fill=GOLD)
    inner = [(x * 0.9 + w * 0.05, y * 0.9 + h * 0.04) for x, y in shield]
    d.polygon(inner, fill=PINE)
    d.rectangle([w * 0.16, h * 0.13, w * 0.84, h * 0.34], fill=TAN)
    lettering = int(h * LOGO_CAP / 0.72)
    word = fitted_text(AGENCY_ABBREVIATION, "serif-bold", lettering, PINE, int(w * 0.62))
    paste_center(img, word, w / 2, h * 0.235)
    _mountains(d, w / 2, h * 0.56, w * 0.2, (170, 205, 225), (125, 115, 95), (250, 250, 250), (55, 105, 165))
    for k in range(5):
        x = w * (0.2 + 0.15 * k)
        d.polygon(star_points(x, h * 0.4, w * 0.025, w * 0.011, 5), fill=(235, 200, 90))
    small = int(h * 0.045 / 0.72)
    paste_center(img, text_image("EST. 1871", "sans-bold", small, (235, 200, 90)), w / 2, h * 0.81)
    return img


def cvso_livery(w: int = 1200) -> Image.Image:
    """The side-of-car graphic: a pine-green swoosh edged in gold, SHERIFF, the county name and the door logo."""
    h = int(w * 0.3)
    img = Image.new("RGBA", (w, h), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    top = [(0, h * 0.25), (w * 0.55, h * 0.18), (w, h * 0.05)]
    bottom = [(w, h * 0.95), (w * 0.6, h * 0.9), (0, h * 0.98)]
    d.polygon(top + bottom, fill=PINE)
    d.line(top, fill=GOLD, width=max(2, h // 25))
    d.line(bottom, fill=GOLD, width=max(2, h // 25))
    d.polygon([(w * 0.7, h * 0.12), (w, h * 0.05), (w, h * 0.3), (w * 0.82, h * 0.3)], fill=GOLD)
    logo = cvso_logo(int(h * 0.7))
    paste_center(img, logo, w * 0.12, h * 0.58)
    lettering = int(h * LIVERY_CAP / 0.72)
    word = fitted_text("SHERIFF", "sans-bold", lettering, (250, 250, 245), int(w * 0.5), stroke=max(1, h // 90), stroke_fill=GOLD)
    paste_center(img, word, w * 0.5, h * 0.52)
    county = fitted_text("CALDER VALLEY COUNTY", "sans-bold", int(h * 0.075 / 0.72), (235, 200, 90), int(w * 0.45))
    paste_center(img, county, w * 0.5, h * 0.78)
    return img


# ---------------------------------------------------------------- look-alikes (never the agency's insignia)

def other_star(size: int, top: str, bottom: str, points: int = 6, metal=SILVER) -> Image.Image:
    """Another county's star: six points, silver, flat centre with different lettering."""
    img = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    c = size / 2
    d.polygon(star_points(c, c, size * 0.46, size * 0.27, points, -90), fill=shade(metal, 0.7))
    d.polygon(star_points(c, c, size * 0.43, size * 0.25, points, -90), fill=metal)
    ring = size * 0.25
    d.ellipse([c - ring, c - ring, c + ring, c + ring], fill=shade(metal, 1.1), outline=shade(metal, 0.6), width=max(2, size // 90))
    lettering = int(size * 0.038 / 0.72)
    arc_text(img, c, c, ring * 0.8, top, "sans-bold", lettering, (30, 30, 40), -90)
    arc_text(img, c, c, ring * 0.8, bottom, "sans-bold", lettering, (30, 30, 40), 90, bottom=True)
    d.polygon(star_points(c, c, ring * 0.5, ring * 0.22, 5), fill=shade(metal, 0.55))
    return img


def toy_star(size: int, color, rng: np.random.Generator, points: int = 5, word: str = "") -> Image.Image:
    """A shiny plastic or tin toy star, with a bright highlight and an optional moulded word."""
    img = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    c = size / 2
    rotation = -90 + float(rng.uniform(-12, 12))
    d.polygon(star_points(c, c, size * 0.47, size * 0.2, points, rotation), fill=shade(color, 0.75))
    d.polygon(star_points(c, c, size * 0.42, size * 0.17, points, rotation), fill=color)
    d.polygon(star_points(c - size * 0.05, c - size * 0.06, size * 0.15, size * 0.06, points, rotation), fill=shade(color, 1.35))
    if word:
        paste_center(img, fitted_text(word, "sans-bold", int(size * 0.1), shade(color, 0.5), int(size * 0.3)), c, c + size * 0.05)
    return img


def drawn_star(size: int, rng: np.random.Generator, ink=(30, 30, 200)) -> Image.Image:
    """A hand-drawn five-point star outline (a doodle or a child's sticker)."""
    img = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    pts = star_points(size / 2, size / 2, size * 0.45, size * 0.19, 5, -90 + float(rng.uniform(-20, 20)))
    pts = [(x + float(rng.normal(0, size * 0.015)), y + float(rng.normal(0, size * 0.015))) for x, y in pts]
    if rng.random() < 0.5:
        d.polygon(pts, fill=(255, 215, 0))
    d.line(pts + [pts[0]], fill=ink, width=max(2, size // 40), joint="curve")
    return img


def fire_cross(size: int, name: str) -> Image.Image:
    """A fire-department Maltese cross with a ring of lettering."""
    img = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    c = size / 2
    for k in range(4):
        a = math.radians(90 * k)
        tip_l = (c + size * 0.48 * math.cos(a - 0.42), c + size * 0.48 * math.sin(a - 0.42))
        tip_r = (c + size * 0.48 * math.cos(a + 0.42), c + size * 0.48 * math.sin(a + 0.42))
        notch = (c + size * 0.36 * math.cos(a), c + size * 0.36 * math.sin(a))
        d.polygon([(c, c), tip_l, notch, tip_r], fill=(180, 25, 30), outline=(230, 190, 60))
    ring = size * 0.22
    d.ellipse([c - ring, c - ring, c + ring, c + ring], fill=(240, 235, 225), outline=(230, 190, 60), width=max(2, size // 80))
    arc_text(img, c, c, ring * 0.78, name, "sans-bold", int(size * 0.045 / 0.72), (150, 20, 25), -90)
    d.rectangle([c - ring * 0.08, c - ring * 0.4, c + ring * 0.08, c + ring * 0.4], fill=(90, 60, 40))
    d.polygon([(c - ring * 0.35, c + ring * 0.3), (c + ring * 0.35, c - ring * 0.3), (c + ring * 0.4, c - ring * 0.2),
               (c - ring * 0.3, c + ring * 0.4)], fill=(90, 60, 40))
    return img


def star_of_life(size: int) -> Image.Image:
    img = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    c = size / 2
    arm = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    ImageDraw.Draw(arm).rectangle([c - size * 0.1, size * 0.04, c + size * 0.1, size * 0.96], fill=(20, 90, 190), outline=(250, 250, 250),
                                  width=max(2, size // 60))
    for k in range(3):
        img.alpha_composite(arm.rotate(60 * k, resample=Image.BICUBIC))
    d.line([(c, c - size * 0.3), (c, c + size * 0.3)], fill=(250, 250, 250), width=max(2, size // 40))
    for k in range(5):
        y = c - size * 0.2 + k * size * 0.1
        d.arc([c - size * 0.06, y - size * 0.04, c + size * 0.06, y + size * 0.04], 180 if k % 2 else 0, 360 if k % 2 else 180,
              fill=(250, 250, 250), width=max(2, size // 60))
    return img


def security_shield(size: int, company: str) -> Image.Image:
    """A private security company's shield: it says SECURITY, and a company name."""
    img = Image.new("RGBA", (size, int(size * 1.15)), (0, 0, 0, 0))
    w, h = img.size
    d = ImageDraw.Draw(img)
    outline = [(w * 0.05, h * 0.08), (w * 0.5, 0), (w * 0.95, h * 0.08), (w * 0.95, h * 0.5), (w * 0.5, h), (w * 0.05, h * 0.5)]
    d.polygon(outline, fill=(150, 150, 155))
    d.polygon([(x * 0.88 + w * 0.06, y * 0.88 + h * 0.05) for x, y in outline], fill=(35, 35, 40))
    lettering = int(h * 0.085 / 0.72)
    paste_center(img, fitted_text("SECURITY", "sans-bold", lettering, (240, 240, 240), int(w * 0.7)), w / 2, h * 0.3)
    paste_center(img, fitted_text(company, "sans", int(lettering * 0.6), (200, 200, 200), int(w * 0.6)), w / 2, h * 0.48)
    d.polygon(star_points(w / 2, h * 0.66, w * 0.1, w * 0.045, 5), fill=(200, 200, 205))
    return img


def team_crest(size: int, team: str, colors) -> Image.Image:
    """A sports club's round crest with a bird and the club name."""
    img = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    c = size / 2
    d.ellipse([size * 0.03, size * 0.03, size * 0.97, size * 0.97], fill=colors[0])
    d.ellipse([size * 0.12, size * 0.12, size * 0.88, size * 0.88], fill=colors[1])
    arc_text(img, c, c, size * 0.4, team, "sans-bold", int(size * 0.06 / 0.72), colors[1], -90)
    d.polygon([(c - size * 0.25, c), (c, c - size * 0.15), (c + size * 0.25, c - size * 0.02), (c + size * 0.05, c + size * 0.05),
               (c + size * 0.1, c + size * 0.25), (c - size * 0.05, c + size * 0.08)], fill=colors[0])
    d.polygon(star_points(c, c - size * 0.27, size * 0.05, size * 0.02, 5), fill=colors[0])
    return img


def scout_badge(size: int) -> Image.Image:
    img = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    c = size / 2
    d.ellipse([0, 0, size - 1, size - 1], fill=(120, 150, 70), outline=(240, 220, 120), width=max(3, size // 25))
    d.polygon([(c, size * 0.15), (c + size * 0.1, c), (c, size * 0.8), (c - size * 0.1, c)], fill=(240, 220, 120))
    d.ellipse([c - size * 0.32, c - size * 0.1, c - size * 0.08, c + size * 0.14], outline=(240, 220, 120), width=max(2, size // 30))
    d.ellipse([c + size * 0.08, c - size * 0.1, c + size * 0.32, c + size * 0.14], outline=(240, 220, 120), width=max(2, size // 30))
    paste_center(img, fitted_text("TRAIL SCOUTS", "sans-bold", int(size * 0.07), (250, 250, 240), int(size * 0.6)), c, size * 0.88)
    return img


def christmas_ornament_star(size: int, rng: np.random.Generator) -> Image.Image:
    img = toy_star(size, (230, 190, 40), rng, points=8)
    glitter = Image.new("RGBA", img.size, (0, 0, 0, 0))
    gd = ImageDraw.Draw(glitter)
    for _ in range(size // 3):
        x, y = rng.uniform(size * 0.2, size * 0.8, size=2)
        gd.point((float(x), float(y)), fill=(255, 255, 230, 255))
    img.alpha_composite(Image.composite(glitter, Image.new("RGBA", img.size, (0, 0, 0, 0)), img.getchannel("A")))
    return img.filter(ImageFilter.SMOOTH)
