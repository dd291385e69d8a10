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
   document frequencies kept online in the state. It joins the best active story whose
   weighted cosine to the story centroid, minus a penalty per day of time gap, clears a
   threshold; otherwise it starts a story. Centroids are capped per field so a story's
   summary stays small however many write-ups it gathers; stories idle longer than the
   idle window are not offered to new write-ups at all.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from functools import cached_property
from typing import Protocol

import numpy as np
import numpy.typing as npt

from monitor.text.fingerprint import containment, fingerprint, shingles_from_bytes
from monitor.text.terms import BODY, ENTITY, FIELDS, TITLE, field_of, term_counts

Centroid = tuple[tuple[str, float], ...]
Fields = dict[str, dict[str, float]]


@dataclass(frozen=True)
class ArticleDoc:
    """One article as the stories projection hands it to the engine."""

    article_id: str
    source: str
    title: str
    text: str
    published_at: datetime | None
    seen_at: datetime


@dataclass(frozen=True)
class Assignment:
    """Where an article went: its story, the original it copies, and the time used."""

    story_id: str
    copy_of: str | None
    is_new_story: bool
    event_time: datetime
    similarity: float
    displaced: str | None = None
    """The former original this article took over from (it and its copies now copy this one)."""


@dataclass(frozen=True)
class ArticleRecord:
    """What the state keeps per article: enough to confirm copies and follow them home."""

    article_id: str
    story_id: str
    event_time: datetime
    seen_at: datetime
    copy_of: str | None
    shingles: bytes


@dataclass(frozen=True)
class StorySummary:
    """A story as the engine sees it: time span, size and a capped TF-IDF centroid."""

    story_id: str
    first_event_time: datetime
    last_event_time: datetime
    size: int
    centroid: Centroid

    @cached_property
    def unit_fields(self) -> Fields:
        """The centroid split by field, each part scaled to unit length (derived, cached)."""
        return split_fields(dict(self.centroid))


@dataclass(frozen=True)
class ClusterParams:
    """Tuning of the engine; defaults were chosen on tests/data/stories (see bench/stories.py).

    - ``copy_containment``: share of the smaller text's 5-word shingles that must occur in
      the other. Re-posts and trimmed syndication score 0.9-1.0; separate write-ups of one
      event, even quoting the same statement, stay below 0.3. 0.6 sits well between.
    - ``copy_min_shingles``: texts shorter than this are never called copies (a one-line
      brief is contained in too many articles).
    - ``max_copy_candidates``: LSH candidates verified per article, most band hits first.
    - ``field_weights``: weight of the title, body and entity cosines in the score.
    - ``join_threshold``: minimum time-penalised score to join an existing story.
    - ``gap_penalty_per_day``: subtracted per day between the article and the story span,
      so next week's similar event (a second launch, the next briefing) starts a story.
    - ``idle_window``: a story whose span is further than this from the article is neither
      fetched nor joined (copies still reach it through their original).
    - ``centroid_terms_per_field``: cap on centroid terms per field (bounded summaries).
    - ``max_backdate``: a claimed ``published_at`` earlier than ``seen_at`` by at most this
      much is trusted as the event time; a later or much earlier claim is ignored.
    - ``same_sighting``: an article seen at most this long after the original it copies, but
      claiming an earlier publication, becomes the original (arrival order within one poll
      is an accident); a copy seen later than this never takes over, whatever it claims.
    """

    copy_containment: float = 0.6
    copy_min_shingles: int = 20
    max_copy_candidates: int = 24
    field_weights: tuple[float, float, float] = (0.2, 0.4, 0.4)
    join_threshold: float = 0.07
    gap_penalty_per_day: float = 0.05
    idle_window: timedelta = timedelta(days=3)
    centroid_terms_per_field: int = 40
    max_backdate: timedelta = timedelta(days=7)
    same_sighting: timedelta = timedelta(hours=1)


def top_candidates(counts: Mapping[str, int], limit: int) -> list[tuple[str, int]]:
    """The `limit` entries with the highest counts, ties broken by id (deterministic)."""
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]


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

    def doc_count(self) -> int:
        """Documents counted by :meth:`add_df` so far."""
        ...


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

    def add_df(self, terms: Sequence[str]) -> None:
        """Count one more document containing each of ``terms``."""
        for term in terms:
            self.df[term] = self.df.get(term, 0) + 1
        self.docs += 1

    def doc_count(self) -> int:
        """Documents counted so far."""
        return self.docs


