"""The imagery checks on hand-made VisualFeatures (no model runs): each decision function, each analyzer's
findings, and the per-photo merge."""

from __future__ import annotations

from pathlib import Path

from auditor.analyzers.agency_insignia import insignia_signal
from auditor.analyzers.explicit_images import explicit_signal
from auditor.analyzers.faces_in_photos import face_signal, faces_decision
from auditor.analyzers.photo_documents import document_signal
from auditor.analyzers.photo_text import text_signal
from auditor.analyzers.uniform_context import uniform_signal
from auditor.model import (
    BodyPart,
    Box,
    Detection,
    FaceDetector,
    InsigniaKind,
    InsigniaMatch,
    Item,
    ItemKind,
    Media,
    MediaRef,
    SceneClass,
    SceneScores,
    Severity,
    SourceRef,
    TextRead,
    VisualFeatures,
)
from auditor.pipeline import analyze, load_policy
from auditor.profile import AgencyProfile, Reference

PROFILE = AgencyProfile(agency_names=["Harlow County Sheriff's Office"], abbreviations=["HCSO"],
                        references=[Reference(InsigniaKind.PATCH, Path("hcso-patch.png"))])
REF = MediaRef("in", "photos/1.jpg")
ALL_LOOKS = ("fingerprint", "scene", "body_parts", "faces", "insignia", "text")


def line(text: str, left: int = 100, top: int = 100, height: int = 30) -> TextRead:
    width = 20 * len(text)
    quad = ((left, top), (left + width, top), (left + width, top + height), (left, top + height))
    return TextRead(text, 0.95, Box(left, top, width, height), quad)


def seen(**fields) -> VisualFeatures:
    base = dict(width=1000, height=800, examined_width=1000, examined_height=800, examined_by=ALL_LOOKS,
                face_detector=FaceDetector.YUNET)
    return VisualFeatures(REF, **{**base, **fields})


FACE = (Box(400, 200, 120, 150),)
PATCH = InsigniaMatch("hcso-patch", InsigniaKind.PATCH, 40, 60, ((100, 300), (200, 300), (200, 400), (100, 400)), 0.5)


def test_police_words_are_read_and_look_alikes_and_other_senses_are_not():
    assert text_signal(seen(text=(line("SHERIFF"),)), PROFILE) is not None
    assert text_signal(seen(text=(line("K-9 UNIT"),)), PROFILE) is not None
    for harmless in ("POLICY", "POLITE NOTICE", "MARSHALL'S HARDWARE", "SHERIFF'S FARM STAND", "DEPUTY HEAD",
                     "POLICE ACADEMY FANS CLUB", "SECURITY", "READY FOR DISPATCH"):
        assert text_signal(seen(text=(line(harmless),)), PROFILE) is None, harmless
    # the other sense may be on the next line of the same sign
    assert text_signal(seen(text=(line("SHERIFF'S", top=100), line("FARM STAND", top=135))), PROFILE) is None


def test_the_agency_name_is_strong_and_tiny_print_does_not_count():
    signal = text_signal(seen(text=(line("HCSO", top=50), line("4471", top=85))), PROFILE)
    assert signal is not None and signal.strong and "4471" in signal.reasons[0] and "top" in signal.reasons[0]
    assert text_signal(seen(text=(line("hcso"),)), PROFILE) is None  # abbreviations are matched as written
    assert text_signal(seen(text=(line("POLICE", height=6),)), PROFILE) is None


def test_insignia_faces_explicit_scene_and_documents():
    assert insignia_signal(seen(insignia=(PATCH,)), PROFILE).strong
    assert insignia_signal(seen(), PROFILE) is None
    assert face_signal(seen(faces=FACE)).reasons == ("1 face",)
    assert face_signal(seen(faces=(Box(0, 0, 10, 10),))) is None  # too small to recognise
    nudenet_only = seen(examined_by=("body_parts",), body_faces=(Detection(BodyPart.FACE_MALE, 0.8, Box(0, 0, 50, 60)),))
    assert face_signal(nudenet_only) is not None
    assert explicit_signal(seen(body_parts=(Detection(BodyPart.BUTTOCKS_EXPOSED, 0.7, Box(0, 0, 50, 50)),))) is not None
    assert explicit_signal(seen(body_parts=(Detection(BodyPart.BUTTOCKS_EXPOSED, 0.3, Box(0, 0, 50, 50)),))) is None
    vest = SceneScores(((SceneClass.BULLETPROOF_VEST, 0.4),), ())
    assert uniform_signal(seen(scene=vest)) is not None and uniform_signal(seen(scene=SceneScores((), ()))) is None
    report = seen(text=(line("INCIDENT REPORT"), line("CASE NO. 24-00123", top=140), line("SUSPECT: J. DOE", top=180)))
    assert document_signal(report) is not None
    recipe = seen(text=(line("GRANDMA'S LEMON CAKE"), line("SERVES 8", top=140), line("INVOICE NO. 1234", top=180)))
    assert document_signal(recipe) is None


