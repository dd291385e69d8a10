"""The fitted pair model: logistic-regression weights over :data:`~.pair_features.FEATURES`
and the join threshold (:class:`StoryModel`), the committed fit (:func:`default_model`) and
the fitting method (:func:`fit_logistic`).

The weights are fitted on labelled pairs of the development corpora of the stories data (the
development half and the check sets; never the held-out half) by ``bench/fit_stories.py``
(deterministic, threshold by leave-one-corpus-out validation) and committed as
``story_weights.json``.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import numpy.typing as npt

from monitor.projections.pair_features import FEATURES

WEIGHTS_FILE = Path(__file__).with_name("story_weights.json")


@dataclass(frozen=True)
class StoryModel:
    """Logistic-regression weights over :data:`FEATURES` and the join threshold."""

    weights: tuple[float, ...]
    threshold: float = 0.5

    def probability(self, x: npt.NDArray[np.float64]) -> float:
        """Probability that the pair is one event."""
        z = float(np.dot(np.asarray(self.weights), x))
        return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))


@lru_cache(maxsize=1)
def default_model() -> StoryModel:
    """The committed model (``story_weights.json``)."""
    data = json.loads(WEIGHTS_FILE.read_text("utf-8"))
    if tuple(data["features"]) != FEATURES:
        raise ValueError(f"{WEIGHTS_FILE.name} was fitted on other features; rerun fit_stories")
    return StoryModel(tuple(float(w) for w in data["weights"]), float(data["threshold"]))


def fit_logistic(
    x: npt.NDArray[np.float64],
    y: npt.NDArray[np.float64],
    l2: float | Sequence[float] | npt.NDArray[np.float64] = 1.0,
    iterations: int = 50,
    sample_weight: Sequence[float] | None = None,
    signs: Sequence[int] | None = None,
) -> npt.NDArray[np.float64]:
    """L2-regularised logistic regression by Newton's method (deterministic; bias unpenalised).

    ``l2`` is one strength for every weight or one per column (the bias's is ignored).

    ``signs`` (one per column: +1, -1 or 0) constrains the sign of each weight: +1 may only
    add to the score, -1 only subtract, 0 is free. Solved by an active set: a weight fitted
    with the wrong sign is held at 0 and the rest refitted; a held weight is released when
    the loss would fall by moving it the allowed way (at most one per round)."""
    sw = np.ones(len(y)) if sample_weight is None else np.asarray(sample_weight, dtype=float)
    penalty = np.broadcast_to(np.asarray(l2, dtype=float), (x.shape[1],)).copy()
    penalty[0] = 0.0
    if signs is None:
        return _newton(x, y, sw, penalty, iterations)
    direction = np.asarray(signs, dtype=float)
    held = np.zeros(x.shape[1], dtype=bool)
    w = np.zeros(x.shape[1])
    for _ in range(2 * x.shape[1] + 1):
        free = ~held
        w = np.zeros(x.shape[1])
        w[free] = _newton(x[:, free], y, sw, penalty[free], iterations)
        wrong = free & (direction * w < 0.0)
        if wrong.any():
            held |= wrong
            continue
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -50, 50)))
        slope = direction * (x.T @ (sw * (p - y)))  # < 0: the allowed way lowers the loss
        slope[~held] = 0.0
        if float(slope.min()) >= -1e-9:
            break
        held[int(np.argmin(slope))] = False
    return w


def _newton(
    x: npt.NDArray[np.float64],
    y: npt.NDArray[np.float64],
    sw: npt.NDArray[np.float64],
    penalty: npt.NDArray[np.float64],
    iterations: int,
) -> npt.NDArray[np.float64]:
    w = np.zeros(x.shape[1])
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -50, 50)))
        gradient = x.T @ (sw * (p - y)) + penalty * w
        hessian = (x.T * (sw * p * (1 - p))) @ x + np.diag(penalty) + 1e-9 * np.eye(x.shape[1])
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if float(np.max(np.abs(step))) < 1e-10:
            break
    return w
