"""Scope shared between the numbers of one sentence that belong to each other.

A part ("taking Rwanda's total to 62, including 15 deaths") is a subset of the count before it
and an increment that a sentence carries into its total ("Four more cases were reported,
taking Rwanda's total to 62") adds to that total: when their own clause names no scope, they
have the scope of the count they belong to.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

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
