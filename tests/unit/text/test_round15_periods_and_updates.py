"""Round 15 (issue #12) frames: a month set apart is past once it is over, a few days set
apart from a running count are increments, the opening stretch of the year of publication is
the count so far, a routine update dates the data without revising it, and a compound
irregular plural keeps its noun."""

from __future__ import annotations

from datetime import date

from monitor.text.claims import Claim, extract_claims
from monitor.text.dating import as_of
from monitor.text.figure_words import singular, unit_matches


def _claim(sentence: str, text: str) -> Claim:
    return next(c for c in extract_claims(sentence) if c.text == text)


def test_a_month_set_apart_is_past_once_it_is_over() -> None:
    sentence = "In July alone 23,638 people landed, compared with 22,846 in July 2015."
    claim = _claim(sentence, "23,638")
    assert claim.time == "current"  # read alone, nothing says July is over
    dated = as_of(claim, date(2023, 8, 2))
    assert (dated.time, dated.time_ref) == ("past", "July")  # read on 2 August: July is over
    assert as_of(claim, date(2023, 7, 20)).time == "current"  # read in July: the month so far


def test_a_count_over_the_past_few_days_is_an_increment() -> None:
    sentence = (
        "Ministry data put the number of migrants who have arrived in Italy since January at "
        "123,863, after a peak of 8,141 landings in the past three days."
    )
    assert _claim(sentence, "8,141").kind == "new"
    assert _claim(sentence, "123,863").kind == "total"


def test_the_first_months_of_the_year_of_publication_are_the_count_so_far() -> None:
    sentence = "88,940 people reached Italy by sea in the first seven months of 2023."
    claim = _claim(sentence, "88,940")
    assert claim.time == "past"  # read alone, a named period
    assert as_of(claim, date(2023, 8, 2)).time == "current"  # read in 2023: so far this year
    assert as_of(claim, date(2024, 8, 2)).time == "past"  # read a year later: a past period


def test_an_earlier_years_first_months_stay_past() -> None:
    sentence = "93,540 people arrived in the first seven months of 2015."
    assert as_of(_claim(sentence, "93,540"), date(2023, 8, 2)).time == "past"


def test_data_updated_at_an_hour_is_no_revision() -> None:
    sentence = (
        "Interior ministry data updated at 8 a.m. put the number of migrants who have arrived "
        "in Italy since January at 123,863."
    )
    assert _claim(sentence, "123,863").revision is None


def test_a_count_updated_to_a_new_value_is_still_a_revision() -> None:
    sentence = "The ministry updated the death toll to 71 on Monday."
    assert _claim(sentence, "71").revision is not None


def test_a_compound_irregular_plural_keeps_its_singular() -> None:
    assert singular("schoolchildren") == "schoolchild"
    assert singular("townspeople") == "townsperson"
    sentence = "The governor said 137 schoolchildren were abducted from Kuriga."
    assert unit_matches(_claim(sentence, "137"), ["schoolchildren"])
