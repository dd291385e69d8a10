"""Event log benchmark: append (single, batched), read-after and replay, on SQLite and PostgreSQL.

Run: python bench/eventlog.py [--events N] [--pg URL]
PostgreSQL is measured when --pg or MONITOR_TEST_DATABASE_URL is given (a private schema is used).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from monitor.events import FeedFailed
from monitor.projections.stats import EventStats
from monitor.projector.runner import ProjectionRunner
from monitor.store import migrations
from monitor.store.db import make_engine
from monitor.store.eventlog import SqlEventLog

T0 = datetime(2024, 1, 1, tzinfo=UTC)


def event(i: int) -> FeedFailed:
    return FeedFailed(
        url=f"https://feed{i % 500}.example/rss",
        failed_at=T0 + timedelta(milliseconds=i),
        reason="timeout",
        message="no answer within 20s",
        status=None,
        retry_after=None,
        consecutive_failures=i % 7,
    )


def rate(n: int, fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return n / (time.perf_counter() - start)


def measure(url: str, n: int) -> dict[str, float]:
    engine = make_engine(url)
    migrations.upgrade(engine)
    log = SqlEventLog(engine)
    singles = min(n // 10, 2000)

    def append_single() -> None:
        for i in range(singles):
            log.append([event(i)])

    def append_batched() -> None:
        for start in range(singles, singles + n, 100):
            log.append([event(i) for i in range(start, start + 100)])

    def read_all() -> None:
        assert sum(1 for _ in log.iter_all(batch=1000)) == singles + n

    results = {
        "append single (events/s)": rate(singles, append_single),
        "append batch of 100 (events/s)": rate(n, append_batched),
        "re-append duplicates (events/s)": rate(n, append_batched),
        "read_after, 1000/page (events/s)": rate(singles + n, read_all),
        "replay, trivial projection (events/s)": rate(
            singles + n,
            lambda: ProjectionRunner(engine, log, EventStats(), batch_size=1000).rebuild(),
        ),
    }
    engine.dispose()
    return results


@contextmanager
def pg_schema(base: str) -> Iterator[str]:
    schema = f"bench_{uuid.uuid4().hex[:8]}"
    admin = create_engine(base)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield (
            make_url(base)
            .update_query_dict({"options": f"-csearch_path={schema}"})
            .render_as_string(hide_password=False)
        )
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=50_000)
    parser.add_argument("--pg", default=os.environ.get("MONITOR_TEST_DATABASE_URL"))
    args = parser.parse_args()
    columns: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        columns["SQLite"] = measure(f"sqlite:///{tmp}/bench.db", args.events)
    if args.pg:
        with pg_schema(args.pg) as url:
            columns["PostgreSQL"] = measure(url, args.events)
    else:
        print(
            "(PostgreSQL skipped: pass --pg URL or set MONITOR_TEST_DATABASE_URL)", file=sys.stderr
        )
    names = list(next(iter(columns.values())))
    print(f"event log benchmark, {args.events:,} batched events, {os.cpu_count()} CPUs")
    print(f"{'measure':40}" + "".join(f"{db:>14}" for db in columns))
    for name in names:
        print(f"{name:40}" + "".join(f"{columns[db][name]:>14,.0f}" for db in columns))
    return 0


if __name__ == "__main__":
    sys.exit(main())
