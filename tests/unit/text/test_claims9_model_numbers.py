"""A model number inside a product name ("Galaxy Note 7 phones", "Pixel 6s", "Boeing 737 Max
8 jets") is part of the counted noun, not a count of its own; the count before the name counts
the products."""

from __future__ import annotations

from monitor.text.figure_words import singular as figure_singular
from tests.unit.text.conftest import claims_of


def test_a_count_before_a_pluralised_model_number_counts_the_model() -> None:
    found = [(c.value, c.unit) for c in claims_of("Google will replace about 400,000 Pixel 6s.")]
    assert found == [(400_000, "Pixel 6s")]


def test_a_model_number_between_names_and_a_noun_belongs_to_the_noun() -> None:
    text = "The regulator ordered a recall of 1.2 million Galaxy Tab 4 tablets on Friday."
    assert [(c.value, c.unit) for c in claims_of(text)] == [(1_200_000, "Galaxy Tab 4 tablets")]


def test_model_numbers_on_both_sides_of_a_name_are_no_counts() -> None:
    text = "Airlines grounded 387 Boeing 737 Max 8 jets."
    assert [c.value for c in claims_of(text)] == [387]


def test_a_number_after_a_weekday_is_still_a_count() -> None:
    assert [c.value for c in claims_of("Police said on Tuesday 12 people had been arrested.")] == [
        12
    ]


def test_a_number_after_a_single_place_name_is_still_a_count() -> None:
    assert [c.value for c in claims_of("Across rural Kenya 40 clinics have closed.")] == [40]


def test_a_pluralised_model_number_compares_singular_with_a_figures_unit() -> None:
    assert figure_singular("7s") == "7"
    assert figure_singular("Ys") == "ys"  # two letters: left as written, as before
