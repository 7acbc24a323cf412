"""Simulated location trails of a person with a home, a workplace and routine places: the kind of trail
a phone's location history, geotagged photos and check-ins add up to. Used to build the sample
persona's data and to measure the pattern-of-life check on many invented people."""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

EARTH_RADIUS_M = 6_371_008.8


@dataclass(frozen=True)
class TrailPoint:
    lat: float
    lon: float
    when: datetime  # aware UTC
    place: str  # home | work | routine name | noise


def offset(lat: float, lon: float, distance_m: float, bearing_deg: float) -> tuple[float, float]:
    """The point `distance_m` away from (lat, lon) in direction `bearing_deg`."""
    bearing = math.radians(bearing_deg)
    d = distance_m / EARTH_RADIUS_M
    phi1, lam1 = math.radians(lat), math.radians(lon)
    phi2 = math.asin(math.sin(phi1) * math.cos(d) + math.cos(phi1) * math.sin(d) * math.cos(bearing))
    lam2 = lam1 + math.atan2(math.sin(bearing) * math.sin(d) * math.cos(phi1), math.cos(d) - math.sin(phi1) * math.sin(phi2))
    return math.degrees(phi2), (math.degrees(lam2) + 540) % 360 - 180


def simulate(home: tuple[float, float], work: tuple[float, float], routine: dict[str, tuple[float, float]], zone: str,
             days: int = 45, seed: int = 0, night_shift: bool = False, activity: float = 1.0,
             noise_per_day: float = 0.4, jitter_m: float = 30.0, start: date = date(2024, 2, 5)) -> list[TrailPoint]:
    rng = random.Random(seed)
    tz = ZoneInfo(zone)
    points: list[TrailPoint] = []

    def add(where: tuple[float, float], day: date, hour: float, place: str) -> None:
        if rng.random() > activity:
            return
        lat, lon = offset(where[0], where[1], rng.uniform(0, jitter_m), rng.uniform(0, 360))
        local = datetime.combine(day, time()) + timedelta(hours=hour)
        points.append(TrailPoint(lat, lon, local.replace(tzinfo=tz).astimezone(timezone.utc), place))

    for index in range(days):
        day = start + timedelta(days=index)
        weekday = day.weekday() < 5
        if weekday and night_shift:
            add(work, day, rng.uniform(22, 23.9), "work")
            add(work, day + timedelta(days=1), rng.uniform(0.5, 5.5), "work")
            add(home, day, rng.uniform(9, 15), "home")
        elif weekday:
            add(home, day, rng.uniform(5.5, 6.9), "home")
            add(work, day, rng.uniform(8, 12), "work")
            add(work, day, rng.uniform(13, 17), "work")
            add(home, day, rng.uniform(21.5, 23.9), "home")
        else:
            add(home, day, rng.uniform(10, 18), "home")
            add(home, day, rng.uniform(22, 23.9), "home")
        for name, where in routine.items():
            if day.weekday() in (1, 3, 5) and rng.random() < 0.8:
                add(where, day, rng.choice([6.5, 18.5]) + rng.uniform(0, 0.8), name)
        while rng.random() < noise_per_day:
            lat, lon = offset(home[0], home[1], rng.uniform(500, 9000), rng.uniform(0, 360))
            add((lat, lon), day, rng.uniform(7, 22), "noise")
    return points


CITIES = [  # (centre, time zone): places to scatter invented people over, both hemispheres
    ((38.84, -97.61), "America/Chicago"), ((47.61, -122.33), "America/Los_Angeles"), ((40.44, -79.99), "America/New_York"),
    ((51.45, -2.59), "Europe/London"), ((48.14, 11.58), "Europe/Berlin"), ((-33.87, 151.21), "Australia/Sydney"),
    ((-37.81, 144.96), "Australia/Melbourne"), ((43.65, -79.38), "America/Toronto"), ((19.43, -99.13), "America/Mexico_City"),
    ((-23.55, -46.63), "America/Sao_Paulo"), ((35.68, 139.69), "Asia/Tokyo"), ((53.35, -6.26), "Europe/Dublin"),
]


@dataclass
class Persona:
    home: tuple[float, float]
    work: tuple[float, float]
    gym: tuple[float, float]
    zone: str
    night_shift: bool
    station_known: bool  # whether the agency profile lists the workplace as a station
    activity: float
    trail: list[TrailPoint]


ACTIVITY_LEVELS = (1.0, 0.5, 0.25, 0.1, 0.05)  # 1.0: phone location history; 0.05: a handful of geotagged photos


def invent(seed: int, days: int = 45) -> Persona:
    """A reproducible invented person in one of CITIES. Seeds cycle through activity levels (from a full
    location history down to a few geotagged photos), day and night shifts, GPS jitter of 30 or 80 m,
    and whether the agency profile names the workplace as a station."""
    rng = random.Random(seed * 7919 + 17)
    (lat, lon), zone = CITIES[seed % len(CITIES)]
    home = offset(lat, lon, rng.uniform(1000, 6000), rng.uniform(0, 360))
    work = offset(home[0], home[1], rng.uniform(2000, 12000), rng.uniform(0, 360))
    gym = offset(home[0], home[1], rng.uniform(800, 4000), rng.uniform(0, 360))
    night_shift = seed % 4 == 3
    station_known = seed % 8 != 7
    activity = ACTIVITY_LEVELS[seed % len(ACTIVITY_LEVELS)]
    jitter = 80.0 if seed % 2 else 30.0
    trail = simulate(home, work, {"gym": gym}, zone, days=days, seed=seed, night_shift=night_shift, activity=activity,
                     jitter_m=jitter)
    return Persona(home, work, gym, zone, night_shift, station_known, activity, trail)
