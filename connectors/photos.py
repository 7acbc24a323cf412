"""A plain folder of photos and videos, or a single photo: every file is an item of its own."""

from __future__ import annotations

from .base import Connector, Rule
from .registry import register


@register
class PhotoFolderConnector(Connector):
    name = "photos"
    platform = "photos"
    title = "photo folder"
    signatures = ()
    rules = (
        Rule(r"\.(jpe?g|tiff?|png|webp|heic|heif|gif|bmp|mp4|mov|m4v|3gp)$", media=True),
        Rule(r"\.(xmp|aae)$", None, "editing sidecar files"),
        Rule(r"(^|/)(thumbs\.db|desktop\.ini)$", None, "operating-system housekeeping files"),
    )
