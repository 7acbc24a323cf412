"""Byte-level builders for realistic binary fixtures: JPEGs with EXIF GPS and XMP, deterministic zips.

Used by the sample-export generator and by the tests' fixture factories, so both write files the way
cameras and platforms do.
"""

from __future__ import annotations

import io
import zipfile
from datetime import datetime
from fractions import Fraction
from pathlib import Path

from PIL import Image
from PIL.TiffImagePlugin import IFDRational

FIXED_ZIP_TIME = (2025, 3, 2, 9, 30, 0)


def _dms(value: float) -> tuple[IFDRational, IFDRational, IFDRational]:
    value = abs(value)
    degrees = int(value)
    minutes_full = (value - degrees) * 60
    minutes = int(minutes_full)
    seconds = Fraction((minutes_full - minutes) * 60).limit_denominator(1_000_000)
    return IFDRational(degrees), IFDRational(minutes), IFDRational(seconds.numerator, seconds.denominator)


def xmp_packet(people: list[str]) -> bytes:
    """An XMP packet with MWG face regions naming `people`, as Lightroom or digiKam write them."""
    regions = "".join(
        f'<rdf:li rdf:parseType="Resource"><mwg-rs:Name>{name}</mwg-rs:Name><mwg-rs:Type>Face</mwg-rs:Type>'
        f'<mwg-rs:Area stArea:x="0.5" stArea:y="0.4" stArea:w="0.2" stArea:h="0.3" stArea:unit="normalized"/></rdf:li>'
        for name in people
    )
    return (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description rdf:about="" xmlns:mwg-rs="http://www.metadataworkinggroup.com/schemas/regions/" '
        'xmlns:stArea="http://ns.adobe.com/xmp/sType/Area#">'
        f"<mwg-rs:Regions rdf:parseType=\"Resource\"><mwg-rs:RegionList><rdf:Bag>{regions}</rdf:Bag>"
        "</mwg-rs:RegionList></mwg-rs:Regions></rdf:Description></rdf:RDF></x:xmpmeta>"
        '<?xpacket end="w"?>'
    ).encode("utf-8")


def jpeg(
    lat: float | None = None,
    lon: float | None = None,
    taken: datetime | None = None,
    make: str = "",
    model: str = "",
    people: list[str] | None = None,
    size: tuple[int, int] = (96, 72),
    color: tuple[int, int, int] = (110, 130, 150),
    accuracy_m: float | None = None,
    picture: Image.Image | None = None,
    quality: int = 80,
) -> bytes:
    """A small real JPEG (or `picture`, at its own size); with EXIF GPS/time/camera when given, as a phone camera writes them."""
    image = picture if picture is not None else Image.new("RGB", size, color)
    exif = Image.Exif()
    if make:
        exif[0x010F] = make
    if model:
        exif[0x0110] = model
    if taken:
        # As current phones write it: the wall-clock time with its UTC offset (here UTC itself).
        stamp = taken.strftime("%Y:%m:%d %H:%M:%S")
        exif[0x0132] = stamp
        exif[0x8769] = {0x9003: stamp, 0x9004: stamp, 0x9011: "+00:00"}
    if lat is not None and lon is not None:
        gps = {0: b"\x02\x02\x00\x00", 1: "N" if lat >= 0 else "S", 2: _dms(lat), 3: "E" if lon >= 0 else "W", 4: _dms(lon)}
        if accuracy_m is not None:
            gps[31] = IFDRational(Fraction(accuracy_m).limit_denominator(1000))
        exif[0x8825] = gps
    buffer = io.BytesIO()
    options: dict = {"quality": quality}
    if len(exif):
        options["exif"] = exif.tobytes()
    if people:
        options["xmp"] = xmp_packet(people)
    image.save(buffer, "JPEG", **options)
    return buffer.getvalue()


