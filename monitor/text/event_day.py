"""The event's own day in a lead, as opposed to the day it is reported.

A lead dates two things: the event ("Saturday's bombing", "missiles struck Kharkiv on
Thursday", "On Saturday, a missile hit ...") and the report ("the toll rose to 12 on
Sunday", "officials said on Monday"). Follow-ups are reported on later days, so the
reporting day disagrees between one event's articles; the event's own day does not. A
weekday is the event's when it is

- a possessive before an event noun ("Saturday's bombing", "Thursday's disorder"), or
- after an event verb ("hit", "struck", "exploded", "opened fire", ...) within the same
  clause, with no reporting or tally verb ("said", "rose", "reached") in between, or
- at the head of a sentence whose verb is an event verb ("On Saturday, a missile hit ...").

:func:`event_day` returns the first such weekday of the headline and lead (lower case), or
None. Pure and deterministic.
"""

from __future__ import annotations

import re

_DAY = r"(?P<day>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_EVENT_NOUN = (
    r"(?:bombings?|attacks?|strikes?|air ?strikes?|missile|drone|stabbings?|shootings?|"
    r"blasts?|explosions?|fires?|blaze|crash|collision|derailment|quake|earthquake|"
    r"riots?|rioting|disorder|violence|unrest|storm|flood(?:ing)?|massacre|raid|shelling|"
    r"assault|killings?|ambush|collapse|eruption|landslide|tornado)"
)
_EVENT_VERB = (
    r"(?:hit|hits|struck|strikes|bombed|shelled|attacked|stabbed|shot|exploded|erupted|"
    r"collapsed|crashed|derailed|killed|opened fire|broke out|tore through|ripped through|"
    r"swept through|slammed into|rocked|destroyed|damaged|targeted|launched|fired)"
)
_BREAK = (
    r"(?:said|says|told|rose|risen|climbed|reached|announced|reported|confirmed|added|"
    r"was|were|is|are|has|have|had|been|remains|remained)"
)

_POSSESSIVE = re.compile(_DAY + r"['’]s\s+(?:\w+\s+){0,2}?" + _EVENT_NOUN + r"\b")
_AFTER_VERB = re.compile(
    r"\b" + _EVENT_VERB + r"\b(?P<gap>[^.;:!?]{0,120}?)\b(?:early |late )?on " + _DAY + r"\b"
)
_HEAD = re.compile(r"(?:^|[.!?]\s+)On " + _DAY + r"\b[^.;!?]{0,100}?\b" + _EVENT_VERB + r"\b")
_BREAK_WORD = re.compile(r"\b" + _BREAK + r"\b")


def event_day(title: str, lead: str) -> str | None:
    """The weekday of the event itself named in the headline or lead, lower case, or None
    (see the module docstring): the first of a possessive, a verb's or a head's day."""
    found: list[tuple[int, str]] = []
    for text_index, text in enumerate((title, lead)):
        base = text_index * 1_000_000
        for m in _POSSESSIVE.finditer(text):
            found.append((base + m.start(), m.group("day")))
        for m in _AFTER_VERB.finditer(text):
            if not _BREAK_WORD.search(m.group("gap")):
                found.append((base + m.start(), m.group("day")))
        for m in _HEAD.finditer(text):
            found.append((base + m.start(), m.group("day")))
    if not found:
        return None
    return min(found)[1].lower()
