"""A site that stores what is counted: "About 90 bodies at the morgue", "Twelve bodies were
in the mortuary", "35,000 batteries had been stored in the factory". A number whose clause
names no place is scoped to the site it is kept in, as written, with its determiner. Places
that house people (shelters, camps, hospitals) are left out: the labels give their counts to
the place or event the people belong to.
"""

from __future__ import annotations

import re

_SITE = re.compile(
    r"\b(?:in|at|inside|to)\s+(?P<site>(?:(?:the|a|an)\s+)?(?:[a-z-]+\s+)?"
    r"(?:morgues?|mortuar(?:y|ies)|factory|warehouse))\b"
)


def site_scope(text: str, lo: int, hi: int) -> str | None:
    """The first holding site a clause between `lo` and `hi` names, else None."""
    m = _SITE.search(text, lo, hi)
    return None if m is None else m["site"]
