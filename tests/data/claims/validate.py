"""Check the labelled claims corpus: sentences, figures and timelines of both halves.

Run from the repository root:  python tests/data/claims/validate.py [dev|heldout|fresh|blind2 ...]
Prints counts only (never sentence text), so running it does not expose the held-out half.
Exits 1 with one line per problem when anything is wrong.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent
KINDS = {"total", "new", "part", "previous", "rate"}
TIMES = {"current", "past"}
QUALIFIERS = {
    None,
    "more than",
    "at least",
    "almost",
    "up to",
    "about",
    "less than",
    "between",
    "vague",
}
ROW_KEYS = {"id", "story", "text", "tags", "attribution", "claims"}
CLAIM_KEYS = {
    "text",
    "value",
    "lower",
    "upper",
    "qualifier",
    "approximate",
    "unit",
    "scope",
    "kind",
    "time",
    "figure",
}
FIGURE_KEYS = {"story", "label", "units", "context", "about", "exclude"}
ARTICLE_KEYS = {"id", "outlet", "title", "body", "published_at", "seen_at", "copy_of"}
DIRECTIONS = {"first", "up", "down"}


def bounds_problem(c: dict[str, Any]) -> str | None:
    """Why a claim's value/lower/upper/approximate break the README rules, or None."""
    q, v, lo, hi, ap = c["qualifier"], c["value"], c["lower"], c["upper"], c["approximate"]
    if q is None and not (lo == hi == v):
        return "no qualifier: lower = upper = value"
    if q in ("more than", "at least") and not (lo == v and hi is None):
        return f"{q}: lower = value, upper null"
    if q in ("up to", "less than") and not (lo is None and hi == v):
        return f"{q}: lower null, upper = value"
    if q == "almost" and not (lo is None and hi == v and ap):
        return "almost: lower null, upper = value, approximate"
    if q == "about" and not (lo == hi == v and ap):
        return "about: lower = upper = value, approximate"
    if q == "between" and not (lo == v and hi is not None and hi > lo and not ap):
        return "between: lower = value < upper, not approximate"
    if q == "vague" and not (lo == v and hi is not None and hi > lo and ap):
        return "vague: lower = value < upper, approximate"
    return None


def check_sentences(
    path: Path, figures: dict[str, Any], problems: list[str], seen_ids: set[str]
) -> list[dict[str, Any]]:
    """Every line parses and follows the labelling rules; returns the rows."""
    rows: list[dict[str, Any]] = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        where = f"{path.relative_to(ROOT)}:{n}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as err:
            problems.append(f"{where}: not JSON ({err})")
            continue
        rows.append(row)
        missing = (
            ROW_KEYS - row.keys()
            if "story" in row or path.parent != ROOT
            else (ROW_KEYS - {"story"}) - row.keys()
        )
        if missing:
            problems.append(f"{where}: missing keys {sorted(missing)}")
            continue
        if row["id"] in seen_ids:
            problems.append(f"{where}: duplicate id {row['id']}")
        seen_ids.add(row["id"])
        story = row.get("story")
        for c in row["claims"]:
            cw = f"{where} claim {c.get('text')!r}"
            graded = CLAIM_KEYS if story else CLAIM_KEYS - {"scope", "kind", "time", "figure"}
            if graded - c.keys():
                problems.append(f"{cw}: missing keys {sorted(graded - c.keys())}")
                continue
            if c["text"] not in row["text"]:
                problems.append(f"{cw}: text not in sentence")
            if c["qualifier"] not in QUALIFIERS:
                problems.append(f"{cw}: unknown qualifier {c['qualifier']!r}")
            elif (why := bounds_problem(c)) is not None:
                problems.append(f"{cw}: {why}")
            if not c["unit"]:
                problems.append(f"{cw}: empty unit")
            if story:
                if c["kind"] not in KINDS:
                    problems.append(f"{cw}: unknown kind {c['kind']!r}")
                if c["time"] not in TIMES:
                    problems.append(f"{cw}: unknown time {c['time']!r}")
                fig = c["figure"]
                if fig is not None and fig not in figures:
                    problems.append(f"{cw}: unknown figure {fig!r}")
                elif fig is not None and figures[fig]["story"] != story:
                    problems.append(f"{cw}: figure {fig!r} is of story {figures[fig]['story']!r}")
        if story and not 1 <= sum(1 for f in figures.values() if f["story"] == story) <= 3:
            problems.append(f"{where}: story {story!r} needs 1-3 figures in figures.json")
    return rows


def parse_time(value: str | None) -> datetime | None:
    """An ISO 8601 UTC instant, or None."""
    return None if value is None else datetime.fromisoformat(value.replace("Z", "+00:00"))


