"""Agency references are found pasted, turned, scaled and mirrored into real photos, and not where absent."""

import numpy as np
import pytest
import yaml
from PIL import Image

from imagery import insignia
from imagery.types import InsigniaKind
from tests.imagery.conftest import need, skimage_photo


@pytest.fixture(scope="module")
def cv2():
    return need("cv2")


@pytest.fixture(scope="module")
def logo_rgba() -> np.ndarray:
    need("skimage.data")
    from skimage import data

    return data.logo()  # scikit-image's logo, 500 x 500 RGBA


@pytest.fixture(scope="module")
def prepared(cv2, logo_rgba):
    reference = insignia.ReferenceImage(
        "department-logo", InsigniaKind.LOGO, np.ascontiguousarray(logo_rgba[:, :, :3]), (logo_rgba[:, :, 3] > 127).astype(np.uint8) * 255
    )
    return insignia.prepare_references([reference])


def pasted(cv2, background: np.ndarray, rgba: np.ndarray, scale: float, angle: float, mirror: bool = False) -> tuple[np.ndarray, tuple[float, float]]:
    """The logo turned and scaled onto the background, saved as a JPEG of quality 75; and where its centre is."""
    if mirror:
        rgba = rgba[:, ::-1]
    height, width = rgba.shape[:2]
    turn = cv2.getRotationMatrix2D((width / 2, height / 2), angle, scale)
    cos, sin = abs(turn[0, 0]), abs(turn[0, 1])
    out_w, out_h = int(height * sin + width * cos), int(height * cos + width * sin)
    turn[0, 2] += out_w / 2 - width / 2
    turn[1, 2] += out_h / 2 - height / 2
    layer = cv2.warpAffine(np.ascontiguousarray(rgba), turn, (out_w, out_h), flags=cv2.INTER_AREA, borderValue=(0, 0, 0, 0))
    photo = background.copy()
    top, left = (photo.shape[0] - out_h) // 3, (photo.shape[1] - out_w) // 2
    alpha = layer[:, :, 3:4] / 255.0
    region = photo[top : top + out_h, left : left + out_w]
    photo[top : top + out_h, left : left + out_w] = (region * (1 - alpha) + layer[:, :, :3] * alpha).astype(np.uint8)
    ok, encoded = cv2.imencode(".jpg", photo[:, :, ::-1], [cv2.IMWRITE_JPEG_QUALITY, 75])
    return np.ascontiguousarray(cv2.imdecode(encoded, cv2.IMREAD_COLOR)[:, :, ::-1]), (left + out_w / 2, top + out_h / 2)


@pytest.fixture(scope="module")
def background(cv2) -> np.ndarray:
    return cv2.resize(skimage_photo("astronaut"), (1400, 1400))


@pytest.mark.parametrize("scale, angle", [(0.6, 25), (0.3, -40), (1.0, 90)])
def test_finds_the_pasted_turned_scaled_logo(cv2, prepared, logo_rgba, background, scale, angle):
    photo, (centre_x, centre_y) = pasted(cv2, background, logo_rgba, scale, angle)
    [match] = insignia.match_references(photo, prepared)
    assert match.reference_id == "department-logo" and match.kind is InsigniaKind.LOGO and not match.mirrored
    assert match.inliers >= insignia.MIN_INLIERS
    quad = np.array(match.quad)
    assert np.hypot(*(quad.mean(axis=0) - (centre_x, centre_y))) < 40  # the outline sits on the logo
    assert match.scale == pytest.approx(scale * 500 / 400, rel=0.2)  # references are prepared at 400 px


@pytest.mark.parametrize("name, scale, angle", [("coffee", 0.5, 33), ("astronaut", 0.5, 0)])
def test_many_to_one_matches_do_not_collapse_the_outline(cv2, prepared, logo_rgba, name, scale, angle):
    # Both once failed: many logo points matched one photo point and RANSAC shrank the outline to a dot.
    photo, _ = pasted(cv2, cv2.resize(skimage_photo(name), (1600, 1066)), logo_rgba, scale, angle)
    [match] = insignia.match_references(photo, prepared)
    assert match.scale == pytest.approx(scale * 500 / 400, rel=0.2)


def test_finds_a_mirrored_logo(cv2, prepared, logo_rgba, background):
    photo, _ = pasted(cv2, background, logo_rgba, 0.5, 0, mirror=True)
    [match] = insignia.match_references(photo, prepared)
    assert match.mirrored


@pytest.mark.parametrize("name", ["astronaut", "coffee", "chelsea", "rocket", "camera"])
def test_nothing_on_photos_without_the_logo(prepared, name):
    assert insignia.match_references(skimage_photo(name), prepared) == ()


def test_another_picture_pasted_in_the_same_place_is_not_the_logo(cv2, prepared, background):
    stranger = np.dstack([cv2.resize(skimage_photo("coffee"), (500, 500)), np.full((500, 500), 255, np.uint8)])
    photo, _ = pasted(cv2, background, stranger, 0.6, 25)
    assert insignia.match_references(photo, prepared) == ()


def test_prepared_references_pickle_for_worker_processes(prepared):
    import pickle

    copies = pickle.loads(pickle.dumps(prepared))
    assert [(copy.id, copy.mirrored, len(copy.points)) for copy in copies] == [(p.id, p.mirrored, len(p.points)) for p in prepared]


def test_loads_a_reference_folder_with_alpha_masks(tmp_path, logo_rgba):
    cut_out = logo_rgba.copy()
    cut_out[:100, :100, 3] = 0  # a transparent corner, as a shaped patch would have
    Image.fromarray(cut_out).save(tmp_path / "logo.png")
    Image.fromarray(np.ascontiguousarray(logo_rgba[:, :, :3])).save(tmp_path / "badge.jpg")
    (tmp_path / "references.yaml").write_text(
        yaml.safe_dump({"references": [{"id": "logo", "kind": "logo", "path": "logo.png"}, {"id": "badge", "kind": "badge", "path": "badge.jpg"}]})
    )
    logo, badge = insignia.load_reference_folder(tmp_path)
    assert (logo.id, logo.kind, badge.kind) == ("logo", InsigniaKind.LOGO, InsigniaKind.BADGE)
    assert logo.mask is not None and logo.mask.shape == (500, 500) and badge.mask is None
    assert logo.mask[0, 0] == 0 and logo.mask[250, 250] == 255
    assert logo.image.shape == (500, 500, 3)


@pytest.mark.parametrize(
    "listing, message",
    [
        ([{"id": "x", "kind": "sticker", "path": "x.png"}], "kind must be one of"),
        ([{"id": "x", "path": "x.png"}], "needs an id, a kind and a path"),
        ([{"id": "x", "kind": "patch", "path": "missing.png"}], "could not open"),
    ],
)
def test_a_bad_reference_list_says_what_is_wrong(tmp_path, listing, message):
    (tmp_path / "references.yaml").write_text(yaml.safe_dump(listing))
    with pytest.raises(ValueError, match=message):
        insignia.load_reference_folder(tmp_path)


def test_a_featureless_reference_is_skipped():
    plain = insignia.ReferenceImage("blank", InsigniaKind.PATCH, np.full((300, 300, 3), 128, np.uint8))
    assert insignia.prepare_references([plain]) == ()
