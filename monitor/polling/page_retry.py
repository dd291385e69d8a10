"""Full-text retries: an article whose linked page could not be fetched is tried again later.

When an entry needs its page (a teaser) and the fetch fails for a reason that may pass
(timeout, connection, DNS, TLS, HTTP 429/5xx), its `feed_entries` row remembers the event
that lacks the page and when to try again: PAGE_RETRY_FIRST after the failure, doubling,
at most PAGE_RETRY_CAP apart, PAGE_RETRY_ATTEMPTS fetches in all. Due retries are made on
the feed's next successful polls (at most PAGE_RETRIES_PER_POLL at a time); a page that
arrives becomes an ArticleRevised of the same article carrying the page.
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Connection, Engine, select, update

from monitor.events import ArticleObserved, ArticleRevised
from monitor.polling.fetcher import FetchError
from monitor.store.db import read_connection
from monitor.store.eventlog import decode_row
from monitor.store.tables import events
from monitor.store.tables_feeds import feed_entries

PAGE_RETRY_FIRST = 15 * 60.0
PAGE_RETRY_CAP = 12 * 3600.0
PAGE_RETRY_ATTEMPTS = 6
PAGE_RETRIES_PER_POLL = 20
_TRANSIENT = frozenset({"timeout", "connect", "dns", "tls"})


def worth_retrying(error: FetchError) -> bool:
    """Whether a failed page fetch may succeed later (a refusal or a 404 will not)."""
    if error.reason in _TRANSIENT:
        return True
    return error.reason == "http_status" and (error.status or 0) in (
        408,
        425,
        429,
        500,
        502,
        503,
        504,
    )


def retry_after(attempts: int, now: datetime) -> datetime | None:
    """When to fetch again after `attempts` failed fetches (None: give up)."""
    if attempts >= PAGE_RETRY_ATTEMPTS:
        return None
    delay = min(PAGE_RETRY_CAP, PAGE_RETRY_FIRST * 2.0 ** max(attempts - 1, 0))
    return now + timedelta(seconds=delay)


@dataclass(frozen=True)
class DueRetry:
    """An article event still missing its page, due to be fetched again."""

    entry_key: str
    attempts: int
    event: ArticleObserved


def due_retries(engine: Engine, feed_url: str, now: datetime) -> list[DueRetry]:
    """The feed's entries whose page fetch is due again, oldest due first."""
    query = (
        select(feed_entries.c.entry_key, feed_entries.c.page_attempts, events)
        .join(events, events.c.id == feed_entries.c.retry_event)
        .where(feed_entries.c.feed_url == feed_url, feed_entries.c.page_retry_at <= now)
        .order_by(feed_entries.c.page_retry_at)
        .limit(PAGE_RETRIES_PER_POLL)
    )
    with read_connection(engine) as conn:
        rows = conn.execute(query).all()
    found = []
    for row in rows:
        event = decode_row(row).event
        if isinstance(event, ArticleObserved) and event.link:
            found.append(DueRetry(row.entry_key, int(row.page_attempts), event))
    return found


def with_page(
    event: ArticleObserved, page_url: str, page_ref: str, now: datetime
) -> ArticleRevised:
    """The revision an arrived page makes: the same entry, now with its page."""
    fields = {f.name: getattr(event, f.name) for f in dataclasses.fields(ArticleObserved)}
    digest = hashlib.sha1(f"{event.content_hash}|{page_ref}".encode()).hexdigest()
    fields.update(page_url=page_url, page_ref=page_ref, seen_at=now, content_hash=digest)
    return ArticleRevised(**fields)


def set_retry(
    conn: Connection,
    feed_url: str,
    entry_key: str,
    attempts: int,
    at: datetime | None,
    event_id: str | None,
) -> None:
    """Record the outcome of a page fetch on the entry's row."""
    conn.execute(
        update(feed_entries)
        .where(feed_entries.c.feed_url == feed_url, feed_entries.c.entry_key == entry_key)
        .values(page_attempts=attempts, page_retry_at=at, retry_event=event_id if at else None)
    )