def test_a_face_matters_with_police_words_or_insignia_or_when_undercover():
    assert faces_decision(seen(faces=FACE), PROFILE) is None
    assert faces_decision(seen(faces=FACE, insignia=(PATCH,)), PROFILE) is not None
    assert faces_decision(seen(faces=FACE, text=(line("POLICE"),)), PROFILE) is not None
    undercover = AgencyProfile(agency_names=PROFILE.agency_names, undercover=True)
    assert faces_decision(seen(faces=FACE), undercover) is not None


def photo_item(author=None) -> Item:
    return Item("ig-1", "instagram", ItemKind.PHOTO, SourceRef("in", "posts.json", "[0]"), text="Sunday at the lake",
                media=(Media("photos/1.jpg", ref=REF),), author=author)


def audit(features: VisualFeatures, profile: AgencyProfile = PROFILE):
    return analyze([], [photo_item()], profile, load_policy(), visuals={REF: features}).findings


def test_one_finding_per_photo_with_every_reason():
    vest = SceneScores(((SceneClass.BULLETPROOF_VEST, 0.4),), ())
    findings = audit(seen(faces=FACE, insignia=(PATCH,), text=(line("SHERIFF"),), scene=vest))
    assert len(findings) == 1
    only = findings[0]
    assert only.title == "A photo that shows you in uniform" and only.severity == Severity.HIGH and only.clause == "7b"
    assert "7a" in only.related_clauses
    assert any("SHERIFF" in r for r in only.reasons) and any("patch" in r for r in only.reasons)
    assert "1 face" in only.reasons and any("duty gear" in r for r in only.reasons)
    assert "SHERIFF" in only.explanation and only.evidence[0].media == REF


def test_a_uniform_like_scene_alone_is_never_a_finding_and_a_plain_face_is_not_either():
    vest = SceneScores(((SceneClass.BULLETPROOF_VEST, 0.4),), ())
    assert audit(seen(scene=vest, faces=FACE)) == []


def test_supporting_evidence_raises_a_medium_finding():
    plain = audit(seen(text=(line("POLICE"),)))
    assert [f.severity for f in plain] == [Severity.MEDIUM]
    vest = SceneScores(((SceneClass.BULLETPROOF_VEST, 0.4),), ())
    raised = audit(seen(text=(line("POLICE"),), scene=vest))
    assert [f.severity for f in raised] == [Severity.HIGH] and raised[0].confidence > plain[0].confidence


def test_undercover_every_face_is_a_clause_8_finding():
    undercover = AgencyProfile(agency_names=PROFILE.agency_names, undercover=True)
    findings = audit(seen(faces=FACE + FACE), undercover)
    assert [(f.clause, f.severity) for f in findings] == [("8", Severity.HIGH)]
    assert findings[0].reasons == ("2 faces",)


def test_explicit_and_documents_have_their_own_clauses():
    explicit = audit(seen(body_parts=(Detection(BodyPart.FEMALE_BREAST_EXPOSED, 0.8, Box(0, 0, 50, 50)),)))
    assert [(f.clause, f.topic) for f in explicit] == [("9a", "explicit_images")]
    report = audit(seen(text=(line("BOOKING SHEET"), line("ARRESTEE: DOE, JOHN", top=140), line("CHARGES: THEFT", top=180))))
    assert [(f.clause, f.related_clauses) for f in report] == [("6", ("11a",))]


def test_nothing_is_judged_without_the_imagery_stage():
    assert analyze([], [photo_item()], PROFILE, load_policy(), visuals={}).findings == []
