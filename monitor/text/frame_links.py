"""Scope shared between the numbers of one sentence that belong to each other.

A part ("taking Rwanda's total to 62, including 15 deaths") is a subset of the count before it
and an increment that a sentence carries into its total ("Four more cases were reported,
taking Rwanda's total to 62") adds to that total: when their own clause names no scope, they
have the scope of the count they belong to. A count the sentence goes on to carry into a
running total ("Strikes killed 59 people on Thursday, taking the toll to 3,445") is that
total's increment, however it is told.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from monitor.text import gazetteer
from monitor.text.frames import Frame

# Between an increment and its running total: "..., taking / bringing / pushing ... to 62".
_CARRIED_INTO = re.compile(
    r"\b(?:tak(?:e|es|ing)|bring(?:s|ing)?|brought|push(?:es|ed|ing)?|rais(?:e|es|ed|ing)"
    r"|lift(?:s|ed|ing)?)\b[^;.]{0,60}\bto\s+$",
    re.IGNORECASE,
)


def share_scopes(sentence: str, starts: Sequence[int], frames: list[Frame]) -> list[Frame]:
    """`frames` with the scope of its whole given to each part and increment that has none.

    `starts[i]` is where number `i` is written in `sentence`."""
    out = list(frames)
    for i, f in enumerate(frames):
        if f.scope is not None or f.scope_source != "none":
            continue
        parent: Frame | None = None
        if f.kind == "part":
            parent = next((p for p in reversed(frames[:i]) if p.kind == "total" and p.scope), None)
        elif f.kind == "new":
            parent = next(
                (
                    p
                    for j, p in enumerate(frames[i + 1 :], i + 1)
                    if p.kind == "total"
                    and p.scope
                    and _CARRIED_INTO.search(sentence, starts[i], starts[j])
                ),
                None,
            )
        if parent is not None:
            out[i] = dataclasses.replace(f, scope=parent.scope, scope_source=parent.scope_source)
    return out


# "..., the ministry said, taking the toll since October 8 to 3,445": a comma, then the verb.
_GOES_ON_INTO = re.compile(
    r",\s*(?:[^,;.]{1,40},\s*)?(?:tak(?:es|ing)|bring(?:s|ing)|push(?:es|ing)|rais(?:es|ing)"
    r"|lift(?:s|ing))\s+(?:the|its|their|[A-Z][\w.-]*['’]s)\b[^;.]{0,60}\bto\s+$",
)


# A count that is itself the subject of the verb carrying it into a running total: "Thirty-two
# deaths in Karachi on Saturday took the Sindh toll to 1,242", "Two more cases bring the state's
# total to 30" (no comma, no relative pronoun between the count and its verb).
_CARRIES_INTO = re.compile(
    r"\s(?:took|takes|brought|brings|pushed|pushes|lifted|lifts|raised|raises)\s+(?:the|its"
    r"|their|[A-Z][\w.-]*['’]s)\b[^;.]{0,60}\bto\s+$"
)
_NOT_SUBJECT = re.compile(r",\s|;|\b(?:which|that|who|after|before|when|as|said|says)\b")
# The count coordinated with the one right after it, by "and" past its own noun: "A second
# group of 13 Israelis and four Thais came out ..., bringing the number ... to 41".
_COORDINATED = re.compile(r"\S+(?:\s+[A-Za-z-]+){0,2}\s+and\s+$")


_VERB_BEFORE = re.compile(r"\b(?:[a-z]+ed|said|says|told|found|put|gave|saw|made)\b")


def _carries_into(sentence: str, start: int, end: int) -> bool:
    """The count at `start` is the subject of a verb carrying it into the total at `end`: no
    verb before it in its segment ("Officials who counted 40 deaths raised the toll to 52" is
    the officials' raising), none between it and the verb."""
    verb = _CARRIES_INTO.search(sentence, start, end)
    if verb is None or _NOT_SUBJECT.search(sentence, start, verb.start()):
        return False
    lead = max(sentence.rfind(", ", 0, start), sentence.rfind("; ", 0, start), -1)
    return not _VERB_BEFORE.search(sentence, lead + 1, start)


# A running total of a wider whole than the count before it: "the combined toll with Syria",
# "the joint tally", "the toll together with ...".
_COMBINED = re.compile(r"\b(?:combined|joint|together\s+with)\b", re.IGNORECASE)


# A count introduced as a share of the one before it: "including 13 police officers".
_INCLUDED = re.compile(
    r"\b(?:including|among\s+them|of\s+whom|of\s+which)\s+(?:(?:at\s+least|some|about"
    r"|around|nearly|almost|more\s+than)\s+)?$",
    re.IGNORECASE,
)


def carried_increments(sentence: str, starts: Sequence[int], frames: list[Frame]) -> list[Frame]:
    """`frames` with each current total that the sentence carries on into a later running
    total ("Israeli strikes killed 59 people on Thursday, bringing the toll to 3,445") told as
    the increment it is: the running total is the count, the number before it what was added.
    """
    out = list(frames)
    for i, f in enumerate(frames):
        if f.kind != "total" or f.time != "current":
            continue
        # only into the running total right after it: "18 ..., and 18 more ..., bringing
        # ... to 36" carries the second 18, not the first
        j = i + 1
        while j < len(frames) and frames[j].kind == "part":
            j += 1  # "22 people, six of them children, died ..., taking the toll to 1,508":
            # a part of the count itself stands between it and the total it is carried into
        carried = j < len(frames) and frames[j].kind == "total"
        if carried and _INCLUDED.search(sentence, max(0, starts[i] - 40), starts[i]):
            continue  # a share of the count before it ("98 people, including 13 police
            # officers ..., pushing the toll to 300"), not what the total was raised by
        if carried and _COMBINED.search(sentence, starts[i], starts[j]):
            continue  # "rose to 44,218, bringing the combined toll with Syria to 50,000": the
            # count is one part's own total, not what a wider total was raised by
        if carried and (
            _GOES_ON_INTO.search(sentence, starts[i], starts[j])
            or _carries_into(sentence, starts[i], starts[j])
        ):
            out[i] = dataclasses.replace(f, kind="new")
            k = i  # the counts coordinated before it are added with it
            while (
                k > 0
                and out[k - 1].kind == "total"
                and out[k - 1].time == "current"
                and _COORDINATED.fullmatch(sentence, starts[k - 1], starts[k])
            ):
                k -= 1
                out[k] = dataclasses.replace(out[k], kind="new")
    return out


# The running total an increment is carried into, with no owner of its own: "..., bringing
# the total to 28" (not "the county's total", not "the total there").
_UNOWNED_TOTAL = re.compile(
    r"\b(?:tak(?:e|es|ing)|bring(?:s|ing)?|brought|push(?:es|ed|ing)?|rais(?:e|es|ed|ing))"
    r"\s+the\s+(?:overall\s+|official\s+|death\s+)?(?:total|toll|tally|count|number)\s+to\s+$",
    re.IGNORECASE,
)


def _local(scope: str) -> bool:
    """A place below a state or province: a county or a city ("Breathitt County", "Mayfield")."""
    places = gazetteer.lookup(scope.removeprefix("the ").strip())
    return bool(places) and all(gazetteer.depth(p.path) >= 2 for p in places)


def unlocated_totals(sentence: str, starts: Sequence[int], frames: list[Frame]) -> list[Frame]:
    """`frames` without the increment's local place on the running total it is carried into:
    in "Two more victims were confirmed dead in Breathitt County, bringing the total to 28"
    the county locates the two added deaths; the total with no owner of its own is the
    whole count's (the sentence before or the headline names it), not the county's."""
    out = list(frames)
    for i, f in enumerate(frames):
        if f.kind != "new" or not f.scope or not _local(f.scope):
            continue
        j = i + 1
        if j >= len(frames) or frames[j].kind != "total" or frames[j].scope != f.scope:
            continue
        if _UNOWNED_TOTAL.search(sentence, starts[i], starts[j]):
            out[j] = dataclasses.replace(frames[j], scope=None, scope_source="none")
    return out
