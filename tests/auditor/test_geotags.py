import pytest

from auditor.analyzers.base import AuditContext
from auditor.analyzers.geotags import GeotagAnalyzer
from auditor.geo import Geography, haversine_m
from auditor.model import GeoPoint, GeoSource, Item, ItemKind, Media, Place, Severity, SourceRef
from auditor.profile import AgencyProfile, Station

STATION = Station("Central station", 38.8436, -97.6081)


def _photo(lat, lon, source=GeoSource.EXIF):
    return Item(id=f"p-{lat}-{lon}", platform="photos", kind=ItemKind.PHOTO, source=SourceRef("in", f"{lat}.jpg"),
                media=[Media(path=f"{lat}.jpg", geo=[GeoPoint(lat, lon, source)])])


def test_haversine_known_distance():
    # One degree of latitude is about 111.2 km everywhere.
    assert haversine_m(10.0, 20.0, 11.0, 20.0) == pytest.approx(111_195, rel=1e-3)


def test_offline_place_names():
    paris, sydney = Geography().names([(48.8566, 2.3522), (-33.8688, 151.2093)])
    assert paris.country == "FR" and sydney.country == "AU"


def test_station_photos_are_high_and_others_medium():
    items = [_photo(38.8438, -97.6079), _photo(38.8121, -97.6422),
             Item(id="c", platform="facebook", kind=ItemKind.CHECK_IN, source=SourceRef("in", "p.json", "[1]"),
                  place=Place("Lake", GeoPoint(38.6381, -97.9741, GeoSource.CHECK_IN))),
             Item(id="n", platform="facebook", kind=ItemKind.POST, source=SourceRef("in", "p.json", "[2]"), text="no place")]
    findings = list(GeotagAnalyzer().analyze(AuditContext([], items, AgencyProfile(stations=[STATION]))))
    assert [(f.severity, f.topic) for f in findings] == [
        (Severity.HIGH, "personal_recognition"), (Severity.MEDIUM, "location_exposure"), (Severity.MEDIUM, "location_exposure")]
    assert "Central station" in findings[0].title
    assert findings[1].evidence[0].place_name.endswith("Kansas, US")


def test_station_radius_is_respected():
    just_outside = _photo(38.8436 + 0.0036, -97.6081)  # about 400 m north
    findings = list(GeotagAnalyzer().analyze(AuditContext([], [just_outside], AgencyProfile(stations=[STATION]))))
    assert findings[0].severity == Severity.MEDIUM
