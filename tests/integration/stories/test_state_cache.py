"""The cluster-state cache kept between batches never changes an assignment.

The stories projection keeps parsed story summaries, article records and document
frequencies from one batch to the next; they are trusted only while the database still
carries the token of the flush that left them. These tests use the labelled set (copies,
write-ups, take-overs) on a real database.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine

from monitor.projections.cluster_state import SqlClusterState, StateCache
from monitor.projections.clustering import ArticleDoc, Assignment, ClusterEngine, StorySummary
from tests.integration.stories.support import assigned_in_memory, labelled_docs


def assign_batch(
    db: Engine, cache: StateCache, docs: list[ArticleDoc], position: int
) -> list[Assignment]:
    with db.begin() as conn:
        state = SqlClusterState(conn, cache)
        engine = ClusterEngine(state)
        found = [engine.assign(d) for d in docs]
        state.flush(position=position)
    return found


def test_a_cache_kept_across_small_batches_assigns_like_the_in_memory_state(
    engine: Engine,
) -> None:
    docs = labelled_docs()
    cache = StateCache(max_stories=16, max_articles=16, max_terms=256)  # evicts often
    got: list[Assignment] = []
    for start in range(0, len(docs), 7):
        got.extend(assign_batch(engine, cache, docs[start : start + 7], start + 7))
        assert len(cache.stories) <= 16 + 16 // 4 and cache.token is not None
    assert got == assigned_in_memory(docs)


def test_a_rolled_back_batch_leaves_nothing_behind_in_the_cache(engine: Engine) -> None:
    docs = labelled_docs()
    cache = StateCache()
    first = assign_batch(engine, cache, docs[:40], 40)
    with engine.connect() as conn:
        transaction = conn.begin()
        state = SqlClusterState(conn, cache)
        cluster = ClusterEngine(state)
        for doc in docs[40:80]:
            cluster.assign(doc)
        state.flush(position=80)
        transaction.rollback()  # e.g. a later write of the batch failed
    assert cache.token is not None and cache.token[0] == 80  # what the flush wrote
    # The database is back at position 40: the next batch must not trust the cache.
    rest = assign_batch(engine, cache, docs[40:], len(docs))
    assert first + rest == assigned_in_memory(docs)


def test_a_batch_that_fails_before_its_flush_drops_the_cache(engine: Engine) -> None:
    docs = labelled_docs()
    cache = StateCache()
    first = assign_batch(engine, cache, docs[:40], 40)
    with engine.connect() as conn:
        conn.begin()
        cluster = ClusterEngine(SqlClusterState(conn, cache))
        for doc in docs[40:60]:
            cluster.assign(doc)
        assert cache.token is None  # dirty: what it holds is not in the database
        conn.rollback()
    rest = assign_batch(engine, cache, docs[40:], len(docs))
    assert first + rest == assigned_in_memory(docs)


def test_active_stories_from_the_cached_index_answer_as_the_database(engine: Engine) -> None:
    """The index of stored last event times (one query per batch, kept in the cache) gives
    the stories the database would for every look-back: above its floor, below it (asked
    of the database again), with a buffered story moving into the window and after the
    flush that stores it."""
    start = datetime(2026, 1, 10, tzinfo=UTC)

    def story(i: int, day: int) -> StorySummary:
        last = start + timedelta(days=day)
        return StorySummary(f"s{i:02d}", last - timedelta(hours=1), last, 1, (("t:x", 1.0),))

    def ids(state: SqlClusterState, day: int) -> list[str]:
        return [s.story_id for s in state.active_stories(start + timedelta(days=day))]

    def expected(last_days: dict[int, int], day: int) -> list[str]:
        return sorted(f"s{i:02d}" for i, last in last_days.items() if last >= day)

    cache = StateCache()
    lasts = {i: i for i in range(10)}
    with engine.begin() as conn:
        state = SqlClusterState(conn, cache)
        for i, day in lasts.items():
            state.put_story(story(i, day))
        assert ids(state, 5) == expected(lasts, 5)
        state.flush(position=1)
    with engine.begin() as conn:
        state = SqlClusterState(conn, cache)
        assert cache.active is not None and cache.active.floor == start + timedelta(days=5)
        state.put_story(story(3, 12))  # buffered: joins the window
        lasts[3] = 12
        for day in (9, 6, 2, 0, 7, 12, 13):  # 2 and 0 lie below the floor
            assert ids(state, day) == expected(lasts, day), day
        state.flush(position=2)
    with engine.begin() as conn:
        state = SqlClusterState(conn, cache)
        for day in (11, 4, 0, 8):
            assert ids(state, day) == expected(lasts, day), day
        fresh = SqlClusterState(conn)  # no cache: straight from the database
        for day in (11, 4, 0, 8):
            assert ids(fresh, day) == expected(lasts, day), day
