"""Uniform-like scenes (soft evidence for clauses 7a/7b): ImageNet classes such as military uniform, bulletproof
vest, holster or police van. A soldier, a paintballer or a costume scores the same, so this check NEVER makes a
finding alone: the pipeline folds its finding into another finding about the same photo (raising that one's
confidence, and its severity one step when it is not high already) and drops it otherwise.
"""

from __future__ import annotations

from typing import Iterable

from auditor.model import Finding, SceneClass, Severity, VisualFeatures
from auditor.profile import AgencyProfile

from ._imagery import PhotoSignal, photo_finding, photos
from .base import Analyzer, AuditContext
from .registry import register

UNIFORM_CLASSES = (SceneClass.MILITARY_UNIFORM, SceneClass.BULLETPROOF_VEST, SceneClass.HOLSTER, SceneClass.REVOLVER,
                   SceneClass.POLICE_VAN, SceneClass.PICKELHAUBE, SceneClass.SHIELD, SceneClass.GASMASK)
# Summed probability of those classes. On the training split (drawings, which ImageNet scores low) it added almost
# nothing to recall at any threshold and 0.25 kept 6 false "uniform" photos out that 0.05 let in.
MIN_PROBABILITY = 0.25


def uniform_signal(features: VisualFeatures, profile: AgencyProfile | None = None) -> PhotoSignal | None:
    if features.scene is None:
        return None
    scores = sorted(((features.scene.probability(c), c) for c in UNIFORM_CLASSES), reverse=True)
    total = sum(p for p, _ in scores)
    if total < MIN_PROBABILITY:
        return None
    named = [c.value for p, c in scores if p >= 0.05] or [scores[0][1].value]
    return PhotoSignal((f"looks like a uniform or duty gear ({', '.join(named)})",), round(min(0.6, total), 2),
                       quote=", ".join(named))


@register
class UniformContextCheck(Analyzer):
    name = "uniform_context"
    topics = ("uniform_context",)
    description = "Uniform-like scenes (ImageNet classes); only strengthens another finding about the same photo."
    limits = ("ImageNet has no police class: a uniform, vest or patrol car without wording or insignia is only soft evidence "
              "and never reported alone; drawings and unusual uniforms score low; no colour or shape cues are used.")

    def analyze(self, ctx: AuditContext) -> Iterable[Finding]:
        for item, media, features in photos(ctx):
            signal = uniform_signal(features)
            if signal is None:
                continue
            yield photo_finding(self.name, "uniform_context", item, media, signal, severity=Severity.INFO,
                                title="A uniform-like scene", explanation="The picture looks like a uniform or duty gear.", features=features)
