"""The README's promises, held by tests: its commands exist and its profile example loads."""

import re
from pathlib import Path

import yaml

from auditor.cli import app

REPO = Path(__file__).resolve().parents[1]
README = (REPO / "README.md").read_text(encoding="utf-8")


def test_quick_start_make_targets_exist():
    makefile = (REPO / "Makefile").read_text()
    for target in re.findall(r"^make (\w+)", README, re.M):
        assert re.search(rf"^{target}:", makefile, re.M), target
    assert "make test" in (REPO / ".ci" / "run").read_text()


def test_every_cli_command_is_documented():
    commands = {c.name or c.callback.__name__ for c in app.registered_commands}
    for command in commands - {"version"}:
        assert f"offduty {command}" in README, command


def test_every_audit_option_is_documented():
    for option in ("--out", "--profile", "--redact"):
        assert option in README


def test_profile_example_in_readme_is_valid(tmp_path):
    from auditor.profile import load_profile

    block = re.search(r"```yaml\n(.*?)```", README, re.S).group(1)
    path = tmp_path / "p.yaml"
    path.write_text(block.replace("policy: our-policy.yaml", ""))
    profile = load_profile(path)
    assert profile.abbreviations == ["HCSO"] and profile.stations[0].lat == 38.8436
    assert yaml.safe_load(block)["undercover"] is False
