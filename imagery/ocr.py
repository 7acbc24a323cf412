"""Text in a photo (badge and patch lettering, vehicle livery, signs, screens), with RapidOCR's PP-OCR models.

The det/cls/rec ONNX models ship in the `rapidocr` wheel. Finding text regions is the expensive step on a
full-size photo, so regions are found on a copy reduced to `DETECTION_MAX_SIDE`, and only the regions found
are cut from the image as given (sharper) and read. The largest regions are read first, and reading stops
at `MAX_REGIONS` or when `TIME_BUDGET_S` is spent, so a screenshot full of small text cannot stall the
audit; `read_text_scan` says when that happened.

Model paths are always passed explicitly: RapidOCR would otherwise try to download a missing model.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import Any

import numpy as np

from auditor.model import Box, TextRead, TextScan
from imagery.base import Extractor, Picture, register
from imagery.models import ModelUnavailable, check_rgb, once_per_process, reduce_to, threads

# Text of 12 px capitals in a 2,000 px photo is still about 10 px at 1,600, which the recogniser reads;
# beyond that the crops gain nothing and the copy costs time.
PREFERRED_MAX_SIDE = 1600
# Measured on 1,600 px photos with words drawn straight onto them (no label behind): at 960 the detector
# found 17 of 18 words with 12 px capitals, at 640 only 12 of 18, for about half the time.
DETECTION_MAX_SIDE = 960
MAX_REGIONS = 40
TIME_BUDGET_S = 3.0
MIN_CONFIDENCE = 0.5
BATCH = 6


def read_text(image: np.ndarray) -> tuple[TextRead, ...]:
    """The lines of text read in an RGB uint8 image, largest first."""
    return read_text_scan(image).reads


def read_text_scan(
    image: np.ndarray, time_budget_s: float = TIME_BUDGET_S, detection_max_side: int = DETECTION_MAX_SIDE
) -> TextScan:
    """What was read, and how many regions were found and read (fewer at the region cap or when the budget ran out).

    A smaller `detection_max_side` (e.g. 640) halves the time and misses more small text.
    """
    from rapidocr.ch_ppocr_rec import TextRecInput
    from rapidocr.utils.process_img import get_rotate_crop_image

    check_rgb(image)
    detector, classifier, recogniser = _models()  # loaded before the clock starts: the first photo must not pay for it
    started = time.perf_counter()
    working, factor = reduce_to(image, PREFERRED_MAX_SIDE)
    bgr = np.ascontiguousarray(working[:, :, ::-1])
    detector.limit_side_len = detection_max_side  # read by the detector's preprocessing on every call
    found = detector(bgr)
    if found.boxes is None or len(found.boxes) == 0:
        return TextScan(reads=(), regions_found=0, regions_read=0)
    quads = [np.asarray(quad, dtype=np.float32) for quad in found.boxes]
    quads.sort(key=_line_height, reverse=True)
    chosen = quads[:MAX_REGIONS]
    reads: list[TextRead] = []
    read_count = 0
    stopped = len(quads) > MAX_REGIONS
    for start in range(0, len(chosen), BATCH):
        if start and time.perf_counter() - started > time_budget_s:  # the largest lines are always read
            stopped = True
            break
        batch = chosen[start : start + BATCH]
        crops = [get_rotate_crop_image(bgr, quad.copy()) for quad in batch]
        crops = classifier(crops).img_list or crops
        recognised = recogniser(TextRecInput(img=crops))
        read_count += len(batch)
        for quad, text, score in zip(batch, recognised.txts or (), recognised.scores):
            text = text.strip()
            if text and score >= MIN_CONFIDENCE:
                reads.append(_text_read(text, float(score), quad / factor))
    return TextScan(reads=tuple(reads), regions_found=len(quads), regions_read=read_count, stopped_early=stopped)


def _line_height(quad: np.ndarray) -> float:
    return float(max(np.linalg.norm(quad[3] - quad[0]), np.linalg.norm(quad[2] - quad[1])))


def _text_read(text: str, confidence: float, quad: np.ndarray) -> TextRead:
    corners = tuple((round(float(x), 1), round(float(y), 1)) for x, y in quad[:4])
    return TextRead(text=text, confidence=round(confidence, 4), box=Box.around(corners), quad=corners)  # type: ignore[arg-type]


@once_per_process
def _models():
    try:
        import rapidocr
        from rapidocr import RapidOCR
        from rapidocr.utils.log import logger as rapidocr_logger
    except ImportError as error:
        raise ModelUnavailable("rapidocr is not installed") from error
    rapidocr_logger.setLevel(logging.ERROR)
    model_dir = Path(rapidocr.__file__).parent / "models"
    params = {
        "Global.log_level": "error",
        "Det.model_path": str(_one_model(model_dir, "det")),
        "Cls.model_path": str(_one_model(model_dir, "cls")),
        "Rec.model_path": str(_one_model(model_dir, "rec")),
        "Det.limit_type": "max",  # the default ("min", 736) enlarges small images and never reduces large ones
        "Det.limit_side_len": DETECTION_MAX_SIDE,
        "EngineConfig.onnxruntime.intra_op_num_threads": threads(),
        "EngineConfig.onnxruntime.inter_op_num_threads": 1,
    }
    engine = RapidOCR(params=params)
    # RapidOCR's own __call__ cannot stop part-way; its three stages are used directly instead.
    return engine._load_det_model(), engine._load_cls_model(), engine._load_rec_model()


def _one_model(model_dir: Path, task: str) -> Path:
    candidates = sorted(model_dir.glob(f"*_{task}_*.onnx"))
    if not candidates:
        raise ModelUnavailable(f"RapidOCR's {task} model is missing from {model_dir} (it must ship in the wheel)")
    return candidates[-1]


# In the audit the text reader gets the stage's copy (at most 1,024 px) and finds regions at this size. On a third of
# the training split, 640 px took half the time of 960 (0.7 s against 1.4 s a photo for every extractor, 2 workers)
# with police-word recall 0.70 against 0.63 and precision 0.79 against 0.96; paperwork recall 0.78 against 0.74.
AUDIT_DETECTION_MAX_SIDE = 640
# No clock in the audit: a time budget made what was read depend on how busy the computer was (two runs of the
# same export gave different findings under load). MAX_REGIONS bounds the work instead, the same on every machine.
AUDIT_TIME_BUDGET_S = float("inf")


@register
class TextReader(Extractor):
    name = "text"

    @property
    def version(self) -> str:  # type: ignore[override]
        return f"2.{AUDIT_DETECTION_MAX_SIDE}"
    fields = ("text", "text_stopped_early")
    cost = 0.8

    def extract(self, picture: Picture) -> dict[str, Any]:
        scan = read_text_scan(picture.array, time_budget_s=AUDIT_TIME_BUDGET_S, detection_max_side=AUDIT_DETECTION_MAX_SIDE)
        return {"text": scan.reads, "text_stopped_early": scan.stopped_early}
