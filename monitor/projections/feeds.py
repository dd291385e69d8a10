"""The feeds read model: what is subscribed and how healthy each feed is."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, bindparam, delete, select, update

from monitor.events import (
    ArticleObserved,
    FeedAdded,
    FeedChanged,
    FeedFailed,
    FeedGone,
    FeedMoved,
    FeedPaused,
    FeedPolled,
    FeedRemoved,
)
from monitor.store.db import as_utc, upsert
from monitor.store.eventlog import StoredEvent
from monitor.store.tables_feeds import feeds


class FeedsProjection:
    """Folds feed events into the `feeds` table."""

    name = "feeds"
    tables = (feeds,)

    def apply_batch(self, conn: Connection, batch: Sequence[StoredEvent]) -> None:
        """Fold a batch: the article counts in one statement per run of articles (a feed
        event in between is applied after the counts before it, as in log order)."""
        counts: Counter[str] = Counter()
        for stored in batch:
            ev = stored.event
            if type(ev) is ArticleObserved:
                counts[ev.feed_url] += 1
                continue
            if counts and isinstance(ev, FEED_EVENTS):
                _add_articles(conn, counts)
                counts.clear()
            self.apply(conn, stored)
        if counts:
            _add_articles(conn, counts)

    def apply(self, conn: Connection, stored: StoredEvent) -> None:
        """Fold one event."""
        ev = stored.event
        if isinstance(ev, FeedAdded):
            self._added(conn, ev)
        elif isinstance(ev, FeedChanged):
            self._set(conn, ev.url, name=ev.name, interval=ev.interval)
        elif isinstance(ev, FeedPaused):
            self._set(conn, ev.url, paused=ev.paused)
        elif isinstance(ev, FeedRemoved):
            conn.execute(delete(feeds).where(feeds.c.url == ev.url))
        elif isinstance(ev, FeedPolled):
            self._set(
                conn,
                ev.url,
                status="ok",
                title=ev.title,
                last_success_at=ev.polled_at,
                consecutive_failures=0,
            )
        elif isinstance(ev, FeedFailed):
            self._set(
                conn,
                ev.url,
                status="failing",
                last_error=ev.message,
                last_error_reason=ev.reason,
                last_error_at=ev.failed_at,
                consecutive_failures=ev.consecutive_failures,
            )
        elif isinstance(ev, FeedGone):
            self._set(
                conn,
                ev.url,
                status="gone",
                last_error=f"HTTP {ev.status} Gone: polling stopped",
                last_error_reason="http_status",
                last_error_at=ev.gone_at,
            )
        elif isinstance(ev, FeedMoved):
            self._moved(conn, ev)
        elif type(ev) is ArticleObserved:
            _add_articles(conn, Counter([ev.feed_url]))

    @staticmethod
    def _added(conn: Connection, ev: FeedAdded) -> None:
        upsert(
            conn,
            feeds,
            {
                "url": ev.url,
                "name": ev.name,
                "title": None,
                "interval": ev.interval,
                "origin": ev.origin,
                "source": ev.source,
                "paused": False,
                "status": "new",
                "added_at": ev.added_at,
                "consecutive_failures": 0,
                "articles": 0,
            },
            ["url"],
        )

    @staticmethod
    def _set(conn: Connection, url: str, **values: Any) -> None:
        conn.execute(update(feeds).where(feeds.c.url == url).values(**values))

    @staticmethod
    def _moved(conn: Connection, ev: FeedMoved) -> None:
        row = conn.execute(select(feeds).where(feeds.c.url == ev.url)).mappings().first()
        if row is None:
            return
        conn.execute(delete(feeds).where(feeds.c.url == ev.url))
        upsert(conn, feeds, {**dict(row), "url": ev.new_url}, ["url"])


FEED_EVENTS = (
    FeedAdded,
    FeedChanged,
    FeedPaused,
    FeedRemoved,
    FeedPolled,
    FeedFailed,
    FeedGone,
    FeedMoved,
)
_ADD_ARTICLES = (
    update(feeds)
    .where(feeds.c.url == bindparam("feed"))
    .values(articles=feeds.c.articles + bindparam("added"))
)


def _add_articles(conn: Connection, counts: Counter[str]) -> None:
    """Count new articles against their feeds (one statement for all of them)."""
    conn.execute(_ADD_ARTICLES, [{"feed": url, "added": n} for url, n in sorted(counts.items())])


def feed_health(conn: Connection, default_interval: float) -> list[dict[str, Any]]:
    """`feeds list` rows (docs/SPEC.md §4 keys), sorted by URL."""
    from monitor.store.tables_feeds import feed_schedule

    query = (
        select(feeds, feed_schedule.c.next_poll_at)
        .select_from(feeds.outerjoin(feed_schedule, feed_schedule.c.url == feeds.c.url))
        .order_by(feeds.c.url)
    )
    return [
        {
            "url": r["url"],
            "name": r["name"] or r["title"],
            "interval": r["interval"] or default_interval,
            "status": r["status"],
            "last_success_at": _utc(r["last_success_at"]),
            "last_error": r["last_error"],
            "last_error_reason": r["last_error_reason"],
            "consecutive_failures": r["consecutive_failures"],
            "next_poll_at": None if r["status"] == "gone" else _utc(r["next_poll_at"]),
            "articles": r["articles"],
            "origin": r["origin"],
            "source": r["source"],
            "paused": bool(r["paused"]),
        }
        for r in conn.execute(query).mappings()
    ]


def _utc(value: Any) -> Any:
    return None if value is None else as_utc(value)
