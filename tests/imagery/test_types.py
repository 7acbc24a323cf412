"""The extractors' records: geometry helpers, and every record survives a trip to a worker process and back."""

import dataclasses
import pickle

import numpy as np
import pytest

from imagery.types import (
    BodyPart,
    BodyPartScan,
    Box,
    ClassScore,
    Detection,
    InsigniaKind,
    InsigniaMatch,
    SceneClass,
    SceneScores,
    TextRead,
    TextScan,
)


def test_box_geometry():
    box = Box(10, 20, 30, 40)
    assert (box.right, box.bottom, box.area) == (40, 60, 1200)
    assert box.scaled(2) == Box(20, 40, 60, 80)
    assert Box.around([(1.2, 5.0), (9.6, 3.0), (4.0, 8.4)]) == Box(1, 3, 9, 5)


def test_text_line_height_follows_a_rotated_quad():
    quad = ((0.0, 0.0), (30.0, 40.0), (22.0, 46.0), (-8.0, 6.0))  # 10 px tall, turned 53 degrees
    read = TextRead("POLICE", 0.99, Box.around(quad), quad)
    assert read.height == pytest.approx(10.0)


def test_records_are_frozen_and_pickle():
    records = [
        TextScan((TextRead("SHERIFF", 0.9, Box(0, 0, 5, 5), ((0, 0), (5, 0), (5, 5), (0, 5))),), 3, 1, True),
        BodyPartScan((Detection(BodyPart.BUTTOCKS_EXPOSED, 0.3, Box(1, 2, 3, 4)),), (Detection(BodyPart.FACE_MALE, 0.8, Box(0, 0, 9, 9)),)),
        SceneScores(((SceneClass.MILITARY_UNIFORM, 0.4),), (ClassScore("military uniform", 0.4),)),
        InsigniaMatch("patch", InsigniaKind.PATCH, 30, 40, ((0, 0), (9, 0), (9, 9), (0, 9)), 0.5, mirrored=True),
    ]
    for record in records:
        assert pickle.loads(pickle.dumps(record)) == record
        with pytest.raises((dataclasses.FrozenInstanceError, TypeError)):  # TypeError: slotted frozen classes on 3.11
            setattr(record, dataclasses.fields(record)[0].name, None)
    assert records[2].probability(SceneClass.MILITARY_UNIFORM) == 0.4
    assert records[2].probability(SceneClass.HOLSTER) == 0.0
    assert records[3].inlier_ratio == 0.75
    assert [part.label.is_face for part in records[1].parts + records[1].faces] == [False, True]


@pytest.mark.parametrize(
    "array, message",
    [
        (np.zeros((20, 20), dtype=np.uint8), "RGB"),
        (np.zeros((20, 20, 4), dtype=np.uint8), "RGB"),
        (np.zeros((20, 20, 3), dtype=np.float32), "RGB"),
        (np.zeros((0, 20, 3), dtype=np.uint8), "too small"),
    ],
)
def test_every_extractor_refuses_what_is_not_an_rgb_image(array, message):
    from imagery import explicit, faces, insignia, ocr, scene

    for extract in (ocr.read_text, faces.find_faces, explicit.scan_body_parts, scene.classify_scene, lambda a: insignia.match_references(a, [])):
        with pytest.raises(ValueError, match=message):
            extract(array)
