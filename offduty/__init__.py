"""offduty: `python -m offduty` runs the same command line as the `offduty` command."""

from auditor import __version__

__all__ = ["__version__"]
