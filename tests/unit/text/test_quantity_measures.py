"""Measures and durations as news copy writes them: units of devices, sport and weather, compound
amounts in two units, dimensions and a duration with an adjective before its unit
(tests/data/quantities/README.md)."""

from __future__ import annotations

import pytest

from monitor.text.quantities import extract_quantities

Row = tuple[str, str, float, str, str | None]


def read(text: str) -> list[Row]:
    """(text, kind, value, unit, qualifier) of each quantity, in reading order."""
    return [(q.text, q.kind, q.value, q.unit, q.qualifier) for q in extract_quantities(text)]


# --- units of sport, weather, science and devices --------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The quarterback threw for 312 yards on Sunday.", ("312 yards", 312, "yd")),
        ("He kicked a 61-yard field goal to win it.", ("61-yard", 61, "yd")),
        ("The barometer read 968 hPa at dawn.", ("968 hPa", 968, "hPa")),
        ("Central pressure dropped to 940 millibars overnight.", ("940 millibars", 940, "hPa")),
        (
            "Methane levels reached 1,912 parts per million.",
            ("1,912 parts per million", 1912, "ppm"),
        ),
        ("The tablets contain 500mg of the active drug.", ("500mg", 500, "mg")),
        ("The chip is made on a 2-nanometre process.", ("2-nanometre", 2, "nm")),
        ("The new screen refreshes at 144Hz.", ("144Hz", 144, "Hz")),
        ("Its panel peaks at 1,600 nits.", ("1,600 nits", 1600, "nit")),
        ("The phone has a 50MP main sensor.", ("50MP", 50, "MP")),
        ("A 200-megapixel camera sits on the back.", ("200-megapixel", 200, "MP")),
        ("The port moves data at 40Gbps.", ("40Gbps", 40, "Gbit/s")),
        (
            "Rural lines still run at 10 megabits per second.",
            ("10 megabits per second", 10, "Mbit/s"),
        ),
        ("The hailstones were 3in across.", ("3in", 3, "in")),
    ],
)
def test_a_unit_of_devices_sport_and_weather_is_a_measure(
    text: str, expected: tuple[str, float, str]
) -> None:
    span, value, unit = expected
    assert read(text) == [(span, "measure", value, unit, None)]


def test_in_spaced_from_a_number_is_the_preposition() -> None:
    assert [q for q in read("Prices rose 2 in a row.") if q[1] == "measure"] == []


def test_mp_spaced_from_a_number_is_no_unit() -> None:
    assert [q for q in read("The vote passed 300 MP to 200.") if q[3] == "MP"] == []


# --- a compound amount in two units is one quantity in the smaller unit ----------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The debate ran for three hours and 12 minutes.",
            ("three hours and 12 minutes", 192, "min"),
        ),
        ("She finished in 2 hours 31 minutes.", ("2 hours 31 minutes", 151, "min")),
        ("The rescue took 40 minutes, 20 seconds.", ("40 minutes, 20 seconds", 2420, "s")),
        ("The centre is 6ft 9in tall.", ("6ft 9in", 81, "in")),
        ("The baby weighed 7lb 4oz at birth.", ("7lb 4oz", 116, "oz")),
        ("The strike lasted two years and three months.", ("two years and three months", 27, "mo")),
    ],
)
def test_a_compound_amount_is_one_quantity_in_its_smaller_unit(
    text: str, expected: tuple[str, float, str]
) -> None:
    span, value, unit = expected
    [(got_span, _, got_value, got_unit, _)] = read(text)
    assert (got_span, got_value, got_unit) == (span, value, unit)


def test_a_second_part_of_a_whole_unit_or_more_is_two_amounts() -> None:
    assert [q[2] for q in read("Queues of 3 hours and 90 minutes were reported.")] == [3, 90]


def test_two_amounts_apart_in_the_sentence_are_not_a_compound() -> None:
    got = read("It rained for 5 hours, and 30 minutes later the river burst.")
    assert [q[2] for q in got] == [5, 30]


# --- a dimension: the first side takes the unit after the second ------------------------------


def test_the_first_side_of_a_dimension_takes_the_unit_after_the_second() -> None:
    assert read("The banner measured 12 by 30 feet.") == [
        ("12", "measure", 12, "ft", None),
        ("30 feet", "measure", 30, "ft", None),
    ]


