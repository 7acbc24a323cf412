"""The model's promises: every record crosses a process boundary, location points are compact, and
records refuse a field of the wrong kind."""

import pickle
from datetime import datetime, timezone
from pathlib import Path

import pytest

from auditor.model import (
    ConnectionKind,
    GeoSource,
    Item,
    ItemKind,
    LocationPoint,
    LocationTrail,
    PlaceLabel,
    ProfileField,
    Setting,
    SourceRef,
)
from auditor.pipeline import run_audit

REPO = Path(__file__).resolve().parents[2]
SAMPLES = sorted((REPO / "sample_exports").iterdir())


@pytest.fixture(scope="module")
def sample_result():
    return run_audit(SAMPLES, REPO / "samplegen" / "agency-profile.yaml", jobs=1, use_cache=False)


def test_every_record_from_the_samples_pickles(sample_result):
    records = [*sample_result.accounts, *sample_result.items, *sample_result.findings, *sample_result.ledger,
               *sample_result.locations]
    assert len(sample_result.items) > 50 and len(sample_result.locations) > 100 and sample_result.findings
    for record in records:
        assert pickle.loads(pickle.dumps(record)) == record, record
    media = [m for item in sample_result.items for m in item.media if m.ref is not None]
    assert media and all(pickle.loads(pickle.dumps(m)) == m for m in media)
    trail = pickle.loads(pickle.dumps(sample_result.locations))
    assert list(trail) == list(sample_result.locations)


def test_records_are_frozen(sample_result):
    item = sample_result.items[0]
    with pytest.raises(AttributeError):
        item.text = "changed"  # type: ignore[misc]
    assert isinstance(item.people, tuple) and isinstance(item.media, tuple)


def _point(index: int, label: PlaceLabel | None = None) -> LocationPoint:
    return LocationPoint(platform="google", source=SourceRef("in", "Records.json", f"locations[{index}]"),
                         lat=38.8 + index * 1e-6, lon=-97.6, geo_source=GeoSource.LOCATION_HISTORY,
                         accuracy_m=12.0 if index % 2 else None,
                         at=datetime.fromtimestamp(1_700_000_000 + index, tz=timezone.utc), label=label,
                         text="WALKING" if index % 3 else "")


def test_location_trail_round_trips_every_field():
    points = [_point(i, PlaceLabel.HOME if i == 5 else None) for i in range(10)]
    points.append(LocationPoint("snapchat", SourceRef("in", "json/location_history.json", "Home & Work.Work"), 1.5, 2.5,
                                GeoSource.SNAP_INFERENCE, label=PlaceLabel.WORK, place_name="Snapchat's guess"))
    trail = LocationTrail()
    trail.extend(points)
    assert list(trail) == points
    assert trail.labelled_rows() == [5, 10]
    assert trail.count_by_platform() == {"google": 10, "snapchat": 1}
    assert trail[3].id == points[3].id


def test_a_million_points_fit_in_a_few_dozen_megabytes():
    trail = LocationTrail()
    point = _point(0)
    for index in range(200_000):
        trail.append(LocationPoint(point.platform, SourceRef("in", "Records.json", f"locations[{index}]"),
                                   point.lat, point.lon, point.geo_source, at=point.at))
    per_point = trail.nbytes() / len(trail)
    assert per_point < 80, per_point  # an Item cost about 900 bytes
    assert trail[199_999].source.pointer == "locations[199999]"


@pytest.mark.parametrize("kind, field", [
    (ItemKind.PROFILE_FIELD, Setting.PRIVATE_ACCOUNT),
    (ItemKind.SETTING, ProfileField.BIO),
    (ItemKind.CONNECTION, None),
    (ItemKind.POST, ConnectionKind.FRIEND),
])
def test_items_refuse_a_field_of_the_wrong_kind(kind, field):
    with pytest.raises(TypeError):
        Item(id="x", platform="x", kind=kind, source=SourceRef("in", "p"), field=field)
