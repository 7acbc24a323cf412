"""Policies as data: clause ids, titles and summaries, and the map from analyzer topics to clauses."""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import yaml

DEFAULT_POLICY = "policy-guideline.yaml"


class PolicyError(Exception):
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


def _parse(data: object, origin: str) -> Policy:
    if not isinstance(data, dict) or not isinstance(data.get("clauses"), list):
        raise PolicyError(f"{origin}: a policy file needs a 'clauses' list")
    clauses = []
    for entry in data["clauses"]:
        if not isinstance(entry, dict) or "id" not in entry or "title" not in entry:
            raise PolicyError(f"{origin}: every clause needs an 'id' and a 'title'")
        clauses.append(Clause(id=str(entry["id"]), title=str(entry["title"]),
                              summary=str(entry.get("summary", "")), text=str(entry.get("text", ""))))
    topics = {str(k): str(v) for k, v in (data.get("topics") or {}).items()}
    known = {c.id for c in clauses}
    unknown = sorted(v for v in topics.values() if v not in known)
    if unknown:
        raise PolicyError(f"{origin}: topics point at clauses that the file does not define: {', '.join(unknown)}")
    related = {str(k): [str(x) for x in v] for k, v in (data.get("related") or {}).items()}
    return Policy(name=str(data.get("name", origin)), clauses=clauses, topics=topics, related=related,
                  undercover=_parse_undercover(data.get("undercover"), origin))


def _parse_undercover(data: object, origin: str) -> UndercoverRule | None:
    if data is None:
        return None
    if not isinstance(data, dict) or not data.get("topic") or not isinstance(data.get("identifying_topics", []), list):
        raise PolicyError(f"{origin}: 'undercover' needs a 'topic' and a list of 'identifying_topics'")
    return UndercoverRule(topic=str(data["topic"]), identifying_topics=frozenset(str(t) for t in data.get("identifying_topics", [])))


def load_policy(path: Path | None = None) -> Policy:
    if path is None:
        text = resources.files("auditor").joinpath("data", DEFAULT_POLICY).read_text(encoding="utf-8")
        return _parse(yaml.safe_load(text), DEFAULT_POLICY)
    try:
        return _parse(yaml.safe_load(path.read_text(encoding="utf-8")), str(path))
    except (OSError, yaml.YAMLError) as exc:
        raise PolicyError(f"{path}: the policy file could not be read ({exc})") from exc
