"""The shipped text model: small, quick to load, and fully offline."""

import socket
import time

import numpy as np

from auditor.analyzers.employment import MODEL_FILE, SIGNALS, EmploymentDetector
from auditor.profile import AgencyProfile
from auditor.textmodel import embed, load_model


def test_model_is_small_and_loads_quickly():
    from importlib import resources

    size = resources.files("auditor").joinpath("data", MODEL_FILE).stat().st_size
    assert size < 5_000_000
    load_model.cache_clear()
    started = time.perf_counter()
    model = load_model(MODEL_FILE)
    assert time.perf_counter() - started < 1.0
    assert model.extras == SIGNALS and 0 < model.threshold < 1
    assert model.info["trained_on"] >= 2000


def test_embedding_and_scoring_need_no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("offduty tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    from auditor import textmodel

    textmodel._wordllama.cache_clear()
    vectors = embed(["end of watch, heading home", "my cat knocked over the tree"])
    assert vectors.shape[0] == 2 and np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-3)
    judged = EmploymentDetector(AgencyProfile()).judge(["Booked two DUIs before midnight, paperwork till 4"], ["post"], [None])
    assert 0.0 <= judged[0].probability <= 1.0
