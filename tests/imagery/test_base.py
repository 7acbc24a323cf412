"""Extractors are found by discovery and may only fill fields VisualFeatures has."""

from imagery.base import Extractor, _check_builtin, all_extractors


def test_the_fingerprint_is_a_built_in_extractor_filling_known_fields():
    extractors = all_extractors()
    assert "fingerprint" in extractors
    assert all(_check_builtin(e) == [] for e in extractors.values())


def test_an_extractor_naming_an_unknown_field_is_a_load_problem():
    class Faces(Extractor):
        name = "ears-test"
        fields = ("ears",)

    assert _check_builtin(Faces()) == ["the ears-test extractor fills ears, which VisualFeatures does not have"]
