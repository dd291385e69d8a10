"""The cheap tests that run before a regex never turn away a text the regex would match.

Claim extraction skips a regex when a text lacks the words it needs (`may_hold`) and starts
the quantity grammar at the first word that can open a quantity (`numbers._START`); both must
leave the output exactly as it was, which these properties check on generated texts and on
every development sentence.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from monitor.text import (
    clauses,
    frame_clause_parts,
    frame_kinds,
    frame_times,
    numbers,
    scope,
    units,
)
from monitor.text.patterns import CaseFree, folded, holds, lowered, may_hold

_DEV = Path(__file__).resolve().parents[2] / "data/claims"
# (regex, words it needs, whether it is matched at the start rather than searched)
_GUARDED: list[tuple[re.Pattern[str], tuple[str, ...], bool]] = [
    (frame_kinds._COMPARED, frame_kinds._COMPARED_WORDS, False),
    (
        frame_kinds._PREVIOUS_BEFORE,
        frame_kinds._COMPARED_WORDS + frame_kinds._PREVIOUS_WORDS,
        False,
    ),
    (frame_kinds._SUPERSEDED, frame_kinds._SUPERSEDED_WORDS, True),
    (frame_kinds._EVERY_PERIOD, ("each", "every", "per"), False),
    (frame_kinds._ACCOUNTS_FOR, ("account",), False),
    (frame_kinds._ACCOUNTS_AND, ("account",), False),
    (frame_kinds._PART_BEFORE, frame_kinds._PART_WORDS, False),
    (frame_kinds._NEW_BEFORE, frame_kinds._NEW_WORDS, False),
]
_WORDS = [
    *(w for _, words, _ in _GUARDED for w in words),
    *("compared with", "up from", "an earlier toll of", "had previously reported", "a day earlier"),
    *("has since risen to", "that was reported earlier", "among them", "of whom", "a further"),
    *("including", "accounted for", "every day", "per week", "and", "the", "cases", "of", "to"),
    *("by", "rose by", "went up by", "jumped to", "in number", "which", "days before"),
    *("more than", "about", "US$", "Rs.", "No.", "May", "Flight", "tens of", "a few", "approx."),
    *("half a", "between", "from", "thirty-two", "dozens", "million", "#", "+", "(", "2024"),
    *("12", "1,200", "3.5", "ſ", "ı", "K", "verſus", "ſince", ",", ";", "—", "'s", "-"),
]
_TEXT = st.lists(
    st.sampled_from(_WORDS).map(lambda w: w.upper() if w[:1] == "x" else w)
    | st.sampled_from(_WORDS).map(str.upper)
    | st.sampled_from(_WORDS).map(str.title)
    | st.text(alphabet="aeinorst19 ,.-", max_size=6),
    max_size=14,
).map(" ".join)


def _dev_sentences() -> list[str]:
    rows = []
    for path in (_DEV / "sentences.jsonl", _DEV / "dev/sentences.jsonl"):
        rows += [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    return [r["text"] for r in rows] + [r["previous"] for r in rows if r.get("previous")]


def _found(pattern: re.Pattern[str], text: str, at_start: bool) -> bool:
    return (pattern.match(text) if at_start else pattern.search(text)) is not None


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_a_regex_is_skipped_only_when_it_could_not_match(text: str) -> None:
    for pattern, words, at_start in _GUARDED:
        for tail in ("", " ", " 12 "):
            if _found(pattern, text + tail, at_start):
                assert may_hold(text + tail, words), (pattern.pattern[:40], text + tail)


def test_no_development_sentence_loses_a_match_to_a_skip() -> None:
    checked = 0
    for sentence in _dev_sentences():
        for space in re.finditer(r"\s+", sentence):  # before a word, as before a number
            at = space.end()
            before, after = sentence[max(0, at - 48) : at], sentence[space.start() :]
            for pattern, words, at_start in _GUARDED:
                text = after if at_start else before
                if _found(pattern, text, at_start):
                    checked += 1
                    assert may_hold(text, words), (pattern.pattern[:40], text)
    assert checked > 100  # the sentences do exercise the regexes


def test_text_that_is_not_ascii_is_never_skipped() -> None:
    assert frame_kinds._COMPARED.search("verſus ")  # case-insensitive matching folds ſ onto s
    assert may_hold("verſus ", frame_kinds._COMPARED_WORDS)
    assert not may_hold("nothing to see here", frame_kinds._COMPARED_WORDS)


def _first_quantity(text: str, at: int) -> tuple[int, int] | None:
    m = numbers._MASTER.search(text, at)
    return None if m is None else m.span()


def _first_quantity_from_start(text: str, at: int) -> tuple[int, int] | None:
    first = numbers._START.search(text, at)
    return None if first is None else _first_quantity(text, first.start())


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_the_quantity_grammar_finds_the_same_first_quantity_from_start(text: str) -> None:
    for at in range(len(text) + 1):
        assert _first_quantity_from_start(text, at) == _first_quantity(text, at), (text, at)


@pytest.mark.parametrize(
    "text",
    [
        "It cost US$5 million, HK$3 and Rs. 500 on 5 May 2024 in No. 5 and Flight 17 at #4.",
        "In the region of 500, approx. 50, a little more than 30, half a million and a few hundred",
        "Tens of thousands, thirty-two, between 5 and 7, from 88 to 71, call +44 20 7946 0000",
        "Or (555) 123-4567; nearly 1,200 people, several thousand, dozens, 10:30 a.m., 3rd",
    ],
)
def test_every_kind_of_quantity_opens_where_start_finds_it(text: str) -> None:
    for at in range(len(text) + 1):
        assert _first_quantity_from_start(text, at) == _first_quantity(text, at), (text, at)


@pytest.mark.parametrize(
    ("pattern", "words", "at_start", "text"),
    [
        (frame_kinds._COMPARED, frame_kinds._COMPARED_WORDS, False, "vs. "),
        (frame_kinds._PREVIOUS_BEFORE, frame_kinds._PREVIOUS_WORDS, False, "Initially "),
        (frame_kinds._PREVIOUS_BEFORE, frame_kinds._PREVIOUS_WORDS, False, "originally "),
        (
            frame_kinds._PREVIOUS_BEFORE,
            frame_kinds._PREVIOUS_WORDS,
            False,
            "an earlier estimate of ",
        ),
        (
            frame_kinds._PREVIOUS_BEFORE,
            frame_kinds._PREVIOUS_WORDS,
            False,
            "had previously reported ",
        ),
        (frame_kinds._PREVIOUS_BEFORE, frame_kinds._PREVIOUS_WORDS, False, "a drop from "),
        (frame_kinds._SUPERSEDED, frame_kinds._SUPERSEDED_WORDS, True, " that it gave days before"),
        (frame_kinds._SUPERSEDED, frame_kinds._SUPERSEDED_WORDS, True, " has since shrunk to 4"),
        (frame_kinds._EVERY_PERIOD, ("each", "every", "per"), False, "died per day"),
        (frame_kinds._PART_BEFORE, frame_kinds._PART_WORDS, False, "most of them "),
        (frame_kinds._PART_BEFORE, frame_kinds._PART_WORDS, False, "of which "),
        (frame_kinds._NEW_BEFORE, frame_kinds._NEW_WORDS, False, "cases were up by "),
        (frame_kinds._NEW_BEFORE, frame_kinds._NEW_WORDS, False, "a spike of "),
        (frame_kinds._NEW_BEFORE, frame_kinds._NEW_WORDS, False, "Another "),
    ],
)
def test_each_needed_word_is_listed(
    pattern: re.Pattern[str], words: tuple[str, ...], at_start: bool, text: str
) -> None:
    assert _found(pattern, text, at_start)
    assert may_hold(text, words)


def _guards() -> list[tuple[re.Pattern[str], re.Pattern[str]]]:
    """Each regex that opens with a cheap first test, and the same regex without it."""

    def without(pattern: re.Pattern[str], guard: str, plain: str = "") -> re.Pattern[str]:
        assert guard in pattern.pattern
        return re.compile(pattern.pattern.replace(guard, plain, 1), pattern.flags)

    locative = re.search(r"\(\?=\[[^]]+\]\|\(\?i:\[[^]]+\]\)\)", scope._LOCATIVE.pattern)
    assert locative is not None
    return [
        (clauses._BOUNDARY, without(clauses._BOUNDARY, r"(?=[,;:—\s])")),
        (scope._LOCATIVE, without(scope._LOCATIVE, locative.group())),
        (scope._EVENT_PHRASE, without(scope._EVENT_PHRASE, r"(?=[FfIiAaDdSs])")),
        (scope._EVENT_NAME, without(scope._EVENT_NAME, r"[Tt](?<!\w[Tt])he", r"\b[Tt]he")),
        (units._VERB_LED, without(units._VERB_LED, r"(?=[\sdcfiajlhtnpw])")),
        (frame_times._PAST, without(frame_times._PAST, r"(?=[ltpaydbio12])")),
    ]


def _all_found(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], object]]:
    found: list[tuple[tuple[int, int], object]] = []
    for tail in ("", " "):  # the led patterns end where the number would stand
        found += [(m.span(), m.groupdict()) for m in pattern.finditer(text + tail)]
    return found


_GUARD_WORDS = [
    *_WORDS,
    *("in Texas", "In New Mexico", "across the state", "nationwide", "Statewide", "the"),
    *("Lahaina fire", "from the crash", "During the Hajj", "death toll", "number of deaths"),
    *("rose to", "last year", "in 2019", "a decade earlier", "back then", "İn", "ınside"),
    *("Sudan's population was", "the figure stood at", "job count", "layoff tally", "is"),
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_GUARD_WORDS), max_size=12).map(" ".join))
def test_a_first_test_changes_no_match(text: str) -> None:
    for guarded, plain in _guards():
        assert _all_found(guarded, text) == _all_found(plain, text), (guarded.pattern[:30], text)


def test_a_first_test_changes_no_match_in_development_sentences() -> None:
    pairs = _guards()
    for sentence in _dev_sentences():
        for guarded, plain in pairs:
            assert _all_found(guarded, sentence) == _all_found(plain, sentence)


# Case-insensitive patterns read lower-cased ASCII text through their case-sensitive twins.
_CASE_FREE = [
    frame_kinds._WINDOW_CF,
    frame_clause_parts._ATTACH_CF,
    frame_times._REVISED_AFTER_CF,
    frame_kinds._THE_BEFORE_CF,
    frame_kinds._PREVIOUS_BEFORE_CF,
    scope._OWN_VERB_CF,
    scope._REPORT_VERB_CF,
    units._AFTER_LINK_CF,
    units._SETTLEMENT_OF_CF,
    units._KILL_CF,
]
_FOLDED = [
    (numbers._MASTER, numbers._MASTER_FOLDED),
    (numbers._ANCHOR, numbers._ANCHOR_FOLDED),
    (numbers._START, numbers._START_FOLDED),
    (clauses._BOUNDARY, clauses._BOUNDARY_FOLDED),
    (numbers._NOT_A_COUNT_AFTER, numbers._NOT_A_COUNT_AFTER_FOLDED),
    *((twin.pattern, twin.twin) for twin in _CASE_FREE),
]


def _matches(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], ...]]:
    """Every match's span and the spans of all its groups."""
    return [
        (m.span(), *(m.span(g) for g in range(1, pattern.groups + 1)))
        for m in pattern.finditer(text)
    ]


