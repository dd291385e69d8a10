"""The projection runner: atomic checkpoints, no double-apply under races, replay equals live."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import Engine, update

from monitor.events import FeedAdded, FeedRemoved
from monitor.projections.stats import EventStats, counts
from monitor.projector.runner import ProjectionRunner, digest
from monitor.store.checkpoints import CheckpointConflict
from monitor.store.eventlog import SqlEventLog
from monitor.store.tables import event_stats

T0 = datetime(2024, 1, 1, tzinfo=UTC)


@pytest.fixture
def projection() -> EventStats:
    return EventStats()


def fill(log: SqlEventLog, n: int) -> None:
    log.append(
        [
            FeedAdded(
                url=f"https://s{i}.example/rss",
                name=None,
                interval=None,
                origin="cli",
                added_at=T0 + timedelta(seconds=i),
            )
            if i % 3
            else FeedRemoved(url=f"https://s{i}.example/rss", removed_at=T0 + timedelta(seconds=i))
            for i in range(n)
        ]
    )


def totals(engine: Engine) -> dict[str, int]:
    with engine.connect() as conn:
        return counts(conn)


def test_catch_up_applies_every_event_once(
    engine: Engine, event_log: SqlEventLog, projection: EventStats
) -> None:
    fill(event_log, 1234)
    runner = ProjectionRunner(engine, event_log, projection, batch_size=100)
    assert runner.catch_up() == 1234
    assert runner.catch_up() == 0
    assert totals(engine) == {"FeedAdded": 822, "FeedRemoved": 412}
    assert runner.position() == event_log.head()


def test_a_stale_checkpoint_is_refused_and_the_batch_rolled_back(
    engine: Engine, event_log: SqlEventLog, projection: EventStats
) -> None:
    fill(event_log, 10)
    runner = ProjectionRunner(engine, event_log, projection)
    runner.catch_up()
    from monitor.store import checkpoints

    with pytest.raises(CheckpointConflict), engine.begin() as conn:
        checkpoints.advance(conn, projection.name, expected=3, new=99)
    assert runner.position() == event_log.head()


def test_two_runners_racing_never_double_apply(
    engine: Engine, event_log: SqlEventLog, projection: EventStats
) -> None:
    fill(event_log, 600)
    errors: list[BaseException] = []

    def race() -> None:
        runner = ProjectionRunner(engine, event_log, projection, batch_size=25)
        for _ in range(200):
            try:
                if runner.run_once() == 0:
                    return
            except CheckpointConflict:
                continue
            except BaseException as exc:  # surfaced in the main thread
                errors.append(exc)
                return

    threads = [threading.Thread(target=race) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert sum(totals(engine).values()) == 600


def test_replay_rebuilds_the_same_read_model_as_live(
    engine: Engine, event_log: SqlEventLog, projection: EventStats
) -> None:
    runner = ProjectionRunner(engine, event_log, projection, batch_size=7)
    for _ in range(3):  # live: the projection follows the log as it grows
        fill(event_log, 40)
        runner.catch_up()
    with engine.connect() as conn:
        live = digest(conn, projection.tables)
    with engine.begin() as conn:  # damage the read model; replay must repair it
        conn.execute(update(event_stats).values(count=0))
    seen: list[tuple[int, int]] = []
    assert runner.rebuild(lambda done, total: seen.append((done, total))) == event_log.head()
    with engine.connect() as conn:
        assert digest(conn, projection.tables) == live
    assert seen[-1][0] == seen[-1][1]
