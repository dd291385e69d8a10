"""Whom an "its" in a number's own phrase refers to when no subject of its proposition is a
name: the nearest named possessor before it in the sentence ("Amazon's decision to raise its
own planned layoffs ..., about 6 percent of its 300,000 corporate staff": Amazon's;
"SAG-AFTRA's strike ... ended when its 160,000 members were sent a new contract").

English resolves a singular possessive pronoun to the closest preceding singular owner; a name
that owns something ("X's decision") is such an owner, a place or a person's name aside.
"""

from __future__ import annotations

import re

from monitor.text.scope import PROPER, is_place

_NAMED_OWNER = re.compile(rf"(?P<name>{PROPER})['’]s\b")
_ITS = re.compile(r"\bits\b")


def its_owner(text: str, lo: int, count_at: int) -> str | None:
    """The name owning the last "its" between `lo` and `count_at`, by its nearest named
    possessor before that "its" in the sentence; None when there is none or it is a place."""
    found = list(_ITS.finditer(text, max(lo, count_at - 40), count_at))
    if not found:
        return None
    its = found[-1]
    owners = list(_NAMED_OWNER.finditer(text, 0, its.start()))
    if not owners:
        return None
    name = owners[-1]["name"]
    if is_place(name) or len(name.split()) > 4:
        return None
    return name
