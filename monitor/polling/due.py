"""Which feeds are due for a poll: the schedule read from the feeds and feed_schedule rows."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Engine, RowMapping, select

from monitor.polling.feed_poll import FeedToPoll
from monitor.polling.fetcher import Validators
from monitor.store.db import read_connection
from monitor.store.tables_feeds import feed_schedule, feeds


def due_feeds(
    engine: Engine, now: datetime, *, default_interval: float, everything: bool = False
) -> list[FeedToPoll]:
    """Feeds whose next poll is due (all but gone ones with `everything`), oldest due first."""
    query = (
        select(
            feeds,
            feed_schedule.c.next_poll_at,
            feed_schedule.c.etag,
            feed_schedule.c.last_modified,
            feed_schedule.c.body_hash,
        )
        .select_from(feeds.outerjoin(feed_schedule, feed_schedule.c.url == feeds.c.url))
        .where(feeds.c.status != "gone", feeds.c.paused.is_(False))
        .order_by(
            feed_schedule.c.next_poll_at.is_not(None), feed_schedule.c.next_poll_at, feeds.c.url
        )
    )
    if not everything:
        query = query.where(
            (feed_schedule.c.next_poll_at.is_(None)) | (feed_schedule.c.next_poll_at <= now)
        )
    with read_connection(engine) as conn:
        rows = conn.execute(query).mappings().all()
    return [to_poll(r, default_interval) for r in rows]


def to_poll(row: RowMapping, default_interval: float) -> FeedToPoll:
    """The poller's view of a feed row joined with its schedule row."""
    return FeedToPoll(
        url=row["url"],
        source=row["name"] or row["title"],
        interval=row["interval"] or default_interval,
        consecutive_failures=row["consecutive_failures"],
        status=row["status"],
        validators=Validators(row["etag"], row["last_modified"], row["body_hash"]),
    )
