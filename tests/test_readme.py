"""The README's promises, held by tests: its commands exist and its profile example loads."""

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import typer
import yaml

from auditor.cli import app

REPO = Path(__file__).resolve().parents[1]
README = (REPO / "README.md").read_text(encoding="utf-8")


def test_quick_start_make_targets_exist():
    makefile = (REPO / "Makefile").read_text()
    for target in re.findall(r"^make (\w+)", README, re.M):
        assert re.search(rf"^{target}:", makefile, re.M), target
    assert "make test" in (REPO / ".ci" / "run").read_text()


CODE = "\n".join(re.findall(r"```\w*\n(.*?)```", README, re.S) + re.findall(r"`([^`\n]+)`", README))
CLI = typer.main.get_command(app)


def cli_commands(command: Any = CLI, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], Any]]:
    """Every command of the CLI, with the words that call it (`()` is `offduty` itself)."""
    yield path, command
    for name, sub in getattr(command, "commands", {}).items():
        yield from cli_commands(sub, (*path, name))


def cli_options() -> set[str]:
    declared = {name for _, command in cli_commands() for param in command.params
                for name in param.opts + param.secondary_opts if name.startswith("--")}
    return declared | {"--help"}  # every command has it


def readme_commands() -> list[tuple[str, ...]]:
    """The words after `offduty` in every command the README shows (code blocks and `inline code`)."""
    found = []
    for words in re.findall(r"(?<![\w./-])offduty((?:[ \t]+[a-z][\w-]*)+)", CODE):
        found.append(tuple(words.split()))
    return found


def test_readme_finds_commands_and_options_to_check():
    assert ("audit",) in [c[:1] for c in readme_commands()] and ("profile", "check") in [c[:2] for c in readme_commands()]
    assert {"--out", "--profile", "--redact"} <= cli_options()


def test_every_command_in_the_readme_exists():
    for words in readme_commands():
        command = CLI
        for word in words:
            subcommands = getattr(command, "commands", None)
            if subcommands is None:
                break  # the rest are the command's arguments
            assert word in subcommands, f"README: `offduty {' '.join(words)}`: no command {word!r}"
            command = subcommands[word]


def test_every_option_in_the_readme_exists():
    known = cli_options()
    for option in set(re.findall(r"(?<![\w-])--[a-z][a-z0-9-]*", README)):
        assert option in known, f"README mentions {option}, which no offduty command has"


def test_every_cli_command_is_documented():
    for path, _ in cli_commands():
        if path:
            assert re.search(rf"(?<![\w-])offduty {' '.join(path)}(?![\w-])", CODE), f"offduty {' '.join(path)} is not in the README"


def test_every_cli_option_is_documented():
    for option in cli_options():
        assert re.search(rf"(?<![\w-]){option}(?![\w-])", README), f"{option} is not in the README"


def test_python_dash_m_is_documented():
    assert "python -m offduty" in CODE


def test_profile_example_in_readme_is_valid(tmp_path):
    from auditor.policy import load_policy
    from auditor.profile import load_profile

    block = re.search(r"```yaml\n(.*?)```", README, re.S).group(1)
    path = tmp_path / "p.yaml"
    path.write_text(block)
    (tmp_path / "our-policy.yaml").write_text((REPO / "auditor" / "data" / "policy-guideline.yaml").read_text())
    profile = load_profile(path)
    assert profile.abbreviations == ["HCSO"] and profile.stations[0].lat == 38.8436
    assert profile.policy_path == tmp_path / "our-policy.yaml" and load_policy(profile.policy_path).clause_for("coworkers") == "7"
    assert yaml.safe_load(block)["undercover"] is False
