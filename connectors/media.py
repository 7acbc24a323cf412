"""Read what a photo or video file says about where and when it was taken, and who is tagged in it.

exifread handles JPEG and TIFF (and the EXIF block of HEIC, found by our ISO-BMFF reader) quickly
without decoding pixels; Pillow covers PNG and WebP and is the fallback when exifread fails. XMP
packets give face-region names and, when EXIF has none, a location. Videos go through the bounded
MP4/MOV reader in `isobmff`.
"""

from __future__ import annotations

import io
import logging
import re
import struct
import warnings
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from fractions import Fraction
from typing import Any, BinaryIO

import exifread
from PIL import Image

from auditor.model import GeoPoint, GeoSource, Person

from .isobmff import BoxError, heic_exif, read_video_metadata
from .text import VIDEO_SUFFIXES, valid_coordinates

logging.getLogger("exifread").setLevel(logging.ERROR)

try:  # HEIC support is optional at run time: without it HEIC files are listed as unreadable.
    import pillow_heif

    pillow_heif.register_heif_opener()
except ImportError:  # pragma: no cover
    pillow_heif = None

GPS_IFD = 0x8825
EXIF_IFD = 0x8769
XMP_SCAN_LIMIT = 512 * 1024
READER_VERSION = "1"  # raise when a change here changes what is read: cached results then miss


class MediaError(Exception):
    """A media file whose metadata cannot be read; the message says why in plain words."""


@dataclass
class MediaMetadata:
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


def _point(lat: float, lon: float, source: GeoSource, accuracy: float | None = None) -> GeoPoint | None:
    valid = valid_coordinates(lat, lon)
    if valid is None:
        return None
    return GeoPoint(lat=valid[0], lon=valid[1], source=source, accuracy_m=accuracy)


def _gps_time(date: Any, time: Any) -> datetime | None:
    """GPSDateStamp + GPSTimeStamp: the satellite fix's time, always UTC."""
    try:
        day = datetime.strptime(str(date.values if hasattr(date, "values") else date).strip()[:10], "%Y:%m:%d")
        parts = [_ratio_to_float(v) for v in (time.values if hasattr(time, "values") else time)][:3]
    except (TypeError, ValueError, ZeroDivisionError, AttributeError):
        return None
    if len(parts) != 3:
        return None
    return day.replace(tzinfo=timezone.utc) + timedelta(hours=parts[0], minutes=parts[1], seconds=parts[2])


def _localise(wall: datetime | None, where: GeoPoint | None) -> datetime | None:
    """EXIF times without an offset are the camera's wall clock: place them in the time zone of the
    photo's own location when it has one (else they stay as read, labelled UTC)."""
    if wall is None or where is None:
        return wall
    from auditor.geo import local_zone

    zone = local_zone(where.lat, where.lon)
    return wall.replace(tzinfo=zone).astimezone(timezone.utc) if zone else wall


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


def _with_exifread(data: bytes) -> MediaMetadata | None:
    try:
        tags = exifread.process_file(io.BytesIO(data), details=False, extract_thumbnail=False)
    except Exception as exc:  # exifread raises assorted errors on odd files; Pillow gets a try next.
        raise _ExifReadFailed from exc
    if not tags:
        return None
    meta = MediaMetadata()
    lat, lat_ref = tags.get("GPS GPSLatitude"), tags.get("GPS GPSLatitudeRef")
    lon, lon_ref = tags.get("GPS GPSLongitude"), tags.get("GPS GPSLongitudeRef")
    if lat is not None and lon is not None:
        try:
            meta.geo = _point(
                _dms_to_degrees(lat.values, str(lat_ref or "N")),
                _dms_to_degrees(lon.values, str(lon_ref or "E")),
                GeoSource.EXIF,
                _accuracy(tags.get("GPS GPSHPositioningError")),
            )
        except (ZeroDivisionError, TypeError, ValueError):
            meta.geo = None
    taken = tags.get("EXIF DateTimeOriginal") or tags.get("Image DateTime")
    if taken is not None:
        offset = tags.get("EXIF OffsetTimeOriginal")
        meta.taken_at = _parse_exif_datetime(str(taken), str(offset) if offset else "")
        if not offset:
            meta.taken_at = _gps_time(tags.get("GPS GPSDate"), tags.get("GPS GPSTimeStamp")) or _localise(meta.taken_at, meta.geo)
    meta.camera = " ".join(str(tags.get(k, "")).strip() for k in ("Image Make", "Image Model")).strip()
    return meta


def _accuracy(tag: Any) -> float | None:
    if tag is None:
        return None
    try:
        return _ratio_to_float(tag.values[0])
    except (ZeroDivisionError, TypeError, ValueError, IndexError, AttributeError):
        return None


