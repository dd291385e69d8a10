"""Check the labelled story-clustering corpus (dev and held-out halves).

Usage: python3 tests/data/stories/validate.py [DIR ...]

Without arguments it checks ``dev/`` and ``heldout/`` next to this file, when
present. Each directory holds ``articles.jsonl`` and ``events.jsonl`` in the
formats described in the BRIEF (stories corpus). The script prints only counts
and problems, never article text, so running it does not expose held-out
content.

Checks:
- every line parses and has the required fields with valid values;
- article ids are unique, lines are sorted by ``seen_at``;
- ``copy_of`` names an earlier article whose body is identical to the copy's
  body, or contained in it when the copy wraps it in boilerplate lines; a copy
  has its original's event and genre, and an original is not itself a copy;
- every article's event is listed in ``events.jsonl``, and every event has at
  least one article;
- hard negatives name other existing events, never the event itself, and are
  symmetric;
- originals have 120 to 300 words (reported as warnings).
Exit status 1 when any error is found.
"""

from __future__ import annotations

import json
import sys
from datetime import datetime
from pathlib import Path

ARTICLE_FIELDS = ("id", "outlet", "title", "body", "published_at", "seen_at", "event", "copy_of", "genre")
EVENT_FIELDS = ("event", "date", "type", "subject", "places", "actors", "hard_negatives")
GENRES = {"news", "analysis", "explainer", "opinion"}


def _load(path: Path, errors: list[str]) -> list[dict]:
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            rows.append(json.loads(line))
        except json.JSONDecodeError as exc:
            errors.append(f"{path.name}:{n}: not JSON ({exc.msg})")
    return rows


def _time(value: str | None) -> datetime | None:
    if value is None:
        return None
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def check(directory: Path) -> int:
    errors: list[str] = []
    warnings: list[str] = []
    arts = _load(directory / "articles.jsonl", errors)
    evs = _load(directory / "events.jsonl", errors)

    for a in arts:
        missing = [f for f in ARTICLE_FIELDS if f not in a]
        if missing:
            errors.append(f"article {a.get('id')}: missing {missing}")
        if a.get("genre") not in GENRES:
            errors.append(f"article {a.get('id')}: genre {a.get('genre')!r} not one of {sorted(GENRES)}")
        try:
            _time(a.get("published_at"))
            if _time(a.get("seen_at")) is None:
                errors.append(f"article {a.get('id')}: seen_at missing")
        except (TypeError, ValueError):
            errors.append(f"article {a.get('id')}: bad timestamp")
    for e in evs:
        missing = [f for f in EVENT_FIELDS if f not in e]
        if missing:
            errors.append(f"event {e.get('event')}: missing {missing}")
    if errors:
        return _report(directory, errors, warnings, arts, evs)

    pos: dict[str, int] = {}
    for i, a in enumerate(arts):
        if a["id"] in pos:
            errors.append(f"duplicate article id {a['id']}")
        pos[a["id"]] = i
    seen = [_time(a["seen_at"]) for a in arts]
    for i in range(1, len(seen)):
        if seen[i] < seen[i - 1]:
            errors.append(f"article {arts[i]['id']}: seen_at earlier than the line before")

    for a in arts:
        cp = a["copy_of"]
        if cp is None:
            words = len(a["body"].split())
            if not 120 <= words <= 300:
                warnings.append(f"original {a['id']}: {words} words (expected 120-300)")
            continue
        if cp not in pos:
            errors.append(f"copy {a['id']}: copy_of {cp} does not exist")
            continue
        o = arts[pos[cp]]
        if pos[cp] >= pos[a["id"]]:
            errors.append(f"copy {a['id']}: original {cp} is not earlier in the file")
        if o["copy_of"] is not None:
            errors.append(f"copy {a['id']}: original {cp} is itself a copy")
        if o["body"] != a["body"] and o["body"] not in a["body"]:
            errors.append(f"copy {a['id']}: body differs from original {cp}")
        if o["event"] != a["event"]:
            errors.append(f"copy {a['id']}: event {a['event']} differs from original's {o['event']}")
        if o["genre"] != a["genre"]:
            errors.append(f"copy {a['id']}: genre differs from original's")

    ev_ids = [e["event"] for e in evs]
    ev_set = set(ev_ids)
    if len(ev_set) != len(ev_ids):
        errors.append("duplicate event ids in events.jsonl")
    used = {a["event"] for a in arts}
    for name in sorted(used - ev_set):
        errors.append(f"article event {name} not in events.jsonl")
    for name in sorted(ev_set - used):
        errors.append(f"event {name} has no article")
    negs = {e["event"]: set(e["hard_negatives"]) for e in evs}
    for name, others in negs.items():
        for other in others:
            if other == name:
                errors.append(f"event {name}: lists itself as a hard negative")
            elif other not in negs:
                errors.append(f"event {name}: hard negative {other} does not exist")
            elif name not in negs[other]:
                errors.append(f"event {name}: hard negative {other} is not symmetric")
    return _report(directory, errors, warnings, arts, evs)


def _report(directory: Path, errors: list[str], warnings: list[str], arts: list[dict], evs: list[dict]) -> int:
    pairs = sum(len(e.get("hard_negatives", [])) for e in evs) // 2
    copies = sum(1 for a in arts if a.get("copy_of"))
    genres: dict[str, int] = {}
    for a in arts:
        genres[a.get("genre")] = genres.get(a.get("genre"), 0) + 1
    print(
        f"{directory.name}: {len(evs)} events, {len(arts)} articles, "
        f"{len({a.get('outlet') for a in arts})} outlets, {copies} copies, "
        f"{pairs} hard-negative pairs, genres {dict(sorted(genres.items()))}"
    )
    for w in warnings:
        print(f"  warning: {w}")
    for e in errors:
        print(f"  error: {e}")
    return 1 if errors else 0


def main(argv: list[str]) -> int:
    here = Path(__file__).resolve().parent
    dirs = [Path(p) for p in argv] or [d for d in (here / "dev", here / "heldout") if d.is_dir()]
    if not dirs:
        print("no dev/ or heldout/ directory found")
        return 1
    status = 0
    for d in dirs:
        if not (d / "articles.jsonl").is_file() or not (d / "events.jsonl").is_file():
            print(f"{d}: articles.jsonl or events.jsonl missing")
            status = 1
            continue
        status |= check(d)
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
