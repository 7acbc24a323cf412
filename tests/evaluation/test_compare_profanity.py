"""The profanity comparison's arithmetic, on toy inputs; the PyPI filters themselves are optional."""

from __future__ import annotations

import importlib.util

import numpy as np
import pytest

from evaluation import compare_profanity
from evaluation.compare_profanity import Contender, Scored, best_f1_threshold, score_of


def test_precision_recall_and_f1_on_a_toy_split():
    flags = [True, True, True, False, False, False]
    labels = [1, 1, 0, 1, 0, 0]
    kinds = ["slur", "slur", "quoting", "leet", "everyday", "everyday"]
    score = score_of(flags, labels, kinds)
    assert (score.tp, score.fp, score.fn, score.tn) == (2, 1, 1, 2)
    assert score.precision == pytest.approx(0.667)
    assert score.recall == pytest.approx(0.667)
    assert score.f1 == pytest.approx(0.667)
    assert score.by_kind["quoting"]["fp"] == 1 and score.by_kind["leet"]["fn"] == 1


def test_nothing_flagged_gives_zero_rather_than_dividing_by_zero():
    score = score_of([False, False], [1, 0], ["a", "b"])
    assert (score.precision, score.recall, score.f1) == (0.0, 0.0, 0.0)


def test_best_threshold_separates_a_separable_toy_set():
    threshold, f1 = best_f1_threshold([0, 0, 1, 1], [0.1, 0.3, 0.6, 0.9])
    assert f1 == pytest.approx(1.0)
    assert 0.3 < threshold <= 0.6
    assert threshold == pytest.approx(0.31)  # the lowest of the equally good thresholds


def test_best_threshold_on_a_half_positive_set_may_flag_everything():
    # Scores that say nothing: flagging all texts (F1 2/3) beats any real cut.
    threshold, f1 = best_f1_threshold([1, 0, 1, 0], [0.2, 0.9, 0.1, 0.8])
    assert threshold == pytest.approx(0.01)
    assert f1 == pytest.approx(2 / 3)


def test_a_combination_flags_when_either_part_does_and_costs_both_timings():
    scored = {"ours": Scored(np.array([0.9, 0.1, 0.1]), 1.0), "theirs": Scored(np.array([0.0, 0.7, 0.2]), 0.5)}
    either = Contender("ours OR theirs", (("ours", 0.5), ("theirs", 0.5)))
    assert either.flags(scored).tolist() == [True, True, False]
    assert either.texts_per_second(scored, 3) == pytest.approx(2.0)
    same_detector_twice = Contender("two thresholds", (("ours", 0.5), ("ours", 0.05)))
    assert same_detector_twice.texts_per_second(scored, 3) == pytest.approx(3.0)


def test_without_the_packages_it_explains_how_to_run_it(monkeypatch, capsys):
    monkeypatch.setattr(compare_profanity, "missing_packages", lambda: ["alt-profanity-check==1.9.1"])
    assert compare_profanity.main([]) == 2
    message = capsys.readouterr().err
    assert "make compare-profanity" in message and "alt-profanity-check" in message


@pytest.mark.skipif(importlib.util.find_spec("profanity_check") is None or importlib.util.find_spec("better_profanity") is None,
                    reason="alt-profanity-check and better-profanity are not offduty dependencies; `make compare-profanity` "
                           "installs them in .venv-compare/")
def test_the_pypi_filters_score_one_text_each():
    alt, better = compare_profanity.pypi_detectors()
    texts = ["you fucking idiot", "lovely walk with the dog"]
    assert alt.score(texts, ["post", "post"])[0] > 0.5 > alt.score(texts, ["post", "post"])[1]
    assert better.score(texts, ["post", "post"]).tolist() == [1.0, 0.0]
