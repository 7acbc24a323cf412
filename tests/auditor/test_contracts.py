"""The vocabulary contract between connectors and analyzers, end to end.

Every field kind (profile field, setting, connection kind) that a connector can emit is read by some
analyzer or listed, with a reason, in `NOT_CHECKED`; every kind an analyzer reads is emitted by some
connector; analyzers only use the kinds they declare; and what the connectors really emit on the
sample exports is what their source says they emit.
"""

import ast
import importlib
from pathlib import Path

import pytest

import connectors
from auditor.analyzers.base import NOT_CHECKED
from auditor.analyzers.registry import all_analyzers
from auditor.model import ConnectionKind, ProfileField, Setting
from auditor.pipeline import read_inputs
from connectors.registry import all_connectors

REPO = Path(__file__).resolve().parents[2]
VOCABULARIES = {"ProfileField": ProfileField, "Setting": Setting, "ConnectionKind": ConnectionKind}


def members_named_in(module_file: Path) -> set:
    """Enum members written as `ProfileField.X` (etc.) in a module's source, or whole enums iterated."""
    found = set()
    for node in ast.walk(ast.parse(module_file.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in VOCABULARIES:
            enum = VOCABULARIES[node.value.id]
            if node.attr in enum.__members__:
                found.add(enum[node.attr])
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") in ("frozenset", "set", "list") and node.args \
                and isinstance(node.args[0], ast.Name) and node.args[0].id in VOCABULARIES:
            found.update(VOCABULARIES[node.args[0].id])
    return found


def module_file(obj: object) -> Path:
    return Path(importlib.import_module(type(obj).__module__).__file__)


def connector_files() -> list[Path]:
    return sorted(Path(connectors.__file__).parent.glob("*.py"))


@pytest.fixture(scope="module")
def emitted_by_source() -> set:
    return set().union(*(members_named_in(path) for path in connector_files()))


def test_every_emitted_kind_is_read_or_deliberately_not_checked(emitted_by_source):
    read = set().union(*(a.reads for a in all_analyzers().values()))
    unread = emitted_by_source - read - set(NOT_CHECKED)
    assert not unread, f"connectors emit {sorted(unread)} but no analyzer reads them and NOT_CHECKED does not say why"
    assert not (read & set(NOT_CHECKED)), "a kind cannot be both read and listed as not checked"


def test_every_kind_an_analyzer_reads_is_emitted_by_a_connector(emitted_by_source):
    for analyzer in all_analyzers().values():
        missing = set(analyzer.reads) - emitted_by_source
        assert not missing, f"{analyzer.name} reads {sorted(missing)}, which no connector emits"


def test_analyzers_use_only_the_kinds_they_declare():
    for analyzer in all_analyzers().values():
        used = members_named_in(module_file(analyzer))
        assert used <= set(analyzer.reads), f"{analyzer.name} uses {sorted(used - set(analyzer.reads))} without declaring them"


def test_not_checked_is_not_stale(emitted_by_source):
    assert set(NOT_CHECKED) <= emitted_by_source


def test_what_the_samples_emit_is_what_the_connectors_declare():
    read = read_inputs(sorted((REPO / "sample_exports").iterdir()))
    by_platform = {c.platform: members_named_in(module_file(c)) for c in all_connectors().values()}
    shared = set().union(*(members_named_in(p) for p in connector_files() if p.stem in ("base", "meta_common", "meta_html")))
    seen = {(item.platform, item.field) for item in read.items if item.field is not None}
    assert len({field for _, field in seen}) >= 15
    for platform, field in seen:
        assert field in by_platform[platform] | shared, (platform, field)
