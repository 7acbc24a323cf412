"""The `offduty` command: a thin layer over auditor.pipeline.run_audit and reports.write_reports."""

from __future__ import annotations

import os
import sys
from collections import Counter
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Table

from auditor import __version__
from auditor.yamlconfig import ConfigError

app = typer.Typer(add_completion=False, pretty_exceptions_enable=False, no_args_is_help=True,
                  help="Audit your own social-media data exports against your agency's personal-use policy. "
                       "Everything runs on this computer; nothing is sent anywhere.")
profile_commands = typer.Typer(no_args_is_help=True, help="Write a starter agency profile, or check one before an audit.")
app.add_typer(profile_commands, name="profile")
err = Console(stderr=True, soft_wrap=True)
out = Console(soft_wrap=True, highlight=False)

# Words that people type after a flag that takes no value (`--redact true`); they end up read as input paths.
FLAG_VALUES = {"true", "false", "yes", "no", "on", "off", "1", "0"}


def _print_version(requested: bool) -> None:
    if requested:
        out.print(f"offduty {__version__}")
        raise typer.Exit()


@app.callback()
def _options(
    version: bool = typer.Option(False, "--version", callback=_print_version, is_eager=True,
                                 help="Print the version and exit."),
) -> None:
    pass  # the options of `offduty` itself, before the command


