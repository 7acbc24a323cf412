"""The agency's own insignia in photos (clause 7a): a patch, badge, logo or car livery from the agency
profile's reference pictures, found by the insignia matcher (turned, tilted, scaled, mirrored)."""

from __future__ import annotations

from typing import Iterable

from auditor.model import Box, Finding, InsigniaKind, Severity, VisualFeatures
from auditor.profile import AgencyProfile

from ._imagery import PhotoSignal, photo_finding, photos, where
from .base import Analyzer, AuditContext
from .registry import register

# Matched points one perspective transform must explain. The matcher already refuses below 8; on the training
# split 8 found 98 of 135 with 16 false alarms, 12 found 94 with 8, 15 found 87 with 5: 12 chosen.
MIN_INLIERS = 12
KIND_WORDS = {InsigniaKind.PATCH: "patch", InsigniaKind.BADGE: "badge", InsigniaKind.LOGO: "logo",
              InsigniaKind.LIVERY: "car livery"}


def insignia_signal(features: VisualFeatures, profile: AgencyProfile | None = None) -> PhotoSignal | None:
    """The agency's reference pictures found in the photo, or None."""
    found = [m for m in features.insignia if m.inliers >= MIN_INLIERS]
    if not found:
        return None
    reasons = tuple(f"your agency's {KIND_WORDS[m.kind]} ({m.reference_id}, {where(Box.around(m.quad), features)}"
                    f"{', mirrored' if m.mirrored else ''})" for m in found)
    best = max(m.inliers for m in found)
    return PhotoSignal(reasons, min(0.97, 0.7 + best / 200), quote=", ".join(m.reference_id for m in found), strong=True)


def insignia_kinds(features: VisualFeatures) -> set[InsigniaKind]:
    return {m.kind for m in features.insignia if m.inliers >= MIN_INLIERS}


@register
class AgencyInsigniaCheck(Analyzer):
    name = "agency_insignia"
    topics = ("agency_insignia",)
    description = "Your agency's patch, badge, logo or car livery (the profile's reference pictures) in photos."
    limits = ("insignia with no reference picture in the agency profile, an insignia narrower than about 60 px in the photo, "
              "embroidery or a redesign that differs from the reference, and heavy blur; in videos only a few frames are looked at (the first, the middle, one every 5 s, at most 8).")

    def analyze(self, ctx: AuditContext) -> Iterable[Finding]:
        if not ctx.profile.references:
            return
        for item, media, features in photos(ctx):
            signal = insignia_signal(features, ctx.profile)
            if signal is None:
                continue
            yield photo_finding(
                self.name, "agency_insignia", item, media, signal, severity=Severity.HIGH,
                title="Your agency's insignia in a photo",
                explanation=("The policy asks you to keep department logos, uniforms and identifying items off your personal "
                             "pages: an insignia ties the photo, and you, to the agency."),
                features=features)
