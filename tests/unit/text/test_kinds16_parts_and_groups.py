"""Issue #12 kinds (kinds16): a part whose predicate puts it in a named place of its own is
that place's total (the sets' sub-scope convention); "N of them <noun>" is a part picked out by
the noun even when a place follows; "another N" whose predicate is a state counts another
group beside the first, not an increment to it."""

from __future__ import annotations

from monitor.text.claims import Claim, extract_claims


def _claim(text: str, number: str) -> Claim:
    return next(c for c in extract_claims(text) if c.text == number)


def test_a_part_placed_by_its_predicate_is_that_places_total() -> None:
    text = "The agency counted 210 cases in the outbreak, of whom 160 lived in Ontario."
    claim = _claim(text, "160")
    assert (claim.kind, claim.scope) == ("total", "Ontario")


def test_a_partitive_placed_by_its_verb_is_that_places_total() -> None:
    text = "Company filings show 2,310 of the layoffs fall in Texas, about a fifth of the total."
    assert _claim(text, "2,310").kind == "total"


def test_a_place_named_with_the_whole_keeps_the_part() -> None:
    text = "Of the Harris County cases, 31 are adults and six are children, officials said."
    assert _claim(text, "31").kind == "part"


def test_a_part_in_the_same_place_as_its_whole_stays_a_part() -> None:
    text = "Officials confirmed 95 deaths in Kerala, including 40 in Kerala's Wayanad hills."
    assert _claim(text, "95").kind == "total"


def test_of_them_followed_by_a_noun_is_a_part_despite_a_later_place() -> None:
    text = "The bus was carrying 52 people, 38 of them pupils from Ridgeway High School in Leeds."
    assert _claim(text, "38").kind == "part"


def test_of_them_followed_by_a_place_is_that_places_total() -> None:
    text = "The state has 198 cases, 45 of them in Gaines County."
    assert _claim(text, "45").kind == "total"


def test_another_group_in_a_state_is_its_own_count() -> None:
    text = "Officials logged 61 dead at the morgue, and another 90 bodies lay in a school gym."
    assert _claim(text, "90").kind == "total"


def test_another_group_suspected_is_another_category() -> None:
    text = "The ministry confirmed 4,100 infections, while a further 6,300 people were suspected."
    assert _claim(text, "6,300").kind == "total"


def test_another_group_added_by_an_event_is_still_an_increment() -> None:
    text = "Another 48 patients were admitted to hospital on Sunday, officials said."
    assert _claim(text, "48").kind == "new"


def test_a_count_joined_to_the_same_count_in_all_is_a_part_of_it() -> None:
    text = "Police said 54 people had been held under the curfew and 1,180 in all since May."
    assert _claim(text, "54").kind == "part"
    assert _claim(text, "1,180").kind == "total"


def test_a_count_of_another_noun_beside_one_in_all_keeps_its_kind() -> None:
    text = "The storm killed 14 people and destroyed 320 homes in all."
    assert _claim(text, "14").kind == "total"


def test_more_than_usual_is_an_excess_not_an_increment() -> None:
    text = "A review of death records found 880 more deaths than usual across the region."
    assert _claim(text, "880").kind == "total"


def test_more_than_an_earlier_day_is_still_an_increment() -> None:
    text = "Officials reported 12 more deaths than on Friday, bringing the toll to 80."
    assert _claim(text, "12").kind == "new"


def test_a_place_of_a_relative_clause_is_not_the_parts_own() -> None:
    text = (
        "The toll includes four crew members of a rescue helicopter that crashed in Leyte "
        "during a relief flight."
    )
    assert _claim(text, "four").kind == "part"


def test_a_place_of_a_part_of_new_deaths_is_no_total() -> None:
    text = "The toll rose by 21 to 530 overnight, and 9 of the new deaths were in Sylhet."
    assert _claim(text, "9").kind != "total"


def test_a_part_in_a_where_clause_of_a_place_is_that_places_total() -> None:
    text = "In Brazil, where about 120,000 of the scooters were sold, the recall began on Monday."
    claim = _claim(text, "about 120,000")
    assert (claim.kind, claim.scope) == ("total", "Brazil")
