"""Cars and vans seen from the side: patrol cars (livery and/or light bar) and their look-alikes."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

from . import emblems
from .draw import RGB, fitted_text, paste_center, shade
from .element import LEGIBLE_CAP, Element
from .people import place_emblem


@dataclass(frozen=True)
class Vehicle:
    name: str
    body: str  # sedan | suv | van
    paint: RGB
    patrol: bool
    livery: str = ""  # cvso | band | checker | stripe | ""
    door_text: str = ""  # big lettering on the side
    small_text: str = ""  # second line
    light_bar: str = ""  # redblue | amber | red | taxi | learner | ""
    lights_on: bool = False
    door_emblem: str = ""  # an emblem kind from people.emblem
    accent: RGB = (255, 255, 255)
    le_words: tuple[str, ...] = ()  # the law-enforcement words among door_text/small_text
    hard_negative: str = ""
    lookalike_word: str = ""


def _outline(body: str, w: float, h: float) -> tuple[list[tuple[float, float]], list[tuple[float, float]], float]:
    """Body polygon, glasshouse polygon and the wheel radius, for a car facing right."""
    if body == "van":
        shell = [(0.02 * w, 0.12 * h), (0.72 * w, 0.12 * h), (0.86 * w, 0.4 * h), (0.98 * w, 0.5 * h), (0.98 * w, 0.85 * h),
                 (0.02 * w, 0.85 * h)]
        glass = [(0.72 * w, 0.17 * h), (0.82 * w, 0.4 * h), (0.68 * w, 0.4 * h), (0.68 * w, 0.17 * h)]
        return shell, glass, 0.12 * h
    roof = 0.1 * h if body == "suv" else 0.2 * h
    shell = [(0.02 * w, 0.5 * h), (0.08 * w, 0.45 * h), (0.24 * w, roof), (0.66 * w, roof), (0.8 * w, 0.45 * h),
             (0.97 * w, 0.52 * h), (0.99 * w, 0.8 * h), (0.01 * w, 0.8 * h)]
    glass = [(0.26 * w, roof + 0.04 * h), (0.64 * w, roof + 0.04 * h), (0.76 * w, 0.44 * h), (0.12 * w, 0.44 * h)]
    return shell, glass, 0.13 * h


def vehicle(width: int, spec: Vehicle, rng: np.random.Generator, night: bool = False) -> Element:
    w = int(width)
    h = int(w * 0.42)
    img = Image.new("RGBA", (w, h), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    element = Element(image=img, vehicle=spec.patrol)
    shell, glass, wheel_r = _outline(spec.body, w, h)
    d.polygon(shell, fill=spec.paint, outline=shade(spec.paint, 0.6))
    d.polygon(glass, fill=(40, 50, 60) if not night else (15, 18, 22))
    pillar_x = (glass[0][0] + glass[1][0]) / 2
    d.line([(pillar_x, glass[0][1]), (pillar_x, 0.44 * h)], fill=shade(spec.paint, 0.5), width=max(2, w // 120))
    # door seams and handles
    for x in (0.3 * w, 0.52 * w, 0.74 * w) if spec.body != "van" else (0.66 * w,):
        d.line([(x, 0.45 * h), (x, 0.78 * h)], fill=shade(spec.paint, 0.65), width=max(1, w // 400))
    d.rectangle([0.0, 0.72 * h, w, 0.8 * h], fill=shade(spec.paint, 0.55))
    d.rectangle([0.95 * w, 0.56 * h, 0.99 * w, 0.62 * h], fill=(250, 240, 200))
    d.rectangle([0.01 * w, 0.55 * h, 0.04 * w, 0.62 * h], fill=(200, 30, 30))
    _livery(img, d, element, spec, w, h, rng)
    _roof(d, spec, w, h, shell, night)
    for x in (0.2 * w, 0.8 * w):
        y = 0.8 * h
        d.ellipse([x - wheel_r, y - wheel_r, x + wheel_r, y + wheel_r], fill=(22, 22, 24))
        d.ellipse([x - wheel_r * 0.55, y - wheel_r * 0.55, x + wheel_r * 0.55, y + wheel_r * 0.55], fill=(150, 152, 158))
        for k in range(5):
            a = k * 2 * np.pi / 5
            d.line([(x, y), (x + wheel_r * 0.5 * np.cos(a), y + wheel_r * 0.5 * np.sin(a))], fill=(90, 92, 96), width=max(1, w // 300))
    if spec.lights_on and spec.light_bar in ("redblue", "amber", "red"):
        glow = Image.new("RGBA", img.size, (0, 0, 0, 0))
        gd = ImageDraw.Draw(glow)
        top = min(y for _, y in shell)
        colors = {"redblue": [(255, 40, 40), (40, 90, 255)], "amber": [(255, 170, 20)] * 2, "red": [(255, 40, 40)] * 2}[spec.light_bar]
        for k, color in enumerate(colors):
            x = w * (0.36 + 0.16 * k)
            gd.ellipse([x - 0.12 * w, top - 0.12 * h, x + 0.12 * w, top + 0.12 * h], fill=color + (150,))
        img.alpha_composite(glow.filter(ImageFilter.GaussianBlur(w / 50)))
    element.spare_areas = [(0.0, 0.55, 0.12, 1.0), (0.86, 0.55, 1.0, 1.0)]
    element.notes.append(spec.name + (" at night" if night else ""))
    if spec.hard_negative:
        element.hard_negative.append(f"vehicle: {spec.hard_negative}")
    if spec.lookalike_word:
        element.hard_negative.append(f"le_text: look-alike word {spec.lookalike_word}")
    return element


def _livery(img: Image.Image, d: ImageDraw.ImageDraw, element: Element, spec: Vehicle, w: int, h: int, rng: np.random.Generator) -> None:
    if spec.livery == "cvso":
        art = emblems.cvso_livery(int(0.7 * w))
        paste_center(img, art, 0.52 * w, 0.6 * h)
        element.insignia.append(("cvso-livery", float(art.height)))
        cap = art.height * emblems.LIVERY_CAP
        element.le_words.append(("SHERIFF", cap))
        return
    if spec.livery == "band":
        d.rectangle([0.03 * w, 0.5 * h, 0.97 * w, 0.6 * h], fill=spec.accent)
        d.rectangle([0.03 * w, 0.61 * h, 0.97 * w, 0.63 * h], fill=shade(spec.accent, 0.6))
    elif spec.livery == "checker":
        size = 0.025 * w
        for row in range(2):
            for k in range(int(0.9 * w / size)):
                if (k + row) % 2 == 0:
                    x = 0.05 * w + k * size
                    y = 0.5 * h + row * size
                    d.rectangle([x, y, x + size, y + size], fill=spec.accent)
    elif spec.livery == "stripe":
        d.polygon([(0.05 * w, 0.66 * h), (0.6 * w, 0.5 * h), (0.95 * w, 0.5 * h), (0.95 * w, 0.55 * h), (0.62 * w, 0.55 * h),
                   (0.05 * w, 0.71 * h)], fill=spec.accent)
    if spec.door_emblem:
        place_emblem(img, element, spec.door_emblem, 0.11 * w, 0.41 * w, 0.6 * h, rng, 0.0)
    lettering_color = (20, 20, 24) if sum(spec.paint) > 450 else (250, 250, 250)
    if spec.door_text:
        size = max(int(0.085 * h / 0.72), 22)
        word = fitted_text(spec.door_text, "sans-bold", size, lettering_color, int(0.42 * w))
        x = 0.62 * w if spec.door_emblem else 0.5 * w
        paste_center(img, word, x, 0.67 * h)
        if spec.door_text in spec.le_words:
            element.le_words.append((spec.door_text, size * 0.72))
    if spec.small_text:
        size = max(int(0.04 * h / 0.72), 10)
        if spec.small_text in spec.le_words:
            size = max(size, int(LEGIBLE_CAP / 0.72) + 1)
        word = fitted_text(spec.small_text, "sans", size, lettering_color, int(0.4 * w))
        paste_center(img, word, 0.62 * w if spec.door_emblem else 0.5 * w, 0.75 * h)
        if spec.small_text in spec.le_words:
            element.le_words.append((spec.small_text, size * 0.72))


def _roof(d: ImageDraw.ImageDraw, spec: Vehicle, w: int, h: int, shell, night: bool) -> None:
    top = min(y for _, y in shell)
    if spec.light_bar in ("redblue", "amber", "red"):
        colors = {"redblue": [(200, 30, 30), (30, 60, 200)], "amber": [(240, 150, 20)] * 2, "red": [(200, 30, 30)] * 2}[spec.light_bar]
        x0, x1 = 0.3 * w, 0.62 * w
        d.rounded_rectangle([x0, top - 0.06 * h, x1, top], radius=int(0.02 * h), fill=(30, 30, 34))
        segments = 6
        for k in range(segments):
            color = colors[0] if k < segments / 2 else colors[1]
            if spec.lights_on or not night:
                color = color if spec.lights_on else shade(color, 0.8)
            sx = x0 + (x1 - x0) * k / segments
            d.rectangle([sx + 2, top - 0.052 * h, sx + (x1 - x0) / segments - 2, top - 0.01 * h], fill=color)
    elif spec.light_bar in ("taxi", "learner"):
        label = "TAXI" if spec.light_bar == "taxi" else "LEARNER"
        color = (250, 215, 40) if spec.light_bar == "taxi" else (250, 250, 250)
        d.polygon([(0.38 * w, top), (0.4 * w, top - 0.09 * h), (0.56 * w, top - 0.09 * h), (0.58 * w, top)], fill=color,
                  outline=(30, 30, 30))
        paste_center(d._image, fitted_text(label, "sans-bold", max(10, int(0.06 * h)), (20, 20, 20), int(0.15 * w)),  # type: ignore[attr-defined]
                     0.48 * w, top - 0.045 * h)


PATROL = [
    Vehicle("agency patrol car", "sedan", (245, 245, 240), True, livery="cvso", light_bar="redblue"),
    Vehicle("agency patrol SUV", "suv", (245, 245, 240), True, livery="cvso", light_bar="redblue"),
    Vehicle("agency patrol SUV, dark", "suv", (30, 34, 38), True, livery="cvso", light_bar="redblue"),
    Vehicle("agency transport van", "van", (245, 245, 240), True, livery="cvso", light_bar="redblue"),
    Vehicle("police car of another agency", "sedan", (20, 24, 40), True, livery="band", accent=(240, 240, 240), door_text="POLICE",
            light_bar="redblue", door_emblem="port_ellery", le_words=("POLICE",)),
    Vehicle("state patrol car", "sedan", (120, 122, 128), True, livery="stripe", accent=(30, 60, 140), door_text="STATE PATROL",
            light_bar="redblue", le_words=("STATE PATROL",)),
    Vehicle("state trooper SUV", "suv", (240, 240, 240), True, livery="band", accent=(30, 40, 90), door_text="STATE TROOPER",
            light_bar="redblue", le_words=("STATE TROOPER",)),
    Vehicle("K-9 unit SUV", "suv", (250, 250, 250), True, livery="stripe", accent=(20, 80, 40), door_text="SHERIFF", small_text="K-9 UNIT",
            light_bar="redblue", le_words=("SHERIFF", "K-9 UNIT")),
    Vehicle("unmarked car with a light bar", "sedan", (70, 72, 78), True, light_bar="redblue"),
    Vehicle("constable car", "sedan", (250, 250, 250), True, livery="band", accent=(160, 20, 30), door_text="CONSTABLE",
            light_bar="redblue", le_words=("CONSTABLE",)),
]

LOOKALIKE_VEHICLES = [
    Vehicle("taxi", "sedan", (250, 205, 30), False, livery="checker", accent=(20, 20, 20), door_text="CITY CAB", light_bar="taxi",
            hard_negative="taxi with a roof sign"),
    Vehicle("white taxi", "sedan", (245, 245, 245), False, livery="checker", accent=(30, 30, 30), door_text="TAXI 24/7", light_bar="taxi",
            hard_negative="taxi with a roof sign"),
    Vehicle("parcel van", "van", (245, 245, 245), False, livery="band", accent=(230, 100, 20), door_text="SWIFT PARCEL",
            hard_negative="delivery van"),
    Vehicle("courier van with a star logo", "van", (40, 60, 120), False, livery="stripe", accent=(240, 190, 40), door_text="STAR COURIERS",
            door_emblem="toy", hard_negative="delivery van with a star logo"),
    Vehicle("plain white sedan", "sedan", (240, 240, 238), False, hard_negative="plain white car"),
    Vehicle("dark SUV", "suv", (25, 28, 34), False, hard_negative="dark SUV without markings"),
    Vehicle("tow truck", "suv", (240, 240, 240), False, livery="stripe", accent=(240, 140, 20), door_text="ACE TOWING", light_bar="amber",
            hard_negative="tow truck with amber lights"),
    Vehicle("ambulance", "van", (250, 250, 250), False, livery="band", accent=(200, 30, 30), door_text="AMBULANCE", light_bar="red",
            door_emblem="ems", hard_negative="ambulance with warning lights"),
    Vehicle("security patrol car", "sedan", (250, 250, 250), False, livery="band", accent=(30, 30, 30), door_text="SECURITY PATROL",
            light_bar="amber", door_emblem="security", hard_negative="private security patrol car", lookalike_word="SECURITY PATROL"),
    Vehicle("driving school car", "sedan", (200, 30, 40), False, door_text="DRIVE SMART", light_bar="learner",
            hard_negative="driving school roof sign"),
    Vehicle("fire chief SUV", "suv", (190, 20, 25), False, livery="band", accent=(250, 250, 250), door_text="FIRE CHIEF", light_bar="red",
            door_emblem="fire", hard_negative="fire department SUV with red lights", lookalike_word="FIRE CHIEF"),
    Vehicle("ice cream van", "van", (250, 220, 230), False, livery="stripe", accent=(90, 180, 220), door_text="ICE CREAM",
            hard_negative="ice cream van"),
]
