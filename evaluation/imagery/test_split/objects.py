"""Small things photographed on their own: signs, mugs, caps, a badge wallet, a loose patch, stickers,
and the face-like and star-like things that are not what they look like."""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw

from . import emblems
from .draw import RGB, fitted_text, paste_center, shade
from .element import LEGIBLE_CAP, Element
from .people import place_emblem

LE_SIGNS = ["POLICE", "SHERIFF'S OFFICE", "CALDER VALLEY SHERIFF", "STATE PATROL\nPOST 6", "CORRECTIONS\nFACILITY", "K-9 UNIT\nTRAINING AREA",
            "DISPATCH\nCENTER", "CONSTABLE", "MARSHAL\nSERVICE", "STATE TROOPER\nPARKING ONLY"]
# The law-enforcement word of each sign, as a reader would name it.
LE_SIGN_WORDS = {"POLICE": "POLICE", "SHERIFF'S OFFICE": "SHERIFF", "CALDER VALLEY SHERIFF": "SHERIFF", "STATE PATROL": "STATE PATROL",
                 "CORRECTIONS": "CORRECTIONS", "K-9 UNIT": "K-9 UNIT", "DISPATCH": "DISPATCH", "CONSTABLE": "CONSTABLE", "MARSHAL": "MARSHAL",
                 "STATE TROOPER": "STATE TROOPER"}
LOOKALIKE_SIGNS = {"POLISH\nNAILS & SPA": "POLISH", "POLITE NOTICE\nNO PARKING": "POLITE", "SHERIFF'S\nFARM STAND": "shop named Sheriff's",
                   "MARSHALL'S\nHARDWARE": "MARSHALL'S", "SKI PATROL\nFIRST AID": "SKI PATROL", "SECURITY\nCHECKPOINT": "SECURITY",
                   "STAFF ONLY": "STAFF", "PARKING\nENFORCEMENT ZONE": "PARKING ENFORCEMENT", "POLKA NIGHT\nFRIDAYS": "POLKA",
                   "BEACH PATROL\nTOWER 3": "BEACH PATROL", "POLICY\nSEMINAR ROOM": "POLICY", "POLLEN COUNT\nHIGH": "POLLEN"}


