"""Ages, fractions of a whole and "one" as a count: quantities of `extract_quantities` by the
labelling rules of tests/data/quantities/README.md (the public NewsQuant benchmark's
conventions), never of `other_quantities` nor of the claims extractor."""

from __future__ import annotations

import pytest

from monitor.text.claims import extract_claims
from monitor.text.quantities import extract_quantities, other_quantities

Row = tuple[str, str, float, str, str | None]


def read(text: str) -> list[Row]:
    """(text, kind, value, unit, qualifier) of each quantity, in reading order."""
    return [(q.text, q.kind, q.value, q.unit, q.qualifier) for q in extract_quantities(text)]


# --- ages: durations in their clear forms -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A 67-year-old man was pulled from the rubble.",
            [("67-year-old", "duration", 67, "yr", None)],
        ),
        ("The 23-year-old won the race.", [("23-year-old", "duration", 23, "yr", None)]),
        ("A two-month-old girl was rescued.", [("two-month-old", "duration", 2, "mo", None)]),
        ("The boy, three years old, was unhurt.", [("three years old", "duration", 3, "yr", None)]),
        ("The victim, aged 45, lived nearby.", [("45", "duration", 45, "yr", None)]),
        ("Those aged 45 or older were asked.", [("45 or older", "duration", 45, "yr", "at least")]),
        ("Participants had an average age of 37, it said.", [("37", "duration", 37, "yr", None)]),
    ],
)
def test_an_age_is_a_duration_in_its_stated_unit(text: str, expected: list[Row]) -> None:
    assert read(text) == expected


def test_an_age_range_with_one_unit_is_one_range_and_with_two_units_two_ages() -> None:
    (q,) = extract_quantities("The study followed adults aged 50 to 71.")
    assert (q.text, q.qualifier, q.lower, q.upper, q.unit) == ("50 to 71", "between", 50, 71, "yr")
    got = read("The victims were aged 6 months to 45 years, police said.")
    assert got == [
        ("6 months", "duration", 6, "mo", None),
        ("45 years", "duration", 45, "yr", None),
    ]


@pytest.mark.parametrize(
    "text",
    ["Neymar, then 25, joined the club.", "Smith (34) was arrested.", "It closed three years ago."],
)
def test_a_number_not_marked_as_an_age_in_the_words_is_none(text: str) -> None:
    assert [q for q in extract_quantities(text) if q.kind == "duration"] == []


def test_other_quantities_and_the_claims_leave_ages_out() -> None:
    text = "A 67-year-old woman and a man aged 45 were hurt."
    assert other_quantities(text) == []
    assert all(c.value not in (67, 45) for c in extract_claims(text))


# --- fractions: a share of one, three decimals ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A third of those screened were ill.", [("A third", "fraction", 0.333, "fraction", None)]),
        ("Snow covered roughly two-thirds of the country.",
         [("roughly two-thirds", "fraction", 0.667, "fraction", "about")]),
        ("The crop was about half of last year's.", [("about half", "fraction", 0.5, "fraction", "about")]),
        ("More than half of it came from a grant.",
         [("More than half", "fraction", 0.5, "fraction", "more than")]),
        ("Three quarters of the staff left.", [("Three quarters", "fraction", 0.75, "fraction", None)]),
        ("Half of the homes lost power.", [("Half", "fraction", 0.5, "fraction", None)]),
    ],
)  # fmt: skip
def test_a_fraction_of_a_whole_is_its_share_of_one(text: str, expected: list[Row]) -> None:
    assert read(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The deal closes in the second half of the year.",  # an ordinal's part
        "The capsule is a third larger than Apollo's.",  # a multiplier
        "Profits fell in the third quarter.",  # a period
        "She finished third for the second year running.",  # an ordinal
        "He cut the cake in half.",  # no whole is shared
    ],
)
def test_ordinals_multipliers_and_periods_are_no_fractions(text: str) -> None:
    assert [q for q in extract_quantities(text) if q.kind == "fraction"] == []


def test_a_quarter_point_stays_percentage_points() -> None:
    assert read("The Fed lifted rates by a quarter point.") == [
        ("a quarter point", "percent", 0.25, "pp", None)
    ]


# --- "one" as a count -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("The blaze killed one man.", "man"),
        ("One station on the path got rain.", "station"),
        ("That is the finding of one study.", "study"),
        ("She is one of the best speakers in the chamber.", "speaker"),
        ("Police held one unvaccinated child.", "child"),
        ("Police spoke to one former worker.", "worker"),
    ],
)
def test_one_counts_the_noun_it_stands_before(text: str, unit: str) -> None:
    (q,) = extract_quantities(text)
    assert (q.text, q.kind, q.value, q.unit) == (
        "one" if text[0] != "O" else "One",
        "count",
        1,
        unit,
    )


@pytest.mark.parametrize(
    "text",
    [
        "The quake killed no one.",
        "At one point the crowd fell silent.",
        "They blamed one another for the delay.",
        "One in seven residents has been affected.",
        "A megafire is one that burns for weeks.",
        "Hackers breached Capital One last year.",
        "It was the one he wanted.",
        "The firm paid a one-off fee.",
        "Two villages were emptied, among them one beside the river.",
        "Troops killed nine and captured one alive.",
    ],
)
def test_one_as_a_pronoun_an_idiom_a_ratio_or_a_name_counts_nothing(text: str) -> None:
    ones = [q for q in extract_quantities(text) if q.text.lower().endswith("one")]
    assert ones == []


def test_one_before_a_unit_is_that_units_amount() -> None:
    assert read("One acre is roughly a football field.") == [
        ("One acre", "measure", 1, "acre", None)
    ]
    assert read("It was the biggest one-day fall.") == [("one-day", "duration", 1, "d", None)]


# --- a fraction of a scale is one amount; "half the NOUN" takes a whole ------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A quarter of a million fans lined the parade route.",
            ("A quarter of a million", "count", 250000, "fan"),
        ),
        (
            "Three-quarters of a million homes lost power.",
            ("Three-quarters of a million", "count", 750000, "home"),
        ),
        (
            "The city spent a third of a billion dollars on the stadium.",
            ("a third of a billion dollars", "money", 333333333.333333, "USD"),
        ),
    ],
)
def test_a_fraction_of_a_scale_is_one_amount(
    text: str, expected: tuple[str, str, float, str]
) -> None:
    [q] = extract_quantities(text)
    assert (q.text, q.kind, q.unit) == (expected[0], expected[1], expected[3])
    assert q.value == pytest.approx(expected[2])


def test_half_before_a_determiner_takes_a_whole() -> None:
    got = [(q.text, q.kind, q.value) for q in extract_quantities("Half the crew were rescued.")]
    assert got == [("Half", "fraction", 0.5)]


def test_half_the_price_is_a_comparison_not_a_share() -> None:
    found = extract_quantities("Tickets now cost half the price they did in May.")
    assert [q for q in found if q.kind == "fraction"] == []
