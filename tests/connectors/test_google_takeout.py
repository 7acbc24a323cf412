import json
from datetime import datetime, timezone

import pytest

from auditor.model import GeoSource, ItemKind, PlaceLabel
from connectors.google_takeout import sidecar_media_candidates
from samplegen import builders
from tests.conftest import by_path, outcome, read_export

PHOTOS = "Takeout/Google Photos/"


def test_real_takeout_photos_sidecars(real_exports):
    _, items, ledger = read_export(real_exports / "google_takeout")
    (eiffel,) = by_path(items, PHOTOS + "Album test 6-10-23/PXL_20231006_063029647.jpg.json")
    # the sidecar repeats the file's own EXIF position: one point, not two
    assert [g.source for g in eiffel.geopoints] == [GeoSource.EXIF]
    assert eiffel.geopoints[0].lat == pytest.approx(48.8583736, abs=1e-4)
    assert eiffel.created_at == datetime.fromtimestamp(1696573829, tz=timezone.utc)
    (people,) = by_path(items, PHOTOS + "Photos from 2023/IMG_0186.HEIC.json")
    assert [p.name for p in people.people] == ["Susan", "Justin"] and people.geopoints == []  # 0,0 means none
    assert people.author is None  # the owner's own upload
    (partner,) = by_path(items, PHOTOS + "Photos from 2023/DSC_0238.JPG(1).json")  # googlePhotosOrigin.fromPartnerSharing
    assert partner.posted_by_someone_else and partner.author.label == "" and partner.audience == "received from someone else"
    (video,) = by_path(items, PHOTOS + "Album test 6-10-23/PXL_20231006_063909898.LS.mp4.json")
    assert video.kind == ItemKind.VIDEO
    assert by_path(items, PHOTOS + "gophers/PinClipart.com_gopher-clipart_4000243.jpg.supplemental-metadata.json")
    assert outcome(ledger, PHOTOS + "Album test 6-10-23/métadonnées.json").state == "parsed"
    assert outcome(ledger, PHOTOS + "Album test 6-10-23/PXL_20231006_063029647.jpg").reason.startswith("media file attached")


def test_real_location_history_and_timelines(real_exports):
    read = read_export(real_exports / "google_takeout")
    points = read.locations
    records = by_path(points, "Takeout/Location History/Records.json")
    assert [(round(r.lat, 6), round(r.lon, 6)) for r in records][0] == (53.369055, 83.695001)
    assert records[2].accuracy_m == 22.0 and records[2].geo_source == GeoSource.LOCATION_HISTORY
    legacy = by_path(points, "fixtures_without_export_path/purarue_google_takeout_parser/Records_legacy_timestampMs.json")
    assert legacy[0].at == datetime.fromtimestamp(1512947698.030, tz=timezone.utc)
    waypoints = by_path(points, "Takeout/Location History/Semantic Location History/2013/2013_DECEMBER.json")
    assert waypoints and waypoints[0].lat == pytest.approx(53.340744)
    android = by_path(points, "on_device_timeline/android/Timeline.json")
    labels = {p.label: (p.lat, p.lon) for p in android if p.label}
    assert labels == {PlaceLabel.HOME: (48.8566, 2.3522), PlaceLabel.WORK: (48.8606, 2.3376)}
    ios = by_path(points, "on_device_timeline/ios/location-history.json")
    assert ios[0].lat == pytest.approx(27.720022) and ios[0].lon == pytest.approx(-97.347951)
    (home,) = by_path(points, "Takeout/My Activity/Chrome/MyActivity.html")
    assert home.label == PlaceLabel.HOME and (home.lat, home.lon) == (25.800819, -80.18631)
    # location trails are not items: nothing of them is left among the items
    assert not by_path(read.items, "Takeout/Location History/Records.json")


@pytest.mark.parametrize("sidecar, expected_first", [
    ("a/IMG_1.jpg.json", "a/IMG_1.jpg"),
    ("a/DSC_0238.JPG(1).json", "a/DSC_0238(1).JPG"),
    ("a/x.jpg.supplemental-metadata.json", "a/x.jpg"),
    ("a/x.jpg.supplemental-met.json", "a/x.jpg"),
    ("a/x.jpg.supplemental-metadata(2).json", "a/x(2).jpg"),
])
def test_sidecar_name_variants(sidecar, expected_first):
    assert sidecar_media_candidates(sidecar)[0] == expected_first


def test_german_takeout_and_truncated_sidecar(tmp_path):
    long_name = "Sommerfest_mit_den_Kollegen_vom_Revier_am_See_2023_0"  # cut by Google at 47 characters
    files = {
        f"Takeout/Google Fotos/Fotos von 2023/{long_name[:46]}.json": json.dumps(
            {"title": long_name + ".jpg", "photoTakenTime": {"timestamp": "1690000000"},
             "geoData": {"latitude": 52.5, "longitude": 13.4}}).encode(),
        f"Takeout/Google Fotos/Fotos von 2023/{long_name[:46]}.jpg": builders.jpeg(),
        "Takeout/Meine Aktivitäten/Suche/MeineAktivitäten.json": json.dumps([
            {"header": "Suche", "title": "x", "time": "2023-01-01T00:00:00Z",
             "locationInfos": [{"name": "Von deiner Adresse zu Hause", "url": "https://www.google.com/maps/@?api=1&map_action=map&center=52.1,13.2"}]}]).encode(),
        "Takeout/Archiv_Übersicht.html": b"<html></html>",
    }
    builders.write_zip(tmp_path / "takeout-20250101T000000Z-001.zip", files)
    read = read_export(tmp_path / "takeout-20250101T000000Z-001.zip")
    _, items, ledger = read
    photo = next(i for i in items if i.kind == ItemKind.PHOTO)
    assert photo.media[0].path.endswith(".jpg") and photo.media[0].ref is not None
    assert read.workspace.open(photo.media[0].ref).read(2) == b"\xff\xd8"
    assert photo.geopoints[0].lat == 52.5
    activity = next(p for p in read.locations if p.geo_source == GeoSource.ACTIVITY)
    assert (activity.lat, activity.lon) == (52.1, 13.2)
    assert outcome(ledger, "Takeout/Archiv_Übersicht.html").state == "ignored"


def test_unknown_json_is_not_understood_not_unreadable(tmp_path):
    builders.write_tree(tmp_path / "t", {"Takeout/Location History/Odd.json": b'{"something": 1}',
                                         "Takeout/Location History/Records.json": b'{"locations": []}'})
    _, _, ledger = read_export(tmp_path / "t")
    assert outcome(ledger, "Takeout/Location History/Odd.json").state == "not understood"


def test_large_records_file_is_streamed(tmp_path, monkeypatch):
    import connectors.google_takeout as takeout

    monkeypatch.setattr(takeout, "STREAM_THRESHOLD", 10)
    records = {"locations": [{"latitudeE7": 388121000 + i, "longitudeE7": -976422000, "accuracy": 20,
                              "timestamp": f"2024-03-0{1 + i % 9}T04:00:00.000Z"} for i in range(50)]}
    builders.write_tree(tmp_path / "t", {"Takeout/Location History/Records.json": json.dumps(records).encode()})
    read = read_export(tmp_path / "t")
    points = read.locations
    assert len(points) == 50 and points[0].lat == pytest.approx(38.8121)
