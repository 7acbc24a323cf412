"""The imagery stage: what the pictures of an export show, for the checks that look at images.

It runs after the connectors and before the analyzers, while the audit's workspace is still open.
Each image is opened through the workspace, decoded once at a bounded size (`imagery.decode`), and
handed to every registered extractor (`imagery.base.Extractor`); their results together are one
`auditor.model.VisualFeatures` per image. Results are cached by the image's content, like the media
pass's. A new kind of look at images (words, faces, uniforms ...) is one new module here that
registers an extractor and the `VisualFeatures` fields it fills.
"""

from .base import VisionSettings
from .stage import ImageryRun, ImageryScope, examine_images, images_to_examine, vision_settings

__all__ = ["ImageryRun", "ImageryScope", "VisionSettings", "examine_images", "images_to_examine", "vision_settings"]
