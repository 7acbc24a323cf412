"""Drawing primitives shared by the test-set generator: fonts, text, shapes, pasting and warps.

Label decisions never depend on anything measured here (font metrics vary between Pillow versions):
a text's cap height is taken as CAP_RATIO x the font size it was asked for.
"""

from __future__ import annotations

import math
from functools import lru_cache
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

# DejaVu capitals are 0.73 em tall; the rounded-down figure keeps the legibility labels conservative.
CAP_RATIO = 0.72

FONT_FILES = {
    "sans": "DejaVuSans.ttf",
    "sans-bold": "DejaVuSans-Bold.ttf",
    "sans-oblique": "DejaVuSans-Oblique.ttf",
    "serif": "DejaVuSerif.ttf",
    "serif-bold": "DejaVuSerif-Bold.ttf",
    "mono": "DejaVuSansMono.ttf",
    "mono-bold": "DejaVuSansMono-Bold.ttf",
}

RGB = tuple[int, int, int]


def _font_dir() -> Path | None:
    try:
        import matplotlib
    except ImportError:
        return None
    path = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    return path if path.is_dir() else None


@lru_cache(maxsize=512)
def font(style: str, size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    """matplotlib's bundled DejaVu faces; Pillow's built-in font at that size when matplotlib is absent."""
    size = max(6, int(size))
    folder = _font_dir()
    if folder is not None:
        return ImageFont.truetype(str(folder / FONT_FILES[style]), size)
    return ImageFont.load_default(size=size)


def cap_height(size: float) -> float:
    return CAP_RATIO * size


def text_image(text: str, style: str, size: int, fill: RGB | tuple[int, int, int, int],
               stroke: int = 0, stroke_fill: RGB | None = None) -> Image.Image:
    """The text on a transparent canvas cropped to its ink (plus the stroke)."""
    face = font(style, size)
    left, top, right, bottom = face.getbbox(text, stroke_width=stroke)
    canvas = Image.new("RGBA", (max(1, right - left + 2), max(1, bottom - top + 2)), (0, 0, 0, 0))
    ImageDraw.Draw(canvas).text((1 - left, 1 - top), text, font=face, fill=fill, stroke_width=stroke, stroke_fill=stroke_fill)
    return canvas


def fitted_text(text: str, style: str, size: int, fill, max_width: int, stroke: int = 0, stroke_fill=None) -> Image.Image:
    """Text at the requested size, squeezed sideways (never shrunk in height) when wider than max_width."""
    image = text_image(text, style, size, fill, stroke, stroke_fill)
    if image.width > max_width > 0:
        image = image.resize((max_width, image.height), Image.LANCZOS)
    return image


def paste(base: Image.Image, overlay: Image.Image, x: float, y: float) -> None:
    """Alpha-composite overlay with its top-left corner at (x, y); parts outside the base are cut off."""
    overlay = overlay.convert("RGBA")
    x, y = int(round(x)), int(round(y))
    sx, sy = max(0, -x), max(0, -y)
    dx, dy = max(0, x), max(0, y)
    w = min(overlay.width - sx, base.width - dx)
    h = min(overlay.height - sy, base.height - dy)
    if w <= 0 or h <= 0:
        return
    piece = overlay.crop((sx, sy, sx + w, sy + h))
    if base.mode == "RGBA":
        base.alpha_composite(piece, dest=(dx, dy))
    else:
        base.paste(piece, (dx, dy), piece)


def paste_center(base: Image.Image, overlay: Image.Image, cx: float, cy: float) -> None:
    paste(base, overlay, cx - overlay.width / 2, cy - overlay.height / 2)


def star_points(cx: float, cy: float, outer: float, inner: float, points: int, rotation: float = -90.0) -> list[tuple[float, float]]:
    result = []
    for k in range(points * 2):
        radius = outer if k % 2 == 0 else inner
        angle = math.radians(rotation + k * 180.0 / points)
        result.append((cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
    return result


def arc_text(canvas: Image.Image, cx: float, cy: float, radius: float, text: str, style: str, size: int,
             fill, centre_angle: float, bottom: bool = False, spread: float = 1.0) -> None:
    """Letters set along a circle: on top reading clockwise, or at the bottom reading left to right."""
    face = font(style, size)
    widths = [max(1.0, face.getlength(ch)) * spread for ch in text]
    total = sum(widths)
    arc = total / radius  # radians
    direction = -1.0 if bottom else 1.0
    angle = math.radians(centre_angle) - direction * arc / 2
    for ch, width in zip(text, widths):
        half = width / 2 / radius
        angle += direction * half
        glyph = text_image(ch, style, size, fill) if ch.strip() else None
        if glyph is not None:
            rotation = -math.degrees(angle) - 90 if not bottom else -math.degrees(angle) + 90
            rotated = glyph.rotate(rotation, resample=Image.BICUBIC, expand=True)
            x = cx + radius * math.cos(angle)
            y = cy + radius * math.sin(angle)
            paste_center(canvas, rotated, x, y)
        angle += direction * half


def rounded_rect(draw: ImageDraw.ImageDraw, box, radius: float, fill=None, outline=None, width: int = 1) -> None:
    draw.rounded_rectangle([int(v) for v in box], radius=int(radius), fill=fill, outline=outline, width=width)


def shade(color: RGB, factor: float) -> RGB:
    return tuple(int(max(0, min(255, c * factor))) for c in color)  # type: ignore[return-value]


def mix(a: RGB, b: RGB, t: float) -> RGB:
    return tuple(int(round(x * (1 - t) + y * t)) for x, y in zip(a, b))  # type: ignore[return-value]


def soft_shadow(rgba: Image.Image, blur: float, opacity: int = 110) -> Image.Image:
    alpha = rgba.getchannel("A").filter(ImageFilter.GaussianBlur(blur))
    shadow = Image.new("RGBA", rgba.size, (0, 0, 0, 0))
    shadow.putalpha(alpha.point(lambda v: v * opacity // 255))
    return shadow


def with_margin(rgba: Image.Image, margin: int) -> Image.Image:
    out = Image.new("RGBA", (rgba.width + 2 * margin, rgba.height + 2 * margin), (0, 0, 0, 0))
    out.alpha_composite(rgba, (margin, margin))
    return out


def warp(rgba: Image.Image, rng: np.random.Generator, strength: float) -> Image.Image:
    """A random perspective view of a flat picture (a photo taken at an angle), cropped to its new outline."""
    w, h = rgba.size
    src = np.float32([[0, 0], [w, 0], [w, h], [0, h]])
    jitter = rng.uniform(-strength, strength, size=(4, 2)) * np.float32([w, h])
    dst = src + jitter.astype(np.float32)
    dst -= dst.min(axis=0)
    out_w, out_h = int(math.ceil(dst[:, 0].max())) + 1, int(math.ceil(dst[:, 1].max())) + 1
    matrix = cv2.getPerspectiveTransform(src, dst)
    array = cv2.warpPerspective(np.asarray(rgba.convert("RGBA")), matrix, (out_w, out_h), flags=cv2.INTER_LINEAR,
                                borderMode=cv2.BORDER_CONSTANT, borderValue=(0, 0, 0, 0))
    return Image.fromarray(array, "RGBA")


def rotate(rgba: Image.Image, degrees: float) -> Image.Image:
    return rgba.rotate(degrees, resample=Image.BICUBIC, expand=True)


def noise_layer(size: tuple[int, int], rng: np.random.Generator, sigma: float) -> np.ndarray:
    return rng.normal(0.0, sigma, size=(size[1], size[0], 1)).astype(np.float32)


def add_noise(image: Image.Image, rng: np.random.Generator, sigma: float) -> Image.Image:
    array = np.asarray(image.convert("RGB")).astype(np.float32)
    array += noise_layer(image.size, rng, sigma)
    return Image.fromarray(np.clip(array, 0, 255).astype(np.uint8))


def gradient(size: tuple[int, int], top: RGB, bottom: RGB) -> Image.Image:
    w, h = size
    t = np.linspace(0.0, 1.0, h, dtype=np.float32)[:, None, None]
    array = np.float32(top)[None, None, :] * (1 - t) + np.float32(bottom)[None, None, :] * t
    return Image.fromarray(np.repeat(array, w, axis=1).astype(np.uint8))
