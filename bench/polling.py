"""Polling throughput: our poll cycle vs `reader`, same feeds, in one run.

A separate server process (bench/feedserver_proc.py) serves N feeds × 20 items with ETags.
Each engine runs in its own child process (so peak RSS is its own) for a cold cycle (all
new) and a warm cycle (conditional GET → 304). For ours, "fetch+store" is fetch, parse,
identity and append to the log (what reader's update_feeds does); "whole" adds projecting
everything stored (articles' main text, stories, figures, alerts: what `monitor poll --all`
does before it exits). Ratios are against reader's fetch-only time measured in the same run
(the machine may be shared: compare ratios, not seconds).

    .venv/bin/python bench/polling.py [--feeds 2000] [--concurrency 32] [--text rotation|prose]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from monitor import logging as logs
from monitor.clock import utcnow
from monitor.config import build
from monitor.daemon.bootstrap import open_app
from monitor.daemon.cycle import poll_feeds
from monitor.events import FeedAdded
from monitor.polling.poller import due_feeds

HERE = Path(__file__).resolve().parent


def ours_cycles(urls: list[str], concurrency: int) -> tuple[Callable[[], int], Callable[[], None]]:
    """Our full poll cycle with storage: fetch, parse, identity, append to the event log.

    Runs against a fresh SQLite database (like reader's). All bench feeds share one host,
    so per_host is raised to the global limit to compare like for like with reader (which
    has no per-host limit). full_text is off: the bench items carry their text.
    """
    tmp = tempfile.mkdtemp(prefix="bench-ours-")
    config = build(
        {
            "database_url": f"sqlite:///{tmp}/monitor.db",
            "polling": {
                "concurrency": concurrency,
                "per_host": concurrency,
                "timeout": "60s",
                "full_text": "never",
            },
        },
        {},
    )
    app = open_app(config, upgrade=True)
    now = utcnow()
    with app.engine.begin() as conn:
        app.log.append(
            [FeedAdded(url=u, name=None, interval=None, origin="cli", added_at=now) for u in urls],
            conn=conn,
        )
    app.project()

    def cycle() -> int:
        feeds = due_feeds(app.engine, utcnow(), default_interval=900, everything=True)
        reports = asyncio.run(poll_feeds(app, feeds))
        return sum(r.new + r.revised for r in reports)

    def project() -> None:
        # Everything `monitor poll` projects after polling (the feeds projection also
        # records each feed's health, so the warm cycle sees them as known).
        app.project()

    return cycle, project


def reader_cycles(
    urls: list[str], concurrency: int
) -> tuple[Callable[[], int], Callable[[], None]]:
    """A `reader` instance with the feeds added; each call runs update_feeds once."""
    if "sgmllib" not in sys.modules:
        # reader vendors an older feedparser that imports `sgmllib` (the sgmllib3k
        # package); the installed feedparser ships the same module as feedparser_sgmllib.
        import feedparser_sgmllib

        sys.modules["sgmllib"] = feedparser_sgmllib
    from reader import make_reader

    tmp = tempfile.mkdtemp(prefix="bench-reader-")
    rdr = make_reader(str(Path(tmp) / "db.sqlite"))
    for url in urls:
        rdr.add_feed(url)

    def cycle() -> int:
        before = rdr.get_entry_counts().total or 0
        # scheduled=False: poll every feed now, as our cycle does (the default skips
        # feeds that are not due yet, which would make the warm cycle a no-op).
        rdr.update_feeds(workers=concurrency, scheduled=False)
        return int((rdr.get_entry_counts().total or 0) - before)

    return cycle, lambda: None


def measure(run: Callable[[], int]) -> dict[str, float]:
    """Wall and CPU seconds of one call, and the entries it reports."""
    wall, cpu = time.perf_counter(), time.process_time()
    entries = run()
    return {
        "wall": time.perf_counter() - wall,
        "cpu": time.process_time() - cpu,
        "entries": entries,
    }


def child(engine: str, port: int, feeds: int, concurrency: int) -> None:
    """Run one engine's cold and warm cycles; print JSON figures."""
    logs.configure(level="warning")
    urls = [f"http://127.0.0.1:{port}/feed/{i}.xml" for i in range(feeds)]
    make = ours_cycles if engine == "ours" else reader_cycles
    cycle, project = make(urls, concurrency)
    cold = measure(cycle)
    wall, cpu = time.perf_counter(), time.process_time()
    project()
    cold["project_wall"] = time.perf_counter() - wall
    cold["project_cpu"] = time.process_time() - cpu
    warm = measure(cycle)
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"cold": cold, "warm": warm, "rss_mb": rss_mb}))


