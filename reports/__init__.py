"""Reports: one self-contained HTML file, findings.json and findings.csv, written owner-only (0600)."""

from .writer import write_reports

__all__ = ["write_reports"]
