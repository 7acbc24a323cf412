"""NudeNet: no exposed anatomy on ordinary real photos, faces reported separately, labels in the model's order."""

import numpy as np
import pytest

from imagery import explicit
from imagery.types import BodyPart
from tests.imagery.conftest import need

# NudeNet's raw floor is 0.2-0.25; on real photos its strongest false alarm was 0.30 (coffee). An analyzer
# should not flag below this; a flat, round graphic (scikit-image's colour wheel) still scored 0.85.
REVIEW_SCORE = 0.5


@pytest.fixture(scope="module", autouse=True)
def nudenet_installed():
    need("nudenet")
    need("onnxruntime")


def test_label_order_matches_the_installed_nudenet():
    module = need("nudenet.nudenet")
    assert list(explicit._LABELS) == list(getattr(module, "__labels"))


def test_nothing_exposed_on_real_photos(real_photos):
    for name, photo in real_photos.items():
        strong = [part for part in explicit.explicit_parts(photo) if part.score >= REVIEW_SCORE]
        assert strong == [], name


def test_faces_come_back_separately(real_photos):
    scan = explicit.scan_body_parts(real_photos["astronaut"])
    assert [face.label.is_face for face in scan.faces] == [True]
    face = scan.faces[0].box
    assert 150 < face.left < 200 and 60 < face.top < 110
    assert explicit.nudenet_faces(real_photos["coffee"]) == ()


def test_only_exposed_anatomy_labels_are_kept():
    kept = {part.name for part in BodyPart if not part.is_face}
    assert kept == {"FEMALE_BREAST_EXPOSED", "FEMALE_GENITALIA_EXPOSED", "MALE_GENITALIA_EXPOSED", "BUTTOCKS_EXPOSED", "ANUS_EXPOSED"}
    assert all(explicit._LABELS[index] in BodyPart.__members__ for index in explicit._KEPT)


def test_a_blank_image_gives_nothing():
    assert explicit.scan_body_parts(np.zeros((100, 300, 3), dtype=np.uint8)).parts == ()
