"""Whose count a clause's subject names (docs/SPEC.md §6): the head of the subject's noun
phrase, after an opening adverbial; an office's "of" phrase and an unplaced person are not
scopes; a counted noun may carry a dotted abbreviation."""

from __future__ import annotations

import pytest

from monitor.text.claims import extract_claims
from tests.unit.text.conftest import frame


@pytest.mark.parametrize(
    ("text", "value", "scope"),
    [
        # the name a descriptor introduces heads the subject
        ("Regional grocery chain Hartmann will close 14 stores next year.", 14, "Hartmann"),
        ("The budget airline Skylane is laying off 420 pilots.", 420, "Skylane"),
        # an opening adverbial does not hide the subject
        ("In March, the chipmaker Veltron said it would cut 2,300 jobs.", 2300, "Veltron"),
        (
            "Shortly after the merger, Brandt & Sons said it would shed 600 workers.",
            600,
            "Brandt & Sons",
        ),
    ],
)
def test_the_subjects_head_name_is_the_scope(text: str, value: float, scope: str) -> None:
    assert frame(text, value).scope == scope


def test_a_thousands_comma_is_not_the_end_of_an_opening_phrase() -> None:
    claim = frame("Last year Peru recorded 48,310 dengue cases, a record.", 48310)
    assert claim.scope == "Peru"


def test_an_offices_of_phrase_is_not_a_scope() -> None:
    assert frame("The Minister of Health says 212 cases have been confirmed.", 212).scope is None


def test_the_country_is_not_resolved_to_a_person_named_before() -> None:
    text = (
        "Okafor announced the outbreak on Thursday evening. "
        "In May, 435 cholera cases were reported across the country."
    )
    assert frame(text, 435).scope == "the country"


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Three U.S. soldiers were wounded in the attack.", 3, "U.S. soldiers"),
        ("The shelling wounded 25 U.N. staff and 4 drivers.", 25, "U.N. staff"),
    ],
)
def test_a_dotted_abbreviation_is_part_of_the_counted_noun(
    text: str, value: float, unit: str
) -> None:
    assert frame(text, value).unit == unit


def test_upward_of_is_a_lower_bound() -> None:
    claim = frame("Upward of 50,000 people left their homes.", 50000)
    assert (claim.qualifier, claim.lower, claim.upper) == ("more than", 50000, None)


def test_a_dotted_place_keeps_its_dots() -> None:
    assert frame("Nine people have been killed in the U.S. by the defect.", 9).scope == "the U.S."


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        # a bare number and what befell them: people, or the participle as written
        ("Officials said 40 died in the flooding.", 40, "people"),
        ("The port city, where 2,100 died, is still without power.", 2100, "people"),
        ("Police said 30 have been arrested since Friday.", 30, "people"),
        ("The toll rose to 11, with 150 still missing.", 150, "missing"),
        # a partitive opener names the counted noun
        ("Of the deaths, 612 were reported in the north.", 612, "deaths"),
        # a nominal adjective after one modifier
        ("Only 55 of 75 confirmed dead have been named.", 75, "dead"),
    ],
)
def test_a_bare_number_takes_its_implied_noun(text: str, value: float, unit: str) -> None:
    assert frame(text, value).unit == unit


@pytest.mark.parametrize(
    "text",
    ["He was 40 when he died.", "The vote was 52 to 48.", "In 2019 died the last of them."],
)
def test_a_number_that_is_no_count_of_people_stays_out(text: str) -> None:
    assert extract_claims(text) == []


@pytest.mark.parametrize(
    ("text", "value", "scope"),
    [
        # a company's own cut is its count; a revision verb reports only a count's revision
        ("Halvorsen cut 900 jobs last spring.", 900, "Halvorsen"),
        ("Halvorsen has cut 900 jobs since March.", 900, "Halvorsen"),
        # "has" before a participle is an auxiliary, not possession: a body acting is no scope
        ("The Coast Guard has recovered one body so far.", 1, None),
    ],
)
def test_what_a_subject_owns_or_only_does(text: str, value: float, scope: str | None) -> None:
    assert frame(text, value).scope == scope


def test_a_total_number_of_a_noun_counts_that_noun() -> None:
    claim = frame("The find brought the total number of recovered bodies to five.", 5)
    assert claim.unit == "recovered bodies"


def test_a_peoples_adjective_is_no_place() -> None:
    text = "Medics said 9,600 Palestinians have been wounded in the Israeli shelling of Gaza."
    assert frame(text, 9600).scope == "Gaza"
    assert frame("About 2,000 travellers were stuck at Kahului airport.", 2000).scope is not None


def test_a_peoples_plural_is_a_counted_noun() -> None:
    assert frame("More than 1,400 Israelis were killed in the attacks.", 1400).unit == "Israelis"


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("The number killed in the strike on Kharkiv rose to 23.", 23, "killed"),
        ("The blast left at least 41 dead and dozens more wounded.", 24, "wounded"),
        # a count of places is not what "up from" compares
        ("The virus has infected 1,035 people in 30 states, up from 880 a week earlier.", 880,
         "people"),
    ],
)  # fmt: skip
def test_the_noun_a_count_implies(text: str, value: float, unit: str) -> None:
    assert frame(text, value).unit == unit


def test_a_possessive_locative_names_its_owner() -> None:
    text = "The union said 3,300 machinists walked out at Boeing's plants near Seattle."
    assert frame(text, 3300).scope == "Boeing"
