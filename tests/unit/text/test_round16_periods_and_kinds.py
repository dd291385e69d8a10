"""Round 16 (issue #12) frames from sentence probes of the round's kinds of case: a dated
opening with an aside before the main clause dates the count, a "when" clause describing the
earlier moment a comparison names gives a previous value, and part of a day set apart ("since
the morning alone", "since dawn") is an increment."""

from __future__ import annotations

from datetime import date

from monitor.text.claims import Claim, extract_claims
from monitor.text.dating import as_of
from monitor.text.shares import population_base


def _claim(sentence: str, text: str) -> Claim:
    return next(c for c in extract_claims(sentence) if c.text == text)


def test_a_dated_opening_with_an_aside_dates_the_main_clause() -> None:
    sentence = (
        "In February 2009, as the financial crisis hit car sales, Carlos Ghosn announced that "
        "Nissan would eliminate 20,000 jobs."
    )
    claim = _claim(sentence, "20,000")
    assert (claim.time, claim.time_ref) == ("past", "February 2009")


def test_a_dated_opening_of_the_current_year_is_the_count_so_far() -> None:
    claim = _claim("In 2026, as the strike spread, 5,000 workers walked out.", "5,000")
    assert as_of(claim, date(2026, 5, 1)).time == "current"


def test_now_keeps_a_count_current_after_a_dated_opening() -> None:
    sentence = "In 2012, as floods hit, officials now say 363 people have died."
    assert _claim(sentence, "363").time == "current"


def test_a_when_clause_on_the_moment_compared_with_gives_a_previous_value() -> None:
    sentence = (
        "That is nearly 200 more deaths than on Tuesday, when the UN humanitarian office had "
        "reported 589 dead."
    )
    assert _claim(sentence, "589").kind == "previous"
    assert _claim(sentence, "nearly 200").kind == "new"


def test_a_when_clause_without_a_comparison_keeps_its_total() -> None:
    sentence = "The toll stood at 589 on Tuesday, when the UN reported new figures."
    assert _claim(sentence, "589").kind == "total"


def test_part_of_a_day_set_apart_is_an_increment() -> None:
    sentence = "A volunteer said more than 58 bodies had been brought out since the morning alone."
    assert _claim(sentence, "more than 58").kind == "new"
    assert _claim("Rescuers have pulled 40 people from the rubble since dawn.", "40").kind == "new"


def test_a_toll_that_rose_since_the_morning_is_still_the_running_total() -> None:
    assert _claim("The toll has risen to 209 since the morning.", "209").kind == "total"


def _base(sentence: str, number: str) -> bool:
    at = sentence.index(number)
    return population_base(sentence, at, at + len(number))


def test_a_workforce_in_a_contact_relative_clause_is_the_base_of_a_share() -> None:
    sentence = (
        "The 9,000 job cuts equal about 7% of the 133,580 people the company employed at the "
        "end of March."
    )
    assert _base(sentence, "133,580")
    assert _base("About 3% of the 220,000 people Disney employs will go.", "220,000")


def test_a_count_of_people_something_happened_to_is_no_base() -> None:
    assert not _base(
        "Police said 40% of the 300 people the officers arrested were students.", "300"
    )