@app.command()
def audit(
    paths: list[Path] = typer.Argument(..., help="Export folders, .zip or .tar.gz archives, or photo folders.",
                                       show_default=False),
    out_dir: Path = typer.Option(Path("offduty-report"), "--out", "-o", help="Folder for report.html, findings.json and findings.csv."),
    profile: Optional[Path] = typer.Option(None, "--profile", "-p", help="Agency profile (YAML): agency names, stations, roster, undercover."),
    redact: bool = typer.Option(False, "--redact", help="Round coordinates in the report to about 1 km (for sharing with a trainer)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar; print only the report path."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=1, show_default=False,
                                       help="Worker processes for reading photos and videos (default: one per processor core)."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Do not keep or reuse per-file results in your cache folder "
                                                              "(see `offduty forget`)."),
    no_vision: bool = typer.Option(False, "--no-vision", help="Do not look at the pictures themselves (faster); the report "
                                                                "then says that images were not checked."),
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
            result = run_audit(list(paths), profile, report, jobs=jobs, use_cache=not no_cache, vision=not no_vision)
    except ProfileError as exc:
        _print_config_error("The agency profile could not be used", exc, "Nothing was audited and no report was written.")
        raise typer.Exit(2)
    except PolicyError as exc:
        _print_config_error("The policy file named in the agency profile could not be used", exc,
                            "Nothing was audited and no report was written.")
        raise typer.Exit(2)
    missing = [path for path in paths if not path.exists()]
    if result.readable_inputs == 0:
        err.print("[red]Nothing readable was given.[/red] offduty reads exports from Facebook, Instagram, X, LinkedIn, "
                  "Google, Snapchat, TikTok, Reddit and Mastodon (folder, .zip or .tar.gz) and folders of photos.")
        for item in result.inputs:
            reason = "not found (no such file or folder)" if Path(item.path) in missing else item.reason
            err.print(f"  {item.path}: {reason}", markup=False)
        _hint_flag_values(missing)
        raise typer.Exit(2)
    try:
        written = write_reports(result, out_dir, redact=redact)
    except OSError as exc:
        err.print(f"[red]The report could not be written to {out_dir}:[/red] {exc.strerror or exc}. Choose another folder with --out.")
        raise typer.Exit(2)
    if quiet:
        out.print(str(written["report.html"]))
        return
    _summary(result, written["report.html"], missing)


def _print_config_error(headline: str, exc: ConfigError, consequence: str) -> None:
    err.print(f"[red]{headline}:[/red] {escape(exc.origin)}")
    for problem in exc.problems:
        err.print(f"  - {problem}", markup=False)
    err.print(consequence)


def _hint_flag_values(missing: list[Path], console: Console = err) -> None:
    if any(path.name.lower() in FLAG_VALUES for path in missing):
        console.print("Options such as --redact and --quiet take no value: write --redact, not --redact true.")


def _summary(result, report_path: Path, missing: list[Path]) -> None:  # type: ignore[no-untyped-def]
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
    if missing:
        out.print(f"[yellow]Not found, so not audited:[/yellow] {escape(', '.join(str(p) for p in missing))}")
        _hint_flag_values(missing, out)
    if result.unreadable:
        out.print(f"[yellow]{len(result.unreadable)} file(s) could not be read[/yellow]: listed in the report.")
    if result.profile.is_generic:
        out.print("No agency profile was used: only generic law-enforcement words were checked, not your agency's names, "
                  "stations or coworkers. To add them, run `offduty profile init`, fill in the file, and audit again with "
                  "--profile offduty-profile.yaml.")
    out.print(f"Report: [bold]{report_path.resolve()}[/bold]  (open it in your browser; it stays on this computer)")


@app.command()
def forget() -> None:
    """Delete offduty's cache of per-file results (it holds results such as coordinates, never photos or text)."""
    from auditor.cache import cache_dir
    from auditor.cache import forget as forget_cache

    try:
        removed = forget_cache()
    except OSError as exc:
        err.print(f"[red]The cache folder could not be deleted:[/red] {escape(str(cache_dir()))} ({exc.strerror or exc})")
        raise typer.Exit(2)
    if removed is None:
        out.print(f"There was no cache to delete ({escape(str(cache_dir()))}).")
    else:
        out.print(f"Deleted the cache folder {escape(str(removed))}.")


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
    from imagery.base import all_extractors

    out.print(f"Looks at images with: {', '.join(all_extractors()) or 'nothing'} (--no-vision skips it)")
    from auditor.cache import cache_dir
    from auditor.parallel import default_jobs

    out.print(f"Workers for photos and videos: {default_jobs()} by default (--jobs)")
    out.print(f"Result cache: {escape(str(cache_dir()))} (coordinates, times and image fingerprints only; "
              "`offduty forget` deletes it)")


@app.command()
def version() -> None:
    """Print the version."""
    out.print(__version__)


STARTER_PROFILE = """\
# offduty agency profile. Replace the example values with your own agency's, then check the file with:
#     offduty profile check {name}
# and use it with:  offduty audit YOUR-EXPORTS --profile {name}
# Indent with spaces, never tabs. Everything after a # is a comment. Lists go in [brackets] or one per line after '- '.
agency:
  name: Example County Sheriff's Office    # your agency's full name
  aliases: [Example County Sheriff]       # other names people use for it (any capitals match)
  abbreviations: [ECSO]                   # matched only with these exact capitals
  email_domains: [examplecountyso.gov]    # the part of your work email address after the @
  stations:                               # where you work: photos taken near a station are reported as taken at work
    - name: Headquarters
      lat: 38.8436                        # latitude and longitude in degrees (negative south or west)
      lon: -97.6081
station_radius_m: 300                     # photos within this many metres of a station count as taken there
roster:                                   # coworkers: their names and the user names they use online
  - name: Jane Example
    handles: [jane.example, jexample_ecso]
  - John Example                          # a name alone is fine too
undercover: false                         # true if you work, or may work, undercover: every identifying finding is high
# policy: our-policy.yaml                 # optional: your agency's own policy file, kept next to this profile
"""


@profile_commands.command("init")
def profile_init(
    file: Path = typer.Argument(Path("offduty-profile.yaml"), help="Where to write the starter profile."),
    force: bool = typer.Option(False, "--force", help="Replace the file if it already exists."),
) -> None:
    """Write a commented starter agency profile to fill in."""
    text = STARTER_PROFILE.format(name=file.name)
    flags = os.O_WRONLY | os.O_CREAT | (os.O_TRUNC if force else os.O_EXCL)
    try:
        descriptor = os.open(file, flags, 0o600)  # owner-only: a roster names coworkers
    except FileExistsError:
        err.print(f"[red]{escape(str(file))} already exists[/red], so nothing was changed. Give another file name, or add --force to replace it.")
        raise typer.Exit(2)
    except OSError as exc:
        err.print(f"[red]{escape(str(file))} could not be written:[/red] {escape(str(exc.strerror or exc))}.")
        raise typer.Exit(2)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        handle.write(text)
    out.print(f"Wrote {escape(str(file))}. Replace the example values with your agency's, then run: offduty profile check {escape(str(file))}")


@profile_commands.command("check")
def profile_check(
    file: Path = typer.Argument(..., help="The agency profile (YAML) to check.", show_default=False),
) -> None:
    """Check an agency profile and show what it will match, before an audit."""
    from auditor.geo import Geography
    from auditor.policy import PolicyError, load_policy
    from auditor.profile import ProfileError, load_profile

    try:
        profile = load_profile(file)
    except ProfileError as exc:
        _print_config_error("This agency profile cannot be used", exc, "Fix the lines above and check again.")
        raise typer.Exit(2)
    try:
        policy = load_policy(profile.policy_path)
    except PolicyError as exc:
        _print_config_error("The policy file this profile names cannot be used", exc, "Fix it and check again.")
        raise typer.Exit(2)
    none = "[yellow]none[/yellow]"
    out.print(f"[green]{escape(str(file))} is a valid agency profile.[/green] An audit with it will look for:")
    out.print(f"Agency names and aliases (any capitals): {escape(', '.join(profile.agency_names)) or none}")
    out.print(f"Abbreviations (exact capitals only): {escape(', '.join(profile.abbreviations)) or none}")
    out.print(f"Work email domains: {escape(', '.join(profile.email_domains)) or none}")
    placed = [s for s in profile.stations if s.lat is not None and s.lon is not None]
    places = dict(zip(placed, Geography().names([(s.lat, s.lon) for s in placed]))) if placed else {}  # type: ignore[misc]
    out.print(f"Stations (photos within {profile.station_radius_m:g} m count as taken there): {len(profile.stations) or none}")
    for station in profile.stations:
        where = (f"{station.lat}, {station.lon}, {places[station].describe()}" if station in places
                 else "no lat/lon given, so photos taken there cannot be recognised")
        out.print(f"  - {station.name}: {where}", markup=False)
    handles = sum(len(c.handles) for c in profile.roster)
    out.print(f"Roster: {len(profile.roster)} coworker(s) with {handles} user name(s)")
    out.print(f"Undercover: {'on (every identifying finding is filed under the undercover clause)' if profile.undercover else 'off'}")
    policy_file = str(profile.policy_path) if profile.policy_path else "the bundled guideline"
    out.print(f"Policy: {policy.name} ({policy_file}, {len(policy.clauses)} clauses)", markup=False)
    if not profile.agency_names and not profile.abbreviations:
        out.print("[yellow]Note:[/yellow] the profile names no agency, so only generic law-enforcement words will be checked.")


def main() -> None:
    try:
        app(prog_name="offduty")
    except KeyboardInterrupt:
        err.print("Stopped.")
        sys.exit(130)
    except Exception as exc:  # never show a traceback to the person running the audit
        err.print(f"[red]offduty stopped on an unexpected problem:[/red] {type(exc).__name__}: {exc}")
        err.print("Please report this (without your data) so that it can be fixed.")
        sys.exit(1)


if __name__ == "__main__":
    main()
