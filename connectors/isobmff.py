"""A small, bounded reader for ISO base media files (MP4, MOV, HEIC): just enough to find where a phone
stored the location, without loading the file.

No maintained library reads both video forms: Android cameras write `moov/udta/©xyz`, iPhones write
QuickTime metadata (`moov/meta` with a `keys` list and `ilst` values, the key being
com.apple.quicktime.location.ISO6709); some devices use the 3GPP `loci` box. Top-level boxes are
skipped by seeking, so a multi-gigabyte `mdat` costs nothing. HEIC keeps EXIF as an item found
through `meta/iinf` and `meta/iloc`.
"""

from __future__ import annotations

import re
import struct
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import BinaryIO, Iterator

MAX_BOXES = 10_000
MAX_METADATA_BYTES = 16 * 1024 * 1024  # moov/udta/meta payloads we are willing to read
QUICKTIME_EPOCH = datetime(1904, 1, 1, tzinfo=timezone.utc)
ISO6709 = re.compile(r"^\s*([+-]\d{1,2}(?:\.\d+)?)([+-]\d{1,3}(?:\.\d+)?)([+-]\d+(?:\.\d+)?)?")
LOCATION_KEYS = (b"com.apple.quicktime.location.ISO6709",)
CONTAINERS = {b"moov", b"udta", b"meta", b"trak", b"mdia", b"minf", b"ilst"}


class BoxError(Exception):
    pass


@dataclass
class VideoMetadata:
    lat: float | None = None
    lon: float | None = None
    altitude: float | None = None
    accuracy_m: float | None = None
    created: datetime | None = None
    make: str = ""
    model: str = ""


def parse_iso6709(text: str) -> tuple[float, float, float | None] | None:
    """"+37.7858-122.4064/" or "+12.34-056.78+010.000/" in decimal degrees."""
    match = ISO6709.match(text)
    if not match:
        return None
    lat, lon = float(match.group(1)), float(match.group(2))
    if not (-90 <= lat <= 90 and -180 <= lon <= 180) or (lat == 0 and lon == 0):
        return None
    return lat, lon, float(match.group(3)) if match.group(3) else None


def _boxes(handle: BinaryIO, start: int, end: int) -> Iterator[tuple[bytes, int, int]]:
    """(type, payload offset, payload size) of the boxes between `start` and `end`."""
    offset, count = start, 0
    while offset + 8 <= end:
        count += 1
        if count > MAX_BOXES:
            raise BoxError("too many boxes")
        handle.seek(offset)
        header = handle.read(8)
        if len(header) < 8:
            return
        size, kind = struct.unpack(">I4s", header)
        header_size = 8
        if size == 1:
            large = handle.read(8)
            if len(large) < 8:
                return
            size = struct.unpack(">Q", large)[0]
            header_size = 16
        elif size == 0:
            size = end - offset
        if size < header_size or offset + size > end:
            raise BoxError(f"box {kind!r} runs past its parent")
        yield kind, offset + header_size, size - header_size
        offset += size


def _read(handle: BinaryIO, offset: int, size: int) -> bytes:
    if size > MAX_METADATA_BYTES:
        raise BoxError("metadata box too large")
    handle.seek(offset)
    data = handle.read(size)
    if len(data) < size:
        raise BoxError("file ends inside a box")
    return data


def _meta_children_start(handle: BinaryIO, offset: int) -> int:
    """QuickTime `meta` boxes have no version/flags; ISO ones do. Look at what follows."""
    handle.seek(offset)
    head = handle.read(12)
    if len(head) >= 12 and head[:4] == b"\x00\x00\x00\x00" and head[8:12] in (b"hdlr", b"keys", b"ilst", b"iinf", b"pitm"):
        return offset + 4
    return offset


def file_size(handle: BinaryIO) -> int:
    handle.seek(0, 2)
    return handle.tell()


def read_video_metadata(handle: BinaryIO) -> VideoMetadata:
    """Location, creation time and device of an MP4/MOV. Raises BoxError on a damaged structure."""
    end = file_size(handle)
    meta = VideoMetadata()
    for kind, offset, size in _boxes(handle, 0, end):
        if kind == b"moov":
            _walk_moov(handle, offset, offset + size, meta)
            break
    return meta


def _walk_moov(handle: BinaryIO, start: int, end: int, meta: VideoMetadata) -> None:
    for kind, offset, size in _boxes(handle, start, end):
        if kind == b"mvhd":
            data = _read(handle, offset, min(size, 32))
            seconds = struct.unpack(">Q", data[4:12])[0] if data[0] == 1 else struct.unpack(">I", data[4:8])[0]
            if seconds:
                meta.created = QUICKTIME_EPOCH + timedelta(seconds=seconds)
        elif kind == b"udta":
            _walk_udta(handle, offset, offset + size, meta)
        elif kind == b"meta":
            _walk_quicktime_meta(handle, _meta_children_start(handle, offset), offset + size, meta)


def _set_location(meta: VideoMetadata, text: str) -> None:
    parsed = parse_iso6709(text)
    if parsed and meta.lat is None:
        meta.lat, meta.lon, meta.altitude = parsed


def _walk_udta(handle: BinaryIO, start: int, end: int, meta: VideoMetadata) -> None:
    for kind, offset, size in _boxes(handle, start, end):
        if kind == b"\xa9xyz":
            data = _read(handle, offset, size)
            length = struct.unpack(">H", data[:2])[0] if len(data) >= 4 else 0
            text = data[4:4 + length] if 0 < length <= len(data) - 4 else data[4:]
            _set_location(meta, text.decode("latin-1", errors="replace"))
        elif kind == b"loci":
            _read_loci(_read(handle, offset, size), meta)
        elif kind == b"meta":
            _walk_quicktime_meta(handle, _meta_children_start(handle, offset), offset + size, meta)
        elif kind in (b"\xa9mak", b"\xa9mod"):
            data = _read(handle, offset, size)
            value = data[4:].decode("utf-8", errors="replace").strip("\x00 ")
            if kind == b"\xa9mak":
                meta.make = meta.make or value
            else:
                meta.model = meta.model or value


