"""How the stories fit weighs its pairs and chooses its threshold across corpora
(bench/story_fitting.py, bench/story_validation.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "bench"))

from story_fitting import Fit
from story_validation import Pooled, choose, combine

from monitor.projections.story_scorer import FEATURES

Y = np.array([1.0, 0.0, 0.0, 1.0, 0.0])
W = np.array([1.0, 1.0, 0.3, 1.0, 1.0])


def test_a_same_event_pair_counts_as_the_positive_weight_says() -> None:
    weights = Fit(positive_weight=0.5).sample_weights(Y, W)
    assert weights.tolist() == [0.5, 1.0, 0.3, 0.5, 1.0]


def test_without_balance_the_corpus_of_a_pair_changes_nothing() -> None:
    fit = Fit(positive_weight=1.0)
    assert fit.sample_weights(Y, W, ["a", "a", "a", "a", "b"]).tolist() == W.tolist()


def test_full_balance_gives_each_corpus_the_same_total_and_keeps_the_sum() -> None:
    fit = Fit(positive_weight=1.0, balance=1.0)
    weights = fit.sample_weights(Y, np.ones(5), ["a", "a", "a", "a", "b"])
    assert weights[:4].sum() == pytest.approx(weights[4])
    assert weights.sum() == pytest.approx(5.0)


def test_standardising_scales_each_penalty_by_the_feature_variance() -> None:
    x = np.zeros((4, len(FEATURES)))
    x[:, 0] = 1.0
    x[:, 1] = [0.0, 1.0, 0.0, 1.0]  # variance 0.25
    x[:, 2] = [0.0, 0.0, 0.0, 2.0]  # variance 0.75
    penalty = Fit(l2=2.0, standardise=True).penalties(x, np.ones(4))
    assert penalty[0] == 0.0  # the bias is never penalised
    assert penalty[1] == pytest.approx(0.5)
    assert penalty[2] == pytest.approx(1.5)
    assert penalty[3] == pytest.approx(2.0)  # a constant column keeps the plain strength


def test_a_named_feature_gets_its_own_multiple_of_the_strength() -> None:
    fit = Fit(l2=1.0, penalise=(("age_days", 10.0),))
    penalty = fit.penalties(np.ones((3, len(FEATURES))), np.ones(3))
    assert penalty[FEATURES.index("age_days")] == 10.0
    assert penalty[FEATURES.index("body")] == 1.0


def scored(n: int, p: float, r: float, bad: int = 0) -> Pooled:
    pooled = Pooled()
    pooled.n, pooled.p, pooled.r, pooled.bad = n, p * n, r * n, bad
    return pooled


def test_corpora_pool_article_by_article() -> None:
    total = combine([scored(10, 1.0, 0.5, bad=2), scored(30, 0.8, 1.0, bad=1)])
    assert total.n == 40
    assert total.bcubed() == pytest.approx((0.85, 0.875))
    assert total.bad == 3


def test_the_threshold_is_the_best_pooled_f_half_ties_to_the_higher() -> None:
    by_threshold = {
        0.4: {"a": scored(10, 0.80, 1.0), "b": scored(10, 0.90, 1.0)},
        0.5: {"a": scored(10, 0.95, 0.9), "b": scored(10, 0.95, 0.9)},
        0.6: {"a": scored(10, 0.95, 0.9), "b": scored(10, 0.95, 0.9)},
        0.7: {"a": scored(10, 1.00, 0.5), "b": scored(10, 1.00, 0.5)},
    }
    assert choose(by_threshold) == 0.6
