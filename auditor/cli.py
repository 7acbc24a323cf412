"""The `offduty` command: a thin layer over auditor.pipeline.run_audit and reports.write_reports."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Table

from auditor import __version__

app = typer.Typer(add_completion=False, pretty_exceptions_enable=False, no_args_is_help=True,
                  help="Audit your own social-media data exports against your agency's personal-use policy. "
                       "Everything runs on this computer; nothing is sent anywhere.")
err = Console(stderr=True, soft_wrap=True)
out = Console(soft_wrap=True)


@app.command()
def audit(
    paths: list[Path] = typer.Argument(..., help="Export folders, .zip or .tar.gz archives, or photo folders.",
                                       show_default=False),
    out_dir: Path = typer.Option(Path("offduty-report"), "--out", "-o", help="Folder for report.html, findings.json and findings.csv."),
    profile: Optional[Path] = typer.Option(None, "--profile", "-p", help="Agency profile (YAML): agency names, stations, roster, undercover."),
    redact: bool = typer.Option(False, "--redact", help="Round coordinates in the report to about 1 km (for sharing with a trainer)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar; print only the report path."),
) -> None:
    """Read the exports, check them, and write the report."""
    from auditor.pipeline import run_audit
    from auditor.policy import PolicyError
    from auditor.profile import ProfileError
    from reports import write_reports

    progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), console=err,
                        transient=True, disable=quiet)
    tasks: dict[str, int] = {}

    def report(what: str, done: int, total: int) -> None:
        if what not in tasks:
            tasks[what] = progress.add_task(what, total=total)
        progress.update(tasks[what], completed=done, total=total)

    try:
        with progress:
            result = run_audit(list(paths), profile, report)
    except (ProfileError, PolicyError) as exc:
        err.print(f"[red]The agency profile could not be used:[/red] {exc}")
        raise typer.Exit(2)
    if result.readable_inputs == 0:
        err.print("[red]Nothing readable was given.[/red] offduty reads Facebook, Instagram and X exports "
                  "(folder or .zip) and folders of photos.")
        for item in result.inputs:
            err.print(f"  {item.path}: {item.reason}")
        raise typer.Exit(2)
    try:
        written = write_reports(result, out_dir, redact=redact)
    except OSError as exc:
        err.print(f"[red]The report could not be written to {out_dir}:[/red] {exc.strerror or exc}. Choose another folder with --out.")
        raise typer.Exit(2)
    if quiet:
        out.print(str(written["report.html"]))
        return
    _summary(result, written["report.html"])


def _summary(result, report_path: Path) -> None:  # type: ignore[no-untyped-def]
    counts = Counter(f.severity.value for f in result.findings)
    table = Table(title="offduty audit", show_header=True, header_style="bold")
    table.add_column("Input")
    table.add_column("Read as")
    table.add_column("Items", justify="right")
    for item in result.inputs:
        table.add_row(item.path, item.platform if item.status == "read" else f"not read: {item.reason}",
                      str(item.items) if item.status == "read" else "")
    out.print(table)
    out.print(f"Findings: [bold]{len(result.findings)}[/bold]  (high {counts.get('high', 0)}, medium "
              f"{counts.get('medium', 0)}, low {counts.get('low', 0)}, info {counts.get('info', 0)})")
    if result.unreadable:
        out.print(f"[yellow]{len(result.unreadable)} file(s) could not be read[/yellow]: listed in the report.")
    out.print(f"Report: [bold]{report_path.resolve()}[/bold]  (open it in your browser; it stays on this computer)")


@app.command()
def doctor() -> None:
    """Show what offduty can read and check on this computer."""
    from auditor.analyzers.registry import all_analyzers
    from auditor.pipeline import detector_accuracy
    from connectors import all_connectors

    out.print(f"offduty {__version__} on Python {sys.version.split()[0]}")
    table = Table("Connector", "Platform")
    for connector in all_connectors().values():
        table.add_row(connector.name, connector.title)
    out.print(table)
    accuracy = detector_accuracy()
    checks = Table("Check", "Measured precision", "Measured recall")
    for analyzer in all_analyzers().values():
        figures = accuracy.get(analyzer.name) or {}
        fmt = lambda v: "not measured" if v is None else f"{v * 100:.0f}%"  # noqa: E731
        checks.add_row(analyzer.name, fmt(figures.get("precision")), fmt(figures.get("recall")))
    out.print(checks)
    try:
        import pillow_heif  # noqa: F401

        out.print("HEIC photos: supported")
    except ImportError:
        out.print("HEIC photos: [yellow]pillow-heif missing; HEIC files will be listed as unreadable[/yellow]")


@app.command()
def version() -> None:
    """Print the version."""
    out.print(__version__)


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        err.print("Stopped.")
        sys.exit(130)
    except Exception as exc:  # never show a traceback to the person running the audit
        err.print(f"[red]offduty stopped on an unexpected problem:[/red] {type(exc).__name__}: {exc}")
        err.print("Please report this (without your data) so that it can be fixed.")
        sys.exit(1)


if __name__ == "__main__":
    main()
