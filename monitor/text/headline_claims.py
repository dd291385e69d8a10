"""The claims of a Title Case headline, reframed by the headline's own grammar (see
:mod:`monitor.text.headline`).

- **Headline verbs as qualifiers**: "Deaths Pass 100", "Toll Nears 2,500", "Cuts To Exceed
  18,000", "Wounded Top 5,000" bound the number as "passes" and "nears" do in running text.
- **Scopes**: a number's scope is a name of its own clause ("As 100,000 Packed Itaewon" is
  Itaewon's, not the other clause's "Seoul Police"); a scope made only of common words
  ("Halloween Crush", "Stampede", "Site", "Not") gives way to the clause's name, else the
  headline's nearest; a number whose clause names none takes the headline's nearest name (scope
  source ``headline``), never one that follows "Since" ("Since Lima In 1964, When 328 Died").
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TypeVar

from monitor.text.figure_words import singular
from monitor.text.headline import (
    clause_span,
    is_common_phrase,
    is_headline,
    names,
    past_reference,
)
from monitor.text.scope import PLACE_COUNT

_VERB = re.compile(
    r"(?P<verb>\b(?:Pass(?:es)?|Tops?|Exceeds?|Surpass(?:es)?|Nears?|Nearing|Approach(?:es)?)"
    r"\s+)$"
)
_ALMOST = frozenset({"near", "nears", "nearing", "approach", "approaches"})
# The states a headline counts people in, standing for the counted noun ("Injured Rise To 196",
# "More Than 300 Still Missing", "Wounded Top 5,000").
_STATE = (
    r"(?:Injured|Wounded|Hurt|Missing|Dead|Displaced|Evacuated|Homeless|Rescued|Trapped|"
    r"Stranded|Arrested|Detained|Unaccounted)"
)
_PEOPLE = frozenset({"people", "persons"})
_STATE_BEFORE = re.compile(rf"\b(?P<w>{_STATE})\s+(?:[A-Z][a-z]+\s+){{0,2}}$")
_STATE_AFTER = re.compile(rf"\s+(?:Still\s+|Now\s+|Are\s+|Were\s+)?(?P<w>{_STATE})\b")

C = TypeVar("C")


def _qualified(claim: C, text: str) -> C:
    start = int(getattr(claim, "start", 0))
    if getattr(claim, "qualifier", None) is not None or not start:
        return claim
    m = _VERB.search(text, 0, start)
    if m is None:
        return claim
    verb = m.group("verb").split()[0].lower()
    value = getattr(claim, "value")  # noqa: B009
    begin = m.start("verb")
    written = text[begin : int(getattr(claim, "end", start))]
    if verb in _ALMOST:
        bounds = {"lower": None, "upper": value, "qualifier": "almost", "approximate": True}
    else:
        bounds = {"lower": value, "upper": None, "qualifier": "more than"}
    return replace(claim, start=begin, text=written, **bounds)  # type: ignore[type-var]


def _counted(claim: C, text: str) -> C:
    """A bare number of a headline clause counts the state its clause names, not the noun of
    another clause ("Toll Reaches 158; Injured Rise To 196" counts the injured)."""
    start, end = int(getattr(claim, "start", 0)), int(getattr(claim, "end", 0))
    begin, stop = clause_span(text, start)
    unit = str(getattr(claim, "unit", ""))
    words = unit.split()
    head = words[-1].casefold() if words else ""
    if not head or head in _PEOPLE or head in text[begin:stop].casefold():
        return claim  # the clause's own counted noun, or people ("667 Arrested": people)
    found = _STATE_AFTER.match(text, end, stop) or _STATE_BEFORE.search(text, begin, start)
    if found is None:
        return claim
    word = found.group("w")
    return replace(claim, unit=word, head=singular(word), modifiers=())  # type: ignore[type-var]


def _name_for(text: str, start: int, own: tuple[int, int]) -> tuple[str, str] | None:
    """(name, source) for the number at `start`: its clause's name, else the headline's."""
    here = [n for n in names(text, *own) if not past_reference(text, n[0])]
    if here:
        a, b = min(here, key=lambda n: abs(n[0] - start))
        return text[a:b], "clause"
    every = [n for n in names(text) if not past_reference(text, n[0])]
    if every:
        a, b = min(every, key=lambda n: abs(n[0] - start))
        return text[a:b], "headline"
    return None


def _scoped(claim: C, text: str) -> C:
    start = int(getattr(claim, "start", 0))
    scope = getattr(claim, "scope", None)
    own = clause_span(text, start)
    if PLACE_COUNT.fullmatch(f" {getattr(claim, 'unit', '')}"):
        return claim  # "In Seven States And Mexico": a count of places has no place
    if scope:
        at = text.casefold().find(scope.casefold())
        if at < 0:
            return claim  # a scope from another sentence
        inside = own[0] <= at < own[1]
        common = is_common_phrase(text[at : at + len(scope)], opening=at == 0)
        if not common and (inside or not names(text, *own)):
            return claim if inside else replace(claim, scope_source="headline")  # type: ignore[type-var]
    found = _name_for(text, start, own)
    if found is None:
        return claim
    name, source = found
    return replace(claim, scope=name, scope_source=source)  # type: ignore[type-var]


def reframe(claims: list[C], text: str) -> list[C]:
    """The claims of one sentence, reframed when the sentence is a Title Case headline."""
    if not claims or not is_headline(text):
        return claims
    return [_scoped(_counted(_qualified(c, text), text), text) for c in claims]
