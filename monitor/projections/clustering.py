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
   nothing nearer, by the late follow-up route (:func:`~.story_scorer.late_route`: the
   arrests, the burials days after the incident, at its city or with its founding names).
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from functools import cached_property
from itertools import islice
from operator import itemgetter, mul
from typing import Protocol, runtime_checkable

import numpy as np
import numpy.typing as npt

from monitor.projections.article_features import (
    ArticleFeatures,
    article_features,
    prior_df,
    sublinear_tf,
)
from monitor.projections.candidates import CandidatePool
from monitor.projections.shortlist import TermArrays, sorted_arrays, term_arrays, text_scores
from monitor.projections.story_scorer import (
    ACTOR,
    CORE_BODY,
    CORE_KEY,
    CORE_PLACE,
    CORE_SIZE,
    CORE_TITLE_PLACE,
    CROSS_BODY,
    CROSS_TITLE,
    DATELINE,
    EVENT_DAY,
    FLAG,
    HEADLINE,
    KEY,
    KIND,
    MEMBERS,
    NAMES_KNOWN,
    NUMBER,
    OPINION_FLAG,
    ORIGINALS,
    PLACE,
    SITE,
    TITLE_PLACE,
    ArticleSignals,
    StoryModel,
    StorySignals,
    default_model,
    disagrees,
    features,
    late_route,
    second_chance,
    story_signals,
)
from monitor.text.fingerprint import containment, shingles_from_bytes
from monitor.text.priors import PRIOR_DOCS
from monitor.text.terms import BODY, ENTITY, TITLE, field_of

Centroid = tuple[tuple[str, float], ...]
READ_AHEAD = 128
"""Articles whose band keys and terms the state is told about at once (:meth:`ClusterEngine.prefetch`)."""
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
    link: str | None = None
    """The article's link (read only to tell an opinion section)."""


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
    def raw_fields(self) -> Fields:
        """The centroid split by field, weights as summed (derived, cached)."""
        return group_fields(self.centroid)

    @cached_property
    def unit_fields(self) -> Fields:
        """The centroid split by field, each part scaled to unit length (derived, cached)."""
        return unit_parts(self.raw_fields)

    @cached_property
    def signals(self) -> StorySignals:
        """Key names, names, numbers and event kinds of the story (derived, cached)."""
        # The summed key-name weights are the raw KEY field: no need to copy the centroid.
        return story_signals(self.unit_fields, self.raw_fields.get(KEY))

    @cached_property
    def term_arrays(self) -> TermArrays:
        """Hashed title/body/entity terms for the vectorised shortlist (derived, cached)."""
        return term_arrays(self.unit_fields)

    @cached_property
    def is_opinion(self) -> bool:
        """Founded by an opinion piece: never offered to other articles."""
        return OPINION_FLAG in self.unit_fields.get(FLAG, ())

    @cached_property
    def as_body(self) -> tuple[dict[str, float], dict[str, float]]:
        """The unit headline words and core body words keyed as body terms, to be looked up
        in an article's body vector (derived, cached)."""
        unit = self.unit_fields
        return _as_body(unit.get(TITLE)), _as_body(unit.get(CORE_BODY))


def _as_body(part: Mapping[str, float] | None) -> dict[str, float]:
    return {BODY + t[2:]: w for t, w in part.items()} if part else {}


