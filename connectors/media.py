"""Read what a photo file says about where and when it was taken, and who is tagged in it.

exifread handles JPEG and TIFF quickly without decoding pixels; Pillow (with pillow-heif) covers PNG,
WebP and HEIC and is the fallback when exifread fails. XMP packets are scanned for face-region names.
"""

from __future__ import annotations

import io
import logging
import re
import warnings
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import datetime, timezone
from fractions import Fraction
from typing import Any, BinaryIO

import exifread
from PIL import Image

from auditor.model import GeoPoint, Person

from .text import valid_coordinates

logging.getLogger("exifread").setLevel(logging.ERROR)

try:  # HEIC support is optional at run time: without it HEIC files are listed as unreadable.
    import pillow_heif

    pillow_heif.register_heif_opener()
except ImportError:  # pragma: no cover
    pillow_heif = None

GPS_IFD = 0x8825
EXIF_IFD = 0x8769
XMP_SCAN_LIMIT = 512 * 1024


class MediaError(Exception):
    """A media file whose metadata cannot be read; the message says why in plain words."""


@dataclass
class ImageMetadata:
    geo: GeoPoint | None = None
    taken_at: datetime | None = None
    camera: str = ""
    people: list[Person] = field(default_factory=list)


def _ratio_to_float(value: Any) -> float:
    if hasattr(value, "num") and hasattr(value, "den"):
        if value.den == 0:
            raise ZeroDivisionError
        return value.num / value.den
    if isinstance(value, tuple) and len(value) == 2:
        if value[1] == 0:
            raise ZeroDivisionError
        return value[0] / value[1]
    return float(Fraction(value)) if isinstance(value, str) else float(value)


def _dms_to_degrees(values: Any, ref: str) -> float:
    parts = list(values)
    degrees = 0.0
    for index, part in enumerate(parts[:3]):
        degrees += _ratio_to_float(part) / (60**index)
    if ref.strip().upper()[:1] in ("S", "W"):
        degrees = -degrees
    return degrees


def _point(lat: float, lon: float, source: str, accuracy: float | None = None) -> GeoPoint | None:
    valid = valid_coordinates(lat, lon)
    if valid is None:
        return None
    return GeoPoint(lat=valid[0], lon=valid[1], source=source, accuracy_m=accuracy)


def _parse_exif_datetime(value: str, offset: str = "") -> datetime | None:
    try:
        parsed = datetime.strptime(value.strip()[:19], "%Y:%m:%d %H:%M:%S")
    except ValueError:
        return None
    if offset and re.fullmatch(r"[+-]\d\d:\d\d", offset.strip()):
        return datetime.fromisoformat(parsed.isoformat() + offset.strip()).astimezone(timezone.utc)
    # Without an offset EXIF time is the camera's local time; we keep it as UTC-labelled wall time.
    return parsed.replace(tzinfo=timezone.utc)


class _ExifReadFailed(Exception):
    pass


def _with_exifread(data: bytes) -> ImageMetadata | None:
    try:
        tags = exifread.process_file(io.BytesIO(data), details=False, extract_thumbnail=False)
    except Exception as exc:  # exifread raises assorted errors on odd files; Pillow gets a try next.
        raise _ExifReadFailed from exc
    if not tags:
        return None
    meta = ImageMetadata()
    lat, lat_ref = tags.get("GPS GPSLatitude"), tags.get("GPS GPSLatitudeRef")
    lon, lon_ref = tags.get("GPS GPSLongitude"), tags.get("GPS GPSLongitudeRef")
    if lat is not None and lon is not None:
        try:
            meta.geo = _point(
                _dms_to_degrees(lat.values, str(lat_ref or "N")),
                _dms_to_degrees(lon.values, str(lon_ref or "E")),
                "exif",
                _accuracy(tags.get("GPS GPSHPositioningError")),
            )
        except (ZeroDivisionError, TypeError, ValueError):
            meta.geo = None
    taken = tags.get("EXIF DateTimeOriginal") or tags.get("Image DateTime")
    if taken is not None:
        offset = tags.get("EXIF OffsetTimeOriginal")
        meta.taken_at = _parse_exif_datetime(str(taken), str(offset) if offset else "")
    meta.camera = " ".join(str(tags.get(k, "")).strip() for k in ("Image Make", "Image Model")).strip()
    return meta


