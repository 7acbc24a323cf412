"""Faces in photos (clause 7b, and clause 8 for undercover officers). Faces are counted, never identified.

A face alone is not a problem for most officers: only a face in the same photo as police wording or the
agency's insignia is ("a photo that shows you in uniform"). Under `undercover: true` in the agency profile,
every photo with a face is a finding (clause 8: no visual identification at all), including photos others
posted of you.
"""

from __future__ import annotations

from typing import Iterable

from auditor.model import Finding, Severity, VisualFeatures
from auditor.profile import AgencyProfile

from ._imagery import PhotoSignal, photo_finding, photos
from .agency_insignia import insignia_signal
from .base import Analyzer, AuditContext
from .photo_text import text_signal
from .registry import register

# A face narrower than this in the stored photo is not one anybody would recognise. Chosen on the training split.
MIN_FACE_PX = 20
# NudeNet's faces stand in only when the face detector did not run on the photo.
NUDENET_FACE_MIN_SCORE = 0.5


def face_count(features: VisualFeatures) -> int:
    """How many faces the photo shows (YuNet's, or NudeNet's when YuNet did not look)."""
    scale = features.to_stored_scale
    if features.looked_with("faces"):
        return sum(1 for box in features.faces if box.width * scale >= MIN_FACE_PX)
    return sum(1 for d in features.body_faces if d.score >= NUDENET_FACE_MIN_SCORE and d.box.width * scale >= MIN_FACE_PX)


def face_signal(features: VisualFeatures) -> PhotoSignal | None:
    count = face_count(features)
    if not count:
        return None
    return PhotoSignal((f"{count} face{'s' if count > 1 else ''}",), 0.9, quote=f"{count} face{'s' if count > 1 else ''}")


def faces_decision(features: VisualFeatures, profile: AgencyProfile) -> PhotoSignal | None:
    """The photo's verdict: under undercover any face; otherwise a face with police wording or the agency's insignia."""
    faces = face_signal(features)
    if faces is None:
        return None
    if profile.undercover:
        return faces
    identifying = [s for s in (text_signal(features, profile), insignia_signal(features, profile)) if s is not None]
    if not identifying:
        return None
    return PhotoSignal(faces.reasons, min(0.97, max(s.confidence for s in identifying)), quote=faces.quote,
                       strong=any(s.strong for s in identifying))


@register
class FacesInPhotosCheck(Analyzer):
    name = "faces_in_photos"
    topics = ("faces_in_photos",)
    description = ("Photos that show a face together with police wording or your agency's insignia; with undercover set, "
                   "every photo with a face.")
    limits = ("faces turned away or in profile, faces narrower than about 20 px, masks and heavy shadow; a uniform with no "
              "readable wording and no reference picture is not recognised; in videos only a few frames are looked at, and a face and police words must be in the same frame.")

    def analyze(self, ctx: AuditContext) -> Iterable[Finding]:
        for item, media, features in photos(ctx):
            signal = faces_decision(features, ctx.profile)
            if signal is None:
                continue
            if ctx.profile.undercover:
                yield photo_finding(
                    self.name, "faces_in_photos", item, media, signal, severity=Severity.MEDIUM,
                    title="A photo with a face (undercover)",
                    explanation=("You work, or may work, undercover: the policy allows no visual identification at all. A face "
                                 "in a photo can be matched to you by anyone with your picture, whoever posted it."),
                    features=features)
            else:
                yield photo_finding(
                    self.name, "faces_in_photos", item, media, signal, severity=Severity.HIGH,
                    title="A photo that shows you in uniform",
                    explanation=("A face next to police wording or insignia lets anyone recognise the person as one of the "
                                 "department's officers; offduty counts faces and never tries to say whose they are."),
                    features=features)
