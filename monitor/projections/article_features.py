"""What the story engine derives from an article's own text, computed once and ahead of time.

Everything here is a pure function of the article (title, text, outlet): its shingles and
LSH band keys, its terms in term order with their sub-linear term frequencies, language
priors and shortlist hashes, and the scorer's signals (key names, headline names, event
kinds, counts, places, actors, the opinion flag). None of it depends on the cluster state,
so a batch's articles can be prepared together, in any order and in any process
(:func:`monitor.projections.parallel.ordered_map`), before the engine folds them one by
one in log order: the engine then only looks up document frequencies, weighs, compares
and writes. The values are exactly those the engine computed inline before, so where
they are computed never changes an assignment.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import numpy.typing as npt

from monitor.projections.parallel import ordered_iter
from monitor.projections.shortlist import term_hash
from monitor.projections.story_scorer import (
    ACTOR,
    DATELINE,
    EVENT_DAY,
    FLAG,
    HEADLINE,
    KEY,
    KIND,
    MIN_FULL_NAMES,
    NUMBER,
    OPINION_FLAG,
    PLACE,
    SITE,
    TITLE_PLACE,
    ArticleSignals,
    full_names,
)
from monitor.text.entities import event_numbers, key_names, lead
from monitor.text.event_day import event_day
from monitor.text.event_types import event_kinds
from monitor.text.fingerprint import fingerprint
from monitor.text.genre import is_opinion
from monitor.text.places import actors, mentions
from monitor.text.priors import PRIOR_DOCS, term_probability
from monitor.text.target_site import target_sites
from monitor.text.terms import ENTITY, is_title_case, term_counts

Fields = dict[str, dict[str, float]]


@dataclass(frozen=True)
class ArticleFeatures:
    """The state-free part of one article's placement (see the module docstring)."""

    shingles: bytes
    """Sorted shingle hashes, little-endian uint32 (the stored copy fingerprint)."""
    shingle_count: int
    band_keys: tuple[int, ...]
    terms: tuple[str, ...]
    """Title, body and entity terms (:func:`monitor.text.terms.term_counts`), in term order."""
    tf: tuple[float, ...]
    """Sub-linear term frequency ``1 + log(tf)`` of each term."""
    priors: tuple[float, ...]
    """Prior pseudo-document frequency of each term (:func:`prior_df`)."""
    hashes: bytes
    """Shortlist hash of each term (:func:`monitor.projections.shortlist.term_hash`), as
    native uint64 (:attr:`hash_array`)."""
    signals: ArticleSignals
    extra: Fields
    """The non-TF-IDF fields of the centroid: key names, headline names, kinds, numbers,
    places, headline places, actors and (for an opinion piece) the opinion flag."""

    @property
    def hash_array(self) -> npt.NDArray[np.uint64]:
        """:attr:`hashes` as an array (a read-only view)."""
        return np.frombuffer(self.hashes, dtype=np.uint64)


@lru_cache(maxsize=1 << 15)  # bounded: the common vocabulary fits; rare terms are recomputed
def prior_df(term: str) -> float:
    """Pseudo-document frequency of a term among the prior's ``PRIOR_DOCS`` documents."""
    return PRIOR_DOCS * term_probability(term[2:].lstrip("#"))


@lru_cache(maxsize=1 << 10)
def sublinear_tf(tf: int) -> float:
    """``1 + log(tf)`` (cached: term frequencies are small integers)."""
    return 1.0 + math.log(tf)


def lead_full_names(title: str, first: str) -> frozenset[str]:
    """The full names (:func:`~.story_scorer.full_names`) of the headline and lead."""
    return full_names(t for t in term_counts(title, first) if t.startswith(ENTITY))


