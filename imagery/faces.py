"""Where faces are in a photo. Faces are counted and located, never identified: no face is compared with another.

YuNet (the `yuface` wheel, BSD, 0.5 MB with the model compiled in) is the detector. Its wheels exist only
for CPython 3.10-3.11 on Linux x86_64 and Windows, so elsewhere OpenCV's Haar cascade stands in: slower,
and it misses more faces that are small, turned or in shadow, which is why `face_detector()` says which one
ran. NudeNet's face labels (imagery/explicit.py) are a second, independent signal.
"""

from __future__ import annotations

import logging
import os
import warnings
from typing import Any

import numpy as np

from auditor.model import Box, FaceDetector
from imagery import models  # noqa: F401  (sets OMP_WAIT_POLICY before yuface's OpenMP runtime loads)
from imagery.base import Extractor, Picture, register
from imagery.models import ModelUnavailable, check_rgb, once_per_process, reduce_to, threads

log = logging.getLogger(__name__)

# YuNet warns above 960 px (its anchors are tuned for that). Larger images are reduced to 960 here and the
# boxes scaled back; at that size faces narrower than about 1/25 of the long side start to be missed.
PREFERRED_MAX_SIDE = 960
MIN_CONFIDENCE = 0.8  # 0.75 was a motorcycle headlight in the measurements; real faces scored >= 0.9
HAAR_MIN_FACE = 20


def find_faces(image: np.ndarray) -> tuple[Box, ...]:
    """Boxes around the faces in an RGB uint8 image, largest first, in that image's pixels."""
    check_rgb(image)
    working, factor = reduce_to(image, PREFERRED_MAX_SIDE)
    detector, detect = _detector()
    boxes = detect(working)
    if factor != 1.0:
        boxes = [box.scaled(1 / factor) for box in boxes]
    return tuple(sorted(boxes, key=lambda box: box.area, reverse=True))


def face_detector() -> FaceDetector:
    """Which detector `find_faces` uses in this process."""
    return _detector()[0]


@once_per_process
def _detector():
    # yuface's OpenMP runtime reads this when it loads: one thread per process unless set_threads said more.
    os.environ.setdefault("OMP_NUM_THREADS", str(threads()))
    try:
        import yuface
    except ImportError:
        log.info("yuface is not available here; faces are found with OpenCV's Haar cascade instead")
        return FaceDetector.HAAR, _haar_detector()
    return FaceDetector.YUNET, lambda rgb: _yunet_faces(yuface, rgb)


def _yunet_faces(yuface, rgb: np.ndarray) -> list[Box]:
    bgr = np.ascontiguousarray(rgb[:, :, ::-1])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        confidences, boxes, _landmarks = yuface.detect(bgr, conf=MIN_CONFIDENCE)
    height, width = rgb.shape[:2]
    found = []
    for x, y, w, h in np.asarray(boxes, dtype=np.int64).reshape(-1, 4):
        left, top = max(int(x), 0), max(int(y), 0)
        found.append(Box(left, top, min(int(x + w), width) - left, min(int(y + h), height) - top))
    return [box for box in found if box.width > 0 and box.height > 0]


def _haar_detector():
    try:
        import cv2
    except ImportError as error:
        raise ModelUnavailable("neither yuface nor OpenCV is installed, so faces cannot be looked for") from error
    cascades = getattr(getattr(cv2, "data", None), "haarcascades", None)
    if not cascades or not hasattr(cv2, "CascadeClassifier"):
        raise ModelUnavailable("this OpenCV has no Haar cascades (OpenCV 5 removed them; install opencv-python-headless<5)")
    classifier = cv2.CascadeClassifier(cascades + "haarcascade_frontalface_default.xml")
    if classifier.empty():
        raise ModelUnavailable("OpenCV's frontal-face cascade could not be loaded")

    def detect(rgb: np.ndarray) -> list[Box]:
        gray = cv2.equalizeHist(cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY))
        found = classifier.detectMultiScale(gray, scaleFactor=1.1, minNeighbors=6, minSize=(HAAR_MIN_FACE, HAAR_MIN_FACE))
        return [Box(int(x), int(y), int(w), int(h)) for x, y, w, h in np.asarray(found).reshape(-1, 4)]

    return detect


# YuNet on a copy at most this size: 0.11 s against 0.21 s at 960 px (training split, one core), and the faces the
# policy cares about (>= 20 px wide in the stored photo) stay above YuNet's smallest anchors.
AUDIT_MAX_SIDE = 640


@register
class FaceFinder(Extractor):
    name = "faces"
    version = f"1.{AUDIT_MAX_SIDE}"
    fields = ("faces", "face_detector")
    cost = 0.12

    def extract(self, picture: Picture) -> dict[str, Any]:
        working, factor = reduce_to(picture.array, AUDIT_MAX_SIDE)
        boxes = find_faces(working)
        if factor != 1.0:
            boxes = tuple(box.scaled(1 / factor) for box in boxes)
        return {"faces": boxes, "face_detector": face_detector()}