def sign(width: int, text: str, rng: np.random.Generator, le_word: str = "", look_alike: str = "") -> Element:
    """A wall sign: coloured board, border and one or two lines of capitals."""
    lines = text.split("\n")
    w = int(width)
    h = int(w * (0.28 if len(lines) == 1 else 0.42))
    palette = [((20, 50, 110), (250, 250, 250)), ((245, 245, 240), (20, 20, 30)), ((30, 70, 45), (240, 220, 150)), ((150, 25, 30), (250, 250, 250)),
               ((40, 40, 45), (240, 190, 40))]
    board, ink = palette[int(rng.integers(len(palette)))]
    img = Image.new("RGBA", (w, h), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    d.rounded_rectangle([0, 0, w - 1, h - 1], radius=int(h * 0.08), fill=board, outline=shade(board, 0.6), width=max(2, w // 150))
    d.rounded_rectangle([w * 0.03, h * 0.08, w * 0.97, h * 0.92], radius=int(h * 0.06), outline=ink, width=max(2, w // 200))
    element = Element(image=img)
    size = int(h * (0.42 if len(lines) == 1 else 0.3))
    for k, line in enumerate(lines):
        cy = h / 2 if len(lines) == 1 else h * (0.32 + 0.38 * k)
        paste_center(img, fitted_text(line, "sans-bold", size, ink, int(w * 0.88)), w / 2, cy)
    if le_word:
        element.le_words.append((le_word, size * 0.72))
    if look_alike:
        element.hard_negative.append(f"le_text: look-alike word {look_alike}")
    element.notes.append("sign reading " + text.replace("\n", " "))
    element.spare_areas = [(0.0, 0.0, 0.12, 1.0), (0.88, 0.0, 1.0, 1.0)]
    return element


def mug(height: int, color: RGB, text: str, logo: bool, rng: np.random.Generator, le_word: str = "", look_alike: str = "") -> Element:
    h = int(height)
    w = int(h * 1.05)
    img = Image.new("RGBA", (w, h), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    body = (int(w * 0.05), int(h * 0.08), int(w * 0.78), h - 2)
    d.ellipse([w * 0.68, h * 0.25, w * 0.98, h * 0.7], outline=color, width=max(4, w // 18))
    d.rounded_rectangle(body, radius=int(w * 0.06), fill=color)
    d.ellipse([body[0], body[1] - h * 0.05, body[2], body[1] + h * 0.05], fill=shade(color, 0.7))
    d.rectangle([body[0] + w * 0.05, body[1], body[0] + w * 0.12, body[3] - h * 0.05], fill=shade(color, 1.15))
    element = Element(image=img)
    ink = (20, 20, 25) if sum(color) > 450 else (245, 245, 245)
    cx = (body[0] + body[2]) / 2
    if logo:
        place_emblem(img, element, "cvso_logo", 0.5 * h, cx, h * 0.42, rng, 0.0)
    if text:
        size = max(int(h * 0.1), int(LEGIBLE_CAP / 0.72) + 1)
        paste_center(img, fitted_text(text, "sans-bold", size, ink, int((body[2] - body[0]) * 0.85)), cx, h * (0.8 if logo else 0.5))
        if le_word:
            element.le_words.append((le_word, size * 0.72))
    if look_alike:
        element.hard_negative.append(f"le_text: look-alike word {look_alike}")
    element.notes.append(f"mug{' with the agency logo' if logo else ''}{' reading ' + text if text else ''}")
    return element


def cap_hat(width: int, color: RGB, text: str, le_word: str = "", look_alike: str = "") -> Element:
    w = int(width)
    h = int(w * 0.62)
    img = Image.new("RGBA", (w, h), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    d.chord([w * 0.1, h * 0.05, w * 0.9, h * 1.3], 180, 360, fill=color)
    d.ellipse([w * 0.05, h * 0.62, w * 0.95, h * 0.98], fill=shade(color, 0.75))
    d.ellipse([w * 0.47, h * 0.02, w * 0.53, h * 0.1], fill=shade(color, 0.8))
    element = Element(image=img)
    size = max(int(h * 0.2), int(LEGIBLE_CAP / 0.72) + 1)
    ink = (240, 220, 120) if sum(color) < 400 else (20, 20, 30)
    paste_center(img, fitted_text(text, "sans-bold", size, ink, int(w * 0.6)), w / 2, h * 0.38)
    if le_word:
        element.le_words.append((le_word, size * 0.72))
    if look_alike:
        element.hard_negative.append(f"le_text: look-alike word {look_alike}")
    element.notes.append(f"baseball cap reading {text}")
    return element


def badge_wallet(width: int, rng: np.random.Generator) -> Element:
    """An open leather wallet: the agency's badge on one side, an ID card on the other."""
    w = int(width)
    h = int(w * 0.62)
    img = Image.new("RGBA", (w, h), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    leather = (60, 38, 24)
    d.rounded_rectangle([0, 0, w - 1, h - 1], radius=int(h * 0.06), fill=leather)
    d.line([(w / 2, 0), (w / 2, h)], fill=shade(leather, 0.6), width=max(2, w // 120))
    for x0 in (w * 0.03, w * 0.53):
        d.rounded_rectangle([x0, h * 0.05, x0 + w * 0.44, h * 0.95], radius=int(h * 0.04), outline=shade(leather, 1.4), width=max(1, w // 300))
    d.rounded_rectangle([w * 0.56, h * 0.15, w * 0.94, h * 0.85], radius=int(h * 0.03), fill=(235, 238, 240))
    for k in range(5):
        y = h * (0.45 + k * 0.07)
        d.rectangle([w * 0.6, y, w * (0.9 - 0.05 * (k % 3)), y + h * 0.025], fill=(120, 125, 135))
    d.rectangle([w * 0.6, h * 0.2, w * 0.72, h * 0.4], fill=(160, 170, 180))
    element = Element(image=img)
    place_emblem(img, element, "cvso_badge", h * 0.8, w * 0.25, h * 0.5, rng, float(rng.uniform(-10, 10)))
    element.notes.append("badge wallet")
    element.spare_areas = [(0.5, 0.6, 1.0, 1.0)]
    return element


def loose_emblem(kind: str, width: int, rng: np.random.Generator) -> Element:
    """One emblem lying on a surface, with a soft shadow (a patch on a desk, a toy star on a table)."""
    element = Element(image=Image.new("RGBA", (int(width * 1.5), int(width * 1.8)), (0, 0, 0, 0)))
    canvas = element.image
    place_emblem(canvas, element, kind, width, canvas.width / 2, canvas.height / 2, rng, float(rng.uniform(-40, 40)))
    element.notes.append(f"{kind.replace('_', ' ')} on its own")
    element.spare_areas = [(0.0, 0.0, 0.3, 0.25)]
    return element


def sticker_sheet(width: int, rng: np.random.Generator, kind: str) -> Element:
    """Stars or smileys drawn as stickers: cartoon stars are not insignia, smileys are not faces."""
    w = int(width)
    img = Image.new("RGBA", (w, int(w * 0.7)), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    d.rounded_rectangle([0, 0, w - 1, img.height - 1], radius=w // 30, fill=(252, 252, 250))
    element = Element(image=img)
    count = int(rng.integers(3, 7))
    for k in range(count):
        size = int(w * rng.uniform(0.16, 0.26))
        x = w * (0.15 + 0.7 * (k % 3) / 2)
        y = img.height * (0.28 if k < 3 else 0.72)
        if kind == "stars":
            art = emblems.drawn_star(size, rng, ink=tuple(int(v) for v in rng.integers(0, 200, size=3)))
        else:
            art = smiley(size, rng)
        paste_center(img, art, x, y)
    element.hard_negative.append("insignia: cartoon stars" if kind == "stars" else "face: drawn smileys")
    element.notes.append(f"sticker sheet of {kind}")
    return element


def smiley(size: int, rng: np.random.Generator) -> Image.Image:
    img = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    d.ellipse([2, 2, size - 3, size - 3], fill=(255, 210, 40), outline=(200, 140, 0), width=max(2, size // 30))
    for x in (0.35, 0.65):
        d.ellipse([size * (x - 0.05), size * 0.3, size * (x + 0.05), size * 0.45], fill=(40, 30, 20))
    d.arc([size * 0.25, size * 0.35, size * 0.75, size * 0.75], 20, 160, fill=(40, 30, 20), width=max(2, size // 20))
    return img


def carnival_mask(width: int, rng: np.random.Generator) -> Element:
    w = int(width)
    h = int(w * 0.5)
    img = Image.new("RGBA", (w, h), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    color = tuple(int(v) for v in rng.integers(60, 240, size=3))
    d.polygon([(0, h * 0.3), (w * 0.3, 0), (w * 0.5, h * 0.2), (w * 0.7, 0), (w, h * 0.3), (w * 0.8, h * 0.9), (w * 0.5, h * 0.7),
               (w * 0.2, h * 0.9)], fill=color, outline=shade(color, 0.5))
    for x in (0.3, 0.7):
        d.ellipse([w * (x - 0.1), h * 0.3, w * (x + 0.1), h * 0.55], fill=(0, 0, 0, 0))
    for k in range(12):
        x, y = rng.uniform(0.1, 0.9) * w, rng.uniform(0.1, 0.8) * h
        d.ellipse([x - 3, y - 3, x + 3, y + 3], fill=(250, 230, 120))
    element = Element(image=img, hard_negative=["face: carnival mask without a face"])
    element.notes.append("carnival mask")
    return element


def pumpkin(width: int) -> Element:
    w = int(width)
    img = Image.new("RGBA", (w, int(w * 0.85)), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    h = img.height
    for k, dx in enumerate((-0.22, 0.22, 0.0)):
        d.ellipse([w * (0.1 + dx), h * 0.12, w * (0.9 + dx * 0.3), h * 0.98], fill=shade((235, 120, 20), 0.9 + 0.05 * k))
    d.rectangle([w * 0.46, 0, w * 0.54, h * 0.16], fill=(80, 100, 30))
    for x in (0.33, 0.67):
        d.polygon([(w * (x - 0.08), h * 0.45), (w * (x + 0.08), h * 0.45), (w * x, h * 0.3)], fill=(250, 220, 80))
    d.polygon([(w * 0.25, h * 0.65), (w * 0.75, h * 0.65), (w * 0.65, h * 0.8), (w * 0.35, h * 0.8)], fill=(250, 220, 80))
    element = Element(image=img, hard_negative=["face: carved pumpkin"])
    element.notes.append("carved pumpkin")
    return element


def tshirt(width: int, color: RGB, text: str, le_word: str = "", look_alike: str = "") -> Element:
    """A shirt on a hanger, nobody wearing it."""
    w = int(width)
    h = int(w * 1.05)
    img = Image.new("RGBA", (w, h), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    d.arc([w * 0.44, 0, w * 0.56, h * 0.1], 180, 360, fill=(120, 120, 120), width=max(2, w // 80))
    d.line([(w * 0.5, h * 0.05), (w * 0.5, h * 0.1)], fill=(120, 120, 120), width=max(2, w // 80))
    d.polygon([(w * 0.3, h * 0.1), (w * 0.7, h * 0.1), (w, h * 0.3), (w * 0.85, h * 0.42), (w * 0.78, h * 0.35), (w * 0.78, h),
               (w * 0.22, h), (w * 0.22, h * 0.35), (w * 0.15, h * 0.42), (0, h * 0.3)], fill=color)
    d.chord([w * 0.4, h * 0.02, w * 0.6, h * 0.2], 0, 180, fill=shade(color, 0.7))
    element = Element(image=img)
    size = max(int(h * 0.08), int(LEGIBLE_CAP / 0.72) + 1)
    ink = (250, 250, 250) if sum(color) < 400 else (20, 20, 25)
    paste_center(img, fitted_text(text, "sans-bold", size, ink, int(w * 0.5)), w / 2, h * 0.45)
    if le_word:
        element.le_words.append((le_word, size * 0.72))
        element.hard_negative.append("uniform: lettered shirt with nobody wearing it")
    if look_alike:
        element.hard_negative.append(f"le_text: look-alike word {look_alike}")
    element.notes.append(f"shirt on a hanger reading {text}")
    return element


def laptop_with_sticker(width: int, logo: bool, rng: np.random.Generator) -> Element:
    w = int(width)
    h = int(w * 0.68)
    img = Image.new("RGBA", (w, h), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    d.rounded_rectangle([0, 0, w - 1, h - 1], radius=w // 25, fill=(175, 178, 184), outline=(120, 122, 128), width=3)
    element = Element(image=img)
    if logo:
        place_emblem(img, element, "cvso_logo", 0.36 * h, w * 0.3, h * 0.35, rng, float(rng.uniform(-20, 20)))
        element.notes.append("laptop lid with the agency logo sticker")
    for _ in range(int(rng.integers(1, 4))):
        x, y = rng.uniform(0.5, 0.85) * w, rng.uniform(0.2, 0.8) * h
        r = w * rng.uniform(0.04, 0.08)
        d.ellipse([x - r, y - r, x + r, y + r], fill=tuple(int(v) for v in rng.integers(40, 250, size=3)))
    if not logo:
        art = emblems.christmas_ornament_star(int(h * 0.3), rng)
        paste_center(img, art, w * 0.3, h * 0.35)
        element.hard_negative.append("insignia: star sticker")
        element.notes.append("laptop lid with stickers")
    return element

