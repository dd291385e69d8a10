"""Implied units, sentence by sentence: a job-cutting verb whose object the sentence already
named takes that noun for a bare number after it ("Having eliminated 20,000 positions, UPS says
it has cut 48,000"; "will lay off another 10,000" is an increment of the same workers)."""

from __future__ import annotations

from monitor.text.claims import extract_claims


def _found(text: str) -> list[tuple[float, str, str]]:
    return [(c.value, c.unit, c.kind) for c in extract_claims(text)]


def test_a_bare_number_after_cut_counts_the_noun_named_before() -> None:
    text = "Having already eliminated 20,000 positions, UPS now says it has cut 48,000."
    assert _found(text) == [(20000, "positions", "total"), (48000, "positions", "total")]


def test_another_after_lay_off_is_an_increment_of_the_same_noun() -> None:
    text = "Meta laid off 11,000 workers in November and will lay off another 10,000."
    assert _found(text) == [(11000, "workers", "total"), (10000, "workers", "new")]


def test_a_further_after_cut_is_an_increment_of_the_same_noun() -> None:
    text = "Amazon cut 18,000 jobs and will cut a further 9,000."
    assert _found(text) == [(18000, "jobs", "total"), (9000, "jobs", "new")]


def test_a_bare_number_after_cut_with_no_noun_before_is_no_claim() -> None:
    assert _found("UPS has cut 48,000.") == []
