"""Reading the YAML files a person writes by hand (the agency profile, a policy file) and saying plainly what is wrong.

Every problem becomes one sentence that names the line and the key's path (`agency.stations[0].lat`), so that a
mistyped or mis-indented key is refused instead of being silently ignored.
"""

from __future__ import annotations

import difflib
import re
import types
from typing import Annotated, Any, Union, get_args, get_origin

import yaml
from pydantic import BaseModel, ValidationError
from pydantic.fields import FieldInfo

Location = tuple[str | int, ...]
LineIndex = dict[Location, int]

# Words people reach for that are not close enough in spelling for difflib to find the key meant.
SYNONYMS = {"latitude": "lat", "longitude": "lon", "lng": "lon", "long": "lon", "coworkers": "roster", "colleagues": "roster",
            "domains": "email_domains", "radius": "station_radius_m", "acronyms": "abbreviations"}


class ConfigError(Exception):
    """A configuration file that cannot be used, with every problem found in it as a plain sentence."""

    def __init__(self, origin: str, problems: list[str] | str) -> None:
        self.origin = origin
        self.problems = [problems] if isinstance(problems, str) else list(problems)
        super().__init__(str(self))

    def __str__(self) -> str:
        if len(self.problems) == 1:
            return f"{self.origin}: {self.problems[0]}"
        return f"{self.origin}:\n" + "\n".join(f"  - {problem}" for problem in self.problems)


