"""Scene builders: each makes one picture of a given kind and returns it with the look-alike it stands for.

Every builder takes a random generator and the long side of the picture in pixels; labels are not set here
but follow from the marks the drawing leaves (see canvas.py), except the hard-negative description.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from PIL import Image

from . import documents, insignia, people, vehicles
from .canvas import AGENCY_SHORT, Kind, Layer
from .sources import PEOPLE, SCENERY, gradient, photo, texture

Scene = tuple[Layer, str]
WALLS = ((205, 200, 190), (170, 185, 200), (220, 215, 200), (120, 130, 125), (235, 235, 235), (90, 85, 80))
VEST_WORDS = ("POLICE", "SHERIFF", "DEPUTY", "K-9", "SWAT", "CORRECTIONS", "DEPUTY SHERIFF", f"{AGENCY_SHORT} SHERIFF",
              "STATE PATROL", "TROOPER", "POLICE K-9", "CCSO")


def _dims(rng: np.random.Generator, long_side: int) -> tuple[int, int]:
    ratio = float(rng.choice([1.0, 4 / 3, 3 / 2, 16 / 9]))
    short = int(long_side / ratio)
    return (long_side, short) if rng.random() < 0.6 else (short, long_side)


def background(rng: np.random.Generator, width: int, height: int) -> Layer:
    choice = rng.random()
    if choice < 0.35:
        wall = WALLS[int(rng.integers(0, len(WALLS)))]
        picture = gradient(width, height, wall, tuple(max(0, c - int(rng.integers(10, 60))) for c in wall))
    elif choice < 0.65:
        picture = texture(rng, width, height, WALLS[int(rng.integers(0, len(WALLS)))])
    else:
        source = photo(str(rng.choice(["chelsea", "coffee", "rocket", "motorcycle"]))).pixels
        h, w = source.shape[:2]
        side = int(min(h, w) * rng.uniform(0.4, 1.0))
        y, x = int(rng.integers(0, h - side + 1)), int(rng.integers(0, w - side + 1))
        # Out of focus (shrunk, then enlarged): no face or word in it survives.
        small = Image.fromarray(source[y:y + side, x:x + side]).resize((max(8, width // 40), max(8, height // 40)), Image.BOX)
        picture = small.resize((width, height), Image.BICUBIC)
    return Layer.of(picture)


def _place_person(scene: Layer, rng: np.random.Generator, person: Layer, height_share: float, x_share: float,
                  bottom_share: float = 1.0) -> None:
    width, height = scene.size
    scale = height * height_share / person.size[1]
    centre = (width * x_share, height * bottom_share - person.size[1] * scale / 2)
    scene.paste(person, centre, scale=scale, angle=float(rng.uniform(-6, 6)), warp=0.04, rng=rng)


def _occlude_some(scene: Layer, rng: np.random.Generator, kind: Kind, chance: float) -> None:
    """Now and then, cover one side of an insignia or a word with a hand-coloured or strap-coloured block."""
    targets = [mark for mark in scene.marks if mark.kind is kind]
    if not targets or rng.random() > chance:
        return
    x0, y0, x1, y1 = targets[int(rng.integers(0, len(targets)))].box
    share = float(rng.uniform(0.15, 0.6))
    if rng.random() < 0.5:
        box = (x0 - 4, y1 - (y1 - y0) * share, x1 + 4, y1 + 6)
    else:
        box = (x1 - (x1 - x0) * share, y0 - 4, x1 + 6, y1 + 4)
    fill = people.SKIN[int(rng.integers(0, len(people.SKIN)))] if rng.random() < 0.5 else (40, 40, 40)
    scene.occlude(box, (*fill, 255))


def uniform_bust(rng: np.random.Generator, long_side: int) -> Scene:
    scene = background(rng, *_dims(rng, long_side))
    shirt = people.UNIFORM_SHIRTS[str(rng.choice(list(people.UNIFORM_SHIRTS)))]
    person = people.bust(rng, shirt)
    parts = [part for part in ("patch", "badge", "vest") if rng.random() < 0.55] or ["patch"]
    if "vest" in parts:
        colour = ((20, 20, 20), (35, 55, 40), (25, 35, 75))[int(rng.integers(0, 3))]
        people.vest(person, rng, str(rng.choice(VEST_WORDS)), colour, (240, 240, 240) if rng.random() < 0.7 else (230, 200, 60))
    if "patch" in parts:
        people.wear(person, rng, insignia.reference(str(rng.choice(["ccso-shoulder-patch", "ccso-k9-patch"]))), "shoulder",
                    float(rng.uniform(0.14, 0.24)))
    if "badge" in parts:
        people.wear(person, rng, insignia.reference("ccso-badge"), "chest_badge", float(rng.uniform(0.1, 0.18)))
    people.mark_uniform(person)
    if rng.random() < 0.3:
        friend = people.bust(rng, people.CIVILIAN_SHIRTS[int(rng.integers(0, len(people.CIVILIAN_SHIRTS)))])
        _place_person(scene, rng, friend, float(rng.uniform(0.5, 0.85)), 0.7)
        _place_person(scene, rng, person, float(rng.uniform(0.5, 0.9)), 0.3)
    else:
        _place_person(scene, rng, person, float(rng.uniform(0.45, 0.98)), float(rng.uniform(0.35, 0.65)))
    _occlude_some(scene, rng, Kind.INSIGNIA, 0.25)
    return scene, ""


def _photo_scene(layer: Layer, rng: np.random.Generator, long_side: int) -> Layer:
    height, width = layer.image.height, layer.image.width
    scale = long_side / max(width, height) * float(rng.uniform(0.9, 1.0))
    scene = Layer.blank(int(width * scale), int(height * scale), (255, 255, 255, 255))
    scene.paste(layer, (scene.size[0] / 2, scene.size[1] / 2), scale=scale * float(rng.uniform(1.0, 1.08)),
                angle=float(rng.uniform(-4, 4)))
    return scene


def uniform_photo(rng: np.random.Generator, long_side: int) -> Scene:
    layer = people.uniformed_photo(rng, str(rng.choice(PEOPLE)))
    scene = _photo_scene(layer, rng, long_side)
    _occlude_some(scene, rng, Kind.INSIGNIA, 0.2)
    return scene, ""


def _street(rng: np.random.Generator, long_side: int) -> Layer:
    width, height = long_side, int(long_side / float(rng.choice([4 / 3, 3 / 2, 16 / 9])))
    scene = Layer.of(gradient(width, height, (150, 185, 225), (215, 225, 235)))
    road = texture(rng, width, int(height * 0.4), (110, 110, 110))
    scene.image.paste(road, (0, int(height * 0.6)))
    if rng.random() < 0.6:
        scene.image.paste(texture(rng, width, int(height * 0.35), WALLS[int(rng.integers(0, len(WALLS)))]), (0, int(height * 0.25)))
    return scene


def _place_vehicle(scene: Layer, rng: np.random.Generator, vehicle: Layer) -> None:
    width, height = scene.size
    scale = width * float(rng.uniform(0.3, 0.9)) / vehicle.size[0]
    centre = (width * float(rng.uniform(0.35, 0.65)), height * 0.78 - vehicle.size[1] * scale * 0.3)
    scene.paste(vehicle, centre, scale=scale, angle=float(rng.uniform(-3, 3)), warp=0.1, rng=rng)


def patrol_car(rng: np.random.Generator, long_side: int) -> Scene:
    scene = _street(rng, long_side)
    _place_vehicle(scene, rng, vehicles.patrol_car(rng))
    _occlude_some(scene, rng, Kind.WORD, 0.15)
    return scene, ""


def crowd(rng: np.random.Generator, long_side: int) -> Scene:
    width, height = long_side, int(long_side / float(rng.choice([4 / 3, 3 / 2, 16 / 9])))
    scene = background(rng, width, height)
    count = int(rng.integers(6, 15))
    officer = int(rng.integers(0, count))
    rows = sorted(rng.uniform(0.12, 0.4, size=count))  # small first: the back rows, higher up in the picture
    for index, share in enumerate(rows):
        if index == officer:
            person = people.bust(rng, people.UNIFORM_SHIRTS[str(rng.choice(list(people.UNIFORM_SHIRTS)))])
            people.wear(person, rng, insignia.reference(str(rng.choice(insignia.WEARABLE))),
                        str(rng.choice(["shoulder", "chest_badge"])), float(rng.uniform(0.14, 0.22)))
            people.mark_uniform(person)
        else:
            person = people.bust(rng, people.CIVILIAN_SHIRTS[int(rng.integers(0, len(people.CIVILIAN_SHIRTS)))])
        _place_person(scene, rng, person, float(share), float(rng.uniform(0.08, 0.92)), 0.55 + float(share) * 1.2)
    return scene, ""


def le_document(rng: np.random.Generator, long_side: int) -> Scene:
    document = documents.LE_DOCUMENTS[int(rng.integers(0, len(documents.LE_DOCUMENTS)))](rng)
    return _document_scene(document, rng, long_side), ""


def _document_scene(document: Layer, rng: np.random.Generator, long_side: int) -> Layer:
    if rng.random() < 0.5 and document.image.getpixel((0, 0))[3] == 255:  # a screenshot, at screen size
        scale = long_side / max(document.size)
        scene = Layer.blank(int(document.size[0] * scale), int(document.size[1] * scale), (255, 255, 255, 255))
        scene.paste(document, (scene.size[0] / 2, scene.size[1] / 2), scale=scale)
        return scene
    width, height = _dims(rng, long_side)
    desk = texture(rng, width, height, ((150, 110, 70), (120, 120, 120), (180, 170, 150))[int(rng.integers(0, 3))])
    scene = documents.on_desk(document, rng, width, height, desk)
    _occlude_some(scene, rng, Kind.WORD, 0.15)
    return scene


LE_SIGNS = ("POLICE", "SHERIFF'S OFFICE", "STATE PATROL POST 7", "DISPATCH CENTER", "CORRECTIONS FACILITY",
            "CONSTABLE PRECINCT 3", "U.S. MARSHAL SERVICE", "K-9 TRAINING AREA", f"{AGENCY_SHORT} SHERIFF", "SWAT")
LOOKALIKE_SIGNS = {
    "SHERIFF'S FARM STAND": "shop sign named after a sheriff", "POLICE ACADEMY FANS CLUB": "film fan club banner",
    "POLISH DELI": "POLISH (look-alike word)", "POLITE NOTICE": "POLITE (look-alike word)",
    "POLICY UPDATE": "POLICY (look-alike word)", "SECURITY": "security company sign", "PARKING ENFORCEMENT": "parking sign",
    "STAFF ONLY": "STAFF sign", "MARSHALL'S HARDWARE": "MARSHALL as a name",
}


def _sign(scene: Layer, rng: np.random.Generator, words: str, le: bool) -> None:
    width, height = scene.size
    plate = Layer.blank(int(width * 0.7), int(height * 0.22))
    colours = [((20, 40, 110), (255, 255, 255)), ((240, 240, 240), (20, 20, 20)), ((30, 70, 44), (230, 200, 80)),
               ((200, 40, 30), (255, 255, 255))][int(rng.integers(0, 4))]
    plate.draw.rounded_rectangle((0, 0, plate.size[0] - 1, plate.size[1] - 1), 12, fill=(*colours[0], 255))
    size = int(min(plate.size[0] * 0.9 / len(words) * 1.5, plate.size[1] * 0.6))
    plate.text((plate.size[0] / 2, plate.size[1] / 2), words, size, fill=(*colours[1], 255), anchor="mm", le=le)
    scale = float(rng.uniform(0.4, 1.3))
    scene.paste(plate, (width * float(rng.uniform(0.35, 0.65)), height * float(rng.uniform(0.2, 0.5))), scale=scale,
                angle=float(rng.uniform(-8, 8)), warp=0.12, rng=rng)


def le_object(rng: np.random.Generator, long_side: int) -> Scene:
    """A sign on a building, or the agency's logo, badge or patch on an object with no person in view."""
    width, height = _dims(rng, long_side)
    if rng.random() < 0.45:
        scene = Layer.of(texture(rng, width, height, WALLS[int(rng.integers(0, len(WALLS)))]))
        _sign(scene, rng, str(rng.choice(LE_SIGNS)), True)
        return scene, ""
    scene = Layer.of(texture(rng, width, height, ((150, 110, 70), (120, 120, 120), (60, 60, 70))[int(rng.integers(0, 3))]))
    which = str(rng.choice(["ccso-logo", "ccso-badge", "ccso-shoulder-patch", "ccso-k9-patch"]))
    item = insignia.reference(which)
    holder = Layer.blank(int(item.size[0] * 1.5), int(item.size[1] * 1.5))
    tone = ((250, 250, 250), (30, 30, 35), (90, 60, 40), (40, 60, 90))[int(rng.integers(0, 4))]
    holder.draw.rounded_rectangle((0, 0, *holder.size), 40, fill=(*tone, 255))  # mug side, wallet, cap or bag
    holder.paste(item, (holder.size[0] / 2, holder.size[1] / 2))
    scene.paste(holder, (width / 2, height / 2), scale=min(width, height) * float(rng.uniform(0.12, 0.8)) / holder.size[0],
                angle=float(rng.uniform(-30, 30)), warp=0.12, rng=rng)
    _occlude_some(scene, rng, Kind.INSIGNIA, 0.2)
    return scene, ""


