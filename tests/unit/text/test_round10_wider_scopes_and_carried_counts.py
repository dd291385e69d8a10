"""Counts of two places together, counts carried into a running total, and count nouns with a
date or an "unaccounted for" after them (docs/SPEC.md §6):

- a scope that joins the figure's place with another ("Germany and Belgium" for a German
  toll) is wider than the figure's: the joint count binds no figure of one of them, unless
  the other place lies inside the figure's ("England and Northern Ireland" for the UK);
- a current count that the sentence goes on to carry into the running total right after it
  ("Strikes killed 59 people on Thursday, taking the toll to 3,445") is that total's
  increment, however it is told;
- "the number of people killed since October 2023 has risen to 2,036" and "the number of
  people (listed as) unaccounted for rose to 870" give the number the count rose to;
- a recent period opening the sentence before the level a count moved to ("Last week the list
  shrank to 200 names") makes that level past; a batch named in a clause of its own after
  the count ("..., after his office added names from a fresh batch") is not the count's;
- people found "who had been reported missing" are not missing; a headline that opens with a
  context term's noun without its article ("Sheriff explains ...") names that context;
- "the (roughly) 150 estimated earlier in the week" is the previous value.
"""

from __future__ import annotations

import pytest

from monitor.text.claims import extract_claims
from monitor.text.figures import FigureSpec, Topic, bind
from tests.unit.text.conftest import frame, frames, kinds

GERMANY = FigureSpec(
    name="germany-floods",
    label="People killed in Germany by the July 2021 floods",
    units=("people", "dead", "deaths", "toll"),
    context=("Germany", "German"),
    about=("killed", "dead", "died", "deaths", "toll"),
)
UK = FigureSpec(
    name="uk-riot-arrests",
    label="People arrested over the 2024 riots in the UK",
    units=("people", "arrests"),
    context=("UK", "United Kingdom", "England"),
    about=("arrested", "arrests"),
)
MISSING = FigureSpec(
    name="camp-fire-missing",
    label="People unaccounted for after the Camp Fire",
    units=("people", "names"),
    context=("Butte County", "the sheriff", "Honea", "Camp Fire", "the fire"),
    about=("unaccounted", "missing"),
)


@pytest.mark.parametrize(
    "text",
    [
        "The number of people killed by the floods in Germany and Belgium rose to 168.",
        "Floods have killed 168 people in Germany and Belgium, officials said.",
    ],
)
def test_a_count_of_the_figures_place_and_another_is_wider(text: str) -> None:
    binding = bind(GERMANY, frame(text, 168))
    assert not binding.bound and "Belgium" in binding.reason


def test_the_figures_own_count_beside_the_joint_one_still_binds() -> None:
    text = "Police said 141 people had died in Germany, about 98 of them in Ahrweiler."
    assert bind(GERMANY, frame(text, 141)).bound


def test_a_joint_scope_inside_the_figures_place_binds() -> None:
    text = (
        "The number of people arrested in connection with the riots in England and Northern"
        " Ireland has reached 741, the police chiefs' council said."
    )
    assert bind(UK, frame(text, 741)).bound


@pytest.mark.parametrize(
    "text",
    [
        "Israeli strikes killed 59 people in Lebanon on Thursday, the health ministry said,"
        " taking the toll since October 8, 2023 to 3,445.",
        "Storms killed 59 people in Texas on Thursday, bringing the toll to 3,445.",
    ],
)
def test_a_count_carried_into_the_running_total_after_it_is_its_increment(text: str) -> None:
    assert kinds(text, 59, 3445) == ["new", "total"]


def test_only_the_count_right_before_the_running_total_is_carried_into_it() -> None:
    text = (
        "Uganda has now confirmed 18 cases of Ebola, the ministry said, and 18 more people who"
        " died are counted as probable cases, bringing the total to 36."
    )
    assert [c.kind for c in frames(text, 18)] == ["total", "new"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The number of people killed in Lebanon since October 2023 has risen to 2,036.", 2036),
        (
            "The total number of people killed in Lebanon since hostilities began in October"
            " 2023 has risen to 2,036, with 9,662 wounded.",
            2036,
        ),
    ],
)
def test_a_year_in_the_count_nouns_modifier_is_a_date(text: str, value: float) -> None:
    claim = frame(text, value)
    assert (claim.unit, claim.kind, claim.time) == ("people", "total", "current")


