from auditor.analyzers.registry import all_analyzers
from auditor.plugins import Registry
from connectors.registry import all_connectors


class _Probe:
    name = "probe"


def test_registry_registers_and_lists():
    registry: Registry[_Probe] = Registry("auditor", (), "offduty.no-such-group", lambda p: p.name)
    registry.register(_Probe)
    assert list(registry.all()) == ["probe"]


def test_builtins_are_registered():
    assert set(all_connectors()) == {"facebook", "instagram", "x", "linkedin", "mastodon", "google", "snapchat", "tiktok",
                                     "reddit", "photos"}
    assert set(all_analyzers()) == {"employment", "geotags", "coworkers", "platform_places", "pattern_of_life",
                                    "privacy_settings"}
