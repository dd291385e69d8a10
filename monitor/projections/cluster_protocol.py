"""The seam between the stories engine and its memory: :class:`ClusterState` (kept in the
database by :class:`~.cluster_state.SqlClusterState`, in dicts by
:class:`~.cluster_memory.InMemoryClusterState`) and :class:`PoolKeeper`."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from typing import Protocol, runtime_checkable

from monitor.projections.candidates import CandidatePool
from monitor.projections.cluster_values import ArticleRecord, StorySummary


def top_candidates(counts: Mapping[str, int], limit: int) -> list[tuple[str, int]]:
    """The `limit` entries with the highest counts, ties broken by id (deterministic)."""
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]


@runtime_checkable
class PoolKeeper(Protocol):
    """A state that keeps the engine's candidate pool between batches (as long as its
    other cached values hold) — the pool must then see every story written to it."""

    def kept_pool(self) -> CandidatePool | None:
        """The pool kept, if any (None after anything the pool did not see)."""
        ...

    def keep_pool(self, pool: CandidatePool) -> None:
        """Keep ``pool`` for the next engine on this state."""
        ...


class ClusterState(Protocol):
    """Storage the engine needs; row-shaped so a SQL implementation is a few queries."""

    def candidates_by_bands(self, band_keys: Sequence[int], limit: int) -> list[tuple[str, int]]:
        """The `limit` articles sharing the most band keys: (id, shared), most first, then by id."""
        ...

    def add_bands(self, article_id: str, band_keys: Sequence[int]) -> None:
        """Index an article under its LSH band keys."""
        ...

    def get_article(self, article_id: str) -> ArticleRecord | None:
        """The stored record of one article, if any."""
        ...

    def put_article(self, record: ArticleRecord) -> None:
        """Insert or replace one article record."""
        ...

    def get_story(self, story_id: str) -> StorySummary | None:
        """One story summary, if any."""
        ...

    def active_stories(self, since: datetime) -> list[StorySummary]:
        """Stories whose last event time is at or after ``since``."""
        ...

    def put_story(self, story: StorySummary) -> None:
        """Insert or replace one story summary."""
        ...

    def term_df(self, terms: Sequence[str]) -> dict[str, int]:
        """Document frequencies of ``terms`` (missing terms may be left out)."""
        ...

    def add_df(self, terms: Sequence[str]) -> None:
        """Count one more document containing each of ``terms`` (distinct)."""
        ...

    def term_dfs(self, terms: Sequence[str]) -> list[int]:
        """The document frequency of each of ``terms`` (0 for an unknown one)."""
        ...

    def doc_count(self) -> int:
        """Documents counted by :meth:`add_df` so far."""
        ...

    def prefetch(self, band_keys: Iterable[int], terms: Iterable[str]) -> None:
        """A hint: the next articles will ask about these band keys and terms (answers
        must not change; a state may read them ahead in bulk, or ignore the hint)."""
        ...