@pytest.mark.parametrize(
    "text",
    [
        "The number of people unaccounted for rose to 870 on Wednesday, Sheriff Honea said.",
        "The fire has killed 63 people, and the number of people listed as unaccounted for has"
        " jumped to 870, the sheriff said.",
    ],
)
def test_the_number_unaccounted_for_rose_to_n(text: str) -> None:
    claim = frame(text, 870)
    assert (claim.unit, claim.kind) == ("people", "total")


def test_the_number_unaccounted_for_binds_a_missing_figure() -> None:
    text = "The number of people unaccounted for rose to 870 on Wednesday, Sheriff Honea said."
    assert bind(MISSING, frame(text, 870)).bound


# A recent period opening the sentence, then the level the count moved to: the count's value
# then, not now; a count announced then still stands.
@pytest.mark.parametrize(
    "text",
    [
        "Last week the list briefly shrank to roughly 200 names; by the weekend it had passed"
        " 1,200.",
        "At one point last week the number of those unaccounted for was down to around 200 people.",
    ],
)
def test_a_level_reached_last_week_is_past(text: str) -> None:
    claim = frame(text, 200)
    assert claim.time == "past"


def test_a_count_announced_last_week_still_stands() -> None:
    assert frame("Last week the company said it would cut 10,000 jobs.", 10_000).time == "current"


def test_a_batch_in_a_clause_of_its_own_does_not_make_the_count_an_increment() -> None:
    text = (
        "The number of people unaccounted for rose to 870 on Wednesday, Sheriff Honea said,"
        " after his office added names from a fresh batch of reports."
    )
    assert frame(text, 870).kind == "total"


def test_people_found_who_had_been_missing_are_not_missing() -> None:
    text = "The sheriff's office has accounted for 2,146 people who had been reported missing."
    binding = bind(MISSING, frame(text, 2146))
    assert not binding.bound and "had been" in binding.reason


def test_a_headline_without_its_article_names_the_context() -> None:
    text = "As of Friday, 605 people were still unaccounted for, down sharply."
    claim = frame(text, 605)
    topic = Topic.of("Sheriff explains the missing list", text)
    assert bind(MISSING, claim, None, topic).bound
    assert not bind(MISSING, claim, None, Topic.of("Explaining the missing list", text)).bound


def test_a_joint_scope_is_wider_only_by_a_place_the_gazetteer_knows() -> None:
    charged = FigureSpec(
        name="uk-charged",
        label="People charged over the 2024 UK riots",
        units=("people",),
        context=("UK", "England"),
        about=("charged",),
    )
    text = "Prosecutors said they had charged more than 500 people in England and Wales."
    assert "wider" not in bind(charged, frame(text, 500)).reason


def test_the_qualified_count_estimated_earlier_is_the_previous_value() -> None:
    text = (
        "The Israeli military said on Sunday that it has confirmed 155 people are being held"
        " hostage in Gaza, more than the roughly 150 estimated earlier in the week."
    )
    assert kinds(text, 155, 150) == ["total", "previous"]


def test_a_share_introduced_by_including_is_not_the_increment_of_the_running_total() -> None:
    claims = extract_claims(
        "Clashes on Sunday killed at least 98 people, including 13 police officers in the "
        "north, pushing the death toll since July to 300."
    )
    kinds = {c.value: c.kind for c in claims}
    assert kinds[13] != "new"
    assert kinds[300] == "total"


def test_a_coordination_inside_a_context_term_is_not_a_wider_scope() -> None:
    spec = FigureSpec(
        "ports",
        "Ports shut by the strike",
        units=("ports",),
        context=("the union", "East and Gulf coasts"),
        about=("shutting", "strike"),
    )
    claim = extract_claims("East and Gulf coast dockworkers strike, shutting 36 ports")[0]
    assert bind(spec, claim).bound
