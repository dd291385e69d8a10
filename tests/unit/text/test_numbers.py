"""The number grammar: digits, words, vague amounts, ranges, qualifiers and what is not a count."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from monitor.text.numbers import Quantity, find_quantities, parse_number

_UNITS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def words_below_thousand(n: int) -> str:
    """English words for 1..999, the way newspapers write them."""
    parts = []
    if n >= 100:
        parts.append(f"{_UNITS[n // 100]} hundred")
        n %= 100
    if n >= 20:
        parts.append(_TENS[n // 10] + (f"-{_UNITS[n % 10]}" if n % 10 else ""))
    elif n:
        parts.append(_UNITS[n])
    return " ".join(parts)


def words(n: int) -> str:
    """English words for 1..999,999,999,999 ("three million two hundred thousand")."""
    parts = []
    for scale, name in ((10**9, "billion"), (10**6, "million"), (10**3, "thousand"), (1, "")):
        chunk, n = divmod(n, scale)
        if chunk:
            parts.append(f"{words_below_thousand(chunk)} {name}".strip())
    return " ".join(parts)


def only(sentence: str) -> Quantity:
    """The single quantity of a sentence."""
    found = find_quantities(sentence)
    assert len(found) == 1, found
    return found[0]


counts = st.integers(min_value=2, max_value=999_999_999_999)


@given(counts)
def test_integers_with_comma_separators_parse_back(n: int) -> None:
    assert parse_number(f"{n:,}") == n


@given(counts)
def test_integers_with_space_separators_parse_back(n: int) -> None:
    assert parse_number(f"{n:,}".replace(",", " ")) == n


@given(counts)
def test_integers_in_words_parse_back(n: int) -> None:
    assert parse_number(words(n)) == n


@given(st.integers(min_value=1, max_value=99), st.sampled_from(["thousand", "million", "billion"]))
def test_word_multiples_of_a_scale_parse_back(n: int, scale: str) -> None:
    factor = {"thousand": 10**3, "million": 10**6, "billion": 10**9}[scale]
    assert parse_number(f"{words(n)} {scale}") == n * factor


@given(
    st.integers(min_value=1, max_value=999),
    st.integers(min_value=1, max_value=9),
    st.sampled_from(["thousand", "million", "billion"]),
)
def test_decimals_with_a_scale_word_parse_back_exactly(whole: int, tenth: int, scale: str) -> None:
    factor = {"thousand": 10**3, "million": 10**6, "billion": 10**9}[scale]
    assert parse_number(f"{whole}.{tenth} {scale}") == (whole * 10 + tenth) * factor // 10


@given(counts.filter(lambda n: not 1800 <= n <= 2100), st.sampled_from(["digits", "words"]))
def test_a_rendered_count_is_found_in_a_sentence_with_its_offsets(n: int, form: str) -> None:
    written = f"{n:,}" if form == "digits" else words(n)
    sentence = f"Officials said {written} drones were launched overnight."
    quantity = only(sentence)
    assert quantity.value == n
    assert sentence[quantity.start : quantity.end] == quantity.text == written


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("6,700", 6700),
        ("10 000", 10000),
        ("1.2 million", 1_200_000),
        ("6.7 thousand", 6700),
        ("a million", 1_000_000),
        ("a thousand", 1000),
        ("three million", 3_000_000),
        ("half a million", 500_000),
        ("two dozen", 24),
        ("two hundred and fifty", 250),
        ("1.5m", 1_500_000),
    ],
)
def test_parse_number_reads_common_forms(written: str, value: int) -> None:
    assert parse_number(written) == value


@pytest.mark.parametrize("written", ["", "   ", "shells", "many"])
def test_parse_number_rejects_non_numbers(written: str) -> None:
    assert parse_number(written) is None


@pytest.mark.parametrize(
    ("sentence", "text", "value", "lower", "upper", "qualifier", "approximate"),
    [
        ("It sent more than a million shells.", "more than a million",
         1e6, 1e6, None, "more than", False),
        ("It sent over 6 million shells.", "over 6 million", 6e6, 6e6, None, "more than", False),
        ("It sent at least 40 missiles.", "at least 40", 40, 40, None, "at least", False),
        ("It sent almost 5 million shells.", "almost 5 million", 5e6, None, 5e6, "almost", True),
        ("It sent nearly 900 drones.", "nearly 900", 900, None, 900, "almost", True),
        ("It sent just under 900 drones.", "just under 900", 900, None, 900, "almost", True),
        ("It sent up to 3 million rounds.", "up to 3 million", 3e6, None, 3e6, "up to", False),
        ("It sent as many as 300 tanks.", "as many as 300", 300, None, 300, "up to", False),
        ("It sent about 1,300 troops.", "about 1,300", 1300, 1300, 1300, "about", True),
        ("It sent some 1,300 troops.", "some 1,300", 1300, 1300, 1300, "about", True),
        ("It sent an estimated 12,000 troops.", "an estimated 12,000",
         12000, 12000, 12000, "about", True),
        ("It sent 5,000 or so troops.", "5,000 or so", 5000, 5000, 5000, "about", True),
        ("It sent fewer than 50 jets.", "fewer than 50", 50, None, 50, "less than", False),
        ("It sent up to about 3 million rounds.", "up to about 3 million",
         3e6, None, 3e6, "up to", True),
        ("It sent between 2 and 3 million shells.", "between 2 and 3 million",
         2e6, 2e6, 3e6, "between", False),
        ("It sent 2-3 million shells.", "2-3 million", 2e6, 2e6, 3e6, "between", False),
        ("It sent from 40 to 60 drones.", "from 40 to 60", 40, 40, 60, "between", False),
        ("It sent hundreds of thousands of shells.", "hundreds of thousands",
         200_000, 200_000, 999_999, "vague", True),
        ("It sent several million shells.", "several million",
         3e6, 3e6, 9e6, "vague", True),
        ("It sent a few thousand troops.", "a few thousand", 2000, 2000, 5000, "vague", True),
        ("It sent dozens of drones.", "dozens", 24, 24, 99, "vague", True),
        ("It sent tens of thousands of troops.", "tens of thousands",
         20_000, 20_000, 99_999, "vague", True),
    ],
)  # fmt: skip
def test_qualifiers_map_to_canonical_names_and_bounds(
    sentence: str,
    text: str,
    value: float,
    lower: float | None,
    upper: float | None,
    qualifier: str,
    approximate: bool,
) -> None:
    quantity = only(sentence)
    assert (quantity.text, quantity.value, quantity.lower, quantity.upper) == (
        text,
        value,
        lower,
        upper,
    )
    assert (quantity.qualifier, quantity.approximate) == (qualifier, approximate)


@pytest.mark.parametrize(
    "sentence",
    [
        "The strike came on 12 March, 2022.",
        "Talks resumed in August 2023 and again on Oct. 26.",
        "The meeting began at 10:30 and ended at 3 p.m.",
        "A 67-year-old man was detained.",
        "The howitzer fires 152 mm shells over 30 km.",
        "Prices rose 5% while the rouble fell 12 percent.",
        "The bag cost $398 and now sells for €99.",
        "Aid worth €2 billion and £5m was pledged.",
        "He finished 3rd in the race.",
        "Call +44 20 7946 0958 or (202) 555-0123 for details.",
        "Resolution 2270 and the F-16 deal were discussed.",
        "The singer welcomed baby No. 3.",
    ],
)
def test_decoys_are_not_quantities(sentence: str) -> None:
    assert find_quantities(sentence) == []


def test_calibre_between_number_and_noun_is_not_a_second_quantity() -> None:
    found = find_quantities("It sent up to 3 million 152 mm rounds or 500,000 122 mm rounds.")
    assert [q.value for q in found] == [3_000_000, 500_000]


_QUALIFIER_FORMS = {
    "more than": "more than", "over": "more than", "past": "more than", "at least": "at least",
    "nearly": "almost", "almost": "almost", "up to": "up to", "as many as": "up to",
    "about": "about", "some": "about", "roughly": "about", "fewer than": "less than",
}  # fmt: skip


@given(
    st.integers(min_value=2, max_value=999_999).filter(lambda n: not 1800 <= n <= 2100),
    st.sampled_from(sorted(_QUALIFIER_FORMS)),
)
def test_a_qualified_count_keeps_its_canonical_qualifier_and_bounds(n: int, form: str) -> None:
    quantity = only(f"Officials said {form} {n:,} people were evacuated.")
    canonical = _QUALIFIER_FORMS[form]
    assert (quantity.value, quantity.qualifier) == (n, canonical)
    if canonical in ("more than", "at least"):
        assert (quantity.lower, quantity.upper) == (n, None)
    elif canonical in ("almost", "up to", "less than"):
        assert (quantity.lower, quantity.upper) == (None, n)
    else:
        assert (quantity.lower, quantity.upper, quantity.approximate) == (n, n, True)


@given(
    st.sampled_from(["several", "a few"]),
    st.sampled_from(["thousand", "million", "hundred"]),
)
def test_vague_multiples_span_their_range(head: str, scale: str) -> None:
    base = {"thousand": 1_000, "million": 1_000_000, "hundred": 100}[scale]
    low, high = {"several": (3, 9), "a few": (2, 5)}[head]
    quantity = only(f"It sent {head} {scale} drones.")
    assert (quantity.lower, quantity.upper, quantity.qualifier) == (
        low * base,
        high * base,
        "vague",
    )


@given(st.integers(min_value=1, max_value=99), st.sampled_from(["m", "bn"]))
def test_suffixed_digits_scale(n: int, suffix: str) -> None:
    factor = {"m": 1_000_000, "bn": 1_000_000_000}[suffix]
    assert only(f"The country received {n}{suffix} doses.").value == n * factor


@pytest.mark.parametrize(
    "sentence",
    [
        "They arrived in 2015 fighters and all.",
        "The 2011 riots left scars.",
        "Talks in 2024 stalled.",
    ],
)
def test_years_after_a_preposition_or_before_an_event_are_not_counts(sentence: str) -> None:
    assert [q.value for q in find_quantities(sentence)] == []


def test_over_after_a_verb_of_extent_is_a_preposition() -> None:
    [q] = find_quantities("The cases were spread over nine counties.")
    assert (q.text, q.qualifier, q.lower, q.upper) == ("nine", None, 9, 9)