def run_child(engine: str, port: int, feeds: int, concurrency: int) -> dict[str, Any]:
    """Run `child` in a fresh interpreter."""
    out = subprocess.run(
        [
            sys.executable,
            __file__,
            "--child",
            engine,
            "--port",
            str(port),
            "--feeds",
            str(feeds),
            "--concurrency",
            str(concurrency),
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def report(feeds: int, results: dict[str, dict[str, Any]]) -> None:
    """Print the table and the ratios (whole cycle = fetch+store, then projections)."""
    print(f"{feeds} feeds × 20 items, local server in a separate process")
    print(
        f"{'engine':<8} {'cycle':<5} {'wall s':>7} {'feeds/s':>8} {'CPU ms/feed':>11} {'entries':>8} {'peak RSS MB':>11}"
    )
    for name, r in results.items():
        for cyc in ("cold", "warm"):
            c = r[cyc]
            print(
                f"{name:<8} {cyc:<5} {c['wall']:>7.2f} {feeds / c['wall']:>8.0f} "
                f"{1000 * c['cpu'] / feeds:>11.2f} {c['entries']:>8} {r['rss_mb']:>11.0f}"
            )
    cold = results["ours"]["cold"]
    if "project_wall" in cold:
        whole = cold["wall"] + cold["project_wall"]
        rate = cold["entries"] / cold["project_wall"] if cold["project_wall"] else 0.0
        print(
            f"ours cold: fetch+store {cold['wall']:.2f} s, projections {cold['project_wall']:.2f} s "
            f"({rate:.0f} articles/s, CPU {cold['project_cpu']:.2f} s), whole cycle {whole:.2f} s"
        )
    if "reader" in results:
        for cyc in ("cold", "warm"):
            ratio = results["reader"][cyc]["wall"] / results["ours"][cyc]["wall"]
            print(f"{cyc} cycle fetch+store: ours is {ratio:.2f}× reader's speed")
        if "project_wall" in cold:
            whole = cold["wall"] + cold["project_wall"]
            ratio = whole / results["reader"]["cold"]["wall"]
            print(f"cold whole cycle: {ratio:.2f}× reader's fetch-only time (target ≤ 2)")


def main() -> int:
    """Start the server, run both engines, print figures."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--feeds", type=int, default=2000)
    ap.add_argument("--concurrency", type=int, default=32)
    ap.add_argument("--no-reader", action="store_true")
    ap.add_argument(
        "--text",
        choices=["rotation", "prose"],
        default="rotation",
        help="entry text: every entry the same 20 words (rotation) or stories (prose)",
    )
    ap.add_argument("--child", choices=["ours", "reader"])
    ap.add_argument("--port", type=int, default=0)
    args = ap.parse_args()
    if args.child:
        child(args.child, args.port, args.feeds, args.concurrency)
        return 0
    server = subprocess.Popen(
        [
            sys.executable,
            str(HERE / "feedserver_proc.py"),
            "--feeds",
            str(args.feeds),
            "--text",
            args.text,
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert server.stdout is not None
        port = int(server.stdout.readline().split()[1])
        results = {"ours": run_child("ours", port, args.feeds, args.concurrency)}
        if not args.no_reader:
            results["reader"] = run_child("reader", port, args.feeds, args.concurrency)
        report(args.feeds, results)
    finally:
        server.terminate()
        server.wait()
    return 0


if __name__ == "__main__":
    sys.exit(main())
