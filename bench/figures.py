"""Figures projection throughput: live folding and back-filling a figure added later.

Run: .venv/bin/python bench/figures.py [--articles 2000]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from monitor.events import ArticleObserved  # noqa: E402
from monitor.events.base import deterministic_id  # noqa: E402
from monitor.projections.articles import ArticlesProjection  # noqa: E402
from monitor.projections.figures import FiguresProjection  # noqa: E402
from monitor.projections.figures_sync import tracked_event  # noqa: E402
from monitor.projector.runner import ProjectionRunner  # noqa: E402
from monitor.store import blobs, migrations  # noqa: E402
from monitor.store.db import make_engine  # noqa: E402
from monitor.store.eventlog import SqlEventLog  # noqa: E402
from monitor.text.figures import FigureSpec  # noqa: E402

SPEC = FigureSpec(
    "nk-shells", "shells", ("artillery shells", "shells", "rounds"), ("North Korea", "Pyongyang")
)
FIGURE_LINE = "North Korea has sent {n:,} artillery shells to Russia, officials said on {d}."


def bodies() -> list[str]:
    rows = []
    for part in sorted((ROOT / "tests/data/stories").glob("part*.jsonl")):
        rows += [json.loads(line) for line in part.read_text().splitlines() if line.strip()]
    return [r["body"] for r in rows]


def articles(engine, log, n: int, start: int) -> None:
    texts = bodies()
    t0 = datetime(2024, 1, 1, tzinfo=UTC)
    batch = []
    with engine.begin() as conn:
        for i in range(start, start + n):
            text = texts[i % len(texts)]
            if i % 10 == 0:  # one in ten reports the figure, one in fifty changes it
                text = (
                    FIGURE_LINE.format(n=round(1.1 ** (i // 50) * 1000) * 1000, d="Monday")
                    + "\n"
                    + text
                )
            html = "".join(f"<p>{p}</p>" for p in text.split("\n"))
            ref = blobs.put_text(conn, html)
            aid = deterministic_id("bench", str(i))
            batch.append(
                ArticleObserved(
                    article_id=aid,
                    feed_url="http://bench.invalid/feed",
                    source=f"Outlet {i}",
                    entry_key=str(i),
                    title=f"Article {i}",
                    link=f"http://bench.invalid/{i}",
                    guid=str(i),
                    published_at=t0 + timedelta(minutes=i),
                    seen_at=t0 + timedelta(minutes=i),
                    content_hash=str(i),
                    summary_ref=None,
                    content_ref=ref,
                    page_ref=None,
                    page_url=None,
                )
            )
    log.append(batch)


def timed(fn) -> tuple[float, float]:
    """(wall seconds, CPU seconds of this process): the machine is shared, CPU time is the
    fairer measure of the projection's own cost."""
    t, c = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - t, time.process_time() - c


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=2000)
    n = ap.parse_args().articles
    with tempfile.TemporaryDirectory() as tmp:
        engine = make_engine(f"sqlite:///{tmp}/bench.db")
        migrations.upgrade(engine)
        log = SqlEventLog(engine)
        arts = ProjectionRunner(engine, log, ArticlesProjection())
        figs = ProjectionRunner(engine, log, FiguresProjection(log))
        articles(engine, log, n, 0)
        arts.catch_up()
        figs.catch_up()
        log.append([tracked_event(SPEC, datetime(2024, 6, 1, tzinfo=UTC))])
        backfill = timed(figs.catch_up)
        articles(engine, log, n, n)
        arts.catch_up()
        live = timed(figs.catch_up)
        rebuild = timed(figs.rebuild)
        with engine.connect() as conn:
            from sqlalchemy import func, select

            from monitor.store.tables_figures import figure_claims

            claims = conn.execute(select(func.count()).select_from(figure_claims)).scalar_one()
        alerts = sum(1 for s in log.iter_all() if s.type == "AlertRaised")
    print(f"{'measure':<36}{'articles':>10}{'wall s':>8}{'articles/s':>12}{'CPU s':>8}"
          f"{'per CPU s':>11}")  # fmt: skip
    for name, count, (secs, cpu) in [
        ("back-fill of a figure added later", n, backfill),
        ("live folding (alerts appended)", n, live),
        ("rebuild (replay) of the figure", 2 * n, rebuild),
    ]:
        print(f"{name:<36}{count:>10}{secs:>8.2f}{count / secs:>12.0f}{cpu:>8.2f}"
              f"{count / cpu:>11.0f}")  # fmt: skip
    print(f"claims recorded: {claims}, alerts raised: {alerts}")


if __name__ == "__main__":
    main()
