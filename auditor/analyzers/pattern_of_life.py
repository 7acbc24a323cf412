"""Pattern of life (clauses 7, 8, 13): what an adversary concludes from all your coordinates together.

Every point you published or a platform kept (photos, check-ins, posts, memories, location history)
is clustered by density (DBSCAN with a haversine metric). Clusters are then read the way location-
privacy research shows an adversary reads them (LPAuditor, arXiv 1901.00897): where you are at night
and on weekends is likely home; where you are on weekdays in working hours is likely work (a station
from the agency profile inside the cluster confirms it); places seen on many different days are
routine places (gym, school, church). Times are local, from the time zone at the place.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from statistics import median
from typing import Iterable

import numpy as np

from auditor.geo import EARTH_RADIUS_M, haversine_m, local_zone
from auditor.model import Evidence, Finding, GeoPoint, GeoSource, InferredPlace, Item, LocationPoint, LocationTrail, Severity

from .base import Analyzer, AuditContext, evidence_for, platform_title
from .registry import register

CLUSTER_RADIUS_M = 150.0
MIN_POINTS = 3
MAX_ACCURACY_M = 1000.0
MAX_EVIDENCE = 12
MAX_OBSERVATIONS = 50_000  # years of location history: thinned to one point per place and hour
NIGHT = (21, 6)  # 21:00 to 06:00 local
WORK_HOURS = (7, 19)


@dataclass(slots=True)
class Observation:
    item: Item | LocationPoint
    point: GeoPoint
    when: datetime | None


@dataclass
class Cluster:
    members: list[Observation]
    lat: float = 0.0
    lon: float = 0.0
    radius_m: float = 0.0
    days: set = field(default_factory=set)
    weekdays: set = field(default_factory=set)
    night: int = 0
    weekend: int = 0
    work_hours: int = 0
    timed: int = 0

    @property
    def platforms(self) -> list[str]:
        return sorted({o.item.platform for o in self.members})


def observations(items: list[Item], trail: LocationTrail | None = None) -> list[Observation]:
    """Every usable point: those your items carry, then the location trail's (thinned first, with
    array arithmetic, when it is long)."""
    found = []
    for item in items:
        points = [p for p in item.geopoints if p.accuracy_m is None or p.accuracy_m <= MAX_ACCURACY_M]
        if not points:
            continue
        when = item.created_at or next((m.taken_at for m in item.media if m.taken_at), None)
        found.append(Observation(item, points[0], when))
    if trail is not None and len(trail):
        rows = trail_rows(trail, max(0, MAX_OBSERVATIONS - len(found)))
        found.extend(Observation(p, p.geo, p.at) for p in trail.rows(rows))
    return thin(found)


def trail_rows(trail: LocationTrail, limit: int) -> np.ndarray:
    """Rows of the trail worth clustering: precise enough, not the platform's own home/work label
    (the platform_places check reports those), and at most `limit` of them: one per ~100 m square
    and hour, then evenly spaced."""
    accuracy = np.frombuffer(trail.accuracy, dtype=np.float32)
    labelled = np.frombuffer(trail.place_label, dtype=np.uint8) != 0
    usable = ~labelled & ~(accuracy > MAX_ACCURACY_M)  # NaN (unknown accuracy) is kept
    rows = np.flatnonzero(usable)
    if len(rows) <= limit:
        return rows
    lat = np.round(np.frombuffer(trail.lat)[rows] * 1000)
    lon = np.round(np.frombuffer(trail.lon)[rows] * 1000)
    at = np.frombuffer(trail.at)[rows]
    hour = np.where(np.isnan(at), -1, np.floor(np.nan_to_num(at) / 3600))
    _, first = np.unique(np.stack([lat, lon, hour], axis=1), axis=0, return_index=True)
    rows = rows[np.sort(first)]
    step = max(1, math.ceil(len(rows) / max(limit, 1)))
    return rows[::step][:limit]


def thin(observed: list[Observation], limit: int = MAX_OBSERVATIONS) -> list[Observation]:
    """Keep one point per ~100 m square and hour when there are too many to cluster quickly; the
    time pattern survives, the repeats do not."""
    if len(observed) <= limit:
        return observed
    kept: dict[tuple, Observation] = {}
    for o in observed:
        hour = o.when.replace(minute=0, second=0, microsecond=0) if o.when else None
        kept.setdefault((round(o.point.lat, 3), round(o.point.lon, 3), hour), o)
    thinned = list(kept.values())
    step = max(1, math.ceil(len(thinned) / limit))
    return thinned[::step]


def cluster(observed: list[Observation], radius_m: float = CLUSTER_RADIUS_M, min_points: int = MIN_POINTS) -> list[Cluster]:
    if len(observed) < min_points:
        return []
    from sklearn.cluster import DBSCAN

    coordinates = np.radians([[o.point.lat, o.point.lon] for o in observed])
    labels = DBSCAN(eps=radius_m / EARTH_RADIUS_M, min_samples=min_points, metric="haversine",
                    algorithm="ball_tree").fit(coordinates).labels_
    clusters = []
    for label in sorted(set(labels) - {-1}):
        members = [o for o, assigned in zip(observed, labels) if assigned == label]
        clusters.append(_describe(Cluster(members)))
    return clusters


def _describe(found: Cluster) -> Cluster:
    found.lat = median(o.point.lat for o in found.members)
    found.lon = median(o.point.lon for o in found.members)
    found.radius_m = max(haversine_m(found.lat, found.lon, o.point.lat, o.point.lon) for o in found.members)
    zone = local_zone(found.lat, found.lon)
    for o in found.members:
        if o.when is None:
            continue
        local = o.when.astimezone(zone) if zone else o.when
        # The small hours belong to the evening before: Friday's night shift is not a Saturday.
        day = (local - timedelta(hours=NIGHT[1])).date()
        found.timed += 1
        found.days.add(day)
        if local.hour >= NIGHT[0] or local.hour < NIGHT[1]:
            found.night += 1
        if day.weekday() >= 5:
            found.weekend += 1
        else:
            found.weekdays.add(day)
            if WORK_HOURS[0] <= local.hour < WORK_HOURS[1]:
                found.work_hours += 1
    return found


@dataclass
class Conclusions:
    home: Cluster | None = None
    work: Cluster | None = None
    work_station: str = ""
    routine: list[Cluster] = field(default_factory=list)


def conclude(clusters: list[Cluster], stations: list[tuple[str, float, float]], station_radius_m: float) -> Conclusions:
    """Label clusters as an adversary would. A station from the profile settles where work is; shift
    workers without one may see home and work swapped, which is why the findings show the evidence."""
    result = Conclusions()
    remaining = [c for c in clusters if len(c.days) >= 2 or c.timed == 0]
    for c in remaining:
        for name, lat, lon in stations:
            if haversine_m(c.lat, c.lon, lat, lon) <= station_radius_m + c.radius_m:
                result.work, result.work_station = c, name
                break
        if result.work:
            break
    candidates = [c for c in remaining if c is not result.work]
    # Weekends weigh more than nights: shift work moves the nights, but days off are mostly spent at home.
    homes = sorted(candidates, key=lambda c: (3 * c.weekend + c.night, len(c.days)), reverse=True)
    if homes and 3 * homes[0].weekend + homes[0].night >= 3:
        result.home = homes[0]
    if result.work is None:
        # A workplace is a weekday place (at any hour, for shift workers) that is rarely visited on weekends.
        works = [c for c in candidates if c is not result.home and len(c.weekdays) >= 2
                 and c.timed - c.weekend >= 2 and c.weekend <= 0.25 * c.timed]
        if works:
            result.work = max(works, key=lambda c: (c.timed - c.weekend, c.work_hours))
    result.routine = [c for c in candidates if c is not result.home and c is not result.work and len(c.days) >= 3]
    return result


def _evidence(found: Cluster, place_name: str) -> list[Evidence]:
    ordered = sorted(found.members, key=lambda o: (o.when is None, o.when or datetime.min))
    step = max(1, math.ceil(len(ordered) / MAX_EVIDENCE))
    return [evidence_for(o.item, o.item.text[:160], geo=o.point, place_name=place_name) for o in ordered[::step]][:MAX_EVIDENCE]


def _platform(found: Cluster) -> str:
    platforms = found.platforms
    return platforms[0] if len(platforms) == 1 else "several"


def _sources(found: Cluster) -> str:
    return ", ".join(platform_title(p) for p in found.platforms)


@register
class PatternOfLifeAnalyzer(Analyzer):
    name = "pattern_of_life"
    topics = ("location_exposure", "personal_recognition")
    description = "Clusters of all your coordinates read as an adversary would: likely home, likely workplace, routine places."

    def analyze(self, ctx: AuditContext) -> Iterable[Finding]:
        clusters = cluster(observations(ctx.items, ctx.locations))
        if not clusters:
            return
        stations = [(s.name, s.lat, s.lon) for s in ctx.profile.stations if s.lat is not None and s.lon is not None]
        result = conclude(clusters, stations, ctx.profile.station_radius_m)
        labelled = [(c, "home") for c in [result.home] if c] + [(c, "work") for c in [result.work] if c] + \
                   [(c, "routine") for c in result.routine]
        names = ctx.geography.names([(c.lat, c.lon) for c, _ in labelled])
        for (found, label), place in zip(labelled, names):
            timing = (f"{found.night} at night (21:00–06:00 local time), {found.weekend} on weekends and "
                      f"{found.work_hours} in weekday working hours, over {len(found.days)} different days")
            common = dict(detector=self.name, platform=_platform(found), evidence=_evidence(found, place.label()),
                          area=GeoPoint(found.lat, found.lon, GeoSource.INFERRED), area_radius_m=max(found.radius_m, 25.0))
            if label == "home":
                yield Finding(topic="location_exposure", severity=Severity.HIGH, area_label=InferredPlace.HOME,
                              title=f"Your data points to where you live ({place.label()})",
                              explanation=(f"{len(found.members)} points from {_sources(found)} fall within "
                                           f"{found.radius_m:.0f} m of each other: {timing}. Night-time and weekend "
                                           "presence is how anyone holding these posts or files would pick out a home, "
                                           "and a home address is what doxxing starts from."),
                              confidence=min(0.95, 0.5 + 0.05 * (found.night + found.weekend)), **common)
            elif label == "work":
                confirmed = f", which matches {result.work_station} in your profile" if result.work_station else ""
                yield Finding(topic="personal_recognition" if result.work_station else "location_exposure",
                              severity=Severity.HIGH, area_label=InferredPlace.WORK,
                              title=f"Your data points to where you work ({place.label()}){' — your station' if result.work_station else ''}",
                              explanation=(f"{len(found.members)} points from {_sources(found)} cluster here{confirmed}: "
                                           f"{timing}. Repeated weekday presence marks a workplace; at a station it "
                                           "identifies you as one of its officers and shows your schedule."),
                              confidence=0.95 if result.work_station else min(0.9, 0.4 + 0.05 * found.work_hours), **common)
            else:
                yield Finding(topic="location_exposure", severity=Severity.MEDIUM, area_label=InferredPlace.ROUTINE,
                              title=f"A place you go regularly ({place.label()})",
                              explanation=(f"{len(found.members)} points from {_sources(found)} on {len(found.days)} "
                                           f"different days: {timing}. Routine places (a gym, a school, a place of "
                                           "worship) tell someone where to find you, or your family, at a predictable time."),
                              confidence=0.7, **common)
