"""Main-text extraction quality: trafilatura alone vs our extract_page + strip_boilerplate.

Metric as in the data's README (scrapinghub article-extraction-benchmark): word 4-gram
shingle counts per page, tp/fp/fn normalised per page, precision and recall averaged
over pages, F1 = harmonic mean of the averages.

    python bench/extraction.py [--data DIR] [--limit N]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import trafilatura

from monitor.text.extract import extract_page

# Not in the repository: the shared folder beside the checkout (README, Benchmarks).
DATA = Path(__file__).resolve().parents[2] / "shared" / "bench-data" / "article-extraction"
_TOKEN = re.compile(r"\w+", re.UNICODE)

Extractor = Callable[[bytes, str], str]


def shingle_counts(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    """Counter of word n-gram shingles (a text shorter than n is one shingle)."""
    tokens = _TOKEN.findall(text or "")
    grams = [tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1))]
    return Counter(g for g in grams if g)


def tp_fp_fn(truth: str, pred: str) -> tuple[float, float, float]:
    """Per-page shingle matches, normalised so long pages do not weigh more."""
    t, p = shingle_counts(truth), shingle_counts(pred)
    tp = float(sum((t & p).values()))
    fp = float(sum((p - t).values()))
    fn = float(sum((t - p).values()))
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def scores(rows: list[tuple[float, float, float]]) -> tuple[float, float, float]:
    """Mean precision, mean recall and their F1, as the benchmark computes them."""

    def prec(tp: float, fp: float, fn: float) -> float:
        return 1.0 if fp == fn == 0 else (0.0 if tp == fp == 0 else tp / (tp + fp))

    def rec(tp: float, fp: float, fn: float) -> float:
        return 1.0 if fp == fn == 0 else (0.0 if tp == fn == 0 else tp / (tp + fn))

    p = statistics.mean(prec(*r) for r in rows if r[0] + r[1] > 0)
    r_ = statistics.mean(rec(*r) for r in rows if r[0] + r[2] > 0)
    return p, r_, 2 * p * r_ / (p + r_)


def trafilatura_alone(html: bytes, url: str) -> str:
    """Baseline: trafilatura with default settings."""
    return trafilatura.extract(html, url=url) or ""


def ours(html: bytes, url: str) -> str:
    """The project's pipeline: extract_page (trafilatura + boilerplate rules)."""
    return extract_page(html, url).text


def run(name: str, fn: Extractor, pages: list[tuple[str, bytes, str, str]]) -> dict[str, float]:
    """Score one extractor over all pages."""
    rows = []
    started = time.perf_counter()
    for _, html, url, truth in pages:
        rows.append(tp_fp_fn(truth, fn(html, url)))
    elapsed = time.perf_counter() - started
    p, r, f1 = scores(rows)
    return {"name": name, "precision": p, "recall": r, "f1": f1, "pages_s": len(pages) / elapsed}  # type: ignore[dict-item]


def load(data: Path, limit: int | None) -> list[tuple[str, bytes, str, str]]:
    """(id, html bytes, url, true body) for each page."""
    truth = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for key in sorted(truth)[:limit]:
        html = gzip.decompress((data / "html" / f"{key}.html.gz").read_bytes())
        pages.append((key, html, truth[key].get("url", ""), truth[key].get("articleBody", "")))
    return pages


def main() -> int:
    """Print the comparison table; exit 1 if our pipeline is below trafilatura alone."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--limit", type=int, default=None)
    args = ap.parse_args()
    pages = load(args.data, args.limit)
    results = [run("trafilatura alone", trafilatura_alone, pages), run("ours", ours, pages)]
    print(f"{len(pages)} pages from {args.data}")
    print(f"{'extractor':<20} {'precision':>9} {'recall':>7} {'F1':>7} {'pages/s':>8}")
    for r in results:
        print(
            f"{r['name']:<20} {r['precision']:>9.4f} {r['recall']:>7.4f} {r['f1']:>7.4f} {r['pages_s']:>8.1f}"
        )
    base, mine = results[0]["f1"], results[1]["f1"]
    print(f"difference (ours - trafilatura): {mine - base:+.4f}")
    return 0 if mine >= base else 1


if __name__ == "__main__":
    sys.exit(main())