@dataclass(frozen=True)
class ClusterParams:
    """Tuning of the engine; defaults were chosen on tests/data/stories (see bench/stories.py).

    - ``copy_containment``: share of the smaller text's 5-word shingles that must occur in
      the other. Re-posts and trimmed syndication score 0.9-1.0; separate write-ups of one
      event, even quoting the same statement, stay below 0.3. 0.6 sits well between.
    - ``copy_min_shingles``: texts shorter than this are never called copies (a one-line
      brief is contained in too many articles).
    - ``max_copy_candidates``: LSH candidates verified per article, most band hits first.
    - ``prefilter_weights``: weight of the title, body and entity cosines in the cheap score
      that shortlists candidate stories for the fitted scorer.
    - ``shortlist``: candidates scored by the model, best cheap scores first.
    - ``model``: the fitted pair scorer (:mod:`monitor.projections.story_scorer`); an
      article joins the most probable candidate when its probability reaches the threshold,
      or gets its second chance (:func:`~.story_scorer.second_chance`).
    - ``idle_window``: a story whose span is further than this from the article is neither
      fetched nor joined by the model (copies still reach it through their original).
    - ``late_window``: a story idle longer than ``idle_window`` but at most this is still
      offered to an article that joined nothing nearer, and taken only by the late
      follow-up route (:func:`~.story_scorer.late_route`: a later phase of the story's
      incident at its own city or with its founding names, days on). No longer than
      ``idle_window``: no late route.
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
    prefilter_weights: tuple[float, float, float] = (0.2, 0.4, 0.4)
    shortlist: int = 8
    model: StoryModel = field(default_factory=default_model)
    idle_window: timedelta = timedelta(days=3)
    late_window: timedelta = timedelta(days=10)
    centroid_terms_per_field: int = 40
    max_backdate: timedelta = timedelta(days=7)
    same_sighting: timedelta = timedelta(hours=1)


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
    return unit_parts(group_fields((term, vector[term]) for term in sorted(vector)))


def group_fields(pairs: Iterable[tuple[str, float]]) -> Fields:
    """(term, weight) pairs, in term order, grouped by field prefix (in that order too)."""
    parts: dict[str, dict[str, float]] = {}
    current, part = "", {}
    for term, weight in pairs:
        if not term.startswith(current) or not current:  # a new field: terms are in order
            current = field_of(term)
            part = parts.setdefault(current, {})
        part[term] = weight
    return parts


def unit_parts(parts: Fields) -> Fields:
    """Each part (terms in term order) scaled to unit length."""
    scaled: Fields = {}
    for prefix, part in parts.items():
        weights = part.values()
        # Summed left to right in term order, as ever: the norm (hence every tie) is stable.
        norm = math.sqrt(sum(map(mul, weights, weights)))
        scaled[prefix] = {term: weight / norm for term, weight in part.items()}
    return scaled


def tfidf_fields(counts: Mapping[str, int], df: Mapping[str, int], docs: int) -> Fields:
    """Sublinear TF-IDF per field, each scaled to unit length; ``docs`` includes this one.

    Document frequencies start from the language prior (:mod:`monitor.text.priors`):
    ``PRIOR_DOCS`` pseudo-documents are counted before the real ones, so the first
    articles of an empty database weigh "said" and "government" as common words.
    """
    terms = sorted(counts)
    tf = [sublinear_tf(counts[t]) for t in terms]
    known = [df.get(t, 0) for t in terms]
    return weigh_terms(terms, tf, [prior_df(t) for t in terms], known, docs)


def weigh_terms(
    terms: Sequence[str],
    tf: Sequence[float],
    priors: Sequence[float],
    df: Sequence[int],
    docs: int,
) -> Fields:
    """:func:`tfidf_fields` of terms in term order, with their sub-linear term frequencies,
    prior and stored document frequencies already looked up (:mod:`~.article_features`)."""
    total = docs + PRIOR_DOCS + 1
    log = math.log
    weights = [
        sub * (log(total / (n + prior + 1)) + 1.0)
        for sub, n, prior in zip(tf, df, priors, strict=True)
    ]
    # group_fields, by slices: in term order each field's terms follow one another.
    grouped: Fields = {}
    start = 0
    while start < len(terms):
        prefix = terms[start][:2]
        end = bisect_left(terms, prefix[0] + chr(ord(prefix[1]) + 1), start)
        grouped[prefix] = dict(zip(terms[start:end], weights[start:end], strict=True))
        start = end
    return unit_parts(grouped)


def field_cosines(
    fields: Mapping[str, Mapping[str, float]], story: StorySummary
) -> dict[str, float]:
    """Cosine per field between an article's unit field vectors and a story centroid."""
    cosines: dict[str, float] = {}
    unit = story.unit_fields
    for prefix in (TITLE, BODY, ENTITY):
        mine, theirs = fields.get(prefix), unit.get(prefix)
        if mine and theirs:
            cosines[prefix] = _dot(mine, theirs)
    cosines[NAMES_KNOWN] = known_share(fields.get(ENTITY), unit.get(ENTITY))
    cosines[CROSS_TITLE] = _cross(fields.get(TITLE), unit.get(BODY))
    titles, core = story.as_body
    body = fields.get(BODY)
    cosines[CROSS_BODY] = _dot(titles, body)  # = _cross(story's headline words, article's body)
    cosines[CORE_BODY] = _dot(core, body)  # the article's body with the story core's
    return cosines


def known_share(mine: Mapping[str, float] | None, theirs: Mapping[str, float] | None) -> float:
    """The weighted share of ``mine``'s terms that ``theirs`` holds (0 when either is
    empty): each term counts its weight, so an article's rare names count most, and the
    story's own weights do not matter (its growing mass does not dilute the share)."""
    if not mine or not theirs:
        return 0.0
    total = math.fsum(mine.values())
    if total <= 0.0:
        return 0.0
    return math.fsum([mine[t] for t in mine.keys() & theirs.keys()]) / total


