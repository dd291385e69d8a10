"""Whose the counted things are, from the number's own noun phrase (docs/SPEC.md §6): a
possessive before the number, a name among the counted noun's modifiers, a group's "of"
complement; a place written after the noun still wins, and a very common capitalised word
opening the sentence names nothing."""

from __future__ import annotations

import pytest

from monitor.text.claims import extract_claims
from tests.unit.text.conftest import frame


@pytest.mark.parametrize(
    ("text", "value", "scope"),
    [
        ("On Friday the union's 12,000 strikers went back to work.", 12000, "the union"),
        ("The 31 Oregon cases included residents of Lane and Linn counties.", 31, "Oregon"),
        ("Organisers said 900 NUJ members joined the walkout.", 900, "NUJ"),
        ("About 8,000 members of the Teamsters walked off the job.", 8000, "Teamsters"),
        # a place written after the counted noun is its scope
        ("Measles cases in Ohio top 90 as the outbreak spreads.", 90, "Ohio"),
    ],
)
def test_the_numbers_own_phrase_names_its_owner(text: str, value: float, scope: str) -> None:
    assert frame(text, value).scope == scope


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Police said 41 DNA samples had been taken from relatives.", 41),
        ("Some 215 Pakistani soldiers were among the dead.", 215),
        ("Fire authorities said about 35,000 batteries had been stored there.", 35000),
    ],
)
def test_a_common_acronym_a_demonym_or_a_common_opener_is_no_owner(text: str, value: float) -> None:
    assert frame(text, value).scope is None


def test_a_places_possessive_toll_is_that_places() -> None:
    claim = frame("By late March the government put Chile's toll at 131.", 131)
    assert (claim.unit, claim.scope) == ("deaths", "Chile")


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        # a list naming where each count is takes the first count's noun
        ("Officials counted 212 deaths in Sindh, nine in Punjab and two in Balochistan.", 9,
         "deaths"),
        # "of them" counts the noun before
        ("The agency logged 75 illnesses, 22 of them severe.", 22, "illnesses"),
        # a toll given "as" a number
        ("An earlier update had given the toll as 225.", 225, "deaths"),
    ],
)  # fmt: skip
def test_a_number_takes_the_noun_its_list_or_partitive_implies(
    text: str, value: float, unit: str
) -> None:
    assert frame(text, value).unit == unit


def test_of_them_is_no_counted_noun() -> None:
    claim = frame("About 40 people died there, six of them residents of a care home.", 6)
    assert claim.unit == "people"


def test_since_a_month_and_year_when_is_past() -> None:
    text = "It was the firm's biggest round since January 2023, when it cut 10,000 jobs."
    assert frame(text, 10000).time == "past"


@pytest.mark.parametrize(
    ("text", "value", "kind"),
    [
        # an inclusion list: every item is a part
        ("The 22 people killed included 18 Chinese nationals, two South Koreans and a Laotian.", 2,
         "part"),
        # another subject's later rise does not make this count a previous value
        ("Two days later the death toll rose to 219 and the number of missing rose to 93.", 219,
         "total"),
    ],
)  # fmt: skip
def test_kind_in_lists_and_coordinated_clauses(text: str, value: float, kind: str) -> None:
    assert frame(text, value).kind == kind


def test_a_place_naming_the_toll_owns_it_over_a_later_clauses_place() -> None:
    claim = frame("Chile fire toll jumps to 99 as crews search for missing in Vina del Mar", 99)
    assert claim.scope == "Chile"


def test_a_stretch_from_one_place_to_another_is_no_scope() -> None:
    text = "The walkout shut 36 ports grouped in 14 hubs from Maine to Texas."
    assert frame(text, 14).scope is None


def test_a_definite_possessor_is_resolved_to_the_name_before() -> None:
    text = "Halvorsen said on Monday it would cut jobs. The company's 14,000 employees were told."
    assert frame(text, 14000).scope == "Halvorsen"


@pytest.mark.parametrize(
    ("text", "value", "kind"),
    [
        # one reporting window's count is an increment
        ("A record 2,292 patients were admitted in the 24 hours to Sunday morning.", 2292, "new"),
        ("The toll rose to 313, with 10 deaths recorded in the previous 24 hours.", 10, "new"),
        # a value reported a day earlier, and a corrected one, are previous values
        ("159 people were unaccounted for, far more than the 99 reported a day earlier.", 99,
         "previous"),
        ("He said the number of deaths is 275 and not 288.", 288, "previous"),
    ],
)  # fmt: skip
def test_windows_and_corrections(text: str, value: float, kind: str) -> None:
    assert frame(text, value).kind == kind


def test_a_count_noun_with_its_own_relative_clause_leads_to_the_number() -> None:
    text = "The round brings the number of jobs Halvorsen has cut this year to more than 1,500."
    assert frame(text, 1500).unit == "jobs"


def test_a_relative_clauses_subject_owns_the_count_and_of_plus_a_noun_is_no_place() -> None:
    text = "The round brings the number of jobs Halvorsen has cut this year to more than 1,500."
    assert frame(text, 1500).scope == "Halvorsen"


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Officials said 40 people died, with 12 still reported missing.", "Officials"),
        ("In a statement, the ministry said 40 people died.", "the ministry"),
    ],
)
def test_a_with_clause_is_no_source(text: str, source: str) -> None:
    assert {c.attribution for c in extract_claims(text)} == {source}
