"""Bad input never raises: a sentence the extractor cannot read is reported, not thrown."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from monitor.text.claims import extract_claims, extract_report
from monitor.text.numbers import find_quantities, parse_number

_PIECES = [
    *"0123456789,.- ",
    *("of the ", "more than ", "about ", "toll ", "rose to ", "cases ", "people ", "in "),
    *("Texas ", "from ", "down ", "killed ", "a million ", "dozens ", "which ", "when "),
    *("1906", "last year ", "$", "%", "one ", "the ", "And ", "“", "”", "'s "),
]
_NEWSY = st.lists(st.sampled_from(_PIECES), max_size=60).map("".join)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=400))
def test_random_unicode_never_raises(text: str) -> None:
    report = extract_report(text)
    assert all(c.sentence[c.start : c.end] == c.text for c in report.claims)


@settings(max_examples=200, deadline=None)
@given(_NEWSY)
def test_newsy_noise_never_raises_and_offsets_hold(text: str) -> None:
    for claim in extract_claims(text):
        assert claim.sentence[claim.start : claim.end] == claim.text
        assert claim.kind in ("total", "new", "part", "previous", "rate")
        assert claim.time in ("current", "past")
        assert claim.scope_source in ("clause", "previous", "referring", "none")


@settings(max_examples=50, deadline=None)
@given(st.text(alphabet="0123456789,. ", max_size=60))
def test_digit_soup_parses_or_refuses(text: str) -> None:
    parse_number(text)
    find_quantities(text)


def test_a_huge_number_is_reported_as_unparsed_or_read_never_raised() -> None:
    text = f"Officials said {'9' * 400} people were evacuated."
    report = extract_report(text)
    assert len(report.claims) + len(report.unparsed) == 1
    if report.unparsed:
        assert report.unparsed[0].index == 0


def test_a_ten_thousand_word_sentence_is_reported_unparsed() -> None:
    words = " ".join(["about 40 people fled"] * 2500)
    report = extract_report(f"{words}. The toll rose to 41 on Friday.")
    assert [u.index for u in report.unparsed] == [0]
    assert "longer than" in report.unparsed[0].reason
    assert [c.value for c in report.claims] == [41]


def test_empty_and_blank_texts_give_nothing() -> None:
    for text in ("", " ", "\n\n", "\x00"):
        report = extract_report(text)
        assert (report.claims, report.unparsed) == ([], [])
