"""Photos for the sample persona's imagery checks, and the Harlow County Sheriff's Office's own insignia.

Everything is drawn by code with a fixed seed. People are the three real photographs that ship inside
installed packages and may be redistributed (scikit-image's astronaut and camera, matplotlib's Grace
Hopper; see evaluation/imagery/README.md for their licences); scikit-image's LFW faces are not used here
because the sample exports are committed and LFW has no licence to redistribute. Letters are matplotlib's
bundled DejaVu fonts. Drawing helpers come from the imagery training set (evaluation/imagery/train_parts),
never from its frozen test split; the agency drawn here (Harlow County, navy and silver) differs from the
training agency (Calder County, green and gold).
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

from evaluation.imagery.train_parts import people, vehicles
from evaluation.imagery.train_parts.canvas import Layer
from evaluation.imagery.train_parts.insignia import shield_points, star_points
from evaluation.imagery.train_parts.sources import gradient, photo, texture

NAVY = (24, 36, 82, 255)
SILVER = (196, 200, 208, 255)
DARK_SILVER = (110, 116, 128, 255)
GOLD = (214, 178, 70, 255)
WHEAT = (226, 196, 120, 255)
WHITE = (255, 255, 255, 255)
INK = (30, 30, 34, 255)
SHERIFF_TAN = (176, 150, 104)
SEED = 2024


# --- the agency's reference pictures (fixed drawings, transparent outside the shape) -----------------------------
def shoulder_patch() -> Image.Image:
    """Arched navy patch, silver border: HARLOW COUNTY over a wheat sheaf and a star, SHERIFF below."""
    patch = Layer.blank(400, 480)
    outline = [(0, 120), *_arch(200, 120, 200, 120), (400, 120), (400, 400), (200, 480), (0, 400)]
    patch.draw.polygon(outline, fill=SILVER)
    inner = [(14, 124), *_arch(200, 124, 186, 108), (386, 124), (386, 392), (200, 464), (14, 392)]
    patch.draw.polygon(inner, fill=NAVY)
    patch.arc_text((200, 150), 118, "HARLOW COUNTY", 34, spread=150, fill=SILVER, le=False)
    patch.draw.ellipse((110, 150, 290, 330), fill=(236, 232, 220, 255), outline=SILVER, width=6)
    for dx in (-36, -12, 12, 36):  # a wheat sheaf: Kansas
        patch.draw.line([(200 + dx * 0.3, 300), (200 + dx, 200)], fill=(150, 112, 40, 255), width=6)
        for step in range(5):
            y = 200 + step * 14
            x = 200 + dx * (1 - step * 0.1)
            patch.draw.ellipse((x - 8, y - 11, x + 8, y + 11), fill=WHEAT, outline=(150, 112, 40, 255))
    patch.draw.polygon(star_points(200, 290, 34, 15, 6), fill=GOLD, outline=(120, 90, 20, 255))
    patch.text((200, 375), "SHERIFF", 62, fill=SILVER, anchor="mm", le=False)
    patch.text((200, 428), "KANSAS", 26, fill=GOLD, anchor="mm", le=False)
    return patch.image


def star_badge() -> Image.Image:
    """A six-point ball-tipped silver star: DEPUTY SHERIFF around a seal, HARLOW CO. and a number."""
    badge = Layer.blank(440, 440)
    tips = star_points(220, 222, 205, 112, 6)
    badge.draw.polygon(tips, fill=SILVER, outline=DARK_SILVER)
    for x, y in tips[::2]:
        badge.draw.ellipse((x - 17, y - 17, x + 17, y + 17), fill=SILVER, outline=DARK_SILVER, width=3)
    badge.draw.ellipse((104, 106, 336, 338), fill=(222, 224, 230, 255), outline=DARK_SILVER, width=6)
    badge.draw.ellipse((150, 152, 290, 292), fill=NAVY)
    badge.arc_text((220, 222), 92, "DEPUTY", 32, fill=NAVY, le=False)
    badge.arc_text((220, 222), 92, "SHERIFF", 32, bottom=True, fill=NAVY, le=False)
    badge.text((220, 200), "HARLOW CO.", 20, fill=SILVER, anchor="mm", le=False)
    badge.draw.polygon(star_points(220, 232, 20, 9, 6), fill=GOLD)
    badge.text((220, 268), "114", 24, face="serif", fill=SILVER, anchor="mm", le=False)
    return badge.image


def door_livery() -> Image.Image:
    """The front-door graphic of the white patrol cars: a navy swoosh, the star, SHERIFF and HARLOW COUNTY."""
    livery = Layer.blank(700, 320, WHITE)  # as the sign shop delivers it: on the white of the door
    livery.draw.polygon([(0, 250), (700, 178), (700, 222), (0, 292)], fill=NAVY)
    livery.draw.polygon([(0, 300), (700, 230), (700, 244), (0, 314)], fill=GOLD)
    livery.draw.polygon(star_points(105, 112, 96, 52, 6), fill=GOLD, outline=(120, 90, 20, 255))
    livery.draw.ellipse((65, 72, 145, 152), fill=NAVY)
    livery.text((105, 114), "HC", 34, fill=GOLD, anchor="mm", le=False)
    livery.text((226, 14), "SHERIFF", 92, fill=NAVY, anchor="la", le=False)
    livery.text((232, 124), "HARLOW COUNTY", 32, fill=NAVY, anchor="la", le=False)
    return livery.image


def _arch(cx: float, cy: float, rx: float, ry: float) -> list[tuple[float, float]]:
    angles = np.linspace(np.pi, 2 * np.pi, 24)
    return [(float(cx + rx * np.cos(a)), float(cy + ry * np.sin(a))) for a in angles]


REFERENCES = {  # file name -> (kind, drawing)
    "harlow-shoulder-patch.png": ("patch", shoulder_patch),
    "harlow-star-badge.png": ("badge", star_badge),
    "harlow-door-livery.png": ("livery", door_livery),
}


@lru_cache(maxsize=None)
def reference(name: str) -> Layer:
    return Layer.of(REFERENCES[name][1]())


def _fresh(name: str) -> Layer:
    return Layer(reference(name).image.copy())


# --- finishing: what a phone camera does to a picture ---------------------------------------------------------------
def finish(scene: Layer | Image.Image, rng: np.random.Generator, noise: float = 3.0) -> Image.Image:
    picture = scene.flatten() if isinstance(scene, Layer) else scene.convert("RGB")
    pixels = np.asarray(picture.filter(ImageFilter.GaussianBlur(0.6)), np.float32)
    pixels += rng.normal(0.0, noise, pixels.shape).astype(np.float32)
    return Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))


def _enlarged(layer: Layer, width: int, height: int, box: tuple[int, int, int, int]) -> Layer:
    """A crop of a small photo, enlarged to phone size (the real photos are 512 px)."""
    return Layer.of(layer.image.crop(box).resize((width, height), Image.LANCZOS))


def _face_tile(name: str, width: int, mirrored: bool = False, tint: tuple[float, float, float] = (1.0, 1.0, 1.0)) -> Image.Image:
    """A real face with some hair around it, as an oval with soft edges."""
    source = photo(name)
    x, y, w, h = source.faces[0]
    margin_x, margin_y = int(w * 0.28), int(h * 0.22)
    crop = Image.fromarray(source.pixels).crop((x - margin_x, y - margin_y, x + w + margin_x, y + h + margin_y))
    if mirrored:
        crop = crop.transpose(Image.FLIP_LEFT_RIGHT)
    height = int(width * crop.height / crop.width)
    crop = crop.resize((width, height), Image.LANCZOS)
    pixels = np.asarray(crop, np.float32) * np.array(tint, np.float32)[None, None, :]
    tile = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8)).convert("RGBA")
    mask = Image.new("L", tile.size, 0)
    ImageDraw.Draw(mask).ellipse((width * 0.04, 0, width * 0.96, height), fill=255)
    tile.putalpha(mask.filter(ImageFilter.GaussianBlur(width / 16)))
    return tile


def _person(rng: np.random.Generator, shirt: tuple[int, int, int], face: str, height: int, *, mirrored: bool = False,
            tint: tuple[float, float, float] = (1.0, 1.0, 1.0)) -> Layer:
    """A drawn body from the waist up wearing one of the real faces."""
    person = people.bust(rng, shirt, height, face=False)
    cx = person.size[0] / 2
    head = height * 0.27
    tile = _face_tile(face, int(head * 0.98), mirrored, tint)
    person.image.alpha_composite(tile, (int(cx - tile.width / 2), int(height * 0.02)))
    return person


# --- the planted photos ------------------------------------------------------------------------------------------
def uniform_photo() -> Image.Image:
    """The persona in her tan uniform shirt: the shoulder patch on the sleeve, the star on the chest and a
    DEPUTY SHERIFF tab above the patch; a real face (the astronaut photo, suit recoloured)."""
    rng = np.random.default_rng(SEED)
    layer = people.recoloured("astronaut", SHERIFF_TAN)
    scene = _enlarged(layer, 2048, 1536, (0, 40, 512, 424))  # 4:3, x4
    patch = _fresh("harlow-shoulder-patch.png")
    scene.paste(patch, (265, 1335), scale=330 / patch.size[0], angle=-8.0, warp=0.04, rng=rng)
    tab = Layer.blank(420, 90, (*NAVY[:3], 255))
    tab.text((210, 47), "DEPUTY SHERIFF", 44, fill=SILVER, anchor="mm", le=False)
    scene.paste(tab, (255, 1095), scale=0.82, angle=-10.0)
    badge = _fresh("harlow-star-badge.png")
    scene.paste(badge, (690, 1370), scale=300 / badge.size[0], angle=4.0, warp=0.03, rng=rng)
    plate = Layer.blank(300, 70, (40, 40, 44, 255))
    plate.text((150, 36), "M. PENALVER", 36, fill=(235, 235, 235, 255), anchor="mm", le=False)
    scene.paste(plate, (1200, 1250), scale=1.0, angle=-3.0)
    return finish(scene, rng)


def navy_shirt_photo() -> Image.Image:
    """A selfie in a plain navy top: no patch, no badge, no words (the suit's mission patch stays)."""
    rng = np.random.default_rng(SEED + 1)
    layer = people.recoloured("astronaut", (30, 40, 78))
    layer = Layer.of(layer.image.transpose(Image.FLIP_LEFT_RIGHT))
    return finish(_enlarged(layer, 1600, 1600, (40, 0, 472, 432)), rng)


def security_guard_photo() -> Image.Image:
    """A friend working concert security: black jacket with SECURITY across the chest and a guard-company patch."""
    rng = np.random.default_rng(SEED + 2)
    layer = Layer.of(photo("camera").pixels)
    scene = _enlarged(layer, 1600, 1600, (0, 0, 512, 512))
    scene.draw.rounded_rectangle((260, 1050, 1000, 1260), 20, fill=(18, 18, 20, 255))
    scene.text((630, 1155), "SECURITY", 118, fill=(238, 238, 238, 255), anchor="mm", le=False)
    badge = Layer.blank(340, 400)
    badge.draw.polygon(shield_points(340, 400), fill=(190, 190, 190, 255))
    badge.draw.polygon(shield_points(340, 400, 12), fill=(20, 24, 30, 255))
    badge.text((170, 150), "PRAIRIE", 44, fill=WHITE, anchor="mm", le=False)
    badge.text((170, 220), "EVENT STAFF", 34, fill=(230, 200, 60, 255), anchor="mm", le=False)
    scene.paste(badge, (1180, 1320), scale=0.6, angle=6.0, warp=0.04, rng=rng)
    return finish(scene, rng)


def badge_photo() -> Image.Image:
    """The star badge lying on a wooden table next to keys and a coffee cup, shot from above at an angle."""
    rng = np.random.default_rng(SEED + 3)
    width, height = 2016, 1512
    scene = Layer.of(_wood(rng, width, height))
    cup = Layer.of(photo("coffee").pixels)
    mask = Image.new("L", cup.size, 0)
    ImageDraw.Draw(mask).ellipse((20, 10, 460, 380), fill=255)
    cup.image.putalpha(mask.filter(ImageFilter.GaussianBlur(8)))
    scene.paste(cup, (1650, 330), scale=1.3, angle=10.0)
    _keys(scene, (520, 1150))
    badge = _fresh("harlow-star-badge.png")
    shadow = Layer.blank(*badge.size)
    shadow.image.putalpha(badge.image.getchannel("A").point(lambda a: 90 if a > 128 else 0))
    shadow.image = shadow.image.filter(ImageFilter.GaussianBlur(10))
    scene.paste(shadow, (1000, 800), scale=620 / badge.size[0], angle=-14.0)
    scene.paste(badge, (985, 780), scale=620 / badge.size[0], angle=-14.0, warp=0.06, rng=rng)
    return finish(scene, rng)


def toy_star_photo() -> Image.Image:
    """A child's dress-up sheriff kit on a bedspread: a plastic ball-tipped star without any agency's words, and a
    cowboy hat. Shaped like the agency's star on purpose."""
    rng = np.random.default_rng(SEED + 4)
    width, height = 2016, 1512
    scene = Layer.of(texture(rng, width, height, (150, 90, 120)))
    hat = Layer.blank(900, 520)
    hat.draw.ellipse((0, 300, 900, 520), fill=(150, 95, 50, 255))
    hat.draw.rounded_rectangle((230, 40, 670, 420), 120, fill=(165, 105, 58, 255))
    hat.draw.rectangle((230, 330, 670, 380), fill=(60, 35, 20, 255))
    scene.paste(hat, (1450, 520), scale=1.0, angle=-8.0)
    star = Layer.blank(420, 420)
    tips = star_points(210, 212, 196, 100, 6)
    star.draw.polygon(tips, fill=(232, 200, 60, 255), outline=(150, 120, 20, 255))
    for x, y in tips[::2]:
        star.draw.ellipse((x - 15, y - 15, x + 15, y + 15), fill=(232, 200, 60, 255), outline=(150, 120, 20, 255))
    star.draw.ellipse((130, 132, 290, 292), fill=(245, 220, 90, 255), outline=(150, 120, 20, 255), width=4)
    star.draw.polygon(star_points(210, 212, 48, 20, 5), fill=(200, 60, 40, 255))
    scene.paste(star, (700, 900), scale=1.25, angle=18.0, warp=0.05, rng=rng)
    return finish(scene, rng, noise=4.0)


def policy_letter_photo() -> Image.Image:
    """An insurance renewal letter on the kitchen table: POLICY RENEWAL in large letters."""
    rng = np.random.default_rng(SEED + 5)
    page = Layer.blank(850, 1100, (250, 250, 246, 255))
    page.text((60, 60), "Prairie Mutual Insurance", 30, fill=(20, 70, 140, 255), le=False)
    page.text((60, 140), "POLICY RENEWAL", 52, fill=INK, le=False)
    lines = ("Dear Marisol Penalver,", "", "Your auto policy PM-4471-2209 renews on 08/01/2024.",
             "Your new premium is $612.40 for six months.", "No action is needed if your details have not changed.",
             "", "Vehicle: 2019 Honda CR-V", "Drivers: 2", "Discounts: safe driver, multi-policy", "",
             "Questions? Call us at (785) 555-0190.", "", "Thank you for choosing Prairie Mutual.")
    for row, line in enumerate(lines):
        page.text((60, 250 + row * 42), line, 24, face="sans", fill=INK, le=False)
    scene = Layer.of(_wood(rng, 2016, 1512, light=True))
    scene.paste(page, (1000, 760), scale=1.25, angle=-6.0, warp=0.05, rng=rng)
    return finish(scene, rng)


def patrol_car_photo() -> Image.Image:
    """A white patrol car parked on a street: light bar, the door livery, and a unit number."""
    rng = np.random.default_rng(SEED + 6)
    scene = _street(rng, 2048, 1536)
    car = vehicles.car(rng, (246, 246, 246), width=1400)
    car_width = car.anchors["size"][0]
    livery = _fresh("harlow-door-livery.png")
    door_x, door_y = car.anchors["door"]
    car.paste(livery, (door_x + car_width * 0.03, door_y), scale=car_width * 0.4 / livery.size[0])
    car.text((car_width * 0.86, car.anchors["size"][1] * 0.56), "114", 40, fill=NAVY, anchor="mm", le=False)
    vehicles.light_bar(car)
    scene.paste(car, (1010, 1060), scale=1.0, angle=-1.5, warp=0.05, rng=rng)
    return finish(scene, rng)


def taxi_photo() -> Image.Image:
    """A yellow cab at the kerb: TAXI on the door and on the roof sign, an orange roof light."""
    rng = np.random.default_rng(SEED + 7)
    scene = _street(rng, 2048, 1536)
    taxi = vehicles.car(rng, (245, 200, 20), width=1400)
    width, height = taxi.anchors["size"]
    taxi.text(taxi.anchors["door"], "TAXI", 80, fill=INK, anchor="mm", le=False)
    taxi.text((width * 0.86, height * 0.56), "(785) 555-0133", 26, fill=INK, anchor="mm", le=False)
    cx, roof = taxi.anchors["roof"]
    taxi.draw.rectangle((cx - 90, roof - 56, cx + 90, roof), fill=(250, 250, 250, 255), outline=(60, 60, 60, 255))
    taxi.text((cx, roof - 28), "TAXI", 36, fill=INK, anchor="mm", le=False)
    scene.paste(taxi, (1000, 1060), scale=1.0, angle=1.0, warp=0.05, rng=rng)
    return finish(scene, rng)


def barbecue_photo() -> Image.Image:
    """Friends at a backyard cookout: three faces, T-shirts, a grill; no uniform, no words."""
    rng = np.random.default_rng(SEED + 8)
    width, height = 2048, 1536
    scene = Layer.of(gradient(width, height, (150, 190, 230), (210, 225, 235)))
    scene.image.paste(texture(rng, width, int(height * 0.45), (90, 150, 70)), (0, int(height * 0.55)))
    for x in range(0, width, 64):  # a wooden fence
        scene.draw.rectangle((x, int(height * 0.28), x + 56, int(height * 0.58)), fill=(170, 130, 90, 255), outline=(120, 90, 60, 255))
    grill = Layer.blank(420, 520)
    grill.draw.ellipse((0, 0, 420, 260), fill=(30, 30, 30, 255))
    grill.draw.rectangle((40, 240, 70, 520), fill=(40, 40, 40, 255))
    grill.draw.rectangle((350, 240, 380, 520), fill=(40, 40, 40, 255))
    scene.paste(grill, (1760, 1180), scale=1.0)
    guests = (("grace_hopper", (200, 40, 40), 0.2, False, (1.0, 1.0, 1.0)),
              ("astronaut", (240, 240, 235), 0.5, True, (1.0, 1.0, 1.0)),
              ("camera", (40, 120, 200), 0.79, False, (1.08, 0.92, 0.8)))
    for face, shirt, x_share, mirrored, tint in guests:
        person = _person(rng, shirt, face, 1000, mirrored=mirrored, tint=tint)
        scene.paste(person, (width * x_share, height - person.size[1] / 2 + 40), scale=1.0, angle=float(rng.uniform(-3, 3)))
    return finish(scene, rng)


def crowd_photo() -> Image.Image:
    """The county fair: a dozen people between the tents, one of them (front row, right) a deputy in tan with
    the shoulder patch on her sleeve, about a tenth of the photo wide."""
    rng = np.random.default_rng(SEED + 9)
    width, height = 2048, 1536
    scene = Layer.of(gradient(width, height, (120, 170, 225), (220, 230, 240)))
    _fairground(scene, rng)
    faces = ("astronaut", "grace_hopper", "camera")
    rows = ((0.3, 6, 0.62), (0.42, 5, 0.82), (0.6, 3, 1.05))  # height share, count, bottom share
    for row, (share, count, bottom) in enumerate(rows):
        for index in range(count):
            x_share = (index + 0.5 + float(rng.uniform(-0.25, 0.25))) / count
            deputy = row == 2 and index == 2
            shirt = SHERIFF_TAN if deputy else people.CIVILIAN_SHIRTS[int(rng.integers(0, len(people.CIVILIAN_SHIRTS)))]
            person = _person(rng, shirt, faces[(row + index) % 3], 700, mirrored=bool(index % 2),
                             tint=tuple(float(v) for v in rng.uniform(0.85, 1.1, size=3)))
            if deputy:
                patch = _fresh("harlow-shoulder-patch.png")
                person.paste(patch, person.anchors["shoulder"], scale=120 / patch.size[0], angle=-6.0)
            scale = height * share / person.size[1]
            scene.paste(person, (width * x_share, height * bottom - person.size[1] * scale / 2), scale=scale,
                        angle=float(rng.uniform(-4, 4)))
    return finish(scene, rng)


# --- backgrounds --------------------------------------------------------------------------------------------------
def _wood(rng: np.random.Generator, width: int, height: int, light: bool = False) -> Image.Image:
    base = np.array((196, 160, 118) if light else (120, 78, 46), np.float32)
    rows = np.arange(height, dtype=np.float32)[:, None]
    columns = np.arange(width, dtype=np.float32)[None, :]
    grain = np.sin(rows / 9.0 + 3.0 * np.sin(columns / 180.0) + rng.uniform(0, 6)) * 0.5 + 0.5
    planks = ((columns // 330) % 2) * 0.06
    shade = 0.82 + 0.18 * grain + planks
    pixels = base[None, None, :] * shade[..., None]
    return Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))


def _keys(scene: Layer, centre: tuple[int, int]) -> None:
    x, y = centre
    scene.draw.ellipse((x - 70, y - 70, x + 70, y + 70), outline=(170, 170, 175, 255), width=10)
    for angle, length in ((20, 240), (60, 200)):
        theta = np.radians(angle)
        end = (x + length * np.cos(theta), y + length * np.sin(theta))
        scene.draw.line([(x + 60 * np.cos(theta), y + 60 * np.sin(theta)), end], fill=(185, 180, 150, 255), width=26)


def _street(rng: np.random.Generator, width: int, height: int) -> Layer:
    scene = Layer.of(gradient(width, height, (150, 185, 225), (215, 225, 235)))
    scene.image.paste(texture(rng, width, int(height * 0.32), (200, 190, 170)), (0, int(height * 0.3)))
    for x in range(80, width, 420):  # shop windows
        scene.draw.rectangle((x, int(height * 0.36), x + 260, int(height * 0.56)), fill=(70, 90, 110, 255))
    scene.image.paste(texture(rng, width, int(height * 0.4), (105, 105, 108)), (0, int(height * 0.62)))
    return scene


def _fairground(scene: Layer, rng: np.random.Generator) -> None:
    width, height = scene.size
    cx, cy, radius = width * 0.72, height * 0.3, height * 0.24
    for angle in np.linspace(0, 2 * np.pi, 16, endpoint=False):  # a Ferris wheel
        scene.draw.line([(cx, cy), (cx + radius * np.cos(angle), cy + radius * np.sin(angle))], fill=(230, 230, 235, 255), width=6)
        gx, gy = cx + radius * np.cos(angle), cy + radius * np.sin(angle)
        scene.draw.rectangle((gx - 14, gy, gx + 14, gy + 26), fill=(200, 50, 50, 255))
    scene.draw.ellipse((cx - radius, cy - radius, cx + radius, cy + radius), outline=(230, 230, 235, 255), width=8)
    for left in range(0, width, 380):  # striped tents
        colour = ((220, 60, 60, 255), (60, 110, 200, 255))[(left // 380) % 2]
        top = height * 0.4
        scene.draw.polygon([(left, top + 120), (left + 170, top), (left + 340, top + 120)], fill=colour)
        scene.draw.rectangle((left + 20, top + 120, left + 320, top + 330), fill=(240, 236, 225, 255))
    scene.image.paste(texture(rng, width, int(height * 0.35), (120, 150, 80)), (0, int(height * 0.65)))


SCENES = {
    "uniform": uniform_photo, "navy_shirt": navy_shirt_photo, "security_guard": security_guard_photo, "badge": badge_photo,
    "toy_star": toy_star_photo, "policy_letter": policy_letter_photo, "patrol_car": patrol_car_photo, "taxi": taxi_photo,
    "barbecue": barbecue_photo, "crowd": crowd_photo,
}
