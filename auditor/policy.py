"""Policies as data: clause ids, titles and summaries, and the map from analyzer topics to clauses.

A policy file is checked against a strict schema, like the agency profile: unknown keys, clauses without a title and
topics that point at clauses the file does not define are refused with a plain message and the line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

from auditor.yamlconfig import ConfigError, LineIndex, line_prefix, read_yaml, validate

DEFAULT_POLICY = "policy-guideline.yaml"


class PolicyError(ConfigError):
    pass


@dataclass
class Clause:
    id: str
    title: str
    summary: str = ""
    text: str = ""  # an agency's own wording, when its policy file gives it


@dataclass
class UndercoverRule:
    """For an undercover profile, findings of the identifying topics are filed under `topic`'s clause."""

    topic: str
    identifying_topics: frozenset[str]


@dataclass
class Policy:
    name: str
    clauses: list[Clause]
    topics: dict[str, str]
    related: dict[str, list[str]] = field(default_factory=dict)
    undercover: UndercoverRule | None = None  # None: the file does not say; the default policy's rule applies

    def clause(self, clause_id: str) -> Clause | None:
        return next((c for c in self.clauses if c.id == clause_id), None)

    def clause_for(self, topic: str) -> str:
        return self.topics.get(topic, "")

    def order(self, clause_id: str) -> int:
        ids = [c.id for c in self.clauses]
        return ids.index(clause_id) if clause_id in ids else len(ids)


def _none_as_empty_mapping(value: object) -> object:
    return {} if value is None else value


def _one_as_list(value: object) -> object:
    return [value] if isinstance(value, (str, int)) and not isinstance(value, bool) else value


class _Schema(BaseModel):
    model_config = ConfigDict(extra="forbid", coerce_numbers_to_str=True, str_strip_whitespace=True)


class ClauseEntry(_Schema):
    id: str = Field(min_length=1, description="the clause's id as text, such as '7b'")
    title: str = Field(min_length=1, description="the clause's short title, as text")
    summary: str = Field("", description="a one-sentence summary, as text")
    text: str = Field("", description="the clause's own wording, as text")


class UndercoverEntry(_Schema):
    topic: str | None = Field(None, description="the topic that undercover findings are filed under, as text")
    identifying_topics: list[str] | None = Field(None, description="a list of the topics that identify an officer")


class PolicyFile(_Schema):
    """A policy file: its clauses and where each analyzer topic is reported."""

    name: str | None = Field(None, description="the policy's name, as text")
    clauses: list[ClauseEntry] = Field(min_length=1, description="a list of clauses, each with an id and a title")
    topics: Annotated[dict[str, str], BeforeValidator(_none_as_empty_mapping)] = Field(
        default_factory=dict, description="a mapping from each topic to a clause id, such as 'coworkers: \"7\"'")
    related: Annotated[dict[str, Annotated[list[str], BeforeValidator(_one_as_list)]], BeforeValidator(_none_as_empty_mapping)] = Field(
        default_factory=dict, description="a mapping from each topic to a list of clause ids, such as 'coworkers: [\"13\"]'")
    undercover: UndercoverEntry | None = Field(None, description="a mapping with 'topic' and 'identifying_topics'")


def _cross_references(model: PolicyFile, lines: LineIndex) -> list[str]:
    """Clause ids are unique and every topic points at a clause the file defines."""
    problems = []
    defined: set[str] = set()
    for index, clause in enumerate(model.clauses):
        if clause.id in defined:
            problems.append(f"{line_prefix(lines, ('clauses', index))}clauses[{index}]: the id '{clause.id}' is used by "
                            "another clause too; give each clause its own id")
        defined.add(clause.id)
    for topic, clause_id in model.topics.items():
        if clause_id not in defined:
            problems.append(f"{line_prefix(lines, ('topics', topic))}topics.{topic} points at clause '{clause_id}', which "
                            "the file does not define")
    for topic, clause_ids in model.related.items():
        for index, clause_id in enumerate(clause_ids):
            if clause_id not in defined:
                problems.append(f"{line_prefix(lines, ('related', topic, index))}related.{topic} points at clause "
                                f"'{clause_id}', which the file does not define")
    return problems


def check_policy_text(text: str) -> tuple[PolicyFile | None, list[str]]:
    """The validated policy file, or None and every problem in it as a plain sentence."""
    data, lines, problems = read_yaml(text)
    if problems:
        return None, problems
    if not isinstance(data, dict):
        return None, ["a policy file should be a YAML mapping with 'name', 'clauses' and 'topics'"]
    model, problems = validate(PolicyFile, data, lines)
    if model is None:
        return None, problems
    assert isinstance(model, PolicyFile)
    problems = _cross_references(model, lines)
    return (None, problems) if problems else (model, [])


def _parse(text: str, origin: str) -> Policy:
    model, problems = check_policy_text(text)
    if model is None:
        raise PolicyError(origin, problems)
    clauses = [Clause(id=c.id, title=c.title, summary=c.summary, text=c.text) for c in model.clauses]
    undercover = None
    if model.undercover is not None and model.undercover.topic:
        undercover = UndercoverRule(topic=model.undercover.topic,
                                    identifying_topics=frozenset(model.undercover.identifying_topics or ()))
    return Policy(name=model.name or origin, clauses=clauses, topics=dict(model.topics), related=dict(model.related),
                  undercover=undercover)


def load_policy(path: Path | None = None) -> Policy:
    if path is None:
        text = resources.files("auditor").joinpath("data", DEFAULT_POLICY).read_text(encoding="utf-8")
        return _parse(text, DEFAULT_POLICY)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise PolicyError(str(path), "the policy file is not a text file (save it as UTF-8 text)") from exc
    except OSError as exc:
        raise PolicyError(str(path), f"the policy file could not be read ({exc.strerror or exc})") from exc
    return _parse(text, str(path))
