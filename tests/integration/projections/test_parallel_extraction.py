"""Main-text extraction on a process pool gives exactly the read model of in-process extraction."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import Engine

from monitor import cores
from monitor.events import ArticleObserved
from monitor.projections import parallel
from monitor.projections.articles import ArticlesProjection
from monitor.projector.runner import ProjectionRunner, digest
from monitor.store import blobs
from monitor.store.eventlog import SqlEventLog

SEEN = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)
# Lines every article of a source repeats: the learner drops them once it has seen enough.
FOOTER = "<p>Support independent local news: become a member of the Harbour Times today.</p>"


def page(i: int) -> bytes:
    """An article page of our own filler prose, with the source's repeated footer."""
    paragraphs = "".join(
        f"<p>Stage {i}.{j}: the council approved more dredging on the north quay, and the "
        f"ferry operator agreed to run {j + 2} extra crossings during the winter works.</p>"
        for j in range(6)
    )
    return (
        f"<html><head><title>Harbour works {i}</title></head><body><article>"
        f"<h1>Harbour works {i}</h1>{paragraphs}{FOOTER}</article></body></html>"
    ).encode()


def articles(engine: Engine, log: SqlEventLog, count: int) -> None:
    """`count` articles of two sources, half with a fetched page, half with feed HTML only."""
    events = []
    with engine.begin() as conn:
        for i in range(count):
            summary = f"<p>Harbour works {i}: the council met again.</p>{FOOTER}"
            body = page(i) if i % 2 == 0 else None
            blobs.put_many(conn, [summary.encode(), *([body] if body else [])])
            events.append(
                ArticleObserved(
                    article_id=f"a{i:03d}",
                    feed_url=f"https://harbour{i % 2}.example/feed.xml",
                    source=f"Harbour Times {i % 2}",
                    entry_key=f"k{i}",
                    title=f"Harbour works {i}",
                    link=f"https://harbour{i % 2}.example/a/{i}",
                    guid=None,
                    published_at=None,
                    seen_at=SEEN + timedelta(minutes=i),
                    content_hash=f"h{i}",
                    summary_ref=blobs.blob_hash(summary.encode()),
                    content_ref=None,
                    page_ref=blobs.blob_hash(body) if body else None,
                    page_url=f"https://harbour{i % 2}.example/a/{i}" if body else None,
                )
            )
        log.append(events, conn=conn)


@pytest.fixture
def no_pool() -> Iterator[None]:
    """Stop the pool after the test (it is started on demand)."""
    yield
    parallel.shutdown()


def test_a_replay_on_the_pool_equals_one_in_process(
    engine: Engine, event_log: SqlEventLog, monkeypatch: pytest.MonkeyPatch, no_pool: None
) -> None:
    articles(engine, event_log, 60)
    projection = ArticlesProjection()
    runner = ProjectionRunner(engine, event_log, projection, batch_size=60)

    monkeypatch.setenv("MONITOR_WORKERS", "0")
    assert runner.rebuild() == 60
    with engine.connect() as conn:
        in_process = digest(conn, projection.tables)

    monkeypatch.setenv("MONITOR_WORKERS", "2")
    monkeypatch.setattr(parallel, "MIN_WORK", 0)  # these pages are small: pool them anyway
    assert cores.workers() == 2
    assert runner.rebuild() == 60
    assert parallel._pool is not None, "the batch went through the pool"
    with engine.connect() as conn:
        assert digest(conn, projection.tables) == in_process


def test_a_batch_of_little_work_stays_in_process(
    engine: Engine, event_log: SqlEventLog, monkeypatch: pytest.MonkeyPatch, no_pool: None
) -> None:
    # 60 short summaries and 1 KB pages are far less work than a round trip to the workers.
    articles(engine, event_log, 60)
    monkeypatch.setenv("MONITOR_WORKERS", "2")
    parallel.shutdown()
    runner = ProjectionRunner(engine, event_log, ArticlesProjection(), batch_size=60)
    assert runner.rebuild() == 60
    assert parallel._pool is None, "no worker process was started"