def _accuracy(tag: Any) -> float | None:
    if tag is None:
        return None
    try:
        return _ratio_to_float(tag.values[0])
    except (ZeroDivisionError, TypeError, ValueError, IndexError, AttributeError):
        return None


def _with_pillow(data: bytes) -> ImageMetadata:
    try:
        with Image.open(io.BytesIO(data)) as image:
            exif = image.getexif()
            gps = exif.get_ifd(GPS_IFD)
            sub = exif.get_ifd(EXIF_IFD)
    except Image.DecompressionBombError as exc:
        raise MediaError("the image is too large to open safely") from exc
    except Exception as exc:
        raise MediaError("the file is not an image offduty can open (it may be damaged or incomplete)") from exc
    meta = ImageMetadata()
    if gps.get(2) and gps.get(4):
        try:
            meta.geo = _point(
                _dms_to_degrees(gps[2], str(gps.get(1, "N"))),
                _dms_to_degrees(gps[4], str(gps.get(3, "E"))),
                "exif",
                _accuracy_value(gps.get(31)),
            )
        except (ZeroDivisionError, TypeError, ValueError):
            meta.geo = None
    taken = sub.get(0x9003) or exif.get(0x0132)
    if taken:
        meta.taken_at = _parse_exif_datetime(str(taken), str(sub.get(0x9011, "")))
    meta.camera = " ".join(str(exif.get(k, "")).strip("\x00 ") for k in (0x010F, 0x0110)).strip()
    return meta


def _accuracy_value(value: Any) -> float | None:
    if value is None:
        return None
    try:
        return float(value)
    except (TypeError, ValueError, ZeroDivisionError):
        return None


_XMP_NAME_ATTRS = ("Name", "PersonDisplayName")
_REGION_NAMESPACES = ("metadataworkinggroup.com/schemas/regions", "microsoft.com/photo")


def _region_namespace(qualified: str) -> bool:
    namespace = qualified[1:].split("}", 1)[0] if qualified.startswith("{") else ""
    return any(ns in namespace for ns in _REGION_NAMESPACES)


def xmp_people(data: bytes) -> list[Person]:
    """Names from face regions (MWG, Microsoft Photo) in an embedded XMP packet."""
    head = data[:XMP_SCAN_LIMIT]
    start = head.find(b"<x:xmpmeta")
    end = head.find(b"</x:xmpmeta>", start)
    if start < 0 or end < 0:
        return []
    try:
        root = ET.fromstring(head[start : end + len(b"</x:xmpmeta>")])
    except ET.ParseError:
        return []
    names: list[str] = []
    for element in root.iter():
        tag = element.tag.rsplit("}", 1)[-1]
        if _region_namespace(element.tag) and tag in _XMP_NAME_ATTRS and element.text and element.text.strip():
            names.append(element.text.strip())
        for key, value in element.attrib.items():
            if _region_namespace(key) and key.rsplit("}", 1)[-1] in _XMP_NAME_ATTRS and value.strip():
                names.append(value.strip())
    seen: dict[str, None] = {}
    for name in names:
        seen.setdefault(name, None)
    return [Person(name=name) for name in seen]


def read_image_metadata(handle: BinaryIO, name: str) -> ImageMetadata:
    """GPS, capture time, camera and tagged people of one image. Raises MediaError when unreadable."""
    data = handle.read()
    if not data:
        raise MediaError("the file is empty (0 bytes)")
    lowered = name.lower()
    meta = None
    exif_damaged = False
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # Pillow warns on damaged EXIF; we report it instead
        if lowered.endswith((".jpg", ".jpeg", ".tif", ".tiff")):
            if not data.startswith((b"\xff\xd8", b"II*\x00", b"MM\x00*")):
                raise MediaError("the file is not a valid JPEG or TIFF image")
            try:
                meta = _with_exifread(data)
            except _ExifReadFailed:
                exif_damaged = True
        if meta is None:
            meta = _with_pillow(data)
    if exif_damaged and meta.geo is None:
        raise MediaError("the photo's metadata is damaged, so whether it holds a location could not be checked")
    meta.people = xmp_people(data)
    return meta
