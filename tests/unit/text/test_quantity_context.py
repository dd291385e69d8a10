"""Quantities whose reading depends on the words around the number: names that hold a number,
a currency named with its country, "one more", a partitive after an owner, and a stock index's
close (tests/data/quantities/README.md)."""

from __future__ import annotations

import pytest

from monitor.text.quantities import extract_quantities

Row = tuple[str, str, float, str, str | None]


def read(text: str) -> list[Row]:
    """(text, kind, value, unit, qualifier) of each quantity, in reading order."""
    return [(q.text, q.kind, q.value, q.unit, q.qualifier) for q in extract_quantities(text)]


# --- names: a camel-cased product before a number, a capitalised number word in a name --------


@pytest.mark.parametrize(
    "text",
    [
        "In Brazil, the iPhone 14 sells for less than before.",
        "Shoppers queued for the iPad 10 models on launch day.",
        "The climbers were guided by Seven Summit Treks, a Kathmandu company.",
        "The final will be played at the Three Rivers Stadium this year.",
    ],
)
def test_a_number_inside_a_name_is_no_count(text: str) -> None:
    assert [q for q in read(text) if q[1] == "count"] == []


def test_a_capitalised_number_word_opening_a_sentence_still_counts() -> None:
    assert read("Seven climbers reached the summit.") == [("Seven", "count", 7, "climber", None)]


def test_a_number_word_before_a_lowercase_word_inside_a_sentence_counts() -> None:
    got = read("Rescuers said Seven people were missing.")
    assert [(q[2], q[3]) for q in got] == [(7, "person")]


# --- a currency named with its country or zone ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Growers are paid 900 CFA francs a kilo.", ("900 CFA francs", 900, "XOF")),
        ("A coffee costs 6 Swiss francs in Zurich.", ("6 Swiss francs", 6, "CHF")),
        ("The fare rose to 40 Hong Kong dollars.", ("40 Hong Kong dollars", 40, "HKD")),
        ("The bid was 2 billion Australian dollars.", ("2 billion Australian dollars", 2e9, "AUD")),
    ],
)
def test_a_currency_named_with_its_country_is_that_currency(
    text: str, expected: tuple[str, float, str]
) -> None:
    span, value, code = expected
    assert read(text) == [(span, "money", value, code, None)]


# --- "one more NOUN" counts the noun ----------------------------------------------------------


def test_one_more_counts_the_noun_after_more() -> None:
    assert read("Analysts expect one more cut before the summer.") == [
        ("one", "count", 1, "cut", None)
    ]


def test_one_more_time_is_an_idiom() -> None:
    assert [q for q in read("She tried one more time.") if q[1] == "count"] == []


# --- a partitive whose whole has an owner ------------------------------------------------------


def test_a_partitive_reads_the_noun_after_an_owner() -> None:
    got = read("About 30 of the ship's 400 cabins were flooded.")
    assert got == [
        ("About 30", "count", 30, "cabin", "about"),
        ("400", "count", 400, "cabin", None),
    ]


# --- a stock index's close is a count of points -----------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The Hang Seng slipped 1.2% to close at 16,541.", 16541),
        ("The Dow Jones index finished the week at 39,100.", 39100),
        ("Japan's Topix settled at 2,700 after a late rally.", 2700),
    ],
)
def test_an_index_level_after_a_closing_verb_is_points(text: str, value: float) -> None:
    assert [(q[2], q[3]) for q in read(text) if q[1] == "count"] == [(value, "point")]


def test_a_close_without_an_index_is_no_point_count() -> None:
    assert [q for q in read("The polls closed at 8 across the state.") if q[3] == "point"] == []


# --- cryptocurrencies are money in their tickers ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The wallet held 12.5 BTC before the hack.", ("12.5 BTC", 12.5, "BTC")),
        ("He paid 10,000 bitcoins for two pizzas in 2010.", ("10,000 bitcoins", 10000, "BTC")),
        ("Validators must stake 32 ETH each.", ("32 ETH", 32, "ETH")),
    ],
)
def test_a_cryptocurrency_amount_is_money_in_its_ticker(
    text: str, expected: tuple[str, float, str]
) -> None:
    span, value, code = expected
    assert [q for q in read(text) if q[1] == "money"] == [(span, "money", value, code, None)]


# --- "over" before a count of periods is "during" ----------------------------------------------


def test_over_before_a_count_of_seasons_is_no_bound() -> None:
    got = read("He scored 41 goals over four seasons at the club.")
    assert ("four", "count", 4, "season", None) in got


def test_over_after_a_length_word_stays_a_bound() -> None:
    got = read("The dispute has dragged on for over three seasons.")
    assert [q[4] for q in got if q[3] == "season"] == ["more than"]


# --- "one of" a capitalised owner's NOUNs ---------------------------------------------------------


def test_one_of_a_named_owners_nouns_counts_the_noun() -> None:
    got = read("The plan was opposed by one of the Supreme Court's justices.")
    assert ("one", "count", 1, "justice", None) in got


def test_an_index_level_after_a_percentage_move_is_points() -> None:
    got = read("The FTSE 100 slipped 0.4% to 7,912.1 as miners fell.")
    assert [(q[2], q[3]) for q in got if q[1] == "count"] == [(7912.1, "point")]


# --- a bare range after a measure takes its unit ------------------------------------------------


def test_a_bare_range_takes_the_unit_of_the_measure_before_it() -> None:
    got = read("Lake levels rose 2 metres in the north and between 1 and 1.5 in the south.")
    assert got[-1] == ("between 1 and 1.5", "measure", 1, "m", "between")


def test_a_bare_range_before_a_noun_is_a_count() -> None:
    got = read("The river rose 3 metres, and between 200 and 300 people fled.")
    assert [(q[1], q[3]) for q in got][-1] == ("count", "person")


def test_a_time_compared_with_a_time_carries_its_unit() -> None:
    got = read("She ran the final lap in 61.2 seconds, against 63.5 for her rival.")
    assert [(q[0], q[1], q[3]) for q in got] == [
        ("61.2 seconds", "duration", "s"),
        ("63.5", "duration", "s"),
    ]


def test_a_duration_is_not_carried_without_a_comparison() -> None:
    got = read("The talks lasted 12 hours and rose to 57 by midnight.")
    assert [q[1] for q in got] == ["duration"]