def civilian_faces(rng: np.random.Generator, long_side: int) -> Scene:
    scene = background(rng, *_dims(rng, long_side))
    count = int(rng.integers(1, 4))
    for index in range(count):
        person = people.bust(rng, people.CIVILIAN_SHIRTS[int(rng.integers(0, len(people.CIVILIAN_SHIRTS)))])
        _place_person(scene, rng, person, float(rng.uniform(0.4, 0.95)), (index + 0.5) / count)
    return scene, "faces without a uniform"


def lookalike_text(rng: np.random.Generator, long_side: int) -> Scene:
    if rng.random() < 0.55:
        width, height = _dims(rng, long_side)
        scene = Layer.of(texture(rng, width, height, WALLS[int(rng.integers(0, len(WALLS)))]))
        words = str(rng.choice(list(LOOKALIKE_SIGNS)))
        _sign(scene, rng, words, False)
        return scene, LOOKALIKE_SIGNS[words]
    scene = background(rng, *_dims(rng, long_side))
    what = str(rng.choice(["STAFF", "EVENT STAFF", "SECURITY", "jersey", "POLITE SOCIETY"]))
    shirt = people.CIVILIAN_SHIRTS[int(rng.integers(0, len(people.CIVILIAN_SHIRTS)))]
    person = people.bust(rng, (20, 20, 25) if what == "SECURITY" else shirt)
    if what == "jersey":
        people.vest(person, rng, str(int(rng.integers(1, 99))), shirt, (255, 255, 255), le=False)
        label = "sports jersey"
    else:
        people.vest(person, rng, what, (20, 20, 20) if what != "POLITE SOCIETY" else shirt, (250, 230, 60), le=False)
        label = {"SECURITY": "security guard vest", "POLITE SOCIETY": "band t-shirt (POLITE)"}.get(what, "staff shirt")
    _place_person(scene, rng, person, float(rng.uniform(0.5, 0.95)), 0.5)
    return scene, label


