"""Connectors read platform data exports (folders, .zip, .tar.gz) into offduty's typed model.

They never judge content: that is the auditor's job.
"""

from .base import ReadSession
from .discover import PlannedInput, RejectedInput, discover_inputs
from .registry import all_connectors
from .sources import Workspace

__all__ = ["PlannedInput", "ReadSession", "RejectedInput", "Workspace", "all_connectors", "discover_inputs"]
