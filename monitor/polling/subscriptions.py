"""Managing subscriptions as events: add, remove, import OPML, synchronise the config file's feeds."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, delete, select

from monitor.events import Event, FeedAdded, FeedChanged, FeedRemoved, may_undeclare
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


@dataclass(frozen=True)
class SyncPlan:
    """What synchronising with a config file will do, decided from the read model alone."""

    events: tuple[Event, ...] = ()
    removed: tuple[str, ...] = ()  # no longer declared by the file that declared them
    kept: tuple[tuple[str, str], ...] = ()  # (item, file): declared by a file this run did not load


def plan_sync(
    current: Mapping[str, Mapping[str, object]],
    declared: Sequence[DeclaredFeed],
    source: str | None,
    now: datetime,
) -> SyncPlan:
    """The events that make the subscriptions match a config file's [[feeds]] (pure).

    New feeds are added (recording `source`), changed names/intervals recorded, and feeds
    the config declared earlier but no longer lists are removed when `may_undeclare`; feeds
    added with the CLI or OPML are never touched.
    """
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
                    source=source,
                )
            )
        elif (row["name"], row["interval"]) != (feed.name, feed.interval):
            events.append(
                FeedChanged(url=url, name=feed.name, interval=feed.interval, changed_at=now)
            )
    removed: list[str] = []
    kept: list[tuple[str, str]] = []
    for url, row in sorted(current.items()):
        if row["origin"] != "config" or url in wanted:
            continue
        origin_source = row.get("source")
        if may_undeclare(origin_source if isinstance(origin_source, str) else None, source):
            events.append(FeedRemoved(url=url, removed_at=now))
            removed.append(url)
        else:
            kept.append((url, str(origin_source or "an earlier configuration")))
    return SyncPlan(events=tuple(events), removed=tuple(removed), kept=tuple(kept))


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
