"""Leave-events-out cross-validation of the stories pair scorer on the development half.

Run: ``python bench/cv_stories.py [--folds 5] [--l2 0.1] [--threshold T]``.

The fitted scorer (``bench/fit_stories.py``) is scored on the same labelled pairs it was
fitted on, so its plain development numbers flatter it. Here the gold events of the
development half (never the held-out half) are split into ``folds`` groups by a stable hash
of the event id. For each group the weights are fitted on the pairs whose article belongs
to the other groups, the whole half (merged, arrival order) and dev/articles.jsonl are
replayed with those weights, and only the articles of the left-out group are scored
(B-cubed per article against its full predicted story; pairs with at least one left-out
article; merges of events whose places or actors disagree likewise). The per-group
scores are pooled, so every article is judged by weights that never saw its event.
The threshold is the committed one unless ``--threshold`` is given. With
``--with-check-sets`` every fold is also fitted on the check sets' pairs (``fresh`` ...
``fresh4``, never scored here), as the shipped fit is (``bench/lococv_stories.py``). Deterministic.
"""

from __future__ import annotations

import argparse
import sys
import zlib
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from fit_stories import (  # type: ignore[import-not-found]  # noqa: E402
    Fit,
    add_fit_arguments,
    all_pairs,
    fit_of,
)
from stories import (  # type: ignore[import-not-found]  # noqa: E402
    CHECK_SETS,
    Labelled,
    check_sets,
    dev_sets,
    f1,
    merged,
    replay,
)

from monitor.projections.clustering import ClusterParams  # noqa: E402
from monitor.projections.story_scorer import (  # noqa: E402
    FEATURES,
    StoryModel,
    default_model,
)

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


def main() -> None:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=5)
    add_fit_arguments(parser)
    parser.add_argument(
        "--thresholds", default=None, help="comma-separated; default: the committed one"
    )
    parser.add_argument(
        "--with-check-sets",
        action="store_true",
        help="fit every fold also on the check sets' pairs (as the shipped fit is)",
    )
    args = parser.parse_args()
    fit = fit_of(args)
    thresholds = (
        [default_model().threshold]
        if args.thresholds is None
        else [float(t) for t in args.thresholds.split(",")]
    )
    always = [s for name in CHECK_SETS for s in check_sets(name)] if args.with_check_sets else []
    pooled = cross_validate(dev_sets(), args.folds, fit, thresholds, always=always)
    print(
        f"Leave-events-out CV, {args.folds} folds, l2 {fit.l2}, moved {fit.moved}, "
        f"signs {fit.signs}, shortlisted only {fit.met}, without {list(fit.drop) or 'nothing'}, "
        f"positive weight {fit.positive_weight}, check sets in training {bool(always)} "
        "(left-out articles only)"
    )
    for threshold, by_set in pooled.items():
        print(f"threshold {threshold}")
        print(
            f"  {'set':<24}{'n':>5}{'B3 P':>7}{'B3 R':>7}{'B3 F1':>7}"
            f"{'pair P':>8}{'pair R':>8}{'pair F1':>8}{'bad':>5}"
        )
        for name, score in by_set.items():
            print(score.line(name))


if __name__ == "__main__":
    main()
