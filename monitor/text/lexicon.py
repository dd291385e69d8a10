"""How common an English word is (the `wordfreq` package's Zipf scale: 3 is about once per
million words, 5 about once per thousand): tells a capitalised common word ("Fire", "Health")
from a name ("Aricell", "Tesla")."""

from __future__ import annotations

from functools import lru_cache

COMMON = 3.0  # about once per million words
VERY_COMMON = 5.0  # about once per thousand words: "fire", "health", "school"


@lru_cache(maxsize=16384)
def zipf(word: str) -> float:
    """The word's frequency on the Zipf scale (0 for a word wordfreq does not know)."""
    import wordfreq

    return float(wordfreq.zipf_frequency(word.lower(), "en"))


def common_word(word: str, at_least: float = COMMON) -> bool:
    """A word English uses at least this often."""
    return zipf(word) >= at_least