def lookalike_vehicle(rng: np.random.Generator, long_side: int) -> Scene:
    if rng.random() < 0.2:
        return _photo_scene(Layer.of(photo("motorcycle").pixels), rng, long_side), "motorcycle (not a patrol vehicle)"
    scene = _street(rng, long_side)
    vehicle, what = vehicles.lookalike_vehicle(rng)
    _place_vehicle(scene, rng, vehicle)
    return scene, what


def plain_clothing(rng: np.random.Generator, long_side: int) -> Scene:
    """Dark or tan work clothes with no insignia, a real naval uniform, a black coat, NASA patches."""
    choice = rng.random()
    if choice < 0.45:
        scene = background(rng, *_dims(rng, long_side))
        shirt = people.UNIFORM_SHIRTS[str(rng.choice(list(people.UNIFORM_SHIRTS)))]
        _place_person(scene, rng, people.bust(rng, shirt), float(rng.uniform(0.5, 0.95)), 0.5)
        return scene, "navy, black or tan shirt without insignia"
    name = str(rng.choice(PEOPLE))
    if name == "astronaut" and rng.random() < 0.5:
        layer = people.recoloured(name, people.UNIFORM_SHIRTS[str(rng.choice(list(people.UNIFORM_SHIRTS)))])
        what = "astronaut suit recoloured, NASA patches (not police)"
    else:
        layer = people.person_photo(name)
        what = {"astronaut": "astronaut suit with NASA patches", "grace_hopper": "military (navy) uniform, not police",
                "camera": "black coat without insignia"}[name]
    return _photo_scene(layer, rng, long_side), what


