"""Remediation steps for a finding, looked up by topic and platform in a data file, and where each setting is changed."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import yaml

from auditor.model import Setting
from auditor.yamlconfig import ConfigError, line_prefix, read_yaml

OTHERS_CONTENT = "posted_by_others"  # the catalogue's section for content other people posted (not a policy topic)


@lru_cache(maxsize=1)
def _catalogue() -> dict:
    text = resources.files("auditor").joinpath("data", "remediation.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


def steps_for(topic: str, platform: str) -> list[str]:
    by_platform = _catalogue().get(topic) or {}
    steps = list(by_platform.get(platform) or by_platform.get("any") or [])
    if platform in by_platform and "any" in by_platform:
        steps += [s for s in by_platform["any"] if s not in steps]
    return steps


def steps_for_others_content(platform: str) -> list[str]:
    """What the officer can do about something someone else posted: untag, ask the poster, report it."""
    by_platform = _catalogue().get(OTHERS_CONTENT) or {}
    return list(by_platform.get(platform) or []) + [s for s in by_platform.get("any") or [] if s not in (by_platform.get(platform) or [])]


def has_steps(topic: str) -> bool:
    return any(steps for steps in (_catalogue().get(topic) or {}).values())


def general_advice() -> list[str]:
    return list(_catalogue().get("general") or [])


SETTING_PATHS = "setting-paths.yaml"


@lru_cache(maxsize=1)
def _setting_paths() -> dict[tuple[str, Setting], str]:
    text = resources.files("auditor").joinpath("data", SETTING_PATHS).read_text(encoding="utf-8")
    return parse_setting_paths(text, SETTING_PATHS)


def parse_setting_paths(text: str, origin: str) -> dict[tuple[str, Setting], str]:
    """(platform, setting) → where to change it; every problem in the file is refused with its line."""
    data, lines, problems = read_yaml(text)
    if not problems and not isinstance(data, dict):
        problems.append("the file should map each platform to its settings")
    paths: dict[tuple[str, Setting], str] = {}
    known = {setting.value: setting for setting in Setting}
    for platform, settings in (data or {}).items() if not problems else ():
        if not isinstance(settings, dict):
            problems.append(f"{line_prefix(lines, (platform,))}{platform} should map setting names to paths")
            continue
        for name, path in settings.items():
            where = line_prefix(lines, (platform, name))
            if name not in known:
                problems.append(f"{where}'{name}' is not a setting offduty reads; use one of: {', '.join(known)}")
            elif not isinstance(path, str) or not path.strip():
                problems.append(f"{where}{platform}.{name} should be the path to the setting, as text")
            else:
                paths[(str(platform), known[name])] = path.strip()
    if problems:
        raise ConfigError(origin, problems)
    return paths


def setting_path(platform: str, setting: Setting) -> str:
    """Where in the platform's app the setting is changed, or "" when offduty has no path for it."""
    return _setting_paths().get((platform, setting), "")
