"""End to end through run_audit: a folder of photos built by code, every extractor and imagery check running."""

from __future__ import annotations

import io

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from auditor.pipeline import run_audit
from tests.imagery.conftest import grace_hopper, need, skimage_photo


def font(size: int) -> ImageFont.FreeTypeFont:
    matplotlib = need("matplotlib")
    from pathlib import Path

    return ImageFont.truetype(str(Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans-Bold.ttf"), size)


def jpeg(array: np.ndarray) -> bytes:
    out = io.BytesIO()
    Image.fromarray(array).save(out, "JPEG", quality=90)
    return out.getvalue()


def test_a_photo_folder_gives_one_finding_per_photo_with_its_reasons(tmp_path):
    portrait = Image.fromarray(grace_hopper()).resize((768, 1004))
    ImageDraw.Draw(portrait).text((200, 820), "SHERIFF", font=font(80), fill=(255, 255, 255), stroke_width=3,
                                  stroke_fill=(0, 0, 0))
    folder = tmp_path / "camera-roll"
    folder.mkdir()
    (folder / "uniform.jpg").write_bytes(jpeg(np.asarray(portrait)))
    (folder / "hopper.jpg").write_bytes(jpeg(grace_hopper()))  # a face and a naval uniform, no police words
    (folder / "coffee.jpg").write_bytes(jpeg(skimage_photo("coffee")))
    (folder / "broken.jpg").write_bytes(jpeg(skimage_photo("coffee"))[:400])
    result = run_audit([folder], jobs=1, use_cache=False)

    photo_findings = [f for f in result.findings if f.evidence and f.evidence[0].media is not None]
    assert [f.evidence[0].media.member.rsplit("/", 1)[-1] for f in photo_findings] == ["uniform.jpg"]
    finding = photo_findings[0]
    assert finding.title == "A photo that shows you in uniform" and finding.clause == "7b"
    assert "1 face" in finding.reasons and any("SHERIFF" in r for r in finding.reasons)
    assert "SHERIFF" in finding.explanation
    assert len(result.visuals) == 3 and all(v.readable for v in result.visuals.values())
    assert any(o.path.endswith("broken.jpg") for o in result.unreadable)  # the connector already refused it
    imagery_note = next(n for n in result.notes if n.startswith("Images looked at: 3"))
    assert "text" in imagery_note and "reference pictures" in imagery_note
    assert any("a few frames of each video" in n for n in result.notes)
