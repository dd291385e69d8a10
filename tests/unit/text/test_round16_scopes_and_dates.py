"""Round 16 (issue #12) frames: a locative after "N more" is that number's own, a clause a count
runs from ("since it appeared in X") names where the thing began, a place joined with "abroad"
names no part of the whole, the last day of a stretch of dates is no count, and a count carried
over from a sentence that places the figure's own subject in a region is the subject's."""

from __future__ import annotations

from monitor.text.claims import Claim, extract_claims
from monitor.text.figures import FigureSpec, bind


def _claim(text: str, number: str) -> Claim:
    return next(c for c in extract_claims(text) if c.text == number)


def _numbers(text: str) -> list[str]:
    return [c.text for c in extract_claims(text)]


def test_a_locative_after_n_more_is_that_numbers_own() -> None:
    sentence = "The blaze had destroyed 134 structures and threatened 13,871 more in Butte County."
    assert _claim(sentence, "134").scope != "Butte County"
    assert _claim(sentence, "13,871").scope == "Butte County"


def test_a_shared_locative_after_a_verb_still_scopes_both_counts() -> None:
    sentence = "Police have arrested 1,280 people and charged 796 across the UK."
    assert _claim(sentence, "796").scope == "the UK"


def test_the_place_a_count_runs_from_is_where_it_began_not_its_scope() -> None:
    sentence = "The ministry said 565 people had died since it appeared in Chitungwiza in August."
    assert _claim(sentence, "565").scope != "Chitungwiza"
    began = "At least 300 people have died since the outbreak began in Harare in August."
    assert _claim(began, "At least 300").scope != "Harare"


def test_a_place_before_the_since_clause_keeps_its_scope() -> None:
    sentence = "At least 40 people have died in Kano since the outbreak began."
    assert _claim(sentence, "At least 40").scope == "Kano"


def test_a_place_joined_with_abroad_names_no_part_of_the_whole() -> None:
    sentence = "Nissan plans to cut about 20,000 jobs in Japan and abroad."
    assert _claim(sentence, "about 20,000").scope != "Japan"
    assert _claim("Nissan will cut 2,500 jobs in Japan.", "2,500").scope == "Japan"


def test_the_last_day_of_a_stretch_of_dates_is_no_count() -> None:
    assert "14" not in _numbers("The union said it would strike from December 8 to 14.")
    assert "14" not in _numbers("The union will strike December 8-14 if talks fail.")
    assert "29" not in _numbers("The workers walked out from May 10 through 29.")


def test_a_count_after_a_bare_date_stays_a_count() -> None:
    assert "52" in _numbers("The ministry raised the toll on June 3 to 52.")
    assert "2,000" in _numbers("From March 3 the agency counted 2,000 cases.")


FIRE = FigureSpec(
    "fire-structures",
    "Structures destroyed by the Dixie Fire",
    ("structures",),
    ("Dixie Fire",),
    about=("destroyed",),
)


def _carried(previous: str, sentence: str, number: str) -> Claim:
    return next(c for c in extract_claims(f"{previous} {sentence}") if c.text == number)


def test_a_count_carried_from_a_sentence_placing_the_subject_in_a_region_is_the_subjects() -> None:
    previous = "The Dixie Fire in Northern California grew by more than 100,000 acres in a day."
    sentence = "Officials said the blaze had destroyed at least 134 structures."
    claim = _carried(previous, sentence, "at least 134")
    assert claim.scope == "Northern California"  # inherited from the sentence before
    found = bind(FIRE, claim, previous)
    assert found.bound
    assert "places Dixie Fire in Northern California" in found.reason


def test_a_region_the_sentence_before_names_on_its_own_still_scopes() -> None:
    previous = "Wildfires in Northern California grew by more than 100,000 acres in a day."
    sentence = "Officials said the blazes had destroyed at least 134 structures."
    claim = _carried(previous, sentence, "at least 134")
    assert not bind(FIRE, claim, previous).bound
