"""Modality of a count: whether the clause reports it as having happened or projects it.

A projected or hypothetical count — "the toll could reach 10,000", "is expected to rise to
3,000", "models project 240,000 deaths", "would likely bring the toll to 17", "up to 10,000
people could die", "a toll above 10,000 is a strong possibility" — is still a claim with its
frame (kind `total`, its scope and time), but its modality is `forecast`: it says what may
come, not what the count is, so it never moves a figure (the change rule reads this).

The rule: the number is the complement of a verb of reaching governed by a modal or a
verb of expectation in its own clause ("could", "may", "might", "will/would likely",
"is expected / projected / feared / likely to", "expects the toll to", "project(s)",
"predict(s)"), with no clause boundary between them; or it is the subject of a modal verb
of dying or suffering ("could die"), or of "is a (strong) possibility", or of an obligation
still to be met ("will have to be moved", "need to be evacuated", "must be rehoused": a need,
not what has happened). Epistemic perfects
("may have killed 300", "is feared to have died") estimate what already happened and stay
plain counts, as "believed to have died" does; "could not" negates, and "May" is a month.

A count someone rejects or disputes — "dismissed claims that hundreds had died", "denied
reports that 50 were killed", "rejected a tally of 300", "there was nothing to corroborate
reports that 60,000 had died" — is likewise a claim with its frame, but its modality is
`disputed`: it is reported only to be denied, so it never moves a figure either. The rule:
the number stands in the complement of a verb of rejection ("dismiss", "reject", "deny",
"dispute", "refute", "contest", "debunk", "discount", "nothing to corroborate") whose object
is a report noun ("claims", "reports", "rumours", "a tally", "the figure") or a that-clause
("denied that 50 ..."), with no clause boundary (a comma, "but", "saying") between them.
"""

from __future__ import annotations

import re

from monitor.text.patterns import may_hold

FORECAST = "forecast"
DISPUTED = "disputed"

# A modal or verb of expectation that governs what follows it in the clause.
_GOVERNOR = re.compile(
    r"\b(?:"
    r"(?:could|might|may)(?!\s+(?:not|never|have)\b)"
    r"|(?:will|would|is|are|was|were)\s+(?:likely|probably|almost\s+certainly)"
    r"(?:\s+to)?(?!\s+have\b)"
    r"|(?:is|are|was|were|be|been)\s+(?:expected|projected|forecast|predicted|feared|set|poised"
    r"|on\s+course|on\s+track)\s+to(?!\s+have\b)"
    r"|likely\s+to(?!\s+have\b)"
    r"|expects?\s+(?:the\s+|that\s+the\s+)?(?:[\w'’-]+\s+){0,3}?(?:to|will|would|could)"
    r"(?!\s+have\b)"
    r"|expected\s+(?:the\s+|that\s+the\s+)(?:[\w'’-]+\s+){0,3}?(?:to|would|could)"
    r"(?!\s+have\b)"
    r"|(?:models?|projections?|estimates?)\s+(?:\w+\s+){0,2}?(?:project(?:s|ed)?|predict(?:s|ed)?"
    r"|suggest(?:s|ed)?\s+(?:that\s+)?(?:the\s+)?(?:[\w'’-]+\s+){0,3}?(?:could|would|might))"
    r"|projects|projected|predicts|predicted|forecasts?"
    r")",
    re.IGNORECASE,
)

# What may stand between the governor and the number: a few words, no clause boundary.
_GAP_STOP = re.compile(
    r"[,;:()]|\b(?:and|but|while|after|when|because|which|who|since|said|says|told"
    r"|had|has|have|was|were|is|are|now|already|so\s+far"
    r"|killed|died|left|claimed|reported|confirmed|recorded|registered|stood|rose|climbed"
    r"|reached|jumped|grew|fell)\b",
    re.IGNORECASE,
)

# A count that is the subject of a modal verb of dying or suffering, or of a possibility.
_SUBJECT_OF_MODAL = re.compile(
    r"\s*(?:[\w'’-]+\s+){0,3}?"
    r"(?:(?:could|might|may)(?!\s+(?:not|never|have)\b)"
    r"|(?:will|would)\s+(?:likely|probably))\s+(?:still\s+|eventually\s+|yet\s+)?"
    r"(?:die|be\s+killed|lose\s+their\s+lives|perish|be\s+infected|fall\s+ill|be\s+displaced"
    r"|be\s+affected|need)\b"
    r"|\s*(?:[\w'’-]+\s+){0,2}?(?:is|was|remains|seems)\s+(?:a|an)\s+(?:\w+\s+)?"
    r"(?:possibility|prospect|likelihood)\b",
    re.IGNORECASE,
)

