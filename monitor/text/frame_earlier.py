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
    r"(?:(?:Only|Just)\s+)?"
    r"(?:(?:Earlier|Previously)(?:\s+(?:that|this|the\s+same)\s+(?:day|morning|week|evening))?"
    r"|(?:(?:Hours|Days|Weeks)|(?:A|One|Two|Three)\s+(?:day|days|week|weeks))\s+(?:earlier|before)"
    # an earlier report as the subject: "A mid-November update had given the toll as 225"
    r"|(?:An?|The)\s+(?:earlier|previous|prior|first|initial|mid-[A-Z][a-z]+|[A-Z][a-z]+day['’]s)"
    r"\s+(?:update|report|count|tally|estimate|bulletin|statement))"
    r",?\s+(?P<rest>[^,;]{0,80}?)\bhad\s+(?:[a-z]+ly\s+)?"
    r"(?:raised|lowered|revised|put|set|given|reported|estimated|counted|placed|cut|increased"
    r"|reduced|updated|stood)\b",
    re.IGNORECASE,
)
# A pluperfect estimate marked as the first or an earlier one: "Officials had initially
# estimated that about 1,000 people lay buried", "the ministry had earlier put the toll at 30".
_HAD_FIRST = re.compile(
    r"\bhad\s+(?:initially|originally|first|earlier|previously)\s+(?:estimated|reported|put"
    r"|given|counted|set|placed)\b[^;,]{0,80}$",
    re.IGNORECASE,
)
# A pluperfect count-setting verb before the number and an earlier moment right after it: "The
# minister had put the number of dead at 135 earlier in the day".
_HAD_SET = re.compile(
    r"\bhad\s+(?:put|given|set|placed|estimated|reported|counted)\b[^,;]{0,60}$", re.IGNORECASE
)
_EARLIER_AFTER = re.compile(
    r"[^,;.\d]{0,30}?\s+earlier(?:\s+(?:in|on)\s+the\s+(?:day|week|morning)|\s+that\s+(?:day|week"
    r"|morning)|\s+on\s+(?-i:[A-Z])[a-z]+day)?\s*(?:[,.;]|$)",
    re.IGNORECASE,
)


def earlier_value(sentence: str, clause_start: int, number_start: int) -> bool:
    """Whether the clause holding a number gives the number as an earlier value of a count."""
    lo = max(0, sentence.rfind(".", 0, clause_start) + 1, clause_start - 100)
    for m in _EARLIER_OPENING.finditer(sentence, lo, number_start):
        if m.end() <= number_start and "." not in sentence[m.end() : number_start]:
            return True
    return False


def earlier_estimate(sentence: str, clause_start: int, number_start: int, number_end: int) -> bool:
    """Whether a pluperfect estimate gives the number as a first or earlier value ("had
    initially estimated that about 1,000", "had put the number of dead at 135 earlier in the
    day")."""
    if "had" not in sentence[clause_start:number_start]:
        return False
    if _HAD_FIRST.search(sentence, clause_start, number_start):
        return True
    return bool(
        "earlier" in sentence[number_end : number_end + 60]
        and _HAD_SET.search(sentence, clause_start, number_start)
        and _EARLIER_AFTER.match(sentence, number_end)
    )


# An earlier moment, counted back from the story's ("Twelve days before", "Two months earlier",
# "Hours earlier", "the week before").
_MOMENT = (
    r"(?:(?:(?:only|just)\s+)?(?:hours|days|weeks|months|years|(?:a|an|one|two|three|four|five"
    r"|six|seven|eight|nine|ten|eleven|twelve|\d+)\s+(?:hours?|days?|weeks?|months?|years?))"
    r"|the\s+(?:day|week|month|year|night))\s+(?:earlier|before)"
)
# Another event told in the pluperfect after an earlier moment: "Twelve days before, a quake off
# Chiapas had killed 98 people", "Two months earlier a series of quakes on Lombok had killed
# about 560", "The same storm had killed more than a dozen people in Greece the week before".
# Its subject is a new event ("a", "another", a number, "the same ..."), not the story's own
# ("the fire had destroyed 500 homes" two days before is that fire's earlier count).
_EVENT_VERB = (
    r"had\s+(?:[a-z]+ly\s+)?(?:killed|shaken|struck|hit|left|caused|claimed|destroyed|sickened"
    r"|displaced|flooded|swept|injured|wounded)\b"
)
_EARLIER_EVENT_LEAD = re.compile(
    rf"^\s*(?P<ref>{_MOMENT}),?\s+(?:a|an|another|the\s+same|[a-z]+)\s+[^;]{{0,80}}?{_EVENT_VERB}",
    re.IGNORECASE,
)
_STORY_SUBJECT = re.compile(r"\s*the\s+(?!same\b)", re.IGNORECASE)  # "the fire had destroyed"
_SAME_EVENT_LEAD = re.compile(rf"^\s*The\s+same\s+[a-z]+\s+{_EVENT_VERB}")
_MOMENT_AFTER = re.compile(rf"\b(?P<ref>{_MOMENT})\b", re.IGNORECASE)


def earlier_event(sentence: str, number_start: int) -> str | None:
    """The earlier moment of another event a sentence tells in the pluperfect, when the number
    belongs to it (it follows the event's verb); None otherwise."""
    lead = _EARLIER_EVENT_LEAD.match(sentence)
    if (
        lead is not None
        and lead.end("ref") <= number_start
        and not _STORY_SUBJECT.match(sentence[lead.end("ref") :].lstrip(", "))
    ):
        return lead["ref"]
    same = _SAME_EVENT_LEAD.match(sentence)
    if same is not None and same.end() <= number_start:
        after = _MOMENT_AFTER.search(sentence, same.end())
        if after is not None:
            return after["ref"]
    return None
