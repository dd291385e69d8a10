"""Forms of amounts the eighth set's author wrote (tests/data/quantities/README.md): areas in
square feet and hyphenated areas, sprint times with an "s", decimal parts of a unit, a race time
carried to the next runner's, "the two-thirds of" as a share, and "as high as" / "exceed" as
bounds."""

from __future__ import annotations

import pytest

from monitor.text.quantities import extract_quantities

Row = tuple[str, str, float, str, str | None]


def read(text: str) -> list[Row]:
    """(text, kind, value, unit, qualifier) of each quantity, in reading order."""
    return [(q.text, q.kind, q.value, q.unit, q.qualifier) for q in extract_quantities(text)]


# --- areas ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The building has 937,000 square feet of offices.", ("937,000 square feet", 937000)),
        ("They bought the 300,000-square-foot tower.", ("300,000-square-foot", 300000)),
        ("The 1.2 million square foot block was sold.", ("1.2 million square foot", 1200000)),
        ("Each flat is 750 sq ft.", ("750 sq ft", 750)),
    ],
)
def test_square_feet_are_an_area_in_ft2(text: str, expected: tuple[str, float]) -> None:
    span, value = expected
    assert (span, "measure", value, "ft2", None) in read(text)


def test_a_hyphenated_area_in_metres_is_one_amount() -> None:
    assert read("They rent a 50-square-metre flat.") == [
        ("50-square-metre", "measure", 50, "m2", None)
    ]


def test_a_price_per_square_foot_stays_money() -> None:
    assert read("Offices sold for $450 a square foot.") == [("$450", "money", 450, "USD", None)]


# --- times in seconds -------------------------------------------------------------------------


def test_a_time_with_decimals_and_an_s_is_in_seconds() -> None:
    assert read("Kerley took bronze in 9.81s and Seville ran 9.91s.") == [
        ("9.81s", "duration", 9.81, "s", None),
        ("9.91s", "duration", 9.91, "s", None),
    ]


@pytest.mark.parametrize(
    "text",
    ["Prices rose in the 1990s.", "Most of the buyers were in their 30s."],
)
def test_a_whole_number_with_an_s_is_a_decade_not_seconds(text: str) -> None:
    assert all(row[1] != "duration" for row in read(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He won by five-thousandths of a second.", ("five-thousandths of a second", 0.005)),
        (
            "The field was split by nine hundredths of a second.",
            ("nine hundredths of a second", 0.09),
        ),
        ("She lost by a tenth of a second.", ("a tenth of a second", 0.1)),
    ],
)
def test_a_decimal_part_of_a_unit_is_that_share_of_it(
    text: str, expected: tuple[str, float]
) -> None:
    span, value = expected
    assert read(text) == [(span, "duration", value, "s", None)]


def test_a_decimal_part_of_a_length_is_a_measure() -> None:
    assert read("The route adds three-tenths of a mile.") == [
        ("three-tenths of a mile", "measure", 0.3, "mi", None)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Inflation rose three-tenths of a percentage point.",
            ("three-tenths of a percentage point", 0.3, "pp"),
        ),
        ("The economy grew by a tenth of a percent.", ("a tenth of a percent", 0.1, "%")),
    ],
)
def test_a_decimal_part_of_a_point_or_percent_is_a_percentage(
    text: str, expected: tuple[str, float, str]
) -> None:
    span, value, unit = expected
    assert read(text) == [(span, "percent", value, unit, None)]


def test_the_next_runners_time_takes_the_seconds_of_the_winners() -> None:
    text = "Lyles won in 9.784 seconds, with Thompson second in 9.789."
    assert read(text) == [
        ("9.784 seconds", "duration", 9.784, "s", None),
        ("9.789", "duration", 9.789, "s", None),
    ]


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("He won in 9.58 seconds and was fined in 2009.", ("9.58 seconds", 9.58)),  # a year
        ("He ran 10.5 seconds in 2.5.", ("10.5 seconds", 10.5)),  # not the time's decimals
    ],
)
def test_a_bare_number_written_unlike_the_time_is_not_carried(
    text: str, first: tuple[str, float]
) -> None:
    span, value = first
    assert read(text) == [(span, "duration", value, "s", None)]


# --- shares and bounds ------------------------------------------------------------------------


def test_the_two_thirds_of_a_whole_is_a_share() -> None:
    text = "The vote cleared the two-thirds of ballots the rules require."
    assert ("two-thirds", "fraction", 0.667, "fraction", None) in read(text)


def test_an_ordinal_before_a_fraction_still_names_a_part() -> None:
    assert read("Sales fell in the second half of the year.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Waves as high as three metres hit the coast.", ("as high as three metres", 3, "up to")),
        ("Losses could exceed $40 billion.", ("exceed $40 billion", 40e9, "more than")),
    ],
)
def test_bounds_written_as_verbs_and_comparisons(
    text: str, expected: tuple[str, float, str]
) -> None:
    span, value, qualifier = expected
    assert [(row[0], row[2], row[4]) for row in read(text)] == [(span, value, qualifier)]
