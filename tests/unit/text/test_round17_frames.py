"""Round 17 (issue #12) frames: a definite number its source had given before, in a contact
relative clause ("well above the 400,000 it had first suggested"), is a previous value; a count
its clause says must still be acted on ("will have to be moved", "need to be evacuated") is a
need, projected like a forecast, never what has happened."""

from __future__ import annotations

from monitor.text.claims import Claim, extract_claims
from monitor.text.modality import FORECAST


def _claim(sentence: str, text: str) -> Claim:
    return next(c for c in extract_claims(sentence) if c.text == text)


def test_the_number_a_source_had_first_suggested_is_a_previous_value() -> None:
    sentence = (
        "The company said data of nearly 694,000 British consumers was stolen, well above "
        "the 400,000 it had first suggested."
    )
    assert _claim(sentence, "400,000").kind == "previous"
    assert _claim(sentence, "nearly 694,000").kind == "total"


def test_the_number_a_source_had_estimated_earlier_is_a_previous_value() -> None:
    sentence = "The toll climbed to 120, far above the 90 it had earlier estimated."
    assert _claim(sentence, "90").kind == "previous"
    assert _claim(sentence, "120").kind == "total"


def test_a_count_without_a_relative_clause_of_earlier_reporting_stays_a_total() -> None:
    sentence = "The company said 400,000 British consumers had been affected."
    assert _claim(sentence, "400,000").kind == "total"


def test_a_count_that_will_have_to_be_moved_is_a_need_not_a_count() -> None:
    sentence = (
        "Initial data showed that at least 300,000 residents of two cities and 12 towns "
        "will have to be moved to be safe."
    )
    assert _claim(sentence, "at least 300,000").modality == FORECAST


def test_a_count_that_needs_to_be_evacuated_is_a_need() -> None:
    sentence = "About 2,000 people need to be evacuated from the valley, officials said."
    assert _claim(sentence, "About 2,000").modality == FORECAST


def test_a_count_already_evacuated_stays_a_plain_count_beside_a_need() -> None:
    sentence = "More than 5,000 people have been evacuated, and 2,000 more will have to be moved."
    assert _claim(sentence, "More than 5,000").modality is None
    assert _claim(sentence, "2,000").modality == FORECAST


def test_an_obligation_of_another_clause_leaves_the_count_plain() -> None:
    sentence = "Some 4,000 people were moved to shelters that had to be opened overnight."
    assert _claim(sentence, "Some 4,000").modality is None


def test_an_obligation_in_a_subordinate_clause_leaves_the_count_before_it_plain() -> None:
    sentence = "Officials said the two counts differ because each death must be examined first."
    assert _claim(sentence, "two").modality is None
