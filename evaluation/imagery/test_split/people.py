"""A person from the waist up: a real face photo on a drawn head, and a drawn outfit.

Law-enforcement outfits carry a patch, a badge or lettered vest panels; the look-alike outfits have
the same cut and colours with other emblems and words (security, parking, staff, fire, EMS, jerseys).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

from . import emblems
from .draw import RGB, fitted_text, paste_center, rotate, shade
from .element import LEGIBLE_CAP, Element, settle_cap
from .sources import face_crop

SKIN_TONES: list[RGB] = [(236, 200, 170), (224, 180, 140), (198, 145, 105), (160, 110, 75), (120, 80, 55), (90, 60, 45)]
HAIR: list[RGB] = [(25, 20, 18), (60, 40, 25), (110, 80, 45), (170, 140, 90), (130, 130, 130), (200, 200, 195)]


@dataclass(frozen=True)
class Outfit:
    name: str
    shirt: RGB
    law_enforcement: bool
    patch: str = ""  # cvso | port_ellery | hiking | fire | ems | security | crest
    badge: str = ""  # cvso | other_star | security | toy
    chest_text: str = ""  # lettering on the chest (vest panel, jersey, polo print)
    back_text: str = ""  # lettering across the back
    vest: RGB | None = None
    hi_vis: bool = False
    epaulettes: bool = False
    tie: bool = False
    number: str = ""
    bandana: bool = False
    lookalike_word: str = ""  # a word that resembles law-enforcement lettering without being it
    hard_negative: str = ""  # what look-alike this outfit is, when it is one


LE_WORDS = {"SHERIFF", "POLICE", "STATE TROOPER", "K-9 UNIT", "CORRECTIONS OFFICER", "DEPUTY", "SWAT", "MARSHAL",
            "DEPUTY SHERIFF", "STATE PATROL", "CONSTABLE", "CVSO", "TROOPER", "CORRECTIONS"}


def _face_image(source: str, width: int, height: int, skin: RGB) -> Image.Image:
    crop = face_crop(source)
    if crop.mode == "L":  # grey LFW crops: tint towards a skin tone so the head reads as one person
        grey = np.asarray(crop.resize((width, height), Image.BICUBIC)).astype(np.float32) / 255.0
        tone = np.float32(skin) / 255.0 * 1.35
        rgb = np.clip(grey[:, :, None] * tone[None, None, :] * 255.0, 0, 255).astype(np.uint8)
        return Image.fromarray(rgb)
    return crop.resize((width, height), Image.BICUBIC)


def _ellipse_mask(size: tuple[int, int], feather: float) -> Image.Image:
    w, h = size
    mask = Image.new("L", size, 0)
    inset = feather * 1.5
    ImageDraw.Draw(mask).ellipse([inset, inset, w - inset, h - inset], fill=255)
    return mask.filter(ImageFilter.GaussianBlur(feather))


def person(height: int, outfit: Outfit, face_source: str | None, rng: np.random.Generator, facing_away: bool = False) -> Element:
    """Draw one person; face_source None or facing_away draws the back of the head instead of a face."""
    H = int(height)
    W = int(H * 0.9)
    img = Image.new("RGBA", (W, H), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    skin = SKIN_TONES[int(rng.integers(len(SKIN_TONES)))]
    hair = HAIR[int(rng.integers(len(HAIR)))]
    element = Element(image=img)
    cx = W / 2

    # torso and arms
    top = 0.35 * H
    d.rounded_rectangle([0.05 * W, top, 0.95 * W, H * 1.1], radius=int(0.13 * H), fill=outfit.shirt)
    arm_shade = shade(outfit.shirt, 0.78)
    for x in (0.25 * W, 0.75 * W):
        d.line([(x, top + 0.14 * H), (x, H)], fill=arm_shade, width=max(2, H // 120))
    # neck
    d.rectangle([cx - 0.055 * H, 0.26 * H, cx + 0.055 * H, top + 0.03 * H], fill=skin)

    back = facing_away or face_source is None
    if not back:
        # collar and placket
        d.polygon([(cx - 0.07 * H, top - 0.01 * H), (cx, top + 0.07 * H), (cx - 0.02 * H, top + 0.1 * H), (cx - 0.11 * H, top + 0.02 * H)],
                  fill=shade(outfit.shirt, 0.85))
        d.polygon([(cx + 0.07 * H, top - 0.01 * H), (cx, top + 0.07 * H), (cx + 0.02 * H, top + 0.1 * H), (cx + 0.11 * H, top + 0.02 * H)],
                  fill=shade(outfit.shirt, 0.85))
        if outfit.tie:
            d.polygon([(cx - 0.018 * H, top + 0.06 * H), (cx + 0.018 * H, top + 0.06 * H), (cx + 0.03 * H, top + 0.35 * H),
                       (cx, top + 0.39 * H), (cx - 0.03 * H, top + 0.35 * H)], fill=shade(outfit.shirt, 0.4))
        else:
            d.line([(cx, top + 0.08 * H), (cx, H)], fill=shade(outfit.shirt, 0.7), width=max(1, H // 200))
            for k in range(4):
                y = top + 0.15 * H + k * 0.12 * H
                r = 0.008 * H
                d.ellipse([cx - r + 0.012 * H, y - r, cx + r + 0.012 * H, y + r], fill=shade(outfit.shirt, 1.3))
        # pockets
        for side in (-1, 1):
            px = cx + side * 0.2 * W
            d.rectangle([px - 0.07 * W, top + 0.17 * H, px + 0.07 * W, top + 0.3 * H], outline=shade(outfit.shirt, 0.7),
                        width=max(1, H // 250))
            d.rectangle([px - 0.075 * W, top + 0.16 * H, px + 0.075 * W, top + 0.2 * H], fill=shade(outfit.shirt, 0.9))
    if outfit.epaulettes:
        for side in (-1, 1):
            x0 = cx + side * 0.16 * W
            x1 = cx + side * 0.36 * W
            d.polygon([(x0, top + 0.005 * H), (x1, top + 0.035 * H), (x1, top + 0.065 * H), (x0, top + 0.035 * H)],
                      fill=shade(outfit.shirt, 0.6))
    if outfit.hi_vis:
        vest_color = (205, 235, 40)
        d.rectangle([0.22 * W, top + 0.02 * H, 0.78 * W, H], fill=vest_color)
        for y in (0.62, 0.8):
            d.rectangle([0.22 * W, y * H, 0.78 * W, y * H + 0.035 * H], fill=(200, 200, 200))
    elif outfit.vest is not None:
        d.rounded_rectangle([0.2 * W, top + 0.03 * H, 0.8 * W, H], radius=int(0.03 * H), fill=outfit.vest)
        d.rectangle([0.23 * W, top + 0.36 * H, 0.77 * W, top + 0.42 * H], fill=shade(outfit.vest, 0.75))
    if outfit.bandana and not back:
        d.polygon([(cx - 0.1 * H, 0.3 * H), (cx + 0.1 * H, 0.3 * H), (cx, 0.44 * H)], fill=(180, 30, 30))
    if outfit.name == "cowboy costume":
        for side in (-1, 1):
            d.polygon([(cx + side * 0.04 * W, top + 0.05 * H), (cx + side * 0.42 * W, top + 0.05 * H),
                       (cx + side * 0.4 * W, H), (cx + side * 0.1 * W, H)], fill=(120, 75, 40))
            for k in range(12):
                x = cx + side * (0.1 + 0.025 * k) * W
                d.line([(x, H * 0.93), (x, H)], fill=(95, 60, 30), width=max(1, H // 200))

    _head(img, d, element, H, W, skin, hair, face_source, back)
    _patch_and_badge(img, element, outfit, H, W, rng, back)
    _lettering(img, element, outfit, H, W, back)

    element.uniform = outfit.law_enforcement
    if outfit.hard_negative:
        element.hard_negative.append(f"uniform: {outfit.hard_negative}")
    if outfit.lookalike_word:
        element.hard_negative.append(f"le_text: look-alike word {outfit.lookalike_word}")
    if back:
        element.hard_negative.append("face: person seen from behind")
    element.notes.append(f"{outfit.name}{' seen from behind' if back else ''}")
    element.spare_areas = [(0.0, 0.75, 0.35, 1.0), (0.65, 0.8, 1.0, 1.0)]
    return element


def _head(img: Image.Image, d: ImageDraw.ImageDraw, element: Element, H: int, W: int, skin: RGB, hair: RGB,
          face_source: str | None, back: bool) -> None:
    cx = W / 2
    if back:
        d.ellipse([cx - 0.115 * H, 0.03 * H, cx + 0.115 * H, 0.31 * H], fill=hair)
        d.ellipse([cx - 0.128 * H, 0.14 * H, cx - 0.1 * H, 0.2 * H], fill=skin)
        d.ellipse([cx + 0.1 * H, 0.14 * H, cx + 0.128 * H, 0.2 * H], fill=skin)
        return
    d.ellipse([cx - 0.125 * H, 0.015 * H, cx + 0.125 * H, 0.26 * H], fill=hair)
    d.ellipse([cx - 0.112 * H, 0.05 * H, cx + 0.112 * H, 0.315 * H], fill=skin)
    fw, fh = int(0.2 * H), int(0.24 * H)
    assert face_source is not None
    face = _face_image(face_source, fw, fh, skin)
    img.paste(face, (int(cx - fw / 2), int(0.07 * H)), _ellipse_mask((fw, fh), max(1.0, fw * 0.06)))
    element.face_widths.append(0.16 * H)


ASPECT = {"cvso_patch": 1.25, "port_ellery": 1.25, "hiking": 1.25, "security": 1.15}
# Cap height of each emblem's lettering as a share of the emblem's height.
CAP_SHARE = {"cvso_patch": emblems.PATCH_CAP, "port_ellery": emblems.PATCH_CAP, "hiking": emblems.PATCH_CAP,
             "cvso_badge": emblems.BADGE_CAP, "cvso_logo": emblems.LOGO_CAP, "other_star": 0.038, "fire": 0.045, "security": 0.085, "crest": 0.06}
LOOKALIKE_EMBLEMS = {"port_ellery": "another agency's patch", "other_star": "another county's star", "hiking": "club patch in the agency's colours",
                     "fire": "fire department cross", "ems": "EMS star of life", "security": "security company shield",
                     "crest": "sports crest", "toy": "toy star"}


def emblem(kind: str, width: int, rng: np.random.Generator) -> tuple[Image.Image, str, list[str]]:
    """(image, reference id or '', law-enforcement words in its lettering)."""
    if kind == "cvso_patch":
        return emblems.cvso_patch(width), "cvso-patch", ["CALDER VALLEY", "SHERIFF"]
    if kind == "cvso_badge":
        return emblems.cvso_badge(width), "cvso-badge", ["CALDER VALLEY", "SHERIFF"]
    if kind == "cvso_logo":
        return emblems.cvso_logo(width), "cvso-logo", ["CVSO"]
    if kind == "port_ellery":
        return emblems.other_police_patch(width), "", ["POLICE"]
    if kind == "other_star":
        return emblems.other_star(width, "HOLLIS CO.", "DEPUTY"), "", ["DEPUTY"]
    if kind == "hiking":
        return emblems.hiking_club_patch(width), "", []
    if kind == "fire":
        return emblems.fire_cross(width, "ASHFORD FIRE RESCUE"), "", []
    if kind == "ems":
        return emblems.star_of_life(width), "", []
    if kind == "security":
        return emblems.security_shield(width, "SENTRY GUARD"), "", []
    if kind == "crest":
        return emblems.team_crest(width, "RIVERSIDE FALCONS", ((30, 80, 160), (245, 245, 240))), "", []
    if kind == "toy":
        return emblems.toy_star(width, (226, 186, 50), rng), "", []
    raise ValueError(kind)


def place_emblem(canvas: Image.Image, element: Element, kind: str, width: float, cx: float, cy: float,
                 rng: np.random.Generator, tilt: float) -> None:
    """Paste an emblem and record what it adds: an insignia, a look-alike, legible words."""
    aspect = ASPECT.get(kind, 1.0)
    share = CAP_SHARE.get(kind, 0.0)
    if share:
        width = settle_cap(width * aspect, share) / aspect
    width = int(width)
    picture, reference, words = emblem(kind, width, rng)
    paste_center(canvas, rotate(picture, tilt), cx, cy)
    height = width * aspect
    if reference:
        element.insignia.append((reference, float(width)))
    else:
        element.hard_negative.append(f"insignia: {LOOKALIKE_EMBLEMS[kind]}")
    for word in words:
        element.le_words.append((word, height * share))


def _patch_and_badge(img: Image.Image, element: Element, outfit: Outfit, H: int, W: int, rng: np.random.Generator, back: bool) -> None:
    tilt = float(rng.uniform(-8, 8))
    if outfit.patch:
        kind = "cvso_patch" if outfit.patch == "cvso" else outfit.patch
        place_emblem(img, element, kind, 0.15 * W, 0.13 * W if not back else 0.87 * W, 0.52 * H, rng, tilt)
    if outfit.badge and not back:
        kind = "cvso_badge" if outfit.badge == "cvso" else outfit.badge
        place_emblem(img, element, kind, 0.17 * W, 0.69 * W, 0.46 * H, rng, -tilt / 2)


def _lettering(img: Image.Image, element: Element, outfit: Outfit, H: int, W: int, back: bool) -> None:
    text = outfit.back_text if back else outfit.chest_text
    if not text:
        return
    color = (250, 250, 250) if sum(_panel_color(outfit)) < 380 else (20, 20, 25)
    lines = text.split("\n")
    size = max(int(0.075 * H if back else 0.05 * H), int(LEGIBLE_CAP / 0.72) + 2)
    top = 0.45 * H if back else 0.62 * H
    max_width = int(0.6 * W if back else 0.5 * W)
    for k, line in enumerate(lines):
        word = fitted_text(line, "sans-bold", size, color, max_width)
        paste_center(img, word, W / 2, top + k * size * 1.15)
        if line in LE_WORDS:
            element.le_words.append((line, size * 0.72))
    if outfit.number and not back:
        paste_center(img, fitted_text(outfit.number, "sans-bold", int(0.16 * H), color, int(0.4 * W)), W / 2, 0.8 * H)
    elif outfit.number:
        paste_center(img, fitted_text(outfit.number, "sans-bold", int(0.22 * H), color, int(0.5 * W)), W / 2, 0.72 * H)


def _panel_color(outfit: Outfit) -> RGB:
    if outfit.hi_vis:
        return (205, 235, 40)
    return outfit.vest if outfit.vest is not None else outfit.shirt


TAN, GREEN, NAVY, BLACK, GREY, LIGHT_BLUE = (196, 172, 124), (44, 74, 50), (28, 36, 64), (24, 24, 28), (112, 114, 118), (156, 186, 218)

LAW_ENFORCEMENT_OUTFITS = [
    Outfit("sheriff's deputy, tan shirt", TAN, True, patch="cvso", badge="cvso", epaulettes=True, back_text="SHERIFF"),
    Outfit("sheriff's deputy, green shirt and tie", GREEN, True, patch="cvso", badge="cvso", epaulettes=True, tie=True, back_text="SHERIFF"),
    Outfit("deputy in a vest", GREY, True, patch="cvso", vest=(60, 64, 50), chest_text="SHERIFF", back_text="SHERIFF"),
    Outfit("deputy, badge only", TAN, True, badge="cvso", epaulettes=True, back_text="DEPUTY"),
    Outfit("police officer of another agency", NAVY, True, patch="port_ellery", badge="other_star", epaulettes=True, back_text="POLICE"),
    Outfit("state trooper", GREY, True, vest=(40, 40, 44), chest_text="STATE TROOPER", back_text="STATE TROOPER", epaulettes=True),
    Outfit("K-9 handler", NAVY, True, vest=(20, 22, 30), chest_text="K-9 UNIT", back_text="POLICE\nK-9 UNIT", patch="cvso"),
    Outfit("corrections officer", LIGHT_BLUE, True, patch="cvso", chest_text="CORRECTIONS OFFICER", back_text="CORRECTIONS"),
    Outfit("tactical officer", BLACK, True, vest=(30, 32, 28), chest_text="SWAT", back_text="SWAT", patch="port_ellery"),
    Outfit("marshal in a vest", NAVY, True, vest=(50, 50, 55), chest_text="MARSHAL", back_text="MARSHAL", badge="other_star"),
]

LOOKALIKE_OUTFITS = [
    Outfit("security guard", BLACK, False, patch="security", chest_text="SECURITY", back_text="SECURITY", epaulettes=True,
           lookalike_word="SECURITY", hard_negative="security guard uniform"),
    Outfit("security guard, navy", NAVY, False, patch="security", badge="security", epaulettes=True, back_text="SECURITY",
           lookalike_word="SECURITY", hard_negative="security guard uniform"),
    Outfit("parking enforcement officer", GREY, False, hi_vis=True, chest_text="PARKING\nENFORCEMENT", back_text="PARKING\nENFORCEMENT",
           lookalike_word="PARKING ENFORCEMENT", hard_negative="parking enforcement vest"),
    Outfit("event staff", (190, 40, 40), False, chest_text="EVENT STAFF", back_text="STAFF", lookalike_word="STAFF", hard_negative="event staff shirt"),
    Outfit("stage crew", BLACK, False, chest_text="CREW", back_text="CREW", hard_negative="black crew shirt"),
    Outfit("firefighter", NAVY, False, patch="fire", chest_text="FIRE RESCUE", back_text="FIRE RESCUE", epaulettes=True,
           lookalike_word="FIRE RESCUE", hard_negative="fire department uniform"),
    Outfit("paramedic", (40, 52, 80), False, patch="ems", chest_text="PARAMEDIC", back_text="PARAMEDIC", lookalike_word="PARAMEDIC", hard_negative="EMS uniform"),
    Outfit("football supporter", (30, 80, 160), False, patch="crest", chest_text="FALCONS", back_text="FALCONS", number="17",
           hard_negative="sports jersey"),
    Outfit("hockey jersey", (200, 30, 40), False, chest_text="BLAZE", back_text="MORALES", number="9", hard_negative="sports jersey"),
    Outfit("navy button shirt", NAVY, False, epaulettes=True, hard_negative="navy shirt without insignia"),
    Outfit("black work shirt", BLACK, False, tie=True, hard_negative="black shirt and tie without insignia"),
    Outfit("hiking club member", (120, 110, 80), False, patch="hiking", hard_negative="khaki shirt with a club patch"),
    Outfit("cowboy costume", (230, 225, 210), False, badge="toy", bandana=True, hard_negative="costume with a toy star"),
    Outfit("courier", (110, 70, 40), False, chest_text="SWIFT PARCEL", back_text="SWIFT PARCEL", hard_negative="delivery uniform"),
]

CASUAL_OUTFITS = [
    Outfit("t-shirt", (200, 60, 60), False, hard_negative="casual clothes"),
    Outfit("hoodie", (90, 100, 110), False, hard_negative="casual clothes"),
    Outfit("summer shirt", (240, 200, 90), False, hard_negative="casual clothes"),
    Outfit("sweater", (60, 110, 80), False, hard_negative="casual clothes"),
    Outfit("white blouse", (240, 240, 236), False, hard_negative="casual clothes"),
]
