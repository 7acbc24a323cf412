"""Pieces shared by the Facebook and Instagram connectors (both are Meta "Download Your Information")."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from auditor.model import GeoPoint, GeoSource, Media

from .base import ReadContext
from .text import from_unix, valid_coordinates


def exif_records(media_obj: dict[str, Any]) -> list[dict[str, Any]]:
    """Meta's per-photo metadata: a flat `photo_metadata` object (2018–2021) or an `exif_data` list (later)."""
    metadata = media_obj.get("media_metadata") or {}
    records: list[dict[str, Any]] = []
    for key in ("photo_metadata", "video_metadata"):
        block = metadata.get(key)
        if isinstance(block, dict):
            exif = block.get("exif_data")
            if isinstance(exif, list):
                records.extend(r for r in exif if isinstance(r, dict))
            else:
                records.append(block)
    return records


def meta_media(ctx: ReadContext, media_obj: dict[str, Any]) -> Media:
    """A Media from a Meta media object, with the GPS and times Meta kept in the JSON."""
    media = ctx.media(str(media_obj.get("uri", "")))
    for record in exif_records(media_obj):
        coords = valid_coordinates(record.get("latitude"), record.get("longitude"))
        if coords:
            media = media.with_geo(GeoPoint(coords[0], coords[1], GeoSource.META_JSON))
        taken = from_unix(record.get("taken_timestamp"))
        if taken and media.taken_at is None:
            media = replace(media, taken_at=taken)
        if record.get("upload_ip") and not media.upload_ip:
            media = replace(media, upload_ip=str(record["upload_ip"]))
        camera = " ".join(str(record.get(k, "")).strip() for k in ("camera_make", "camera_model")).strip()
        if camera and not media.camera:
            media = replace(media, camera=camera)
    return media


def media_text(media_obj: dict[str, Any]) -> str:
    parts = [str(media_obj.get(k, "")).strip() for k in ("title", "description")]
    return "\n".join(p for p in parts if p)