def portrait(seed: int, size: int = 320) -> Image.Image:
    """A made-up picture with enough shapes to fingerprint (a flat colour matches every other flat colour):
    a head-and-shoulders silhouette on a background of soft blobs, different for each seed."""
    import random

    from PIL import ImageDraw, ImageFilter

    rng = random.Random(seed)
    image = Image.new("RGB", (size, size), tuple(rng.randrange(60, 200) for _ in range(3)))
    draw = ImageDraw.Draw(image)
    for _ in range(10):
        x, y, r = rng.randrange(size), rng.randrange(size), rng.randrange(size // 10, size // 3)
        draw.ellipse([x - r, y - r, x + r, y + r], fill=tuple(rng.randrange(256) for _ in range(3)))
    skin, shirt = tuple(rng.randrange(120, 230) for _ in range(3)), tuple(rng.randrange(0, 120) for _ in range(3))
    draw.ellipse([size * 0.15, size * 0.7, size * 0.85, size * 1.3], fill=shirt)
    draw.ellipse([size * 0.32, size * 0.2, size * 0.68, size * 0.68], fill=skin)
    return image.filter(ImageFilter.GaussianBlur(1.5))


def encoded(image: Image.Image, fmt: str = "JPEG", **options: object) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, fmt, **options)
    return buffer.getvalue()


def png(size: tuple[int, int] = (64, 48), color: tuple[int, int, int] = (200, 180, 90)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, "PNG")
    return buffer.getvalue()


def write_zip(path: Path, files: dict[str, bytes]) -> None:
    """A zip whose bytes depend only on `files` (fixed timestamps, sorted members)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, date_time=FIXED_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, files[name])


def write_tree(root: Path, files: dict[str, bytes]) -> None:
    for name, data in files.items():
        target = root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)


def meta_mojibake(value: object) -> object:
    """Encode strings the way Meta's exports do: UTF-8 bytes written as one code point per byte."""
    if isinstance(value, str):
        return value.encode("utf-8").decode("latin-1")
    if isinstance(value, list):
        return [meta_mojibake(v) for v in value]
    if isinstance(value, dict):
        return {meta_mojibake(k): meta_mojibake(v) for k, v in value.items()}
    return value


def write_tar_gz(path: Path, files: dict[str, bytes]) -> None:
    """A .tar.gz whose bytes depend only on `files`, as Mastodon's archive is packed."""
    import gzip
    import tarfile

    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as compressed:
        with tarfile.open(fileobj=compressed, mode="w") as archive:
            for name in sorted(files):
                info = tarfile.TarInfo(name)
                info.size = len(files[name])
                info.mtime = 1740907800
                info.mode = 0o644
                archive.addfile(info, io.BytesIO(files[name]))


def _box(kind: bytes, payload: bytes) -> bytes:
    return len(payload).__add__(8).to_bytes(4, "big") + kind + payload


def _mvhd(created: datetime | None) -> bytes:
    # QuickTime/MP4 times count seconds from 1904-01-01.
    stamp = int(created.timestamp()) + 2082844800 if created else 0
    matrix = b"".join(v.to_bytes(4, "big") for v in (0x10000, 0, 0, 0, 0x10000, 0, 0, 0, 0x40000000))
    payload = (b"\x00\x00\x00\x00" + stamp.to_bytes(4, "big") + stamp.to_bytes(4, "big") + (600).to_bytes(4, "big")
               + (600).to_bytes(4, "big") + (0x10000).to_bytes(4, "big") + (0x100).to_bytes(2, "big") + b"\x00" * 10
               + matrix + b"\x00" * 24 + (2).to_bytes(4, "big"))
    return _box(b"mvhd", payload)


def iso6709(lat: float, lon: float, altitude: float | None = None) -> str:
    text = f"{lat:+08.4f}{lon:+09.4f}"
    if altitude is not None:
        text += f"{altitude:+08.3f}"
    return text + "/"


