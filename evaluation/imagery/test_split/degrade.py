"""Realistic damage to a finished picture: motion blur, low light, tilt, an object in front, heavy JPEG.

Each function keeps the labelled evidence readable by construction: blur length is capped by the
smallest legible lettering, occluders go only where the drawing code said they may.
"""

from __future__ import annotations

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFilter

from .draw import paste_center, shade


def motion_blur(image: Image.Image, rng: np.random.Generator, length: int) -> Image.Image:
    length = max(3, int(length)) | 1
    kernel = np.zeros((length, length), np.float32)
    kernel[length // 2, :] = 1.0 / length
    angle = float(rng.uniform(-30, 30))
    matrix = cv2.getRotationMatrix2D((length / 2 - 0.5, length / 2 - 0.5), angle, 1.0)
    kernel = cv2.warpAffine(kernel, matrix, (length, length))
    kernel /= max(kernel.sum(), 1e-6)
    return Image.fromarray(cv2.filter2D(np.asarray(image), -1, kernel))


def low_light(image: Image.Image, rng: np.random.Generator) -> Image.Image:
    array = np.asarray(image).astype(np.float32) / 255.0
    array = np.power(array, float(rng.uniform(1.3, 1.8))) * float(rng.uniform(0.45, 0.7))
    array[..., 2] *= 1.08  # sodium-free night: slightly blue
    array += rng.normal(0, float(rng.uniform(0.012, 0.025)), size=array.shape[:2] + (1,)).astype(np.float32)
    return Image.fromarray(np.clip(array * 255.0, 0, 255).astype(np.uint8))


def tilt(image: Image.Image, rng: np.random.Generator) -> Image.Image:
    """A crooked snapshot: rotate a few degrees and crop back to the original frame."""
    angle = float(rng.choice([-1, 1]) * rng.uniform(3, 9))
    w, h = image.size
    rotated = image.rotate(angle, resample=Image.BICUBIC, expand=False, fillcolor=None)
    zoom = 1.0 + abs(np.sin(np.radians(angle))) * 0.9
    cw, ch = int(w / zoom), int(h / zoom)
    box = ((w - cw) // 2, (h - ch) // 2, (w - cw) // 2 + cw, (h - ch) // 2 + ch)
    return rotated.crop(box).resize((w, h), Image.BICUBIC)



def occluder(rng: np.random.Generator, size: int) -> tuple[Image.Image, str]:
    """Something that gets in the way: a mug, a thumb, a leafy branch or a lamp post."""
    kind = ["mug", "thumb", "leaves", "post"][int(rng.integers(4))]
    img = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    if kind == "mug":
        color = tuple(int(v) for v in rng.integers(40, 230, size=3))
        d.rounded_rectangle([size * 0.15, size * 0.15, size * 0.75, size * 0.95], radius=size // 12, fill=color)
        d.ellipse([size * 0.65, size * 0.35, size * 0.95, size * 0.7], outline=color, width=max(3, size // 14))
    elif kind == "thumb":
        skin = [(236, 200, 170), (198, 145, 105), (120, 80, 55)][int(rng.integers(3))]
        d.rounded_rectangle([size * 0.25, size * 0.05, size * 0.75, size * 1.2], radius=size // 4, fill=skin)
        d.rounded_rectangle([size * 0.33, size * 0.08, size * 0.67, size * 0.35], radius=size // 8, fill=shade(skin, 1.1))
        img = img.filter(ImageFilter.GaussianBlur(size / 40))
    elif kind == "leaves":
        for _ in range(18):
            x, y = rng.uniform(0.1, 0.9, size=2) * size
            r = size * float(rng.uniform(0.08, 0.16))
            d.ellipse([x - r, y - r * 0.5, x + r, y + r * 0.5], fill=(int(rng.integers(30, 80)), int(rng.integers(90, 150)), 40))
        d.line([(0, size), (size, 0)], fill=(80, 60, 30), width=max(3, size // 25))
    else:
        d.rectangle([size * 0.42, 0, size * 0.58, size], fill=(70, 74, 80))
    return img, kind


def occlude(image: Image.Image, rng: np.random.Generator, area: tuple[float, float, float, float]) -> str:
    """Put an occluder inside the given pixel box (x0, y0, x1, y1); returns what it was."""
    x0, y0, x1, y1 = area
    size = int(max(24, min(x1 - x0, y1 - y0)))
    art, kind = occluder(rng, size)
    paste_center(image, art, (x0 + x1) / 2, (y0 + y1) / 2)
    return kind


def encode_quality(rng: np.random.Generator, heavy: bool) -> int:
    return int(rng.integers(12, 26)) if heavy else int(rng.integers(68, 96))
