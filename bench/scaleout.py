"""Scale-out throughput: 1, 2 and 3 `monitor run` daemons on one PostgreSQL, cold cycle.

Feed servers run as separate processes (bench/feedserver_proc.py), one per "host" (port), so
per-host politeness spreads over several hosts as it would on the web. Each run gets a fresh
schema; the daemons start together and the run ends when every feed has been polled once.
Throughput is measured between the first and the last FeedPolled event. While it runs, the
PostgreSQL sessions waiting for the append lock (`LOCK TABLE events IN EXCLUSIVE MODE`) are
sampled: their average number × the run's length is the time appends spent queueing.

    .venv/bin/python bench/scaleout.py [--feeds 3000] [--items 5] [--daemons 1,2,3]
    (database: $MONITOR_BENCH_DATABASE_URL, default the local test database)
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url

from monitor.config import build
from monitor.daemon.bootstrap import open_app

HERE = Path(__file__).resolve().parent
DEFAULT_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
HOSTS = 6
MONITOR = (sys.executable, "-m", "monitor", "--log-level", "warning")
WAITING = text(
    "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
    "AND query ILIKE 'LOCK TABLE events%'"
)
POLLED = text(
    "SELECT count(*), min(recorded_at), max(recorded_at) FROM events WHERE type = 'FeedPolled'"
)


@dataclass(frozen=True)
class Result:
    """One run's figures."""

    daemons: int
    seconds: float
    feeds: int
    events: int
    lock_waiters: float  # average sessions waiting for the append lock


def start_servers(feeds: int, items: int) -> tuple[list[subprocess.Popen[str]], list[int]]:
    """HOSTS feed server processes, each serving every feed; their ports."""
    procs, ports = [], []
    items_arg = ("--items", str(items))
    for _ in range(HOSTS):
        proc = subprocess.Popen(
            [sys.executable, str(HERE / "feedserver_proc.py"), "--feeds", str(feeds), *items_arg],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert proc.stdout is not None
        ports.append(int(proc.stdout.readline().split()[1]))
        procs.append(proc)
    return procs, ports


def write_config(path: Path, database_url: str, urls: list[str]) -> None:
    """A daemon config: the feeds, one-hour interval, no web server."""
    lines = [
        f'database_url = "{database_url}"',
        "[polling]",
        "concurrency = 32",
        "per_host = 16",
        'timeout = "60s"',
        'full_text = "never"',
        "[web]",
        'listen = ""',
    ]
    lines += [f'[[feeds]]\nurl = "{url}"\ninterval = "1h"' for url in urls]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def fresh_schema(admin: Engine, base: str) -> tuple[str, str]:
    """A new schema and a database URL whose search_path points at it."""
    schema = f"bench_{uuid.uuid4().hex[:10]}"
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = make_url(base).update_query_dict({"options": f"-csearch_path={schema}"})
    return schema, url.render_as_string(hide_password=False)


def run(daemons: int, urls: list[str], base: str, admin: Engine, workdir: Path) -> Result:
    """Start `daemons` daemons on a fresh schema; measure until every feed is polled."""
    schema, url = fresh_schema(admin, base)
    open_app(build({"database_url": url}, {}), upgrade=True).close()  # not part of the run
    config = workdir / f"{schema}.toml"
    write_config(config, url, urls)
    engine = create_engine(url)
    env = {k: v for k, v in os.environ.items() if not k.startswith("MONITOR_")}
    procs = [
        subprocess.Popen(
            [*MONITOR, "--config", str(config), "run", "--tick", "0.5"],
            env=env,
            stdout=subprocess.DEVNULL,
        )
        for _ in range(daemons)
    ]
    samples: list[int] = []
    try:
        while True:
            with engine.connect() as conn:
                polled, first, last = conn.execute(POLLED).one()
                if polled:
                    samples.append(int(conn.execute(WAITING).scalar_one()))
            if polled >= len(urls):
                break
            if any(p.poll() is not None for p in procs):
                raise RuntimeError("a daemon exited early")
            time.sleep(0.1)
        with engine.connect() as conn:
            events = int(
                conn.execute(
                    text("SELECT count(*) FROM events WHERE recorded_at <= :t"), {"t": last}
                ).scalar_one()
            )
    finally:
        for proc in procs:
            proc.send_signal(signal.SIGTERM)
        for proc in procs:
            proc.wait(timeout=30)
        engine.dispose()
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    return Result(
        daemons=daemons,
        seconds=(last - first).total_seconds(),
        feeds=len(urls),
        events=events,
        lock_waiters=sum(samples) / max(len(samples), 1),
    )


def report(results: list[Result], items: int) -> None:
    """Print the table."""
    print(
        f"{results[0].feeds} feeds × {items} items over {HOSTS} local hosts, cold cycle, "
        f"{os.cpu_count()} CPUs (daemons, servers and PostgreSQL share them)"
    )
    print(
        f"{'daemons':>7} {'wall s':>7} {'feeds/s':>8} {'events/s':>9} "
        f"{'append-lock waiters':>19} {'queued s':>9} {'speed-up':>8}"
    )
    base = results[0].seconds
    for r in results:
        print(
            f"{r.daemons:>7} {r.seconds:>7.1f} {r.feeds / r.seconds:>8.0f} "
            f"{r.events / r.seconds:>9.0f} {r.lock_waiters:>19.2f} "
            f"{r.lock_waiters * r.seconds:>9.1f} {base / r.seconds:>7.2f}×"
        )


def main() -> int:
    """Run the configurations and print figures."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--feeds", type=int, default=3000)
    ap.add_argument("--items", type=int, default=5)
    ap.add_argument("--daemons", default="1,2,3")
    args = ap.parse_args()
    base = os.environ.get("MONITOR_BENCH_DATABASE_URL", DEFAULT_URL)
    admin = create_engine(base)
    servers, ports = start_servers(args.feeds, args.items)
    urls = [f"http://127.0.0.1:{ports[i % HOSTS]}/feed/{i}.xml" for i in range(args.feeds)]
    try:
        with tempfile.TemporaryDirectory(prefix="bench-scaleout-") as tmp:
            results = [run(int(n), urls, base, admin, Path(tmp)) for n in args.daemons.split(",")]
    finally:
        for server in servers:
            server.terminate()
            server.wait()
        admin.dispose()
    report(results, args.items)
    return 0


if __name__ == "__main__":
    sys.exit(main())