def check_timeline(path: Path, problems: list[str]) -> dict[str, Any]:
    """One timeline file: shape, unique ids, seen_at order, copies and alerts naming real articles."""
    where = str(path.relative_to(ROOT))
    tl: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    for key in (
        "name",
        "kind",
        "description",
        "figure",
        "tracked_at",
        "articles",
        "expected_alerts",
        "notes",
    ):
        if key not in tl:
            problems.append(f"{where}: missing {key}")
    fig = tl["figure"]
    for key in (
        "name",
        "label",
        "units",
        "context",
        "about",
        "exclude",
        "min_change",
        "alert_on_first",
    ):
        if key not in fig:
            problems.append(f"{where}: figure missing {key}")
    if not fig.get("units"):
        problems.append(f"{where}: figure has no units")
    ids: list[str] = []
    last_seen = None
    if not 8 <= len(tl["articles"]) <= 16:
        problems.append(f"{where}: {len(tl['articles'])} articles, want 8-16")
    for art in tl["articles"]:
        aw = f"{where} article {art.get('id')}"
        if ARTICLE_KEYS - art.keys():
            problems.append(f"{aw}: missing keys {sorted(ARTICLE_KEYS - art.keys())}")
            continue
        if art["id"] in ids:
            problems.append(f"{aw}: duplicate id")
        if art["copy_of"] is not None and art["copy_of"] not in ids:
            problems.append(f"{aw}: copy_of {art['copy_of']!r} is not an earlier article")
        ids.append(art["id"])
        words = len(art["body"].split())
        if art["copy_of"] is None and not 100 <= words <= 250:
            problems.append(f"{aw}: body has {words} words, want 100-250")
        try:
            seen = parse_time(art["seen_at"])
            parse_time(art["published_at"])
        except (ValueError, AttributeError) as err:
            problems.append(f"{aw}: bad timestamp ({err})")
            continue
        if last_seen is not None and seen is not None and seen < last_seen:
            problems.append(f"{aw}: not in seen_at order")
        last_seen = seen
    for alert in tl["expected_alerts"]:
        if alert.get("article") not in ids:
            problems.append(
                f"{where}: expected alert names unknown article {alert.get('article')!r}"
            )
        if alert.get("direction") not in DIRECTIONS:
            problems.append(f"{where}: expected alert direction {alert.get('direction')!r}")
    return tl


def check_half(
    half: str, problems: list[str], seen_ids: set[str]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Sentences, figures and timelines of one half."""
    base = ROOT / half
    figures = json.loads((base / "figures.json").read_text(encoding="utf-8"))
    for name, fig in figures.items():
        if FIGURE_KEYS - fig.keys():
            problems.append(
                f"{half}/figures.json {name}: missing {sorted(FIGURE_KEYS - fig.keys())}"
            )
        if fig.get("about") and fig.get("about") == fig.get("exclude"):
            problems.append(f"{half}/figures.json {name}: about equals exclude")
    rows = check_sentences(base / "sentences.jsonl", figures, problems, seen_ids)
    timelines = [check_timeline(p, problems) for p in sorted((base / "timelines").glob("*.json"))]
    return rows, timelines


def report(half: str, rows: list[dict[str, Any]], timelines: list[dict[str, Any]]) -> None:
    """Counts of one half."""
    claims = [c for r in rows for c in r["claims"]]
    print(
        f"{half}: {len(rows)} sentences, {len(claims)} claims, "
        f"{sum(1 for r in rows if not r['claims'])} without claims, "
        f"{sum(1 for r in rows if len(r['claims']) > 1)} multi-claim, "
        f"{sum(1 for r in rows if 'previous' in r)} with previous, "
        f"{len({r.get('story') for r in rows})} stories, {len(timelines)} timelines "
        f"({sum(len(t['articles']) for t in timelines)} articles, "
        f"{sum(len(t['expected_alerts']) for t in timelines)} expected alerts)"
    )
    for key in ("kind", "time", "qualifier"):
        counts = Counter(str(c.get(key)) for c in claims)
        print(f"  {key}: " + ", ".join(f"{k} {v}" for k, v in counts.most_common()))
    print(f"  bound to a figure: {sum(1 for c in claims if c.get('figure'))}")


def main(argv: list[str]) -> int:
    halves = argv or ["dev", "heldout"]
    problems: list[str] = []
    seen_ids: set[str] = set()
    legacy = check_sentences(ROOT / "sentences.jsonl", {}, problems, seen_ids)
    print(
        f"legacy sentences.jsonl (dev): {len(legacy)} sentences, {sum(len(r['claims']) for r in legacy)} claims"
    )
    stories: dict[str, set[str]] = {}
    for half in halves:
        if not (ROOT / half).is_dir():
            continue
        rows, timelines = check_half(half, problems, seen_ids)
        stories[half] = {r["story"] for r in rows}
        report(half, rows, timelines)
    names = sorted(stories)
    for i, first in enumerate(names):
        for second in names[i + 1 :]:
            shared = stories[first] & stories[second]
            if shared:
                problems.append(f"stories in both {first} and {second}: {sorted(shared)}")
    for p in problems:
        print("PROBLEM", p)
    print("ok" if not problems else f"{len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
