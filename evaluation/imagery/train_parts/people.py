"""People: drawn busts wearing a real face (scikit-image's LFW crops), and real photographs of people.

A bust is drawn at a fixed height, with anchors where a shoulder patch, a chest badge and vest text go, so
uniform and civilian variants share one body. Real photos (astronaut, Grace Hopper, the photographer) can be
re-coloured to navy, black or tan and given the agency's patch or badge.
"""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

from . import insignia
from .canvas import Kind, Layer
from .sources import lfw_faces, photo

SKIN = ((236, 200, 170), (210, 160, 120), (170, 120, 85), (120, 80, 55), (90, 60, 40))
HAIR = ((30, 25, 20), (80, 55, 30), (150, 110, 60), (200, 190, 170), (60, 60, 60))
UNIFORM_SHIRTS = {"navy": (25, 35, 75), "black": (22, 22, 25), "tan": (190, 165, 120), "grey": (110, 115, 120)}
CIVILIAN_SHIRTS = ((200, 40, 40), (40, 120, 200), (240, 240, 235), (90, 160, 80), (230, 190, 40), (130, 60, 150))


def face_tile(rng: np.random.Generator, width: int, skin: tuple[int, int, int]) -> Image.Image:
    """One LFW face, enlarged, tinted to a skin tone, with a soft oval edge."""
    grey = lfw_faces()[int(rng.integers(0, 100))]
    tile = Image.fromarray(grey).resize((width, width), Image.BICUBIC).convert("RGB")
    tone = np.asarray(tile, np.float32) / 255.0 * (np.array(skin, np.float32) / 200.0)[None, None, :] * 255
    tile = Image.fromarray(np.clip(tone * 1.1, 0, 255).astype(np.uint8)).convert("RGBA")
    mask = Image.new("L", (width, width), 0)
    ImageDraw.Draw(mask).ellipse((width * 0.06, 0, width * 0.94, width), fill=255)
    tile.putalpha(mask.filter(ImageFilter.GaussianBlur(width / 18)))
    return tile


def bust(rng: np.random.Generator, shirt: tuple[int, int, int], height: int = 600, *, face: bool = True) -> Layer:
    """A person from the waist up, facing the camera; anchors: shoulder, chest_badge, chest_text, torso."""
    width = int(height * 0.82)
    person = Layer.blank(width, height)
    draw = person.draw
    skin = SKIN[int(rng.integers(0, len(SKIN)))]
    head = height * 0.27
    cx = width / 2
    shoulders_y = height * 0.42
    dark = tuple(max(0, c - 25) for c in shirt)
    draw.rounded_rectangle((cx - head * 0.22, height * 0.25, cx + head * 0.22, shoulders_y + 10), 8, fill=skin)
    draw.polygon([(cx - width * 0.46, height), (cx - width * 0.44, shoulders_y + height * 0.05),
                  (cx - width * 0.2, shoulders_y), (cx + width * 0.2, shoulders_y),
                  (cx + width * 0.44, shoulders_y + height * 0.05), (cx + width * 0.46, height)], fill=(*shirt, 255))
    draw.line([(cx - width * 0.3, shoulders_y + height * 0.12), (cx - width * 0.33, height)], fill=(*dark, 255), width=4)
    draw.line([(cx + width * 0.3, shoulders_y + height * 0.12), (cx + width * 0.33, height)], fill=(*dark, 255), width=4)
    draw.polygon([(cx - head * 0.3, shoulders_y - 4), (cx, shoulders_y + height * 0.09), (cx + head * 0.3, shoulders_y - 4)],
                 fill=(*skin, 255))
    draw.line([(cx, shoulders_y + height * 0.09), (cx, height)], fill=(*dark, 255), width=3)
    hair = HAIR[int(rng.integers(0, len(HAIR)))]
    top = height * 0.02
    draw.ellipse((cx - head * 0.5, top, cx + head * 0.5, top + head * 1.05), fill=(*hair, 255))
    draw.ellipse((cx - head * 0.44, top + head * 0.1, cx + head * 0.44, top + head * 1.12), fill=(*skin, 255))
    if face:
        size = int(head * 0.82)
        tile = face_tile(rng, size, skin)
        left, upper = int(cx - size / 2), int(top + head * 0.24)
        person.image.alpha_composite(tile, (left, upper))
        person.mark(Kind.FACE, "face", size, (left, upper, left + size, upper + size))
    person.anchors.update({
        "shoulder": (cx - width * 0.36, shoulders_y + height * 0.13),
        "chest_badge": (cx + width * 0.17, shoulders_y + height * 0.15),
        "chest_text": (cx, shoulders_y + height * 0.28),
        "torso_top": (cx, shoulders_y),
    })
    person.anchors["torso_size"] = (width * 0.9, height - shoulders_y)
    return person


