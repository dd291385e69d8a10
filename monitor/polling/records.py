"""What a poll writes: article events and blobs, feed_entries rows, the feed's schedule.

Each function is one transaction (or one read), so one feed's failure never affects
another's; the poller decides what to write and when.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Connection, Engine, select

from monitor.events import ArticleObserved, ArticleRevised, Event
from monitor.polling import page_retry
from monitor.polling.decisions import Decision, Known
from monitor.polling.fetcher import Validators
from monitor.polling.pages import Pages
from monitor.polling.urls import host_of
from monitor.store import blobs
from monitor.store.db import read_connection, upsert
from monitor.store.eventlog import SqlEventLog
from monitor.store.tables_feeds import feed_entries, feed_schedule

TEXT_SAMPLE_CHARS = 4000


def schedule_row(url: str, validators: Validators, next_at: datetime) -> dict[str, object]:
    """A feed_schedule row; the host is the per-host politeness key claims count leases by."""
    return {
        "url": url,
        "host": host_of(url),
        "next_poll_at": next_at,
        "etag": validators.etag,
        "last_modified": validators.last_modified,
        "body_hash": validators.body_hash,
    }


def _upsert_schedules(conn: Connection, rows: list[dict[str, object]]) -> None:
    upsert(
        conn,
        feed_schedule,
        rows,
        ["url"],
        update=["next_poll_at", "etag", "last_modified", "body_hash"],
    )


def commit_schedules(engine: Engine, rows: list[dict[str, object]]) -> None:
    """Only next poll times and validators (feeds with nothing new), in one transaction."""
    with engine.begin() as conn:
        _upsert_schedules(conn, rows)


def known_entries(engine: Engine, feed_url: str, keys: list[str]) -> dict[str, Known]:
    """What is stored about these entries of the feed (absent keys are new)."""
    found: dict[str, Known] = {}
    with read_connection(engine) as conn:
        for i in range(0, len(keys), 500):
            rows = conn.execute(
                select(feed_entries).where(
                    feed_entries.c.feed_url == feed_url,
                    feed_entries.c.entry_key.in_(keys[i : i + 500]),
                )
            )
            for r in rows:
                found[r.entry_key] = Known(
                    r.article_id, r.content_hash, r.text_sample, r.generation
                )
    return found


def commit_events(
    engine: Engine,
    log: SqlEventLog,
    url: str,
    events: list[Event],
    validators: Validators,
    next_at: datetime,
) -> None:
    """Feed events (failed, gone, polled) with the feed's next poll time."""
    with engine.begin() as conn:
        log.append(events, conn=conn)
        _upsert_schedules(conn, [schedule_row(url, validators, next_at)])


def commit_articles(
    engine: Engine,
    log: SqlEventLog,
    feed_url: str,
    source: str,
    decisions: list[Decision],
    pages: Pages,
    events: list[Event],
    validators: Validators,
    next_at: datetime,
    now: datetime,
) -> None:
    """A feed's new and revised articles, then its feed events, entries and schedule."""
    with engine.begin() as conn:
        articles = _article_events(conn, feed_url, source, decisions, pages.fetched, now)
        # Articles first, so a FeedMoved/FeedPolled never precedes what it reports.
        log.append([*articles, *events], conn=conn)
        rows = []
        for d, article in zip(decisions, articles, strict=True):
            error = pages.failed.get(d.entry.link or "")
            retry = error is not None and page_retry.worth_retrying(error)
            rows.append(
                {
                    "feed_url": feed_url,
                    "entry_key": d.key,
                    "article_id": d.article_id,
                    "content_hash": d.content_hash,
                    "text_sample": d.text[:TEXT_SAMPLE_CHARS],
                    "generation": d.generation,
                    "page_attempts": 1 if error is not None else 0,
                    "page_retry_at": page_retry.retry_after(1, now) if retry else None,
                    "retry_event": article.event_id if retry else None,
                }
            )
        upsert(
            conn,
            feed_entries,
            rows,
            ["feed_url", "entry_key"],
            update=[
                "article_id",
                "content_hash",
                "text_sample",
                "generation",
                "page_attempts",
                "page_retry_at",
                "retry_event",
            ],
        )
        _upsert_schedules(conn, [schedule_row(feed_url, validators, next_at)])


def _article_events(
    conn: Connection,
    feed_url: str,
    source: str,
    decisions: list[Decision],
    pages: dict[str, tuple[str, bytes]],
    now: datetime,
) -> list[ArticleObserved]:
    bodies: list[bytes] = []

    def ref(data: bytes | str | None) -> str | None:
        if data is None:
            return None
        bodies.append(data.encode("utf-8") if isinstance(data, str) else data)
        return blobs.blob_hash(bodies[-1])

    events: list[ArticleObserved] = []
    for d in decisions:
        page = pages.get(d.entry.link or "")
        cls = ArticleRevised if d.kind == "revised" else ArticleObserved
        events.append(
            cls(
                article_id=d.article_id,
                feed_url=feed_url,
                source=source,
                entry_key=d.key,
                title=d.entry.title,
                link=d.entry.link,
                guid=d.entry.guid,
                published_at=d.entry.published or d.entry.updated,
                seen_at=now,
                content_hash=d.content_hash,
                summary_ref=ref(d.entry.summary_html),
                content_ref=ref(d.entry.content_html),
                page_ref=ref(page[1]) if page else None,
                page_url=page[0] if page else None,
            )
        )
    blobs.put_many(conn, bodies)
    return events


def commit_retries(
    engine: Engine,
    log: SqlEventLog,
    feed_url: str,
    due: list[page_retry.DueRetry],
    pages: Pages,
    now: datetime,
) -> None:
    """Articles whose page came on a retry are revised; the others' next retry is set."""
    with engine.begin() as conn:
        revised = []
        for retry in due:
            link = retry.event.link or ""
            page = pages.fetched.get(link)
            if page is not None:
                [ref] = blobs.put_many(conn, [page[1]])
                revised.append(page_retry.with_page(retry.event, page[0], ref, now))
                page_retry.set_retry(conn, feed_url, retry.entry_key, 0, None, None)
                continue
            attempts = retry.attempts + 1
            error = pages.failed.get(link)
            at = page_retry.retry_after(attempts, now)
            if error is None or not page_retry.worth_retrying(error):
                at = None
            page_retry.set_retry(
                conn, feed_url, retry.entry_key, attempts, at, retry.event.event_id
            )
        log.append(revised, conn=conn)