def story_id_for(article_id: str) -> str:
    """Deterministic id of the story an article founds."""
    return f"s-{article_id}"


def event_time_of(doc: ArticleDoc, max_backdate: timedelta) -> datetime:
    """The claimed date when it is plausibly earlier than first sight, else first sight."""
    claimed = doc.published_at
    if claimed is not None and doc.seen_at - max_backdate <= claimed <= doc.seen_at:
        return claimed
    return doc.seen_at


def split_fields(vector: Mapping[str, float]) -> Fields:
    """Split a term vector by field prefix and scale each part to unit length."""
    parts: dict[str, dict[str, float]] = {}
    for term, weight in sorted(vector.items()):
        parts.setdefault(field_of(term), {})[term] = weight
    for part in parts.values():
        norm = math.sqrt(sum(w * w for w in part.values()))
        for term in part:
            part[term] /= norm
    return parts


def tfidf_fields(counts: Mapping[str, int], df: Mapping[str, int], docs: int) -> Fields:
    """Sublinear TF-IDF per field, each scaled to unit length; ``docs`` includes this one."""
    weights = {
        term: (1.0 + math.log(tf)) * (math.log((docs + 1) / (df.get(term, 0) + 2)) + 1.0)
        for term, tf in counts.items()
    }
    return split_fields(weights)


def field_cosines(
    fields: Mapping[str, Mapping[str, float]], story: StorySummary
) -> dict[str, float]:
    """Cosine per field between an article's unit field vectors and a story centroid."""
    cosines: dict[str, float] = {}
    for prefix, theirs in story.unit_fields.items():
        mine = fields.get(prefix)
        if mine:
            # Sorted so the float sum, hence every tie, is the same in every process.
            common = sorted(mine.keys() & theirs.keys())
            cosines[prefix] = sum(mine[t] * theirs[t] for t in common)
    return cosines


def merge_centroid(centroid: Centroid, fields: Fields, cap: int) -> Centroid:
    """Add an article's field vectors to a centroid, keeping each field's ``cap`` heaviest terms."""
    summed: dict[str, float] = dict(centroid)
    for part in fields.values():
        for term, weight in part.items():
            summed[term] = summed.get(term, 0.0) + weight
    kept: list[tuple[str, float]] = []
    for prefix in FIELDS:
        in_field = [(t, w) for t, w in summed.items() if t.startswith(prefix)]
        kept.extend(sorted(in_field, key=lambda tw: (-tw[1], tw[0]))[:cap])
    return tuple(sorted(kept))


def time_gap(moment: datetime, story: StorySummary) -> timedelta:
    """Distance from ``moment`` to the story's span (zero inside it)."""
    if moment < story.first_event_time:
        return story.first_event_time - moment
    if moment > story.last_event_time:
        return moment - story.last_event_time
    return timedelta(0)