@settings(max_examples=300, deadline=None)
@given(_TEXT.filter(str.isascii))
def test_a_folded_pattern_matches_lowercased_ascii_text_where_the_original_matches(
    text: str,
) -> None:
    for original, twin in _FOLDED:
        assert _matches(twin, text.lower()) == _matches(original, text), (
            original.pattern[:40],
            text,
        )


def test_every_development_sentence_gives_the_same_matches_folded() -> None:
    sentences = [s for s in _dev_sentences() if s.isascii()]
    assert len(sentences) > 500
    for sentence in sentences:
        for original, twin in _FOLDED:
            assert _matches(twin, sentence.lower()) == _matches(original, sentence), sentence


@pytest.mark.parametrize(
    "pattern",
    [
        re.compile(r"\Sx", re.I),  # \S lower-cased would be \s
        re.compile(r"\x41", re.I),  # "A" by number
        re.compile(r"(?-i:A)b", re.I),  # an inline flag
        re.compile(r"(?P<Name>a)", re.I),  # a group name would change
        re.compile(r"abc"),  # not case-insensitive
    ],
)
def test_a_pattern_that_lower_casing_would_change_is_refused(pattern: re.Pattern[str]) -> None:
    with pytest.raises(ValueError):
        folded(pattern)


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_a_case_free_pattern_finds_what_its_pattern_finds(text: str) -> None:
    for case_free in _CASE_FREE:
        for at in (0, len(text) // 2):
            for method in ("search", "match", "fullmatch"):
                got = getattr(case_free, method)(text, at)
                want = getattr(case_free.pattern, method)(text, at)
                assert (got and got.span()) == (want and want.span()), (method, text, at)


def test_a_case_free_pattern_reads_text_that_is_not_ascii_itself() -> None:
    last = CaseFree(re.compile(r"\blast\b", re.IGNORECASE))
    assert last.twin.search("la\u017ft") is None  # the twin has no "ſ" for s ...
    assert last.search("la\u017ft") is not None  # ... the pattern folds it onto s


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_one_lowering_answers_every_word_test_as_may_hold_does(text: str) -> None:
    low = lowered(text)
    for _, words, _ in _GUARDED:
        assert holds(low, words) == may_hold(text, words), (words, text)
