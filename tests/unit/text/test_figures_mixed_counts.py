"""Figure binding of numbers that are not the figure's count although their clause speaks of
it: a count of alternatives joined by "or" ("killed or wounded") mixes in an excluded word;
end-to-end through the extractor, so the sentences are read as the monitor reads them."""

from __future__ import annotations

import pytest

from monitor.text.figures import FigureSpec, bind
from tests.unit.text.conftest import frame

QUAKE_DEAD = FigureSpec(
    "quake-dead", "People killed by the quake", ("people", "deaths"), ("Herat", "Afghanistan"),
    about=("killed", "dead", "died"), exclude=("injured", "wounded", "hurt", "missing"),
)  # fmt: skip


@pytest.mark.parametrize(
    ("text", "value", "word"),
    [
        ("In Herat about 3,000 people were killed or wounded by the tremor.", 3_000, "wounded"),
        ("Officials in Herat said 600 people were dead or missing.", 600, "missing"),
        ("At least 90 people were killed or injured in Herat, the ministry said.", 90, "injured"),
    ],
)  # fmt: skip
def test_a_count_of_alternatives_joined_by_or_is_excluded_by_either(
    text: str, value: float, word: str
) -> None:
    assert bind(QUAKE_DEAD, frame(text, value)).reason == f"excluded: '{word}'"


def test_an_or_before_another_number_still_ends_the_numbers_phrase() -> None:
    text = "In Herat 250 people were killed or 40 more were injured, depending on the source."
    assert bind(QUAKE_DEAD, frame(text, 250)).bound