class ClusterEngine:
    """Assigns articles, in log order, to stories; all memory lives in the state."""

    def __init__(self, state: ClusterState, params: ClusterParams = ClusterParams()) -> None:
        self.state = state
        self.params = params

    def assign(self, doc: ArticleDoc) -> Assignment:
        """Place one article: as a copy of an earlier one, into an active story, or new."""
        fp = fingerprint(doc.text)
        shingle_blob = fp.to_bytes()
        original = self._find_original(fp.shingles, fp.band_keys)
        if original is not None:
            record, score = original
            if self._precedes(doc, record):
                assignment = self._take_over(doc, record, score)
            else:
                assignment = self._join_as_copy(doc, record, score)
        else:
            assignment = self._cluster(doc)
        self.state.put_article(
            ArticleRecord(
                article_id=doc.article_id,
                story_id=assignment.story_id,
                event_time=assignment.event_time,
                seen_at=doc.seen_at,
                copy_of=assignment.copy_of,
                shingles=shingle_blob,
            )
        )
        if fp.shingles.size >= self.params.copy_min_shingles:
            # Too-short texts are never confirmed as copies, so they need no index entries.
            self.state.add_bands(doc.article_id, fp.band_keys)
        return assignment

    # -- copies -------------------------------------------------------------------------

    def _find_original(
        self, mine: npt.NDArray[np.uint32], keys: Sequence[int]
    ) -> tuple[ArticleRecord, float] | None:
        """The earliest-seen original among LSH candidates confirmed by containment."""
        if mine.size < self.params.copy_min_shingles:
            return None
        ranked = self.state.candidates_by_bands(keys, self.params.max_copy_candidates)
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
            root = self._root_of(candidate)
            rank = (root.seen_at, root.article_id)
            if best is None or rank < best[0]:
                best = (rank, root, score)
        return None if best is None else (best[1], best[2])

    def _root_of(self, record: ArticleRecord) -> ArticleRecord:
        """Follow ``copy_of`` to the original (longer only after a take-over)."""
        seen = {record.article_id}
        while record.copy_of is not None and record.copy_of not in seen:
            parent = self.state.get_article(record.copy_of)
            if parent is None:
                break
            seen.add(parent.article_id)
            record = parent
        return record

    def _precedes(self, doc: ArticleDoc, original: ArticleRecord) -> bool:
        """True when ``doc``, seen moments after ``original``, claims an earlier publication."""
        if doc.seen_at - original.seen_at > self.params.same_sighting:
            return False
        return event_time_of(doc, self.params.max_backdate) < original.event_time

    def _take_over(self, doc: ArticleDoc, original: ArticleRecord, score: float) -> Assignment:
        """``doc`` becomes the original of ``original``'s story; the old one its copy."""
        moment = event_time_of(doc, self.params.max_backdate)
        self.state.put_article(replace(original, copy_of=doc.article_id, event_time=moment))
        story = self.state.get_story(original.story_id)
        if story is not None:
            first = min(story.first_event_time, moment)
            self.state.put_story(replace(story, size=story.size + 1, first_event_time=first))
        return Assignment(
            story_id=original.story_id,
            copy_of=None,
            is_new_story=False,
            event_time=moment,
            similarity=score,
            displaced=original.article_id,
        )

    def _join_as_copy(self, doc: ArticleDoc, original: ArticleRecord, score: float) -> Assignment:
        story = self.state.get_story(original.story_id)
        if story is not None:
            self.state.put_story(replace(story, size=story.size + 1))
        return Assignment(
            story_id=original.story_id,
            copy_of=original.article_id,
            is_new_story=False,
            event_time=original.event_time,
            similarity=score,
        )

    # -- events -------------------------------------------------------------------------

    def _vectorize(self, doc: ArticleDoc) -> Fields:
        """TF-IDF field vectors of the article; its terms are counted into the online DF."""
        counts = term_counts(doc.title, doc.text)
        terms = sorted(counts)
        df = self.state.term_df(terms)
        docs = self.state.doc_count() + 1
        fields = tfidf_fields(counts, df, docs)
        self.state.add_df(terms)
        return fields

    def score(self, fields: Fields, moment: datetime, story: StorySummary) -> float:
        """Weighted field cosine minus the time-gap penalty (``-inf`` outside the window)."""
        gap = time_gap(moment, story)
        if gap > self.params.idle_window:
            return -math.inf
        cosines = field_cosines(fields, story)
        text_score = sum(
            weight * cosines.get(prefix, 0.0)
            for prefix, weight in zip((TITLE, BODY, ENTITY), self.params.field_weights, strict=True)
        )
        return text_score - self.params.gap_penalty_per_day * gap / timedelta(days=1)

    def _best_story(self, fields: Fields, moment: datetime) -> tuple[StorySummary, float] | None:
        best: tuple[StorySummary, float] | None = None
        for story in self.state.active_stories(moment - self.params.idle_window):
            score = self.score(fields, moment, story)
            if best is None or score > best[1]:
                best = (story, score)  # stories come ordered by id, so ties go to the first
        return best

    def _cluster(self, doc: ArticleDoc) -> Assignment:
        moment = event_time_of(doc, self.params.max_backdate)
        fields = self._vectorize(doc)
        best = self._best_story(fields, moment)
        cap = self.params.centroid_terms_per_field
        if best is not None and best[1] >= self.params.join_threshold:
            story, score = best
            self.state.put_story(
                StorySummary(
                    story_id=story.story_id,
                    first_event_time=min(story.first_event_time, moment),
                    last_event_time=max(story.last_event_time, moment),
                    size=story.size + 1,
                    centroid=merge_centroid(story.centroid, fields, cap),
                )
            )
            return Assignment(story.story_id, None, False, moment, score)
        story_id = story_id_for(doc.article_id)
        self.state.put_story(
            StorySummary(story_id, moment, moment, 1, merge_centroid((), fields, cap))
        )
        similarity = max(best[1], 0.0) if best is not None else 0.0
        return Assignment(story_id, None, True, moment, similarity)