def mark_uniform(person: Layer) -> None:
    cx, top = person.anchors["torso_top"]
    width, height = person.anchors["torso_size"]
    person.mark(Kind.UNIFORM, "uniform", height, (cx - width / 2, top, cx + width / 2, top + height))


def wear(person: Layer, rng: np.random.Generator, item: Layer, where: str, fraction: float) -> None:
    """Sew or pin `item` at an anchor, its width a fraction of the torso width, with a little tilt."""
    torso_width = person.anchors["torso_size"][0]
    scale = torso_width * fraction / item.size[0]
    person.paste(item, person.anchors[where], scale=scale, angle=float(rng.uniform(-12, 12)), warp=0.05, rng=rng)


def vest(person: Layer, rng: np.random.Generator, word: str, colour=(20, 20, 20), text_colour=(240, 240, 240),
         *, le: bool = True) -> None:
    """A vest panel across the chest with a word on it (POLICE, SHERIFF, SECURITY, STAFF ...)."""
    cx, top = person.anchors["torso_top"]
    width, height = person.anchors["torso_size"]
    person.draw.rounded_rectangle((cx - width * 0.36, top + height * 0.12, cx + width * 0.36, top + height * 0.95), 12,
                                  fill=(*colour, 255))
    size = int(min(width * 0.62 / max(len(word), 3) * 1.45, height * 0.16))
    person.text((cx, top + height * 0.36), word, size, fill=(*text_colour, 255), anchor="mm", le=le)


def recoloured(name: str, colour: tuple[int, int, int]) -> Layer:
    """A real photo with the clothing re-coloured (the astronaut's orange suit; the dark coats keep their shading)."""
    source = photo(name)
    pixels = source.pixels.astype(np.float32)
    if name == "astronaut":
        red, green, blue = pixels[..., 0], pixels[..., 1], pixels[..., 2]
        rows = np.arange(pixels.shape[0])[:, None]
        mask = (red > 120) & (red - blue > 70) & (red - green > 35) & (rows > 180)
    else:
        luminance = pixels.mean(axis=-1)
        rows = np.arange(pixels.shape[0])[:, None]
        mask = (luminance < 70) & (rows > (source.faces[0][1] + source.faces[0][3]))
    shade = (pixels.mean(axis=-1, keepdims=True) / 255.0)
    shade = shade / max(float(shade[mask].mean()) if mask.any() else 0.5, 1e-3) * 0.55
    tinted = np.clip(np.array(colour, np.float32) * (0.45 + shade), 0, 255)
    out = np.where(mask[..., None], tinted, pixels).astype(np.uint8)
    return person_photo(name, out)


def person_photo(name: str, pixels: np.ndarray | None = None) -> Layer:
    source = photo(name)
    layer = Layer.of(source.pixels if pixels is None else pixels)
    for x, y, w, h in source.faces:
        layer.mark(Kind.FACE, "face", w, (x, y, x + w, y + h))
    layer.anchors.update(PHOTO_ANCHORS[name])
    return layer


# Where a patch and a badge sit on each photo's clothing, and the torso box (x0, y0, x1, y1).
PHOTO_ANCHORS = {
    "astronaut": {"shoulder": (52, 330), "chest_badge": (300, 365), "torso": (0, 250, 360, 512)},
    "grace_hopper": {"shoulder": (45, 420), "chest_badge": (130, 470), "torso": (0, 360, 512, 600)},
    "camera": {"shoulder": (120, 200), "chest_badge": (150, 290), "torso": (20, 160, 330, 512)},
}


def uniformed_photo(rng: np.random.Generator, name: str) -> Layer:
    layer = recoloured(name, UNIFORM_SHIRTS[str(rng.choice(list(UNIFORM_SHIRTS)))]) if name == "astronaut" else person_photo(name)
    patch = insignia.reference(str(rng.choice(["ccso-shoulder-patch", "ccso-k9-patch"])))
    x0, y0, x1, y1 = PHOTO_ANCHORS[name]["torso"]
    torso_width = x1 - x0
    layer.paste(patch, layer.anchors["shoulder"], scale=torso_width * rng.uniform(0.16, 0.24) / patch.size[0],
                angle=float(rng.uniform(-20, 20)), warp=0.06, rng=rng)
    if rng.random() < 0.6:
        badge = insignia.reference("ccso-badge")
        layer.paste(badge, layer.anchors["chest_badge"], scale=torso_width * rng.uniform(0.12, 0.2) / badge.size[0],
                    angle=float(rng.uniform(-10, 10)), warp=0.05, rng=rng)
    layer.mark(Kind.UNIFORM, "uniform", y1 - y0, (x0, y0, x1, y1))
    return layer
