"""Claim extraction against the labelled sentences: value F1, qualifier/unit/frame accuracy, speed.

Run: .venv/bin/python bench/claims.py [--half dev|heldout|both] [--errors] [--explain [CLASS]]
[FILE.jsonl ...]

`--explain` prints, for every development sentence with an error, the previous sentence, the
sentence and its errors; `--explain SCOPE` (or KIND, TIME, UNIT, MISSED, EXTRA, ATTR, QUAL)
keeps only errors of that class (BIND: the claim bound to another figure than its label's,
or none).

The development half is tests/data/claims/sentences.jsonl (the original set; its rates were
relabelled as claims, see tests/data/claims/README.md, so they are graded like any other) plus
tests/data/claims/dev/sentences.jsonl; the held-out half is tests/data/claims/heldout/ and is
only ever scored, never inspected (`--errors` is refused for it).
"""

from __future__ import annotations

import json
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from monitor.text.claims import Claim, extract_claims, extract_report
from monitor.text.figures import FigureSpec, Topic, bind_all
from monitor.text.sentences import split_sentences

DATA = Path(__file__).resolve().parent.parent / "tests/data/claims"
LEGACY = DATA / "sentences.jsonl"
HALVES = {
    "dev": (LEGACY, DATA / "dev/sentences.jsonl"),
    "heldout": (DATA / "heldout/sentences.jsonl",),
}
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
    scope_ok: int = 0
    scope_total: int = 0
    kind_ok: int = 0
    kind_total: int = 0
    time_ok: int = 0
    time_total: int = 0
    binding_ok: int = 0
    binding_total: int = 0
    bound_wrongly: int = 0  # extra (unlabelled) numbers bound to a figure
    unparsed: int = 0
    errors: list[str] = field(default_factory=list)


def head(unit: str | None) -> str:
    """The graded head of a unit: last word, lowercased, trailing "s" removed."""
    words = (unit or "").lower().split()
    return words[-1].removesuffix("s") if words else ""


_SAME_HEAD = {"toll": "death"}  # a toll counts deaths (the corpus contract accepts either)


def heads_agree(predicted: str | None, gold: str | None) -> bool:
    """Graded heads equal, a death toll and deaths counting the same thing."""
    a, b = head(predicted), head(gold)
    return _SAME_HEAD.get(a, a) == _SAME_HEAD.get(b, b)


def same_number(a: float, b: float) -> bool:
    """Exact, or equal within 1e-9 relative."""
    return a == b or abs(a - b) <= 1e-9 * max(abs(a), abs(b))


def claims_in_text(row: dict[str, Any], tally: Tally | None = None) -> list[Claim]:
    """Claims predicted for the sentence itself, with its previous sentence as context.

    The previous sentence is joined on its own line so that it always stays a sentence of
    its own (labelled rows may lack final punctuation).
    """
    previous = row.get("previous") or ""
    joined = f"{previous}\n{row['text']}" if previous else row["text"]
    offset = len(joined) - len(row["text"])
    starts = [s.start for s in split_sentences(joined)]
    report = extract_report(joined)
    if tally is not None:
        tally.unparsed += sum(1 for u in report.unparsed if starts[u.index] >= offset)
    claims = [c for c in report.claims if starts[c.sentence_index] >= offset]
    return claims


def scope_agrees(expected: str | None, got: str | None) -> bool:
    """Both none, or either contains the other (case-insensitive)."""
    if expected is None or got is None:
        return expected is None and got is None
    a, b = expected.lower().strip(), got.lower().strip()
    return bool(a) and bool(b) and (a in b or b in a)


def attribution_agrees(expected: str, got: str | None) -> bool:
    """Substring match either way, case-insensitive."""
    if got is None:
        return False
    a, b = expected.lower(), got.lower()
    return a in b or b in a


def load_figures(path: Path) -> dict[str, list[FigureSpec]]:
    """The figure definitions beside a labelled file (`figures.json`), by story."""
    beside = path.parent / "figures.json"
    if path == LEGACY or not beside.exists():
        return {}
    by_story: dict[str, list[FigureSpec]] = {}
    for name, raw in json.loads(beside.read_text()).items():
        spec = FigureSpec.from_mapping({"name": name, **raw})
        by_story.setdefault(str(raw.get("story")), []).append(spec)
    return by_story


def bound_figure(row: dict[str, Any], claim: Claim) -> str | None:
    """The figure of the row's story that takes the claim (the real binding), or none. The
    story's first labelled sentence stands in for the article's headline (the topic)."""
    specs, topic = row["_figures"], row.get("_topic")
    bindings = bind_all(specs, claim, row.get("previous"), topic)
    return next((b.figure for b in bindings if b.bound), None)


