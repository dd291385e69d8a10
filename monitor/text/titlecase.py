"""Headlines in Title Case read as sentences: "Death Toll In Mexico Earthquake Rises Above 200"
capitalises every word, so every word looks like part of a name and no scope or counted noun
is found. `sentence_case` lowercases the capitalised words that are common English words and
no place, keeping names ("Mexico", "Clark County") and acronyms, and keeps every offset.
"""

from __future__ import annotations

import re

from monitor.text.lexicon import common_word
from monitor.text.scope import is_place
from monitor.text.sentences import word_set

_WORD = re.compile(r"[A-Za-z][A-Za-z’'-]*")
# The words of `_WORD` of three characters or more: a shorter word is a whole match of `_WORD`
# that fails here, and so does each of its tails, so the matches are the same words. The group
# keeps only each word's first letter: all that the Title Case test reads.
_LONG_WORD_INITIAL = re.compile(r"([A-Za-z])[A-Za-z’'-]{2,}")
# Words that head or link a headline's clauses and are never part of a name in one.
_FUNCTION = word_set(
    """a an the in on at of for to from by with as and or but after before over above under
    below into onto amid among since until during despite than via near off out up down is are
    was were be been has have had will would could may might says say said not now still
    also just already again even only its their them they it this that these those who what
    when where while why how then yet"""
)  # adverbs and pronouns too: "238 Still Missing", "Nine Now Dead", "50 Of Them Foreign"
_TITLE_SHARE = 0.7  # capitalised words among a headline's words of three letters or more
_MIN_WORDS = 4


def is_title_case(text: str) -> bool:
    """True for a headline that capitalises (nearly) every word of three letters or more."""
    initials = _LONG_WORD_INITIAL.findall(text)  # the first letter of each long word
    if len(initials) < _MIN_WORDS:
        return False
    capitalised = sum(map(str.isupper, initials))
    return capitalised >= _TITLE_SHARE * len(initials) and not text.isupper()


def _lower_word(word: str, following: str) -> bool:
    lower = word.lower()
    if lower in _FUNCTION:
        return True
    if (
        not word[1:].islower()
        or is_place(word)
        or (following[:1].isupper() and is_place(f"{word} {following}"))
    ):
        return False  # "USA", "Gaza", "New Zealand": names stay
    if lower.endswith("s") and following.lower() in _COUNT_VERBS and common_word(lower, _RARE):
        return True  # "Evacuees Top 24,000": a plural that is the subject of a count's verb
    return _is_inflected(lower) and common_word(lower)


_RARE = 2.0  # less common than COMMON, yet a word English has (names mostly are not)
_COUNT_VERBS = word_set("top tops pass passes near nears reach reaches exceed exceeds surpass")


def _is_inflected(lower: str) -> bool:
    """Verbs and plural nouns ("Rises", "Kills", "Deaths", "Reported"): in a headline these
    are the words that break a name, while a bare capitalised word may be one ("Clark")."""
    return lower.endswith(("s", "ed", "ing")) or lower in _HEADLINE_WORDS


_HEADLINE_WORDS = word_set(
    """toll death dead injured wounded missing quake earthquake fire flood storm outbreak search
    rescue strike attack crash blast explosion war official officials report total number
    count tally new more least about nearly almost up rise climb reach top hit cut kill die flee
    fall grow jump soar pass surpass near continue end begin found left hold stand remain
    confirm say warn leave lay shed close stay job virus unrest violence night overnight day
    week month weekend morning evening first second third fourth fifth sixth seventh eighth
    ninth tenth"""
)  # ordinals and periods lead a time ("On Third Night Of Unrest"), never a name


def sentence_case(text: str) -> str:
    """`text` with a Title Case headline's common words lowercased (same length); any other
    text unchanged. The first word keeps its capital."""
    if not is_title_case(text):
        return text
    out = list(text)
    matches = list(_WORD.finditer(text))
    for i, m in enumerate(matches):
        if i == 0 or not m.group()[0].isupper():
            continue
        following = matches[i + 1].group() if i + 1 < len(matches) else ""
        if _lower_word(m.group(), following):
            out[m.start()] = m.group()[0].lower()
    return "".join(out)
