"""The stories engine's memory in dicts (:class:`InMemoryClusterState`): tests and benchmarks."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from monitor.projections.cluster_protocol import top_candidates
from monitor.projections.cluster_values import ArticleRecord, StorySummary


@dataclass
class InMemoryClusterState:
    """Dict-backed :class:`ClusterState` for tests and benchmarks."""

    # A band key usually names one article: a bare id then, a list only on collisions.
    bands: dict[int, str | list[str]] = field(default_factory=dict)
    articles: dict[str, ArticleRecord] = field(default_factory=dict)
    stories: dict[str, StorySummary] = field(default_factory=dict)
    df: dict[str, int] = field(default_factory=dict)
    docs: int = 0
    # Stories bucketed by the day of their last event, so active_stories skips idle ones.
    _by_day: dict[int, set[str]] = field(default_factory=dict)

    def candidates_by_bands(self, band_keys: Sequence[int], limit: int) -> list[tuple[str, int]]:
        """The `limit` articles sharing the most band keys: (id, shared), most first, then by id."""
        found: Counter[str] = Counter()
        for key in set(band_keys):
            ids = self.bands.get(key)
            if isinstance(ids, str):
                found[ids] += 1
            elif ids is not None:
                found.update(ids)
        return top_candidates(found, limit)

    def add_bands(self, article_id: str, band_keys: Sequence[int]) -> None:
        """Index an article under its LSH band keys."""
        for key in band_keys:
            ids = self.bands.get(key)
            if ids is None:
                self.bands[key] = article_id
            elif isinstance(ids, str):
                self.bands[key] = [ids, article_id]
            else:
                ids.append(article_id)

    def get_article(self, article_id: str) -> ArticleRecord | None:
        """The stored record of one article, if any."""
        return self.articles.get(article_id)

    def put_article(self, record: ArticleRecord) -> None:
        """Insert or replace one article record."""
        self.articles[record.article_id] = record

    def get_story(self, story_id: str) -> StorySummary | None:
        """One story summary, if any."""
        return self.stories.get(story_id)

    def active_stories(self, since: datetime) -> list[StorySummary]:
        """Stories whose last event time is at or after ``since``, ordered by id."""
        first_day = since.toordinal()
        found = [
            self.stories[story_id]
            for day, ids in self._by_day.items()
            if day >= first_day
            for story_id in ids
        ]
        return sorted((s for s in found if s.last_event_time >= since), key=lambda s: s.story_id)

    def put_story(self, story: StorySummary) -> None:
        """Insert or replace one story summary."""
        old = self.stories.get(story.story_id)
        if old is not None:
            self._by_day[old.last_event_time.toordinal()].discard(story.story_id)
        self._by_day.setdefault(story.last_event_time.toordinal(), set()).add(story.story_id)
        self.stories[story.story_id] = story

    def term_df(self, terms: Sequence[str]) -> dict[str, int]:
        """Document frequencies of the known ``terms``."""
        return {t: self.df[t] for t in terms if t in self.df}

    def term_dfs(self, terms: Sequence[str]) -> list[int]:
        """The document frequency of each of ``terms`` (0 for an unknown one)."""
        return [self.df.get(t, 0) for t in terms]

    def add_df(self, terms: Sequence[str]) -> None:
        """Count one more document containing each of ``terms``."""
        for term in terms:
            self.df[term] = self.df.get(term, 0) + 1
        self.docs += 1

    def doc_count(self) -> int:
        """Documents counted so far."""
        return self.docs

    def prefetch(self, band_keys: Iterable[int], terms: Iterable[str]) -> None:
        """Nothing to read ahead: everything is in memory."""