def _with_pillow(data: bytes) -> MediaMetadata:
    try:
        with Image.open(io.BytesIO(data)) as image:
            exif = image.getexif()
            gps = exif.get_ifd(GPS_IFD)
            sub = exif.get_ifd(EXIF_IFD)
    except Image.DecompressionBombError as exc:
        raise MediaError("the image is too large to open safely") from exc
    except Exception as exc:
        raise MediaError("the file is not an image offduty can open (it may be damaged or incomplete)") from exc
    meta = MediaMetadata()
    if gps.get(2) and gps.get(4):
        try:
            meta.geo = _point(
                _dms_to_degrees(gps[2], str(gps.get(1, "N"))),
                _dms_to_degrees(gps[4], str(gps.get(3, "E"))),
                GeoSource.EXIF,
                _accuracy_value(gps.get(31)),
            )
        except (ZeroDivisionError, TypeError, ValueError):
            meta.geo = None
    taken = sub.get(0x9003) or exif.get(0x0132)
    if taken:
        offset = str(sub.get(0x9011, "") or "")
        meta.taken_at = _parse_exif_datetime(str(taken), offset)
        if not offset.strip():
            meta.taken_at = _gps_time(gps.get(29), gps.get(7)) or _localise(meta.taken_at, meta.geo)
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


def _xmp_root(data: bytes) -> ET.Element | None:
    head = data[:XMP_SCAN_LIMIT]
    start = head.find(b"<x:xmpmeta")
    end = head.find(b"</x:xmpmeta>", start)
    if start < 0 or end < 0:
        return None
    try:
        return ET.fromstring(head[start : end + len(b"</x:xmpmeta>")])
    except ET.ParseError:
        return None


XMP_EXIF_NS = "{http://ns.adobe.com/exif/1.0/}"
XMP_COORDINATE = re.compile(r"^\s*(\d{1,3})(?:,(\d{1,2}(?:\.\d+)?))?(?:,(\d{1,2}(?:\.\d+)?))?\s*([NSEW])\s*$", re.I)


def _xmp_coordinate(text: str | None) -> float | None:
    """XMP writes "DD,MM.mmmmN" or "DD,MM,SSN" (or plain decimal degrees)."""
    if not text:
        return None
    match = XMP_COORDINATE.match(text)
    if not match:
        try:
            return float(text)
        except ValueError:
            return None
    degrees = int(match.group(1)) + float(match.group(2) or 0) / 60 + float(match.group(3) or 0) / 3600
    return -degrees if match.group(4).upper() in "SW" else degrees


def xmp_location(data: bytes) -> GeoPoint | None:
    root = _xmp_root(data)
    if root is None:
        return None
    for element in root.iter():
        values = {k: v for k, v in element.attrib.items() if k.startswith(XMP_EXIF_NS)}
        for child in element:
            if child.tag.startswith(XMP_EXIF_NS) and child.text:
                values[child.tag] = child.text
        lat = _xmp_coordinate(values.get(XMP_EXIF_NS + "GPSLatitude"))
        lon = _xmp_coordinate(values.get(XMP_EXIF_NS + "GPSLongitude"))
        if lat is not None and lon is not None:
            return _point(lat, lon, GeoSource.XMP)
    return None


def xmp_people(data: bytes) -> list[Person]:
    """Names from face regions (MWG, Microsoft Photo) in an embedded XMP packet."""
    root = _xmp_root(data)
    if root is None:
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


def read_image_metadata(handle: BinaryIO, name: str) -> MediaMetadata:
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
        elif lowered.endswith((".heic", ".heif", ".avif", ".hif")):
            meta = _heic(data)
        if meta is None:
            meta = _with_pillow(data)
    if exif_damaged and meta.geo is None:
        raise MediaError("the photo's metadata is damaged, so whether it holds a location could not be checked")
    if meta.geo is None:
        meta.geo = xmp_location(data)
    meta.people = xmp_people(data)
    return meta


def _heic(data: bytes) -> MediaMetadata | None:
    """HEIC EXIF through our box reader and exifread: no pixel decoding, no libheif call."""
    try:
        tiff = heic_exif(io.BytesIO(data))
    except (BoxError, struct.error, IndexError) as exc:
        raise MediaError("the HEIC file's structure is damaged") from exc
    if not tiff:
        return None
    try:
        return _with_exifread(tiff)
    except _ExifReadFailed:
        return None


def read_video_file(handle: BinaryIO) -> MediaMetadata:
    """Location, creation time and device of an MP4/MOV/3GP video. Raises MediaError when unreadable."""
    try:
        video = read_video_metadata(handle)
    except (BoxError, struct.error, IndexError, ValueError) as exc:
        raise MediaError(f"the video's structure is damaged ({exc})") from exc
    except OSError as exc:
        raise MediaError("the video could not be read") from exc
    meta = MediaMetadata(taken_at=video.created, camera=" ".join(p for p in (video.make, video.model) if p))
    if video.lat is not None and video.lon is not None:
        meta.geo = _point(video.lat, video.lon, GeoSource.VIDEO, video.accuracy_m)
    return meta


def read_media_metadata(handle: BinaryIO, name: str) -> MediaMetadata:
    """Photo or video, by file name."""
    if name.lower().endswith(VIDEO_SUFFIXES):
        return read_video_file(handle)
    return read_image_metadata(handle, name)
