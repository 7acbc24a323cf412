"""Shared plumbing of the vision extractors: threads, ONNX Runtime sessions, the user cache, lazy loading.

Each extractor loads its model the first time it is used and keeps it for the life of the process, so a
worker in the imagery stage's process pool pays the load once. By default every model runs on one thread:
the stage parallelises across processes, and two processes each spinning several threads on a two-core
laptop only slow each other down. Call `set_threads` before the first extraction to change that.
"""

from __future__ import annotations

import os
import threading
from functools import wraps
from pathlib import Path
from typing import Callable, TypeVar

import numpy as np

# OpenMP (used by yuface) busy-waits between calls unless told otherwise; that eats a core per process.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

T = TypeVar("T")

_threads = 1


class ModelUnavailable(RuntimeError):
    """A vision model or the package that ships it is not installed or could not be loaded."""


def set_threads(count: int) -> None:
    """How many threads each model may use in this process; call before the first extraction."""
    global _threads
    _threads = max(1, int(count))
    try:
        import cv2

        cv2.setNumThreads(_threads)
    except ImportError:
        pass


def threads() -> int:
    return _threads


def onnx_session(model: str | Path | bytes):
    """An ONNX Runtime CPU session for a model file (or serialized model), quiet and on `threads()` threads."""
    try:
        import onnxruntime
    except ImportError as error:
        raise ModelUnavailable("onnxruntime is not installed") from error
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = _threads
    options.inter_op_num_threads = 1
    options.log_severity_level = 3
    source = model if isinstance(model, bytes) else str(model)
    return onnxruntime.InferenceSession(source, sess_options=options, providers=["CPUExecutionProvider"])


def cache_dir() -> Path:
    """Where derived model files are kept between runs (never anything downloaded)."""
    from auditor.cache import CACHE_ENV

    override = os.environ.get(CACHE_ENV)
    if override:
        return Path(override) / "vision-models"
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("offduty", appauthor=False)) / "vision-models"


def once_per_process(load: Callable[[], T]) -> Callable[[], T]:
    """Wrap a loader so it runs at most once per process (thread-safe); a failure is remembered, not retried."""
    lock = threading.Lock()
    state: dict[str, object] = {}

    @wraps(load)
    def get() -> T:
        if "value" not in state and "error" not in state:
            with lock:
                if "value" not in state and "error" not in state:
                    try:
                        state["value"] = load()
                    except ModelUnavailable as error:
                        state["error"] = error
        if "error" in state:
            raise state["error"]  # type: ignore[misc]
        return state["value"]  # type: ignore[return-value]

    def forget() -> None:
        state.clear()

    get.forget = forget  # type: ignore[attr-defined]
    return get


def check_rgb(image: np.ndarray) -> None:
    """Extractors take the imagery stage's decoded RGB arrays; anything else is a caller's mistake."""
    if not isinstance(image, np.ndarray) or image.ndim != 3 or image.shape[2] != 3 or image.dtype != np.uint8:
        raise ValueError("expected an RGB image as a height x width x 3 array of uint8")
    if image.shape[0] < 2 or image.shape[1] < 2:
        raise ValueError(f"the image is too small to look at ({image.shape[1]} x {image.shape[0]} px)")


def reduce_to(image: np.ndarray, max_side: int) -> tuple[np.ndarray, float]:
    """The image scaled down so its longer side is at most `max_side`, and the factor used."""
    longest = max(image.shape[:2])
    if longest <= max_side:
        return image, 1.0
    import cv2

    factor = max_side / longest
    size = (max(1, round(image.shape[1] * factor)), max(1, round(image.shape[0] * factor)))
    return cv2.resize(image, size, interpolation=cv2.INTER_AREA), factor
