"""Scene families: each composes a backdrop and drawn elements, damages the result, and derives the
labels from what the elements recorded (never from looking at the pixels).

A family function gets its instance number k (to cycle through its variants evenly) and two random
generators: `choose` for every decision that can change a label, `paint` for looks only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

import numpy as np
from PIL import Image

from . import degrade, documents, objects, people, vehicles
from .backgrounds import backdrop
from .draw import paste, soft_shadow, warp, with_margin
from .element import Element
from .sources import SCENERY, face_sources

LABELS = ("le_text", "insignia", "face", "uniform", "vehicle", "document", "explicit")
ASPECTS = [(4, 3), (3, 2), (16, 9), (1, 1), (3, 4), (2, 3), (9, 16)]
FACES = face_sources()


@dataclass
class Damage:
    small: bool = False
    tilt: bool = False
    blur: bool = False
    low_light: bool = False
    occlusion: bool = False
    heavy_jpeg: bool = False
    png: bool = False

    @classmethod
    def choose(cls, rng: np.random.Generator, night: bool = False) -> Damage:
        draws = rng.random(7)
        heavy = bool(draws[5] < 0.15)
        return cls(small=bool(draws[0] < 0.15), tilt=bool(draws[1] < 0.15), blur=bool(draws[2] < 0.15),
                   low_light=night or bool(draws[3] < 0.1), occlusion=bool(draws[4] < 0.15), heavy_jpeg=heavy,
                   png=not heavy and bool(draws[6] < 0.2))

    def names(self) -> list[str]:
        return [name.replace("_", " ") for name in ("small", "tilt", "blur", "low_light", "occlusion", "heavy_jpeg") if getattr(self, name)]


@dataclass
class Placed:
    element: Element
    x: int
    y: int
    shrink: float = 1.0


@dataclass
class Picture:
    image: Image.Image
    record: dict
    extension: str
    quality: int


@dataclass
class Scene:
    size: tuple[int, int]
    damage: Damage
    image: Image.Image | None = None
    placed: list[Placed] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    hard_negative: list[str] = field(default_factory=list)

    @property
    def margin(self) -> tuple[int, int]:
        share = 0.1 if self.damage.tilt else 0.02
        return int(self.size[0] * share), int(self.size[1] * share)

    def put(self, element: Element, cx: float, cy: float, shrink: float = 1.0, shadow: bool = False) -> Placed:
        """Paste element centred near (cx, cy), moved so it stays inside the frame (and its tilt crop)."""
        assert self.image is not None
        mx, my = self.margin
        w, h = element.image.size
        x = int(min(max(cx - w / 2, mx), max(mx, self.size[0] - mx - w)))
        y = int(min(max(cy - h / 2, my), max(my, self.size[1] - my - h)))
        if shadow:
            shade_layer = soft_shadow(with_margin(element.image, 20), max(3.0, w / 60))
            paste(self.image, shade_layer, x - 20 + w * 0.015, y - 20 + h * 0.02)
        paste(self.image, element.image, x, y)
        placed = Placed(element, x, y, shrink)
        self.placed.append(placed)
        return placed


def canvas_size(rng: np.random.Generator, small: bool, min_short: int = 420, aspects=ASPECTS) -> tuple[int, int]:
    aw, ah = aspects[int(rng.integers(len(aspects)))]
    long_side = int(rng.integers(640, 761)) if small else int(rng.integers(760, 2001))
    if aw >= ah:
        w, h = long_side, int(long_side * ah / aw)
    else:
        w, h = int(long_side * aw / ah), long_side
    if min(w, h) < min_short:
        factor = min_short / min(w, h)
        w, h = int(w * factor), int(h * factor)
    return w, h


def start(choose: np.random.Generator, paint: np.random.Generator, ground: str, min_short: int = 420, night: bool = False,
          aspects=ASPECTS) -> Scene:
    damage = Damage.choose(choose, night)
    size = canvas_size(choose, damage.small, min_short, aspects)
    scene = Scene(size=size, damage=damage)
    scene.image = backdrop(ground, size, paint).convert("RGBA")
    scene.notes.append(f"backdrop {ground.replace('photo:', 'photo of ')}")
    return scene


def finish(scene: Scene, choose: np.random.Generator, paint: np.random.Generator) -> Picture:
    assert scene.image is not None
    damage = scene.damage
    words: list[str] = []
    refs: list[tuple[float, str]] = []
    faces = 0
    flags = {name: False for name in LABELS}
    tags: list[str] = list(scene.hard_negative)
    notes: list[str] = list(scene.notes)
    smallest_cap = 1e9
    for placed in scene.placed:
        element = placed.element
        for word in element.legible_words(placed.shrink):
            if word not in words:
                words.append(word)
        smallest_cap = min([smallest_cap] + [c * placed.shrink for w, c in element.le_words if w in words])
        for ref, size in element.insignia:
            if ref in element.visible_insignia(placed.shrink):
                refs.append((size, ref))
        faces += element.faces(placed.shrink)
        flags["uniform"] |= element.uniform
        flags["vehicle"] |= element.vehicle
        flags["document"] |= element.document
        tags += element.hard_negative
        notes += element.notes
    flags["le_text"] = bool(words)
    flags["insignia"] = bool(refs)
    flags["face"] = faces > 0
    if damage.occlusion:
        spots = [(p, area) for p in scene.placed for area in p.element.spare_areas]
        if spots:
            placed, (ax0, ay0, ax1, ay1) = spots[int(choose.integers(len(spots)))]
            w, h = placed.element.image.size
            kind = degrade.occlude(scene.image, paint, (placed.x + ax0 * w, placed.y + ay0 * h, placed.x + ax1 * w, placed.y + ay1 * h))
            notes.append(f"partly hidden by a {kind}")
    image = scene.image.convert("RGB")
    if damage.tilt:
        image = degrade.tilt(image, paint)
    if damage.blur:
        limit = 0.3 * smallest_cap if words else 0.02 * max(image.size)
        image = degrade.motion_blur(image, paint, int(min(limit, 0.02 * max(image.size), 25)))
    if damage.low_light:
        image = degrade.low_light(image, paint)
    quality = degrade.encode_quality(choose, damage.heavy_jpeg)
    extension = "png" if damage.png else "jpg"
    kept_tags = []
    for tag in tags:
        label = tag.split(":", 1)[0]
        if not flags.get(label, False) and tag not in kept_tags:
            kept_tags.append(tag)
    refs.sort(key=lambda item: -item[0])
    record = {
        "labels": flags,
        "le_words": words,
        "insignia_ref": refs[0][1] if refs else None,
        "faces": faces,
        "hard_negative": "; ".join(kept_tags),
        "notes": "; ".join(notes + [f"damage: {', '.join(damage.names())}" if damage.names() else "clean"]),
    }
    return Picture(image=image, record=record, extension=extension, quality=quality)


def _face(k: int, choose: np.random.Generator, large: bool) -> str:
    if large and choose.random() < 0.35:
        return ["astronaut", "grace_hopper"][int(choose.integers(2))]
    return FACES[(k * 7 + int(choose.integers(3))) % 50]


def _person_height(scene: Scene, choose: np.random.Generator, share: tuple[float, float] = (0.6, 0.95)) -> int:
    """A person tall enough for a readable face and patch, and narrow enough to fit the frame."""
    w, h = scene.size
    wanted = max(420, int(h * float(choose.uniform(*share))))
    return max(420, min(wanted, int(h * 0.98), int(w * 0.95 / 0.9)))


# ------------------------------------------------------------------ families: people


def officer(k: int, choose: np.random.Generator, paint: np.random.Generator) -> Picture:
    outfit = people.LAW_ENFORCEMENT_OUTFITS[k % len(people.LAW_ENFORCEMENT_OUTFITS)]
    ground = ["wall", "office", "park", "brick", "street"][int(choose.integers(5))]
    scene = start(choose, paint, ground, min_short=480)
    away = k % 6 == 5
    height = _person_height(scene, choose)
    face = _face(k, choose, height > 700)
    second = choose.random() < 0.25 and scene.size[0] > scene.size[1]
    if second:  # two people side by side must not cover each other's badge or patch
        scene.damage.tilt = False
        narrow = int(0.4 * scene.size[0] / 0.9)
        second = narrow >= 420
        height = min(height, narrow) if second else height
    cx = scene.size[0] * (0.35 if second else float(choose.uniform(0.35, 0.65)))
    main = people.person(height, outfit, face, paint, facing_away=away)
    scene.put(main, cx, scene.size[1] - height / 2)
    if second:
        other = people.CASUAL_OUTFITS[int(choose.integers(len(people.CASUAL_OUTFITS)))] if choose.random() < 0.5 else outfit
        h2 = max(420, int(height * float(choose.uniform(0.85, 1.0))))
        scene.put(people.person(h2, other, _face(k + 17, choose, False), paint), scene.size[0] * 0.72, scene.size[1] - h2 / 2)
    return finish(scene, choose, paint)


def lookalike_person(k: int, choose: np.random.Generator, paint: np.random.Generator) -> Picture:
    outfit = people.LOOKALIKE_OUTFITS[k % len(people.LOOKALIKE_OUTFITS)]
    ground = ["wall", "office", "park", "brick", "street", "photo:coffee"][int(choose.integers(6))]
    scene = start(choose, paint, ground, min_short=480)
    away = k % 7 == 3
    height = _person_height(scene, choose)
    scene.put(people.person(height, outfit, _face(k + 3, choose, height > 700), paint, facing_away=away),
              scene.size[0] * float(choose.uniform(0.35, 0.65)), scene.size[1] - height / 2)
    return finish(scene, choose, paint)


def casual_group(k: int, choose: np.random.Generator, paint: np.random.Generator) -> Picture:
    """Friends at a park or a wall: faces and ordinary clothes, nothing else."""
    count = 1 + k % 4
    scene = start(choose, paint, ["park", "wall", "photo:coffee", "street"][int(choose.integers(4))], min_short=500,
                  aspects=[(16, 9), (2, 1)] if count > 2 else [(4, 3), (3, 2), (16, 9)])
    height = max(420, min(int(scene.size[1] * float(choose.uniform(0.65, 0.9))), int(scene.size[1] * 0.98)))
    for i in range(count):
        outfit = people.CASUAL_OUTFITS[(k + i) % len(people.CASUAL_OUTFITS)]
        cx = scene.size[0] * (i + 0.5) / count
        height = min(height, int(scene.size[0] / count / 0.9 * 1.3))
        element = people.person(height, outfit, _face(k * 3 + i, choose, False), paint)
        scene.put(element, cx, scene.size[1] - height / 2)
    return finish(scene, choose, paint)


def person_with_vehicle(k: int, choose: np.random.Generator, paint: np.random.Generator, law: bool) -> Picture:
    scene = start(choose, paint, "street", min_short=620, aspects=[(16, 9), (2, 1)])
    scene.damage.tilt = False  # a crooked crop would push the person over the lettering on the car
    if law:
        spec = vehicles.PATROL[k % len(vehicles.PATROL)]
        outfit = people.LAW_ENFORCEMENT_OUTFITS[(k * 3) % len(people.LAW_ENFORCEMENT_OUTFITS)]
    else:
        pairs = [("security patrol car", "security guard"), ("tow truck", "courier"), ("fire chief SUV", "firefighter"),
                 ("ambulance", "paramedic"), ("parcel van", "courier"), ("taxi", "event staff"), ("plain white sedan", "parking enforcement officer"),
                 ("security patrol car", "security guard, navy")]
        car_name, outfit_name = pairs[k % len(pairs)]
        spec = next(v for v in vehicles.LOOKALIKE_VEHICLES if v.name == car_name)
        outfit = next(o for o in people.LOOKALIKE_OUTFITS if o.name == outfit_name)
    w, h = scene.size
    car_width = int(w * float(choose.uniform(0.5, 0.62)))
    car = vehicles.vehicle(car_width, spec, paint)
    scene.put(car, w * 0.66, h * 0.8 - car.image.height / 2)
    height = max(420, min(int(h * 0.95), int(0.36 * w / 0.9), int(h * float(choose.uniform(0.6, 0.9)))))
    scene.put(people.person(height, outfit, _face(k + 11, choose, False), paint), w * 0.17, h - height / 2)
    return finish(scene, choose, paint)


def officer_with_car(k: int, choose: np.random.Generator, paint: np.random.Generator) -> Picture:
    return person_with_vehicle(k, choose, paint, law=True)


def lookalike_person_with_car(k: int, choose: np.random.Generator, paint: np.random.Generator) -> Picture:
    return person_with_vehicle(k, choose, paint, law=False)


# ------------------------------------------------------------------ families: vehicles


def _car_scene(spec: vehicles.Vehicle, k: int, choose: np.random.Generator, paint: np.random.Generator) -> Picture:
    night = k % 5 == 4
    scene = start(choose, paint, "night_street" if night else "street", min_short=400, night=night, aspects=[(4, 3), (3, 2), (16, 9), (1, 1)])
    if night and spec.light_bar in ("redblue", "amber", "red"):
        spec = vehicles.Vehicle(**{**spec.__dict__, "lights_on": True})
    w, h = scene.size
    car_width = max(440, int(w * float(choose.uniform(0.5, 0.85))))
    car = vehicles.vehicle(car_width, spec, paint, night=night)
    if choose.random() < 0.35:
        car = Element(**{**car.__dict__, "image": warp(car.image, paint, 0.05)})
        shrink = 0.9
    else:
        shrink = 1.0
    scene.put(car, w * float(choose.uniform(0.4, 0.6)), h * 0.82 - car.image.height / 2, shrink=shrink, shadow=True)
    if choose.random() < 0.25:
        plain = vehicles.LOOKALIKE_VEHICLES[4 + int(choose.integers(2))]
        far = vehicles.vehicle(int(car_width * 0.45), plain, paint, night=night)
        far.hard_negative.clear()
        scene.put(far, w * 0.12, h * 0.62)
    return finish(scene, choose, paint)


def patrol_car(k: int, choose: np.random.Generator, paint: np.random.Generator) -> Picture:
    return _car_scene(vehicles.PATROL[k % len(vehicles.PATROL)], k, choose, paint)


def lookalike_car(k: int, choose: np.random.Generator, paint: np.random.Generator) -> Picture:
    return _car_scene(vehicles.LOOKALIKE_VEHICLES[k % len(vehicles.LOOKALIKE_VEHICLES)], k, choose, paint)


# ------------------------------------------------------------------ families: documents


def _document_scene(page: Element, k: int, choose: np.random.Generator, paint: np.random.Generator) -> Picture:
    is_screen = page.image.size == documents.SCREEN
    mode = k % 3  # 0 photographed on a desk, 1 screenshot, 2 held close / monitor photo
    if mode == 1:
        damage = Damage.choose(choose)
        damage.tilt = damage.occlusion = damage.low_light = damage.blur = False
        factor = float(choose.uniform(0.9, 1.4))
        scaled = page.scaled(factor)
        scene = Scene(size=scaled.image.size, damage=damage, image=Image.new("RGBA", scaled.image.size, (255, 255, 255, 255)))
        scene.put(scaled, scaled.image.width / 2, scaled.image.height / 2)
        scene.notes.append("screenshot or scan")
        return finish(scene, choose, paint)
    ground = "office" if (is_screen and mode == 2) else ["wood", "wood", "photo:gravel", "wall"][int(choose.integers(4))]
    damage = Damage.choose(choose)
    damage.tilt = False  # the page is already photographed at an angle; a crooked crop could cut its heading
    factor = float(choose.uniform(0.7, 1.1))
    fill = float(choose.uniform(0.7, 0.9))
    scaled = page.scaled(factor)
    art = scaled.image
    fill = max(fill, max(art.size) / 1900)
    size = (int(art.width / fill) + 40, int(art.height / fill) + 40)
    scene = Scene(size=size, damage=damage, image=backdrop(ground, size, paint).convert("RGBA"))
    scene.notes.append(f"backdrop {ground.replace('photo:', 'photo of ')}")
    w, h = size
    if is_screen and mode == 2:
        bezel = Image.new("RGBA", (art.width + 40, art.height + 40), (18, 18, 20, 255))
        bezel.alpha_composite(art, (20, 20))
        art = bezel
        scene.notes.append("photo of a monitor")
    else:
        scene.notes.append("photo of a paper on a surface" if not is_screen else "photo of a screen")
    warped = warp(art, paint, 0.06)
    photographed = Element(**{**scaled.__dict__, "image": warped})
    scene.put(photographed, w / 2, h / 2, shrink=0.88, shadow=not is_screen)
    return finish(scene, choose, paint)


def police_document(k: int, choose: np.random.Generator, paint: np.random.Generator) -> Picture:
    kind = documents.POLICE_KINDS[k % len(documents.POLICE_KINDS)]
    page = documents.police_document(kind, paint, with_logo=bool(choose.random() < 0.5))
    return _document_scene(page, k // len(documents.POLICE_KINDS), choose, paint)


def ordinary_document(k: int, choose: np.random.Generator, paint: np.random.Generator) -> Picture:
    kind = documents.ORDINARY_KINDS[k % len(documents.ORDINARY_KINDS)]
    return _document_scene(documents.ordinary_document(kind, paint), k // len(documents.ORDINARY_KINDS), choose, paint)


# ------------------------------------------------------------------ families: objects, signs, stars, faces that are not faces


def _object_scene(element: Element, choose: np.random.Generator, paint: np.random.Generator, ground: str, share: float) -> Picture:
    scene = start(choose, paint, ground, min_short=480)
    w, h = scene.size
    target = min(w, h) * share
    factor = target / max(element.image.size)
    if factor < 1.0:
        element = element.scaled(factor)
    scene.put(element, w * float(choose.uniform(0.4, 0.6)), h * float(choose.uniform(0.4, 0.6)), shadow=True)
    return finish(scene, choose, paint)


def le_text_object(k: int, choose: np.random.Generator, paint: np.random.Generator) -> Picture:
    variant = k % 8
    if variant < 5:
        text = objects.LE_SIGNS[(k // 8 * 5 + variant) % len(objects.LE_SIGNS)]
        word = objects.LE_SIGN_WORDS[text.split("\n")[0]]
        element = objects.sign(1000, text, paint, le_word=word)
        return _object_scene(element, choose, paint, ["brick", "wall", "office"][int(choose.integers(3))], 0.9)
    if variant == 5:
        text, word = [("K-9 UNIT", "K-9 UNIT"), ("DISPATCH", "DISPATCH"), ("DEPUTY", "DEPUTY")][k // 8 % 3]
        element = objects.mug(500, (245, 245, 245), text, logo=False, rng=paint, le_word=word)
        return _object_scene(element, choose, paint, "wood", 0.75)
    if variant == 6:
        text = ["SWAT", "SHERIFF"][k // 8 % 2]
        return _object_scene(objects.cap_hat(700, (25, 30, 45), text, le_word=text), choose, paint, "wood", 0.8)
    text = ["POLICE", "CORRECTIONS"][k // 8 % 2]
    return _object_scene(objects.tshirt(650, (30, 36, 60), text, le_word=text), choose, paint, "wall", 0.85)


def lookalike_text_object(k: int, choose: np.random.Generator, paint: np.random.Generator) -> Picture:
    signs = list(objects.LOOKALIKE_SIGNS.items())
    variant = k % 8
    if variant < 6:
        text, look = signs[(k // 8 * 6 + variant) % len(signs)]
        element = objects.sign(1000, text, paint, look_alike=look)
        return _object_scene(element, choose, paint, ["brick", "wall", "office", "street"][int(choose.integers(4))], 0.9)
    if variant == 6:
        text = ["STAFF", "SECURITY", "POLITE"][k // 8 % 3]
        return _object_scene(objects.cap_hat(700, (200, 200, 205), text, look_alike=text), choose, paint, "wood", 0.8)
    text = ["POLISH PRIDE", "STAFF PICK"][k // 8 % 2]
    return _object_scene(objects.tshirt(650, (200, 40, 45), text, look_alike=text.split()[0]), choose, paint, "wall", 0.85)


def insignia_object(k: int, choose: np.random.Generator, paint: np.random.Generator) -> Picture:
    variant = k % 4
    ground = ["wood", "photo:gravel", "wall"][int(choose.integers(3))]
    if variant == 0:
        return _object_scene(objects.badge_wallet(900, paint), choose, paint, ground, 0.85)
    if variant == 1:
        size = float(choose.uniform(140, 320))
        return _object_scene(objects.loose_emblem("cvso_patch", int(size), paint), choose, paint, ground, 0.9)
    if variant == 2:
        return _object_scene(objects.mug(520, (245, 245, 240), "", logo=True, rng=paint), choose, paint, "wood", 0.75)
    return _object_scene(objects.laptop_with_sticker(900, True, paint), choose, paint, "wood", 0.85)


def insignia_lookalike(k: int, choose: np.random.Generator, paint: np.random.Generator) -> Picture:
    kinds = ["toy", "other_star", "hiking", "port_ellery", "fire", "security", "crest", "stars", "laptop"]
    kind = kinds[k % len(kinds)]
    ground = ["wood", "photo:gravel", "wall"][int(choose.integers(3))]
    if kind == "stars":
        return _object_scene(objects.sticker_sheet(900, paint, "stars"), choose, paint, ground, 0.85)
    if kind == "laptop":
        return _object_scene(objects.laptop_with_sticker(900, False, paint), choose, paint, "wood", 0.85)
    size = float(choose.uniform(160, 330))
    return _object_scene(objects.loose_emblem(kind, int(size), paint), choose, paint, ground, 0.9)


def face_lookalike(k: int, choose: np.random.Generator, paint: np.random.Generator) -> Picture:
    variant = k % 9
    if variant in (0, 1, 2):
        name = ["chelsea", "cat", "coins", "clock"][(k // 9 + variant) % 4] if variant < 2 else ["coins", "clock"][k // 9 % 2]
        scene = start(choose, paint, f"photo:{name}", min_short=420)
        scene.hard_negative.append({"chelsea": "face: a cat's face", "cat": "face: a cat's face", "coins": "face: profile heads on coins",
                                    "clock": "face: a clock face"}[name])
        return finish(scene, choose, paint)
    if variant == 3:
        return _object_scene(objects.sticker_sheet(900, paint, "smileys"), choose, paint, "wood", 0.85)
    if variant == 4:
        return _object_scene(objects.carnival_mask(700, paint), choose, paint, ["wall", "wood"][int(choose.integers(2))], 0.8)
    if variant == 5:
        return _object_scene(objects.pumpkin(600), choose, paint, ["wood", "park"][int(choose.integers(2))], 0.75)
    scene = start(choose, paint, ["park", "street", "wall"][int(choose.integers(3))], min_short=480)
    height = _person_height(scene, choose)
    outfit = people.CASUAL_OUTFITS[k % len(people.CASUAL_OUTFITS)]
    scene.put(people.person(height, outfit, None, paint, facing_away=True), scene.size[0] * float(choose.uniform(0.35, 0.65)),
              scene.size[1] - height / 2)
    return finish(scene, choose, paint)


PLAIN_PHOTOS = ["coffee", "chelsea", "rocket", "hubble_deep_field", "stereo_motorcycle", "immunohistochemistry", "moon", "gravel", "grass",
                "colorwheel", "logo", "brick", "cat"]


def plain_photo(k: int, choose: np.random.Generator, paint: np.random.Generator) -> Picture:
    """Everyday pictures that should trigger nothing: photo crops, a park, a street without cars."""
    if k % 5 == 4:
        ground = ["park", "street", "wood"][k // 5 % 3]
    else:
        ground = "photo:" + PLAIN_PHOTOS[(k - k // 5) % len(PLAIN_PHOTOS)]
    scene = start(choose, paint, ground, min_short=420)
    if ground.startswith("photo:"):
        scene.notes.append(SCENERY.get(ground[6:], ground[6:]))
    return finish(scene, choose, paint)


Family = Callable[[int, np.random.Generator, np.random.Generator], Picture]

# name -> (how many, generator). Counts are chosen so every label has >= 60 positives and >= 60 hard negatives.
FAMILIES: dict[str, tuple[int, Family]] = {
    "officer": (46, officer),
    "officer_with_car": (16, officer_with_car),
    "lookalike_person": (46, lookalike_person),
    "lookalike_person_with_car": (16, lookalike_person_with_car),
    "casual_group": (8, casual_group),
    "patrol_car": (46, patrol_car),
    "lookalike_car": (46, lookalike_car),
    "police_document": (62, police_document),
    "ordinary_document": (61, ordinary_document),
    "le_text_object": (12, le_text_object),
    "lookalike_text_object": (16, lookalike_text_object),
    "insignia_object": (14, insignia_object),
    "insignia_lookalike": (12, insignia_lookalike),
    "face_lookalike": (50, face_lookalike),
    "plain_photo": (30, plain_photo),
}
