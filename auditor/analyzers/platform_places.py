"""Where the platforms themselves say you live and work (clauses 7, 8, 13).

Snapchat ("Home & Work"), Google Maps Timeline (frequent places labelled HOME/WORK), Semantic
Location History (TYPE_HOME/TYPE_WORK) and My Activity ("From your home") store their own inference
of your home and workplace. Connectors mark those points with a `PlaceLabel`. Anyone who gets into
the account, or gets a copy of its data, gets that answer without any work.
"""

from __future__ import annotations

from typing import Iterable

from auditor.geo import haversine_m
from auditor.model import Finding, LocationPoint, PlaceLabel, Severity

from .base import Analyzer, AuditContext, evidence_for, platform_title
from .registry import register

SAME_PLACE_M = 150.0


@register
class PlatformPlacesAnalyzer(Analyzer):
    name = "platform_places"
    topics = ("location_exposure",)
    description = "Home and workplace as the platforms themselves inferred them (Snapchat, Google Timeline, Location History)."

    def analyze(self, ctx: AuditContext) -> Iterable[Finding]:
        groups: dict[tuple[str, PlaceLabel], list[LocationPoint]] = {}
        for point in ctx.locations.rows(ctx.locations.labelled_rows()):
            assert point.label is not None
            groups.setdefault((point.platform, point.label), []).append(point)
        if not groups:
            return
        names = ctx.geography.names([(points[0].lat, points[0].lon) for points in groups.values()])
        for ((platform, label), points), place in zip(groups.items(), names):
            distinct: list[LocationPoint] = []
            for point in points:
                if all(haversine_m(point.lat, point.lon, d.lat, d.lon) > SAME_PLACE_M for d in distinct):
                    distinct.append(point)
            what = label.value
            yield Finding(
                detector=self.name, topic="location_exposure", severity=Severity.HIGH,
                title=f"{platform_title(platform)} has recorded where it thinks your {what} is ({place.label()})",
                explanation=(f"Your {platform_title(platform)} data contains the platform's own inference of your {what}, "
                             f"{place.describe()}. Anyone who gets into this account or obtains this data learns it "
                             "without any effort. Check whether it is right, then delete the location history and "
                             "turn the feature off."),
                platform=platform,
                evidence=[evidence_for(p, p.text, geo=p.geo, place_name=place.label()) for p in distinct[:10]],
                confidence=0.95,
            )
