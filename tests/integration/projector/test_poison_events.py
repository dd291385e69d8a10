"""Poison events: a projection that cannot fold one event skips it, with a marker, and goes on."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import Connection, Engine, insert, select
from sqlalchemy.exc import OperationalError

from monitor.events import FeedAdded, FeedPolled, ProjectionFailed, encode
from monitor.projections.feeds import FeedsProjection
from monitor.projections.stats import EventStats, counts
from monitor.projector.runner import ProjectionRunner
from monitor.store.eventlog import SqlEventLog, StoredEvent
from monitor.store.tables import events
from monitor.store.tables_feeds import feeds

T0 = datetime(2024, 1, 1, tzinfo=UTC)
POISON = "https://poison.example/rss"


class RefusesOneFeed(EventStats):
    """Counts events, but cannot fold the FeedAdded of POISON (a stand-in for any bug)."""

    def apply_batch(self, conn: Connection, batch: Sequence[StoredEvent]) -> None:
        if any(isinstance(s.event, FeedAdded) and s.event.url == POISON for s in batch):
            raise ValueError("cannot fold this one")
        super().apply_batch(conn, batch)


class DatabaseGone(EventStats):
    """Every apply fails the way a lost connection does."""

    def apply_batch(self, conn: Connection, batch: Sequence[StoredEvent]) -> None:
        raise OperationalError("SELECT 1", {}, Exception("server closed the connection"))


def added(url: str, i: int) -> FeedAdded:
    return FeedAdded(url=url, name=None, interval=None, origin="cli", added_at=T0 + timedelta(i))


def fill(log: SqlEventLog) -> None:
    urls = [f"https://s{i}.example/rss" for i in range(10)]
    urls[4] = POISON
    log.append([added(url, i) for i, url in enumerate(urls)])


def markers(log: SqlEventLog) -> list[ProjectionFailed]:
    return [s.event for s in log.read_after(0, 10_000) if isinstance(s.event, ProjectionFailed)]


def test_the_failing_event_is_skipped_with_a_marker_and_the_rest_folded(
    engine: Engine, event_log: SqlEventLog
) -> None:
    fill(event_log)
    runner = ProjectionRunner(engine, event_log, RefusesOneFeed(), batch_size=4)
    runner.catch_up()
    with engine.connect() as conn:
        assert counts(conn)["FeedAdded"] == 9
    [marker] = markers(event_log)
    assert marker.projection == "event_stats"
    assert marker.position == 5
    assert marker.failed_type == "FeedAdded"
    assert "cannot fold this one" in marker.error
    # The marker is itself an event the projection folds; folding again adds no second marker.
    runner.catch_up()
    runner.rebuild()
    assert len(markers(event_log)) == 1


def test_other_projections_are_not_affected(engine: Engine, event_log: SqlEventLog) -> None:
    fill(event_log)
    ProjectionRunner(engine, event_log, RefusesOneFeed()).catch_up()
    ProjectionRunner(engine, event_log, FeedsProjection()).catch_up()
    with engine.connect() as conn:
        assert POISON in set(conn.execute(select(feeds.c.url)).scalars())


def test_an_unavailable_database_is_never_taken_for_a_poison_event(
    engine: Engine, event_log: SqlEventLog
) -> None:
    fill(event_log)
    runner = ProjectionRunner(engine, event_log, DatabaseGone())
    with pytest.raises(OperationalError):
        runner.catch_up()
    assert runner.position() == 0
    assert markers(event_log) == []


def test_a_nul_left_in_an_old_log_does_not_stop_the_feeds_projection(
    engine: Engine, event_log: SqlEventLog
) -> None:
    """An event written before sanitising existed: PostgreSQL refuses its NUL, SQLite takes it."""
    event_log.append([added("https://a.example/rss", 0), added("https://b.example/rss", 1)])
    polled = FeedPolled(
        url="https://a.example/rss",
        polled_at=T0,
        status=200,
        final_url="https://a.example/rss",
        title="feed title",
        entries=0,
        new=0,
        revised=0,
        warnings=(),
    )
    type_name, version, payload = encode(polled)
    payload = json.dumps({**json.loads(payload), "title": "feed\u0000title"})
    with engine.begin() as conn:
        conn.execute(
            insert(events).values(
                id="00000000-0000-0000-0000-000000000001",
                type=type_name,
                version=version,
                payload=payload,
                recorded_at=T0,
            )
        )
    event_log.append([added("https://c.example/rss", 2)])
    ProjectionRunner(engine, event_log, FeedsProjection()).catch_up()
    with engine.connect() as conn:
        urls = set(conn.execute(select(feeds.c.url)).scalars())
    assert urls == {"https://a.example/rss", "https://b.example/rss", "https://c.example/rss"}
    found = markers(event_log)
    if engine.dialect.name == "postgresql":
        assert [m.position for m in found] == [3]
        assert "NUL" in found[0].error
    else:
        assert found == []
