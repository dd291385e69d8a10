"""Managing subscriptions as events: add, remove, import OPML, synchronise the config file's feeds."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, delete, select

from monitor.events import Event, FeedAdded, FeedChanged, FeedRemoved
from monitor.polling.opml import parse_opml
from monitor.polling.urls import UnsupportedURL, check_url
from monitor.projections.feeds import FeedsProjection
from monitor.projections.runner import ProjectionRunner
from monitor.store.eventlog import SqlEventLog
from monitor.store.tables_feeds import feed_schedule, feeds


class SubscriptionError(ValueError):
    """A feed cannot be added or removed; the message says why."""


@dataclass(frozen=True)
class DeclaredFeed:
    """A feed as the config file or a command declares it."""

    url: str
    name: str | None = None
    interval: float | None = None


@dataclass(frozen=True)
class ImportResult:
    """What an OPML import did."""

    added: tuple[str, ...]
    skipped: tuple[str, ...]
    refused: tuple[tuple[str, str], ...]


def _subscribed(conn: Connection) -> dict[str, dict[str, object]]:
    return {r["url"]: dict(r) for r in conn.execute(select(feeds)).mappings()}


def _append_and_project(log: SqlEventLog, conn: Connection, events: Sequence[Event]) -> None:
    """Append, then fold into the feeds read model at once so commands see their own effect."""
    log.append(events, conn=conn)
    ProjectionRunner(log.engine, log, FeedsProjection(), batch_size=100_000).step(conn)


def add_feed(log: SqlEventLog, feed: DeclaredFeed, origin: str, now: datetime) -> str:
    """Subscribe to a feed; raises SubscriptionError for a refused URL or a duplicate."""
    try:
        url = check_url(feed.url)
    except UnsupportedURL as exc:
        raise SubscriptionError(str(exc)) from exc
    with log.engine.begin() as conn:
        if url in _subscribed(conn):
            raise SubscriptionError(f"{url} is already subscribed")
        _append_and_project(
            log,
            conn,
            [
                FeedAdded(
                    url=url, name=feed.name, interval=feed.interval, origin=origin, added_at=now
                )
            ],
        )
    return url


def remove_feed(log: SqlEventLog, url: str, now: datetime) -> None:
    """Unsubscribe; raises SubscriptionError when the feed is unknown."""
    with log.engine.begin() as conn:
        if url not in _subscribed(conn):
            raise SubscriptionError(f"{url} is not subscribed (see `monitor feeds list`)")
        _append_and_project(log, conn, [FeedRemoved(url=url, removed_at=now)])
        conn.execute(delete(feed_schedule).where(feed_schedule.c.url == url))


def import_opml(log: SqlEventLog, data: bytes, now: datetime) -> ImportResult:
    """Subscribe to every feed of an OPML document; duplicates are skipped, bad entries reported."""
    parsed = parse_opml(data)
    with log.engine.begin() as conn:
        known = set(_subscribed(conn))
        fresh = [f for f in parsed.feeds if f.url not in known]
        events = [
            FeedAdded(url=f.url, name=f.title, interval=None, origin="opml", added_at=now)
            for f in fresh
        ]
        _append_and_project(log, conn, events)
    return ImportResult(
        added=tuple(f.url for f in fresh),
        skipped=tuple(f.url for f in parsed.feeds if f.url in known),
        refused=parsed.refused,
    )


def sync_config(log: SqlEventLog, declared: Sequence[DeclaredFeed], now: datetime) -> list[Event]:
    """Make the subscriptions match the config file's [[feeds]] (only feeds it added are removed)."""
    with log.engine.begin() as conn:
        current = _subscribed(conn)
        wanted = {check_url(f.url): f for f in declared}
        events: list[Event] = []
        for url, feed in sorted(wanted.items()):
            row = current.get(url)
            if row is None:
                events.append(
                    FeedAdded(
                        url=url,
                        name=feed.name,
                        interval=feed.interval,
                        origin="config",
                        added_at=now,
                    )
                )
            elif (row["name"], row["interval"]) != (feed.name, feed.interval):
                events.append(
                    FeedChanged(url=url, name=feed.name, interval=feed.interval, changed_at=now)
                )
        for url, row in sorted(current.items()):
            if row["origin"] == "config" and url not in wanted:
                events.append(FeedRemoved(url=url, removed_at=now))
                conn.execute(delete(feed_schedule).where(feed_schedule.c.url == url))
        _append_and_project(log, conn, events)
    return events
