"""Real photographs that ship inside installed packages, used as backgrounds, people and everyday scenes.

Only files bundled in the scikit-image and matplotlib wheels are read (nothing is downloaded). Faces come
from the SECOND half of the face part of scikit-image's lfw_subset (items 50-99; items 100-199 of that
array are not faces at all), plus the astronaut and Grace Hopper portraits.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
from PIL import Image

# Background photographs without people: name -> (loader name, what it shows).
SCENERY = {
    "coffee": "a cup of coffee on a table",
    "chelsea": "a cat",
    "cat": "a cat",
    "rocket": "a rocket on a launch pad under the sky",
    "hubble_deep_field": "a starfield",
    "brick": "a brick wall",
    "grass": "grass",
    "gravel": "gravel",
    "stereo_motorcycle": "a motorcycle in a workshop",
    "clock": "a wall clock",
    "coins": "old coins",
    "moon": "the moon's surface",
    "immunohistochemistry": "a stained tissue slide",
    "colorwheel": "a colour wheel",
    "logo": "the scikit-image logo",
}
FACE_INDICES = tuple(range(50, 100))


@lru_cache(maxsize=None)
def photo(name: str) -> Image.Image:
    """A bundled photograph as RGB."""
    if name == "grace_hopper":
        from matplotlib import cbook

        with cbook.get_sample_data("grace_hopper.jpg") as handle:
            return Image.open(handle).convert("RGB")
    import skimage.data

    array = getattr(skimage.data, name)()
    if isinstance(array, tuple):
        array = array[0]
    array = np.asarray(array)
    if array.dtype == bool:
        array = array.astype(np.uint8) * 255
    if array.ndim == 2:
        return Image.fromarray(array.astype(np.uint8)).convert("RGB")
    if array.shape[2] == 4:
        rgba = Image.fromarray(array.astype(np.uint8), "RGBA")
        flat = Image.new("RGB", rgba.size, (255, 255, 255))
        flat.paste(rgba, mask=rgba.getchannel("A"))
        return flat
    return Image.fromarray(array.astype(np.uint8)).convert("RGB")


@lru_cache(maxsize=1)
def _lfw() -> np.ndarray:
    import skimage.data

    array = np.asarray(skimage.data.lfw_subset())
    return (array * 255).clip(0, 255).astype(np.uint8) if array.dtype != np.uint8 else array


def face_crop(source: str) -> Image.Image:
    """A tight, roughly frontal face crop: 'lfw:<index>', 'astronaut' or 'grace_hopper'."""
    if source.startswith("lfw:"):
        return Image.fromarray(_lfw()[int(source[4:])]).convert("L")
    if source == "astronaut":
        return photo("astronaut").crop((150, 35, 265, 165))
    if source == "grace_hopper":
        return photo("grace_hopper").crop((165, 120, 355, 350))
    raise ValueError(source)


def face_sources() -> list[str]:
    return [f"lfw:{i}" for i in FACE_INDICES] + ["astronaut", "grace_hopper"]


def photo_crop(name: str, size: tuple[int, int], rng: np.random.Generator, zoom: float = 1.0) -> Image.Image:
    """A random crop of a bundled photo with the requested aspect, resized to size (upscaled when needed)."""
    source = photo(name)
    target_aspect = size[0] / size[1]
    w, h = source.size
    crop_w = min(w, h * target_aspect) / max(1.0, zoom)
    crop_h = crop_w / target_aspect
    x = rng.uniform(0, max(0.0, w - crop_w))
    y = rng.uniform(0, max(0.0, h - crop_h))
    crop = source.crop((int(x), int(y), int(x + crop_w), int(y + crop_h)))
    if rng.random() < 0.5:
        crop = crop.transpose(Image.FLIP_LEFT_RIGHT)
    return crop.resize(size, Image.BICUBIC)
