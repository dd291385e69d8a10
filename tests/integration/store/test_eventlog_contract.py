"""The event log contract, run on SQLite and on PostgreSQL."""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import Engine, text

from monitor.events import DecodeError, FeedAdded, FeedRemoved
from monitor.store.eventlog import Backlog, SqlEventLog

T0 = datetime(2024, 1, 1, tzinfo=UTC)


def added(i: int) -> FeedAdded:
    return FeedAdded(
        url=f"https://site{i}.example/rss",
        name=None,
        interval=None,
        origin="config",
        added_at=T0 + timedelta(seconds=i),
    )


def test_an_appended_batch_is_read_back_in_order(event_log: SqlEventLog) -> None:
    result = event_log.append([added(i) for i in range(5)])
    assert (result.appended, result.duplicates) == (5, 0)
    read = event_log.read_after(0)
    assert [s.event for s in read] == [added(i) for i in range(5)]
    positions = [s.position for s in read]
    assert positions == sorted(positions)
    assert event_log.head() == positions[-1] == result.last_position


def test_re_appending_the_same_events_stores_nothing_and_says_so(event_log: SqlEventLog) -> None:
    event_log.append([added(0), added(1)])
    again = event_log.append([added(1), added(0), added(2)])
    assert (again.appended, again.duplicates) == (1, 2)
    assert [s.event for s in event_log.read_after(0)] == [added(0), added(1), added(2)]


def test_a_batch_repeating_an_event_stores_it_once(event_log: SqlEventLog) -> None:
    result = event_log.append([added(7), added(7)])
    assert (result.appended, result.duplicates) == (1, 1)
    assert len(event_log.read_after(0)) == 1


def test_read_after_pages_through_the_log(event_log: SqlEventLog) -> None:
    event_log.append([added(i) for i in range(10)])
    first = event_log.read_after(0, limit=4)
    second = event_log.read_after(first[-1].position, limit=4)
    rest = event_log.read_after(second[-1].position, limit=100)
    assert [len(first), len(second), len(rest)] == [4, 4, 2]
    assert [s.event for s in first + second + rest] == [added(i) for i in range(10)]
    assert list(event_log.iter_all(batch=3)) == first + second + rest


def test_read_after_filters_by_type_and_stops_at_until(event_log: SqlEventLog) -> None:
    event_log.append([added(1), FeedRemoved(url=added(1).url, removed_at=T0), added(2)])
    positions = [s.position for s in event_log.read_after(0)]
    only_added = event_log.read_after(0, types=[FeedAdded.TYPE])
    assert [s.event for s in only_added] == [added(1), added(2)]
    assert [s.position for s in event_log.read_after(0, until=positions[1])] == positions[:2]


def test_the_backlog_counts_what_follows_and_dates_the_oldest(event_log: SqlEventLog) -> None:
    assert event_log.backlog(0) == Backlog(0, None)
    before = datetime.now(UTC) - timedelta(seconds=1)
    event_log.append([added(1), FeedRemoved(url=added(1).url, removed_at=T0), added(2)])
    first, second, _ = event_log.read_after(0)
    assert event_log.backlog(0) == Backlog(3, first.recorded_at)
    assert event_log.backlog(first.position, types=[FeedAdded.TYPE]).events == 1
    assert event_log.backlog(first.position).oldest == second.recorded_at
    oldest = event_log.backlog(0).oldest
    assert oldest is not None and oldest.tzinfo is not None and oldest >= before
    assert event_log.backlog(event_log.head()) == Backlog(0, None)


def test_a_batch_is_atomic(event_log: SqlEventLog, engine: Engine) -> None:
    with pytest.raises(RuntimeError), engine.begin() as conn:
        event_log.append([added(1), added(2)], conn=conn)
        raise RuntimeError("crash before commit")
    assert event_log.read_after(0) == []
    assert event_log.head() == 0


def test_an_undecodable_stored_payload_names_its_position(
    event_log: SqlEventLog, engine: Engine
) -> None:
    event_log.append([added(1)])
    with engine.begin() as conn:
        conn.execute(text("UPDATE events SET payload = '{broken'"))
    with pytest.raises(DecodeError, match=r"event #\d+ \(FeedAdded v2\) cannot be decoded"):
        event_log.read_after(0)


@pytest.mark.postgres
def test_a_reader_never_passes_an_append_still_in_flight(postgres_url: str) -> None:
    """Hold transaction A open after it took a position; B commits; the reader must not skip A."""
    from monitor.store import migrations
    from monitor.store.db import make_engine

    engine = make_engine(postgres_url)
    migrations.upgrade(engine)
    log = SqlEventLog(engine)
    conn_a = engine.connect()
    tx_a = conn_a.begin()
    log.append([added(1)], conn=conn_a)  # A holds position 1, uncommitted

    b_done = threading.Event()

    def append_b() -> None:
        log.append([FeedRemoved(url="https://b.example/rss", removed_at=T0)])
        b_done.set()

    writer_b = threading.Thread(target=append_b)
    writer_b.start()
    time.sleep(0.5)
    # B has to wait for A: the reader sees neither, so it cannot pass A's position.
    assert not b_done.is_set()
    assert log.read_after(0) == []
    tx_a.commit()
    conn_a.close()
    writer_b.join(timeout=10)
    assert b_done.is_set()
    read = log.read_after(0)
    assert [type(s.event).__name__ for s in read] == ["FeedAdded", "FeedRemoved"]
    assert read[0].position < read[1].position
    engine.dispose()
