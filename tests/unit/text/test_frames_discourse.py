"""Claim frames that need more than the number's own words: counted-noun subjects,
definite descriptions, place counts, gapped lists, and the role a clause gives a number."""

from __future__ import annotations

import pytest

from tests.unit.text.conftest import frame, kinds, scopes


@pytest.mark.parametrize(
    ("text", "value", "unit", "qualifier", "scope"),
    [
        (
            "The number of people killed by the Hilo flood has risen to 27, the county said.",
            27,
            "people",
            None,
            "Hilo",
        ),
        (
            "The number of people confirmed dead in Tripoli climbed past 900 on Monday.",
            900,
            "people",
            "more than",
            "Tripoli",
        ),
        (
            "The number of homes destroyed in the Kona fires has climbed past 2,000.",
            2000,
            "homes",
            "more than",
            None,
        ),
    ],
)
def test_a_counted_noun_subject_gives_the_unit(
    text: str, value: float, unit: str, qualifier: str | None, scope: str | None
) -> None:
    claim = frame(text, value)
    assert claim.unit.split()[-1] == unit
    assert claim.qualifier == qualifier
    assert claim.kind == "total"
    if scope is not None:
        assert claim.scope == scope


def test_the_value_after_up_from_the_is_the_previous_one() -> None:
    claim = frame("The toll in Hilo rose to 30, up from the 22 counted on Sunday.", 22)
    assert claim.kind == "previous"


def test_an_initial_figure_is_the_previous_one() -> None:
    claim = frame("The number of people missing in Ohio has fallen to 12 from an initial 40.", 40)
    assert claim.kind == "previous"


@pytest.mark.parametrize(
    ("text", "value", "scope"),
    [
        ("The salmonella outbreak has made 80 people ill in 12 states, officials said.", 12, None),
        ("Flooding has hit more than 40 villages in four provinces since Monday.", 4, None),
        (
            "About 9,000 people across three states were without water on Sunday.",
            9000,
            "three states",
        ),
        ("Malaria has reached 7 of Chad's 23 provinces, the ministry said.", 23, "Chad"),
    ],
)
def test_a_count_of_places_has_no_scope_of_its_own(
    text: str, value: float, scope: str | None
) -> None:
    assert frame(text, value).scope == scope


@pytest.mark.parametrize(
    ("value", "scope"),
    [(61, "Oregon"), (30, "Idaho"), (14, "Utah"), (3, "Nevada")],
)
def test_a_list_of_names_and_numbers_gives_each_number_its_name(value: float, scope: str) -> None:
    text = (
        "Washington has confirmed 102 cases, while Oregon has reported 61, Idaho 30, Utah 14 "
        "and Nevada three, officials said."
    )
    assert frame(text, value).scope == scope


def test_a_ranking_after_with_and_followed_by_names_each_number() -> None:
    text = "Cases were found in nine counties, with Adams the worst hit at 25, followed by Boone with 8."
    assert scopes(text, 25, 8) == ["Adams", "Boone"]


def test_those_points_back_to_the_whole_of_the_sentence_before() -> None:
    text = (
        "Nationwide, officials have logged 500 cases this year.\n"
        "Florida accounts for 120 of those 500 cases."
    )
    assert scopes(text, 120, 500) == ["Florida", "Nationwide"]


@pytest.mark.parametrize(
    ("text", "value", "scope"),
    [
        (
            "Nurses in the city said 300 of the injured were treated at Mosul's main hospital.",
            300,
            "Mosul",
        ),
        ("Boise police said 41 people reported missing in the city had been found.", 41, "Boise"),
        (
            "Gunmen killed 58 people in the Kivu town of Beni on Tuesday, officials said.",
            58,
            "Beni",
        ),
        (
            "Ohio has been hit hard this winter.\nDoctors across the state have treated 900 cases.",
            900,
            "Ohio",
        ),
    ],
)
def test_a_definite_place_is_resolved_to_the_place_named_nearby(
    text: str, value: float, scope: str
) -> None:
    assert frame(text, value).scope == scope


def test_a_definite_place_with_no_name_nearby_stays_as_written() -> None:
    assert frame("Doctors in the city have treated 900 patients.", 900).scope == "the city"


@pytest.mark.parametrize(
    ("text", "value", "scope"),
    [
        ("At least 40 people were killed in el-Obeid on Sunday, medics said.", 40, "el-Obeid"),
        ("Some 30,000 people have fled Goma since January, the agency said.", 30000, "Goma"),
    ],
)
def test_places_with_particles_and_after_flight_verbs(text: str, value: float, scope: str) -> None:
    assert frame(text, value).scope == scope


@pytest.mark.parametrize(
    ("text", "value", "scope"),
    [
        ("Nokia employs about 86,000 people worldwide, the filing showed.", 86000, "Nokia"),
        ("Intel to cut 15,000 jobs globally as demand slows", 15000, "Intel"),
        (
            "Boeing said it would restructure.\nThe company employed 140,000 people in 2023.",
            140000,
            "Boeing",
        ),
    ],
)
def test_an_organisation_owns_its_worldwide_count(text: str, value: float, scope: str) -> None:
    assert frame(text, value).scope == scope


def test_worldwide_stays_the_scope_without_an_organisation() -> None:
    assert frame("Worldwide, doctors logged 9,000 cases in May.", 9000).scope == "Worldwide"


def test_every_number_after_an_of_the_lead_is_a_part() -> None:
    text = (
        "Doctors have treated 90 patients.\n"
        "Of those patients, 40 were adults, 25 were children and 6 were infants."
    )
    assert kinds(text, 40, 25, 6) == ["part", "part", "part"]


def test_people_in_hospital_are_part_of_the_cases_counted_before_them() -> None:
    text = "Officials said 310 cases had been confirmed, and 42 patients had been hospitalized."
    assert kinds(text, 310, 42) == ["total", "part"]


def test_hospitalisations_without_a_case_count_are_a_total() -> None:
    text = "The toll rose to 12 deaths, and 70 people had been hospitalized, the agency said."
    assert frame(text, 70).kind == "total"


@pytest.mark.parametrize(
    ("text", "value", "kind"),
    [
        ("About 5,000 people catch the disease in Peru each year, officials said.", 5000, "rate"),
        ("Around 20 migrants drown every week off the coast, the agency said.", 20, "rate"),
        ("Some 900 bodies were buried on Monday, and 300 more were awaiting burial.", 300, "new"),
        ("Union leaders said 4,000 workers at two more plants would join the strike.", 4000, "new"),
    ],
)
def test_clause_roles_give_the_kind(text: str, value: float, kind: str) -> None:
    assert frame(text, value).kind == kind


def test_the_subject_after_an_opening_adverbial_phrase_gives_the_scope() -> None:
    text = "Three years after the quake struck, Nepal's rebuilding has housed 40,000 families."
    assert frame(text, 40000).scope == "Nepal"


def test_a_source_after_an_opening_phrase_is_not_the_subject() -> None:
    text = "The flood toll rose to 36 on Wednesday, Dade County said in a statement."
    assert frame(text, 36).scope != "Dade County"


def test_a_number_joined_to_a_part_by_and_is_a_part_unless_it_names_its_own_place() -> None:
    text = "Doctors have treated 90 patients.\n30 of them were in their 80s and 12 in their 90s."
    assert frame(text, 12).kind == "part"
    placed = "The outbreak reached 70 cases, 50 of them in Lee County and 9 in Polk County."
    assert frame(placed, 9).kind == "total"
