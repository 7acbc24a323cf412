"""The fingerprint recognises one picture across re-encoding, resizing and slight crops, and keeps
different pictures apart; the threshold linked_identities uses is held to these measurements."""

import itertools

import pytest
from PIL import Image, ImageEnhance

from auditor.analyzers.linked_identities import MIN_DETAIL, SAME_PHOTO_BITS
from auditor.model import MediaRef, VisualFeatures
from imagery.decode import decode
from imagery.fingerprint import Fingerprint
from samplegen import builders


def features(data: bytes) -> VisualFeatures:
    return VisualFeatures(MediaRef("0:test", "x.jpg"), **Fingerprint().extract(decode(data, "x.jpg")))


def real_photos() -> list[Image.Image]:
    """Two real photographs that ship with scikit-learn, each cut into differently placed views."""
    from sklearn.datasets import load_sample_image

    views = []
    for name in ("china.jpg", "flower.jpg"):
        image = Image.fromarray(load_sample_image(name))
        w, h = image.size
        for x, y in ((0, 0), (w // 3, 0), (0, h // 3), (w // 3, h // 3)):
            views.append(image.crop((x, y, x + 2 * w // 3, y + 2 * h // 3)).resize((400, 400)))
    return views


PICTURES = [builders.portrait(seed, 400) for seed in range(8)] + real_photos()


def copies(image: Image.Image) -> dict[str, bytes]:
    w, h = image.size
    return {
        "re-saved at quality 40": builders.encoded(image, quality=40),
        "half size": builders.encoded(image.resize((w // 2, h // 2)), quality=75),
        "quarter size": builders.encoded(image.resize((w // 4, h // 4)), quality=75),
        "larger": builders.encoded(image.resize((w * 3 // 2, h * 3 // 2)), quality=85),
        "PNG": builders.encoded(image, "PNG"),
        "WebP": builders.encoded(image.resize((200, 200)), "WEBP", quality=60),
        "15 % brighter": builders.encoded(ImageEnhance.Brightness(image).enhance(1.15), quality=80),
        "3 % cropped off each side": builders.encoded(image.crop((w * 3 // 100, h * 3 // 100, w * 97 // 100, h * 97 // 100)), quality=80),
    }


@pytest.mark.parametrize("index", range(len(PICTURES)))
def test_copies_of_a_picture_match(index):
    original = features(builders.encoded(PICTURES[index], quality=85))
    distances = {name: original.hash_distance(features(data)) for name, data in copies(PICTURES[index]).items()}
    assert all(d <= SAME_PHOTO_BITS for d in distances.values()), distances


def test_different_pictures_do_not_match():
    hashes = [features(builders.encoded(p, quality=85)) for p in PICTURES]
    closest = min(a.hash_distance(b) for a, b in itertools.combinations(hashes, 2))
    assert closest > SAME_PHOTO_BITS + 4, closest  # a margin: measured 22 or more on these


def test_a_flat_picture_has_no_detail_and_a_drawn_one_has():
    flat = features(builders.jpeg(color=(190, 160, 140)))
    assert flat.detail < MIN_DETAIL and flat.perceptual_hash == features(builders.jpeg(color=(20, 90, 200))).perceptual_hash
    assert features(builders.encoded(builders.portrait(1), quality=85)).detail >= MIN_DETAIL
    assert len(flat.perceptual_hash) == 16  # 64 bits as hex
