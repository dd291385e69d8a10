"""The place or organisation a speaker's title names: "Maui Police Chief John Pelletier" ->
Maui, "Texas health officials" -> Texas, "UAW President Shawn Fain" -> UAW.

A count a sentence reports without naming where or whose it is belongs to the speaker's own
jurisdiction ("Only three of the dead have been identified, Maui Police Chief John Pelletier
said"); a definite description ("the outbreak") is resolved to it too (docs/SPEC.md §6).
"""

from __future__ import annotations

import re

from monitor.text.lexicon import VERY_COMMON, common_word
from monitor.text.scope import CAP, LINK, TITLES, is_place
from monitor.text.sentences import word_set

_ROLE = (
    r"police|officials?|authorities|president|chief|chiefs|governor|gov\.?|mayor|sheriff"
    r"|sheriff['’]s\s+office|department|spokes(?:man|woman|person)|ministry|minister"
    r"|government|executive|ceo|director|leader|commissioner|coroner|medical\s+examiner"
    r"|health\s+district|district|emergency|fire\s+department|office|council|agency|secretary"
    r"|administrator|board|county\s+officials|state\s+officials"
)
_SPEAKER = re.compile(
    rf"^(?:(?:[Tt]he|[Aa]n?)\s+)?(?P<name>{CAP}(?:{LINK}\s+{CAP})*?)(?:['’]s)?\s+(?:[a-z-]+\s+){{0,2}}?(?i:{_ROLE})\b"
)
# Capitalised words that open a title without naming a place or an organisation.
_NOT_NAMES = word_set(
    """National Federal State Local Regional Senior Deputy Former Acting Interim Top Health
    Police Officials Authorities Emergency Public Chief Prime Foreign Defence Defense Interior
    Home General Vice Executive Central United The A An Its Their His Her Labour Labor Finance
    Justice Education Transport Transportation Agriculture Energy Environment Trade Economy
    Commerce Immigration Housing Culture Industry Tourism Information Communications"""
)  # ... and the portfolios a minister or secretary holds ("Labour Minister Steven MacKinnon")


# "a spokesman for the Sudanese army", "an official at the Health Ministry of Gaza"
_ROLE_FOR = re.compile(
    r"^(?:(?:a|an|the)\s+)?(?:[a-z-]+\s+)?(?:spokes(?:man|woman|person)|official|officer"
    r"|representative|director|head|chief|minister|president|doctor|commander)\s+(?:for|of|at|with)"
    r"\s+(?:the\s+)?(?P<body>[^,;]{2,60}?)\s*$",
    re.IGNORECASE,
)


def speaker_place(who: str | None) -> str | None:
    """The proper name a speaker's title opens with, when it names a place or an
    organisation; None for a bare title or a name ("Governor Josh Green", "state officials")."""
    if not who:
        return None
    m = _SPEAKER.match(who.strip())
    if m is None:
        body = _ROLE_FOR.match(who.strip())
        if body is None or not any(w[:1].isupper() for w in body["body"].split()):
            return None
        return body["body"]  # "a spokesman for the Sudanese army": the Sudanese army's count

    words = re.sub(r"['’]s$", "", m["name"]).split()
    while words and words[0] in _NOT_NAMES:
        words.pop(0)
    if not words or any(w in TITLES for w in words) or len(words) > 4:
        return None
    if len(words) == 1 and common_word(words[0], VERY_COMMON) and not is_place(words[0]):
        return None  # "Fire authorities", "School officials": no place named
    return " ".join(words)  # a name before a title is its place or body, not a person
