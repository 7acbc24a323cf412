"""One bounded decode per image, and a clear reason for every image that cannot be decoded."""

import pytest
from PIL import Image

from imagery.decode import MAX_SIDE, ImageProblem, decode
from samplegen import builders


def test_a_large_jpeg_is_decoded_small_and_keeps_its_stored_size():
    picture = decode(builders.encoded(builders.portrait(1, 2000), quality=90), "big.jpg")
    assert (picture.width, picture.height) == (2000, 2000)
    assert max(picture.image.size) <= MAX_SIDE and picture.image.mode == "RGB"


def test_png_with_transparency_and_palette_images_become_rgb():
    image = builders.portrait(2, 300).convert("RGBA")
    picture = decode(builders.encoded(image, "PNG"), "a.png")
    assert picture.image.mode == "RGB" and picture.image.size == (300, 300)
    picture = decode(builders.encoded(builders.portrait(3, 100).convert("P"), "GIF"), "a.gif")
    assert picture.image.mode == "RGB"


@pytest.mark.parametrize("data, reason", [
    (b"", "empty"),
    (b"not an image at all", "not an image format"),
    (builders.encoded(builders.portrait(4), quality=80)[:600], "damaged or cut short"),
])
def test_unreadable_images_say_why(data, reason):
    with pytest.raises(ImageProblem, match=reason):
        decode(data, "bad.jpg")


def test_a_decompression_bomb_is_refused_not_decoded(monkeypatch):
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 100 * 100)
    with pytest.raises(ImageProblem, match="too large"):
        decode(builders.encoded(builders.portrait(5, 150), "PNG"), "huge.png")
