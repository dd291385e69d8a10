"""Fit the opinion voice score (:func:`monitor.text.genre.voice_score`) on the development corpora.

Run: ``python bench/fit_genre.py``; prints the weights and bias to paste into
``monitor/text/genre.py`` and the score's confusion on each corpus at the threshold.

Rows are every labelled article of tests/data/stories/dev/articles.jsonl and the check sets
fresh ... fresh4 (never fresh5, fresh6 or the held-out half): the label says whether the
article is opinion. Only the body's voice is fitted, so headline markers and labels, which
decide on their own, are left out of the inputs. A logistic regression (numpy Newton, L2,
opinion rows weighted :data:`POSITIVE_WEIGHT`, a dozen columns among five hundred reports)
is fitted on the features of :class:`monitor.text.genre.Voice` of the articles the score
reads (someone speaks in the first person outside quotes; the rest score 0); weights are rounded to one
decimal. The threshold is the midpoint between the lowest-scoring opinion piece and the
highest-scoring other article of the rows (the widest margin the corpora allow).
Deterministic: same files, same weights.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from monitor.text.genre import FEATURES, VOICE_THRESHOLD, voice, voice_score  # noqa: E402

SETS = ("dev", "fresh", "fresh2", "fresh3", "fresh4")
L2 = 0.3
POSITIVE_WEIGHT = 1.0


def rows(name: str) -> list[dict[str, str]]:
    """The labelled articles of one development corpus."""
    path = ROOT / "tests" / "data" / "stories" / name / "articles.jsonl"
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def fit(x: np.ndarray, y: np.ndarray, w: np.ndarray) -> np.ndarray:
    """Weighted L2 logistic regression by Newton's method (bias last, unpenalised)."""
    beta = np.zeros(x.shape[1])
    penalty = np.full(x.shape[1], L2)
    penalty[-1] = 0.0
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-(x @ beta)))
        grad = x.T @ (w * (p - y)) + penalty * beta
        hess = (x * (w * p * (1 - p))[:, None]).T @ x + np.diag(penalty)
        beta -= np.linalg.solve(hess, grad)
    return beta


def _voiced(text: str) -> bool:
    """Whether the score reads the text at all (someone speaks in the first person)."""
    marks = voice(text)
    return bool(marks.stance or marks.personal)


def main() -> None:
    every = [(r, name) for name in SETS for r in rows(name)]
    data = [(r, name) for r, name in every if _voiced(r["body"])]
    x = np.array([[*voice(r["body"]).shares(), 1.0] for r, _ in data])
    y = np.array([1.0 if r["genre"] == "opinion" else 0.0 for r, _ in data])
    w = np.where(y == 1.0, POSITIVE_WEIGHT, 1.0)
    print(f"{len(y)} voiced rows, {int(y.sum())} opinion")
    beta = fit(x, y, w)
    print("weights", dict(zip(FEATURES, np.round(beta[:-1], 1).tolist(), strict=True)))
    print(f"_WEIGHTS = {tuple(np.round(beta[:-1], 1).tolist())}")
    print(f"_BIAS = {round(float(beta[-1]), 1)}", float(beta[-1]))
    scored = [(voice_score(r["body"]), r["genre"] == "opinion") for r, _ in data]
    lowest = min(v for v, gold in scored if gold)
    highest = max((v for v, gold in scored if not gold), default=0.0)
    print(
        f"VOICE_THRESHOLD = {round((lowest + highest) / 2, 2)}  (opinion >= {lowest:.3f}, "
        f"others <= {highest:.3f}, with the weights in genre.py)"
    )
    for name in SETS:
        tp = fp = fn = 0
        for r, where in every:
            if where != name:
                continue
            gold = r["genre"] == "opinion"
            said = voice_score(r["body"]) >= VOICE_THRESHOLD
            tp += gold and said
            fp += said and not gold
            fn += gold and not said
        print(f"{name:8} (current weights) voice tp {tp} fp {fp} fn {fn}")


if __name__ == "__main__":
    main()
