"""Police words in photos (clause 7a): POLICE, SHERIFF, DEPUTY ... or the agency's own name, read off a shirt,
a vest, a car, a sign or a mug by the text reader. Look-alike words (POLICY, POLITE, MARSHALL) never match,
and a police word used in another sense (SHERIFF'S FARM STAND, DEPUTY HEAD) is set aside.
"""

from __future__ import annotations

from typing import Iterable

from auditor.model import Finding, Severity, VisualFeatures
from auditor.profile import AgencyProfile

from ._imagery import PhotoSignal, badge_numbers, le_words, photo_finding, photos, where
from .base import Analyzer, AuditContext
from .registry import register

# A line of text at least this tall in the stored photo (the reader's box, about 12-16 px capitals) is lettering a
# person reads off the picture; smaller police words are the body text of forms and screens. On the training split
# 14 px gave precision 0.76 at recall 0.57, 24 px 0.96 at 0.56, 30 px 1.00 at 0.47: 24 chosen.
MIN_LINE_PX = 24.0


def text_signal(features: VisualFeatures, profile: AgencyProfile) -> PhotoSignal | None:
    """Police words or the agency's name read in the photo, or None."""
    seen = le_words(features, profile, MIN_LINE_PX)
    if not seen:
        return None
    reasons = []
    for word in seen:
        phrase = f"“{word.line}” ({where(word.box, features)})"
        if phrase not in reasons:
            reasons.append(phrase)
    numbers = badge_numbers(features, seen)
    agency = any(w.agency for w in seen)
    quoted = "the words " + ", ".join(reasons[:4]) + (" …" if len(reasons) > 4 else "")
    if numbers:
        quoted += f", with the number {', '.join(numbers[:2])} next to them (a badge or unit number?)"
    confidence = min(0.95, 0.6 + 0.1 * len(seen) + (0.15 if agency else 0.0))
    return PhotoSignal((quoted,), confidence, quote=", ".join(dict.fromkeys(w.line for w in seen)), strong=agency)


@register
class PhotoTextCheck(Analyzer):
    name = "photo_text"
    topics = ("photo_text",)
    description = "Police words and your agency's name read in photos (shirts, vests, cars, signs)."
    limits = ("text smaller than about 12 px capitals in the photo, handwriting, curved or folded lettering, text behind "
              "glare, and photos of more than 40 lines of text (read largest first, then it stops); in videos only a few frames are read (the first, the middle, one every 5 s, at most 8), and speech is not heard.")

    def analyze(self, ctx: AuditContext) -> Iterable[Finding]:
        for item, media, features in photos(ctx):
            signal = text_signal(features, ctx.profile)
            if signal is None:
                continue
            yield photo_finding(
                self.name, "photo_text", item, media, signal,
                severity=Severity.HIGH if signal.strong else Severity.MEDIUM,
                title="Your agency's name in a photo" if signal.strong else "Police wording in a photo",
                explanation=("Lettering like this on a shirt, a car or a sign tells anyone who sees the photo where you work; "
                             "the policy asks you to keep department identifying items off your personal pages."),
                features=features)
