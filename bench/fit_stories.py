"""Fit the stories pair scorer on the development corpora and write its weights.

Run: ``python bench/fit_stories.py`` (``--check`` only prints what it would write;
``--dev-only`` fits the development half alone, the procedure before issue #13's
leave-one-corpus-out fit).

Training pairs come from replaying each development file (tests/data/stories/part*.jsonl,
tests/data/stories/dev/articles.jsonl and the check sets fresh ... fresh4, never the held-out
half) in arrival order with the gold clustering: every original article is vectorised
exactly as the engine does it (online document frequencies from the language prior), and
paired with each story the engine would score for it (its shortlist, plus the gold story
when that is a candidate); the label says whether the story is the article's event. Then
the article joins its gold story. Pairs the engine vetoes (places and actors disagree) are
left out: it never scores them (but pairs whose event day or target site alone disagrees
are kept, ``disagrees(..., events=False)``, see ``story_scorer.disagrees``). A logistic
regression (numpy Newton, L2, each weight kept to the sign ``story_scorer.SIGNS`` allows it: agreement only adds, disagreement only
subtracts; same-event pairs weighted :data:`POSITIVE_WEIGHT`) is fitted on the pairs of all
five corpora. The join threshold is chosen, on a fixed grid, by leave-one-corpus-out
validation (``bench/lococv_stories.py``: each corpus scored with weights fitted on the other
four; the best pooled B-cubed F0.5, precision weighted twice), so neither the weights nor
the threshold are judged on the author whose style they were fitted to. With
``--dev-only`` the threshold is chosen by leave-events-out CV of the merged half
(``bench/cv_stories.py``) and the one-standard-error rule (:func:`choose_threshold`).
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

from stories import Labelled, dev_sets  # type: ignore[import-not-found]  # noqa: E402
from story_fitting import (  # type: ignore[import-not-found]  # noqa: E402
    BETA,
    THRESHOLDS,
    Fit,
    add_fit_arguments,
    all_pairs,
    f_beta,
    fit_of,
)
from story_validation import (  # type: ignore[import-not-found]  # noqa: E402
    MERGED,
    choose,
    corpora,
    cross_validate,
    fitted,
    leave_one_corpus_out,
)

from monitor.projections.story_scorer import FEATURES, WEIGHTS_FILE  # noqa: E402

FOLDS = 5


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


def main() -> None:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="print, do not write")
    parser.add_argument(
        "--dev-only",
        action="store_true",
        help="fit on the development half alone, threshold by leave-events-out CV (before #13's LOCO fit)",
    )
    add_fit_arguments(parser)
    args = parser.parse_args()
    fit = fit_of(args)
    if args.dev_only:
        sets = dev_sets()
        x_all, y_all, w_all, _ = all_pairs(sets, fit.moved, fit.met)
        weights = fit.weights(x_all, y_all, w_all)
        threshold = _events_out_threshold(sets, fit)
        fitted_on = [name for name, _, _ in sets]
        threshold_by = f"leave-events-out CV, {FOLDS} folds, B3 F{BETA}, one-standard-error rule"
    else:
        found = corpora(fit.moved, fit.met)
        by_threshold, _ = leave_one_corpus_out(found, fit, THRESHOLDS)
        threshold = choose(by_threshold)
        weights = np.asarray(fitted(fit, found))
        y_all = np.concatenate([c.y for c in found])
        fitted_on = [name for c in found for name, _, _ in c.sets]
        threshold_by = f"leave-one-corpus-out ({len(found)} corpora), best pooled B3 F{BETA}"
        print(f"  threshold {threshold} ({threshold_by})")
    rounded = tuple(round(float(w), 6) + 0.0 for w in weights)
    out = {
        "features": list(FEATURES),
        "weights": list(rounded),
        "threshold": threshold,
        "fitted_on": fitted_on,
        "pairs": len(y_all),
        "positives": int(y_all.sum()),
        "l2": fit.l2,
        "moved_weight": fit.moved,
        "positive_weight": fit.positive_weight,
        "sign_constrained": fit.signs,
        "dropped": list(fit.drop),
        "shortlisted_only": fit.met,
        "threshold_by": threshold_by,
    }
    text = json.dumps(out, indent=1) + "\n"
    for name, w in zip(FEATURES, rounded, strict=True):
        print(f"  {name:<22}{w:>10.3f}")
    print(f"  threshold {threshold}, {len(y_all)} pairs")
    if not args.check:
        WEIGHTS_FILE.write_text(text, "utf-8")
        print(f"wrote {WEIGHTS_FILE.relative_to(ROOT)}")


def _events_out_threshold(sets: Sequence[Labelled], fit: Fit) -> float:
    """The join threshold by leave-events-out CV of the merged half (one-standard-error
    rule on B-cubed F0.5), as fitted before the leave-one-corpus-out procedure."""
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
    print(
        f"  threshold {choice.threshold} (best CV whole-half B3 F0.5 {choice.best:.4f} at "
        f"{choice.best_threshold}, s.e. {choice.standard_error:.4f})"
    )
    return choice.threshold


if __name__ == "__main__":
    main()
