"""Story clustering engine: copy detection (MinHash/LSH + exact containment) and online
event clustering (TF-IDF over title, body and entities, plus time), one article at a time.

The engine is pure: everything it remembers lives behind :class:`ClusterState`, so a
projection replayed into a fresh database assigns exactly the same stories. Articles
must be fed in event-log order; no wall clock, no salted hashes, ties broken by id.

Method (see docs/SPEC.md §6, docs/ARCHITECTURE.md §5):

1. Copy test. The clean text is shingled (5 words), MinHashed and split into LSH bands
   kept in the state, so a re-post a year later still finds its original without any
   history in RAM. Candidates are confirmed by exact containment of the smaller shingle
   set in the larger (re-posts add wrapper lines, syndication trims the tail). A copy is
   ``copy_of`` the earliest-seen original, joins its story and takes its event time.
   Originals and copies seen within ``same_sighting`` of each other (one poll brings
   several feeds in any order) are ranked by claimed publication instead: an article that
   turns out to copy a later-published text seen moments before takes over as the original.
2. Event clustering (after Miranda et al. 2018). Each non-copy becomes three unit
   TF-IDF vectors (title words, body words, capitalised names and numbers) with
   document frequencies kept online in the state on top of a language prior
   (:mod:`monitor.text.priors`), plus its key names, headline names, event kinds and
   counts. The active stories are shortlisted by a cheap weighted cosine
   (:mod:`monitor.projections.shortlist`) and each shortlisted story is scored by the
   fitted pair model (:mod:`monitor.projections.story_scorer`); the article joins the
   most probable one above the model's threshold, otherwise it starts a story. A pair
   whose key names disagree both ways is vetoed before the model. Each story also keeps
   a core (body words and key names of its founding original) that later members never
   move, so a look-alike that joined cannot pull its own follow-ups in. An
   opinion piece (:mod:`monitor.text.genre`) always starts its own story, which is never
   offered to later articles. Centroids are capped per field so a story's summary stays
   small however many write-ups it gathers; stories idle longer than the idle window are
   not offered to the model, and within the late window only to an article that joined
   nothing nearer, by the late follow-up route (:func:`~.join_routes.late_route`: the
   arrests, the burials days after the incident, at its city or with its founding names).

Where each part lives: the values in :mod:`~.cluster_values`, the state seam in
:mod:`~.cluster_protocol` (kept by :mod:`~.cluster_state` in the database and by
:mod:`~.cluster_memory` in dicts), the vector maths in :mod:`~.vectors`, the copy test in
:mod:`~.copies` and the event placement in :mod:`~.placement`; this module holds the engine
that runs them in order, and re-exports the names its callers import.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime, timedelta
from itertools import islice

import numpy as np
import numpy.typing as npt

from monitor.projections.article_features import ArticleFeatures, article_features
from monitor.projections.cluster_memory import InMemoryClusterState
from monitor.projections.cluster_protocol import ClusterState, PoolKeeper, top_candidates
from monitor.projections.cluster_values import (
    ArticleDoc,
    ArticleRecord,
    Assignment,
    ClusterParams,
    StorySummary,
    event_time_of,
    story_id_for,
    summary_from,
    time_gap,
)
from monitor.projections.copies import Copies
from monitor.projections.placement import Placement
from monitor.projections.story_signals import FLAG, ArticleSignals
from monitor.projections.vectors import (
    CENTROID_FIELDS,
    Centroid,
    Fields,
    core_fields,
    field_cosines,
    flatten,
    group_fields,
    known_share,
    merge_centroid,
    merge_fields,
    merge_grouped,
    split_fields,
    tfidf_fields,
    unit_parts,
    weigh_terms,
    with_core,
)

__all__ = [
    "CENTROID_FIELDS",
    "READ_AHEAD",
    "ArticleDoc",
    "ArticleRecord",
    "Assignment",
    "Centroid",
    "ClusterEngine",
    "ClusterParams",
    "ClusterState",
    "Fields",
    "InMemoryClusterState",
    "PoolKeeper",
    "StorySummary",
    "core_fields",
    "event_time_of",
    "field_cosines",
    "flatten",
    "group_fields",
    "known_share",
    "merge_centroid",
    "merge_fields",
    "merge_grouped",
    "split_fields",
    "story_id_for",
    "summary_from",
    "tfidf_fields",
    "time_gap",
    "top_candidates",
    "unit_parts",
    "weigh_terms",
    "with_core",
]

READ_AHEAD = 128
"""Articles whose band keys and terms the state is told about at once (:meth:`ClusterEngine.prefetch`)."""


class ClusterEngine:
    """Assigns articles, in log order, to stories; all memory lives in the state.

    An article goes to :class:`~.copies.Copies` first (is it a copy of one already seen?),
    else to :class:`~.placement.Placement` (which active story does it join?), else it
    founds a story of its own.
    """

    def __init__(self, state: ClusterState, params: ClusterParams | None = None) -> None:
        self.state = state
        self.params = params if params is not None else ClusterParams()
        self.placement = Placement(state, self.params)
        self.copies = Copies(state, self.params, self.placement.put_story)

    @staticmethod
    def features(doc: ArticleDoc) -> ArticleFeatures:
        """The state-free features of an article (:mod:`~.article_features`)."""
        return article_features(doc.title, doc.text, doc.source, doc.link)

    def assign_batch(
        self, docs: Sequence[ArticleDoc], features: Iterable[ArticleFeatures] | None = None
    ) -> list[Assignment]:
        """:meth:`assign` each article in order, the state told ahead about the next ones
        (:meth:`read_ahead`). ``features``: the articles' own, in order, if computed
        elsewhere (a process pool, say); else each is computed here when its turn comes."""
        found = features if features is not None else map(self.features, docs)
        ahead = self.read_ahead(found)
        return [self.assign(d, f) for d, f in zip(docs, ahead, strict=True)]

    def read_ahead(
        self, features: Iterable[ArticleFeatures | None], every: int = READ_AHEAD
    ) -> Iterator[ArticleFeatures | None]:
        """``features`` as they come; before each next ``every`` of them are handed on, the
        state may read their band keys and terms in bulk (:meth:`prefetch`)."""
        it = iter(features)
        self.placement.start_batch()
        try:
            while chunk := list(islice(it, every)):
                self.prefetch([f for f in chunk if f is not None])
                yield from chunk
        finally:
            self.placement.end_batch()

    def prefetch(self, features: Sequence[ArticleFeatures]) -> None:
        """Let the state read ahead the band keys and terms of the articles about to come."""
        least = self.params.copy_min_shingles
        keys = [k for f in features if f.shingle_count >= least for k in f.band_keys]
        self.state.prefetch(keys, {t for f in features for t in f.terms})

    def assign(self, doc: ArticleDoc, features: ArticleFeatures | None = None) -> Assignment:
        """Place one article: as a copy of an earlier one, into an active story, or new."""
        f = features if features is not None else self.features(doc)
        original = self.copies.find_original(f)
        if original is not None:
            assignment = self.copies.place(doc, *original)
        else:
            assignment = self._cluster(doc, f)
        self.state.put_article(
            ArticleRecord(
                article_id=doc.article_id,
                story_id=assignment.story_id,
                event_time=assignment.event_time,
                seen_at=doc.seen_at,
                copy_of=assignment.copy_of,
                shingles=f.shingles,
            )
        )
        if f.shingle_count >= self.params.copy_min_shingles:
            # Too-short texts are never confirmed as copies, so they need no index entries.
            self.state.add_bands(doc.article_id, f.band_keys)
        return assignment

    def vectorize(
        self, doc: ArticleDoc, features: ArticleFeatures | None = None
    ) -> tuple[Fields, ArticleSignals]:
        """TF-IDF fields and scorer signals of the article; its terms join the online DF."""
        f = features if features is not None else self.features(doc)
        df = self.state.term_dfs(f.terms)
        docs = self.state.doc_count() + 1
        fields = weigh_terms(f.terms, f.tf, f.priors, df, docs)
        self.state.add_df(f.terms)
        fields.update(f.extra)
        return fields, f.signals

    def shortlist(
        self,
        fields: Fields,
        stories: Sequence[StorySummary],
        features: ArticleFeatures | None = None,
    ) -> list[StorySummary]:
        """:meth:`.Placement.shortlist`: the best cheap text scores, ties by story id."""
        return self.placement.shortlist(fields, stories, features)

    def pair_features(
        self, fields: Fields, signals: ArticleSignals, moment: datetime, story: StorySummary
    ) -> npt.NDArray[np.float64]:
        """The scorer's feature vector of (article, story) (:meth:`.Placement.pair_features`)."""
        return self.placement.pair_features(fields, signals, moment, story)

    def candidates(self, moment: datetime, window: timedelta | None = None) -> list[StorySummary]:
        """Stories an article at ``moment`` may join (:meth:`.Placement.candidates`)."""
        return self.placement.candidates(moment, window)

    def absorb(self, story: StorySummary, fields: Fields, moment: datetime) -> StorySummary:
        """The story with the article added."""
        grouped = merge_grouped(
            story.raw_fields,
            with_core(story.raw_fields, fields),
            self.params.centroid_terms_per_field,
        )
        span = (min(story.first_event_time, moment), max(story.last_event_time, moment))
        return summary_from(story.story_id, span, story.size + 1, grouped, story)

    def found(self, story_id: str, fields: Fields, moment: datetime) -> StorySummary:
        """A new story holding only the article."""
        cap = self.params.centroid_terms_per_field
        grouped = merge_grouped({}, with_core({}, fields), cap)
        return summary_from(story_id, (moment, moment), 1, grouped)

    def _cluster(self, doc: ArticleDoc, features: ArticleFeatures) -> Assignment:
        moment = event_time_of(doc, self.params.max_backdate)
        fields, signals = self.vectorize(doc, features)
        placement = self.placement
        best = None if FLAG in fields else placement.best_story(fields, signals, moment, features)
        if best is not None and best[2]:
            story, score, _ = best
            placement.put_story(self.absorb(story, fields, moment))
            return Assignment(story.story_id, None, False, moment, score)
        late = None if FLAG in fields else placement.late_story(fields, signals, moment, features)
        if late is not None:
            story, score = late
            placement.put_story(self.absorb(story, fields, moment))
            return Assignment(story.story_id, None, False, moment, score)
        story_id = story_id_for(doc.article_id)
        placement.put_story(self.found(story_id, fields, moment))
        similarity = best[1] if best is not None else 0.0
        return Assignment(story_id, None, True, moment, similarity)
