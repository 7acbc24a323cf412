"""The agency profile: who the officer works for, where its stations are, who their coworkers are.

Without a profile offduty still audits with generic law-enforcement vocabulary, and the report says so.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml


class ProfileError(Exception):
    pass


@dataclass(frozen=True)
class Station:
    name: str
    lat: float | None = None
    lon: float | None = None
    address: str = ""


@dataclass(frozen=True)
class Coworker:
    name: str
    handles: tuple[str, ...] = ()


@dataclass
class AgencyProfile:
    agency_names: list[str] = field(default_factory=list)  # full names and aliases
    abbreviations: list[str] = field(default_factory=list)  # matched case-sensitively, e.g. "RCSO"
    email_domains: list[str] = field(default_factory=list)
    stations: list[Station] = field(default_factory=list)
    roster: list[Coworker] = field(default_factory=list)
    undercover: bool = False
    station_radius_m: float = 300.0
    policy_path: Path | None = None
    source: Path | None = None

    @property
    def is_generic(self) -> bool:
        return self.source is None


def _strings(value: object, what: str, origin: Path) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(v, (str, int)) for v in value):
        return [str(v) for v in value]
    raise ProfileError(f"{origin}: '{what}' should be a list of names")


def load_profile(path: Path | None) -> AgencyProfile:
    if path is None:
        return AgencyProfile()
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except OSError as exc:
        raise ProfileError(f"{path}: the profile could not be read ({exc.strerror or exc})") from exc
    except yaml.YAMLError as exc:
        raise ProfileError(f"{path}: the profile is not valid YAML ({exc})") from exc
    if not isinstance(data, dict):
        raise ProfileError(f"{path}: the profile should be a YAML mapping (see the example in the README)")
    agency = data.get("agency") or {}
    if not isinstance(agency, dict):
        raise ProfileError(f"{path}: 'agency' should be a mapping with name, aliases, abbreviations ...")
    stations = []
    for entry in agency.get("stations") or []:
        if not isinstance(entry, dict) or "name" not in entry:
            raise ProfileError(f"{path}: every station needs a name (and lat/lon to detect photos taken there)")
        try:
            lat = float(entry["lat"]) if entry.get("lat") is not None else None
            lon = float(entry["lon"]) if entry.get("lon") is not None else None
        except (TypeError, ValueError) as exc:
            raise ProfileError(f"{path}: station {entry['name']!r} has a lat/lon that is not a number") from exc
        stations.append(Station(str(entry["name"]), lat, lon, str(entry.get("address", ""))))
    roster = []
    for entry in data.get("roster") or []:
        if isinstance(entry, str):
            roster.append(Coworker(entry))
        elif isinstance(entry, dict) and entry.get("name"):
            handles = tuple(h.lstrip("@") for h in _strings(entry.get("handles"), "handles", path))
            roster.append(Coworker(str(entry["name"]), handles))
        else:
            raise ProfileError(f"{path}: every roster entry needs a name")
    policy = data.get("policy")
    names = _strings(agency.get("name"), "name", path) + _strings(agency.get("aliases"), "aliases", path)
    return AgencyProfile(
        agency_names=names,
        abbreviations=_strings(agency.get("abbreviations"), "abbreviations", path),
        email_domains=[d.lower().lstrip("@") for d in _strings(agency.get("email_domains"), "email_domains", path)],
        stations=stations,
        roster=roster,
        undercover=bool(data.get("undercover", False)),
        station_radius_m=float(data.get("station_radius_m", 300.0)),
        policy_path=(path.parent / policy) if isinstance(policy, str) else None,
        source=path,
    )
