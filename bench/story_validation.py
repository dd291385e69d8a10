"""How a fit of the stories pair scorer is validated: articles scored against the gold
events (:class:`Pooled`), leave-events-out folds of the development half
(:func:`cross_validate`) and leave-one-corpus-out folds of the development corpora
(:func:`leave_one_corpus_out`, :func:`choose`).

Shared by ``bench/fit_stories.py``, ``bench/cv_stories.py`` and ``bench/lococv_stories.py``.
"""

from __future__ import annotations

import sys
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from stories import (  # type: ignore[import-not-found]  # noqa: E402
    CHECK_SETS,
    Labelled,
    check_sets,
    dev_sets,
    f1,
    merged,
    replay,
)
from story_fitting import Fit, all_pairs, f_beta  # type: ignore[import-not-found]  # noqa: E402

from monitor.projections.clustering import ClusterParams  # noqa: E402
from monitor.projections.story_scorer import FEATURES, StoryModel  # noqa: E402

MERGED = "whole half (merged)"


def fold_of(event: str, folds: int) -> int:
    """The group of an event: a stable hash, so the split never depends on file order."""
    return zlib.crc32(event.encode("utf-8")) % folds


class Pooled:
    """B-cubed, pairwise and disagreeing-merge counts pooled over the left-out articles."""

    def __init__(self) -> None:
        self.n = 0
        self.p = 0.0
        self.r = 0.0
        self.made = 0
        self.right = 0
        self.wanted = 0
        self.bad = 0
        self.parts: dict[int, Pooled] = {}
        """The same counts kept apart per fold (filled when ``add`` is given a fold)."""

    def add(
        self,
        predicted: dict[str, str],
        gold: dict[str, str],
        scored: set[str],
        events: dict[str, dict[str, object]] | None,
        fold: int | None = None,
    ) -> None:
        """Count the articles of ``scored`` (and the pairs touching them) of one replay;
        with ``fold``, also into that fold's own counts (:attr:`parts`)."""
        if fold is not None:
            self.parts.setdefault(fold, Pooled()).add(predicted, gold, scored, events)
        pred_members: dict[str, list[str]] = {}
        gold_members: dict[str, list[str]] = {}
        for item in sorted(gold):
            pred_members.setdefault(predicted[item], []).append(item)
            gold_members.setdefault(gold[item], []).append(item)
        for item in sorted(scored):
            mine = set(pred_members[predicted[item]])
            truth = set(gold_members[gold[item]])
            overlap = len(mine & truth)
            self.n += 1
            self.p += overlap / len(mine)
            self.r += overlap / len(truth)
        for members in pred_members.values():
            for i, a in enumerate(members):
                for b in members[i + 1 :]:
                    if a not in scored and b not in scored:
                        continue
                    self.made += 1
                    if gold[a] == gold[b]:
                        self.right += 1
                    elif events is not None and _disagree(events, gold[a], gold[b]):
                        self.bad += 1
        for members in gold_members.values():
            for i, a in enumerate(members):
                for b in members[i + 1 :]:
                    if a in scored or b in scored:
                        self.wanted += 1

    def bcubed(self) -> tuple[float, float]:
        """Pooled B-cubed precision and recall."""
        return self.p / self.n, self.r / self.n

    def line(self, name: str) -> str:
        """One row of the report."""
        p, r = self.p / self.n, self.r / self.n
        pp = self.right / self.made if self.made else 1.0
        pr = self.right / self.wanted if self.wanted else 1.0
        return (
            f"  {name:<24}{self.n:>5}{p:>7.3f}{r:>7.3f}{f1(p, r):>7.3f}"
            f"{pp:>8.3f}{pr:>8.3f}{f1(pp, pr):>8.3f}{self.bad:>5}"
        )


def _disagree(events: dict[str, dict[str, object]], ea: str, eb: str) -> bool:
    for key in ("places", "actors"):
        wa = {str(v).lower() for v in events.get(ea, {}).get(key, []) or []}  # type: ignore[union-attr]
        wb = {str(v).lower() for v in events.get(eb, {}).get(key, []) or []}  # type: ignore[union-attr]
        if wa and wb and not wa & wb:
            return True
    return False


