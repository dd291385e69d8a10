"""Each story's first originals (the headlines that compete to name it), kept between batches.

The stories projection names a story after the medoid of its first ``TITLE_CANDIDATES``
originals in story order (event time, then log position). Read from the database, that is
a ranking over every original of every story a batch touched, and a long story is touched
by batch after batch. :class:`EarlyOriginals` keeps, per story, the first originals as
the database holds them, and follows what each batch changes:

- a new original (a member row written with no ``copy_of``) takes its place in the order,
  and the list is cut back to ``TITLE_CANDIDATES``;
- a take-over turns a former original into a copy: it leaves the list, and when the list
  was full (originals beyond it may exist, unseen) the story is forgotten and read again.

Nothing else moves an original: a placed article never changes story, and an article's
title is its headline at first sight. Like the cluster state's cache, the lists are only
trusted while that cache is (:attr:`~.cluster_state.StateCache.generation`): a rolled-back
batch, a rebuild or another process folding meanwhile drops them all. Bounded: past
``cap`` stories the longest-kept are forgotten.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

Original = tuple[datetime, int, str, str]
"""(event time, log position, title stripped, article id), in story order."""


class EarlyOriginals:
    """Story id -> its first originals in story order (at most ``size``)."""

    def __init__(self, size: int, cap: int = 2048) -> None:
        self.size = size
        self.cap = cap
        self.generation: int | None = None
        self.by_story: dict[str, list[Original]] = {}

    def sync(self, generation: int) -> None:
        """Drop everything unless kept under the cluster cache's ``generation``."""
        if generation != self.generation:
            self.by_story.clear()
            self.generation = generation

    def fold(
        self, handed_over: Iterable[tuple[str, str]], rows: Iterable[Mapping[str, Any]]
    ) -> None:
        """Follow a batch: ``handed_over`` (story id, former original) pairs, then the
        batch's member rows as written (``story_id``, ``copy_of``, ``event_time``,
        ``position``, ``title``, ``article_id``)."""
        for story_id, former in handed_over:
            kept = self.by_story.get(story_id)
            if kept is None:
                continue
            rest = [o for o in kept if o[3] != former]
            if len(rest) < len(kept) and len(kept) >= self.size:
                del self.by_story[story_id]  # the next original beyond the list is unknown
            else:
                self.by_story[story_id] = rest
        for row in rows:
            kept = self.by_story.get(str(row["story_id"]))
            if kept is None or row["copy_of"] is not None:
                continue
            original = (
                row["event_time"],
                int(row["position"]),
                (row["title"] or "").strip(),
                str(row["article_id"]),
            )
            kept.append(original)
            kept.sort(key=lambda o: (o[0], o[1]))
            del kept[self.size :]

    def titles(self, story_ids: Iterable[str]) -> dict[str, list[str]]:
        """The early titles, in story order, of the stories kept among ``story_ids``."""
        found: dict[str, list[str]] = {}
        for story_id in story_ids:
            kept = self.by_story.get(story_id)
            if kept is not None:
                found[story_id] = [o[2] for o in kept]
        return found

    def remember(self, story_id: str, originals: list[Original]) -> None:
        """Keep a story's first originals as just read from the database."""
        self.by_story.pop(story_id, None)
        self.by_story[story_id] = originals[: self.size]
        excess = len(self.by_story) - self.cap
        if excess > 0:
            for key in list(self.by_story)[: excess + self.cap // 4]:
                del self.by_story[key]
