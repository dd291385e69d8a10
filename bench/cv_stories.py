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
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from stories import CHECK_SETS, check_sets, dev_sets  # type: ignore[import-not-found]  # noqa: E402
from story_fitting import add_fit_arguments, fit_of  # type: ignore[import-not-found]  # noqa: E402
from story_validation import cross_validate  # type: ignore[import-not-found]  # noqa: E402

from monitor.projections.story_scorer import default_model  # noqa: E402


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
