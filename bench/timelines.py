"""End-to-end figure timelines through the real pipeline: alert precision and recall.

Each timeline (tests/data/claims/{dev,heldout}/timelines/*.json, format in the claims README)
is replayed into a fresh SQLite event log exactly as the monitor would see it: one
ArticleObserved per article in `seen_at` order (with its claimed `published_at` and its
first sighting), a FigureTracked at `tracked_at`, and after each article one projection
cycle of the real projections (articles, stories — which mark copies —, figures, outbox).
The AlertRaised events appended are compared with `expected_alerts` by (article, value,
direction).

Run: python bench/timelines.py [--half dev|heldout|both] [DIR ...]
"""

from __future__ import annotations

import argparse
import hashlib
import html
import json
import re
import sys
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from monitor.config import build  # noqa: E402
from monitor.daemon.bootstrap import App  # noqa: E402
from monitor.events import AlertRaised, ArticleObserved  # noqa: E402
from monitor.events.base import deterministic_id  # noqa: E402
from monitor.projections.figures import figure_timeline  # noqa: E402
from monitor.projections.figures_sync import tracked_event  # noqa: E402
from monitor.store import blobs, migrations  # noqa: E402
from monitor.store.db import make_engine  # noqa: E402
from monitor.store.eventlog import SqlEventLog  # noqa: E402
from monitor.text.figures import FigureSpec  # noqa: E402

DATA = ROOT / "tests" / "data" / "claims"
_LATEST, _EARLIEST = datetime.max.replace(tzinfo=UTC), datetime.min.replace(tzinfo=UTC)


def parse_time(value: str | None) -> datetime | None:
    return None if value is None else datetime.fromisoformat(value.replace("Z", "+00:00"))


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "outlet"


@dataclass(frozen=True)
class Raised:
    """One alert the pipeline raised, tied back to the timeline's article id."""

    article: str
    value: float
    direction: str
    status_of_claim: str


@dataclass
class Outcome:
    """What one timeline produced against what it expects."""

    name: str
    expected: list[tuple[str, float, str]]
    raised: list[Raised]
    timeline: list[dict[str, Any]] = field(default_factory=list)

    @property
    def keys(self) -> list[tuple[str, float, str]]:
        return [(r.article, r.value, r.direction) for r in self.raised]

    @property
    def true_positives(self) -> int:
        wanted = list(self.expected)
        hits = 0
        for key in self.keys:
            if key in wanted:
                wanted.remove(key)
                hits += 1
        return hits

    @property
    def duplicates(self) -> int:
        values = [(r.value, r.direction) for r in self.raised]
        return len(values) - len(set(values))

    def false_alert_causes(self, data: dict[str, Any]) -> dict[str, int]:
        """Why each false alert is false, judged against the expected alerts: `restated`
        (within min_change of the value the figure should stand at), `stale` (of a value it
        should already have left), `earlier` (published before the reporting of that value),
        else `misread` (a past, increment, part or other-scope number taken for a total)."""
        order = {str(a["id"]): i for i, a in enumerate(data["articles"])}
        published = {
            str(a["id"]): parse_time(a.get("published_at")) or parse_time(a["seen_at"])
            for a in data["articles"]
        }
        change = float(data["figure"].get("min_change", 0.05))
        causes: dict[str, int] = {}
        for r in self.raised:
            if (r.article, r.value, r.direction) in self.expected:
                continue
            before = [e for e in self.expected if order.get(e[0], -1) < order.get(r.article, 0)]
            cause = "misread"
            if before:
                current, superseded = before[-1], [e[1] for e in before[:-1]]
                near = [abs(r.value - v) <= change * abs(v) for v in superseded]
                if abs(r.value - current[1]) <= change * abs(current[1]):
                    cause = "restated"
                elif any(near):
                    cause = "stale"
                elif (published.get(r.article) or _LATEST) < (
                    published.get(current[0]) or _EARLIEST
                ):
                    cause = "earlier"
            causes[cause] = causes.get(cause, 0) + 1
        return causes


