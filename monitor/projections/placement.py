"""Event placement for the stories engine: which active story, if any, an article that
copies nothing joins.

The active stories are shortlisted by a cheap weighted cosine (:mod:`~.shortlist`, from the
candidate pool of :mod:`~.candidates` while a batch is read ahead) and each shortlisted
story is scored by the fitted pair model (:mod:`~.story_scorer`): the most probable one
above the threshold, or given a :func:`~.join_routes.second_chance`, is the article's
(:meth:`Placement.best_story`); else a story idle past the idle window, by the late
follow-up route (:meth:`Placement.late_story`).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

import numpy as np
import numpy.typing as npt

from monitor.projections.article_features import ArticleFeatures
from monitor.projections.candidates import CandidatePool
from monitor.projections.cluster_protocol import ClusterState, PoolKeeper
from monitor.projections.cluster_values import ClusterParams, StorySummary, time_gap
from monitor.projections.join_routes import late_route, second_chance
from monitor.projections.pair_features import features
from monitor.projections.shortlist import TermArrays, sorted_arrays, term_arrays, text_scores
from monitor.projections.story_signals import ArticleSignals
from monitor.projections.story_vetoes import disagrees
from monitor.projections.vectors import Fields, field_cosines
from monitor.text.terms import BODY, ENTITY, TITLE


class Placement:
    """Scores an article against the stories it may join; keeps the candidate pool.

    The pool (the active stories as arrays, :mod:`~.candidates`) is kept by a state that can
    keep it across batches (:class:`~.cluster_protocol.PoolKeeper`), else while a batch is
    read ahead (:meth:`start_batch` to :meth:`end_batch`: the engine is then the state's only
    writer). Every story write goes through :meth:`put_story` so the pool stays true.
    """

    def __init__(self, state: ClusterState, params: ClusterParams) -> None:
        self.state = state
        self.params = params
        self._pool: CandidatePool | None = None
        self._pooling = False

    def start_batch(self) -> None:
        """Shortlist from the pool (the state's kept one, if any) until :meth:`end_batch`."""
        self._pooling = True
        self._pool = self.state.kept_pool() if isinstance(self.state, PoolKeeper) else None

    def end_batch(self) -> None:
        """Back to asking the state for the active stories."""
        self._pooling = False
        self._pool = None

    def shortlist(
        self,
        fields: Fields,
        stories: Sequence[StorySummary],
        features: ArticleFeatures | None = None,
    ) -> list[StorySummary]:
        """The ``shortlist`` candidates with the best cheap text scores, ties by story id."""
        ordered = sorted(stories, key=lambda s: s.story_id)
        if len(ordered) <= self.params.shortlist:
            return ordered
        if features is None:
            mine = term_arrays(fields, self.params.prefilter_weights)
        else:
            mine = self._term_arrays(fields, features)
        scores = np.round(text_scores(mine, [s.term_arrays for s in ordered]), 9)
        ranked = np.argsort(-scores, kind="stable")[: self.params.shortlist]  # ties: by id
        return [ordered[int(i)] for i in ranked]

    def _term_arrays(self, fields: Fields, features: ArticleFeatures) -> TermArrays:
        """:func:`~.shortlist.term_arrays` of the article from its precomputed hashes: its
        terms are in term order, so body, entity and title parts follow one another."""
        t, b, e = self.params.prefilter_weights
        weights: list[float] = []
        for prefix, scale in ((BODY, b), (ENTITY, e), (TITLE, t)):
            part = fields.get(prefix)
            if part:
                weights.extend([weight * scale for weight in part.values()])
        return sorted_arrays(features.hash_array, np.array(weights, dtype=np.float64))

    def pair_features(
        self, fields: Fields, signals: ArticleSignals, moment: datetime, story: StorySummary
    ) -> npt.NDArray[np.float64]:
        """The scorer's feature vector of (article, story)."""
        gap = time_gap(moment, story) / timedelta(days=1)
        age = (moment - story.first_event_time) / timedelta(days=1)
        return features(field_cosines(fields, story), signals, story.signals, gap, age)

    def _pooled_shortlist(
        self,
        fields: Fields,
        moment: datetime,
        features: ArticleFeatures | None,
        window: timedelta | None = None,
    ) -> list[StorySummary]:
        """:meth:`shortlist` of :meth:`candidates`, from the pool (the same answer)."""
        window = self.params.idle_window if window is None else window
        since = moment - max(window, self._reach)
        pool = self._pool
        if pool is None or not pool.covers(since):
            pool = self._pool = CandidatePool(self.state.active_stories(since), since)
            if isinstance(self.state, PoolKeeper):
                self.state.keep_pool(pool)

        def mine() -> TermArrays:
            if features is None:
                return term_arrays(fields, self.params.prefilter_weights)
            return self._term_arrays(fields, features)

        found = []
        for story_id in pool.shortlist(moment, window, self.params.shortlist, mine):
            story = self.state.get_story(story_id)
            assert story is not None, f"pooled story {story_id} is not in the state"
            found.append(story)
        return found

    def put_story(self, story: StorySummary) -> None:
        """Write ``story`` to the state, and to the pool when one is kept."""
        self.state.put_story(story)
        pool = self._pool
        if pool is None and isinstance(self.state, PoolKeeper):
            pool = self.state.kept_pool()  # written outside a batch: keep the pool true
        if pool is not None:
            pool.put(story)

    @property
    def _reach(self) -> timedelta:
        """How far back stories are offered at all: the late window when there is one."""
        return max(self.params.idle_window, self.params.late_window)

    def candidates(self, moment: datetime, window: timedelta | None = None) -> list[StorySummary]:
        """Stories an article at ``moment`` may join: active within ``window`` (the idle
        window unless given), and not an opinion piece's."""
        window = self.params.idle_window if window is None else window
        return [
            s
            for s in self.state.active_stories(moment - window)
            if time_gap(moment, s) <= window and not s.is_opinion
        ]

    def late_story(
        self,
        fields: Fields,
        signals: ArticleSignals,
        moment: datetime,
        features: ArticleFeatures | None,
    ) -> tuple[StorySummary, float] | None:
        """The story idle past the idle window (within the late window) the article joins
        by :func:`~.join_routes.late_route`, the most probable such one (ties by id)."""
        window = self.params.late_window
        if window <= self.params.idle_window:
            return None
        if self._pooling:
            shortlisted = self._pooled_shortlist(fields, moment, features, window)
        else:
            shortlisted = self.shortlist(fields, self.candidates(moment, window), features)
        best: tuple[StorySummary, float] | None = None
        for story in shortlisted:
            if time_gap(moment, story) <= self.params.idle_window:
                continue  # the model's own candidates, already scored
            if disagrees(signals, story.signals):
                continue
            x = self.pair_features(fields, signals, moment, story)
            p = self.params.model.probability(x)
            if not late_route(x, p, signals, story.signals):
                continue
            if best is None or p > best[1] or (p == best[1] and story.story_id < best[0].story_id):
                best = (story, p)
        return best

    def best_story(
        self,
        fields: Fields,
        signals: ArticleSignals,
        moment: datetime,
        features: ArticleFeatures | None = None,
    ) -> tuple[StorySummary, float, bool] | None:
        """The most probable candidate, its probability, and whether it joins (above the
        threshold, or given a :func:`~.join_routes.second_chance`)."""
        best: tuple[StorySummary, float, npt.NDArray[np.float64]] | None = None
        if self._pooling:
            shortlisted = self._pooled_shortlist(fields, moment, features)
        else:
            shortlisted = self.shortlist(fields, self.candidates(moment), features)
        for story in shortlisted:
            if disagrees(signals, story.signals):
                continue
            x = self.pair_features(fields, signals, moment, story)
            p = self.params.model.probability(x)
            if best is None or p > best[1] or (p == best[1] and story.story_id < best[0].story_id):
                best = (story, p, x)
        if best is None:
            return None
        story, p, x = best
        return story, p, p >= self.params.model.threshold or second_chance(x, p)
