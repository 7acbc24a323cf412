"""Real photographs that ship inside installed packages (scikit-image, matplotlib), and a helper that skips a
test when a vision package is missing, except in CI, where every extractor must run."""

from __future__ import annotations

import importlib
from pathlib import Path

import numpy as np
import pytest

from tests.conftest import IN_CI


def need(module: str):
    """Import a module the test depends on; skip without it (fail in CI)."""
    try:
        return importlib.import_module(module)
    except ImportError:
        if IN_CI:
            pytest.fail(f"{module} must be installed in CI")
        pytest.skip(f"{module} is not installed")


def _rgb(array: np.ndarray) -> np.ndarray:
    if array.ndim == 2:
        array = np.stack([array] * 3, axis=-1)
    return np.ascontiguousarray(array[:, :, :3])


def skimage_photo(name: str) -> np.ndarray:
    data = need("skimage.data")
    return _rgb(getattr(data, name)())


def grace_hopper() -> np.ndarray:
    cbook = need("matplotlib.cbook")
    from PIL import Image

    with Image.open(cbook.get_sample_data("grace_hopper.jpg", asfileobj=False)) as opened:
        return np.asarray(opened.convert("RGB"))


def bundled_font() -> Path:
    """matplotlib's DejaVu Sans Bold: the same glyphs on every machine that has the test dependencies."""
    matplotlib = need("matplotlib")
    return Path(matplotlib.__file__).parent / "mpl-data" / "fonts" / "ttf" / "DejaVuSans-Bold.ttf"


@pytest.fixture(scope="session")
def astronaut() -> np.ndarray:
    return skimage_photo("astronaut")


@pytest.fixture(scope="session")
def coffee() -> np.ndarray:
    return skimage_photo("coffee")


@pytest.fixture(scope="session")
def real_photos() -> dict[str, np.ndarray]:
    photos = {name: skimage_photo(name) for name in ("astronaut", "coffee", "chelsea", "rocket", "camera")}
    photos["motorcycle"] = _rgb(need("skimage.data").stereo_motorcycle()[0])
    photos["grace_hopper"] = grace_hopper()
    return photos
