"""Check the labelled story-clustering corpus (issue #13).

Usage: python3 tests/data/stories/validate.py [half ...]   (default: every half present)

Halves: ``dev`` (tests/data/stories/dev/), ``heldout`` (tests/data/stories/heldout/),
``fresh`` ... ``fresh4``, ``fresh7`` (tests/data/stories/fresh*/, small development check sets) and ``fresh5``, ``fresh6`` (the
unseen check sets, never fitted on; ``fresh8`` written at storyrecall, ``fresh9`` at storyprec8); run ``validate.py dev fresh fresh2 fresh3 fresh4 fresh5 fresh6 fresh7 fresh8 fresh9`` to leave the
held-out half unopened.
For each half it checks that
- every line of ``articles.jsonl`` / ``events.jsonl`` parses and has the contract's fields;
- article ids are unique (across both halves and the legacy part1/part2 files),
  lines are sorted by ``seen_at`` and ``genre`` is one of news/analysis/explainer/opinion;
- ``copy_of`` names an earlier article whose body is contained word for word in the
  copy's body (identical, or wrapped in boilerplate lines), with the same event;
- original bodies have 120-300 words;
- the events of ``events.jsonl`` are exactly the events used by the articles, and
  ``hard_negatives`` name other events of the same half and are symmetric.
It prints counts only (never article text), so it is safe to run on the held-out half.
Exit status 1 and one line per problem when something is wrong.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent
HALVES = (
    "dev",
    "heldout",
    "fresh",
    "fresh2",
    "fresh3",
    "fresh4",
    "fresh5",
    "fresh6",
    "fresh7",
    "fresh8",
    "fresh9",
)
ART_FIELDS = {
    "id",
    "outlet",
    "title",
    "body",
    "published_at",
    "seen_at",
    "event",
    "copy_of",
    "genre",
}
EV_FIELDS = {"event", "date", "type", "subject", "places", "actors", "hard_negatives"}
GENRES = {"news", "analysis", "explainer", "opinion"}


def _load(path: Path, problems: list[str]) -> list[dict[str, Any]]:
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            rows.append(json.loads(line))
        except json.JSONDecodeError as exc:
            problems.append(f"{path.name}:{n}: not JSON ({exc.msg})")
    return rows


def _time(value: str | None) -> datetime | None:
    if value is None:
        return None
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def check_half(half: str, seen_ids: set[str], problems: list[str]) -> dict[str, Any] | None:
    folder = ROOT / half
    if not (folder / "articles.jsonl").exists():
        return None
    where = f"{half}/"
    arts = _load(folder / "articles.jsonl", problems)
    evs = _load(folder / "events.jsonl", problems) if (folder / "events.jsonl").exists() else []
    if not evs:
        problems.append(f"{where}events.jsonl missing or empty")
    by_id: dict[str, int] = {}
    for i, a in enumerate(arts):
        missing = ART_FIELDS - a.keys()
        if missing:
            problems.append(f"{where}articles line {i + 1}: missing {sorted(missing)}")
            continue
        if a["id"] in by_id or a["id"] in seen_ids:
            problems.append(f"{where}articles: duplicate id {a['id']}")
        by_id[a["id"]] = i
        if a["genre"] not in GENRES:
            problems.append(f"{where}{a['id']}: genre {a['genre']!r} not one of {sorted(GENRES)}")
        try:
            _time(a["published_at"]), _time(a["seen_at"])
        except (TypeError, ValueError):
            problems.append(f"{where}{a['id']}: bad published_at/seen_at")
    seen_ids.update(by_id)
    stamps = [a.get("seen_at", "") for a in arts]
    if stamps != sorted(stamps):
        problems.append(f"{where}articles are not sorted by seen_at")
    copies = 0
    words = []
    for i, a in enumerate(arts):
        if not a.keys() >= ART_FIELDS:
            continue
        if a["copy_of"]:
            copies += 1
            j = by_id.get(a["copy_of"])
            if j is None or j >= i:
                problems.append(
                    f"{where}{a['id']}: copy_of {a['copy_of']} is not an earlier article"
                )
                continue
            orig = arts[j]
            if orig["copy_of"]:
                problems.append(f"{where}{a['id']}: copy_of points to another copy")
            if orig["body"] not in a["body"] or not set(orig["body"].split("\n")) <= set(
                a["body"].split("\n")
            ):
                problems.append(
                    f"{where}{a['id']}: body does not contain the original's body verbatim"
                )
            if orig["event"] != a["event"]:
                problems.append(f"{where}{a['id']}: event differs from its original's")
        else:
            n = len(a["body"].split())
            words.append(n)
            if not 120 <= n <= 300:
                problems.append(f"{where}{a['id']}: original has {n} words (want 120-300)")
    ev_ids: list[str] = [str(e.get("event")) for e in evs]
    for e in evs:
        missing = EV_FIELDS - e.keys()
        if missing:
            problems.append(f"{where}event {e.get('event')}: missing {sorted(missing)}")
    if len(ev_ids) != len(set(ev_ids)):
        problems.append(f"{where}events.jsonl: duplicate event ids")
    used = {str(a.get("event")) for a in arts}
    for extra in sorted(set(ev_ids) - used):
        problems.append(f"{where}event {extra} has no article")
    for absent in sorted(used - set(ev_ids)):
        problems.append(f"{where}event {absent} is used by articles but not in events.jsonl")
    hn = {e["event"]: set(e.get("hard_negatives", [])) for e in evs if "event" in e}
    pairs = set()
    for ev, others in hn.items():
        for o in others:
            if o == ev or o not in hn:
                problems.append(f"{where}{ev}: hard negative {o} is not another event of this half")
            elif ev not in hn[o]:
                problems.append(f"{where}{ev}: hard negative {o} is not symmetric")
            else:
                pairs.add(frozenset((ev, o)))
    per_event = Counter(a.get("event") for a in arts)
    outlets_dup = Counter((a.get("event"), a.get("outlet")) for a in arts)
    for (ev, outlet), n in outlets_dup.items():
        if n > 1:
            problems.append(f"{where}{ev}: outlet {outlet} appears {n} times")
    dates = sorted(
        a["published_at"][:10] for a in arts if not a.get("copy_of") and a.get("published_at")
    )
    return dict(
        half=half,
        events=len(ev_ids),
        articles=len(arts),
        copies=copies,
        outlets=len({a.get("outlet") for a in arts}),
        hard_negative_pairs=len(pairs),
        opinion=sum(1 for a in arts if a.get("genre") == "opinion"),
        genres=dict(Counter(a.get("genre") for a in arts)),
        words=(min(words), round(sum(words) / len(words)), max(words)) if words else None,
        articles_per_event=(min(per_event.values()), max(per_event.values()))
        if per_event
        else None,
        original_dates=(dates[0], dates[-1]) if dates else None,
    )


def main(argv: list[str]) -> int:
    halves = argv or [h for h in HALVES if (ROOT / h).is_dir()]
    problems: list[str] = []
    seen_ids: set[str] = set()
    for legacy in ("part1.jsonl", "part2.jsonl"):
        if (ROOT / legacy).exists():
            seen_ids.update(r["id"] for r in _load(ROOT / legacy, problems))
    for half in halves:
        if half not in HALVES:
            print(f"unknown half {half!r}; expected one of {', '.join(HALVES)}")
            return 2
        report = check_half(half, seen_ids, problems)
        if report is None:
            print(f"{half}: no articles.jsonl")
            continue
        print(json.dumps(report))
    for p in problems:
        print("PROBLEM:", p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
