"""Geotags (clauses 7b, 8, 13): every coordinate your items carry, where it is, and whether it is at work.

Coordinates come from photo metadata (EXIF), from what the platform stored with an upload (Meta's
JSON), from check-ins and from geotagged posts. Each is named offline. A point within the profile's
radius of one of your stations is a photo "at work": it ties you to the agency.
"""

from __future__ import annotations

from typing import Iterable

from auditor.geo import haversine_m
from auditor.model import Finding, GeoPoint, GeoSource, Item, ItemKind, Severity

from .base import Analyzer, AuditContext, evidence_for, excerpt, platform_title
from .registry import register

SOURCE_WORDS = {
    GeoSource.EXIF: "the photo file's own metadata (EXIF GPS)",
    GeoSource.XMP: "the photo file's XMP metadata",
    GeoSource.VIDEO: "the video file's own metadata",
    GeoSource.META_JSON: "the location Meta stored with the upload",
    GeoSource.CHECK_IN: "a check-in you published",
    GeoSource.TWEET: "the exact coordinates attached to the post",
    GeoSource.TWEET_PLACE: "the place attached to the post",
    GeoSource.SIDECAR: "the location Google Photos kept for the photo",
    GeoSource.SIDECAR_EXIF: "the photo's own location, as Google Photos kept it",
    GeoSource.SNAP_MEMORY: "the location Snapchat kept with the memory",
}


def _best_point(points: list[GeoPoint]) -> GeoPoint:
    precise = [p for p in points if p.accuracy_m is None or p.accuracy_m < 1000]
    return (precise or points)[0]


@register
class GeotagAnalyzer(Analyzer):
    name = "geotags"
    topics = ("location_exposure", "personal_recognition")
    description = "Coordinates in photos, uploads, check-ins and posts; named offline; flagged when at a station."

    def analyze(self, ctx: AuditContext) -> Iterable[Finding]:
        yield from self._upload_addresses(ctx)
        yield from self._coordinates(ctx)

    def _upload_addresses(self, ctx: AuditContext) -> Iterable[Finding]:
        """Meta keeps the IP address each photo was uploaded from; an address maps to a home network."""
        by_platform: dict[str, list[tuple[Item, str]]] = {}
        for item in ctx.items:
            for media in item.media:
                if media.upload_ip and media.upload_ip not in ("0.0.0.0", "::"):
                    by_platform.setdefault(item.platform, []).append((item, media.upload_ip))
                    break
        for platform, uploads in by_platform.items():
            addresses = sorted({ip for _, ip in uploads})
            yield Finding(
                detector=self.name, topic="location_exposure", severity=Severity.LOW,
                title=f"{platform_title(platform)} kept the internet address of {len(uploads)} upload(s)",
                explanation=(f"The export records the IP address each photo was sent from ({len(addresses)} different: "
                             f"{', '.join(addresses[:5])}{'…' if len(addresses) > 5 else ''}). An address sent from home "
                             "points to your internet provider and your area, and a court order can turn it into your address."),
                platform=platform, evidence=[evidence_for(item, f"uploaded from {ip}") for item, ip in uploads[:10]],
                confidence=0.9,
            )

    def _coordinates(self, ctx: AuditContext) -> Iterable[Finding]:
        # Location history is the platform's own trail, not something you published: the pattern-of-life
        # check reads it (ctx.locations). Here: what your photos, posts and check-ins carry.
        located: list[tuple[Item, GeoPoint]] = [(item, _best_point(item.geopoints)) for item in ctx.items if item.geopoints]
        if not located:
            return
        names = ctx.geography.names([(p.lat, p.lon) for _, p in located])
        stations = [s for s in ctx.profile.stations if s.lat is not None and s.lon is not None]
        for (item, point), place in zip(located, names):
            near = None
            for station in stations:
                distance = haversine_m(point.lat, point.lon, station.lat, station.lon)  # type: ignore[arg-type]
                if distance <= ctx.profile.station_radius_m and (near is None or distance < near[1]):
                    near = (station, distance)
            where = place.describe()
            how = SOURCE_WORDS.get(point.source, point.source.value)
            what = "photo" if item.kind in (ItemKind.PHOTO, ItemKind.VIDEO) or item.media else item.kind.value
            evidence = evidence_for(item, excerpt(item.text), geo=point, place_name=place.label())
            if near:
                station, distance = near
                yield Finding(
                    detector=self.name, topic="personal_recognition", severity=Severity.HIGH,
                    title=f"A {what} was located at {station.name}",
                    explanation=(f"The {what} carries coordinates {distance:.0f} m from {station.name} ({how}). "
                                 "A location at your workplace identifies you as one of its officers to anyone who "
                                 "sees it, and repeated ones reveal your schedule."),
                    platform=item.platform, evidence=[evidence], confidence=0.95,
                )
            else:
                yield Finding(
                    detector=self.name, topic="location_exposure", severity=Severity.MEDIUM,
                    title=f"A {what} carries its location ({place.label()})",
                    explanation=(f"This {what} records where it was taken or posted, {where} ({how}). "
                                 "Locations add up: a few of them reveal your home, your routine and your family's "
                                 "places. Friends-only audiences do not stop a friend from passing it on."),
                    platform=item.platform, evidence=[evidence], confidence=0.9,
                )
