"""An attacking side is never the place of its victims: a possessive attacker as the subject
("Lashkar-e-Taiba's gunmen killed 166 people", "Israel's opening strikes had killed 78")
scopes nothing, so the count takes the place the sentence before names; and a sentence whose
named subject launches or fires an attack ("Israel launched strikes across Iran")
hands the next sentence its target's place, not the attacker's name."""

from __future__ import annotations

from tests.unit.text.conftest import scopes


def test_an_attackers_possessive_subject_is_no_scope() -> None:
    text = (
        "Mumbai marked a year since the attacks on Thursday. "
        "Lashkar-e-Taiba's gunmen killed 166 people over the three days."
    )
    assert scopes(text, 166) == ["Mumbai"]


def test_the_sentence_before_gives_the_target_not_the_attacker() -> None:
    text = (
        "Israel launched air strikes on nuclear and military sites across Iran on Friday. "
        "Iran's ambassador said Israel's opening strikes had killed 78 people."
    )
    assert scopes(text, 78) == ["Iran"]


def test_a_possessive_that_owns_its_own_cuts_still_scopes() -> None:
    text = "Facebook's parent company is laying off 11,000 employees."
    assert scopes(text, 11_000) != [None]
