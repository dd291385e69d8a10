"""A count a clause gives as the value it had before: the clause opens on a moment earlier than
the report's ("Earlier that day", "Days earlier", "A day before") and its verb is pluperfect and
sets a count ("had raised the number of missing to 24", "had put the number of homes at 210"):
the same count at an earlier moment, a previous value (tests/data/claims/README.md, kind
`previous`).
"""

from __future__ import annotations

import re

_EARLIER_OPENING = re.compile(
    r"(?:^|[.;]\s+|,\s+(?:but|and)\s+)"
    r"(?:(?:Earlier|Previously)(?:\s+(?:that|this|the\s+same)\s+(?:day|morning|week|evening))?"
    r"|(?:(?:Hours|Days|Weeks)|(?:A|One|Two|Three)\s+(?:day|days|week|weeks))\s+(?:earlier|before))"
    r",?\s+(?P<rest>[^,;]{0,80}?)\bhad\s+(?:[a-z]+ly\s+)?"
    r"(?:raised|lowered|revised|put|set|given|reported|estimated|counted|placed|cut|increased"
    r"|reduced|updated)\b",
    re.IGNORECASE,
)


def earlier_value(sentence: str, clause_start: int, number_start: int) -> bool:
    """Whether the clause holding a number gives the number as an earlier value of a count."""
    lo = max(0, sentence.rfind(".", 0, clause_start) + 1, clause_start - 100)
    for m in _EARLIER_OPENING.finditer(sentence, lo, number_start):
        if m.end() <= number_start and "." not in sentence[m.end() : number_start]:
            return True
    return False
