from datetime import datetime, timedelta, timezone

import pytest

from auditor.analyzers.base import AuditContext
from auditor.analyzers.pattern_of_life import Observation, PatternOfLifeAnalyzer, cluster, conclude, observations
from auditor.geo import haversine_m
from auditor.model import GeoSource, InferredPlace, LocationPoint, LocationTrail, Severity, SourceRef
from auditor.profile import AgencyProfile, Station
from samplegen.trails import invent, simulate


def _trail(points):
    trail = LocationTrail()
    trail.extend(LocationPoint(platform="google", source=SourceRef("t", "Records.json", f"[{i}]"), lat=p.lat, lon=p.lon,
                               geo_source=GeoSource.LOCATION_HISTORY, at=p.when) for i, p in enumerate(points))
    return trail


# Seeds from 100 on: the evaluation (evaluation.evaluate) uses 0-59, so these people are new to the check.
@pytest.mark.parametrize("seed", [100, 101, 102, 105, 106, 107, 110, 111])
def test_home_and_work_of_invented_people(seed):
    person = invent(seed)
    if person.activity < 0.25:
        pytest.skip("too sparse to require an answer")
    stations = [("station", *person.work)] if person.station_known else []
    result = conclude(cluster(observations([], _trail(person.trail))), stations, 300)
    home = haversine_m(result.home.lat, result.home.lon, *person.home)
    work = haversine_m(result.work.lat, result.work.lon, *person.work)
    print(f"persona {seed}: home off by {home:.0f} m, work off by {work:.0f} m")
    assert home <= 200 and work <= 300


def test_night_shift_without_a_station_still_finds_home():
    home, work = (51.5, -0.12), (51.55, -0.2)
    trail = simulate(home, work, {}, "Europe/London", days=42, seed=5, night_shift=True)
    result = conclude(cluster(observations([], _trail(trail))), [], 300)
    assert haversine_m(result.home.lat, result.home.lon, *home) < 200
    assert haversine_m(result.work.lat, result.work.lon, *work) < 300


def test_few_points_claim_nothing():
    base = datetime(2024, 3, 2, 23, tzinfo=timezone.utc)
    trail = _trail([type("P", (), {"lat": 40.0, "lon": -3.0, "when": base + timedelta(days=i)})() for i in range(2)])
    assert len(trail) == 2
    assert list(PatternOfLifeAnalyzer().analyze(AuditContext([], [], AgencyProfile(), locations=trail))) == []


def test_findings_carry_the_area_and_the_station():
    person = invent(100)
    profile = AgencyProfile(stations=[Station("Central", *person.work)])
    findings = list(PatternOfLifeAnalyzer().analyze(AuditContext([], [], profile, locations=_trail(person.trail))))
    labels = {f.area_label: f for f in findings}
    assert labels[InferredPlace.HOME].severity == Severity.HIGH and labels[InferredPlace.HOME].topic == "location_exposure"
    assert labels[InferredPlace.WORK].topic == "personal_recognition" and "your station" in labels[InferredPlace.WORK].title
    assert haversine_m(labels[InferredPlace.HOME].area.lat, labels[InferredPlace.HOME].area.lon, *person.home) < 200
    assert 0 < len(labels[InferredPlace.HOME].evidence) <= 12


def test_huge_histories_are_thinned_but_keep_their_places():
    from auditor.analyzers.pattern_of_life import thin, trail_rows

    person = invent(100)
    trail = _trail(person.trail * 30)  # the same trail many times over
    observed = observations([], trail)
    thinned = thin(observed, limit=len(person.trail) * 2)
    assert len(thinned) <= len(person.trail) * 2
    result = conclude(cluster(thinned), [], 300)
    assert haversine_m(result.home.lat, result.home.lon, *person.home) < 200
    # The trail itself is thinned column-wise before any point becomes an Observation.
    rows = trail_rows(trail, len(person.trail) * 2)
    assert len(rows) <= len(person.trail) * 2
    result = conclude(cluster([Observation(p, p.geo, p.at) for p in trail.rows(rows)]), [], 300)
    assert haversine_m(result.home.lat, result.home.lon, *person.home) < 200
