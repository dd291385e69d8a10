"""Forms of amounts the ninth set's author wrote (tests/data/quantities/README.md): vague amounts
of a unit ("dozens of metres", "millions of dollars"), rain in litres per square metre, and
ranked lists named by their size ("Fortune 500") that count nothing."""

from __future__ import annotations

import pytest

from monitor.text.quantities import extract_quantities, other_quantities

Row = tuple[str, str, float, float | None, str, str | None]


def read(text: str) -> list[Row]:
    """(text, kind, lower, upper, unit, qualifier) of each quantity, in reading order."""
    return [
        (q.text, q.kind, q.value, q.upper, q.unit, q.qualifier) for q in extract_quantities(text)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Cars were carried dozens of metres.", ("dozens of metres", "measure", 24, 99, "m")),
        ("The ash fell hundreds of miles away.", ("hundreds of miles", "measure", 200, 999, "mi")),
        (
            "The rocks formed over thousands of years.",
            ("thousands of years", "duration", 2000, 9999, "yr"),
        ),
        (
            "Rebuilding will cost billions of dollars.",
            ("billions of dollars", "money", 2e9, 9999999999, "USD"),
        ),
        (
            "The deal is worth hundreds of millions of euros.",
            ("hundreds of millions of euros", "money", 2e8, 999999999, "EUR"),
        ),
    ],
)
def test_a_vague_word_of_a_unit_is_a_vague_amount(
    text: str, expected: tuple[str, str, float, float, str]
) -> None:
    span, kind, low, high, unit = expected
    assert read(text) == [(span, kind, low, high, unit, "vague")]


def test_pounds_of_a_substance_are_a_mass_and_pounds_alone_money() -> None:
    rows = read("Police seized thousands of pounds of cocaine and millions of pounds in cash.")
    assert [(r[0], r[1], r[4]) for r in rows] == [
        ("thousands of pounds", "measure", "lb"),
        ("millions of pounds", "money", "GBP"),
    ]


def test_a_vague_count_of_things_stays_the_claims_count() -> None:
    assert read("Hundreds of people fled.") == [("Hundreds", "count", 200, 999, "person", "vague")]


def test_vague_amounts_are_not_other_quantities() -> None:
    assert other_quantities("Rebuilding will cost billions of dollars.") == []


def test_rain_in_litres_per_square_metre() -> None:
    assert read("Up to 400 litres per square metre fell in a day.") == [
        ("Up to 400 litres per square metre", "measure", 400, 400, "l/m2", "up to")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Fortune 500 companies lost $5.4 billion.",
        "Shares of FTSE 100 firms rose 1%.",
    ],
)
def test_a_list_named_by_its_size_counts_nothing(text: str) -> None:
    assert all(row[1] != "count" for row in read(text))