def lookalike_insignia(rng: np.random.Generator, long_side: int) -> Scene:
    maker = insignia.LOOKALIKES[int(rng.integers(0, len(insignia.LOOKALIKES)))]
    item, what = maker(rng)
    if rng.random() < 0.5 and maker in (insignia.other_agency_patch, insignia.security_patch, insignia.fire_patch):
        scene = background(rng, *_dims(rng, long_side))
        person = people.bust(rng, people.UNIFORM_SHIRTS[str(rng.choice(list(people.UNIFORM_SHIRTS)))])
        people.wear(person, rng, item, "shoulder", float(rng.uniform(0.16, 0.24)))
        if maker is insignia.other_agency_patch:
            people.mark_uniform(person)  # another force's uniform is still a police uniform
        _place_person(scene, rng, person, float(rng.uniform(0.5, 0.95)), 0.5)
        return scene, what
    width, height = _dims(rng, long_side)
    scene = background(rng, width, height)
    scene.paste(item, (width / 2, height / 2), scale=min(width, height) * float(rng.uniform(0.15, 0.7)) / item.size[0],
                angle=float(rng.uniform(-30, 30)), warp=0.12, rng=rng)
    return scene, what


def ordinary_document(rng: np.random.Generator, long_side: int) -> Scene:
    document, what = documents.ordinary_document(rng)
    return _document_scene(document, rng, long_side), what


def plain_photo(rng: np.random.Generator, long_side: int) -> Scene:
    name = str(rng.choice(SCENERY))
    what = {"coins": "round metal objects (coins)", "motorcycle": "motorcycle (not a patrol vehicle)"}.get(name, "")
    return _photo_scene(Layer.of(photo(name).pixels), rng, long_side), what


# name -> (builder, weight); the weights give a roughly even split between things to find and look-alikes.
SCENES: dict[str, tuple[Callable[[np.random.Generator, int], Scene], int]] = {
    "uniform_bust": (uniform_bust, 70),
    "uniform_photo": (uniform_photo, 45),
    "patrol_car": (patrol_car, 55),
    "crowd": (crowd, 40),
    "le_document": (le_document, 65),
    "le_object": (le_object, 45),
    "civilian_faces": (civilian_faces, 50),
    "lookalike_text": (lookalike_text, 60),
    "lookalike_vehicle": (lookalike_vehicle, 40),
    "plain_clothing": (plain_clothing, 40),
    "lookalike_insignia": (lookalike_insignia, 40),
    "ordinary_document": (ordinary_document, 50),
    "plain_photo": (plain_photo, 25),
}