def _dot(a: Mapping[str, float] | None, b: Mapping[str, float] | None) -> float:
    """Dot product of two term vectors, exactly rounded (:func:`math.fsum`): the result,
    hence every tie, never depends on the order the shared terms are visited in, and the
    terms one side lacks add nothing, so only the shared ones are visited."""
    if not a or not b:
        return 0.0
    return math.fsum([a[t] * b[t] for t in a.keys() & b.keys()])


def core_fields(fields: Fields) -> Fields:
    """What an article adds to its story's core: its body words, key names and places
    (headline and lead, and headline alone), re-prefixed."""
    return {
        CORE_BODY: {CORE_BODY + t[2:]: w for t, w in fields.get(BODY, {}).items()},
        CORE_KEY: {CORE_KEY + t[2:]: w for t, w in fields.get(KEY, {}).items()},
        CORE_PLACE: {CORE_PLACE + t[2:]: w for t, w in fields.get(PLACE, {}).items()},
        CORE_TITLE_PLACE: {
            CORE_TITLE_PLACE + t[2:]: w for t, w in fields.get(TITLE_PLACE, {}).items()
        },
        MEMBERS: {ORIGINALS: 1.0},
    }


def with_core(story_fields: Fields, fields: Fields) -> Fields:
    """The article's fields plus its core share while the story's core is not yet full
    (``story_fields``: the story's centroid grouped by field, :func:`group_fields`)."""
    originals = story_fields.get(MEMBERS, {}).get(ORIGINALS, 0.0)
    if originals >= CORE_SIZE:
        return fields
    return {**fields, **core_fields(fields)}


def _cross(titles: Mapping[str, float] | None, body: Mapping[str, float] | None) -> float:
    """Cosine of headline words (as body terms) with a body vector: a headline's subject
    told in the other side's prose ("Behind the rail walkout" against a strike report)."""
    if not titles or not body:
        return 0.0
    return _dot({BODY + t[2:]: w for t, w in titles.items()}, body)


CENTROID_FIELDS = (
    TITLE,
    BODY,
    ENTITY,
    KEY,
    HEADLINE,
    KIND,
    NUMBER,
    FLAG,
    CORE_BODY,
    CORE_KEY,
    MEMBERS,
    PLACE,
    CORE_PLACE,
    CORE_TITLE_PLACE,
    TITLE_PLACE,
    ACTOR,
    DATELINE,
    EVENT_DAY,
    SITE,
)
"""Fields a centroid keeps: the TF-IDF fields, key names, event kinds, numbers and flags."""
_SORTED_FIELDS = tuple(sorted(CENTROID_FIELDS))


def merge_centroid(centroid: Centroid, fields: Fields, cap: int) -> Centroid:
    """Add an article's field vectors to a centroid, keeping each field's ``cap`` heaviest terms."""
    return merge_fields(group_fields(centroid), fields, cap)


def merge_fields(grouped: Fields, fields: Fields, cap: int) -> Centroid:
    """:func:`merge_centroid` of the centroid grouped by field (:func:`group_fields`).

    ``fields`` is keyed by field prefix, as every field vector is (each term starts with
    its key), so the sums are taken field by field; ``grouped`` is not modified.
    """
    return flatten(merge_grouped(grouped, fields, cap))


def merge_grouped(grouped: Fields, fields: Fields, cap: int) -> Fields:
    """:func:`merge_fields` still grouped by field: ``group_fields`` of the merged centroid.

    A field the article does not touch is the very same dict as in ``grouped`` (never
    modified by anyone), so what was derived from it can be kept.
    """
    merged: Fields = {}
    for prefix in _SORTED_FIELDS:
        mine, theirs = fields.get(prefix), grouped.get(prefix)
        if mine:
            summed = dict(theirs) if theirs else {}
            get = summed.get
            for term, weight in mine.items():
                summed[term] = get(term, 0.0) + weight
            in_field = list(summed.items())
        elif theirs:
            if len(theirs) <= cap:
                merged[prefix] = theirs  # unchanged: already capped and in term order
                continue
            in_field = list(theirs.items())
        else:
            continue
        if len(in_field) > cap:
            # Heaviest first, ties by term: sorted by term, then stably by weight descending
            # (the order of the (-weight, term) key, in two C-level sorts).
            in_field.sort()
            in_field.sort(key=itemgetter(1), reverse=True)
            in_field = in_field[:cap]
        merged[prefix] = dict(sorted(in_field))
    return merged


def flatten(grouped: Fields) -> Centroid:
    """The centroid of fields grouped in prefix order, each in term order.

    Every term starts with its field's prefix (all of one length), so the fields in prefix
    order, each sorted, are the whole centroid sorted by term.
    """
    return tuple(pair for part in grouped.values() for pair in part.items())


