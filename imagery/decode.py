"""One bounded decode per image: JPEGs are decoded straight at a reduced scale (`draft`), everything
else is decoded and shrunk, so a 48-megapixel photo costs about what a thumbnail does."""

from __future__ import annotations

import io
import warnings

import numpy as np
from PIL import Image, ImageOps, UnidentifiedImageError

from .base import Picture

try:  # HEIC/HEIF, as phones store them
    import pillow_heif

    pillow_heif.register_heif_opener()
except ImportError:  # pragma: no cover - pillow-heif is a dependency; without it HEIC is reported as unreadable
    pillow_heif = None

# The largest size any extractor wants, bounded: text wants detail (12 px capitals in a 2,000 px photo are about
# 6 px here), the insignia matcher works at 1,024 px; everything else scales its own copy down.
MAX_SIDE = 1024
VERSION = "2"  # of the decoding: part of every cached result's key


class ImageProblem(Exception):
    """An image that cannot be examined; the message says why, for the person running the audit."""


def decode(data: bytes, member: str) -> Picture:
    if not data:
        raise ImageProblem("the image file is empty (0 bytes)")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)  # refuse what Pillow only warns about
            with Image.open(io.BytesIO(data)) as opened:
                width, height = opened.size
                if opened.format == "JPEG":
                    opened.draft("RGB", (MAX_SIDE, MAX_SIDE))  # decodes at 1/2, 1/4 or 1/8 scale, never below MAX_SIDE
                image = ImageOps.exif_transpose(opened)
                image.thumbnail((MAX_SIDE, MAX_SIDE))
                image = image.convert("RGB")
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise ImageProblem("the image is too large to open safely (a picture this size is usually damaged or hostile)") from exc
    except UnidentifiedImageError as exc:
        hint = " (HEIC support is missing: install pillow-heif)" if member.lower().endswith((".heic", ".heif")) and not pillow_heif else ""
        raise ImageProblem(f"this is not an image format offduty can open{hint}") from exc
    except (OSError, SyntaxError, ValueError, EOFError) as exc:
        raise ImageProblem(f"the image is damaged or cut short ({str(exc)[:120] or type(exc).__name__})") from exc
    pixels = np.asarray(image)
    pixels.flags.writeable = False  # shared by every extractor
    return Picture(image=image, width=width, height=height, member=member, pixels=pixels)
