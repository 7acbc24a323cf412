"""Frames of videos: which are taken, what the looks find in them and when, one finding per video, and a plain
problem (never a traceback) for a clip that cannot be read. The clips are written here with OpenCV."""

from __future__ import annotations

import struct
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw

from auditor.model import MediaRef
from auditor.pipeline import run_audit
from imagery import stage as imagery_stage
from imagery import video
from tests.imagery.conftest import grace_hopper, skimage_photo
from tests.imagery.test_imagery_audit import font

SIZE = (640, 480)


def write_mp4(path: Path, scenes: list[tuple[np.ndarray, float]], fps: int = 10) -> Path:
    """An MPEG-4 clip showing each picture for its number of seconds."""
    cv2 = pytest.importorskip("cv2")
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"mp4v"), fps, SIZE)
    for picture, seconds in scenes:
        frame = cv2.cvtColor(np.asarray(Image.fromarray(picture).resize(SIZE)), cv2.COLOR_RGB2BGR)
        for _ in range(round(seconds * fps)):
            writer.write(frame)
    writer.release()
    return path


def officer_with_sheriff_shirt() -> np.ndarray:
    portrait = Image.fromarray(grace_hopper()).resize(SIZE)
    ImageDraw.Draw(portrait).text((160, 380), "SHERIFF", font=font(60), fill=(255, 255, 255), stroke_width=3,
                                  stroke_fill=(0, 0, 0))
    return np.asarray(portrait)


def sheriff_sign() -> np.ndarray:
    sign = Image.new("RGB", SIZE, (30, 40, 60))
    ImageDraw.Draw(sign).text((150, 200), "SHERIFF", font=font(60), fill=(250, 250, 250))
    return np.asarray(sign)


def rotated_a_quarter_turn(data: bytes) -> bytes:
    """The same clip with the track's display matrix saying "turn 90°", as a phone held upright writes it."""
    clip = bytearray(data)
    at = clip.find(b"tkhd")
    matrix = at + 4 + 4 + (32 if clip[at + 4] == 1 else 20) + 8 + 8
    clip[matrix:matrix + 36] = struct.pack(">9i", 0, 0x10000, 0, -0x10000, 0, 0, 0, 0, 0x40000000)
    return bytes(clip)


def test_frame_times_keep_the_first_and_middle_and_stay_bounded():
    assert video.frame_times(0) == [0.0]
    assert video.frame_times(3) == [0.0, 1.5]
    assert video.frame_times(12) == [0.0, 5.0, 6.0, 10.0]
    long = video.frame_times(600)
    assert len(long) == video.MAX_FRAMES and long[0] == 0.0 and 300.0 in long and long == sorted(long)


def test_a_video_gives_one_finding_naming_the_times_things_were_seen(tmp_path):
    folder = tmp_path / "camera-roll"
    folder.mkdir()
    write_mp4(folder / "shift.mp4", [(officer_with_sheriff_shirt(), 4), (skimage_photo("coffee"), 4), (sheriff_sign(), 4)])
    write_mp4(folder / "coffee.mp4", [(skimage_photo("coffee"), 3)])
    result = run_audit([folder], jobs=1, use_cache=False)

    frames = {ref.member: found for ref, found in result.frames.items()}
    assert [f.frame_at for f in frames["shift.mp4"]] == [0.0, 5.0, 6.0, 10.0]
    assert all(f.readable and f.examined_width == 640 for f in frames["shift.mp4"])
    seen = {f.frame_at: f for f in frames["shift.mp4"]}
    assert len(seen[0.0].faces) == 1 and not seen[10.0].faces
    assert any("SHERIFF" in r.text for r in seen[10.0].text) and not any("SHERIFF" in r.text for r in seen[5.0].text)

    about_videos = [f for f in result.findings if f.evidence and f.evidence[0].media is not None]
    assert [f.evidence[0].media.member for f in about_videos] == ["shift.mp4"]  # one finding; the coffee clip none
    finding = about_videos[0]
    assert finding.title == "A video that shows you in uniform"
    assert "1 face (at 0:00)" in finding.reasons
    assert any("SHERIFF" in r and "0:10" in r for r in finding.reasons)
    assert finding.explanation.startswith("In this video offduty found:") and "few frames" in finding.explanation
    assert any(n.startswith("Videos looked at: 2, 6 frame(s)") for n in result.notes)
    assert not any("frames of videos are not" in n for n in result.notes)


def test_a_clip_in_an_archive_is_read_from_a_private_copy_and_turned_upright(tmp_path):
    clip = write_mp4(tmp_path / "clip.mp4", [(sheriff_sign(), 3)]).read_bytes()
    imagery_stage._start_worker({}, None)
    ref = MediaRef("0:export.zip", "media/clip.mp4")
    _, frames, _ = imagery_stage.examine_video((ref, rotated_a_quarter_turn(clip), None))
    assert [f.frame_at for f in frames] == [0.0, 1.5]
    assert all((f.width, f.height) == (480, 640) and f.readable for f in frames)


def test_a_damaged_or_oversized_video_is_a_plain_problem_and_the_audit_goes_on(tmp_path, monkeypatch):
    folder = tmp_path / "camera-roll"
    folder.mkdir()
    clip = bytearray(write_mp4(folder / "good.mp4", [(skimage_photo("coffee"), 2)]).read_bytes())
    start, end = clip.find(b"mdat") + 4, clip.find(b"moov") - 4
    assert 0 < start < end
    clip[start:end] = bytes(end - start)  # the box structure holds, the pictures inside are gone
    (folder / "damaged.mp4").write_bytes(bytes(clip))
    (folder / "good.mp4").unlink()

    imagery_stage._start_worker({}, None)
    _, frames, _ = imagery_stage.examine_video((MediaRef("0:x", "junk.mov"), b"not a video" * 50, None))
    assert len(frames) == 1 and frames[0].frame_at is None and "could not be opened" in frames[0].problem

    result = run_audit([folder], jobs=1, use_cache=False)
    (damaged,) = result.frames.values()
    assert len(damaged) == 1 and "no frame of this video could be decoded" in damaged[0].problem
    note = next(n for n in result.notes if n.startswith("Videos looked at: 1"))
    assert "1 could not be examined (damaged.mp4: no frame" in note

    monkeypatch.setattr(video, "MAX_VIDEO_BYTES", 100)
    result = run_audit([folder], jobs=1, use_cache=False)
    (skipped,) = result.frames.values()
    assert skipped[0].problem.startswith("the video is larger than") and "not looked at" in skipped[0].problem