def summary_from(
    story_id: str,
    span: tuple[datetime, datetime],
    size: int,
    grouped: Fields,
    before: StorySummary | None = None,
) -> StorySummary:
    """The summary of a centroid grouped by field (:func:`merge_grouped`), its derived
    field split filled in at once: unit vectors of the fields unchanged since ``before``
    (the same dicts) are ``before``'s own, the others are scaled anew."""
    story = StorySummary(story_id, span[0], span[1], size, flatten(grouped))
    known = before.__dict__.get("unit_fields") if before is not None else None
    if known is None or before is None:
        unit = unit_parts(grouped)
    else:
        old = before.raw_fields
        unit = {
            prefix: known[prefix] if old.get(prefix) is part else unit_parts({prefix: part})[prefix]
            for prefix, part in grouped.items()
        }
    # Equal to what the cached properties would compute from the centroid.
    story.__dict__["raw_fields"] = grouped
    story.__dict__["unit_fields"] = unit
    return story


def time_gap(moment: datetime, story: StorySummary) -> timedelta:
    """Distance from ``moment`` to the story's span (zero inside it)."""
    if moment < story.first_event_time:
        return story.first_event_time - moment
    if moment > story.last_event_time:
        return moment - story.last_event_time
    return timedelta(0)


class ClusterEngine:
    """Assigns articles, in log order, to stories; all memory lives in the state."""

    def __init__(self, state: ClusterState, params: ClusterParams | None = None) -> None:
        self.state = state
        self.params = params if params is not None else ClusterParams()
        # The active stories as arrays (:mod:`~.candidates`): kept by a state that can
        # keep them across batches (:class:`PoolKeeper`), else while a batch is read ahead
        # (the engine is then the state's only writer).
        self._pool: CandidatePool | None = None
        self._pooling = False

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
        self._pooling = True
        self._pool = self.state.kept_pool() if isinstance(self.state, PoolKeeper) else None
        try:
            while chunk := list(islice(it, every)):
                self.prefetch([f for f in chunk if f is not None])
                yield from chunk
        finally:
            self._pooling = False
            self._pool = None

    def prefetch(self, features: Sequence[ArticleFeatures]) -> None:
        """Let the state read ahead the band keys and terms of the articles about to come."""
        least = self.params.copy_min_shingles
        keys = [k for f in features if f.shingle_count >= least for k in f.band_keys]
        self.state.prefetch(keys, {t for f in features for t in f.terms})

    def assign(self, doc: ArticleDoc, features: ArticleFeatures | None = None) -> Assignment:
        """Place one article: as a copy of an earlier one, into an active story, or new."""
        f = features if features is not None else self.features(doc)
        original = self._find_original(f)
        if original is not None:
            record, score = original
            if self._precedes(doc, record):
                assignment = self._take_over(doc, record, score)
            else:
                assignment = self._join_as_copy(doc, record, score)
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

    # -- copies -------------------------------------------------------------------------

    def _find_original(self, features: ArticleFeatures) -> tuple[ArticleRecord, float] | None:
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
            self._put_story(replace(story, size=story.size + 1, first_event_time=first))
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
            self._put_story(replace(story, size=story.size + 1))
        return Assignment(
            story_id=original.story_id,
            copy_of=original.article_id,
            is_new_story=False,
            event_time=original.event_time,
            similarity=score,
        )

    # -- events -------------------------------------------------------------------------

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

    def _put_story(self, story: StorySummary) -> None:
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

    def _late_story(
        self,
        fields: Fields,
        signals: ArticleSignals,
        moment: datetime,
        features: ArticleFeatures | None,
    ) -> tuple[StorySummary, float] | None:
        """The story idle past the idle window (within the late window) the article joins
        by :func:`~.story_scorer.late_route`, the most probable such one (ties by id)."""
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

    def _best_story(
        self,
        fields: Fields,
        signals: ArticleSignals,
        moment: datetime,
        features: ArticleFeatures | None = None,
    ) -> tuple[StorySummary, float, bool] | None:
        """The most probable candidate, its probability, and whether it joins (above the
        threshold, or given a :func:`~.story_scorer.second_chance`)."""
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
        best = None if FLAG in fields else self._best_story(fields, signals, moment, features)
        if best is not None and best[2]:
            story, score, _ = best
            self._put_story(self.absorb(story, fields, moment))
            return Assignment(story.story_id, None, False, moment, score)
        late = None if FLAG in fields else self._late_story(fields, signals, moment, features)
        if late is not None:
            story, score = late
            self._put_story(self.absorb(story, fields, moment))
            return Assignment(story.story_id, None, False, moment, score)
        story_id = story_id_for(doc.article_id)
        self._put_story(self.found(story_id, fields, moment))
        similarity = best[1] if best is not None else 0.0
        return Assignment(story_id, None, True, moment, similarity)
