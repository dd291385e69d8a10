"""Counts whose counted noun does not stand right after the number (tests/data/quantities/
README.md), read after every other reader, on the numbers none of them took:

- partitive: "three of his four attempts", "one of the 242 people": the number counts the
  plural noun of the "of" phrase (the second number is a count of its own);
- ellipsis: "set up one goal and scored three", "took 66 seats and the Democrats 49", "10,000
  more cuts, on top of the 11,000 it made": a bare number that no noun follows takes the noun of
  the count just before it in the same sentence, when no other number stands between;
- subject: "The victims were aged 14 to 18; 14 were male": a bare number before "were"/"are"
  counts the plural noun the sentence named with a determiner before it;
- collective: "an electorate of 48,247,224", "a crowd of 50,000": the size of a collective noun
  counts it.

- "of them": "224 people on board, 217 of them passengers", "more than 20 of them were
  children": a count the claims read as the earlier noun's counts the noun after "of them";
- scores: "Scores of rescuers" is a vague count of 40 to 199 rescuers (two to nine score), at
  the sentence's start or after a verb or preposition, never a noun's ("test scores of").

Never a year, a date ("December 4"), a score or clock time ("3-1", "2:30"), a hyphenated
compound ("a 23-nation group": not a quantity, README), a named or numbered thing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from monitor.text.quantity_context import is_named
from monitor.text.quantity_grammar import Amount, bare_numbers
from monitor.text.quantity_units import is_plural, singular_noun
from monitor.text.sentences import word_set


@dataclass(frozen=True)
class Counted:
    """A count already read: where it stands and the head noun it counts."""

    start: int
    end: int
    unit: str


_NOT_NOUNS = word_set(
    """of in on at by to for from with and or but the a an as than that this these those who
    which were was are is be been have has had will would could should may might can did do
    does not no more less fewer still also each per times its their his her our them they
    seconds minutes hours days weeks months years decades centuries percent cent points"""
)
_OF_THE = re.compile(
    r"\s+of\s+(?:the|its|their|his|her|our|these|those|my|your|[A-Z]\w+'s)\s+"
    r"(?:[a-z][a-z-]*'s\s+)?"  # an owner after the determiner: "of the plane's 220 seats"
    r"(?:(?P<n>\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen)\s+)?(?P<words>[a-z][a-z-]*(?:\s+[a-z][a-z-]*){0,2})"
)
# after an elliptical number: punctuation, a conjunction, a relative pronoun, a time or place
_BARE_AFTER = re.compile(
    r"(?:\s*(?:[,;)]|\.(?!\d)|$)|\s+(?:and|but|it|they|that|which|who|he|she|we|more|"
    r"in|on|by|last|this|earlier|before)\b)",
    re.IGNORECASE,
)
# an appositive after a comma, a noun's postmodifier ("children under 18", "people over 65")
_APPOSITIVE = re.compile(r"[,(:]\s*$")
# a difference told after the count it compares with: "250,000 workers, 100,000 fewer than"
_COMPARED_AFTER = re.compile(
    r"\s+(?:(?:fewer|more|less)\s+than|short\s+of)\b", re.IGNORECASE
)  # "100,000 fewer than", "32 short of the 272 needed"
_POSTMODIFIER = re.compile(r"\b(?P<noun>[A-Za-z]+)\s+(?i:under|over|above|below|aged)\s+$")
# "14 were male and six female": after "and", one word then the clause's end
_AND_BEFORE = re.compile(r"\band\s+$")
_GAPPED = re.compile(r"\s+[a-z]+\s*(?:[,;)]|\.(?!\d)|$)")
_SUBJECT_AFTER = re.compile(r"\s+(?:were|are)\s+(?!years?\b|old\b)", re.IGNORECASE)
_SUBJECT_BEFORE = re.compile(r"(?:^|[;:.]\s*|\b(?:and|but)\s+)$")
_DETERMINED_PLURAL = re.compile(r"\b(?i:the|its|their|his|her|those|these)\s+(?P<noun>[a-z]+)\b")
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")
_NUMBERED = re.compile(r"(?:\bNo\.|#|\bnumber|\bpage|\bday|\baged?|\bages|\bto)\s*$", re.I)
_MONTH_BEFORE = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+$"
)
_MONTH_AFTER = re.compile(
    r"(?:\s+(?:and|to|or)\s+\d{1,2})?\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
)
_REACH = 90


def _plain(text: str, n: Amount) -> bool:
    """A number standing alone: not part of a score, clock time, date, year or decimal."""
    before = text[max(0, n.start - 1) : n.start]
    after = text[n.end : n.end + 2]
    if before in ("-", ":", "/", ".") or re.match(r"[-:/.]\d|-\w|'s", after):
        return False
    written = text[n.start : n.end]
    return not (written.isdigit() and len(written) == 4 and 1800 <= n.value <= 2100)


_MODIFIER_ENDS = (
    "ed",
    "al",
    "ive",
    "ous",
    "ic",
    "ful",
    "less",
    "able",
    "ible",
    "ing",
    "ary",
    "est",
)
_CAPITAL_BEFORE = re.compile(r"\b[A-Z][a-z]+s\s+$")


def _named(text: str, n: Amount) -> bool:
    """A named number ("Model 3"), unless the capital before is a plural group ("the Democrats
    49": a gapped count)."""
    if _CAPITAL_BEFORE.search(text, max(0, n.start - 30), n.start):
        return False
    return is_named(text, n.start, text[n.start : n.end])


def _partitive(text: str, n: Amount) -> str | None:
    of = _OF_THE.match(text, n.end)
    if of is None:
        return None
    for word in of["words"].split():
        if is_plural(word) and word not in _NOT_NOUNS:
            return singular_noun(word)
        if not word.endswith(_MODIFIER_ENDS):
            return None  # "Article 5 of the treaty commits": a singular noun first
    return None


def _same_sentence(text: str, start: int, end: int) -> bool:
    return not _SENTENCE_END.search(text, start, end)


def _elliptical(
    text: str,
    n: Amount,
    counts: list[Counted],
    numbers: list[Amount],
    taken: list[tuple[int, int]],
) -> str | None:
    compared = bool(_COMPARED_AFTER.match(text, n.end))  # "250,000 workers, 100,000 fewer than"
    if _APPOSITIVE.search(text, max(0, n.start - 4), n.start) and not compared:
        return None  # "the three countries, 608 on Friday"
    post = _POSTMODIFIER.search(text, max(0, n.start - 30), n.start)
    if post and is_plural(post["noun"].lower()):
        return None  # "children under 18", "people over 65": an age or threshold
    gapped = _AND_BEFORE.search(text, max(0, n.start - 5), n.start) and _GAPPED.match(text, n.end)
    if not (_BARE_AFTER.match(text, n.end) or gapped or compared):
        return None
    before = [c for c in counts if c.end <= n.start]
    if not before:
        return None
    last = max(before, key=lambda c: c.end)
    if n.start - last.end > _REACH or not _same_sentence(text, last.end, n.start):
        return None
    if any(last.end <= b.start and b.end <= n.start for b in numbers) or any(
        last.end <= a and b <= n.start for a, b in taken
    ):
        return None  # another number or amount between: "12 shirts, 5% more ..., and 30"
    return last.unit


# "an electorate of 48,247,224", "a crowd of 50,000": a collective noun's size counts it
_COLLECTIVE_BEFORE = re.compile(
    r"\b(?:an?|the|its|their|his|her)\s+(?:[a-z]+\s+)?(?P<noun>electorate|crowd|audience|"
    r"workforce|population|fleet|army|staff|membership|congregation|herd|flock|squad|field)"
    r"\s+of\s+$",
    re.IGNORECASE,
)


def _collective(text: str, n: Amount) -> str | None:
    m = _COLLECTIVE_BEFORE.search(text, max(0, n.start - 40), n.start)
    return m["noun"].lower() if m else None


def _subject(text: str, n: Amount) -> str | None:
    if not _SUBJECT_AFTER.match(text, n.end):
        return None
    if not _SUBJECT_BEFORE.search(text[max(0, n.start - 6) : n.start]):
        return None
    head = text[: n.start]
    cut = max(head.rfind(". "), head.rfind("! "), head.rfind("? "))
    nouns = [
        m["noun"]
        for m in _DETERMINED_PLURAL.finditer(head, cut + 1)
        if is_plural(m["noun"]) and m["noun"] not in _NOT_NOUNS
    ]
    return singular_noun(nouns[-1]) if nouns else None


def noun_elsewhere_counts(
    text: str, taken: list[tuple[int, int]], counts: list[Counted]
) -> list[Amount]:
    """Counts of the bare numbers no reader took whose noun stands elsewhere (module doc).
    `taken` are the spans of every quantity read, `counts` the counts among them."""
    out: list[Amount] = []
    counts = list(counts)
    numbers = bare_numbers(text)
    for n in numbers:
        if any(n.start < end and start < n.end for start, end in taken):
            continue
        if _NUMBERED.search(text[max(0, n.start - 10) : n.start]):
            continue
        if _named(text, n):
            continue  # "Model 3", "Article 5"
        if not _plain(text, n) or _MONTH_BEFORE.search(text[max(0, n.start - 12) : n.start]):
            continue
        if _MONTH_AFTER.match(text, n.end):  # "on 23 and 24 October"
            continue
        noun = (
            _partitive(text, n)
            or _elliptical(text, n, counts, numbers, taken)
            or _subject(text, n)
            or _collective(text, n)
        )
        if noun is not None:
            found = replace(n, kind="count", unit=noun, unit_text="")
            out.append(found)
            counts.append(Counted(found.start, found.end, found.unit))
    return out


SCORES = (40.0, 199.0)  # "scores of": two to nine score
_SCORES = re.compile(
    r"(?<![\w-])(?P<w>[Ss]cores)\s+of\s+(?:(?P<mod>[a-z][a-z-]*)\s+)?(?P<noun>[a-z][a-z-]*)\b"
)
_SCORES_BEFORE = re.compile(
    r"(?:^|[.!?;:,(]\s*|\b(?:and|or|with|by|of|to|for|among|including|left|killed|injured|"
    r"wounded|arrested|were|are|saw|had|have|has|sent|drew|attracted|\w+ed)\s+)$"
)


def read_scores(text: str) -> list[tuple[int, int, str]]:
    """The spans of "scores" that count a plural noun ("Scores of rescuers searched ...", "left
    scores of homes damaged") and the noun's singular: a vague count of SCORES."""
    out = []
    for m in _SCORES.finditer(text):
        noun = m["mod"] if m["mod"] and is_plural(m["mod"]) else m["noun"]
        if not is_plural(noun) or noun in _NOT_NOUNS:
            continue
        if not _SCORES_BEFORE.search(text[max(0, m.start() - 14) : m.start()]):
            continue
        out.append((m.start(), m.start() + len(m["w"]), singular_noun(noun)))
    return out


_OF_THEM = re.compile(r"\s+of\s+them\s+(?:(?:were|are|was|is)\s+)?(?P<noun>[a-z]+)\b")


def of_them_noun(text: str, end: int) -> str | None:
    """The plural noun a count ending at `end` names after "of them", singular, or None."""
    m = _OF_THEM.match(text, end)
    if m is None or not is_plural(m["noun"]) or m["noun"] in _NOT_NOUNS:
        return None
    return singular_noun(m["noun"])
