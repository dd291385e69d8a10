"""Shortlisting candidate stories with one vectorised pass instead of a loop over stories.

Every active story is a candidate for a new article; scoring each with Python dict
intersections costs milliseconds when hundreds are active. Here every story's title,
body and entity centroid terms are kept (cached per summary) as sorted 64-bit stable
hashes with their unit weights; for an article, the candidates' arrays are concatenated,
looked up in the article's own sorted hashes, and summed per story with ``bincount``.
The result is the weighted field cosine (the same value the dict version gives, up to
float rounding), used only to rank candidates for the fitted scorer. Hashes are blake2b
(:func:`monitor.text.fingerprint.stable_hash64`), so the ranking is the same in every
process; ties are broken by story id.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache

import numpy as np
import numpy.typing as npt

from monitor.text.fingerprint import stable_hash64
from monitor.text.terms import BODY, ENTITY, TITLE

SCORED_FIELDS = (TITLE, BODY, ENTITY)
_PERSON = b"monitor.sl"
TermArrays = tuple[npt.NDArray[np.uint64], npt.NDArray[np.float64]]


@lru_cache(maxsize=1 << 16)  # bounded; its own cache, keyed by the term alone (fast path)
def term_hash(term: str) -> int:
    """The stable hash a term is shortlisted under."""
    return stable_hash64(term, _PERSON)


def term_arrays(
    fields: Mapping[str, Mapping[str, float]], weights: Sequence[float] | None = None
) -> TermArrays:
    """Sorted stable hashes of the scored fields' terms and their (optionally scaled) weights."""
    terms: list[str] = []
    scaled: list[float] = []
    for prefix, scale in zip(SCORED_FIELDS, weights or (1.0, 1.0, 1.0), strict=True):
        part = fields.get(prefix)
        if part:
            terms.extend(part)
            scaled.extend([weight * scale for weight in part.values()])
    hashes = np.fromiter(map(term_hash, terms), dtype=np.uint64, count=len(terms))
    return sorted_arrays(hashes, np.array(scaled, dtype=np.float64))


def sorted_arrays(hashes: npt.NDArray[np.uint64], values: npt.NDArray[np.float64]) -> TermArrays:
    """(hash, weight) pairs sorted by hash, then weight: the same arrays whatever order the
    terms came in."""
    order = np.lexsort((values, hashes))
    return hashes[order], values[order]


def text_scores(article: TermArrays, stories: Sequence[TermArrays]) -> npt.NDArray[np.float64]:
    """Weighted cosine of the article with each story (``article`` carries the field weights)."""
    if not stories:
        return np.zeros(0)
    a_hash, a_val = article
    lengths = np.fromiter((s[0].size for s in stories), dtype=np.int64, count=len(stories))
    if a_hash.size == 0 or int(lengths.sum()) == 0:
        return np.zeros(len(stories))
    hashes = np.concatenate([s[0] for s in stories])
    values = np.concatenate([s[1] for s in stories])
    owner = np.repeat(np.arange(len(stories)), lengths)
    pos = np.minimum(np.searchsorted(a_hash, hashes), a_hash.size - 1)
    hit = a_hash[pos] == hashes
    found = np.bincount(owner[hit], weights=values[hit] * a_val[pos[hit]], minlength=len(stories))
    return found.astype(np.float64)
