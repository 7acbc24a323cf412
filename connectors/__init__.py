"""Connectors read platform data exports (folders, .zip, .tar.gz) into offduty's typed model.

They never judge content: that is the auditor's job.
"""

from .discover import PlannedInput, RejectedInput, discover_inputs
from .registry import all_connectors

__all__ = ["PlannedInput", "RejectedInput", "all_connectors", "discover_inputs"]
