"""Forms of amounts the tenth set's author wrote (tests/data/quantities/README.md): heights in
metres written to the centimetre with an attached "m", emissions in grams per kilometre."""

from __future__ import annotations

import pytest

from monitor.text.quantities import extract_quantities

Row = tuple[str, str, float, str, str | None]


def read(text: str) -> list[Row]:
    """(text, kind, value, unit, qualifier) of each quantity, in reading order."""
    return [(q.text, q.kind, q.value, q.unit, q.qualifier) for q in extract_quantities(text)]


# --- metres written to the centimetre ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Duplantis cleared 6.27m at the meeting.", "6.27m", 6.27),
        ("Karalis was second with a record of 6.02m, a personal best.", "6.02m", 6.02),
        ("It beat the 6.16m Lavillenie had set.", "6.16m", 6.16),
        ("He opened the season with a 6.10m win.", "6.10m", 6.1),
        ("She won the long jump with 7.10m.", "7.10m", 7.1),
    ],
)
def test_two_decimals_and_an_attached_m_with_no_currency_are_metres(
    text: str, span: str, value: float
) -> None:
    assert (span, "measure", value, "m", None) in read(text)


@pytest.mark.parametrize(
    "text",
    [
        "The app reached 2.35m users.",
        "The club paid £2.35m for him.",
        "He won the 100m in 9.81s.",
    ],
)
def test_millions_money_and_event_names_are_not_metres(text: str) -> None:
    assert all(unit != "m" for _, _, _, unit, _ in read(text))


def test_a_bound_after_attached_metres_is_kept() -> None:
    assert ("5.91m or higher", "measure", 5.91, "m", "at least") in read(
        "Six men cleared 5.91m or higher."
    )


# --- emissions per distance ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        (
            "Cars must average 93.6 grams of CO2 per kilometre.",
            "93.6 grams of CO2 per kilometre",
            93.6,
        ),
        ("The old target was 116 g/km.", "116 g/km", 116),
        ("New cars averaged 106.4 grams per kilometre.", "106.4 grams per kilometre", 106.4),
    ],
)
def test_grams_per_kilometre_are_one_unit(text: str, span: str, value: float) -> None:
    assert (span, "measure", value, "g/km", None) in read(text)


# --- rates, multipliers and points of a share -------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The death rate was 31.3 deaths per 100,000 people.",
        "Alaska had 49.4 fatal overdoses per 100,000 people.",
        "The rate had been 32.6 deaths per 100,000 in 2022.",
    ],
)
def test_the_base_of_a_rate_counts_nothing(text: str) -> None:
    assert all(value != 100000 for _, _, value, _, _ in read(text))


@pytest.mark.parametrize(
    "text",
    [
        "That is about 14 times closer to the Sun than Mercury.",
        "The probe was roughly 21 times nearer than any before it.",
    ],
)
def test_a_multiplier_before_a_comparative_is_no_quantity(text: str) -> None:
    assert read(text) == []


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The Conservative share dropped 20 points to 24%.", "20 points", 20),
        ("In Scotland Labour's share rose 17 points as it took seats.", "17 points", 17),
    ],
)
def test_points_of_a_share_are_percentage_points(text: str, span: str, value: float) -> None:
    assert (span, "percent", value, "pp", None) in read(text)


def test_points_of_an_index_stay_counts() -> None:
    assert ("4,451", "count", 4451, "point", None) in read(
        "The Nikkei 225 fell 4,451 points, or 12.4%, on Monday."
    )


# --- compounds of three units -------------------------------------------------------------------


def test_a_compound_of_three_units_is_one_amount_in_the_smallest() -> None:
    assert read("Pogacar's overall time was 83 hours, 38 minutes and 56 seconds.") == [
        ("83 hours, 38 minutes and 56 seconds", "duration", 301136, "s", None)
    ]


def test_a_compound_of_two_units_is_unchanged() -> None:
    assert read("He won in 45 minutes 24 seconds.") == [
        ("45 minutes 24 seconds", "duration", 2724, "s", None)
    ]


def test_fewer_than_after_a_number_compares_it_and_bounds_nothing_after() -> None:
    assert ("five years", "duration", 5, "yr", None) in read(
        "Labour drew 9,708,716 votes, 287,853 fewer than five years before."
    )


def test_fewer_than_before_a_number_is_still_its_bound() -> None:
    assert ("fewer than 300", "count", 300, "person", "less than") in read(
        "The storm killed fewer than 300 people."
    )


# --- race gaps in minutes and seconds -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Evenepoel was third on his debut, 9:18 behind.", "9:18", 558),
        ("He finished 6:17 ahead of Vingegaard.", "6:17", 377),
    ],
)
def test_minutes_and_seconds_before_behind_or_ahead_are_a_race_gap(
    text: str, span: str, value: float
) -> None:
    assert read(text) == [(span, "duration", value, "s", None)]


def test_minutes_and_seconds_with_nothing_of_a_race_are_a_clock_time() -> None:
    assert read("The train left at 9:18 from platform two.") == []


# --- ranges of ages ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span", "low", "high"),
    [
        ("It became the leading killer of 18-to-49-year-olds.", "18-to-49-year-olds", 18, 49),
        ("Turnout among 18- to 24-year-olds fell.", "18- to 24-year-olds", 18, 24),
    ],
)
def test_a_range_of_ages_is_one_duration_between_its_ends(
    text: str, span: str, low: float, high: float
) -> None:
    [q] = extract_quantities(text)
    assert (q.text, q.kind, q.value, q.upper, q.unit, q.qualifier) == (
        span, "duration", low, high, "yr", "between",
    )  # fmt: skip


def test_a_number_short_of_another_counts_the_noun_before_it() -> None:
    found = read("The BJP won 240 of the 543 seats, 32 short of the 272 needed for a majority.")
    assert ("32", "count", 32, "seat", None) in found


@pytest.mark.parametrize(
    ("text", "span", "noun"),
    [
        ("Of an electorate of 48,247,224, 28,809,340 votes were cast.", "48,247,224", "electorate"),
        ("A crowd of 50,000 watched the final.", "50,000", "crowd"),
    ],
)
def test_the_size_of_a_collective_noun_counts_it(text: str, span: str, noun: str) -> None:
    assert any(q[0] == span and q[1] == "count" and q[3] == noun for q in read(text))


# --- "one" with a unit of time as a moment -------------------------------------------------------


def test_on_one_day_names_a_moment_not_a_duration() -> None:
    assert all(kind != "duration" for _, kind, _, _, _ in read("On one day the Bank bought gilts."))


def test_for_one_day_and_in_one_week_are_durations() -> None:
    assert ("one day", "duration", 1, "d", None) in read("The bridge closed for one day.")
    assert ("one week", "duration", 1, "wk", None) in read("Doses went out in one week.")


def test_at_one_of_another_unit_is_still_that_amount() -> None:
    assert ("one megawatt", "measure", 1, "MW", None) in read("A plant running at one megawatt.")
