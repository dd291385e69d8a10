"""Compressed soak of `monitor run`: many feeds publishing every few seconds; RSS, CPU and lag.

.venv/bin/python bench/soak.py                     # 500 feeds for 10 minutes
.venv/bin/python bench/soak.py --minutes 3 --feeds 200

The daemon runs as a real subprocess on a private SQLite database; feeds come from a loopback
server in this process, each gaining a new entry every `--publish-every` seconds (the last 20
are kept, like a real feed). Every `--sample` seconds the script records the daemon's resident
memory and CPU time (psutil) and its projection lag (/metrics). Target: RSS flat within 10 %
after warm-up, projection lag under 5 s.
"""

from __future__ import annotations

import argparse
import itertools
import os
import random
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from monitor.demo.httpserver import FeedServer, Route
from monitor.demo.receiver import free_port

ROOT = Path(__file__).resolve().parents[1]
KEEP = 20
TOPICS = ["harbour", "levee", "grain", "ferry", "rail", "depot", "bridge", "budget", "flood"]


@dataclass(frozen=True)
class Sample:
    """One measurement."""

    at: float
    rss: int
    cpu: float
    lag: float
    articles: int
    polls: int
    workers_cpu: float = 0.0  # the daemon's worker processes (feed parsing, features)


SYLLABLES = [
    "ka",
    "lo",
    "mer",
    "dan",
    "ti",
    "vo",
    "sel",
    "ra",
    "qui",
    "nor",
    "pe",
    "zu",
    "bri",
    "ost",
]
VOCABULARY = [a + b + c for a in SYLLABLES for b in SYLLABLES for c in ("", "n", "s", "ta")]


def item_text(feed: int, n: int) -> str:
    """Distinct filler prose per entry (like real news, entries rarely share long phrases)."""
    rng = random.Random(feed * 1_000_003 + n)
    words = [rng.choice(VOCABULARY) for _ in range(rng.randint(60, 110))]
    return " ".join(words).capitalize() + "."


def feed_xml(feed: int, newest: int, base: str) -> bytes:
    """RSS with the `KEEP` newest entries of one feed (entry text is our own filler)."""
    items = []
    for n in range(max(0, newest - KEEP + 1), newest + 1):
        topic = TOPICS[(feed + n) % len(TOPICS)]
        items.append(
            f"<item><guid>f{feed}-{n}</guid><title>Feed {feed} item {n}: {topic} update</title>"
            f"<link>{base}/a/{feed}/{n}</link><description>{item_text(feed, n)}</description></item>"
        )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Feed {feed}</title>'
        f"<link>{base}</link><description>soak</description>{''.join(items)}</channel></rss>"
    ).encode()


def publisher(server: FeedServer, feeds: int, every: float, stop: threading.Event) -> None:
    """Add one entry to every feed each `every` seconds, spread over the interval."""
    counters = [0] * feeds
    rng = random.Random(1)
    while not stop.is_set():
        start = time.monotonic()
        for feed in rng.sample(range(feeds), feeds):
            counters[feed] += 1
            body = feed_xml(feed, counters[feed], server.base_url)
            server.route(f"/f/{feed}.xml", Route(body=body, etag=f'"{counters[feed]}"'))
        stop.wait(max(0.0, every - (time.monotonic() - start)))


def metric(text: str, name: str) -> float:
    """Sum of a metric's samples in a Prometheus exposition."""
    total = 0.0
    for line in text.splitlines():
        if line.startswith(name + " ") or line.startswith(name + "{"):
            total += float(line.rsplit(" ", 1)[1])
    return total


def write_config(path: Path, db: Path, port: int, urls: list[str], interval: float) -> None:
    """The daemon's configuration."""
    lines = [
        f'database_url = "sqlite:///{db}"',
        "[polling]",
        'timeout = "10s"',
        "concurrency = 64",
        "per_host = 64",  # every soak feed is on one loopback host
        'full_text = "never"',
        "[web]",
        f'listen = "127.0.0.1:{port}"',
        "[logging]",
        'level = "warning"',
    ]
    lines += [f'[[feeds]]\nurl = "{u}"\ninterval = "{interval:g}s"' for u in urls]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def wait_until_live(port: int, patience: float = 120.0) -> None:
    """Block until the daemon's health endpoint answers (start-up takes longer under load)."""
    deadline = time.monotonic() + patience
    while True:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/livez", timeout=5) as resp:
                resp.read()
            return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)


