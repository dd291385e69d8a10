"""Fit the stories pair scorer on the development half and write its weights.

Run: ``python bench/fit_stories.py`` (``--check`` only prints what it would write).

Training pairs come from replaying each development file (tests/data/stories/part*.jsonl
and tests/data/stories/dev/articles.jsonl, never the held-out half) in arrival order with
the gold clustering: every original article is vectorised exactly as the engine does it
(online document frequencies from the language prior), and paired with each story the
engine would score for it (its shortlist, plus the gold story when that is a candidate);
the label says whether the story is the article's event. Then the article joins its gold
story. Pairs the engine vetoes (places and actors disagree) are left out: it never scores
them. A logistic regression (numpy Newton, L2, each weight kept to the sign
``story_scorer.SIGNS`` allows it: agreement only adds, disagreement only subtracts) is
fitted on the pairs; the join threshold
is chosen, on a fixed grid, by leave-events-out B-cubed F0.5 (precision weighted twice) of
the whole half merged in arrival order (``bench/cv_stories.py``: every article judged by
weights fitted without its event), so the threshold is not chosen on the very pairs the
weights were fitted on. The one-standard-error rule (:func:`choose_threshold`): of the
thresholds whose pooled CV F0.5 is within one standard error (over the folds) of the best,
the highest, so precision wins wherever the data cannot tell the thresholds apart.
Deterministic: same files, same file.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from stories import Labelled, dev_sets, to_doc  # type: ignore[import-not-found]  # noqa: E402

from monitor.projections.clustering import (  # noqa: E402
    ClusterEngine,
    ClusterParams,
    InMemoryClusterState,
    StorySummary,
    event_time_of,
    story_id_for,
)
from monitor.projections.story_scorer import (  # noqa: E402
    FEATURES,
    FLAG,
    SIGNS,
    WEIGHTS_FILE,
    StoryModel,
    disagrees,
    fit_logistic,
)

BETA = 0.5
"""The threshold maximises B-cubed F-beta with beta 0.5: precision counts twice as much
(a reader who meets one merged story stops trusting the rest)."""
L2 = 1.0
"""Chosen by leave-events-out CV with the signs kept (0.01, 0.1, 0.3, 1, 3: README)."""
MOVED_WEIGHT = 0.3
THRESHOLDS = tuple(round(0.05 * i, 2) for i in range(8, 17))  # 0.40 .. 0.80
FOLDS = 5


def f_beta(p: float, r: float, beta: float = BETA) -> float:
    """F-beta of precision ``p`` and recall ``r`` (0 when both are 0)."""
    return 0.0 if p + r == 0 else (1 + beta**2) * p * r / (beta**2 * p + r)


@dataclass(frozen=True)
class Choice:
    """The chosen threshold, the best pooled CV score, the threshold that reached it, and
    the standard error (over the folds) of that best score."""

    threshold: float
    best: float
    best_threshold: float
    standard_error: float


def choose_threshold(
    pooled: Mapping[float, float], by_fold: Mapping[float, Sequence[float]]
) -> Choice:
    """The one-standard-error rule: the highest threshold whose pooled score is at least
    the best pooled score less the standard error of the best threshold's fold scores
    (sample standard deviation over the square root of the number of folds).

    ``pooled`` maps each threshold to its pooled CV score, ``by_fold`` to its per-fold
    scores. Ties and near-ties within the noise go to the higher (more precise) threshold.
    """
    if not pooled:
        raise ValueError("no thresholds")
    best_threshold = max(sorted(pooled, reverse=True), key=lambda t: pooled[t])
    best = pooled[best_threshold]
    folds = np.asarray(by_fold.get(best_threshold, ()), dtype=float)
    se = float(folds.std(ddof=1) / np.sqrt(len(folds))) if len(folds) > 1 else 0.0
    chosen = max(t for t, score in pooled.items() if score >= best - se - 1e-12)
    return Choice(chosen, best, best_threshold, se)


@dataclass(frozen=True)
class Fit:
    """How the weights are fitted: L2 strength, weight of the moved pairs, whether the
    weights keep the signs of :data:`~monitor.projections.story_scorer.SIGNS`, features
    left out (weight 0), and whether only the candidates the engine shortlists are paired
    (``met``; else every active story)."""

    l2: float = L2
    moved: float = MOVED_WEIGHT
    signs: bool = True
    drop: tuple[str, ...] = ()
    met: bool = False

    def weights(self, x: np.ndarray, y: np.ndarray, w: np.ndarray) -> np.ndarray:
        """The fitted weights of pairs ``x`` (labels ``y``, sample weights ``w``)."""
        x = x.copy()
        for name in self.drop:
            x[:, FEATURES.index(name)] = 0.0
        signs = [0 if name in self.drop else s for name, s in zip(FEATURES, SIGNS, strict=True)]
        fitted = fit_logistic(
            x, y, l2=self.l2, sample_weight=w, signs=signs if self.signs else None
        )
        for name in self.drop:
            fitted[FEATURES.index(name)] = 0.0
        return fitted


def pairs(
    rows: Sequence[dict[str, object]],
    params: ClusterParams,
    moved_weight: float = 0.3,
    met: bool = False,
) -> tuple[list[np.ndarray], list[float], list[float], list[str]]:
    """Feature rows, labels, sample weights and the article's event of each pair, one file
    replayed with the gold clustering.

    Two kinds of pairs: the article against every candidate the engine would consider
    (active stories, real time gaps), and against every older story outside the window,
    moved in time to the article's own gap from its gold story (0 for an event's first
    article). The moved pairs are the same-subject look-alikes of other days presented as
    if they were same-day: content, names, kinds and numbers must tell them apart.
    They count ``moved_weight`` each (default :data:`MOVED_WEIGHT`). With ``met`` the
    active stories are only those the engine's shortlist would offer the article.
    """
    engine = ClusterEngine(InMemoryClusterState(), params)
    state = engine.state
    assert isinstance(state, InMemoryClusterState)
    gold: dict[str, str] = {}  # event -> story id
    xs: list[np.ndarray] = []
    ys: list[float] = []
    ws: list[float] = []
    events: list[str] = []
    gap_index = FEATURES.index("gap_days")
    age_index = FEATURES.index("age_days")
    for row in rows:
        if row.get("copy_of"):
            continue
        doc = to_doc(row)
        event = str(row["event"])
        moment = event_time_of(doc, params.max_backdate)
        fields, signals = engine.vectorize(doc)
        target = gold.get(event)
        existing: StorySummary | None = state.get_story(target) if target else None
        if FLAG not in fields:
            offered = engine.candidates(moment)
            if met:
                offered = engine.shortlist(fields, offered)
            active = {s.story_id for s in offered}
            own_gap = own_age = 0.0
            if existing is not None:
                own = engine.pair_features(fields, signals, moment, existing)
                own_gap, own_age = float(own[gap_index]), float(own[age_index])
            for story_id in sorted(state.stories):
                story = state.stories[story_id]
                if story.is_opinion or disagrees(signals, story.signals):
                    continue  # never scored by the engine
                x = engine.pair_features(fields, signals, moment, story)
                if story_id in active:
                    weight = 1.0
                elif story_id == target:
                    continue
                else:
                    x[gap_index] = own_gap
                    x[age_index] = own_age
                    weight = moved_weight
                xs.append(x)
                ys.append(1.0 if story_id == target else 0.0)
                ws.append(weight)
                events.append(event)
        if existing is not None and FLAG not in fields:
            state.put_story(engine.absorb(existing, fields, moment))
        else:
            story_id = story_id_for(doc.article_id)
            state.put_story(engine.found(story_id, fields, moment))
            if target is None:
                gold[event] = story_id
    return xs, ys, ws, events


def all_pairs(
    sets: Sequence[Labelled], moved_weight: float, met: bool = False
) -> tuple[np.ndarray, np.ndarray, np.ndarray, list[str]]:
    """The pairs of every file, stacked: feature matrix, labels, sample weights and the
    article's event of each row."""
    base = ClusterParams(model=StoryModel((0.0,) * len(FEATURES)))  # pairs() never scores
    xs: list[np.ndarray] = []
    ys: list[float] = []
    ws: list[float] = []
    events: list[str] = []
    for _, rows, _ in sets:
        x, y, w, ev = pairs(rows, base, moved_weight, met)
        xs += x
        ys += y
        ws += w
        events += ev
    return np.vstack(xs), np.asarray(ys), np.asarray(ws), events


