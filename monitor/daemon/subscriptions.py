"""Subscriptions applied: plan (monitor.polling.subscriptions), append, project at once.

The application layer's half of managing feeds: each function reads the feeds read model,
asks the pure planner for events, appends them and folds them into the read model in the
same transaction, so a command sees its own effect.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Unpack

from sqlalchemy import Connection, delete, select

from monitor.events import Event
from monitor.polling.subscriptions import (
    DeclaredFeed,
    FeedSettings,
    ImportResult,
    SyncPlan,
    plan_add,
    plan_import,
    plan_remove,
    plan_set,
    plan_sync,
)
from monitor.projections.feeds import FeedsProjection
from monitor.projector.runner import ProjectionRunner
from monitor.store.eventlog import SqlEventLog
from monitor.store.tables_feeds import feed_schedule, feeds


def _subscribed(conn: Connection) -> dict[str, dict[str, object]]:
    return {r["url"]: dict(r) for r in conn.execute(select(feeds)).mappings()}


def _append_and_project(log: SqlEventLog, conn: Connection, events: Sequence[Event]) -> None:
    """Append, then fold into the feeds read model at once so commands see their own effect."""
    log.append(events, conn=conn)
    ProjectionRunner(log.engine, log, FeedsProjection(), batch_size=100_000).step(conn)


def add_feed(log: SqlEventLog, feed: DeclaredFeed, origin: str, now: datetime) -> str:
    """Subscribe to a feed; raises SubscriptionError for a refused URL or a duplicate."""
    with log.engine.begin() as conn:
        event = plan_add(_subscribed(conn), feed, origin, now)
        _append_and_project(log, conn, [event])
    return event.url


def remove_feed(log: SqlEventLog, url: str, now: datetime) -> None:
    """Unsubscribe; raises SubscriptionError for an unknown or config-declared feed."""
    with log.engine.begin() as conn:
        event = plan_remove(_subscribed(conn), url, now)
        _append_and_project(log, conn, [event])
        conn.execute(delete(feed_schedule).where(feed_schedule.c.url == url))


def set_feed(
    log: SqlEventLog, url: str, now: datetime, **settings: Unpack[FeedSettings]
) -> list[Event]:
    """Rename, re-time, pause or resume a feed; returns the events recorded (none: no change)."""
    with log.engine.begin() as conn:
        events = plan_set(_subscribed(conn), url, now, **settings)
        _append_and_project(log, conn, events)
    return events


def import_opml(log: SqlEventLog, data: bytes, now: datetime) -> ImportResult:
    """Subscribe to every feed of an OPML document; duplicates are skipped, bad entries reported."""
    with log.engine.begin() as conn:
        plan = plan_import(_subscribed(conn), data, now)
        _append_and_project(log, conn, plan.events)
    return plan.result


def sync_config(
    log: SqlEventLog, declared: Sequence[DeclaredFeed], now: datetime, source: str | None = None
) -> SyncPlan:
    """Make the subscriptions match the config file `source` (None: no file was loaded)."""
    with log.engine.begin() as conn:
        plan = plan_sync(_subscribed(conn), declared, source, now)
        for url in plan.removed:
            conn.execute(delete(feed_schedule).where(feed_schedule.c.url == url))
        _append_and_project(log, conn, plan.events)
    return plan