def article_features(
    title: str, text: str, source: str, link: str | None = None
) -> ArticleFeatures:
    """The features of one article (pure: the same text gives the same features anywhere);
    ``link`` only tells an opinion section (:func:`monitor.text.genre.opinion_link`)."""
    fp = fingerprint(text)
    raw = term_counts(title, text)
    terms = tuple(sorted(raw))
    title_keys = not is_title_case(title)
    keys = frozenset(key_names(title, text, source, not title_keys))
    first = lead(text)
    kinds = event_kinds(title, first)
    day = event_day(title, first)
    numbers = frozenset(event_numbers(text))
    where = mentions(title, text)
    # the lead's own full names matter only when a full-name conflict is possible
    names_all = full_names(t for t in terms if t.startswith(ENTITY))
    signals = ArticleSignals(
        keys=keys,
        title_keys=frozenset(key_names(title, "", source)) if title_keys else frozenset(),
        names=frozenset(
            t[2:] for t in terms if t.startswith(ENTITY) and " " not in t and t[2:3] != "#"
        ),
        numbers=numbers,
        kinds={k: float(v) for k, v in sorted(kinds.items())},
        places=where.places,
        actors=actors(keys, where.words),
        title_places=where.title_places,
        full_names=names_all,
        lead_full_names=lead_full_names(title, first)
        if len(names_all) >= MIN_FULL_NAMES
        else frozenset(),
        datelines=where.datelines,
        event_days=frozenset([day]) if day else frozenset(),
        sites=target_sites(title, first),
    )
    extra: Fields = {
        KEY: {KEY + k: 1.0 for k in sorted(signals.keys)},
        HEADLINE: {HEADLINE + k: 1.0 for k in sorted(signals.title_keys)},
        KIND: {KIND + k: v for k, v in signals.kinds.items()},
        NUMBER: {NUMBER + n: 1.0 for n in sorted(numbers)},
        PLACE: {PLACE + p: 1.0 for p in sorted(signals.places)},
        TITLE_PLACE: {TITLE_PLACE + p: 1.0 for p in sorted(signals.title_places)},
        ACTOR: {ACTOR + a: 1.0 for a in sorted(signals.actors)},
        DATELINE: {DATELINE + p: 1.0 for p in sorted(signals.datelines)},
        EVENT_DAY: {EVENT_DAY + d: 1.0 for d in sorted(signals.event_days)},
        SITE: {SITE + c: 1.0 for c in sorted(signals.sites)},
    }
    extra = {prefix: part for prefix, part in extra.items() if part}
    if is_opinion(title, text, link):
        extra[FLAG] = {OPINION_FLAG: 1.0}
    return ArticleFeatures(
        shingles=fp.to_bytes(),
        shingle_count=int(fp.shingles.size),
        band_keys=fp.band_keys,
        terms=terms,
        tf=tuple(map(sublinear_tf, [raw[t] for t in terms])),
        priors=tuple(map(prior_df, terms)),
        hashes=np.fromiter(map(term_hash, terms), dtype=np.uint64, count=len(terms)).tobytes(),
        signals=signals,
        extra=extra,
    )


Article = tuple[str, str, str, str | None]
"""An article as the features read it: title, text, source and link."""


def features_of(article: Article) -> ArticleFeatures:
    """:func:`article_features` of a (title, text, source, link) tuple (for a process pool)."""
    return article_features(*article)


def text_weight(article: Article) -> int:
    """The work of one article, in the pool's unit (about a byte of markup's extraction).
    Features cost more per byte than extraction (about 3.3 ms per KiB of text), but sending
    them back costs too: at 8 bytes per byte the pool took daemon and replay batches and
    doubled the replay's CPU, so the weight stays where the pool pays."""
    return 2 * len(article[1])


def batch_features(articles: Sequence[Article]) -> Iterator[ArticleFeatures]:
    """:func:`article_features` of each (title, text, source, link), in order, as they are ready:
    on the process pool when the batch is worth it
    (:func:`monitor.projections.parallel.ordered_iter`), else each when asked for."""
    return ordered_iter(features_of, articles, weight=text_weight)
