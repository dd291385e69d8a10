"""Opinion detection: a column or an editorial argues about an event; it does not report it.

Rule (documented in the README, "Stories"). An article is opinion when

1. its headline carries an opinion marker: a leading "Opinion", "Editorial", "Column",
   "Comment", "Commentary", "Op-ed", "Viewpoint", "Our view", "Guest essay", "Letter(s)"
   followed by ":", "|", "-" or "—", or the same word as a trailing "| Opinion" / "(Opinion)"
   section tag; or
2. its body argues in the first person: outside quotation marks (a resident's "I was
   scared" is reporting), at least :data:`MIN_FIRST_PERSON` sentences speak as "I"/"we"/"my"/
   "our" and at least :data:`MIN_ARGUMENT_CUES` sentences carry an argument cue ("should",
   "must", "ought to", "it is time", "I believe", "in my view", "let us" ...), and those
   first-person sentences are at least a fifth of the text.

Analysis and explainers ("What we know", "Explainer:", "Why ...") are not opinion: they
report the event's facts and join its story.
"""

from __future__ import annotations

import re
from itertools import islice

MIN_FIRST_PERSON = 3
MIN_ARGUMENT_CUES = 2

_MARKERS = (
    r"opinion|editorial|column|comment|commentary|op-ed|viewpoint|our view|guest essay|"
    r"letters?(?: to the editor)?|the big idea|perspective"
)
_TITLE_LEAD = re.compile(rf"^\s*(?:{_MARKERS})\s*[:|\-–—]", re.IGNORECASE)
_TITLE_TAG = re.compile(rf"(?:[|\-–—]\s*(?:{_MARKERS})\s*$|\((?:{_MARKERS})\)\s*$)", re.IGNORECASE)
_QUOTED = re.compile(r"[\"“][^\"”]*[\"”]")
_SENTENCE = re.compile(r"[^.!?]+[.!?]*")
_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I’m|I've|I’ve|me|my|we|we're|we’re|our|us)\b")
_ARGUMENT = re.compile(
    r"\b(?:should|must|ought to|it is time|it's time|it’s time|I believe|I think|in my view|"
    r"let us|let's|let’s|we need|need to stop|is wrong|is right to|shameful|deserve)\b",
    re.IGNORECASE,
)


def opinion_title(title: str) -> bool:
    """Whether the headline carries an opinion section marker."""
    return bool(_TITLE_LEAD.search(title) or _TITLE_TAG.search(title))


def first_person_argument(text: str) -> bool:
    """Whether the body argues in the first person (quotations excluded)."""
    unquoted = _QUOTED.sub(" ", text)
    # Each counted sentence holds a match of its own (no pattern spans a sentence end), so
    # a text with fewer matches in all cannot pass: most texts stop here, unsplit.
    if _fewer(_FIRST_PERSON, unquoted, MIN_FIRST_PERSON) or _fewer(
        _ARGUMENT, unquoted, MIN_ARGUMENT_CUES
    ):
        return False
    sentences = [s for s in _SENTENCE.findall(unquoted) if s.strip()]
    if not sentences:
        return False
    personal = [s for s in sentences if _FIRST_PERSON.search(s)]
    arguing = [s for s in sentences if _ARGUMENT.search(s)]
    return (
        len(personal) >= MIN_FIRST_PERSON
        and len(arguing) >= MIN_ARGUMENT_CUES
        and len(personal) * 5 >= len(sentences)
    )


def _fewer(pattern: re.Pattern[str], text: str, least: int) -> bool:
    """Whether ``pattern`` matches ``text`` fewer than ``least`` times."""
    return sum(1 for _ in islice(pattern.finditer(text), least)) < least


def is_opinion(title: str, text: str) -> bool:
    """An opinion column or editorial (see the module docstring for the rule)."""
    return opinion_title(title) or first_person_argument(text)
