"""A hospital, morgue or clinic that records the count itself owns it (docs/SPEC.md §6): "Civil
Hospital Karachi had recorded 110 dead", "The Jinnah Postgraduate Medical Centre confirmed 101
more deaths", "The Edhi morgue had received close to 200 bodies". Its count is a sub-place's,
not the province's or the city's whose figure the article tracks, so the facility is the
scope and the article's topic does not stand in for it.
"""

from __future__ import annotations

import re

_FACILITY = (
    r"(?:hospital|hospitals|medical\s+cent(?:re|er)|morgue|mortuary|clinic|infirmary"
    r"|health\s+cent(?:re|er)|treatment\s+cent(?:re|er))"
)
# The clause opens with the facility's noun phrase ("Civil Hospital Karachi", "The Edhi
# morgue", "the city's main hospital"), then a verb of recording, then (soon) the count.
_SUBJECT = re.compile(
    rf"\s*(?P<np>(?:[Tt]he\s+|[Ii]ts\s+)?(?:[\w’'.-]+\s+){{0,5}}?{_FACILITY}"
    r"(?:\s+(?-i:[A-Z])[\w’'-]*){0,2})"
    r"\s+(?:(?:has|had|have)\s+(?:so\s+far\s+|now\s+|already\s+)?)?"
    r"(?:recorded|confirmed|counted|registered|received|treated|admitted|logged|took\s+in)\b"
    r"(?P<rest>[^,;:]*)$",
    re.IGNORECASE,
)


def facility_subject(text: str, lo: int, count_at: int) -> str | None:
    """The facility that opens the clause at `lo` and records the count at `count_at`, as
    written, or None."""
    if count_at - lo > 160:
        return None
    m = _SUBJECT.match(text, lo, count_at)
    if m is None or any(ch.isdigit() for ch in m["np"]) or len(m["rest"]) > 40:
        return None
    return m["np"].strip()
