"""Prior document frequencies for English, so a nearly empty history still weighs words sensibly.

Online document frequencies know nothing until many articles have been seen: in a database
of five articles "said", "government" and "people" look as rare as "Hualien". The stories
engine therefore starts every term from a prior drawn from the ``wordfreq`` package (a
maintained table of word frequencies over many English sources, shipped with the package,
nothing downloaded): a word with token frequency ``f`` appears in an article of about
:data:`DOC_TOKENS` words with probability ``1 - exp(-DOC_TOKENS * f)``. The engine counts
:data:`PRIOR_DOCS` pseudo-documents with these probabilities before the real ones
(see :func:`monitor.projections.clustering.tfidf_fields`).

Keys are the engine's normal forms (lower case, light plural folding), so ``shells`` and
``shell`` share a prior. Words rarer than :data:`MIN_FREQUENCY` are not kept (they get
:data:`FLOOR`): the table stays about 60,000 entries, loaded once per process.
"""

from __future__ import annotations

import math
from functools import lru_cache

from monitor.text.tablecache import cached, table_key

DOC_TOKENS = 400
"""Typical article length in tokens, to turn a token frequency into a document probability."""
PRIOR_DOCS = 1000
"""Weight of the prior, in documents: after a few thousand real articles the history dominates."""
MIN_FREQUENCY = 2.5e-7
FLOOR = 5e-5
"""Document probability of a word too rare to be in the table (a name, a place, a typo)."""
NUMBER = 0.02
"""Document probability of a number that is not a year (a count, a price)."""
YEAR = 0.3
"""Document probability of a four-digit year."""


def _stem(word: str) -> str:
    # Same folding as monitor.text.terms.stem (kept here so text.priors has no dependency).
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


@lru_cache(maxsize=1)
def _table() -> dict[str, float]:
    """The table, built once per process or read back from :mod:`monitor.text.tablecache`."""
    return cached("prior", table_key((__file__,), ("wordfreq",)), _build)


def _build() -> dict[str, float]:
    """Stemmed word -> document probability (the largest over the forms that fold together).

    Read from wordfreq's frequency bins (bin ``i`` holds the words of frequency
    ``10 ** (-i / 100)``), stopping at :data:`MIN_FREQUENCY`; wordfreq's own caches of the
    full list are cleared afterwards, so only this table stays in memory.
    """
    import wordfreq

    table: dict[str, float] = {}
    for index, words in enumerate(wordfreq.get_frequency_list("en", wordlist="best")):
        freq = 10 ** (-index / 100)
        if freq < MIN_FREQUENCY:
            break
        prob = 1.0 - math.exp(-DOC_TOKENS * freq)
        for word in words:
            if word.isalpha():
                key = _stem(word)
                if prob > table.get(key, 0.0):
                    table[key] = prob
    wordfreq.get_frequency_list.cache_clear()
    wordfreq.get_frequency_dict.cache_clear()
    return table


def word_probability(word: str) -> float:
    """Prior probability that an article contains ``word`` (a normal form, lower case)."""
    if word[:1].isdigit():
        return YEAR if len(word) == 4 and word[:2] in ("19", "20") else NUMBER
    return _table().get(word, FLOOR)


def term_probability(words: str) -> float:
    """Prior probability of a term: a word, or a phrase of words (rarer than its rarest word)."""
    parts = words.split()
    if len(parts) == 1:
        return word_probability(parts[0])
    return min(word_probability(p) for p in parts) * 0.1


def is_common(word: str, threshold: float = 0.02) -> bool:
    """Whether ``word`` appears in more than ``threshold`` of articles (not a distinctive name)."""
    return word_probability(word) > threshold
