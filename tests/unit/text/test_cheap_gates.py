"""A literal test before a regex turns away only texts the regex could not match.

Several rules first ask whether a window holds a word their regex cannot match without (the
change words of "rose by 26 to", the possessive of "the outbreak's total to", the verbs of
"widened the strike of dockworkers to"), so that the regex runs on few windows. These
properties check that every text the regex matches passes its test, on generated texts and on
every window before a word of the development sentences.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from monitor.text import frame_clauses, frame_kinds, modality, owner, units
from monitor.text.patterns import may_hold

_DEV = Path(__file__).resolve().parents[2] / "data/claims"

# (the regex, the test that must pass wherever it matches)
_GATES: list[tuple[re.Pattern[str], Callable[[str], bool]]] = [
    (frame_kinds._CHANGE_BY, lambda t: may_hold(t, frame_kinds._CHANGE_BY_WORDS)),
    (frame_kinds._UP_BY_BEFORE, lambda t: may_hold(t, frame_kinds._CHANGE_BY_WORDS)),
    (frame_kinds._UP_BY_BEFORE, lambda t: may_hold(t, frame_kinds._UP_DOWN_WORDS)),
    (frame_clauses._TOTAL_OWNER, frame_clauses._has_possessive),
    (units._WIDENED, lambda t: any(w in t for w in units._WIDEN_WORDS)),
    (modality._GOVERNOR, lambda t: may_hold(t, modality._GOVERNOR_WORDS)),
    (modality._SUBJECT_OF_MODAL, lambda t: may_hold(t, modality._SUBJECT_WORDS)),
    (modality._DISPUTE, lambda t: may_hold(t, modality._DISPUTE_WORDS)),
    (units._OF_LED, lambda t: units._OF_END.search(t) is not None),
    (units._VERB_LED, units.led_count_may_end),
    (units._PLURAL_LED, units.led_count_may_end),
    (owner._PLACE_TOLL, owner._toll_in_reach),
]
_WORDS = [
    *("rose", "by", "BY", "By", "up", "Up", "UP", "down", "Down", "to", "about", "nearly"),
    *("the", "The", "outbreak's", "Rwanda’s", "state's", "total", "toll", "count", "at", "past"),
    *("expanded", "widened", "Expanded", "its", "recall", "of", "cars", "strike", "dockworkers"),
    *("’s", "'s", "s", "ſ", "uP", "dOwn", "bY", "—", ",", "12", "1,200", "s\n", "\t"),
    *("could", "May", "is", "expected", "likely", "models", "project", "reach", "die"),
    *("denied", "rejected", "claims", "reports", "that", "Dismissed", "nothing", "corroborate"),
    *("population", "death toll", "number of", "OF", "Of", "about", "some", "more than", "tally"),
    *("Spain", "Spain's", "Gaza", "New York", "flood", "toll", "jumps", "at", "tally", "stood"),
    *("Cases", "infections", "Confirmed", "deaths", "nears", "nearing", "in Texas", "and"),
    *("rose", "has", "is expected to", "risen", "in the past week", "as many as", "nears", "at"),
    *("number of people killed in", "total number of bodies", "count", "stood", "soared", "\u00a0"),
]
_TEXT = st.lists(st.sampled_from(_WORDS), max_size=14).map(" ".join)


def _windows() -> list[str]:
    """The 80 characters before each word of every development sentence."""
    rows = []
    for path in (_DEV / "sentences.jsonl", _DEV / "dev/sentences.jsonl"):
        rows += [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    sentences = [r["text"] for r in rows] + [r["previous"] for r in rows if r.get("previous")]
    return [s[max(0, m.end() - 80) : m.end()] for s in sentences for m in re.finditer(r"\s+", s)]


@settings(max_examples=400, deadline=None)
@given(_TEXT)
def test_a_regex_is_skipped_only_when_it_could_not_match(text: str) -> None:
    for pattern, passes in _GATES:
        for tail in ("", " "):
            if pattern.search(text + tail):
                assert passes(text + tail), (pattern.pattern[:40], text + tail)


def test_no_development_window_loses_a_match_to_its_test() -> None:
    matched = 0
    for window in _windows():
        for pattern, passes in _GATES:
            if pattern.search(window):
                matched += 1
                assert passes(window), (pattern.pattern[:40], window)
    assert matched > 50  # the sentences do exercise the regexes


def test_the_tests_turn_away_windows_without_their_words() -> None:
    assert not may_hold("the toll climbed to ", frame_kinds._CHANGE_BY_WORDS)
    assert not frame_clauses._has_possessive("the national total rose to ")
    assert frame_clauses._has_possessive("bringing the outbreak's total to ")
    # _WIDENED reads its verbs as written (lower case), and so does its test
    assert units._WIDENED.search("Expanded its recall of cars with faulty switches to ") is None
    assert not any(w in "Expanded its recall of cars to " for w in units._WIDEN_WORDS)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), min_size=10, max_size=40).map(" ".join))
def test_the_led_count_test_reads_far_enough_back(text: str) -> None:
    for tail in (" ", " has been raised to ", " stood at about ", " rose in the past week to "):
        if units._VERB_LED.search(text + tail):
            assert units.led_count_may_end(text + tail), text + tail
        if units._PLURAL_LED.search(text + tail):
            assert units.led_count_may_end(text + tail), text + tail


def test_the_led_count_test_passes_long_verb_chains_and_windows() -> None:
    chain = "The death toll from the storm " + "has " * 30 + "officially   risen\u00a0 to  "
    assert units._VERB_LED.search(chain) and units.led_count_may_end(chain)
    span = "the number of people killed in the floods has risen in the past week to as many as "
    assert units._VERB_LED.search(span) and units.led_count_may_end(span)
    assert not units.led_count_may_end("the number of people killed in the floods, ")
    for path in (_DEV / "sentences.jsonl", _DEV / "dev/sentences.jsonl"):
        for line in path.read_text().splitlines():
            text = json.loads(line)["text"] if line.strip() else ""
            for m in re.finditer(r"\s+", text):
                window = text[max(0, m.end() - units._LOOKBACK) : m.end()]
                if units._VERB_LED.search(window):
                    assert units.led_count_may_end(window), window
                if units._PLURAL_LED.search(window):
                    assert units.led_count_may_end(window), window


def test_the_led_count_test_knows_every_qualifier() -> None:
    body = units._QUAL.removeprefix("(?:(?:").removesuffix(r")\s+)?")
    assert {p.replace(r"\s+", " ") for p in body.split("|")} == units._QUAL_PHRASES
    assert units.led_count_may_end("the death toll rose to as many as ")
    assert units.led_count_may_end("Quake toll nears ")
    assert not units.led_count_may_end("officials in Texas said, ")
