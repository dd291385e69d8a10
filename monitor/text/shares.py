"""Shares of a population: the whole a share or a part is taken of, when that whole is a
population ("6 percent of Amazon's roughly 300,000 corporate employees", "88,780 of the
territory's estimated 120,000 ethnic Armenians had fled") — people who are there, not people
something happened to. Such a base counts no figure; the part taken of it is the count of
what its predicate says ("88,780 ... had fled").

A base whose noun phrase says what happened to it ("74 of the 97 people killed", "270 of the
300 people reported missing") is a count of its own and is not a population.
"""

from __future__ import annotations

import re

_Q = (
    r"(?:(?:more\s+than|at\s+least|nearly|almost|about|around|some|over|an\s+estimated"
    r"|approximately|roughly|just\s+over|just\s+under|close\s+to|fewer\s+than|less\s+than)\s+)?"
)
_OWNER = r"(?:the|its|their|his|her|our|(?:the\s+)?[\w.-]+(?:\s+[\w.-]+)?['’]s)\s+"
_WHOLE = r"(?:(?:estimated|entire|whole|total|combined|pre-war|prewar)\s+)?"
# What a share or part opens with, up to the base's number: "6 percent of the ",
# "more than half of the region's ", "88,780 of the territory's estimated ".
_SHARE_OF = re.compile(
    r"(?:\b\d[\d,.]*\s*(?:%|percent\b|per\s+cent\b)|\bhalf|\b(?:a|one|two)\s+thirds?"
    r"|\b(?:a|one|three)\s+quarters?|\ba\s+fifth|\bthe\s+majority|\b\d[\d,.]*)"
    rf"\s+of\s+{_OWNER}{_WHOLE}{_Q}$",
    re.IGNORECASE,
)
_DEMONYM = r"(?-i:[A-Z])[a-z]+(?:ans|ians|ese|is|ers)"
_POPULATION = (
    r"(?:[a-z-]+\s+)?(?:residents|inhabitants|citizens|population|people|nationals|villagers"
    r"|locals|employees|staff|workers|workforce|personnel|members|"
    + _DEMONYM
    + r"|ethnic\s+[A-Z][a-z]+s)"
)
# After the base's number: its population noun, then the predicate (or the sentence's end) —
# not a participle or relative clause saying what happened to it.
_POPULATION_AFTER = re.compile(
    r"\s+" + _POPULATION + r"(?=\s*(?:[,.;:)]|$)|\s+(?:had|have|has|were|was|are|is|would|will"
    r"|could|did|now|then|already|still|all)\b"
    # a contact relative clause of employing or having: "the 133,580 people the company
    # employed at the end of March", "the 220,000 people Disney employs"
    r"|\s+(?:the\s+[\w-]+|its\s+[\w-]+|it|they|(?-i:[A-Z])[\w.&-]*)\s+"
    r"(?:employ|employs|employed|had|has|counted|counts)\b)",
    re.IGNORECASE,
)


def population_base(sentence: str, start: int, end: int) -> bool:
    """True when the number at sentence[start:end] is the population a share is taken of."""
    return bool(
        _SHARE_OF.search(sentence, max(0, start - 80), start)
        and _POPULATION_AFTER.match(sentence, end)
    )


_PART_OF = re.compile(rf"\s+of\s+{_OWNER}{_WHOLE}{_Q}(?P<number>\d[\d,.]*)")


def population_of_part(sentence: str, end: int) -> int | None:
    """Where the base's number ends when the number ending at `end` is followed by "of" a
    population base ("88,780 of the territory's estimated 120,000 ethnic Armenians had
    fled"), else None."""
    found = _PART_OF.match(sentence, end)
    if found is None or not population_base(sentence, found.start("number"), found.end("number")):
        return None
    return found.end("number")


def part_of_population(sentence: str, end: int) -> bool:
    """True when the number ending at `end` is a part taken of a population: it counts what
    its predicate says, as a whole."""
    return population_of_part(sentence, end) is not None
