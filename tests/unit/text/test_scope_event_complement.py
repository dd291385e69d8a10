"""A reported "that" complement whose subject is a definite event or organisation ("said on
Wednesday that the fires had killed 18 people") scopes its numbers to that subject, as the
same clause unreported would ("The fires killed 18 people"); the speaker stays the source."""

from __future__ import annotations

from tests.unit.text.conftest import scopes


def test_a_day_and_that_before_the_event_subject_of_reported_speech() -> None:
    text = (
        "Yonhap, citing forest service officials, said on Wednesday that the fires had "
        "killed 18 people and burned 209 buildings."
    )
    assert scopes(text, 18, 209) == ["the fires", "the fires"]


def test_that_the_outbreak_has_sickened_is_the_outbreaks_count() -> None:
    text = "The agency said that the outbreak had sickened 34 people."
    assert scopes(text, 34) == ["the outbreak"]


def test_a_place_in_the_complement_still_wins() -> None:
    text = "Officials said that the fires had killed 12 people in Andong."
    assert scopes(text, 12) == ["Andong"]
