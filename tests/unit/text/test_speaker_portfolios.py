"""A minister's portfolio names no place or body of a count: "Labour Minister Steven
MacKinnon" speaks for no place called Labour, while "Maui Police Chief John Pelletier" speaks
for Maui."""

from __future__ import annotations

import pytest

from monitor.text.speaker import speaker_place


@pytest.mark.parametrize(
    "who",
    [
        "Labour Minister Steven MacKinnon",
        "Finance Minister Jane Doe",
        "Transport Secretary Ann Lee",
    ],
)
def test_a_portfolio_is_no_place(who: str) -> None:
    assert speaker_place(who) is None


def test_a_place_before_a_title_is_the_speakers_place() -> None:
    assert speaker_place("Maui Police Chief John Pelletier") == "Maui"
