"""Whose the counted things are, from the number's own noun phrase (docs/SPEC.md §6): a
possessive before the number, a name among the counted noun's modifiers, a group's "of"
complement, a place naming the toll, a relative clause's subject. It overrides the clause's
scope (`frames.py`): what the noun phrase says is nearer the number than any locative."""

from __future__ import annotations

import re

from monitor.text.event_types import event_families
from monitor.text.lexicon import common_word
from monitor.text.scope import PROPER, demonym, is_place
from monitor.text.sentences import word_set

_NAME_IN_UNIT = re.compile(r"^((?:[A-Z][\w.’'-]*\s+){1,3})(?=[a-z])")


_RELATIVE_OWNER = re.compile(
    rf"\b(?:number|total)\s+of\s+[a-z-]+\s+(?P<name>{PROPER})\s+(?:has|have|had)\s+[a-z]+"
    r"(?:\s+[a-z]+){0,3}\s+to\b"
)
_PLACE_TOLL = re.compile(
    rf"(?P<name>{PROPER})(?:['’]s)?\s+(?:[a-z]+\s+){{0,2}}(?:toll|count|tally|total)(?:\s+[a-z]+){{0,4}}\s+$"
)
_TOLL_WORDS = frozenset(("toll", "count", "tally", "total"))  # what _PLACE_TOLL needs


def _toll_in_reach(window: str) -> bool:
    """Whether a toll word is one of the last five words of `window`, as in every match of
    `_PLACE_TOLL` (the word, then at most four lowercase words): the test before it."""
    return not _TOLL_WORDS.isdisjoint(window.rsplit(None, 5)[-5:])


_PLACED_AFTER = re.compile(r"\s+(?:in|across|throughout)\s+(?:the\s+)?[A-Z]")
_GROUP_OF = re.compile(rf"\s+of\s+(?:the\s+)?(?P<name>{PROPER})")
_POSSESSOR = re.compile(rf"(?P<name>(?:[Tt]he\s+[a-z]+)|{PROPER})['’]s\s+(?:[a-z]+\s+)?$")
_GROUPS = word_set(
    """members employees workers staff officials soldiers officers residents customers users
    subscribers shareholders troops fighters volunteers"""
)

# People counted where they went, whose name modifier says where they came from or who they
# are: "Rohingya refugees", "Gaza evacuees" belong to the place that holds them.
_UPROOTED = word_set("refugees migrants evacuees exiles asylum-seekers deportees arrivals")


def phrase_owner(sentence: str, start: int, unit_end: int, unit: str) -> str | None:
    """Whose the counted things are, from the number's own noun phrase: a possessive before it
    ("the union's 45,000 strikers"), a name among its modifiers ("26 Colorado cases", "ILA
    strikers"), a group's "of" complement ("45,000 members of the ILA")."""
    before = sentence[max(0, start - 60) : start]
    if "'" in before or "’" in before:
        m = _POSSESSOR.search(before)
        if m is not None and not demonym(m["name"]):
            return m["name"]
    # Each regex runs only when the literal word it needs is there (both are case-sensitive).
    relative = (
        _RELATIVE_OWNER.search(sentence, 0, start)
        if sentence.find("number", 0, start) >= 0 or sentence.find("total", 0, start) >= 0
        else None
    )
    if relative is not None:
        return relative["name"]  # "the number of jobs Microsoft has cut this year to 15,000"
    lo = max(0, start - 80)
    toll = _PLACE_TOLL.search(sentence, lo, start) if _toll_in_reach(sentence[lo:start]) else None
    owner = None if toll is None else toll["name"].removesuffix("'s").removesuffix("’s")
    if owner is not None and is_place(owner):
        return owner  # "the government put Spain's toll at 230", "Spain flood toll jumps to 95"
    named = _named_modifier(unit)
    if named is not None and unit.split()[-1].lower() in _UPROOTED:
        named = None  # "582,000 Rohingya refugees ... in Bangladesh": who they are, not whose
    at = sentence.find(unit)  # a noun named before its number: "Measles cases in Texas top 400"
    after = at + len(unit) if 0 <= at < start else unit_end
    if named is not None and not _PLACED_AFTER.match(sentence, after):
        return named  # but "Measles cases in Texas": the place after the noun
    words = unit.split()
    if words and words[-1].lower() in _GROUPS:
        m = _GROUP_OF.match(sentence, unit_end)
        if m is not None:
            return m["name"].removesuffix("'s").removesuffix("’s")
    return None


def _named_modifier(unit: str) -> str | None:
    """A name the counted noun phrase carries: "Clark County residents", "ILA strikers"."""
    m = _NAME_IN_UNIT.match(unit)
    if m is None:
        return None
    name = m.group(1).strip()
    if demonym(name) or name.rstrip(".").lower() in ("u.s", "u.n", "u.k"):
        return None
    if is_place(name):
        return name
    if _disease(name):
        return None  # "7,413 Ebola deaths": what was counted, not whose count it is
    if name.endswith("ed") and name[1:].islower():
        return None  # "Suspected cases" opening a sentence: a participle, not a name
    if name.isupper():
        return None if common_word(name.lower()) else name  # "ILA strikers", not "DNA samples"
    return name if name[1:].islower() else None


def _disease(name: str) -> bool:
    """A disease's name ("Ebola", "Marburg", "Cholera"): an outbreak's word, not an owner's."""
    words = name.replace("-", " ").split()
    return bool(words) and len(words) <= 2 and all(event_families(w) == {"outbreak"} for w in words)
