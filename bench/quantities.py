"""All-quantity reading against the labelled sentences: value F1, kind/unit/qualifier accuracy,
speed, overall and per kind.

Run: .venv/bin/python bench/quantities.py [--half dev|heldout|dev2|heldout2|dev3|..|dev10|both|all]
[--errors]

A predicted quantity matches a gold one when their spans overlap and their values are equal
(each gold quantity matches at most one prediction). Kind, unit and qualifier accuracy are over
matched pairs; a count's unit is graded on its head (last word, lowercased, singular; "people"
is "person"). Per kind: recall over the gold quantities of that kind, precision over the
predictions of that kind. The data are tests/data/quantities/{dev,heldout}.jsonl (first author)
and {dev2,heldout2}.jsonl (a second author's set on other stories), dev3.jsonl (a third author's,
count-rich, all dev), dev4.jsonl to dev7.jsonl (a fourth author's, all dev), dev8.jsonl and dev9.jsonl (a
fifth author's, all dev), dev10.jsonl (a sixth author's, all dev); `both` is dev and
heldout, `all` is dev, dev2, dev3 and the two held-out halves. `--errors` is refused for
the held-out halves, which are only ever scored.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent.parent / "tests/data/quantities"
KINDS = ("count", "money", "percent", "measure", "duration", "magnitude", "fraction")
HALVES = {"both": ("dev", "heldout"), "all": ("dev", "dev2", "dev3", "heldout", "heldout2")}
Predict = Callable[[str], list[dict[str, Any]]]


def load(half: str) -> list[dict[str, Any]]:
    with (DATA / f"{half}.jsonl").open() as rows:
        return [json.loads(line) for line in rows if line.strip()]


def head(unit: str) -> str:
    words = unit.lower().split()
    word = words[-1] if words else ""
    if word in ("people", "persons"):
        return "person"
    return word[:-1] if word.endswith("s") and len(word) > 3 and not word.endswith("ss") else word


def _same_value(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b))


def _unit_ok(gold: dict[str, Any], pred: dict[str, Any]) -> bool:
    if gold["kind"] == "count":
        return head(gold["unit"]) == head(pred["unit"])
    return bool(gold["unit"] == pred["unit"])


@dataclass
class Tally:
    gold: int = 0
    pred: int = 0
    matched_gold: int = 0
    matched_pred: int = 0
    kind: int = 0
    unit: int = 0
    qualifier: int = 0
    errors: list[str] = field(default_factory=list)

    def line(self, name: str) -> str:
        p = self.matched_pred / self.pred if self.pred else 0.0
        r = self.matched_gold / self.gold if self.gold else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        m = max(self.matched_gold, 1)
        return (
            f"{name:<10} value F1 {f1:.3f} (P {p:.3f} R {r:.3f}; gold {self.gold}, predicted"
            f" {self.pred})  kind {self.kind / m:.3f}  unit {self.unit / m:.3f}"
            f"  qualifier {self.qualifier / m:.3f}"
        )


def _match(gold: list[dict[str, Any]], pred: list[dict[str, Any]]) -> list[tuple[int, int]]:
    pairs, used = [], set()
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            overlap = p["start"] < g["end"] and g["start"] < p["end"]
            if pi not in used and overlap and _same_value(g["value"], p["value"]):
                pairs.append((gi, pi))
                used.add(pi)
                break
    return pairs


def score(rows: Iterable[dict[str, Any]], predict: Predict) -> dict[str, Tally]:
    """Tallies overall ("all") and per kind of the predictions on the rows."""
    tallies = {name: Tally() for name in ("all", *KINDS)}
    for row in rows:
        gold, pred = row["quantities"], predict(row["text"])
        pairs = _match(gold, pred)
        gold_hit = {gi for gi, _ in pairs}
        pred_hit = {pi for _, pi in pairs}
        for gi, g in enumerate(gold):
            for t in (tallies["all"], tallies[g["kind"]]):
                t.gold += 1
                t.matched_gold += gi in gold_hit
            if gi not in gold_hit:
                tallies["all"].errors.append(f"MISSED {g['kind']} {g['text']!r}: {row['text']}")
        for pi, p in enumerate(pred):
            for t in (tallies["all"], tallies.get(p["kind"], Tally())):
                t.pred += 1
                t.matched_pred += pi in pred_hit
            if pi not in pred_hit:
                tallies["all"].errors.append(f"EXTRA {p['kind']} {p['text']!r}: {row['text']}")
        for gi, pi in pairs:
            g, p = gold[gi], pred[pi]
            checks = (g["kind"] == p["kind"], _unit_ok(g, p), g["qualifier"] == p["qualifier"])
            for t in (tallies["all"], tallies[g["kind"]]):
                t.kind += checks[0]
                t.unit += checks[1]
                t.qualifier += checks[2]
            for name, ok in zip(("KIND", "UNIT", "QUAL"), checks, strict=True):
                if not ok:
                    tallies["all"].errors.append(
                        f"{name} {g['text']!r}: gold {g['kind']}/{g['unit']}/{g['qualifier']}"
                        f" got {p['kind']}/{p['unit']}/{p['qualifier']}"
                    )
    return tallies


def speed(rows: list[dict[str, Any]], predict: Predict, rounds: int = 5) -> float:
    texts = [r["text"] for r in rows]
    began = time.perf_counter()
    for _ in range(rounds):
        for text in texts:
            predict(text)
    return rounds * len(texts) / (time.perf_counter() - began)


def ours(text: str) -> list[dict[str, Any]]:
    from monitor.text.quantities import extract_quantities

    return [q.to_dict() for q in extract_quantities(text)]


def report(half: str, predict: Predict, errors: bool) -> None:
    rows = load(half)
    tallies = score(rows, predict)
    print(f"== {half}: {len(rows)} sentences, {len({r['story'] for r in rows})} stories")
    for name, tally in tallies.items():
        if tally.gold or tally.pred:
            print(tally.line(name))
    print(f"speed      {speed(rows, predict):,.0f} sentences/s")
    if errors:
        print("\n".join(tallies["all"].errors))


def main(argv: list[str]) -> int:
    half = argv[argv.index("--half") + 1] if "--half" in argv else "dev"
    errors = "--errors" in argv
    halves = HALVES.get(half, (half,))
    if errors and any(name.startswith("heldout") for name in halves):
        print("--errors is refused for the held-out halves", file=sys.stderr)
        return 2
    for name in halves:
        report(name, ours, errors)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
