"""The agency profile: who the officer works for, where its stations are, who their coworkers are.

Without a profile offduty still audits with generic law-enforcement vocabulary, and the report says so.
The file is checked against a strict schema: a mistyped or misplaced key is refused with a plain message, because a
key that is silently ignored means findings that are silently missing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_validator

from auditor.model import InsigniaKind
from auditor.yamlconfig import ConfigError, read_yaml, validate


class ProfileError(ConfigError):
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


@dataclass(frozen=True)
class Reference:
    """A picture of something that identifies the agency (a patch, a badge, a logo, a car's livery), which the
    imagery checks look for in photos."""

    kind: InsigniaKind
    path: Path


@dataclass
class AgencyProfile:
    agency_names: list[str] = field(default_factory=list)  # full names and aliases
    abbreviations: list[str] = field(default_factory=list)  # matched case-sensitively, e.g. "RCSO"
    email_domains: list[str] = field(default_factory=list)
    stations: list[Station] = field(default_factory=list)
    roster: list[Coworker] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    undercover: bool = False
    station_radius_m: float = 300.0
    policy_path: Path | None = None
    source: Path | None = None

    @property
    def is_generic(self) -> bool:
        return self.source is None


def _as_list(value: object) -> object:
    """People write one name without brackets, or leave a list empty: both are fine."""
    if value is None:
        return []
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return [value]
    return value


def _none_as_empty_mapping(value: object) -> object:
    return {} if value is None else value


def _none_as_false(value: object) -> object:
    return False if value is None else value


def _roster_name_alone(value: object) -> object:
    return {"name": value} if isinstance(value, (str, int)) and not isinstance(value, bool) else value


Names = Annotated[list[str], BeforeValidator(_as_list)]


class _Schema(BaseModel):
    model_config = ConfigDict(extra="forbid", coerce_numbers_to_str=True, str_strip_whitespace=True)


class StationEntry(_Schema):
    name: str = Field(min_length=1, description="the station's name, e.g. 'Central station'")
    lat: float | None = Field(None, ge=-90, le=90, allow_inf_nan=False,
                              description="a latitude in degrees, a number between -90 and 90 such as 38.8436")
    lon: float | None = Field(None, ge=-180, le=180, allow_inf_nan=False,
                              description="a longitude in degrees, a number between -180 and 180 such as -97.6081")
    address: str = Field("", description="the station's street address, as text")

    @model_validator(mode="after")
    def _both_coordinates_or_neither(self) -> StationEntry:
        if (self.lat is None) != (self.lon is None):
            raise ValueError("give both lat and lon (or neither): one alone cannot place the station")
        return self


class AgencyEntry(_Schema):
    name: Names = Field(default_factory=list, description="the agency's full name, as text")
    aliases: Names = Field(default_factory=list, description="a list of other names for the agency")
    abbreviations: Names = Field(default_factory=list, description="a list of abbreviations such as [HCSO]")
    email_domains: Names = Field(default_factory=list, description="a list of email domains such as [harlowcountyso.gov]")
    stations: Annotated[list[StationEntry], BeforeValidator(_as_list)] = Field(
        default_factory=list, description="a list of stations, each starting with '- ' and giving a name, lat and lon")

    @model_validator(mode="after")
    def _domains_are_domains(self) -> AgencyEntry:
        for domain in self.email_domains:
            bare = domain.lstrip("@")
            if "@" in bare or " " in bare or "." not in bare:
                raise ValueError(f"'{domain}' is not an email domain; write only the part after the @, "
                                 "e.g. harlowcountyso.gov")
        return self


class RosterEntry(_Schema):
    name: str = Field(min_length=1, description="the coworker's name, as text")
    handles: Names = Field(default_factory=list, description="a list of the coworker's user names, such as [tomas.ruiz]")


class ReferenceEntry(_Schema):
    kind: InsigniaKind = Field(description="one of " + ", ".join(k.value for k in InsigniaKind))
    path: str = Field(min_length=1, description="an image file next to the profile, such as patch.png")


class ProfileFile(_Schema):
    """The agency profile file as written by the officer."""

    agency: Annotated[AgencyEntry, BeforeValidator(_none_as_empty_mapping)] = Field(
        default_factory=AgencyEntry, description="a mapping with name, aliases, abbreviations, email_domains and stations")
    station_radius_m: float = Field(300.0, gt=0, allow_inf_nan=False,
                                    description="a distance in metres, a number greater than 0 such as 300")
    roster: Annotated[list[Annotated[RosterEntry, BeforeValidator(_roster_name_alone)]], BeforeValidator(_as_list)] = Field(
        default_factory=list, description="a list of coworkers, each a name or {name, handles}")
    references: Annotated[list[ReferenceEntry], BeforeValidator(_as_list)] = Field(
        default_factory=list, description="a list of pictures of your agency's patch, badge, logo or car livery, each {kind, path}")
    undercover: Annotated[bool, BeforeValidator(_none_as_false)] = Field(False, description="true or false")
    policy: str | None = Field(None, description="the name of a policy file next to this profile, such as our-policy.yaml")


def _build(model: ProfileFile, path: Path) -> AgencyProfile:
    agency = model.agency
    return AgencyProfile(
        agency_names=agency.name + agency.aliases,
        abbreviations=list(agency.abbreviations),
        email_domains=[d.lower().lstrip("@") for d in agency.email_domains],
        stations=[Station(s.name, s.lat, s.lon, s.address) for s in agency.stations],
        roster=[Coworker(c.name, tuple(h.lstrip("@") for h in c.handles)) for c in model.roster],
        references=[Reference(r.kind, path.parent / r.path) for r in model.references],
        undercover=model.undercover,
        station_radius_m=model.station_radius_m,
        policy_path=(path.parent / model.policy) if model.policy else None,
        source=path,
    )


def check_profile_text(text: str) -> tuple[ProfileFile | None, list[str]]:
    """The validated profile, or None and every problem in it as a plain sentence."""
    data, lines, problems = read_yaml(text)
    if problems:
        return None, problems
    if data is None:
        data = {}
    if not isinstance(data, dict):
        return None, ["the profile should be a YAML mapping of keys such as 'agency:' and 'roster:' (see the example in the README)"]
    model, problems = validate(ProfileFile, data, lines)
    if model is None:
        return None, problems
    assert isinstance(model, ProfileFile)
    return model, []


def load_profile(path: Path | None) -> AgencyProfile:
    if path is None:
        return AgencyProfile()
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise ProfileError(str(path), "the profile is not a text file (save it as UTF-8 text)") from exc
    except OSError as exc:
        raise ProfileError(str(path), f"the profile could not be read ({exc.strerror or exc})") from exc
    model, problems = check_profile_text(text)
    if model is None:
        raise ProfileError(str(path), problems)
    profile = _build(model, path)
    missing = [f"the reference picture {r.path.name} ({r.kind}) is not next to the profile at {r.path}"
               for r in profile.references if not r.path.is_file()]
    if missing:
        raise ProfileError(str(path), missing)
    return profile