def test_a_dimension_written_with_x() -> None:
    assert [q[3] for q in read("Each panel is 2 x 4 metres.")] == ["m", "m"]


# --- an adjective between the number and a duration unit --------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Snow fell for four consecutive days.", ("four consecutive days", 4, "d")),
        ("The probe will work for about 10 Earth days.", ("about 10 Earth days", 10, "d")),
        ("Talks could take two more weeks.", ("two more weeks", 2, "wk")),
        ("The refund arrives within five working days.", ("five working days", 5, "d")),
        ("The ban stood for two full decades.", ("two full decades", 20, "yr")),
    ],
)
def test_an_adjective_may_stand_before_a_duration_unit(
    text: str, expected: tuple[str, float, str]
) -> None:
    span, value, unit = expected
    [(got_span, kind, got_value, got_unit, _)] = read(text)
    assert (got_span, kind, got_value, got_unit) == (span, "duration", value, unit)


def test_the_adjective_is_no_bridge_to_a_measure() -> None:
    assert [
        q for q in read("The team won five straight miles of relay.") if q[1] == "measure"
    ] == []


# --- after a verb of change, "A to B" is the change and the new level -------------------------


def test_a_change_then_a_level_are_two_amounts() -> None:
    got = read("Brent rose $3 to $91.20 a barrel on Monday.")
    assert [(q[0], q[2], q[4]) for q in got] == [("$3", 3, None), ("$91.20", 91.2, None)]


def test_close_ends_after_a_change_verb_stay_a_range() -> None:
    got = read("Bank shares fell 4% to 5% in early trading.")
    assert [(q[2], q[4]) for q in got] == [(4, "between")]


def test_a_to_b_without_a_change_verb_is_a_range() -> None:
    got = read("Seats cost $35 to $120 each.")
    assert [(q[0], q[4]) for q in got] == [("$35 to $120", "between")]


# --- more units: battery charge and light years ---------------------------------------------


def test_battery_charge_and_light_years_are_measures() -> None:
    got = read("The 4,500mAh phone was named after a star 120 light-years away.")
    assert [(q[2], q[3]) for q in got] == [(4500, "mAh"), (120, "ly")]


# --- times with hundredths and fractions of a unit -----------------------------------------------


def test_a_swimming_time_is_valued_in_seconds() -> None:
    got = read("She touched in 2:03.73, an Olympic record.")
    assert [(q[0], q[1], q[2], q[3]) for q in got] == [("2:03.73", "duration", 123.73, "s")]


def test_a_clock_time_is_no_duration() -> None:
    assert read("The ferry left at 6:45 on Tuesday.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Protesters marched for half an hour.", ("half an hour", "duration", 0.5, "h")),
        ("The runway was extended by a quarter mile.", ("a quarter mile", "measure", 0.25, "mi")),
        ("The hotel is half a mile from the beach.", ("half a mile", "measure", 0.5, "mi")),
        (
            "The ice was three-quarters of an inch thick.",
            ("three-quarters of an inch", "measure", 0.75, "in"),
        ),
        (
            "The feud lasted a quarter of a century.",
            ("a quarter of a century", "duration", 25, "yr"),
        ),
    ],
)
def test_a_fraction_of_a_unit_is_that_share_of_the_unit(
    text: str, expected: tuple[str, str, float, str]
) -> None:
    [(span, kind, value, unit, _)] = read(text)
    assert (span, kind, unit) == (expected[0], expected[1], expected[3])
    assert value == pytest.approx(expected[2])


def test_an_ordinal_before_a_fraction_names_a_part() -> None:
    assert read("Farmers fear a third year of poor harvests.") == []
    assert [q for q in read("The second half hour was calmer.") if q[1] == "duration"] == []


def test_the_end_of_a_span_of_years_is_no_duration() -> None:
    got = read("Fees rose 3% in the 2023-24 calendar year.")
    assert [q for q in got if q[1] == "duration"] == []


def test_a_hyphenated_and_a_half_is_one_duration() -> None:
    got = read("The coach left after six-and-a-half years in charge.")
    assert [(q[0], q[2], q[3]) for q in got] == [("six-and-a-half years", 6.5, "yr")]
