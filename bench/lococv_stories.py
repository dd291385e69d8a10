"""Leave-one-corpus-out validation of the stories pair scorer across the development corpora.

Run: ``python bench/lococv_stories.py [fit options] [--thresholds T,T] [--committed]``.

Leave-events-out CV (``bench/cv_stories.py``) folds events within the development half,
whose corpora each have their author's style, so it flatters. Here the folds are whole
corpora, each written separately: the development half (``part*.jsonl`` and ``dev/``, scored
merged in arrival order) and the check sets ``fresh``, ``fresh2``, ``fresh3``, ``fresh4``, ``fresh7`` (all
development data; the held-out half is never read). For each corpus the weights are fitted
on the pairs of the other four (``bench/fit_stories.py`` pairs, same fit options) and the
corpus is replayed with them at each threshold; every article of the left-out corpus is
scored (B-cubed, pairs, merges of events whose places or actors disagree). The report
gives each fold, the pooled numbers (every left-out article alike) and the mean of the five
corpora's B-cubed F1 (and the four check sets pooled: the folds whose training includes
the development half, as the shipped fit's does), then the threshold of the best pooled
B-cubed F0.5 (:func:`choose`), and the same fit on all five corpora scored in-sample at that
threshold (the fit ``bench/fit_stories.py`` ships). ``--committed`` adds the committed
weights' scores on every corpus (the baseline). Deterministic.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Mapping
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from stories import f1  # type: ignore[import-not-found]  # noqa: E402
from story_fitting import (  # type: ignore[import-not-found]  # noqa: E402
    THRESHOLDS,
    add_fit_arguments,
    f_beta,
    fit_of,
)
from story_validation import (  # type: ignore[import-not-found]  # noqa: E402
    DEV_HALF,
    Pooled,
    choose,
    combine,
    corpora,
    fitted,
    leave_one_corpus_out,
    macro_f1,
    score,
)

from monitor.projections.story_scorer import FEATURES, default_model  # noqa: E402

HEADER = (
    f"  {'set':<24}{'n':>5}{'B3 P':>7}{'B3 R':>7}{'B3 F1':>7}"
    f"{'pair P':>8}{'pair R':>8}{'pair F1':>8}{'bad':>5}"
)


def table(by_corpus: Mapping[str, Pooled], label: str) -> None:
    """The rows of each corpus, then pooled and the corpora's mean F1."""
    print(HEADER)
    for name, pooled in by_corpus.items():
        print(pooled.line(f"{name} ({label})"))
    parts = list(by_corpus.values())
    print(combine(parts).line(f"pooled ({label})"))
    checks = [pooled for name, pooled in by_corpus.items() if name != DEV_HALF]
    print(combine(checks).line(f"check sets ({label})"))
    print(f"  {'mean B3 F1 over corpora':<29}{macro_f1(parts):>21.3f}")


def main() -> None:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_fit_arguments(parser)
    parser.add_argument("--thresholds", default=None, help="comma-separated; default: the grid")
    parser.add_argument("--committed", action="store_true", help="also score the committed weights")
    parser.add_argument("--weights", action="store_true", help="print each fold's weights")
    args = parser.parse_args()
    fit = fit_of(args)
    thresholds = (
        list(THRESHOLDS)
        if args.thresholds is None
        else [float(t) for t in args.thresholds.split(",")]
    )
    found = corpora(fit.moved, fit.met)
    print(f"Leave-one-corpus-out, {fit}")
    if args.committed:
        model = default_model()
        committed = {c.name: score(c, model.weights, [model.threshold]) for c in found}
        print(f"committed weights, threshold {model.threshold} (dev half in-sample)")
        table({name: s[model.threshold] for name, s in committed.items()}, "committed")
    by_threshold, weights_of = leave_one_corpus_out(found, fit, thresholds)
    print(
        "threshold  pooled B3 P   R     F1   F0.5  pair F1  bad  mean F1  |  B3 F1/bad of "
        + ", ".join(c.name for c in found)
    )
    for threshold, by_corpus in by_threshold.items():
        parts = list(by_corpus.values())
        total = combine(parts)
        p, r = total.bcubed()
        pp = total.right / total.made if total.made else 1.0
        pr = total.right / total.wanted if total.wanted else 1.0
        each = " ".join(f"{f1(*part.bcubed()):.3f}/{part.bad}" for part in parts)
        print(
            f"  {threshold:.2f}  {p:>12.3f}{r:>7.3f}{f1(p, r):>7.3f}{f_beta(p, r):>7.3f}"
            f"{f1(pp, pr):>8.3f}{total.bad:>5}{macro_f1(parts):>8.3f}  |  {each}"
        )
    chosen = choose(by_threshold)
    print(f"chosen threshold {chosen} (best pooled B3 F0.5)")
    table(by_threshold[chosen], "left out")
    weights = fitted(fit, found)
    inside = {c.name: score(c, weights, [chosen])[chosen] for c in found}
    table(inside, "in-sample")
    if args.weights:
        print(f"  {'feature':<22}" + "".join(f"{c.name[:8]:>9}" for c in found) + "      all")
        for i, name in enumerate(FEATURES):
            row = "".join(f"{weights_of[c.name][i]:>9.2f}" for c in found)
            print(f"  {name:<22}{row}{weights[i]:>9.2f}")


if __name__ == "__main__":
    main()
