"""Backdrops: drawn streets, walls, offices and desks, or crops of bundled photographs."""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

from .draw import add_noise, gradient, shade
from .sources import photo_crop

WALL_COLORS = [(214, 206, 190), (180, 196, 206), (226, 222, 214), (150, 160, 150), (205, 180, 160), (120, 130, 145)]


def wall(size: tuple[int, int], rng: np.random.Generator) -> Image.Image:
    color = WALL_COLORS[int(rng.integers(len(WALL_COLORS)))]
    img = gradient(size, shade(color, 1.05), shade(color, 0.85))
    return add_noise(img, rng, 4.0)


def brick(size: tuple[int, int], rng: np.random.Generator) -> Image.Image:
    grey = np.asarray(photo_crop("brick", size, rng).convert("L")).astype(np.float32) / 255.0
    tint = np.float32([[190, 95, 70], [160, 150, 140], [200, 170, 120]][int(rng.integers(3))])
    return Image.fromarray(np.clip(grey[:, :, None] * tint[None, None, :] * 1.3, 0, 255).astype(np.uint8))


def wood(size: tuple[int, int], rng: np.random.Generator) -> Image.Image:
    w, h = size
    base = np.float32([[150, 105, 65], [190, 150, 100], [110, 75, 50], [205, 190, 160]][int(rng.integers(4))])
    y = np.arange(h, dtype=np.float32)[:, None]
    x = np.arange(w, dtype=np.float32)[None, :]
    phase = float(rng.uniform(0, 6.28))
    grain = 0.5 + 0.5 * np.sin(y / float(rng.uniform(6, 14)) + 2.5 * np.sin(x / float(rng.uniform(120, 300)) + phase))
    shade_map = 0.82 + 0.18 * grain
    array = shade_map[:, :, None] * base[None, None, :]
    img = Image.fromarray(np.clip(array, 0, 255).astype(np.uint8))
    return add_noise(img, rng, 5.0)


def street(size: tuple[int, int], rng: np.random.Generator, night: bool = False) -> Image.Image:
    w, h = size
    sky_top, sky_bottom = ((20, 24, 45), (50, 50, 70)) if night else ((120, 165, 215), (205, 220, 235))
    img = gradient(size, sky_top, sky_bottom)
    d = ImageDraw.Draw(img)
    horizon = int(h * float(rng.uniform(0.38, 0.5)))
    x = 0
    while x < w:
        bw = int(w * float(rng.uniform(0.08, 0.2)))
        bh = int(h * float(rng.uniform(0.12, 0.35)))
        color = tuple(int(v) for v in rng.integers(90, 200, size=3))
        color = shade(color, 0.35) if night else color
        d.rectangle([x, horizon - bh, x + bw, horizon + 4], fill=color)
        for wy in range(horizon - bh + 10, horizon - 10, 24):
            for wx in range(x + 8, x + bw - 12, 22):
                lit = night and rng.random() < 0.4
                d.rectangle([wx, wy, wx + 10, wy + 12], fill=(250, 220, 140) if lit else shade(color, 0.7))
        x += bw + int(rng.integers(0, 30))
    d.rectangle([0, horizon, w, horizon + h * 0.07], fill=(150, 150, 145) if not night else (50, 50, 55))
    d.rectangle([0, horizon + h * 0.07, w, h], fill=(75, 76, 80) if not night else (28, 28, 32))
    lane = horizon + (h - horizon) * 0.62
    for lx in range(0, w, max(60, w // 8)):
        d.rectangle([lx, lane, lx + w // 16, lane + max(3, h // 120)], fill=(230, 230, 220) if not night else (120, 120, 110))
    if night:
        glow = Image.new("RGB", size, (0, 0, 0))
        gd = ImageDraw.Draw(glow)
        for lx in range(int(w * 0.1), w, max(200, w // 3)):
            gd.ellipse([lx - w * 0.06, horizon - h * 0.3, lx + w * 0.06, horizon - h * 0.18], fill=(120, 100, 50))
        img = Image.fromarray(np.clip(np.asarray(img).astype(np.int16) + np.asarray(glow.filter(ImageFilter.GaussianBlur(w / 40))), 0, 255)
                              .astype(np.uint8))
    return add_noise(img, rng, 3.0)


def park(size: tuple[int, int], rng: np.random.Generator) -> Image.Image:
    w, h = size
    img = gradient(size, (110, 160, 220), (200, 220, 235))
    grass_grey = np.asarray(photo_crop("grass", (w, h - int(h * 0.55)), rng).convert("L")).astype(np.float32) / 255.0
    grass = np.clip(grass_grey[:, :, None] * np.float32([90, 160, 60])[None, None, :] * 1.3, 0, 255).astype(np.uint8)
    img.paste(Image.fromarray(grass), (0, int(h * 0.55)))
    d = ImageDraw.Draw(img)
    for _ in range(int(rng.integers(2, 6))):
        x = float(rng.uniform(0, w))
        r = float(rng.uniform(0.06, 0.14)) * min(w, h)
        d.rectangle([x - r * 0.08, h * 0.4, x + r * 0.08, h * 0.58], fill=(90, 60, 35))
        d.ellipse([x - r, h * 0.42 - 1.6 * r, x + r, h * 0.45], fill=(40, int(rng.integers(90, 130)), 45))
    return img.filter(ImageFilter.GaussianBlur(1.2))


def office(size: tuple[int, int], rng: np.random.Generator) -> Image.Image:
    w, h = size
    img = wall(size, rng)
    d = ImageDraw.Draw(img)
    x0 = int(w * float(rng.uniform(0.05, 0.6)))
    d.rectangle([x0, int(h * 0.1), x0 + int(w * 0.3), int(h * 0.55)], fill=(225, 232, 238))
    for y in range(int(h * 0.1), int(h * 0.55), max(6, h // 60)):
        d.line([(x0, y), (x0 + int(w * 0.3), y)], fill=(190, 196, 204), width=2)
    d.rectangle([0, int(h * 0.8), w, h], fill=(120, 95, 70))
    return img


def photo_background(name: str, size: tuple[int, int], rng: np.random.Generator) -> Image.Image:
    return photo_crop(name, size, rng, zoom=float(rng.uniform(1.0, 1.6)))


def backdrop(kind: str, size: tuple[int, int], rng: np.random.Generator) -> Image.Image:
    if kind.startswith("photo:"):
        return photo_background(kind[6:], size, rng)
    return {"wall": wall, "brick": brick, "wood": wood, "park": park, "office": office,
            "street": street, "night_street": lambda s, r: street(s, r, night=True)}[kind](size, rng)
