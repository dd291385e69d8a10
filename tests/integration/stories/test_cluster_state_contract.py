"""The ClusterState contract, one abstract class run on every implementation.

The clustering engine is pure; all it remembers lives behind `ClusterState`. The in-memory
state (tests, benchmarks) and the SQL state (the daemon, on SQLite and PostgreSQL) must
answer alike, before and after a batch is written, or the projection's stories would depend
on where the state is kept.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import Connection, Engine

from monitor.projections.cluster_state import SqlClusterState
from monitor.projections.clustering import (
    ArticleRecord,
    ClusterState,
    InMemoryClusterState,
    StorySummary,
)

T0 = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)


def record(article_id: str, story_id: str = "s-a", copy_of: str | None = None) -> ArticleRecord:
    return ArticleRecord(
        article_id=article_id,
        story_id=story_id,
        event_time=T0,
        seen_at=T0 + timedelta(minutes=5),
        copy_of=copy_of,
        shingles=b"\x01\x02\x03",
    )


def story(story_id: str, last: datetime, size: int = 1) -> StorySummary:
    return StorySummary(
        story_id=story_id,
        first_event_time=last - timedelta(hours=1),
        last_event_time=last,
        size=size,
        centroid=(("t:quake", 0.8), ("b:rescue", 0.6)),
    )


class ClusterStateContract(ABC):
    """What every ClusterState must do; a subclass supplies the implementation."""

    @abstractmethod
    def state(self) -> ClusterState:
        """The state under test (the same one on every call within a test)."""

    @abstractmethod
    def end_batch(self) -> ClusterState:
        """Finish the batch (write what is buffered) and return the state to go on with."""

    def test_an_article_is_read_back_within_and_after_the_batch(self) -> None:
        self.state().put_article(record("a", copy_of="b"))
        assert self.state().get_article("a") == record("a", copy_of="b")
        assert self.state().get_article("missing") is None
        later = self.end_batch()
        assert later.get_article("a") == record("a", copy_of="b")

    def test_putting_an_article_again_replaces_it(self) -> None:
        self.state().put_article(record("a", story_id="s-a"))
        later = self.end_batch()
        later.put_article(record("a", story_id="s-b"))
        assert self.end_batch().get_article("a") == record("a", story_id="s-b")

    def test_candidates_are_ranked_by_shared_bands_then_id(self) -> None:
        state = self.state()
        state.add_bands("b", [1, 2, 3])
        state.add_bands("a", [2, 3])
        later = self.end_batch()
        later.add_bands("c", [3, 4])
        assert later.candidates_by_bands([1, 2, 3], 10) == [("b", 3), ("a", 2), ("c", 1)]
        assert later.candidates_by_bands([3], 2) == [("a", 1), ("b", 1)]
        assert later.candidates_by_bands([99], 5) == []

    def test_active_stories_are_those_with_a_recent_last_event_ordered_by_id(self) -> None:
        state = self.state()
        state.put_story(story("s-old", T0 - timedelta(days=10)))
        state.put_story(story("s-b", T0))
        later = self.end_batch()
        later.put_story(story("s-a", T0 + timedelta(days=1)))
        active = later.active_stories(T0 - timedelta(days=3))
        assert [s.story_id for s in active] == ["s-a", "s-b"]
        assert active[1] == story("s-b", T0)

    def test_a_story_moved_forward_is_replaced_not_duplicated(self) -> None:
        self.state().put_story(story("s-a", T0 - timedelta(days=10)))
        later = self.end_batch()
        later.put_story(story("s-a", T0, size=2))
        assert later.get_story("s-a") == story("s-a", T0, size=2)
        assert [s.size for s in self.end_batch().active_stories(T0 - timedelta(days=1))] == [2]
        assert self.state().get_story("missing") is None

    def test_document_frequencies_count_documents(self) -> None:
        state = self.state()
        state.add_df(["quake", "rescue"])
        state.add_df(["quake"])
        assert state.term_df(["quake", "rescue", "unknown"]) == {"quake": 2, "rescue": 1}
        later = self.end_batch()
        later.add_df(["quake"])
        assert later.term_df(["quake"]) == {"quake": 3}
        assert later.doc_count() == 3
        assert self.end_batch().doc_count() == 3

    def test_document_frequencies_come_one_per_term_in_order(self) -> None:
        self.state().add_df(["quake", "rescue"])
        later = self.end_batch()
        later.add_df(["quake"])
        assert later.term_dfs(["rescue", "unknown", "quake"]) == [1, 0, 2]

    def test_reading_ahead_a_widely_shared_key_changes_no_answer(self) -> None:
        state = self.state()
        for i in range(70):  # a template's key: more articles than are read ahead
            state.add_bands(f"t{i:02d}", [7, 100 + i])
        later = self.end_batch()
        later.prefetch([7, 8, 105], [])
        assert later.candidates_by_bands([7, 105], 3) == [("t05", 2), ("t00", 1), ("t01", 1)]
        assert later.candidates_by_bands([8, 105], 3) == [("t05", 1)]

    def test_a_text_many_articles_repeat_ranks_the_first_ids_sharing_every_key(self) -> None:
        state = self.state()
        for i in range(40):  # a repeated text: forty articles under the same three keys
            state.add_bands(f"r{i:02d}", [11, 12, 13])
        state.add_bands("q", [11, 12])
        state.add_bands("p", [11])
        state.add_bands("s", [13])
        later = self.end_batch()
        later.prefetch([11, 12, 13], [])
        assert later.candidates_by_bands([11, 12, 13], 3) == [("r00", 3), ("r01", 3), ("r02", 3)]
        # fewer articles share every key than are asked for: counted as any other answer
        top = later.candidates_by_bands([11, 12, 13], 42)
        assert top[:2] == [("r00", 3), ("r01", 3)] and top[40:] == [("q", 2), ("p", 1)]
        # both keys are that widely shared, but only forty articles have both
        assert later.candidates_by_bands([12, 13], 41)[39:] == [("r39", 2), ("q", 1)]
        later.add_bands("a", [11, 12, 13])  # buffered in this batch: merged with the stored
        assert later.candidates_by_bands([11, 12, 13], 2) == [("a", 3), ("r00", 3)]

    def test_reading_ahead_changes_no_answer(self) -> None:
        state = self.state()
        state.add_bands("b", [1, 2, 3])
        state.add_df(["quake"])
        later = self.end_batch()
        later.add_bands("c", [3, 4])
        later.add_df(["quake", "rescue"])
        later.prefetch([1, 2, 3, 4, 5, 9], ["quake", "rescue", "unknown"])
        assert later.candidates_by_bands([1, 2, 3, 4], 10) == [("b", 3), ("c", 2)]
        assert later.candidates_by_bands([9], 10) == []
        assert later.term_dfs(["quake", "rescue", "unknown"]) == [2, 1, 0]
        later.add_bands("d", [9])
        later.add_df(["unknown"])
        assert later.candidates_by_bands([9, 5], 10) == [("d", 1)]
        assert later.term_dfs(["unknown"]) == [1]
        final = self.end_batch()
        assert final.candidates_by_bands([9], 10) == [("d", 1)]
        assert final.term_dfs(["quake", "rescue", "unknown"]) == [2, 1, 1]


class TestInMemoryClusterState(ClusterStateContract):
    @pytest.fixture(autouse=True)
    def _state(self) -> None:
        self.memory = InMemoryClusterState()

    def state(self) -> ClusterState:
        return self.memory

    def end_batch(self) -> ClusterState:
        return self.memory


class TestSqlClusterState(ClusterStateContract):
    """On a migrated SQLite file and a PostgreSQL schema (the `engine` fixture runs both)."""

    @pytest.fixture(autouse=True)
    def _state(self, engine: Engine) -> Iterator[None]:
        with engine.begin() as conn:
            self.conn: Connection = conn
            self.sql = SqlClusterState(conn)
            yield

    def state(self) -> ClusterState:
        return self.sql

    def end_batch(self) -> ClusterState:
        # A fresh state on the same connection sees only what the flush wrote.
        self.sql.flush()
        self.sql = SqlClusterState(self.conn)
        return self.sql
