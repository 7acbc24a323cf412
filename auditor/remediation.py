"""Remediation steps for a finding, looked up by topic and platform in a data file."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import yaml

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