def main() -> None:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="print, do not write")
    add_fit_arguments(parser)
    args = parser.parse_args()
    fit = fit_of(args)
    sets = dev_sets()
    x_all, y_all, w_all, _ = all_pairs(sets, fit.moved, fit.met)
    weights = fit.weights(x_all, y_all, w_all)
    rounded = tuple(round(float(w), 6) + 0.0 for w in weights)
    from cv_stories import MERGED, cross_validate  # type: ignore[import-not-found]

    pooled = cross_validate(sets, FOLDS, fit, THRESHOLDS, merged_only=True)
    scores: dict[float, float] = {}
    by_fold: dict[float, list[float]] = {}
    for threshold in THRESHOLDS:
        whole = pooled[threshold][MERGED]
        p, r = whole.bcubed()
        scores[threshold] = f_beta(p, r)
        by_fold[threshold] = [f_beta(*whole.parts[k].bcubed()) for k in sorted(whole.parts)]
        spread = np.std(by_fold[threshold], ddof=1) / np.sqrt(len(by_fold[threshold]))
        print(
            f"  threshold {threshold:.2f}: CV whole-half B3 P {p:.4f} R {r:.4f} "
            f"F0.5 {scores[threshold]:.4f} (fold s.e. {spread:.4f})"
        )
    choice = choose_threshold(scores, by_fold)
    out = {
        "features": list(FEATURES),
        "weights": list(rounded),
        "threshold": choice.threshold,
        "fitted_on": [name for name, _, _ in sets],
        "pairs": len(y_all),
        "positives": int(y_all.sum()),
        "l2": fit.l2,
        "moved_weight": fit.moved,
        "sign_constrained": fit.signs,
        "dropped": list(fit.drop),
        "shortlisted_only": fit.met,
        "threshold_by": f"leave-events-out CV, {FOLDS} folds, B3 F{BETA}, one-standard-error rule",
    }
    text = json.dumps(out, indent=1) + "\n"
    for name, w in zip(FEATURES, rounded, strict=True):
        print(f"  {name:<22}{w:>10.3f}")
    print(
        f"  threshold {choice.threshold} (best CV whole-half B3 F0.5 {choice.best:.4f} at "
        f"{choice.best_threshold}, s.e. {choice.standard_error:.4f}), {len(y_all)} pairs"
    )
    if not args.check:
        WEIGHTS_FILE.write_text(text, "utf-8")
        print(f"wrote {WEIGHTS_FILE.relative_to(ROOT)}")


def add_fit_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of :class:`Fit` (shared with ``bench/cv_stories.py``)."""
    parser.add_argument("--l2", type=float, default=L2)
    parser.add_argument("--moved", type=float, default=MOVED_WEIGHT)
    parser.add_argument(
        "--free-signs", dest="signs", action="store_false", help="do not keep SIGNS' signs"
    )
    parser.add_argument("--drop", default="", help="comma-separated features to leave out")
    parser.add_argument("--met", action="store_true", help="pair shortlisted candidates only")


def fit_of(args: argparse.Namespace) -> Fit:
    """The :class:`Fit` the command line asks for."""
    drop = tuple(d for d in str(args.drop).split(",") if d)
    unknown = [d for d in drop if d not in FEATURES]
    if unknown:
        raise SystemExit(f"unknown features: {unknown}")
    return Fit(args.l2, args.moved, bool(args.signs), drop, bool(args.met))


if __name__ == "__main__":
    main()
