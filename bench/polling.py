"""Polling throughput: our fetch+parse+identity pipeline vs the `reader` library, same feeds.

A separate server process (bench/feedserver_proc.py) serves N feeds × 20 items with ETags.
Each engine runs in its own child process (so peak RSS is its own) for a cold cycle (all
new) and a warm cycle (conditional GET → 304).

    .venv/bin/python bench/polling.py [--feeds 2000] [--concurrency 32]
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

from monitor.polling.fetcher import Fetcher, FetchError, FetchSettings
from monitor.polling.identity import content_hash, dedupe_entries, entry_key
from monitor.polling.parser import parse_feed

HERE = Path(__file__).resolve().parent


def ours_cycle(urls: list[str], state: dict[str, Any], concurrency: int) -> int:
    """One poll cycle of our pipeline over `urls`; returns entries processed.

    `state` maps URL → Validators and carries over between cycles. The lead swaps this
    for the full poll cycle with storage; the measuring code around it stays.
    """
    # All bench feeds share one host; per_host is raised to the global limit so the
    # comparison with reader (which has no per-host limit) is like for like.
    settings = FetchSettings(concurrency=concurrency, per_host=concurrency, timeout=60)

    async def one(fetcher: Fetcher, url: str) -> int:
        try:
            result = await fetcher.fetch(url, state.get(url))
        except FetchError:
            return 0
        state[url] = result.validators
        if result.not_modified or result.body is None:
            return 0
        feed = parse_feed(result.body, result.content_type, result.final_url)
        keys = {entry_key(e): content_hash(e) for e in dedupe_entries(feed.entries)}
        return len(keys)

    async def cycle() -> int:
        async with Fetcher(settings) as fetcher:
            return sum(await asyncio.gather(*(one(fetcher, u) for u in urls)))

    return asyncio.run(cycle())


def reader_cycles(urls: list[str], concurrency: int) -> Callable[[], int]:
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

    return cycle


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
    urls = [f"http://127.0.0.1:{port}/feed/{i}.xml" for i in range(feeds)]
    if engine == "ours":
        state: dict[str, Any] = {}
        cycle: Callable[[], int] = lambda: ours_cycle(urls, state, concurrency)  # noqa: E731
    else:
        cycle = reader_cycles(urls, concurrency)
    cold, warm = measure(cycle), measure(cycle)
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
    """Print the table and the ratios."""
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
    if "reader" in results:
        for cyc in ("cold", "warm"):
            ratio = results["reader"][cyc]["wall"] / results["ours"][cyc]["wall"]
            print(f"{cyc} cycle: ours is {ratio:.2f}× reader's speed")


def main() -> int:
    """Start the server, run both engines, print figures."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--feeds", type=int, default=2000)
    ap.add_argument("--concurrency", type=int, default=32)
    ap.add_argument("--no-reader", action="store_true")
    ap.add_argument("--child", choices=["ours", "reader"])
    ap.add_argument("--port", type=int, default=0)
    args = ap.parse_args()
    if args.child:
        child(args.child, args.port, args.feeds, args.concurrency)
        return 0
    server = subprocess.Popen(
        [sys.executable, str(HERE / "feedserver_proc.py"), "--feeds", str(args.feeds)],
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
