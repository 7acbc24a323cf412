"""Frames of a video, taken for the same looks a photo gets: the first frame, the middle one, and one every
few seconds, at most `MAX_FRAMES` per clip, each decoded to a `Picture` at the size photos are examined at.

OpenCV reads videos only from a path: a file of a folder export is read where it lies; a member of an archive
is written to a private temporary folder (mode 0700) and deleted as soon as its frames are taken.
"""

from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import numpy as np
from PIL import Image

from auditor.photo_merge import clip_time

from .base import Picture
from .decode import MAX_SIDE

MAX_FRAMES = 8
SECONDS_BETWEEN_FRAMES = 5.0
# A minute of 4K phone video is about 400 MB; larger clips are skipped, with the reason. (A clip in a compressed
# tar is held in memory once while its frames are taken, so this also bounds the memory a video costs.)
MAX_VIDEO_BYTES = 512 * 2**20
VERSION = "1"

# FFmpeg prints every damaged packet to the terminal; a damaged clip is reported once, in the audit's own words.
os.environ.setdefault("OPENCV_FFMPEG_LOGLEVEL", "-8")


class VideoProblem(Exception):
    """A video that cannot be examined; the message says why, for the person running the audit."""


@dataclass(frozen=True, slots=True)
class Frame:
    at: float  # seconds from the start of the clip
    picture: Picture


def frame_times(duration: float, every: float = SECONDS_BETWEEN_FRAMES, limit: int = MAX_FRAMES) -> list[float]:
    """The first frame, the middle one and one every `every` seconds, thinned evenly to at most `limit`
    (the first and the middle are always kept)."""
    if duration <= 0:
        return [0.0]
    middle = round(duration / 2, 2)
    regular = [round(k * every, 2) for k in range(1, int(duration / every) + 1) if k * every < duration]
    others = sorted(set(regular) - {0.0, middle})
    room = max(0, limit - 2)
    if len(others) > room:
        others = [others[round(i * (len(others) - 1) / (room - 1))] for i in range(room)] if room > 1 else others[:room]
    return sorted({0.0, middle, *others})


def too_large(size: int) -> str:
    """The problem to report for a clip of `size` bytes, or "" when it can be examined."""
    if size > MAX_VIDEO_BYTES:
        return (f"the video is larger than {MAX_VIDEO_BYTES // 2**20} MB ({size / 2**20:,.0f} MB), so its frames were not "
                "looked at")
    return ""


@contextmanager
def file_for(path: Path | None, data: bytes | None, member: str) -> Iterator[Path]:
    """A path OpenCV can open: the file itself when it is on disk, otherwise a private copy of `data`."""
    if path is not None:
        yield path
        return
    with tempfile.TemporaryDirectory(prefix="offduty-video-") as folder:  # created 0700
        copy = Path(folder) / ("clip" + os.path.splitext(member)[1].lower())
        copy.write_bytes(data or b"")
        yield copy


def read_frames(path: Path, member: str) -> list[Frame]:
    """The sampled frames of the video at `path`, turned the way the clip is shown."""
    import cv2

    if not path.is_file() or path.stat().st_size == 0:
        raise VideoProblem("the video file is empty (0 bytes)")
    quiet = cv2.utils.logging.getLogLevel()
    cv2.utils.logging.setLogLevel(cv2.utils.logging.LOG_LEVEL_SILENT)
    capture = cv2.VideoCapture(str(path), cv2.CAP_FFMPEG)
    try:
        if not capture.isOpened():
            raise VideoProblem("this video could not be opened (it is damaged, or in a format offduty cannot read)")
        capture.set(cv2.CAP_PROP_ORIENTATION_AUTO, 1)  # turn phone clips filmed upright the way they are shown
        fps = capture.get(cv2.CAP_PROP_FPS) or 0.0
        count = int(capture.get(cv2.CAP_PROP_FRAME_COUNT) or 0)
        duration = count / fps if fps > 0 and count > 0 else 0.0
        frames: list[Frame] = []
        for at in frame_times(duration):
            if fps > 0 and count > 0:
                capture.set(cv2.CAP_PROP_POS_FRAMES, min(count - 1, round(at * fps)))
            ok, pixels = capture.read()
            if ok and pixels is not None and pixels.size:
                frames.append(Frame(at, _picture(pixels, f"{member} at {clip_time(at)}")))
            if duration == 0.0:
                break  # no timing to seek by: the first frame is all that can be placed
    except cv2.error as exc:
        raise VideoProblem(f"the video is damaged or cut short ({str(exc).strip()[:120]})") from exc
    finally:
        capture.release()
        cv2.utils.logging.setLogLevel(quiet)
    if not frames:
        raise VideoProblem("no frame of this video could be decoded (it is damaged, cut short, or in a format offduty "
                           "cannot read)")
    return frames


def _picture(bgr: np.ndarray, member: str) -> Picture:
    import cv2

    rgb = cv2.cvtColor(bgr, cv2.COLOR_BGR2RGB)
    image = Image.fromarray(rgb)
    width, height = image.size
    image.thumbnail((MAX_SIDE, MAX_SIDE))
    pixels = np.asarray(image)
    pixels.flags.writeable = False  # shared by every extractor
    return Picture(image=image, width=width, height=height, member=member, pixels=pixels)

