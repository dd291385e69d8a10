"""A count reached with its date before the comma ("had grown to 186,779 by the end of
September, from 150,028 a year earlier") still makes the "from N" after the comma its earlier
value, as the plain "rose to 120, from 97 a week earlier" does."""

from __future__ import annotations

from tests.unit.text.conftest import kinds


def test_a_dated_count_reached_keeps_the_from_value_previous() -> None:
    text = (
        "Alphabet's headcount had grown to 186,779 by the end of September, "
        "from 150,028 a year earlier."
    )
    assert kinds(text, 186_779, 150_028) == ["total", "previous"]


def test_the_plain_form_is_unchanged() -> None:
    assert kinds("Cases rose to 120, from 97 a week earlier.", 120, 97) == ["total", "previous"]