def mp4(lat: float | None = None, lon: float | None = None, style: str = "android", created: datetime | None = None,
        altitude: float | None = None, payload_bytes: int = 256) -> bytes:
    """A small, structurally valid MP4/MOV with its location where phones put it: Android cameras write
    `moov/udta/©xyz`; iPhones write QuickTime `moov/meta` with `keys` and `ilst`
    (com.apple.quicktime.location.ISO6709). `moov` follows `mdat`, as many phones write it."""
    children = _mvhd(created)
    if lat is not None and lon is not None:
        location = iso6709(lat, lon, altitude).encode()
        if style == "android":
            children += _box(b"udta", _box(b"\xa9xyz", len(location).to_bytes(2, "big") + b"\x15\xc7" + location))
        else:
            key = b"com.apple.quicktime.location.ISO6709"
            keys = _box(b"keys", b"\x00\x00\x00\x00" + (1).to_bytes(4, "big") + (8 + len(key)).to_bytes(4, "big") + b"mdta" + key)
            value = _box((1).to_bytes(4, "big"), _box(b"data", (1).to_bytes(4, "big") + b"\x00\x00\x00\x00" + location))
            handler = _box(b"hdlr", b"\x00" * 8 + b"mdta" + b"\x00" * 13)
            children += _box(b"meta", handler + keys + _box(b"ilst", value))
    brand = b"qt  " if style == "apple" else b"mp42"
    ftyp = _box(b"ftyp", brand + b"\x00\x00\x02\x00" + brand + b"isom")
    return ftyp + _box(b"mdat", b"\x00" * payload_bytes) + _box(b"moov", children)


def video_clip(scenes: list[tuple[Image.Image, int]], size: tuple[int, int] = (1280, 960), fps: int = 2) -> bytes:
    """A real, decodable MPEG-4 clip (OpenCV's 'mp4v' encoder) showing each picture for its number of seconds."""
    import tempfile

    import cv2
    import numpy as np

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "clip.mp4"
        writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"mp4v"), fps, size)
        for picture, seconds in scenes:
            frame = cv2.cvtColor(np.asarray(picture.convert("RGB").resize(size)), cv2.COLOR_RGB2BGR)
            for _ in range(seconds * fps):
                writer.write(frame)
        writer.release()
        return path.read_bytes()


def heic(lat: float | None = None, lon: float | None = None, taken: datetime | None = None, make: str = "Apple",
         model: str = "iPhone 15", size: tuple[int, int] = (64, 48)) -> bytes:
    """A real HEIC written by libheif (through pillow-heif) with EXIF GPS, as an iPhone stores it."""
    import pillow_heif

    pillow_heif.register_heif_opener()
    exif = Image.Exif()
    exif[0x010F], exif[0x0110] = make, model
    if taken:
        exif[0x8769] = {0x9003: taken.strftime("%Y:%m:%d %H:%M:%S")}
    if lat is not None and lon is not None:
        exif[0x8825] = {1: "N" if lat >= 0 else "S", 2: _dms(lat), 3: "E" if lon >= 0 else "W", 4: _dms(lon)}
    buffer = io.BytesIO()
    Image.new("RGB", size, (180, 120, 60)).save(buffer, "HEIF", quality=40, exif=exif.tobytes())
    return buffer.getvalue()


def image_with_exif(fmt: str, lat: float, lon: float) -> bytes:
    """PNG (eXIf chunk) or WebP (EXIF chunk) carrying a GPS IFD."""
    exif = Image.Exif()
    exif[0x8825] = {1: "N" if lat >= 0 else "S", 2: _dms(lat), 3: "E" if lon >= 0 else "W", 4: _dms(lon)}
    buffer = io.BytesIO()
    Image.new("RGB", (32, 24), (10, 200, 90)).save(buffer, fmt, exif=exif.tobytes())
    return buffer.getvalue()


def jpeg_with_xmp_gps(lat: float, lon: float) -> bytes:
    """A JPEG whose only location is in XMP (exif:GPSLatitude "DD,MM.mmmmN"), as some editors write it."""
    def dm(value: float, pos: str, neg: str) -> str:
        whole = int(abs(value))
        return f"{whole},{(abs(value) - whole) * 60:.6f}{pos if value >= 0 else neg}"

    packet = (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/">'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" '
        f'xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="{dm(lat, "N", "S")}" '
        f'exif:GPSLongitude="{dm(lon, "E", "W")}"/></rdf:RDF></x:xmpmeta><?xpacket end="w"?>'
    ).encode()
    buffer = io.BytesIO()
    Image.new("RGB", (32, 24), (60, 60, 200)).save(buffer, "JPEG", xmp=packet)
    return buffer.getvalue()
