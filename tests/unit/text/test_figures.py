"""Tracked figures: claim membership, one value per article, and the change rule of docs/SPEC.md §7."""

from __future__ import annotations

import pytest

from monitor.text.claims import extract_claims
from monitor.text.figures import (
    FigureSpec,
    classify,
    direction,
    figure_claims,
    pick_claim,
    same_value,
    track,
    unit_matches,
)


@pytest.fixture
def shells() -> FigureSpec:
    """The figure from the SPEC configuration example."""
    return FigureSpec.from_mapping(
        {
            "name": "nk-shells",
            "label": "Artillery shells North Korea sent to Russia",
            "units": ["artillery shells", "shells", "rounds", "munitions"],
            "context": ["North Korea", "North Korean", "Pyongyang"],
        }
    )


def test_from_mapping_applies_config_defaults(shells: FigureSpec) -> None:
    assert shells.units[0] == "artillery shells"
    assert (shells.min_change, shells.alert_on_first) == (0.05, True)


@pytest.mark.parametrize(
    ("unit", "wanted", "matches"),
    [
        ("artillery shells", ("shells",), True),
        ("Artillery Shell", ("artillery shells",), True),
        ("rounds", ("round",), True),
        ("containers", ("shells", "rounds"), False),
        ("seashells", ("shells",), False),
    ],
)
def test_unit_matching_ignores_case_and_plural_and_reads_the_end(
    unit: str, wanted: tuple[str, ...], matches: bool
) -> None:
    assert unit_matches(unit, wanted) is matches


def test_a_claim_needs_a_matching_unit_and_a_context_term_nearby(shells: FigureSpec) -> None:
    text = (
        "North Korea has shipped more than a million artillery shells to Russia. "
        "Officials counted 6,700 containers at the port. "
        "Ukraine fired 2 million shells last year. "
        "Pyongyang has stepped up production. "
        "Its factories have delivered about 3 million rounds so far."
    )
    assert [c.text for c in figure_claims(shells, text)] == [
        "more than a million",
        "about 3 million",
    ]


def test_figure_claims_reuses_claims_already_extracted(shells: FigureSpec) -> None:
    text = "Pyongyang sent 40 shells. Pyongyang sent 50 rounds."
    claims = extract_claims(text)[:1]
    assert [c.value for c in figure_claims(shells, text, claims)] == [40]


def test_an_article_with_several_values_tracks_the_total(shells: FigureSpec) -> None:
    text = (
        "North Korea may have sent up to about 3 million 152 mm rounds "
        "or about 500,000 122 mm rounds."
    )
    chosen = pick_claim(figure_claims(shells, text))
    assert chosen is not None
    assert chosen.text == "up to about 3 million"


def test_a_precise_value_beats_a_vague_one_and_ties_go_to_the_first() -> None:
    claims = extract_claims(
        "Hundreds of thousands of shells went north. It sent 100,000 shells in May. "
        "It sent 100,000 rounds in June."
    )
    chosen = pick_claim(claims)
    assert chosen is not None
    assert (chosen.value, chosen.sentence_index) == (100_000, 1)
    assert pick_claim([]) is None


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [(1_000_000, 1_040_000, True), (1_000_000, 1_050_000, True), (1_000_000, 1_100_000, False),
     (0, 0, True), (3_000_000, 1_000_000, False)],
)  # fmt: skip
def test_same_value_is_a_relative_difference_within_min_change(
    a: float, b: float, same: bool
) -> None:
    assert same_value(a, b, 0.05) is same
    assert same_value(b, a, 0.05) is same


def test_the_first_value_of_a_figure_is_first() -> None:
    assert classify([], None, 1_000_000, 0.05) == "first"


def test_a_value_close_to_the_current_one_is_a_restatement() -> None:
    assert classify([1_000_000], 1_000_000, 1_020_000, 0.05) == "restated"


def test_a_value_equal_to_any_earlier_value_is_a_restatement_whatever_its_date() -> None:
    history = [1_000_000, 3_000_000, 5_000_000]
    assert classify(history, 5_000_000, 1_000_000, 0.05) == "restated"


def test_a_value_beyond_min_change_from_every_known_value_is_a_change() -> None:
    assert classify([1_000_000], 1_000_000, 3_000_000, 0.05) == "changed"
    assert classify([1_000_000, 3_000_000], 3_000_000, 2_000_000, 0.05) == "changed"


def test_direction_compares_with_the_previous_value() -> None:
    assert direction(None, 1_000_000) == "first"
    assert direction(1_000_000, 3_000_000) == "up"
    assert direction(3_000_000, 2_000_000) == "down"


def test_only_first_and_changed_values_move_the_current_value() -> None:
    assert track([], None, 1_000_000, 0.05) == ("first", 1_000_000)
    assert track([1_000_000], 1_000_000, 3_000_000, 0.05) == ("changed", 3_000_000)
    assert track([1_000_000, 3_000_000], 3_000_000, 1_010_000, 0.05) == ("restated", 3_000_000)
    assert track([1_000_000], 1_000_000, 9_000_000, 0.05, copy=True) == ("copy", 1_000_000)
