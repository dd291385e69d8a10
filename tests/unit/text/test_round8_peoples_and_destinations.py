"""Counts of people who moved, named by who they are and where they went (docs/SPEC.md §6):
a people's name without a plural ending is a counted noun when a plural verb follows it; a
departure with a destination is the destination's count; a name modifying "refugees" says who
they are, not whose they are; "the number of X who have arrived since <date>" is verb-led."""

from __future__ import annotations

from monitor.text.figures import FigureSpec, bind
from tests.unit.text.conftest import claims_of, frame, scopes

ARRIVALS = FigureSpec(
    "arrivals", "Refugees who arrived in Bangladesh", ("refugees", "people", "Rohingya"),
    ("Bangladesh",), about=("fled", "arrived", "crossed", "refugees"),
)  # fmt: skip


def test_a_peoples_name_without_a_plural_ending_is_counted_before_a_plural_verb() -> None:
    claim = frame("About 38,000 Rohingya have crossed into Bangladesh since Friday.", 38000)
    assert claim.unit == "Rohingya"
    assert frame("Some 5,000 Sudanese are sheltering in Chad.", 5000).unit == "Sudanese"


def test_a_capitalised_word_before_a_singular_verb_is_no_counted_noun() -> None:
    assert [c.unit for c in claims_of("In 2019 Ohio has won 3 games.")] == ["games"]


def test_a_departure_with_a_destination_is_the_destinations_count() -> None:
    text = "Nearly 270,000 Rohingya have fled Myanmar's Rakhine state for Bangladesh in two weeks."
    assert scopes(text, 270000) == ["Bangladesh"]
    assert bind(ARRIVALS, frame(text, 270000)).bound


def test_a_departure_without_a_place_to_go_keeps_the_place_left() -> None:
    text = "One million people have fled Ukraine in seven days, the UN High Commissioner for Refugees said."
    assert scopes(text, 1000000) == ["Ukraine"]


def test_moving_into_a_place_is_as_strong_as_being_in_it() -> None:
    text = (
        "Some 379,000 Rohingya have fled into Bangladesh since violence broke out in Myanmar "
        "last month, a rise of 9,000 in 24 hours."
    )
    assert scopes(text, 379000, 9000) == ["Bangladesh", "Bangladesh"]


def test_a_name_modifying_refugees_says_who_they_are_not_whose_they_are() -> None:
    text = "Some 582,000 Rohingya refugees have arrived in Bangladesh since late August."
    assert scopes(text, 582000) == ["Bangladesh"]
    # an owner's name on other counted nouns still owns them
    assert scopes("Some 4,000 Boeing workers walked out in Seattle.", 4000) == ["Boeing"]


def test_the_number_of_a_people_who_arrived_since_a_date_is_verb_led() -> None:
    text = (
        "The number of Rohingya who have arrived in Bangladesh since August 25 has jumped to "
        "123,000, up from 87,000 a day earlier."
    )
    current, before = frame(text, 123000), frame(text, 87000)
    assert (current.unit, current.kind, current.scope) == ("Rohingya", "total", "Bangladesh")
    assert before.kind == "previous"


def test_an_estimate_of_the_number_raised_to_a_value_counts_that_noun() -> None:
    text = (
        "The UN on Friday raised its estimate of the number of Rohingya refugees who have "
        "arrived in Bangladesh since late August to 646,000."
    )
    claim = frame(text, 646000)
    assert (claim.unit, claim.kind, claim.scope) == ("Rohingya refugees", "total", "Bangladesh")


def test_moving_to_a_place_names_where_the_people_are() -> None:
    text = (
        "More than 500,000 Rohingya have fled to Bangladesh since August, turning the hills "
        "into what aid workers call the largest refugee camp in the world."
    )
    assert scopes(text, 500000) == ["Bangladesh"]
    assert scopes("Some 5,000 people have crossed to Chad from Sudan this week.", 5000) == ["Chad"]


def test_a_superlatives_range_is_no_scope() -> None:
    text = "Aid workers say 900,000 people now live in the largest refugee camp in the world."
    assert scopes(text, 900000) == [None]
