"""Claim extraction against the labeled sentence set: value F1, qualifier/unit/attribution accuracy, speed.

Run: .venv/bin/python bench/claims.py [path/to/sentences.jsonl] [--errors]
"""

from __future__ import annotations

import json
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from monitor.text.claims import Claim, extract_claims
from monitor.text.sentences import split_sentences

DEFAULT_SET = Path(__file__).resolve().parent.parent / "tests/data/claims/sentences.jsonl"
ARTICLES = 500
ARTICLE_WORDS = 600


@dataclass
class Tally:
    """Running counts for the accuracy table."""

    true_pos: int = 0
    false_pos: int = 0
    false_neg: int = 0
    qualifier_ok: int = 0
    unit_ok: int = 0
    attribution_ok: int = 0
    attribution_total: int = 0
    errors: list[str] = field(default_factory=list)


def head(unit: str | None) -> str:
    """The graded head of a unit: last word, lowercased, trailing "s" removed."""
    words = (unit or "").lower().split()
    return words[-1].removesuffix("s") if words else ""


def same_number(a: float, b: float) -> bool:
    """Exact, or equal within 1e-9 relative."""
    return a == b or abs(a - b) <= 1e-9 * max(abs(a), abs(b))


def claims_in_text(row: dict[str, Any]) -> list[Claim]:
    """Claims predicted for the sentence itself, with its previous sentence as context."""
    previous = row.get("previous") or ""
    joined = f"{previous} {row['text']}" if previous else row["text"]
    offset = len(joined) - len(row["text"])
    starts = [s.start for s in split_sentences(joined)]
    return [c for c in extract_claims(joined) if starts[c.sentence_index] >= offset]


def attribution_agrees(expected: str, got: str | None) -> bool:
    """Substring match either way, case-insensitive."""
    if got is None:
        return False
    a, b = expected.lower(), got.lower()
    return a in b or b in a


def score_row(row: dict[str, Any], tally: Tally) -> None:
    """Greedy value matching of predicted to gold claims for one sentence."""
    predicted = claims_in_text(row)
    unmatched = list(predicted)
    for gold in row["claims"]:
        match = next((p for p in unmatched if same_number(p.value, gold["value"])), None)
        if match is None:
            tally.false_neg += 1
            tally.errors.append(f"{row['id']} MISSED {gold['text']!r} {gold['unit']!r}")
            continue
        unmatched.remove(match)
        tally.true_pos += 1
        if match.qualifier == gold["qualifier"]:
            tally.qualifier_ok += 1
        else:
            tally.errors.append(
                f"{row['id']} QUAL {match.text!r}: {match.qualifier} != {gold['qualifier']}"
            )
        if head(match.unit) == head(gold["unit"]):
            tally.unit_ok += 1
        else:
            tally.errors.append(f"{row['id']} UNIT {match.unit!r} != {gold['unit']!r}")
    for extra in unmatched:
        tally.false_pos += 1
        tally.errors.append(f"{row['id']} EXTRA {extra.text!r} {extra.unit!r}")
    if row.get("attribution") and predicted:
        tally.attribution_total += 1
        got = predicted[0].attribution
        if attribution_agrees(row["attribution"], got):
            tally.attribution_ok += 1
        else:
            tally.errors.append(f"{row['id']} ATTR {got!r} != {row['attribution']!r}")


def synthetic_articles(rows: list[dict[str, Any]]) -> list[str]:
    """Deterministic ~600-word articles made by joining the set's sentences in rotation."""
    texts = [r["text"] for r in rows]
    articles: list[str] = []
    cursor = 0
    for n in range(ARTICLES):
        parts: list[str] = []
        words = 0
        while words < ARTICLE_WORDS:
            sentence = texts[(cursor * 7 + n) % len(texts)]
            cursor += 1
            parts.append(sentence)
            words += len(sentence.split())
        articles.append(" ".join(parts))
    return articles


def throughput(articles: list[str]) -> tuple[float, int]:
    """Articles per second over the synthetic set (best of three passes) and claims found."""
    best = float("inf")
    found = 0
    for _ in range(3):
        began = time.perf_counter()
        found = sum(len(extract_claims(a)) for a in articles)
        best = min(best, time.perf_counter() - began)
    return len(articles) / best, found


def ratio(part: float, whole: float) -> float:
    """part/whole, 0 when whole is 0."""
    return part / whole if whole else 0.0


def main(argv: list[str]) -> int:
    """Score the labeled set and print the table."""
    path = Path(next((a for a in argv if not a.startswith("--")), DEFAULT_SET))
    if not path.exists():
        print(f"labeled set not found: {path}")
        return 0
    rows = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    tally = Tally()
    for row in rows:
        score_row(row, tally)
    precision = ratio(tally.true_pos, tally.true_pos + tally.false_pos)
    recall = ratio(tally.true_pos, tally.true_pos + tally.false_neg)
    f1 = ratio(2 * precision * recall, precision + recall) if precision + recall else 0.0
    rate, found = throughput(synthetic_articles(rows))
    table = [
        ("sentences", f"{len(rows)}"),
        ("gold claims", f"{sum(len(r['claims']) for r in rows)}"),
        ("value precision", f"{precision:.3f}"),
        ("value recall", f"{recall:.3f}"),
        ("value F1 (target >= 0.95)", f"{f1:.3f}"),
        ("qualifier accuracy (target >= 0.95)", f"{ratio(tally.qualifier_ok, tally.true_pos):.3f}"),
        ("unit accuracy (head noun)", f"{ratio(tally.unit_ok, tally.true_pos):.3f}"),
        (
            "attribution accuracy",
            f"{ratio(tally.attribution_ok, tally.attribution_total):.3f}"
            f" ({tally.attribution_ok}/{tally.attribution_total})",
        ),
        (f"throughput, {ARTICLES} x ~{ARTICLE_WORDS}-word articles", f"{rate:.0f} articles/s"),
        ("claims found in synthetic articles", f"{found}"),
    ]
    width = max(len(name) for name, _ in table)
    print(f"{'measure':<{width}}  value")
    print(f"{'-' * width}  {'-' * 20}")
    for name, value in table:
        print(f"{name:<{width}}  {value}")
    if "--errors" in argv:
        print("\n".join(["", *tally.errors]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
