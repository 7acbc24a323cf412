"""Write the three report files. They are a dossier on the officer: owner-only permissions."""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

from auditor.pipeline import AuditResult, authors_by_item

from .html import render_html
from .serialize import CSV_FIELDS, finding_row, result_dict

PRIVATE_FILE = 0o600
PRIVATE_DIR = 0o700


def _write_private(path: Path, text: str) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE_FILE)
    with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
        handle.write(text)
    os.chmod(path, PRIVATE_FILE)  # in case the file existed with wider permissions


def write_reports(result: AuditResult, out_dir: Path, redact: bool = False) -> dict[str, Path]:
    out_dir.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR)
    paths = {name: out_dir / name for name in ("report.html", "findings.json", "findings.csv")}
    _write_private(paths["findings.json"], json.dumps(result_dict(result, redact), indent=2, ensure_ascii=False))
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_FIELDS)
    writer.writeheader()
    authors = authors_by_item(result.items)
    for finding in result.findings:
        writer.writerow(finding_row(finding, redact, authors))
    _write_private(paths["findings.csv"], buffer.getvalue())
    _write_private(paths["report.html"], render_html(result, redact))
    return paths