def _article_event(conn: Any, name: str, article: dict[str, Any]) -> ArticleObserved:
    paragraphs = [p for p in str(article.get("body", "")).split("\n") if p.strip()]
    ref = blobs.put_text(conn, "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs))
    outlet = str(article.get("outlet") or "Outlet")
    host = f"{_slug(outlet)}.invalid"
    key = str(article["id"])
    seen = parse_time(article["seen_at"])
    assert seen is not None, f"{name}/{key}: seen_at is required"
    return ArticleObserved(
        article_id=deterministic_id("timeline", name, key),
        feed_url=f"http://{host}/feed.xml",
        source=outlet,
        entry_key=key,
        title=str(article.get("title") or ""),
        link=f"http://{host}/{key}",
        guid=key,
        published_at=parse_time(article.get("published_at")),
        seen_at=seen,
        content_hash=hashlib.sha256(str(article.get("body", "")).encode()).hexdigest(),
        summary_ref=None,
        content_ref=ref,
        page_ref=None,
        page_url=None,
    )


def run_timeline(data: dict[str, Any], database_url: str) -> Outcome:
    """Replay one timeline through the real log and projections; the alerts it raised."""
    name = str(data["name"])
    spec = FigureSpec.from_mapping(data["figure"])
    engine = make_engine(database_url)
    try:
        migrations.upgrade(engine)
        log = SqlEventLog(engine)
        app = App(config=build({"database_url": database_url}), engine=engine, log=log)
        tracked_at = parse_time(data["tracked_at"])
        assert tracked_at is not None
        ids: dict[str, str] = {}
        tracked = False
        for article in data["articles"]:
            event_seen = parse_time(article["seen_at"])
            assert event_seen is not None
            if not tracked and event_seen >= tracked_at:
                log.append([tracked_event(spec, tracked_at)])
                app.project()
                tracked = True
            with engine.begin() as conn:
                event = _article_event(conn, name, article)
                log.append([event], conn=conn)
            ids[event.article_id] = str(article["id"])
            app.project()
        if not tracked:
            log.append([tracked_event(spec, tracked_at)])
            app.project()
        with engine.connect() as conn:
            found = figure_timeline(conn, spec.name)
        raised = [
            Raised(
                article=ids.get(str(s.event.current["article"]["id"]), "?"),
                value=float(s.event.current["value"]),
                direction=s.event.direction,
                status_of_claim=str(s.event.current.get("kind")),
            )
            for s in log.iter_all()
            if isinstance(s.event, AlertRaised)
        ]
        for entry in (found or {}).get("timeline", []):
            entry["article"]["key"] = ids.get(entry["article"]["id"], "?")
        expected = [
            (str(e["article"]), float(e["value"]), str(e["direction"]))
            for e in data.get("expected_alerts", [])
        ]
        return Outcome(name, expected, raised, (found or {}).get("timeline", []))
    finally:
        engine.dispose()


def timeline_files(halves: Sequence[str], extra: Iterable[Path] = ()) -> list[Path]:
    files = [f for half in halves for f in sorted((DATA / half / "timelines").glob("*.json"))]
    for path in extra:
        files += sorted(path.glob("*.json")) if path.is_dir() else [path]
    return files


def _ratio(num: int, den: int) -> float:
    return num / den if den else 1.0


def report(
    label: str, outcomes: Sequence[Outcome], data: Sequence[dict[str, Any]], verbose: bool
) -> None:
    tp = sum(o.true_positives for o in outcomes)
    raised = sum(len(o.raised) for o in outcomes)
    expected = sum(len(o.expected) for o in outcomes)
    dupes = sum(o.duplicates for o in outcomes)
    print(f"\n== {label}: {len(outcomes)} timelines")
    print(f"{'timeline':<34}{'expected':>9}{'raised':>8}{'right':>7}{'prec':>7}{'recall':>8}")
    for o in outcomes:
        p, r = _ratio(o.true_positives, len(o.raised)), _ratio(o.true_positives, len(o.expected))
        print(f"{o.name:<34}{len(o.expected):>9}{len(o.raised):>8}{o.true_positives:>7}"
              f"{p:>7.2f}{r:>8.2f}")  # fmt: skip
        if label != "heldout" and (verbose or p < 1 or r < 1):  # held-out: numbers only
            wrong = [k for k in o.keys if k not in o.expected]
            missed = [k for k in o.expected if k not in o.keys]
            for article, value, direction in wrong:
                print(f"    false alert: {article} {value:g} {direction}")
            for article, value, direction in missed:
                print(f"    missed:      {article} {value:g} {direction}")
    causes: dict[str, int] = {}
    for o, d in zip(outcomes, data, strict=True):
        for cause, n in o.false_alert_causes(d).items():
            causes[cause] = causes.get(cause, 0) + n
    print(f"alert precision {_ratio(tp, raised):.3f}  recall {_ratio(tp, expected):.3f}  "
          f"(raised {raised}, expected {expected}, right {tp})  duplicates {dupes}")  # fmt: skip
    shown = ", ".join(f"{k} {v}" for k, v in sorted(causes.items())) or "none"
    print(f"false alerts by cause: {shown}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--half", choices=["dev", "heldout", "both"], default="dev")
    ap.add_argument("--verbose", action="store_true", help="list every timeline's alerts")
    ap.add_argument("--timeline", action="store_true", help="print each figure timeline")
    ap.add_argument("paths", nargs="*", type=Path, help="more timeline files or directories")
    args = ap.parse_args()
    halves = ["dev", "heldout"] if args.half == "both" else [args.half]
    groups = [(h, timeline_files([h])) for h in halves]
    if args.paths:
        groups.append(("extra", timeline_files([], args.paths)))
    with tempfile.TemporaryDirectory() as tmp:
        for label, files in groups:
            outcomes, loaded = [], []
            for i, path in enumerate(files):
                data = json.loads(path.read_text())
                outcome = run_timeline(data, f"sqlite:///{tmp}/{label}-{i}.db")
                outcomes.append(outcome)
                loaded.append(data)
                if args.timeline and label != "heldout":  # never print what held-out says
                    print(f"\n-- {outcome.name}")
                    for e in outcome.timeline:
                        print(f"  {e['article']['key']:<6}{e['status']:<12}{e['value']:>10g} "
                              f"{e['kind']:<9}{e['time']:<8}{(e['scope'] or '-')[:18]:<19}"
                              f"{e['frame']['binding'][:50]}")  # fmt: skip
            report(label, outcomes, loaded, args.verbose)


if __name__ == "__main__":
    main()
