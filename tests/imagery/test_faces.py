"""Faces are found (and only counted) on real photos; the Haar fallback works where yuface has no wheel."""

import sys

import numpy as np
import pytest
from PIL import Image

from imagery import faces
from imagery.types import Box, FaceDetector
from tests.imagery.conftest import need

ASTRONAUT_FACE = Box(178, 63, 89, 112)  # Eileen Collins' face in scikit-image's astronaut photo


def overlap(a: Box, b: Box) -> float:
    width = min(a.right, b.right) - max(a.left, b.left)
    height = min(a.bottom, b.bottom) - max(a.top, b.top)
    if width <= 0 or height <= 0:
        return 0.0
    return width * height / (a.area + b.area - width * height)


@pytest.fixture(scope="module", autouse=True)
def yuface_installed():
    need("yuface")


def test_finds_the_face_on_astronaut(astronaut):
    [face] = faces.find_faces(astronaut)
    assert overlap(face, ASTRONAUT_FACE) > 0.6
    assert faces.face_detector() is FaceDetector.YUNET


@pytest.mark.parametrize("name", ["coffee", "chelsea", "rocket", "motorcycle"])
def test_no_face_on_photos_without_people(real_photos, name):
    assert faces.find_faces(real_photos[name]) == ()


def test_faces_on_the_other_portraits(real_photos):
    assert len(faces.find_faces(real_photos["grace_hopper"])) == 1
    assert len(faces.find_faces(real_photos["camera"])) == 1


def test_large_images_are_reduced_and_the_box_scaled_back(astronaut):
    big = np.asarray(Image.fromarray(astronaut).resize((2048, 2048)))
    [face] = faces.find_faces(big)
    assert overlap(face, ASTRONAUT_FACE.scaled(4)) > 0.6


def test_haar_fallback_finds_the_astronaut_face(astronaut):
    need("cv2")
    found = faces._haar_detector()(astronaut)
    assert any(overlap(box, ASTRONAUT_FACE) > 0.4 for box in found)


def test_without_yuface_find_faces_falls_back_to_haar(monkeypatch, astronaut, coffee):
    need("cv2")
    monkeypatch.setitem(sys.modules, "yuface", None)  # as on macOS or Python 3.12+, where it has no wheel
    faces._detector.forget()
    try:
        assert faces.face_detector() is FaceDetector.HAAR
        assert any(overlap(box, ASTRONAUT_FACE) > 0.4 for box in faces.find_faces(astronaut))
        assert faces.find_faces(coffee) == ()
    finally:
        faces._detector.forget()
