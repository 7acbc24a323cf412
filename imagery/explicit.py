"""Exposed anatomy in a photo (clause 9a), with NudeNet's 320n detector, and NudeNet's faces as a second signal.

The model (YOLOv8-nano, 12 MB) ships inside the `nudenet` wheel. Only its model file is used here: the
package's own reader expects BGR or BGRA input from cv2.imread and walks 2,100 candidate rows in Python, so
the letterboxing and the decoding are done here, vectorised, on the RGB array the imagery stage holds.

Of NudeNet's 18 labels only the exposed sexual anatomy counts (female breast, genitalia, buttocks, anus).
Exposed belly, armpits, feet and male chest are left out on purpose: a beach or gym photo is not an
explicit image. The covered-* labels are left out too. NudeNet's own tracker reports a recall of 60.6 % at
a 0.2 threshold on an all-explicit set, so a photo it passes is not proven clean.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from auditor.model import BodyPart, BodyPartScan, Box, Detection
from imagery.base import Extractor, Picture, register
from imagery.models import ModelUnavailable, check_rgb, once_per_process, onnx_session, reduce_to

INPUT_SIZE = 320
# The network sees 320 px; more than twice that only costs decoding and resizing time.
PREFERRED_MAX_SIDE = 640
MIN_SCORE = 0.2  # NudeNet's own floor; callers choose their threshold from the returned scores
OVERLAP_LIMIT = 0.45

# NudeNet 3.4's output order.
_LABELS = (
    "FEMALE_GENITALIA_COVERED",
    "FACE_FEMALE",
    "BUTTOCKS_EXPOSED",
    "FEMALE_BREAST_EXPOSED",
    "FEMALE_GENITALIA_EXPOSED",
    "MALE_BREAST_EXPOSED",
    "ANUS_EXPOSED",
    "FEET_EXPOSED",
    "BELLY_COVERED",
    "FEET_COVERED",
    "ARMPITS_COVERED",
    "ARMPITS_EXPOSED",
    "FACE_MALE",
    "BELLY_EXPOSED",
    "MALE_GENITALIA_EXPOSED",
    "ANUS_COVERED",
    "FEMALE_BREAST_COVERED",
    "BUTTOCKS_COVERED",
)
_KEPT = {index: BodyPart[name] for index, name in enumerate(_LABELS) if name in BodyPart.__members__}


def explicit_parts(image: np.ndarray) -> tuple[Detection, ...]:
    """Exposed-anatomy detections in an RGB uint8 image, most confident first."""
    return scan_body_parts(image).parts


def nudenet_faces(image: np.ndarray) -> tuple[Detection, ...]:
    """The faces NudeNet sees (labelled female or male by the model; offduty only counts them)."""
    return scan_body_parts(image).faces


def scan_body_parts(image: np.ndarray) -> BodyPartScan:
    """One pass of the detector giving both the exposed-anatomy detections and the faces."""
    check_rgb(image)
    height, width = image.shape[:2]
    batch, factor = _letterbox(image)
    output = _session().run(None, {"images": batch})[0][0]  # 22 x candidates: cx, cy, w, h, 18 scores
    detections = _decode(output, factor, width, height)
    parts = tuple(d for d in detections if not d.label.is_face)
    faces = tuple(d for d in detections if d.label.is_face)
    return BodyPartScan(parts=parts, faces=faces)


def _letterbox(image: np.ndarray) -> tuple[np.ndarray, float]:
    """Pad to a square at the bottom and right (as NudeNet was trained), resize to 320, scale to 0-1."""
    import cv2

    height, width = image.shape[:2]
    side = max(height, width)
    square = np.zeros((side, side, 3), dtype=np.uint8)
    square[:height, :width] = image
    resized = cv2.resize(square, (INPUT_SIZE, INPUT_SIZE), interpolation=cv2.INTER_LINEAR)
    batch = (resized.astype(np.float32) / 255.0).transpose(2, 0, 1)[np.newaxis]
    return np.ascontiguousarray(batch), side / INPUT_SIZE


def _decode(output: np.ndarray, factor: float, width: int, height: int) -> list[Detection]:
    import cv2

    scores = output[4:]
    best = scores.argmax(axis=0)
    best_score = scores[best, np.arange(scores.shape[1])]
    keep = (best_score >= MIN_SCORE) & np.isin(best, list(_KEPT))
    if not keep.any():
        return []
    cx, cy, w, h = (output[i][keep] * factor for i in range(4))
    left = np.clip(cx - w / 2, 0, width)
    top = np.clip(cy - h / 2, 0, height)
    w = np.minimum(w, width - left)
    h = np.minimum(h, height - top)
    labels, confidences = best[keep], best_score[keep]
    rectangles = [[float(a), float(b), float(c), float(d)] for a, b, c, d in zip(left, top, w, h)]
    chosen = cv2.dnn.NMSBoxes(rectangles, confidences.astype(float).tolist(), MIN_SCORE, OVERLAP_LIMIT)
    detections = [
        Detection(
            label=_KEPT[int(labels[i])],
            score=round(float(confidences[i]), 4),
            box=Box(int(left[i]), int(top[i]), int(w[i]), int(h[i])),
        )
        for i in np.asarray(chosen, dtype=int).reshape(-1)
    ]
    return sorted(detections, key=lambda d: d.score, reverse=True)


@once_per_process
def _session():
    try:
        import nudenet
    except ImportError as error:
        raise ModelUnavailable("nudenet is not installed") from error
    from pathlib import Path

    model = Path(nudenet.__file__).with_name("320n.onnx")
    if not model.is_file():
        raise ModelUnavailable(f"NudeNet's model is missing from {model.parent}")
    return onnx_session(model)


@register
class BodyPartFinder(Extractor):
    name = "body_parts"
    version = "1"
    fields = ("body_parts", "body_faces")
    cost = 0.08

    def extract(self, picture: Picture) -> dict[str, Any]:
        working, factor = reduce_to(picture.array, PREFERRED_MAX_SIDE)
        scan = scan_body_parts(working)

        def back(detections: tuple[Detection, ...]) -> tuple[Detection, ...]:
            if factor == 1.0:
                return detections
            return tuple(Detection(d.label, d.score, d.box.scaled(1 / factor)) for d in detections)

        return {"body_parts": back(scan.parts), "body_faces": back(scan.faces)}
