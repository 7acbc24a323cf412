"""Plugins: built-ins are discovered from their packages, one dropped-in module is enough for a new
platform or check, and a check's topics must be mapped by the policy and have remediation steps."""

from __future__ import annotations

import json
import re
import sys
import textwrap
from importlib.metadata import EntryPoint
from pathlib import Path
from typing import Iterable, Iterator

import pytest
from typer.testing import CliRunner

import auditor.analyzers
import auditor.analyzers.registry as analyzer_registry
import auditor.plugins
import connectors
import connectors.registry as connector_registry
from auditor.analyzers.base import Analyzer, AuditContext, evidence_for, platform_title
from auditor.analyzers.registry import all_analyzers, topic_problems
from auditor.cli import app
from auditor.model import Finding, Severity
from auditor.pipeline import run_audit
from auditor.plugins import PluginError, Registry
from auditor.policy import load_policy
from connectors.registry import all_connectors
from samplegen import builders

BUILTIN_CONNECTORS = {"facebook", "instagram", "x", "linkedin", "mastodon", "google", "snapchat", "tiktok", "reddit", "photos"}
BUILTIN_ANALYZERS = {"employment", "geotags", "coworkers", "platform_places", "pattern_of_life", "privacy_settings", "privacy_history",
                     "job_information", "obscene_speech", "reckless_behaviour", "official_capacity", "private_facts",
                     "linked_identities", "photo_text", "agency_insignia", "faces_in_photos", "explicit_images", "uniform_context", "photo_documents"}

THROWAWAY_CONNECTOR = '''
    from typing import Iterator

    from auditor.model import Item, ItemKind
    from connectors.base import Connector, ReadContext, Rule
    from connectors.registry import register


    def parse_letters(ctx: ReadContext, path: str) -> Iterator[Item]:
        for index, letter in enumerate(ctx.load_json(path)):
            yield ctx.item(path, f"/{index}", ItemKind.POST, text=letter)


    @register
    class PigeonPost(Connector):
        name = platform = "pigeonpost"
        title = "PigeonPost"
        signatures = (r"^pigeonpost/letters\\.json$",)
        rules = (Rule(r"^pigeonpost/letters\\.json$", parse_letters),)
'''

THROWAWAY_ANALYZER = '''
    from auditor.analyzers.base import Analyzer, evidence_for, platform_title
    from auditor.analyzers.registry import register
    from auditor.model import Finding, Severity


    @register
    class Feathers(Analyzer):
        name = "feathers"
        topics = ("{topic}",)
        description = "Letters that mention feathers."

        def analyze(self, ctx):
            for item in ctx.items:
                if "feather" in item.text:
                    yield Finding("feathers", "{topic}", Severity.LOW, f"A {{platform_title(item.platform)}} letter mentions feathers",
                                  "Feathers give you away.", item.platform, [evidence_for(item, item.text)])
'''


