import subprocess
from datetime import datetime, timezone
from pathlib import Path

import pytest

from connectors.media import MediaError, read_image_metadata
from samplegen import builders
from tests.conftest import by_path, outcome, read_export, require_tool

# Values read with exiftool -n from the real public samples (see ../shared/real_exports/SOURCES.md).
REAL_PHOTOS = {
    "exif-samples_jpg_gps/DSCN0010.jpg": (43.4674483333333, 11.8851266666639, "NIKON COOLPIX P6000"),
    "exiftool_t_images/Apple.jpg": (53.3828472222222, -1.45667777777778, "Apple iPhone 7"),
    "exiftool_t_images/GPS.jpg": (54.9896666666667, -1.91416666666667, "FUJIFILM FinePixS1Pro"),
    "exiftool_t_images/GoPro.jpg": (40.6584191999722, -73.9933542999722, "GoPro HERO6 Black"),
    "exiftool_t_images/Google.jpg": (40.4000694444444, -3.71464722222222, "Google Pixel 8 Pro"),
    "immich_test-assets/thompson-springs.jpg": (39.115, -108.400968333333, None),
    "immich_test-assets/gps-datetime.jpg": (37.7749, -122.4194, None),
    "exifr_fixtures/png_with_exif_and_gps.png": (50.2996027777778, 14.8202944444444, None),
    "pillow_heif/empty_icc.heic": (46.7547027777778, 33.3361055555556, "Apple iPhone XS"),
}


def test_real_photo_folder_locations_and_people(real_exports):
    _, items, ledger = read_export(real_exports / "photos")
    for path, (lat, lon, camera) in REAL_PHOTOS.items():
        (item,) = by_path(items, path)
        point = item.geopoints[0]
        assert point.lat == pytest.approx(lat, abs=1e-5) and point.lon == pytest.approx(lon, abs=1e-5), path
        if camera:
            assert item.media[0].camera == camera
    (portrait,) = by_path(items, "immich_test-assets/portrait.jpg")
    assert portrait.geopoints == []
    assert [p.name for p in portrait.people] == ["Marie Curie", "Pierre Curie"]  # XMP face regions
    (apple,) = by_path(items, "exiftool_t_images/Apple.jpg")
    # 18:18:05 on the phone's clock in Sheffield (BST); the GPS fix time is the UTC truth
    assert apple.created_at == datetime(2016, 9, 28, 17, 17, 58, 650000, tzinfo=timezone.utc)
    assert all(o.state == "parsed" for o in ledger)


MEDIA_FIXTURES = {
    "north_east.jpg": builders.jpeg(51.501364, -0.14189, make="Apple", model="iPhone 13"),
    "south_west.jpg": builders.jpeg(-33.856784, 151.215297),
    "none.jpg": builders.jpeg(),
    "plain.png": builders.png(),
    "gps.png": builders.image_with_exif("PNG", 10.5, 20.25),
    "gps.webp": builders.image_with_exif("WEBP", -10.5, -20.25),
    "iphone.heic": builders.heic(46.5, -1.25),
    "no_gps.heic": builders.heic(),
    "xmp_only.jpg": builders.jpeg_with_xmp_gps(51.123456, -0.654321),
    "android.mp4": builders.mp4(38.8121, -97.6422, "android"),
    "iphone_clip.mov": builders.mp4(-33.8568, 151.2153, "apple", altitude=12.5),
    "no_gps.mp4": builders.mp4(),
}


def _exiftool_coordinates(exiftool: str, folder: Path) -> dict[str, tuple[float, float] | None]:
    out = subprocess.run([exiftool, "-n", "-T", "-r", "-filename", "-directory", "-GPSLatitude", "-GPSLongitude", str(folder)],
                         capture_output=True, text=True, check=False).stdout
    found = {}
    for line in out.splitlines():
        name, directory, lat, lon = line.split("\t")
        rel = (Path(directory) / name).relative_to(folder).as_posix()
        found[rel] = (float(lat), float(lon)) if lat != "-" and lon != "-" else None
    return found


def test_coordinates_agree_with_exiftool(real_exports, tmp_path):
    exiftool = require_tool("exiftool")
    fixtures = tmp_path / "fixtures"
    builders.write_tree(fixtures, MEDIA_FIXTURES)
    samples = Path(__file__).resolve().parents[2] / "sample_exports" / "Camera Roll 2024"
    for folder in (real_exports / "photos", fixtures, samples):
        expected = _exiftool_coordinates(exiftool, folder)
        _, items, _ = read_export(folder)
        ours = {i.source.path: (i.geopoints[0].lat, i.geopoints[0].lon) if i.geopoints else None for i in items}
        assert set(ours) == set(expected)
        for path, coordinates in expected.items():
            if coordinates is None:
                assert ours[path] is None, path
            else:
                assert ours[path] == pytest.approx(coordinates, abs=1e-5), path


