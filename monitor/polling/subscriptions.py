"""Subscriptions as events, planned (pure): add, remove, change, import OPML, sync the config's feeds.

The planners decide from the feeds read model alone and return events; the application
layer (`monitor.daemon.subscriptions`) appends them and folds them into the read model.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TypedDict, Unpack

from lxml import etree

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


def plan_add(
    current: Mapping[str, Mapping[str, object]], feed: DeclaredFeed, origin: str, now: datetime
) -> FeedAdded:
    """The event subscribing to `feed` (pure); SubscriptionError for a refused URL or a duplicate."""
    try:
        url = check_url(feed.url)
    except UnsupportedURL as exc:
        raise SubscriptionError(str(exc)) from exc
    if url in current:
        raise SubscriptionError(f"{url} is already subscribed")
    return FeedAdded(url=url, name=feed.name, interval=feed.interval, origin=origin, added_at=now)


@dataclass(frozen=True)
class ImportPlan:
    """The events an OPML import records, and what it reports (pure)."""

    events: tuple[Event, ...]
    result: ImportResult


def plan_import(
    current: Mapping[str, Mapping[str, object]], data: bytes, now: datetime
) -> ImportPlan:
    """Subscribe to every feed of an OPML document; duplicates skipped, bad entries reported."""
    parsed = parse_opml(data)
    fresh = [f for f in parsed.feeds if f.url not in current]
    events = tuple(
        FeedAdded(url=f.url, name=f.title, interval=None, origin="opml", added_at=now)
        for f in fresh
    )
    result = ImportResult(
        added=tuple(f.url for f in fresh),
        skipped=tuple(f.url for f in parsed.feeds if f.url in current),
        refused=parsed.refused,
    )
    return ImportPlan(events=events, result=result)


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


class FeedSettings(TypedDict, total=False):
    """What `monitor feeds set` may change; a setting left out (or None) stays as it is."""

    name: str | None
    interval: float | None
    paused: bool | None


def plan_set(
    current: Mapping[str, Mapping[str, object]],
    url: str,
    now: datetime,
    **settings: Unpack[FeedSettings],
) -> list[Event]:
    """Events renaming, re-timing, pausing or resuming a feed (pure; only what changes)."""
    name, interval = settings.get("name"), settings.get("interval")
    paused = settings.get("paused")
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
