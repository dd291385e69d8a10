"""Replay throughput: `monitor replay` of a log of N articles, per projection.

Builds the log through the real poll path: the bench feed server (bench/feedserver_proc.py,
a separate process) serves N/20 feeds × 20 items and one cold `poll` cycle fetches, parses
and appends them to a fresh SQLite file (nothing is projected while polling). Then every
projection is rebuilt in registry order exactly as `monitor replay` does (one transaction
per projection), and each one's wall and CPU time is printed — CPU includes the extraction
pool's worker processes. Target: ≥ 500 articles/s through every projection.

    .venv/bin/python bench/replay.py [--articles 2000] [--mode replay|backfill] [--profile DIR]

`--mode backfill` projects from an empty read model in batches (`--batch`, 500 as in
`monitor poll`; the daemon uses 50 on SQLite), a transaction each, instead of one rebuild
transaction per projection.
`--mode daemon` does the same, but as a daemon's passes do: every projection catches up
to the next `--batch` events (50, as the daemon on SQLite) before the log moves on, so the
projections read the same events in turn and each keeps its caches from batch to batch.
`--profile DIR` writes a cProfile file per projection (in-process work only).
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil
from sqlalchemy import delete

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from monitor import cores
from monitor import logging as logs
from monitor.clock import utcnow
from monitor.config import build
from monitor.daemon.bootstrap import App, open_app
from monitor.daemon.cycle import poll_feeds, sync_declared
from monitor.events import FeedAdded
from monitor.polling.poller import due_feeds
from monitor.projections import parallel
from monitor.projector.runner import ProjectionRunner
from monitor.store import checkpoints

HERE = Path(__file__).resolve().parent
ITEMS = 20


def cpu_seconds() -> float:
    """CPU of this process and its live children (the extraction pool's workers)."""
    me = psutil.Process()
    total = sum(me.cpu_times()[:2])
    for child in me.children(recursive=True):
        try:
            total += sum(child.cpu_times()[:2])
        except psutil.NoSuchProcess:
            continue
    return total


# Figures the prose feeds report on ("In Porto, 312 workers joined the repair crews"), so the
# figures projection extracts and binds claims as it would in a real deployment.
FIGURES = [
    {
        "name": f"{place.lower()}-crews",
        "label": f"Repair crews in {place}",
        "units": ["workers"],
        "context": [place],
    }
    for place in ("Rotterdam", "Porto", "Lyon")
]


def open_bench_app(db: Path) -> App:
    """The app on a private SQLite file, configured as bench/polling.py does."""
    config = build(
        {
            "database_url": f"sqlite:///{db}",
            "polling": {"concurrency": 32, "per_host": 32, "timeout": "60s", "full_text": "never"},
            "figures": FIGURES,
        },
        {},
    )
    return open_app(config, upgrade=True)


def build_log(db: Path, feeds: int, text: str) -> int:
    """Poll `feeds` bench feeds once into a fresh log; how many articles were stored."""
    server = subprocess.Popen(
        [
            sys.executable,
            str(HERE / "feedserver_proc.py"),
            "--feeds",
            str(feeds),
            "--items",
            str(ITEMS),
            "--text",
            text,
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert server.stdout is not None
        port = int(server.stdout.readline().split()[1])
        app = open_bench_app(db)
        urls = [f"http://127.0.0.1:{port}/feed/{i}.xml" for i in range(feeds)]
        now = utcnow()
        app.log.append(
            [FeedAdded(url=u, name=None, interval=None, origin="cli", added_at=now) for u in urls]
        )
        sync_declared(app)  # the figures are recorded first, as a daemon with them does
        app.project()  # the feeds projection makes them due (nothing else is in the log yet)
        due = due_feeds(app.engine, utcnow(), default_interval=900, everything=True)
        reports = asyncio.run(poll_feeds(app, due))
        app.close()
        return sum(r.new + r.revised for r in reports)
    finally:
        server.terminate()
        server.wait()


def run_projection(
    app: App, name: str, mode: str, batch: int, profile: Path | None
) -> tuple[float, float]:
    """(wall s, CPU s) of rebuilding (or catching up from nothing) one projection."""
    projection = app.projection(name)
    runner = ProjectionRunner(app.engine, app.log, projection, batch)
    if mode == "backfill":  # untimed: start from an empty read model, as after a cold poll
        with app.engine.begin() as conn:
            for table in reversed(list(projection.tables)):
                conn.execute(delete(table))
            checkpoints.reset(conn, name)
    prof = cProfile.Profile() if profile else None
    wall, cpu = time.perf_counter(), cpu_seconds()
    if prof:
        prof.enable()
    if mode == "replay":
        runner.rebuild()
    else:
        runner.catch_up(until=app.log.head())
    if prof:
        prof.disable()
        assert profile is not None
        prof.dump_stats(str(profile / f"{name}.prof"))
    return time.perf_counter() - wall, cpu_seconds() - cpu


def run_interleaved(app: App, names: list[str], batch: int) -> dict[str, tuple[float, float]]:
    """(wall s, CPU s) per projection of catching every one of them up from nothing,
    `batch` log positions at a time, in registry order at each step."""
    runners = {}
    for name in names:
        projection = app.projection(name)
        with app.engine.begin() as conn:
            for table in reversed(list(projection.tables)):
                conn.execute(delete(table))
            checkpoints.reset(conn, name)
        runners[name] = ProjectionRunner(app.engine, app.log, projection, batch)
    spent = dict.fromkeys(names, (0.0, 0.0))
    head = app.log.head()
    for target in range(batch, head + batch, batch):
        for name, runner in runners.items():
            wall, cpu = time.perf_counter(), cpu_seconds()
            runner.catch_up(until=min(target, head))
            before = spent[name]
            spent[name] = (
                before[0] + time.perf_counter() - wall,
                before[1] + cpu_seconds() - cpu,
            )
    return spent


def main() -> int:
    """Build the log, project it, print a row per projection."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--mode", choices=["replay", "backfill", "daemon"], default="replay")
    ap.add_argument("--batch", type=int, default=500, help="events per backfill transaction")
    ap.add_argument("--text", choices=["prose", "rotation"], default="prose")
    ap.add_argument("--db", type=Path, help="reuse (or keep) this log file")
    ap.add_argument("--skip", default="", help="comma-separated projections not to run")
    ap.add_argument("--profile", type=Path)
    args = ap.parse_args()
    logs.configure(level="warning")
    db = args.db or Path(tempfile.mkdtemp(prefix="bench-replay-")) / "monitor.db"
    if not db.exists():
        began = time.perf_counter()
        stored = build_log(db, max(1, args.articles // ITEMS), args.text)
        print(f"log: {stored} articles polled into {db} in {time.perf_counter() - began:.1f} s")
    if args.profile:
        args.profile.mkdir(parents=True, exist_ok=True)
    app = open_bench_app(db)
    articles = app.log.backlog(0, types=["ArticleObserved", "ArticleRevised"]).events
    print(
        f"{args.mode} of {articles} articles ({app.log.head()} events), workers={cores.workers()}"
    )
    print(f"{'projection':<12} {'wall s':>8} {'CPU s':>8} {'art/s wall':>10} {'art/s CPU':>10}")
    total_wall = total_cpu = 0.0
    skip = {name for name in args.skip.split(",") if name}
    names = [proj.name for proj in app.projections if proj.name not in skip]
    together = run_interleaved(app, names, args.batch) if args.mode == "daemon" else {}
    for name in names:
        if args.mode == "daemon":
            wall, cpu = together[name]
        else:
            wall, cpu = run_projection(app, name, args.mode, args.batch, args.profile)
        total_wall += wall
        total_cpu += cpu
        print(
            f"{name:<12} {wall:>8.2f} {cpu:>8.2f} {articles / wall:>10.0f} "
            f"{articles / max(cpu, 1e-9):>10.0f}",
            flush=True,
        )
    print(
        f"{'all':<12} {total_wall:>8.2f} {total_cpu:>8.2f} {articles / total_wall:>10.0f} "
        f"{articles / max(total_cpu, 1e-9):>10.0f}"
    )
    parallel.shutdown()
    app.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
