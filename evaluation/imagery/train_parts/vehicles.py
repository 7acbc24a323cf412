"""Cars and vans drawn side-on: patrol cars (light bar, livery, door text) and their look-alikes."""

from __future__ import annotations

import numpy as np

from . import insignia
from .canvas import Kind, Layer

PATROL_WORDS = ("SHERIFF", "POLICE", "STATE PATROL", "DEPUTY SHERIFF", "K-9 UNIT", "TROOPER")


def car(rng: np.random.Generator, body: tuple[int, int, int], *, van: bool = False, width: int = 900) -> Layer:
    """A side view; anchors: door (centre of the front door), roof (centre of the roof line), panel (van side)."""
    height = int(width * (0.5 if van else 0.42))
    vehicle = Layer.blank(width, height)
    draw = vehicle.draw
    ground = height - width * 0.08
    roof = height * (0.08 if van else 0.2)
    belt = height * (0.5 if van else 0.55)
    colour = (*body, 255)
    dark = (*(max(0, c - 40) for c in body), 255)
    draw.rounded_rectangle((width * 0.02, belt - height * 0.08, width * 0.98, ground), 30, fill=colour, outline=dark, width=3)
    if van:
        draw.rounded_rectangle((width * 0.05, roof, width * 0.8, belt), 18, fill=colour, outline=dark, width=3)
        draw.polygon([(width * 0.8, roof + 10), (width * 0.92, belt - 20), (width * 0.8, belt)], fill=colour)
        draw.polygon([(width * 0.81, roof + 30), (width * 0.9, belt - 25), (width * 0.81, belt - 25)], fill=(60, 80, 100, 255))
    else:
        draw.polygon([(width * 0.2, belt - height * 0.06), (width * 0.32, roof), (width * 0.66, roof),
                      (width * 0.8, belt - height * 0.06)], fill=colour, outline=dark)
        draw.polygon([(width * 0.25, belt - height * 0.08), (width * 0.34, roof + 10), (width * 0.48, roof + 10),
                      (width * 0.48, belt - height * 0.08)], fill=(60, 80, 100, 255))
        draw.polygon([(width * 0.5, belt - height * 0.08), (width * 0.5, roof + 10), (width * 0.64, roof + 10),
                      (width * 0.75, belt - height * 0.08)], fill=(60, 80, 100, 255))
        draw.line([(width * 0.49, belt - height * 0.08), (width * 0.49, ground - 10)], fill=dark, width=3)
    for x in (0.2, 0.8):
        r = width * 0.085
        cx = width * x
        draw.ellipse((cx - r, ground - r, cx + r, ground + r - 2), fill=(20, 20, 20, 255))
        draw.ellipse((cx - r * 0.5, ground - r * 0.5, cx + r * 0.5, ground + r * 0.5), fill=(170, 170, 175, 255))
    draw.rectangle((width * 0.95, belt, width * 0.985, belt + height * 0.06), fill=(255, 245, 200, 255))
    vehicle.anchors.update({"door": (width * 0.42 if not van else width * 0.42, (belt + ground) / 2 - height * 0.02),
                            "roof": (width * 0.49 if not van else width * 0.42, roof),
                            "size": (width, height)})
    return vehicle


def light_bar(vehicle: Layer, colours=((220, 20, 20), (20, 60, 230))) -> None:
    width, height = vehicle.anchors["size"]
    cx, roof = vehicle.anchors["roof"]
    bar = width * 0.2
    vehicle.draw.rectangle((cx - bar / 2, roof - height * 0.07, cx, roof), fill=(*colours[0], 255))
    vehicle.draw.rectangle((cx, roof - height * 0.07, cx + bar / 2, roof), fill=(*colours[1], 255))


def patrol_car(rng: np.random.Generator) -> Layer:
    body = [(245, 245, 245), (20, 20, 25), (30, 45, 90), (230, 225, 210)][int(rng.integers(0, 4))]
    vehicle = car(rng, body, van=rng.random() < 0.2)
    width, height = vehicle.anchors["size"]
    style = rng.choice(["livery", "text", "text", "lightbar_only"])
    if style == "livery":
        livery = insignia.reference("ccso-livery")
        vehicle.paste(livery, vehicle.anchors["door"], scale=width * rng.uniform(0.4, 0.5) / livery.size[0])
    elif style == "text":
        word = str(rng.choice(PATROL_WORDS))
        stripe = (200, 30, 30) if rng.random() < 0.5 else (30, 60, 160)
        vehicle.draw.rectangle((width * 0.03, height * 0.62, width * 0.97, height * 0.68), fill=(*stripe, 255))
        size = int(min(width * 0.45 / len(word) * 1.35, height * 0.12))
        text_colour = (*((255, 255, 255) if sum(body) < 300 else (20, 30, 80)),)
        vehicle.text(vehicle.anchors["door"], word, size, fill=(*text_colour, 255), anchor="mm")
        vehicle.text((width * 0.85, height * 0.55), str(int(rng.integers(10, 99))), int(size * 0.7), fill=(*text_colour, 255),
                     anchor="mm")
    light_bar(vehicle)
    vehicle.mark(Kind.VEHICLE, "patrol vehicle", width, (0, 0, width, height))
    return vehicle


LOOKALIKE_VEHICLES = {
    "taxi": ((245, 200, 20), "TAXI", (20, 20, 20), None),
    "delivery van": ((240, 240, 240), "EXPRESS PARCEL", (200, 40, 30), None),
    "security company car": ((245, 245, 245), "SECURITY", (30, 30, 120), ((240, 160, 20), (240, 160, 20))),
    "parking enforcement car": ((250, 250, 250), "PARKING ENFORCEMENT", (30, 110, 40), ((240, 160, 20), (240, 160, 20))),
    "ambulance": ((250, 250, 240), "AMBULANCE", (200, 20, 20), ((220, 20, 20), (240, 240, 240))),
    "tow truck": ((230, 120, 20), "24H TOWING", (20, 20, 20), ((240, 160, 20), (240, 160, 20))),
}


def lookalike_vehicle(rng: np.random.Generator) -> tuple[Layer, str]:
    what = str(rng.choice(list(LOOKALIKE_VEHICLES)))
    body, word, text_colour, bar = LOOKALIKE_VEHICLES[what]
    vehicle = car(rng, body, van=what in ("delivery van", "ambulance"))
    width, height = vehicle.anchors["size"]
    size = int(min(width * 0.5 / len(word) * 1.35, height * 0.12))
    vehicle.text(vehicle.anchors["door"], word, size, fill=(*text_colour, 255), anchor="mm")
    if what == "taxi":
        cx, roof = vehicle.anchors["roof"]
        vehicle.draw.rectangle((cx - 60, roof - 40, cx + 60, roof), fill=(250, 250, 250, 255))
        vehicle.text((cx, roof - 20), "TAXI", 26, fill=(20, 20, 20, 255), anchor="mm")
    if bar:
        light_bar(vehicle, bar)
    return vehicle, what