def _read_loci(data: bytes, meta: VideoMetadata) -> None:
    """3GPP location box: version/flags, language, a name, a role, then 16.16 fixed-point lon, lat, alt."""
    end = data.find(b"\x00", 6)
    if end < 0 or len(data) < end + 14:
        return
    lon, lat, alt = struct.unpack(">iii", data[end + 2:end + 14])
    if meta.lat is None and (lat or lon):
        meta.lat, meta.lon, meta.altitude = lat / 65536, lon / 65536, alt / 65536


def _walk_quicktime_meta(handle: BinaryIO, start: int, end: int, meta: VideoMetadata) -> None:
    keys: list[bytes] = []
    for kind, offset, size in _boxes(handle, start, end):
        if kind == b"keys":
            data = _read(handle, offset, size)
            count = struct.unpack(">I", data[4:8])[0]
            position = 8
            for _ in range(min(count, 1000)):
                if position + 8 > len(data):
                    break
                key_size = struct.unpack(">I", data[position:position + 4])[0]
                if key_size < 8:
                    break
                keys.append(data[position + 8:position + key_size])
                position += key_size
        elif kind == b"ilst":
            for item_kind, item_offset, item_size in _boxes(handle, offset, offset + size):
                index = struct.unpack(">I", item_kind)[0]
                key = keys[index - 1] if 0 < index <= len(keys) else item_kind
                for data_kind, data_offset, data_size in _boxes(handle, item_offset, item_offset + item_size):
                    if data_kind != b"data":
                        continue
                    value = _read(handle, data_offset, data_size)[8:]
                    text = value.decode("utf-8", errors="replace").strip("\x00")
                    if key in LOCATION_KEYS or key == b"\xa9xyz":
                        _set_location(meta, text)
                    elif key == b"com.apple.quicktime.location.accuracy.horizontal":
                        try:
                            meta.accuracy_m = float(text)
                        except ValueError:
                            pass
                    elif key == b"com.apple.quicktime.make":
                        meta.make = text
                    elif key == b"com.apple.quicktime.model":
                        meta.model = text
                    elif key == b"com.apple.quicktime.creationdate":
                        try:
                            meta.created = datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(timezone.utc)
                        except ValueError:
                            pass


def heic_exif(handle: BinaryIO) -> bytes | None:
    """The TIFF-structured EXIF block of a HEIC/HEIF/AVIF image, read through meta/iinf/iloc."""
    end = file_size(handle)
    for kind, offset, size in _boxes(handle, 0, end):
        if kind != b"meta":
            continue
        exif_ids: list[int] = []
        locations: dict[int, list[tuple[int, int]]] = {}
        for child, child_offset, child_size in _boxes(handle, offset + 4, offset + size):
            if child == b"iinf":
                exif_ids = _exif_item_ids(_read(handle, child_offset, child_size))
            elif child == b"iloc":
                locations = _item_locations(_read(handle, child_offset, child_size))
        for item_id in exif_ids:
            extents = locations.get(item_id)
            if not extents:
                continue
            data = b"".join(_read(handle, start, length) for start, length in extents)
            if len(data) < 4:
                continue
            skip = struct.unpack(">I", data[:4])[0]
            return data[4 + skip:]
    return None


def _exif_item_ids(data: bytes) -> list[int]:
    version = data[0]
    count = struct.unpack(">H", data[4:6])[0] if version == 0 else struct.unpack(">I", data[4:8])[0]
    position = 6 if version == 0 else 8
    ids = []
    for _ in range(min(count, 10_000)):
        if position + 8 > len(data):
            break
        size = struct.unpack(">I", data[position:position + 4])[0]
        if data[position + 4:position + 8] == b"infe" and size >= 20:
            infe = data[position + 8:position + size]
            infe_version = infe[0]
            if infe_version >= 2:
                item_id = struct.unpack(">H", infe[4:6])[0] if infe_version == 2 else struct.unpack(">I", infe[4:8])[0]
                type_at = 8 if infe_version == 2 else 10
                if infe[type_at:type_at + 4] == b"Exif":
                    ids.append(item_id)
        if size < 8:
            break
        position += size
    return ids


def _item_locations(data: bytes) -> dict[int, list[tuple[int, int]]]:
    version = data[0]
    offset_size, length_size = data[4] >> 4, data[4] & 0x0F
    base_offset_size, index_size = data[5] >> 4, (data[5] & 0x0F) if version in (1, 2) else 0
    position = 6

    def number(width: int) -> int:
        nonlocal position
        if width == 0:
            return 0
        value = int.from_bytes(data[position:position + width], "big")
        position += width
        return value

    count = number(2) if version < 2 else number(4)
    found: dict[int, list[tuple[int, int]]] = {}
    for _ in range(min(count, 10_000)):
        item_id = number(2) if version < 2 else number(4)
        if version in (1, 2):
            number(2)  # construction method
        number(2)  # data reference index
        base = number(base_offset_size)
        extents = []
        for _ in range(number(2)):
            if version in (1, 2) and index_size:
                number(index_size)
            extents.append((base + number(offset_size), number(length_size)))
        found[item_id] = extents
    return found