# A count its clause says must still be acted on ("at least 300,000 residents of two cities and
# 12 towns will have to be moved", "2,000 more people need to be evacuated"): a need, not what
# has happened, so it is projected like a forecast.
_OBLIGED = re.compile(
    r"\s*(?:[\w'’-]+\s+){0,8}?"
    r"(?:(?:will|would|may|might|could)\s+(?:still\s+)?(?:have|need)\s+to\s+be"
    r"|(?:need|needs|have|has)\s+to\s+be|must\s+(?:still\s+)?be)\s+[a-z]+(?:ed|en)\b",
    re.IGNORECASE,
)

_MAX_GAP_WORDS = 9

# Words without one of which the patterns above and below cannot match (`may_hold` gates).
_GOVERNOR_WORDS = (
    "could", "might", "may", "likely", "probably", "certainly", "expect", "project",
    "forecast", "predict", "feared", "set", "poised", "course", "track", "suggest",
)  # fmt: skip
_OBLIGED_WORDS = ("have to", "need", "must")
# What may not stand between the count and its obligation: a boundary or a finite verb of its own.
_OBLIGED_STOP = re.compile(
    r"[,;:()]|\b(?:and\s+said|but|while|which|who|that|because|since|as|when|if|unless|until"
    r"|so|before|after|said|says|were|was|are|is|had|has\s+been)\b",
    re.IGNORECASE,
)
_SUBJECT_WORDS = ("could", "might", "may", "will", "would", "possibility", "prospect", "likelihood")
_DISPUTE_WORDS = (
    "dismiss", "reject", "disput", "refut", "contest", "debunk", "rebut", "discount", "deny",
    "deni", "nothing",
)  # fmt: skip

# A verb of rejection and the report it rejects: the count that follows is disputed.
_REPORT_NOUN = (
    r"(?:claims?|reports?|rumou?rs?|allegations?|suggestions?|speculation|figures?|tall(?:y|ies)"
    r"|tolls?|counts?|estimates?|numbers?|accounts?)\b"
)
_DISPUTE = re.compile(
    r"\b(?:dismiss|reject|disput|refut|contest|debunk|rebut|discount|den(?:y|i))"
    r"(?:ed|es|s|ing|e)?(?:\s+as\s+[\w-]+)?\s+(?:[\w'’-]+\s+){0,3}?"
    + _REPORT_NOUN
    + r"|\b(?:den(?:y|ies|ied|ying)|disput(?:e|es|ed|ing))\s+that\b"
    r"|\bnothing\s+to\s+(?:corroborate|support|substantiate|confirm|back\s+up)\s+"
    r"(?:the\s+|such\s+)?" + _REPORT_NOUN,
    re.IGNORECASE,
)
# What closes the rejected report before the number: a boundary or another clause.
_DISPUTE_STOP = re.compile(r"[,;:()]|\b(?:but|while|saying|adding|instead|and\s+said)\b", re.I)
_MAX_DISPUTE_GAP_WORDS = 12


def disputed(sentence: str, start: int) -> bool:
    """True when the number at sentence[start:] is a count the sentence rejects or disputes."""
    before = sentence[:start]
    if not may_hold(before, _DISPUTE_WORDS):
        return False
    matches = list(_DISPUTE.finditer(before))
    if not matches:
        return False
    last = matches[-1]  # the nearest rejection before the number governs it, or none does
    gap = before[last.end() :]
    return len(gap.split()) <= _MAX_DISPUTE_GAP_WORDS and _DISPUTE_STOP.search(gap) is None


def modality(sentence: str, start: int, unit_end: int, clause_start: int = 0) -> str | None:
    """`forecast` when the clause projects the number at sentence[start:] (its noun phrase
    ending at `unit_end`) rather than reporting it, `disputed` when the sentence rejects it;
    None for a reported count."""
    if disputed(sentence, start):
        return DISPUTED
    window = sentence[clause_start:start]
    governors = _GOVERNOR.finditer(window) if may_hold(window, _GOVERNOR_WORDS) else ()
    for match in reversed(list(governors)):
        if match.group(0).startswith("May"):
            continue  # "in May, 40 cases": the month
        gap = window[match.end() :]
        if len(gap.split()) > _MAX_GAP_WORDS:
            break
        if _GAP_STOP.search(gap):
            break  # a boundary or a finite verb of its own: the governor is another clause's
        return FORECAST
    if may_hold(sentence[unit_end:], _SUBJECT_WORDS) and _SUBJECT_OF_MODAL.match(
        sentence, unit_end
    ):
        return FORECAST
    if may_hold(sentence[unit_end:], _OBLIGED_WORDS):
        obliged = _OBLIGED.match(sentence, unit_end)
        if obliged is not None and _OBLIGED_STOP.search(obliged.group(0)) is None:
            return FORECAST
    return None


__all__ = ["DISPUTED", "FORECAST", "disputed", "modality"]