def _score_binding(row: dict[str, Any], gold: dict[str, Any], match: Claim, tally: Tally) -> None:
    """Binding of a matched claim against the figures of its story, where the row labels it."""
    if "_figures" not in row or "figure" not in gold:
        return
    tally.binding_total += 1
    got = bound_figure(row, match)
    if got == gold["figure"]:
        tally.binding_ok += 1
    else:
        tally.errors.append(f"{row['id']} BIND {match.text!r}: {got} != {gold['figure']}")


def score_row(row: dict[str, Any], tally: Tally) -> None:
    """Greedy value matching of predicted to gold claims for one sentence."""
    predicted = claims_in_text(row, tally)
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
        if heads_agree(match.unit, gold["unit"]):
            tally.unit_ok += 1
        else:
            tally.errors.append(f"{row['id']} UNIT {match.unit!r} != {gold['unit']!r}")
        _score_frame(row["id"], gold, match, tally)
        _score_binding(row, gold, match, tally)
    for extra in unmatched:
        tally.false_pos += 1
        if "_figures" in row and bound_figure(row, extra) is not None:
            tally.bound_wrongly += 1
            tally.errors.append(f"{row['id']} BIND {extra.text!r}: unlabelled number bound")
        tally.errors.append(f"{row['id']} EXTRA {extra.text!r} {extra.unit!r}")
    if row.get("attribution") and predicted:
        tally.attribution_total += 1
        got = predicted[0].attribution
        if attribution_agrees(row["attribution"], got):
            tally.attribution_ok += 1
        else:
            tally.errors.append(f"{row['id']} ATTR {got!r} != {row['attribution']!r}")


def _score_frame(row_id: str, gold: dict[str, Any], match: Claim, tally: Tally) -> None:
    """Scope, kind and time of a matched claim, where the gold row labels them."""
    if "scope" in gold:
        tally.scope_total += 1
        if scope_agrees(gold["scope"], match.scope):
            tally.scope_ok += 1
        else:
            tally.errors.append(
                f"{row_id} SCOPE {match.text!r}: {match.scope!r} != {gold['scope']!r}"
            )
    for key in ("kind", "time"):
        if key not in gold:
            continue
        got = getattr(match, key)
        setattr(tally, f"{key}_total", getattr(tally, f"{key}_total") + 1)
        if got == gold[key]:
            setattr(tally, f"{key}_ok", getattr(tally, f"{key}_ok") + 1)
        else:
            tally.errors.append(f"{row_id} {key.upper()} {match.text!r}: {got} != {gold[key]}")


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


# Not in the repository: the shared folder beside the checkout (README, Benchmarks).
REAL = (
    Path(__file__).resolve().parents[2] / "shared/bench-data/article-extraction/ground-truth.json"
)


def real_articles() -> list[str]:
    """The article bodies of the shared article-extraction bench data (real reporting, most
    of whose sentences carry no number, unlike the synthetic articles), or none when absent."""
    if not REAL.exists():
        return []
    truth = json.loads(REAL.read_text(encoding="utf-8"))
    return [body for key in sorted(truth) if (body := truth[key].get("articleBody") or "")]


def throughput(articles: list[str]) -> tuple[float, float, int]:
    """Articles per second over the synthetic set, wall clock and CPU time (best of three
    passes; CPU time is the steadier figure on a shared machine), and claims found."""
    best_wall = best_cpu = float("inf")
    found = 0
    for _ in range(3):
        wall, cpu = time.perf_counter(), time.process_time()
        found = sum(len(extract_claims(a)) for a in articles)
        best_wall = min(best_wall, time.perf_counter() - wall)
        best_cpu = min(best_cpu, time.process_time() - cpu)
    return len(articles) / best_wall, len(articles) / best_cpu, found


def ratio(part: float, whole: float) -> float:
    """part/whole, 0 when whole is 0."""
    return part / whole if whole else 0.0


def load(paths: tuple[Path, ...]) -> list[dict[str, Any]]:
    """The rows of the files that exist; rows of the original set are marked legacy."""
    rows: list[dict[str, Any]] = []
    for path in paths:
        if not path.exists():
            continue
        figures = load_figures(path)
        leads: dict[str, Topic] = {}
        for line in path.read_text().splitlines():
            if line.strip():
                row = json.loads(line)
                row["_legacy"] = path == LEGACY
                if figures:
                    story = str(row.get("story"))
                    row["_figures"] = figures.get(story, [])
                    row["_topic"] = leads.setdefault(story, Topic(row["text"]))
                rows.append(row)
    return rows