@pytest.mark.parametrize("data, name, reason", [
    (b"", "empty.jpg", "empty"),
    (b"\x00\x01not an image at all", "noise.jpg", "not a valid JPEG"),
    (b"\x89PNG\r\n\x1a\n" + b"\x00" * 20, "broken.png", "damaged or incomplete"),
])
def test_unreadable_images_raise_a_plain_reason(data, name, reason):
    import io

    with pytest.raises(MediaError, match=reason):
        read_image_metadata(io.BytesIO(data), name)


def test_jpeg_with_corrupt_exif_keeps_the_rest(tmp_path):
    good = builders.jpeg(10.0, 20.0)
    # Cut the EXIF segment's GPS values short: a header that points past the end of its data.
    broken = good.replace(b"Exif\x00\x00", b"Exif\x00\x00\xff\xff\xff", 1)
    builders.write_tree(tmp_path / "cam", {"a.jpg": good, "b.jpg": broken, "c.jpg": b""})
    _, items, ledger = read_export(tmp_path / "cam")
    assert [p.lat for p in by_path(items, "a.jpg")[0].geopoints] == [10.0]
    assert outcome(ledger, "c.jpg").state == "could not read"
    assert outcome(ledger, "b.jpg").state in ("parsed", "could not read")


def test_live_photo_pair_is_one_item_with_both_locations(tmp_path):
    builders.write_tree(tmp_path / "cam", {"IMG_0001.HEIC": builders.heic(40.0, -3.0),
                                           "IMG_0001.MOV": builders.mp4(40.0001, -3.0001, "apple"),
                                           "IMG_0002.MOV": builders.mp4(41.0, -4.0, "apple")})
    _, items, ledger = read_export(tmp_path / "cam")
    assert sorted(i.source.path for i in items) == ["IMG_0001.HEIC", "IMG_0002.MOV"]
    live = next(i for i in items if i.source.path == "IMG_0001.HEIC")
    assert [(p.lat, p.source) for p in live.geopoints] == [(40.0, "exif"), (40.0001, "video")]
    assert outcome(ledger, "IMG_0001.MOV").reason == "the video half of the Live Photo IMG_0001.HEIC"


def test_meta_upload_ip_is_kept(real_exports):
    _, items, _ = read_export(real_exports / "facebook" / "v2020_json")
    photo = next(i for i in items if i.kind.value == "photo")
    assert photo.media[0].upload_ip == "167.161.108.51"


def test_video_box_variants():
    import io
    import struct

    from connectors.isobmff import BoxError, parse_iso6709, read_video_metadata

    def box(kind, payload):
        return struct.pack(">I", 8 + len(payload)) + kind + payload

    # 3GPP loci: version/flags, language, name, role, then 16.16 fixed-point longitude, latitude, altitude
    loci = box(b"loci", b"\x00\x00\x00\x00" + b"\x15\xc7" + b"Home\x00" + b"\x00"
               + struct.pack(">iii", int(-97.6422 * 65536), int(38.8121 * 65536), 0))
    mvhd_v1 = box(b"mvhd", b"\x01\x00\x00\x00" + struct.pack(">QQ", 3786912000, 3786912000) + b"\x00" * 96)
    large_mdat = struct.pack(">I", 1) + b"mdat" + struct.pack(">Q", 16 + 32) + b"\x00" * 32
    data = box(b"ftyp", b"3gp4\x00\x00\x00\x00") + large_mdat + box(b"moov", mvhd_v1 + box(b"udta", loci))
    meta = read_video_metadata(io.BytesIO(data))
    assert meta.lat == pytest.approx(38.8121, abs=1e-4) and meta.lon == pytest.approx(-97.6422, abs=1e-4)
    assert meta.created == datetime(2024, 1, 1, tzinfo=timezone.utc)  # 64-bit mvhd, seconds since 1904
    with pytest.raises(BoxError):
        read_video_metadata(io.BytesIO(box(b"ftyp", b"mp42") + struct.pack(">I", 4000) + b"moov"))
    assert parse_iso6709("+12.34-056.78+010.000/") == (12.34, -56.78, 10.0)
    assert parse_iso6709("+00.0000+000.0000/") is None and parse_iso6709("garbage") is None
