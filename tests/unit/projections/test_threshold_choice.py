"""The stories fit's join threshold: the one-standard-error rule (bench/fit_stories.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "bench"))

from fit_stories import choose_threshold, f_beta

NOISY = [0.80, 0.90, 0.85, 0.95, 0.75]  # s.e. 0.0354
STEADY = [0.850, 0.851, 0.849, 0.850, 0.850]  # s.e. 0.0003


def test_the_best_threshold_wins_when_no_other_is_within_its_noise() -> None:
    pooled = {0.4: 0.70, 0.5: 0.85, 0.6: 0.80}
    choice = choose_threshold(pooled, {t: STEADY for t in pooled})
    assert choice.threshold == 0.5
    assert choice.best_threshold == 0.5


def test_a_higher_threshold_within_one_standard_error_of_the_best_is_preferred() -> None:
    pooled = {0.4: 0.850, 0.5: 0.845, 0.6: 0.830, 0.7: 0.700}
    choice = choose_threshold(pooled, {t: NOISY for t in pooled})
    assert choice.best_threshold == 0.4
    assert choice.standard_error == pytest.approx(0.0354, abs=1e-4)
    assert choice.threshold == 0.6


def test_a_lower_threshold_is_never_chosen_over_the_best_however_close() -> None:
    pooled = {0.4: 0.849, 0.5: 0.850, 0.6: 0.600}
    assert choose_threshold(pooled, {t: NOISY for t in pooled}).threshold == 0.5


def test_the_rule_uses_the_noise_of_the_best_threshold_only() -> None:
    pooled = {0.4: 0.850, 0.6: 0.840}
    by_fold = {0.4: STEADY, 0.6: NOISY}
    assert choose_threshold(pooled, by_fold).threshold == 0.4


def test_exact_ties_go_to_the_higher_threshold() -> None:
    pooled = {0.4: 0.85, 0.5: 0.85}
    choice = choose_threshold(pooled, {0.4: [0.85], 0.5: [0.85]})
    assert choice.threshold == 0.5
    assert choice.standard_error == 0.0


def test_an_empty_grid_is_an_error() -> None:
    with pytest.raises(ValueError):
        choose_threshold({}, {})


def test_f_half_weights_precision_twice() -> None:
    assert f_beta(1.0, 0.5) > f_beta(0.5, 1.0)
    assert f_beta(0.0, 0.0) == 0.0
    assert f_beta(0.8, 0.8) == pytest.approx(0.8)