def read_yaml(text: str) -> tuple[Any, LineIndex, list[str]]:
    """The parsed document, the line of every key and list item, and plain problems (syntax errors, repeated keys)."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        return None, {}, [plain_syntax_error(exc)]
    lines: LineIndex = {}
    problems: list[str] = []
    if root is not None:
        _index_lines(root, (), lines, problems)
    return data, lines, problems


def _index_lines(node: yaml.Node, location: Location, lines: LineIndex, problems: list[str]) -> None:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = str(key_node.value)
            child = (*location, key)
            line = key_node.start_mark.line + 1
            if child in lines:
                problems.append(f"line {line}: '{key}' appears twice{_where(location, ' in ')} (first on line "
                                f"{lines[child]}); YAML keeps only the last one, so merge them into one")
            else:
                lines[child] = line
            _index_lines(value_node, child, lines, problems)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            lines[(*location, index)] = item.start_mark.line + 1
            _index_lines(item, (*location, index), lines, problems)


def plain_syntax_error(exc: yaml.YAMLError) -> str:
    """A YAML parser error as a sentence a non-programmer can act on."""
    if not isinstance(exc, yaml.MarkedYAMLError) or exc.problem_mark is None:
        return f"the file is not valid YAML ({exc})"
    problem = exc.problem or ""
    context = exc.context or ""
    line = exc.problem_mark.line + 1
    opened_on = exc.context_mark.line + 1 if exc.context_mark is not None else line
    bad_start = re.search(r"found character '(.+)' that cannot start any token", problem)
    if "\\t" in problem or "tab" in problem:
        return f"line {line}: YAML does not allow tab characters for indentation; use spaces"
    if bad_start:
        character = bad_start.group(1)
        return f"line {line}: a value cannot start with '{character}' in YAML; put it in quotes, e.g. '{character}name'"
    if "expected <block end>" in problem:
        return (f"line {line}: this line is indented differently from the lines above it; keys at the same level must "
                "start in the same column (use spaces)")
    if "mapping values are not allowed here" in problem:
        return (f"line {line}: there is a ':' where YAML does not expect one; check that this line is indented like the "
                "lines above it, and put text that contains ': ' in quotes")
    if "could not find expected ':'" in problem:
        return f"line {opened_on}: this line has no ':'; write entries as 'key: value', or '- item' in a list"
    if "quoted scalar" in context:
        return f"line {opened_on}: a quotation mark opened here is never closed"
    if "flow" in context:
        return f"line {opened_on}: a '[' or '{{' opened here is never closed with ']' or '}}'"
    if "undefined alias" in problem:
        return f"line {line}: a value cannot start with '*' in YAML; put it in quotes"
    return f"line {line}: the file is not valid YAML here ({problem})"


def _where(location: Location, prefix: str) -> str:
    return f"{prefix}{key_path(location)}" if location else " at the top level"


def key_path(location: Location) -> str:
    """('agency', 'stations', 0, 'lat') -> 'agency.stations[0].lat'."""
    text = ""
    for part in location:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def line_prefix(lines: LineIndex, location: Location) -> str:
    """'line N: ' for the nearest enclosing key or item that has a line, or '' when there is none."""
    for end in range(len(location), 0, -1):
        if location[:end] in lines:
            return f"line {lines[location[:end]]}: "
    return ""


def plain_validation_errors(error: ValidationError, schema: type[BaseModel], lines: LineIndex) -> list[str]:
    problems = []
    for detail in error.errors(include_url=False):
        location: Location = tuple(detail["loc"])
        kind = detail["type"]
        prefix = line_prefix(lines, location)
        if kind == "extra_forbidden":
            problems.append(prefix + _unknown_key(schema, location))
        elif kind == "missing":
            field = _field_at(schema, location)
            needs = f" ({field.description})" if field and field.description else ""
            problems.append(f"{prefix}{key_path(location[:-1]) or 'the file'} needs '{location[-1]}'{needs}")
        elif kind == "value_error":
            problems.append(f"{prefix}{key_path(location) or 'the file'}: {detail['ctx']['error']}")
        else:
            field = _field_at(schema, location)
            expected = field.description if field and field.description else detail["msg"].lower()
            problems.append(f"{prefix}{key_path(location) or 'the file'} should be {expected} (it is {_shown(detail['input'])})")
    return sorted(problems, key=_line_number)


def _line_number(problem: str) -> int:
    found = re.match(r"line (\d+): ", problem)
    return int(found.group(1)) if found else 0


def _shown(value: object) -> str:
    if isinstance(value, dict):
        return "a mapping of keys"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, str):
        return f"'{value}'" if len(value) <= 40 else f"'{value[:37]}...'"
    return str(value)


def _unknown_key(schema: type[BaseModel], location: Location) -> str:
    key, parent = str(location[-1]), location[:-1]
    here = _model_at(schema, parent)
    allowed = list(here.model_fields) if here else []
    where = _where(parent, " in ")
    suggestion = suggest(key, allowed, fuzzy=False)
    if suggestion:
        return f"unknown key '{key}'{where}; did you mean '{suggestion}'?"
    elsewhere = _homes(schema).get(key, [])
    if elsewhere:
        home = min(elsewhere, key=len)
        return f"unknown key '{key}'{where}: it belongs {home}, indented to line up with the other keys there"
    suggestion = suggest(key, allowed)
    if suggestion:
        return f"unknown key '{key}'{where}; did you mean '{suggestion}'?"
    return f"unknown key '{key}'{where}; the keys allowed here are: {', '.join(allowed)}"


def suggest(word: str, candidates: list[str], fuzzy: bool = True) -> str | None:
    """The allowed key a person most likely meant when they wrote `word`: a known synonym, a key that starts or
    contains it (`handle` -> `handles`), or, when `fuzzy`, the closest spelling (`rooster` -> `roster`)."""
    lowered = word.lower().strip()
    if SYNONYMS.get(lowered) in candidates:
        return SYNONYMS[lowered]
    related = [c for c in candidates if len(lowered) >= 3 and (c.startswith(lowered) or lowered.startswith(c) or lowered in c)]
    close = difflib.get_close_matches(lowered, candidates, n=1, cutoff=0.6) if fuzzy else []
    ranked = sorted(set(related + close), key=lambda c: difflib.SequenceMatcher(None, lowered, c).ratio(), reverse=True)
    return ranked[0] if ranked else None


def _homes(schema: type[BaseModel]) -> dict[str, list[str]]:
    """Every key the schema knows, with the path(s) of the mapping it belongs in (for keys written in the wrong place)."""
    homes: dict[str, list[str]] = {}

    def visit(model: type[BaseModel], location: Location) -> None:
        for name, field in model.model_fields.items():
            if location:
                homes.setdefault(name, []).append(_describe_home(location))
            inner, steps = _element_model(field.annotation)
            if inner is not None:
                visit(inner, (*location, name, *steps))

    visit(schema, ())
    return homes


def _describe_home(location: Location) -> str:
    if isinstance(location[-1], int):
        return f"in each entry of '{key_path(tuple(p for p in location if not isinstance(p, int)))}:'"
    return f"under '{key_path(location)}:'"


def _element_model(annotation: Any) -> tuple[type[BaseModel] | None, tuple[int, ...]]:
    """The model inside an annotation such as `Station | None` or `list[Station]`, and the list steps on the way."""
    annotation = _unwrap(annotation)
    if get_origin(annotation) is list:
        inner, steps = _element_model(get_args(annotation)[0])
        return inner, (0, *steps)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation, ()
    return None, ()


def _unwrap(annotation: Any) -> Any:
    """`X | None` and `Annotated[X, ...]` -> X."""
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            annotation = get_args(annotation)[0]
        elif origin in (Union, types.UnionType):
            members = [a for a in get_args(annotation) if a is not type(None)]
            if len(members) != 1:
                return annotation
            annotation = members[0]
        else:
            return annotation


def _walk(schema: type[BaseModel], location: Location) -> tuple[Any, FieldInfo | None]:
    """Follow a location through the schema: the annotation reached, and the last model field on the way."""
    current: Any = schema
    field: FieldInfo | None = None
    for part in location:
        current = _unwrap(current)
        origin = get_origin(current)
        if isinstance(current, type) and issubclass(current, BaseModel):
            field = current.model_fields.get(str(part))
            if field is None:
                return None, None
            current = field.annotation
        elif origin is list:
            current = get_args(current)[0]
        elif origin is dict:
            current = get_args(current)[1]
        else:
            return None, field
    return _unwrap(current), field


def _field_at(schema: type[BaseModel], location: Location) -> FieldInfo | None:
    return _walk(schema, location)[1]


def _model_at(schema: type[BaseModel], location: Location) -> type[BaseModel] | None:
    reached = _walk(schema, location)[0] if location else schema
    return reached if isinstance(reached, type) and issubclass(reached, BaseModel) else None


def validate(schema: type[BaseModel], data: Any, lines: LineIndex) -> tuple[BaseModel | None, list[str]]:
    """The validated model, or None and the plain problems."""
    try:
        return schema.model_validate(data), []
    except ValidationError as exc:
        return None, plain_validation_errors(exc, schema, lines)
