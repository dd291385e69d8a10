"""Copy detection for the stories engine: an article whose text another already holds
(MinHash/LSH candidates confirmed by exact shingle containment) joins that original's story.

A copy is ``copy_of`` the earliest-seen original and takes its event time; an article seen
within ``same_sighting`` of the original it copies but claiming an earlier publication takes
over as the original instead (:meth:`Copies.take_over`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime

from monitor.projections.article_features import ArticleFeatures
from monitor.projections.cluster_protocol import ClusterState
from monitor.projections.cluster_values import (
    ArticleDoc,
    ArticleRecord,
    Assignment,
    ClusterParams,
    StorySummary,
    event_time_of,
)
from monitor.text.fingerprint import containment, shingles_from_bytes


class Copies:
    """Finds the original an article copies and places the article as its copy."""

    def __init__(
        self,
        state: ClusterState,
        params: ClusterParams,
        put_story: Callable[[StorySummary], None],
    ) -> None:
        self.state = state
        self.params = params
        self._put_story = put_story

    def find_original(self, features: ArticleFeatures) -> tuple[ArticleRecord, float] | None:
        """The earliest-seen original among LSH candidates confirmed by containment."""
        if features.shingle_count < self.params.copy_min_shingles:
            return None
        ranked = self.state.candidates_by_bands(features.band_keys, self.params.max_copy_candidates)
        if not ranked:
            return None
        mine = shingles_from_bytes(features.shingles)
        best: tuple[tuple[datetime, str], ArticleRecord, float] | None = None
        for candidate_id, _ in ranked:
            candidate = self.state.get_article(candidate_id)
            if candidate is None:
                continue
            theirs = shingles_from_bytes(candidate.shingles)
            if theirs.size < self.params.copy_min_shingles:
                continue
            score = containment(mine, theirs)
            if score < self.params.copy_containment:
                continue
            root = self.root_of(candidate)
            rank = (root.seen_at, root.article_id)
            if best is None or rank < best[0]:
                best = (rank, root, score)
        return None if best is None else (best[1], best[2])

    def root_of(self, record: ArticleRecord) -> ArticleRecord:
        """Follow ``copy_of`` to the original (longer only after a take-over)."""
        seen = {record.article_id}
        while record.copy_of is not None and record.copy_of not in seen:
            parent = self.state.get_article(record.copy_of)
            if parent is None:
                break
            seen.add(parent.article_id)
            record = parent
        return record

    def place(self, doc: ArticleDoc, original: ArticleRecord, score: float) -> Assignment:
        """``doc`` as a copy of ``original``, or as its new original (:meth:`precedes`)."""
        if self.precedes(doc, original):
            return self.take_over(doc, original, score)
        return self.join_as_copy(doc, original, score)

    def precedes(self, doc: ArticleDoc, original: ArticleRecord) -> bool:
        """True when ``doc``, seen moments after ``original``, claims an earlier publication."""
        if doc.seen_at - original.seen_at > self.params.same_sighting:
            return False
        return event_time_of(doc, self.params.max_backdate) < original.event_time

    def take_over(self, doc: ArticleDoc, original: ArticleRecord, score: float) -> Assignment:
        """``doc`` becomes the original of ``original``'s story; the old one its copy."""
        moment = event_time_of(doc, self.params.max_backdate)
        self.state.put_article(replace(original, copy_of=doc.article_id, event_time=moment))
        story = self.state.get_story(original.story_id)
        if story is not None:
            first = min(story.first_event_time, moment)
            self._put_story(replace(story, size=story.size + 1, first_event_time=first))
        return Assignment(
            story_id=original.story_id,
            copy_of=None,
            is_new_story=False,
            event_time=moment,
            similarity=score,
            displaced=original.article_id,
        )

    def join_as_copy(self, doc: ArticleDoc, original: ArticleRecord, score: float) -> Assignment:
        """``doc`` joins ``original``'s story as its copy, at the original's event time."""
        story = self.state.get_story(original.story_id)
        if story is not None:
            self._put_story(replace(story, size=story.size + 1))
        return Assignment(
            story_id=original.story_id,
            copy_of=original.article_id,
            is_new_story=False,
            event_time=original.event_time,
            similarity=score,
        )