def cross_validate(
    sets: Sequence[Labelled],
    folds: int,
    fit: Fit,
    thresholds: Sequence[float],
    merged_only: bool = False,
    always: Sequence[Labelled] = (),
) -> dict[float, dict[str, Pooled]]:
    """Pooled left-out scores, per threshold, of the merged half and (unless
    ``merged_only``) of each file with an events table. The pairs of ``always`` (other
    corpora, never scored here) join the training pairs of every fold."""
    base = ClusterParams(model=StoryModel((0.0,) * len(FEATURES)))
    x_all, y_all, w_all, events_of = all_pairs(sets, fit.moved, fit.met)
    g_all = np.asarray([fold_of(e, folds) for e in events_of])
    if always:
        x_more, y_more, w_more, _ = all_pairs(always, fit.moved, fit.met)
        x_all = np.vstack([x_all, x_more])
        y_all = np.concatenate([y_all, y_more])
        w_all = np.concatenate([w_all, w_more])
        g_all = np.concatenate([g_all, np.full(len(y_more), -1)])
    targets = [merged(MERGED, sets)]
    if not merged_only:
        targets += [s for s in sets if s[2] is not None]
    pooled = {t: {name: Pooled() for name, _, _ in targets} for t in thresholds}
    for k in range(folds):
        train = g_all != k
        weights = fit.weights(x_all[train], y_all[train], w_all[train])
        for threshold, name, rows, events in (
            (t, *target) for t in thresholds for target in targets
        ):
            model = StoryModel(tuple(round(float(w), 6) for w in weights), threshold)
            params = replace(base, model=model)
            assignments = replay(rows, params)
            ids = [str(row["id"]) for row in rows]
            gold = {i: str(row["event"]) for i, row in zip(ids, rows, strict=True)}
            predicted = {i: a.story_id for i, a in zip(ids, assignments, strict=True)}
            scored = {i for i in ids if fold_of(gold[i], folds) == k}
            pooled[threshold][name].add(predicted, gold, scored, events, fold=k)
    return pooled


DEV_HALF = "dev half"


@dataclass(frozen=True)
class Corpus:
    """One separately written corpus: its name, its files, the stream it is scored on
    (its files merged in arrival order when there are several), and its pairs."""

    name: str
    sets: tuple[Labelled, ...]
    target: Labelled
    x: np.ndarray
    y: np.ndarray
    w: np.ndarray


def corpora(moved: float, met: bool = False) -> list[Corpus]:
    """The development half and the check sets, each with its training pairs."""
    found: list[Corpus] = []
    for name, sets in [(DEV_HALF, dev_sets()), *((n, check_sets(n)) for n in CHECK_SETS)]:
        if not sets:
            continue
        target = sets[0] if len(sets) == 1 else merged(name, sets)
        x, y, w, _ = all_pairs(sets, moved, met)
        found.append(Corpus(name, tuple(sets), target, x, y, w))
    return found


def fitted(fit: Fit, training: Sequence[Corpus]) -> tuple[float, ...]:
    """The weights fitted on the pairs of ``training`` (the corpus of each pair is known,
    for :attr:`Fit.balance`)."""
    x = np.vstack([c.x for c in training])
    y = np.concatenate([c.y for c in training])
    w = np.concatenate([c.w for c in training])
    groups = [c.name for c in training for _ in range(len(c.y))]
    return tuple(round(float(v), 6) + 0.0 for v in fit.weights(x, y, w, groups))


def score(
    corpus: Corpus, weights: Sequence[float], thresholds: Sequence[float]
) -> dict[float, Pooled]:
    """Every article of ``corpus`` scored after a replay with ``weights``, per threshold."""
    _, rows, events = corpus.target
    ids = [str(row["id"]) for row in rows]
    gold = {i: str(row["event"]) for i, row in zip(ids, rows, strict=True)}
    out: dict[float, Pooled] = {}
    for threshold in thresholds:
        params = ClusterParams(model=StoryModel(tuple(weights), threshold))
        assignments = replay(rows, params)
        predicted = {i: a.story_id for i, a in zip(ids, assignments, strict=True)}
        pooled = Pooled()
        pooled.add(predicted, gold, set(ids), events)
        out[threshold] = pooled
    return out


def combine(parts: Sequence[Pooled]) -> Pooled:
    """The counts of several corpora added (every article and pair alike)."""
    total = Pooled()
    for k, part in enumerate(parts):
        total.n += part.n
        total.p += part.p
        total.r += part.r
        total.made += part.made
        total.right += part.right
        total.wanted += part.wanted
        total.bad += part.bad
        total.parts[k] = part
    return total


def macro_f1(parts: Sequence[Pooled]) -> float:
    """The mean over corpora of each corpus's B-cubed F1."""
    return float(np.mean([f1(*part.bcubed()) for part in parts]))


def leave_one_corpus_out(
    found: Sequence[Corpus], fit: Fit, thresholds: Sequence[float]
) -> tuple[dict[float, dict[str, Pooled]], dict[str, tuple[float, ...]]]:
    """Per threshold, each corpus scored with weights fitted on the others; and the
    weights of each fold."""
    by_threshold: dict[float, dict[str, Pooled]] = {t: {} for t in thresholds}
    weights_of: dict[str, tuple[float, ...]] = {}
    for corpus in found:
        weights = fitted(fit, [c for c in found if c.name != corpus.name])
        weights_of[corpus.name] = weights
        for threshold, pooled in score(corpus, weights, thresholds).items():
            by_threshold[threshold][corpus.name] = pooled
    return by_threshold, weights_of


def choose(by_threshold: Mapping[float, Mapping[str, Pooled]]) -> float:
    """The threshold of the best pooled B-cubed F0.5 over the left-out corpora (ties to
    the higher). Not the one-standard-error rule of the leave-events-out fit: with five
    corpora as folds, which differ in difficulty far more than the thresholds differ, one
    standard error spans nearly the whole grid and the rule would always take its top."""
    scores = {t: f_beta(*combine(list(by.values())).bcubed()) for t, by in by_threshold.items()}
    return max(sorted(scores, reverse=True), key=lambda t: scores[t])
