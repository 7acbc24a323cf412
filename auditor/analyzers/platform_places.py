"""Where the platforms themselves say you live and work (clauses 7, 8, 13).

Snapchat ("Home & Work"), Google Maps Timeline (frequent places labelled HOME/WORK) and Semantic
Location History (TYPE_HOME/TYPE_WORK) store their own inference of your home and workplace. Anyone
who gets into the account, or gets a copy of its data, gets that answer without any work.
"""

from __future__ import annotations

from typing import Iterable

from auditor.geo import haversine_m
from auditor.model import Finding, ItemKind, Severity

from .base import Analyzer, AuditContext, evidence_for, platform_title
from .registry import register

LABELS = {"HOME": "home", "TYPE_HOME": "home", "INFERRED_HOME": "home",
          "WORK": "workplace", "TYPE_WORK": "workplace", "INFERRED_WORK": "workplace"}
SAME_PLACE_M = 150.0


@register
class PlatformPlacesAnalyzer(Analyzer):
    name = "platform_places"
    topics = ("location_exposure",)
    description = "Home and workplace as the platforms themselves inferred them (Snapchat, Google Timeline, Location History)."

    def analyze(self, ctx: AuditContext) -> Iterable[Finding]:
        groups: dict[tuple[str, str], list] = {}
        for item in ctx.items:
            what = LABELS.get(item.field_name.upper()) if item.kind == ItemKind.LOCATION_RECORD else None
            if what and item.place and item.place.geo:
                groups.setdefault((item.platform, what), []).append(item)
        if not groups:
            return
        points = [(items[0].place.geo.lat, items[0].place.geo.lon) for items in groups.values()]
        names = ctx.geography.names(points)
        for ((platform, what), items), place in zip(groups.items(), names):
            distinct = []
            for item in items:
                geo = item.place.geo
                if all(haversine_m(geo.lat, geo.lon, d.place.geo.lat, d.place.geo.lon) > SAME_PLACE_M for d in distinct):
                    distinct.append(item)
            yield Finding(
                detector=self.name, topic="location_exposure", severity=Severity.HIGH,
                title=f"{platform_title(platform)} has recorded where it thinks your {what} is ({place.label()})",
                explanation=(f"Your {platform_title(platform)} data contains the platform's own inference of your {what}, "
                             f"{place.describe()}. Anyone who gets into this account or obtains this data learns it "
                             "without any effort. Check whether it is right, then delete the location history and "
                             "turn the feature off."),
                platform=platform,
                evidence=[evidence_for(item, item.text, geo=item.place.geo, place_name=place.label()) for item in distinct[:10]],
                confidence=0.95,
            )