@pytest.fixture
def fresh_registries(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Both registries discover again in this test, and forget whatever it added afterwards."""
    before = set(sys.modules)
    for registry in (connector_registry._REGISTRY, analyzer_registry._REGISTRY):
        registry.all()
        monkeypatch.setattr(registry, "_items", dict(registry._items))
        monkeypatch.setattr(registry, "_loaded", False)
    yield
    for name in set(sys.modules) - before:
        if name.startswith(("connectors.", "auditor.analyzers.")):
            del sys.modules[name]


def drop_in(monkeypatch: pytest.MonkeyPatch, package: object, folder: Path, module: str, source: str) -> None:
    """Write `module` into `folder` and make `folder` part of `package`, as if the file were in the package."""
    folder.mkdir(exist_ok=True)
    (folder / f"{module}.py").write_text(textwrap.dedent(source), encoding="utf-8")
    monkeypatch.setattr(package, "__path__", [*package.__path__, str(folder)])


def test_registry_discovers_every_public_module_of_its_package(tmp_path, monkeypatch):
    package = tmp_path / "probepkg"
    builders.write_tree(package, {
        "__init__.py": b"from auditor.plugins import Registry\n"
                       b"REGISTRY = Registry('probepkg', 'offduty.no-such-group', lambda p: p.name)\n",
        "zulu.py": b"from probepkg import REGISTRY\n@REGISTRY.register\nclass Z:\n    name = 'zulu'\n",
        "alpha.py": b"from probepkg import REGISTRY\n@REGISTRY.register\nclass A:\n    name = 'alpha'\n",
        "helpers.py": b"HELPER = 1  # infrastructure: registers nothing\n",
        "_private.py": b"raise RuntimeError('modules starting with _ are not imported')\n",
    })
    monkeypatch.syspath_prepend(str(tmp_path))
    try:
        registry: Registry = __import__("probepkg").REGISTRY
        assert registry.builtin_modules() == ["alpha", "helpers", "zulu"]
        assert list(registry.all()) == ["alpha", "zulu"]
        assert registry.is_builtin("alpha")
    finally:
        for name in [n for n in sys.modules if n == "probepkg" or n.startswith("probepkg.")]:
            del sys.modules[name]


def test_builtins_are_all_discovered_in_sorted_order():
    assert set(all_connectors()) == BUILTIN_CONNECTORS
    assert set(all_analyzers()) == BUILTIN_ANALYZERS
    assert list(all_connectors()) == sorted(BUILTIN_CONNECTORS) and list(all_analyzers()) == sorted(BUILTIN_ANALYZERS)


def test_builtin_analyzer_topics_are_mapped_and_have_remediation():
    policy = load_policy()
    for analyzer in all_analyzers().values():
        assert analyzer.topics and topic_problems(analyzer, policy) == [], analyzer.name


def test_platform_titles_come_from_the_connectors():
    for connector in all_connectors().values():
        assert platform_title(connector.platform) == connector.title
    assert platform_title("x") == "X" and platform_title("linkedin") == "LinkedIn"
    assert platform_title("myspace") == "Myspace"


def test_one_dropped_in_connector_and_analyzer_are_used_by_audit_and_doctor(tmp_path, monkeypatch, fresh_registries):
    drop_in(monkeypatch, connectors, tmp_path / "more_connectors", "pigeonpost", THROWAWAY_CONNECTOR)
    drop_in(monkeypatch, auditor.analyzers, tmp_path / "more_analyzers", "feathers",
            THROWAWAY_ANALYZER.format(topic="personal_recognition"))
    assert "pigeonpost" in all_connectors() and "feathers" in all_analyzers()
    assert platform_title("pigeonpost") == "PigeonPost"

    export = tmp_path / "export"
    builders.write_tree(export, {"pigeonpost/letters.json": json.dumps(["a feather from the loft", "no news"]).encode()})
    result = run_audit([export])
    assert [(i.platform, i.items) for i in result.inputs] == [("PigeonPost", 2)]
    [finding] = [f for f in result.findings if f.detector == "feathers"]
    assert finding.clause == load_policy().clause_for("personal_recognition") == "7b"
    assert finding.title == "A PigeonPost letter mentions feathers" and finding.remediation
    assert not any("feathers" in note for note in result.notes)

    doctor = CliRunner().invoke(app, ["doctor"])
    assert doctor.exit_code == 0 and "pigeonpost" in doctor.stdout and "feathers" in doctor.stdout


@pytest.mark.parametrize("topic, message", [
    ("carrier_pigeons", "topic 'carrier_pigeons', which the policy 'Social Media - Personal Use Guideline (template)' "
                        "does not map to a clause"),
    ("personal_recognition", "topic 'personal_recognition', which has no remediation steps"),  # steps removed below
])
def test_a_builtin_check_with_an_unmapped_topic_does_not_load(tmp_path, monkeypatch, fresh_registries, topic, message):
    import auditor.analyzers.registry as analyzer_registry

    monkeypatch.setattr(analyzer_registry, "has_steps", lambda name: name != "personal_recognition")
    drop_in(monkeypatch, auditor.analyzers, tmp_path / "more_analyzers", "feathers", THROWAWAY_ANALYZER.format(topic=topic))
    with pytest.raises(PluginError, match=re.escape(f"the feathers check reports under the {message}")):
        all_analyzers()


class ThirdPartyCheck(Analyzer):
    """Stands in for a check that another installed package registers through the entry-point group."""

    name = "third_party"
    topics = ("carrier_pigeons",)
    description = "Reports every item."

    def analyze(self, ctx: AuditContext) -> Iterable[Finding]:
        for item in ctx.items:
            yield Finding(self.name, "carrier_pigeons", Severity.LOW, "An item", "Every item.", item.platform, [evidence_for(item)])


def test_a_third_party_check_with_an_unmapped_topic_is_a_warning_and_its_findings_stay(tmp_path, monkeypatch, fresh_registries):
    entry = EntryPoint(name="third_party", value=f"{__name__}:ThirdPartyCheck", group="offduty.analyzers")
    monkeypatch.setattr(auditor.plugins, "entry_points", lambda group: [entry] if group == entry.group else [])
    export = tmp_path / "twitter"
    builders.write_tree(export, {"data/tweets.js": b'window.YTD.tweets.part0 = [{"tweet": {"id_str": "1", "full_text": "hello"}}]'})
    result = run_audit([export])
    assert any(f.detector == "third_party" and f.clause == "" for f in result.findings)
    notes = [n for n in result.notes if "third_party" in n]
    assert len(notes) == 2
    assert "from another installed package" in notes[0] and "'carrier_pigeons'" in notes[0] and "Not in this policy" in notes[0]
    assert "no remediation steps" in notes[1]
