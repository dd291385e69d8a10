"""Feed leases: due feeds are claimed by one process at a time, within per-host limits."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, select

from monitor.daemon.subscriptions import sync_config
from monitor.polling.subscriptions import DeclaredFeed
from monitor.store.db import StoreError, make_engine
from monitor.store.eventlog import SqlEventLog
from monitor.store.leases import (
    ClaimRequest,
    SingleDaemonLock,
    claim_feeds,
    pick_within_host_limits,
    release_leases,
)
from monitor.store.tables_feeds import feed_schedule

NOW = datetime(2026, 11, 1, 12, 0, tzinfo=UTC)


def subscribe(log: SqlEventLog, urls: list[str]) -> None:
    """Subscribe to feeds as the config file would (FeedAdded, projected at once)."""
    sync_config(log, [DeclaredFeed(url) for url in urls], NOW - timedelta(minutes=1))


def claim(
    engine: Engine, owner: str, *, limit: int = 100, per_host: int = 64, at: datetime = NOW
) -> set[str]:
    """The URLs `owner` leases."""
    request = ClaimRequest(owner=owner, now=at, limit=limit, lease_seconds=30, per_host=per_host)
    return {row["url"] for row in claim_feeds(engine, request)}


def test_never_polled_feeds_are_claimable_and_leased_with_their_host(
    engine: Engine, event_log: SqlEventLog
) -> None:
    urls = ["https://a.example/1.xml", "https://b.example:8080/2.xml"]
    subscribe(event_log, urls)

    assert claim(engine, "one") == set(urls)

    with engine.connect() as conn:
        rows = conn.execute(select(feed_schedule)).mappings().all()
    assert {(r["url"], r["host"], r["lease_owner"]) for r in rows} == {
        (urls[0], "a.example", "one"),
        (urls[1], "b.example:8080", "one"),
    }


def test_a_leased_feed_waits_for_its_lease_to_expire(
    engine: Engine, event_log: SqlEventLog
) -> None:
    subscribe(event_log, ["https://a.example/1.xml"])
    assert claim(engine, "one") == {"https://a.example/1.xml"}

    assert claim(engine, "two") == set()
    assert claim(engine, "two", at=NOW + timedelta(seconds=31)) == {"https://a.example/1.xml"}


def test_a_released_feed_is_claimable_again_when_due(
    engine: Engine, event_log: SqlEventLog
) -> None:
    subscribe(event_log, ["https://a.example/1.xml"])
    claim(engine, "one")

    release_leases(engine, "one", ["https://a.example/1.xml"])

    assert claim(engine, "two") == {"https://a.example/1.xml"}


def test_per_host_counts_the_leases_of_every_process(
    engine: Engine, event_log: SqlEventLog
) -> None:
    on_a = [f"https://a.example/{i}.xml" for i in range(5)]
    on_b = [f"https://b.example/{i}.xml" for i in range(5)]
    subscribe(event_log, on_a + on_b)

    first = claim(engine, "one", per_host=2)
    second = claim(engine, "two", per_host=2)

    assert len(first & set(on_a)) == 2 and len(first & set(on_b)) == 2
    assert second == set()
    release_leases(engine, "one", [sorted(first & set(on_a))[0]])
    taken = claim(engine, "two", per_host=2)
    assert len(taken) == 1 and taken <= set(on_a)


@pytest.mark.postgres
def test_concurrent_claimers_take_disjoint_feeds(postgres_url: str) -> None:
    from monitor.store import migrations

    engine = make_engine(postgres_url)
    migrations.upgrade(engine)
    urls = [f"https://h{i % 7}.example/{i}.xml" for i in range(210)]
    subscribe(SqlEventLog(engine), urls)

    def drain(owner: str) -> list[str]:
        got: list[str] = []
        while taken := claim(engine, owner, limit=5):
            got += taken
        return got

    try:
        with ThreadPoolExecutor(6) as pool:
            results = list(pool.map(drain, [f"p{i}" for i in range(6)]))
    finally:
        engine.dispose()
    claimed = [url for result in results for url in result]
    assert sorted(claimed) == sorted(urls), "every feed claimed exactly once"


def test_picking_skips_full_hosts_and_keeps_order() -> None:
    candidates = [("u1", "a"), ("u2", "a"), ("u3", "b"), ("u4", "a"), ("u5", "c")]

    assert pick_within_host_limits(candidates, {"a": 1}, per_host=2, limit=10) == ["u1", "u3", "u5"]
    assert pick_within_host_limits(candidates, {}, per_host=2, limit=3) == ["u1", "u2", "u3"]


def test_a_second_daemon_lock_on_one_sqlite_file_is_refused(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path}/monitor.db")
    first = SingleDaemonLock.acquire(engine)
    assert first is not None

    with pytest.raises(
        StoreError, match=r"another monitor daemon \(pid \d+\) is using .*monitor\.db"
    ):
        SingleDaemonLock.acquire(engine)

    first.release()
    again = SingleDaemonLock.acquire(engine)
    assert again is not None
    again.release()


def test_status_names_the_daemons_and_what_each_one_holds(
    engine: Engine, event_log: SqlEventLog
) -> None:
    from monitor.cli.status import gather
    from monitor.store.leases import ProcessInfo, record_process

    subscribe(event_log, ["https://a.example/1.xml", "https://b.example/2.xml"])
    now = datetime.now(UTC)
    record_process(engine, ProcessInfo("host:1", "host", 1, now), now, ["feeds"], None)
    claim(engine, "host:1", at=now)

    with engine.connect() as conn:
        report = gather(conn, ["feeds"], now)

    (process,) = report["processes"]
    assert (process["id"], process["leased_feeds"], process["claimed_deliveries"]) == (
        "host:1",
        2,
        0,
    )
    if engine.dialect.name == "sqlite":  # on PostgreSQL the holder is read from pg_locks
        assert process["projections"] == ("feeds",)
        assert [p["holder"] for p in report["projections"]] == ["host:1"]