def score(rows: list[dict[str, Any]]) -> tuple[Tally, list[tuple[str, str]]]:
    """Grade the rows; the tally and the printable table."""
    tally = Tally()
    for row in rows:
        score_row(row, tally)
    precision = ratio(tally.true_pos, tally.true_pos + tally.false_pos)
    recall = ratio(tally.true_pos, tally.true_pos + tally.false_neg)
    f1 = ratio(2 * precision * recall, precision + recall) if precision + recall else 0.0

    def acc(ok: int, total: int) -> str:
        return f"{ratio(ok, total):.3f} ({ok}/{total})"

    table = [
        ("sentences", f"{len(rows)}"),
        ("gold claims", f"{sum(len(r['claims']) for r in rows)}"),
        ("value precision", f"{precision:.3f}"),
        ("value recall", f"{recall:.3f}"),
        ("value F1 (target >= 0.95)", f"{f1:.3f}"),
        ("qualifier accuracy (target >= 0.95)", acc(tally.qualifier_ok, tally.true_pos)),
        ("unit accuracy (head noun)", acc(tally.unit_ok, tally.true_pos)),
        ("scope accuracy (target >= 0.97)", acc(tally.scope_ok, tally.scope_total)),
        ("kind accuracy (target >= 0.95)", acc(tally.kind_ok, tally.kind_total)),
        ("time accuracy (target >= 0.95)", acc(tally.time_ok, tally.time_total)),
        ("binding accuracy (figure or none)", acc(tally.binding_ok, tally.binding_total)),
        ("unlabelled numbers bound to a figure", f"{tally.bound_wrongly}"),
        ("attribution accuracy", acc(tally.attribution_ok, tally.attribution_total)),
        ("unparsed sentences", f"{tally.unparsed}"),
    ]
    return tally, table


def explain(rows: list[dict[str, Any]], wanted: str | None) -> list[str]:
    """Each row with an error (of class `wanted`, when given) with its context."""
    lines: list[str] = []
    for row in rows:
        tally = Tally()
        score_row(row, tally)
        errors = [e for e in tally.errors if wanted is None or e.split()[1] == wanted]
        if not errors:
            continue
        lines.append(f"== {row['id']}")
        if row.get("previous"):
            lines.append(f"   previous: {row['previous']}")
        lines.append(f"   text:     {row['text']}")
        lines.extend(f"   {e}" for e in errors)
    return lines


def print_table(title: str, table: list[tuple[str, str]]) -> None:
    """One aligned two-column table."""
    width = max(len(name) for name, _ in table)
    print(f"\n{title}")
    print(f"{'measure':<{width}}  value")
    print(f"{'-' * width}  {'-' * 20}")
    for name, value in table:
        print(f"{name:<{width}}  {value}")


def main(argv: list[str]) -> int:
    """Score the requested half (or both, or the files named) and print the tables."""
    half = "dev"
    if "--half" in argv:
        half = argv[argv.index("--half") + 1]
    if half not in ("dev", "heldout", "both"):
        print(f"--half must be dev, heldout or both, not {half!r}")
        return 2
    files = [Path(a) for a in argv if a.endswith(".jsonl")]
    explaining = "--explain" in argv
    if (explaining or "--errors" in argv) and (
        half != "dev" or any("heldout" in str(f) for f in files)
    ):
        print("--errors and --explain are for the development half only")
        return 2
    halves = (
        {"files": tuple(files)}
        if files
        else {name: paths for name, paths in HALVES.items() if half in (name, "both")}
    )
    dev_rows: list[dict[str, Any]] = []
    for name, paths in halves.items():
        rows = load(paths)
        if not rows:
            print(f"\n{name}: no labelled sentences found")
            continue
        if name != "heldout":
            dev_rows = rows
        tally, table = score(rows)
        print_table(f"{name} half" if name != "files" else "files", table)
        if "--errors" in argv:
            print("\n".join(["", *tally.errors]))
        if explaining:
            at = argv.index("--explain") + 1
            wanted = argv[at].upper() if at < len(argv) and argv[at].isalpha() else None
            print("\n".join(["", *explain(rows, wanted)]))
    rows = dev_rows or load(HALVES["dev"])
    rate, cpu_rate, found = throughput(synthetic_articles(rows))
    print_table(
        "throughput (development sentences in rotation)",
        [
            (
                f"{ARTICLES} x ~{ARTICLE_WORDS}-word articles (target >= 300)",
                f"{rate:.0f} articles/s",
            ),
            ("the same, per CPU second", f"{cpu_rate:.0f} articles/s"),
            ("claims found in synthetic articles", f"{found}"),
        ],
    )
    real = real_articles()
    if real:  # the shared bench data beside the checkout, when present
        words = sum(len(a.split()) for a in real) / len(real)
        rate, cpu_rate, found = throughput(real)
        print_table(
            "throughput (real article bodies: shared article-extraction bench data)",
            [
                (f"{len(real)} articles of ~{words:.0f} words", f"{rate:.0f} articles/s"),
                ("the same, per CPU second", f"{cpu_rate:.0f} articles/s"),
                ("claims found in them", f"{found}"),
            ],
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
