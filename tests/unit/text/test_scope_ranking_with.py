"""A ranking whose members each carry ", with N" ("Next came New York, with 790 arrests,
Houston, with 511, and Atlanta, with 294") gives each count to the place that ends the clause
right before it; a ", with N" after a clause that ends in no place keeps the earlier scope.
Where a speaker spoke ("Speaking in Harare, ...") is no place of the count."""

from __future__ import annotations

from tests.unit.text.conftest import scopes


def test_each_ranked_place_owns_its_with_count() -> None:
    text = "Next came New York, with 790 arrests, Houston, with 511, and Atlanta, with 294."
    assert scopes(text, 790, 511, 294) == ["New York", "Houston", "Atlanta"]


def test_a_with_count_after_a_number_keeps_the_clauses_place() -> None:
    text = "The toll in Spain climbed to 211, with 14 people still missing."
    assert scopes(text, 211, 14) == ["Spain", "Spain"]


def test_the_city_a_speaker_spoke_in_is_not_the_counts() -> None:
    text = "Speaking in Geneva, the agency's director said 40 cases had been confirmed."
    assert scopes(text, 40) != ["Geneva"]
