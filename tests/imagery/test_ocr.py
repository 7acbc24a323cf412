"""The text reader reads words drawn on a real photo, says where they are, and keeps to its time budget."""

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from imagery import ocr
from tests.imagery.conftest import bundled_font, need


@pytest.fixture(scope="module", autouse=True)
def rapidocr_installed():
    need("rapidocr")
    need("onnxruntime")


def drawn(photo: np.ndarray, words: list[tuple[str, tuple[int, int], int]]) -> np.ndarray:
    picture = Image.fromarray(photo)
    draw = ImageDraw.Draw(picture)
    for word, (x, y), size in words:
        font = ImageFont.truetype(str(bundled_font()), size)
        draw.text((x, y), word, font=font, fill=(255, 255, 255), stroke_width=2, stroke_fill=(20, 20, 90))
    return np.asarray(picture)


def test_reads_words_drawn_on_a_photo_and_locates_them(coffee):
    photo = drawn(coffee, [("POLICE", (40, 30), 48), ("SHERIFF", (300, 330), 32)])
    reads = ocr.read_text(photo)
    texts = {read.text.upper(): read for read in reads}
    assert "POLICE" in texts and "SHERIFF" in texts, reads
    police = texts["POLICE"]
    assert police.confidence > 0.9
    assert police.box.left < 60 and police.box.top < 50 and police.box.right > 150
    assert 30 <= police.height <= 90
    assert texts["SHERIFF"].box.top > 300


def test_boxes_are_in_the_pixels_of_the_image_given_even_when_it_is_reduced(coffee):
    big = np.asarray(Image.fromarray(drawn(coffee, [("DEPUTY", (200, 150), 44)])).resize((2400, 1600)))
    [deputy] = [read for read in ocr.read_text(big) if "DEPUTY" in read.text.upper()]
    assert 700 < deputy.box.left < 900 and 500 < deputy.box.top < 700


def test_no_words_on_a_photo_without_text(astronaut):
    words = {word.upper() for read in ocr.read_text(astronaut) for word in read.text.split()}
    assert not words & {"POLICE", "SHERIFF", "DEPUTY"}


def test_the_largest_lines_are_read_even_when_the_time_budget_is_spent(coffee):
    photo = drawn(coffee, [("DISPATCH", (40, 30), 40)])
    scan = ocr.read_text_scan(photo, time_budget_s=0.0)  # the first batch is always read; the budget stops the rest
    assert scan.regions_read == scan.regions_found == 1 and [r.text for r in scan.reads] == ["DISPATCH"]


def test_refuses_what_is_not_an_rgb_image():
    with pytest.raises(ValueError, match="RGB"):
        ocr.read_text(np.zeros((20, 20), dtype=np.uint8))
