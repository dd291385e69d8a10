"""How the stories pair scorer is fitted: its training pairs, replayed with the gold
clustering (:func:`pairs`), the fit options (:class:`Fit`, :func:`add_fit_arguments`) and the
threshold grid and score (:data:`THRESHOLDS`, :func:`f_beta`).

Shared by ``bench/fit_stories.py``, ``bench/cv_stories.py`` and ``bench/lococv_stories.py``
(through :mod:`story_validation`); see ``bench/fit_stories.py`` for the procedure.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from stories import Labelled, to_doc  # type: ignore[import-not-found]  # noqa: E402

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
POSITIVE_WEIGHT = 0.5
"""Each same-event pair counts half: chosen by leave-one-corpus-out validation
(``bench/lococv_stories.py``: 0.3, 0.5, 0.7, 1, 3; README): at the best pooled F0.5 it keeps
recall and halves the merges of disagreeing events, where a higher threshold alone buys
precision with recall."""
THRESHOLDS = tuple(round(0.05 * i, 2) for i in range(8, 17))  # 0.40 .. 0.80


def f_beta(p: float, r: float, beta: float = BETA) -> float:
    """F-beta of precision ``p`` and recall ``r`` (0 when both are 0)."""
    return 0.0 if p + r == 0 else (1 + beta**2) * p * r / (beta**2 * p + r)


@dataclass(frozen=True)
class Fit:
    """How the weights are fitted: L2 strength, weight of the moved pairs, whether the
    weights keep the signs of :data:`~monitor.projections.story_scorer.SIGNS`, features
    left out (weight 0), and whether only the candidates the engine shortlists are paired
    (``met``; else every active story).

    Options for fitting across corpora (``bench/lococv_stories.py``):

    - ``standardise``: the L2 penalty of each feature is scaled by its (weighted) variance,
      the same as penalising the weights of standardised features, so a rare flag
      (a conflict) is not held back more than a cosine that varies over the whole range;
    - ``positive_weight``: each same-event pair counts this many times;
    - ``balance``: with the corpus of each pair given, a corpus of ``n`` pairs has its pairs
      weighted by ``n ** -balance`` (0: every pair alike; 1: every corpus alike), rescaled
      so the total weight is unchanged;
    - ``penalise``: per-feature multipliers of the L2 strength (a feature whose weight is
      specific to one author's style is held nearer 0).
    """

    l2: float = L2
    moved: float = MOVED_WEIGHT
    signs: bool = True
    drop: tuple[str, ...] = ()
    met: bool = False
    standardise: bool = False
    positive_weight: float = POSITIVE_WEIGHT
    balance: float = 0.0
    penalise: tuple[tuple[str, float], ...] = ()

    def sample_weights(
        self, y: np.ndarray, w: np.ndarray, groups: Sequence[str] | None = None
    ) -> np.ndarray:
        """The pairs' sample weights after the class weight and the corpus balance."""
        out = np.asarray(w, dtype=float) * np.where(y > 0.5, self.positive_weight, 1.0)
        if groups is not None and self.balance:
            names = np.asarray(groups)
            scale = np.ones(len(out))
            for name in sorted(set(groups)):
                mine = names == name
                scale[mine] = float(mine.sum()) ** -self.balance
            out = out * scale * (out.sum() / (out * scale).sum())
        return out

    def penalties(self, x: np.ndarray, w: np.ndarray) -> np.ndarray:
        """The L2 strength of each feature (the bias is never penalised)."""
        penalty = np.full(x.shape[1], self.l2)
        if self.standardise:
            mean = (w[:, None] * x).sum(axis=0) / w.sum()
            var = (w[:, None] * (x - mean) ** 2).sum(axis=0) / w.sum()
            penalty = penalty * np.where(var > 1e-12, var, 1.0)
        for name, factor in self.penalise:
            penalty[FEATURES.index(name)] *= factor
        penalty[0] = 0.0
        return penalty

    def weights(
        self,
        x: np.ndarray,
        y: np.ndarray,
        w: np.ndarray,
        groups: Sequence[str] | None = None,
    ) -> np.ndarray:
        """The fitted weights of pairs ``x`` (labels ``y``, sample weights ``w``, and the
        corpus of each pair for :attr:`balance`)."""
        x = x.copy()
        for name in self.drop:
            x[:, FEATURES.index(name)] = 0.0
        signs = [0 if name in self.drop else s for name, s in zip(FEATURES, SIGNS, strict=True)]
        sw = self.sample_weights(y, w, groups)
        fitted = fit_logistic(
            x,
            y,
            l2=self.penalties(x, sw),
            sample_weight=sw,
            signs=signs if self.signs else None,
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
                if story.is_opinion or disagrees(signals, story.signals, events=False):
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


def add_fit_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of :class:`Fit` (shared with ``bench/cv_stories.py``)."""
    parser.add_argument("--l2", type=float, default=L2)
    parser.add_argument("--moved", type=float, default=MOVED_WEIGHT)
    parser.add_argument(
        "--free-signs", dest="signs", action="store_false", help="do not keep SIGNS' signs"
    )
    parser.add_argument("--drop", default="", help="comma-separated features to leave out")
    parser.add_argument("--met", action="store_true", help="pair shortlisted candidates only")
    parser.add_argument(
        "--standardise", action="store_true", help="scale each L2 penalty by the feature's variance"
    )
    parser.add_argument("--positive-weight", type=float, default=POSITIVE_WEIGHT)
    parser.add_argument(
        "--balance", type=float, default=0.0, help="corpus balance exponent (0 none, 1 equal)"
    )
    parser.add_argument(
        "--penalise", default="", help="per-feature L2 multipliers: name=factor,name=factor"
    )


def fit_of(args: argparse.Namespace) -> Fit:
    """The :class:`Fit` the command line asks for."""
    drop = tuple(d for d in str(args.drop).split(",") if d)
    penalise = tuple(
        (name, float(factor))
        for name, factor in (item.split("=") for item in str(args.penalise).split(",") if item)
    )
    unknown = [d for d in (*drop, *(n for n, _ in penalise)) if d not in FEATURES]
    if unknown:
        raise SystemExit(f"unknown features: {unknown}")
    return Fit(
        args.l2,
        args.moved,
        bool(args.signs),
        drop,
        bool(args.met),
        bool(args.standardise),
        float(args.positive_weight),
        float(args.balance),
        penalise,
    )
