"""A perceptual fingerprint of each image: the same picture, re-encoded, resized or slightly cropped,
gets nearly the same 64-bit pHash (`VisualFeatures.hash_distance` compares two), so one photo used on
two accounts can be recognised."""

from __future__ import annotations

from typing import Any

import imagehash
from PIL import ImageStat

from .base import Extractor, Picture, register


@register
class Fingerprint(Extractor):
    name = "fingerprint"
    version = "1"
    fields = ("perceptual_hash", "detail")

    def extract(self, picture: Picture) -> dict[str, Any]:
        grey = picture.image.convert("L")
        return {"perceptual_hash": str(imagehash.phash(grey)), "detail": round(ImageStat.Stat(grey).stddev[0], 2)}
