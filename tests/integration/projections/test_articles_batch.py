"""The articles and feeds projections fold a batch exactly as they fold its events one by one."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine, select

from monitor.events import ArticleObserved, ArticleRevised, Event, FeedAdded, FeedMoved
from monitor.projections.articles import ArticlesProjection
from monitor.projections.feeds import FeedsProjection
from monitor.projector.runner import ProjectionRunner, digest
from monitor.store import blobs
from monitor.store.eventlog import SqlEventLog
from monitor.store.tables_feeds import article_revisions, articles, feeds

SEEN = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
FEED = "https://harbour.example/feed.xml"
MOVED = "https://harbour.example/rss.xml"


def sighting(cls: type[ArticleObserved], n: int, text: str, feed: str = FEED) -> ArticleObserved:
    """Article `a1` (or another) as the poller records it, its summary stored as a blob."""
    return cls(
        article_id="a1" if n < 10 else f"a{n}",
        feed_url=feed,
        source="Harbour Times",
        entry_key=f"k{n}",
        title=f"Harbour works, take {n}",
        link="https://harbour.example/a/1",
        guid=None,
        published_at=None,
        seen_at=SEEN + timedelta(minutes=n),
        content_hash=f"h{n}",
        summary_ref=blobs.blob_hash(text.encode()),
        content_ref=None,
        page_ref=None,
        page_url=None,
    )


def record(engine: Engine, log: SqlEventLog) -> None:
    """A feed that moves between articles; one article seen, then revised twice."""
    texts = {n: f"<p>The council approved dredging, version {n}.</p>" for n in (1, 2, 3, 11)}
    with engine.begin() as conn:
        blobs.put_many(conn, [t.encode() for t in texts.values()])
        events: list[Event] = [
            FeedAdded(url=FEED, name=None, interval=None, origin="cli", added_at=SEEN),
            sighting(ArticleObserved, 1, texts[1]),
            sighting(ArticleRevised, 2, texts[2]),
            sighting(ArticleObserved, 11, texts[11]),
            FeedMoved(url=FEED, new_url=MOVED, moved_at=SEEN + timedelta(hours=1)),
            sighting(ArticleRevised, 3, texts[3], feed=MOVED),
            sighting(ArticleObserved, 12, texts[11], feed=MOVED),
        ]
        log.append(events, conn=conn)


def test_one_batch_folds_like_one_event_at_a_time(engine: Engine, event_log: SqlEventLog) -> None:
    record(engine, event_log)
    folded = {}
    for batch_size in (1, 500):
        for projection in (FeedsProjection(), ArticlesProjection()):
            assert ProjectionRunner(engine, event_log, projection, batch_size).rebuild() == 7
        with engine.connect() as conn:
            folded[batch_size] = digest(conn, [feeds, articles, article_revisions])
    assert folded[1] == folded[500]

    with engine.connect() as conn:
        revisions = conn.execute(
            select(article_revisions.c.revision, article_revisions.c.text)
            .where(article_revisions.c.article_id == "a1")
            .order_by(article_revisions.c.revision)
        ).all()
        article = conn.execute(select(articles).where(articles.c.id == "a1")).one()
        counts = dict(conn.execute(select(feeds.c.url, feeds.c.articles)).all())
    assert [(r, "version" in t) for r, t in revisions] == [(0, True), (1, True), (2, True)]
    assert "version 3" in revisions[2].text
    assert article.revision == 2
    assert article.title == "Harbour works, take 3"  # the last revision's
    assert article.first_seen_at.replace(tzinfo=UTC) == SEEN + timedelta(minutes=1)  # the first's
    # Counts follow the feed through its move: 2 new articles before it, 1 after.
    assert counts == {MOVED: 3}
