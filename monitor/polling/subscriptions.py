"""Managing subscriptions as events: add, remove, import OPML, synchronise the config file's feeds."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from lxml import etree
from sqlalchemy import Connection, delete, select

from monitor.events import (
    Event,
    FeedAdded,
    FeedChanged,
    FeedPaused,
    FeedRemoved,
    may_undeclare,
)
from monitor.polling.discovery import advertised_feeds
from monitor.polling.fetcher import Fetcher, FetchError, FetchResult
from monitor.polling.opml import parse_opml
from monitor.polling.parser import FeedParseError, parse_feed
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


def _known(current: Mapping[str, Mapping[str, object]], url: str) -> Mapping[str, object]:
    row = current.get(url)
    if row is None:
        raise SubscriptionError(f"{url} is not subscribed (see `monitor feeds list`)")
    return row


def _declared_elsewhere(row: Mapping[str, object], url: str, what: str) -> SubscriptionError:
    where = row.get("source") or "the config file"
    return SubscriptionError(
        f"{url} is declared in {where}: {what} there (its [[feeds]] entry), or the next "
        "start undoes it"
    )


def plan_remove(current: Mapping[str, Mapping[str, object]], url: str, now: datetime) -> Event:
    """The event unsubscribing `url` (pure); a config-declared feed is the config's to remove."""
    row = _known(current, url)
    if row["origin"] == "config":
        raise _declared_elsewhere(row, url, "remove it")
    return FeedRemoved(url=url, removed_at=now)


def plan_set(
    current: Mapping[str, Mapping[str, object]],
    url: str,
    now: datetime,
    *,
    name: str | None = None,
    interval: float | None = None,
    paused: bool | None = None,
) -> list[Event]:
    """Events renaming, re-timing, pausing or resuming a feed (pure; only what changes)."""
    row = _known(current, url)
    events: list[Event] = []
    new_name = row["name"] if name is None else (name or None)
    new_interval = row["interval"] if interval is None else interval
    if (new_name, new_interval) != (row["name"], row["interval"]):
        if row["origin"] == "config":
            raise _declared_elsewhere(row, url, "change its name or interval")
        events.append(
            FeedChanged(
                url=url,
                name=new_name if isinstance(new_name, str) else None,
                interval=float(new_interval) if isinstance(new_interval, int | float) else None,
                changed_at=now,
            )
        )
    if paused is not None and paused != bool(row.get("paused")):
        events.append(FeedPaused(url=url, paused=paused, at=now))
    return events


def remove_feed(log: SqlEventLog, url: str, now: datetime) -> None:
    """Unsubscribe; raises SubscriptionError for an unknown or config-declared feed."""
    with log.engine.begin() as conn:
        event = plan_remove(_subscribed(conn), url, now)
        _append_and_project(log, conn, [event])
        conn.execute(delete(feed_schedule).where(feed_schedule.c.url == url))


def set_feed(
    log: SqlEventLog,
    url: str,
    now: datetime,
    *,
    name: str | None = None,
    interval: float | None = None,
    paused: bool | None = None,
) -> list[Event]:
    """Rename, re-time, pause or resume a feed; returns the events recorded (none: no change)."""
    with log.engine.begin() as conn:
        events = plan_set(_subscribed(conn), url, now, name=name, interval=interval, paused=paused)
        _append_and_project(log, conn, events)
    return events


def export_opml(rows: Sequence[Mapping[str, object]], title: str = "news monitor feeds") -> bytes:
    """OPML 2.0 listing the given feeds (rows of `feed_health`), for any feed reader."""
    root = etree.Element("opml", version="2.0")
    head = etree.SubElement(root, "head")
    etree.SubElement(head, "title").text = title
    body = etree.SubElement(root, "body")
    for row in rows:
        name = str(row.get("name") or row["url"])
        etree.SubElement(body, "outline", type="rss", text=name, title=name, xmlUrl=str(row["url"]))
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True))


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


@dataclass(frozen=True)
class Probe:
    """What one fetch of a URL given to `feeds add` found: the feed to subscribe to."""

    url: str
    title: str | None
    note: str | None = None  # e.g. the page that advertised it


async def probe_feed(fetcher: Fetcher, url: str) -> Probe:
    """Fetch `url` once: a feed is itself; an HTML page yields the first feed it advertises.

    Raises SubscriptionError with the reason for anything else (an error status, a page
    with no feed links, a document that is not a feed).
    """
    try:
        checked = check_url(url)
    except UnsupportedURL as exc:
        raise SubscriptionError(str(exc)) from exc
    result = await _fetch(fetcher, checked)
    try:
        parsed = parse_feed(result.body or b"", result.content_type, result.final_url)
    except FeedParseError as exc:
        links = advertised_feeds(result.body or b"", result.final_url)
        if not links:
            raise SubscriptionError(
                f"{checked} is not a feed ({exc.message}) and the page advertises none"
            ) from exc
        feed_url, _ = links[0]
        linked = await _fetch(fetcher, feed_url)
        try:
            feed = parse_feed(linked.body or b"", linked.content_type, linked.final_url)
        except FeedParseError as inner:
            raise SubscriptionError(
                f"{checked} advertises {feed_url}, which is not a feed ({inner.message})"
            ) from inner
        others = f" (it advertises {len(links)}: {', '.join(u for u, _ in links)})"
        note = f"{checked} is a web page; subscribing to the feed it advertises{others if len(links) > 1 else ''}"
        return Probe(url=check_url(feed_url), title=feed.title, note=note)
    return Probe(url=checked, title=parsed.title)


async def _fetch(fetcher: Fetcher, url: str) -> FetchResult:
    try:
        return await fetcher.fetch(url)
    except FetchError as exc:
        raise SubscriptionError(
            f"{exc.message} ({exc.reason}); to subscribe anyway: `monitor feeds add {url} --no-check`"
        ) from exc