def measure(proc: psutil.Process, port: int, started: float) -> Sample:
    """RSS, CPU seconds, lag and counters right now."""
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=30) as resp:
        text = resp.read().decode()
    times = proc.cpu_times()
    children = 0.0
    for child in proc.children(recursive=True):
        try:
            children += sum(child.cpu_times()[:2])
        except psutil.NoSuchProcess:
            continue
    return Sample(
        at=time.monotonic() - started,
        rss=proc.memory_info().rss,
        cpu=times.user + times.system,
        lag=metric(text, "monitor_projection_max_lag_seconds"),
        articles=int(metric(text, "monitor_articles_total")),
        polls=int(metric(text, "monitor_polls_total")),
        workers_cpu=children,
    )


def report(samples: list[Sample], warmup: float, feeds: int) -> None:
    """Print the table and the summary."""
    print(f"{'t (s)':>7} {'RSS (MB)':>9} {'CPU %':>6} {'lag (s)':>8} {'articles':>9} {'polls':>8}")
    for prev, cur in itertools.pairwise(samples):
        share = 100 * (cur.cpu - prev.cpu) / max(cur.at - prev.at, 1e-9)
        print(
            f"{cur.at:7.0f} {cur.rss / 2**20:9.1f} {share:6.1f} {cur.lag:8.2f} "
            f"{cur.articles:9d} {cur.polls:8d}"
        )
    steady = [s for s in samples if s.at >= warmup] or samples
    first, last = steady[0], steady[-1]
    growth = 100 * (last.rss - first.rss) / first.rss
    cpu_share = 100 * (last.cpu - first.cpu) / max(last.at - first.at, 1e-9)
    lags = [s.lag for s in steady]
    rate = (last.articles - first.articles) / max(last.at - first.at, 1e-9)
    print()
    print(f"feeds                         {feeds}")
    print(f"articles/s (steady)           {rate:.1f}")
    print(f"polls total                   {samples[-1].polls}")
    print(f"RSS after warm-up → end (MB)  {first.rss / 2**20:.1f} → {last.rss / 2**20:.1f}")
    print(f"RSS growth after warm-up      {growth:+.1f} %   (target within ±10 %)")
    half = [s for s in steady if s.at >= (first.at + last.at) / 2] or [last]
    late = 100 * (last.rss - half[0].rss) / half[0].rss
    print(f"RSS growth over the last half {late:+.1f} %   (a plateau reads about 0)")
    print(f"CPU share (one core)          {cpu_share:.1f} %")
    workers = 100 * (last.workers_cpu - first.workers_cpu) / max(last.at - first.at, 1e-9)
    print(f"worker processes' CPU share   {workers:.1f} %")
    spent = (last.cpu - first.cpu) * 1000 / max(last.articles - first.articles, 1)
    print(f"daemon CPU per article        {spent:.2f} ms")
    print(f"projection lag median / max   {statistics.median(lags):.2f} s / {max(lags):.2f} s")
    print("                              (target: median under 2 s, issue 15)")


def main() -> int:
    """Run the soak and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--feeds", type=int, default=500)
    parser.add_argument("--publish-every", type=float, default=5.0, help="seconds per new entry")
    parser.add_argument("--interval", type=float, default=3.0, help="feed poll interval (s)")
    parser.add_argument("--sample", type=float, default=15.0, help="seconds between samples")
    args = parser.parse_args()

    server = FeedServer().start()
    stop = threading.Event()
    threading.Thread(
        target=publisher, args=(server, args.feeds, args.publish_every, stop), daemon=True
    ).start()
    urls = [server.url(f"/f/{i}.xml") for i in range(args.feeds)]
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="soak-") as tmp:
        config = Path(tmp) / "monitor.toml"
        write_config(config, Path(tmp) / "monitor.db", port, urls, args.interval)
        env = {k: v for k, v in os.environ.items() if not k.startswith("MONITOR_")}
        daemon = subprocess.Popen(
            [sys.executable, "-m", "monitor", "--config", str(config), "run", "--tick", "1"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
        )
        proc = psutil.Process(daemon.pid)
        started = time.monotonic()
        samples: list[Sample] = []
        try:
            wait_until_live(port)
            deadline = started + args.minutes * 60
            while time.monotonic() < deadline:
                samples.append(measure(proc, port, started))
                time.sleep(min(args.sample, max(0.0, deadline - time.monotonic())))
            samples.append(measure(proc, port, started))
        finally:
            stop.set()
            signalled = time.monotonic()
            daemon.send_signal(signal.SIGTERM)
            code = daemon.wait(timeout=30)
            stopped_in = time.monotonic() - signalled
            server.stop()
    print(
        f"soak: {args.feeds} feeds, {args.minutes:g} min, new entry every "
        f"{args.publish_every:g} s per feed, polled every {args.interval:g} s; "
        f"SIGTERM → exit {code} in {stopped_in:.1f} s\n"
    )
    report(samples, warmup=min(60.0, args.minutes * 60 / 3), feeds=args.feeds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
