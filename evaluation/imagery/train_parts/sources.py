"""Real photographs that ship inside installed packages (nothing is downloaded), with where the faces are.

Face boxes were located once with YuNet (yuface, score >= 0.89) and are fixed here so the build does not
depend on a face detector. See evaluation/imagery/README.md for the licence of each picture.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from matplotlib import cbook
from PIL import Image
from skimage import data as skdata


@dataclass(frozen=True, slots=True)
class Photo:
    name: str
    pixels: np.ndarray  # RGB uint8
    faces: tuple[tuple[int, int, int, int], ...]  # x, y, width, height


@lru_cache(maxsize=None)
def photo(name: str) -> Photo:
    if name == "grace_hopper":
        with cbook.get_sample_data("grace_hopper.jpg") as handle:
            pixels = np.asarray(Image.open(handle).convert("RGB"))
        return Photo(name, pixels, ((182, 121, 171, 211),))
    if name == "motorcycle":
        return Photo(name, skdata.stereo_motorcycle()[0], ())
    pixels = getattr(skdata, name)()
    if pixels.dtype == bool:
        pixels = np.where(pixels, 0, 255).astype(np.uint8)
    if pixels.ndim == 2:
        pixels = np.stack([pixels] * 3, axis=-1)
    faces = {"astronaut": ((178, 63, 89, 112),), "camera": ((195, 113, 60, 80),)}.get(name, ())
    return Photo(name, np.ascontiguousarray(pixels[..., :3]), faces)


PEOPLE = ("astronaut", "grace_hopper", "camera")
SCENERY = ("chelsea", "coffee", "rocket", "motorcycle", "hubble_deep_field", "coins", "clock", "moon", "horse")
TEXTURES = ("brick", "grass", "gravel")


@lru_cache(maxsize=None)
def lfw_faces() -> np.ndarray:
    """The 100 face crops of scikit-image's LFW subset (25 x 25 grey); the other 100 crops are not faces."""
    return (skdata.lfw_subset()[:100] * 255).clip(0, 255).astype(np.uint8)


def texture(rng: np.random.Generator, width: int, height: int, tint: tuple[int, int, int]) -> Image.Image:
    """A CC0 grey texture, cropped at random, tinted and stretched to the size asked for."""
    grey = photo(str(rng.choice(TEXTURES))).pixels[..., 0].astype(np.float32) / 255.0
    side = int(rng.integers(160, 512))
    x, y = rng.integers(0, 512 - side + 1, size=2)
    crop = grey[y:y + side, x:x + side]
    coloured = np.clip(crop[..., None] * np.array(tint, dtype=np.float32)[None, None, :] * 1.6, 0, 255).astype(np.uint8)
    return Image.fromarray(coloured, "RGB").resize((int(width), int(height)), Image.BILINEAR)


def gradient(width: int, height: int, top: tuple[int, int, int], bottom: tuple[int, int, int]) -> Image.Image:
    ramp = np.linspace(0.0, 1.0, int(height), dtype=np.float32)[:, None, None]
    pixels = (np.array(top, np.float32) * (1 - ramp) + np.array(bottom, np.float32) * ramp).astype(np.uint8)
    return Image.fromarray(np.repeat(pixels, int(width), axis=1), "RGB")
