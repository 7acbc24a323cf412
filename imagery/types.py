"""The vision records live in the shared model (auditor/model.py); this module names them for the extractors."""

from auditor.model import (
    BodyPart,
    BodyPartScan,
    Box,
    ClassScore,
    Detection,
    FaceDetector,
    InsigniaKind,
    InsigniaMatch,
    Point,
    SceneClass,
    SceneScores,
    TextRead,
    TextScan,
)

__all__ = ["BodyPart", "BodyPartScan", "Box", "ClassScore", "Detection", "FaceDetector", "InsigniaKind", "InsigniaMatch",
           "Point", "SceneClass", "SceneScores", "TextRead", "TextScan"]
