"""Small helpers shared by connectors: text repair, timestamps, file types."""

from __future__ import annotations

import mimetypes
from datetime import datetime, timezone
from typing import Any

import ftfy

EARLIEST_PLAUSIBLE = datetime(1990, 1, 1, tzinfo=timezone.utc).timestamp()

IMAGE_SUFFIXES = (".jpg", ".jpeg", ".tif", ".tiff", ".png", ".webp", ".heic", ".heif", ".gif", ".bmp")
VIDEO_SUFFIXES = (".mp4", ".mov", ".m4v", ".3gp", ".avi", ".mkv", ".webm")


def fix_meta_text(value: str) -> str:
    """Undo Meta's export encoding: UTF-8 bytes written out as one code point per byte.

    The exact round trip is tried first (it is lossless when the whole string was mis-encoded); ftfy
    handles strings where only part was mangled.
    """
    if not value or all(ord(ch) < 0x80 for ch in value):
        return value
    try:
        return value.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return ftfy.fix_text(value)


def fix_meta_json(value: Any) -> Any:
    """Repair every string in a parsed Meta JSON document, keys included."""
    if isinstance(value, str):
        return fix_meta_text(value)
    if isinstance(value, list):
        return [fix_meta_json(v) for v in value]
    if isinstance(value, dict):
        return {fix_meta_text(k): fix_meta_json(v) for k, v in value.items()}
    return value


def from_unix(value: Any) -> datetime | None:
    """Unix seconds (or milliseconds) to aware UTC; 0, absurd and unparseable values become None."""
    try:
        seconds = float(value)
    except (TypeError, ValueError):
        return None
    if seconds > 1e11:  # milliseconds
        seconds /= 1000.0
    if seconds < EARLIEST_PLAUSIBLE or seconds > 4102444800:  # before 1990 or after 2100
        return None
    return datetime.fromtimestamp(seconds, tz=timezone.utc)


def parse_iso(value: Any) -> datetime | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=timezone.utc)
    return parsed.astimezone(timezone.utc)


def parse_formats(value: Any, *formats: str) -> datetime | None:
    """The first of `formats` that parses `value` (a trailing " UTC" is dropped), as aware UTC."""
    text = str(value or "").replace(" UTC", "").strip()
    for fmt in formats:
        try:
            return datetime.strptime(text, fmt).replace(tzinfo=timezone.utc)
        except ValueError:
            continue
    return None


def guess_mime(name: str) -> str:
    lowered = name.lower()
    if lowered.endswith((".heic", ".heif")):
        return "image/heic"
    if lowered.endswith(".webp"):
        return "image/webp"
    return mimetypes.guess_type(lowered)[0] or ""


def is_image(name: str) -> bool:
    return name.lower().endswith(IMAGE_SUFFIXES)


def is_video(name: str) -> bool:
    return name.lower().endswith(VIDEO_SUFFIXES)


def valid_coordinates(lat: Any, lon: Any) -> tuple[float, float] | None:
    """Coordinates as floats, or None when missing, zero (Meta and Google write 0,0 for none) or out of range."""
    try:
        lat_f, lon_f = float(lat), float(lon)
    except (TypeError, ValueError):
        return None
    if lat_f == 0.0 and lon_f == 0.0:
        return None
    if not (-90.0 <= lat_f <= 90.0 and -180.0 <= lon_f <= 180.0):
        return None
    return lat_f, lon_f
