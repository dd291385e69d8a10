"""Pure vector maths of the stories engine: TF-IDF field vectors, their cosines with a
story centroid, and the capped centroid merge (no state, no I/O).

A field vector maps prefixed terms (``t:`` title words, ``b:`` body words, ``e:`` names and
numbers, and the signal fields of :mod:`~.story_signals`) to weights; :data:`Fields` groups
an article's or a story's terms by prefix, :data:`Centroid` is a story's terms flattened in
term order.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Iterable, Mapping, Sequence
from operator import itemgetter, mul
from typing import TYPE_CHECKING

from monitor.projections.article_features import prior_df, sublinear_tf
from monitor.projections.story_signals import (
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
    ORIGINALS,
    PLACE,
    SITE,
    TITLE_PLACE,
)
from monitor.text.priors import PRIOR_DOCS
from monitor.text.terms import BODY, ENTITY, TITLE, field_of

if TYPE_CHECKING:
    from monitor.projections.cluster_values import StorySummary

Centroid = tuple[tuple[str, float], ...]
Fields = dict[str, dict[str, float]]


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
