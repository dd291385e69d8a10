"""A verb-led count keeps its noun when a span of days stands between the noun and the verb
("the toll over the 12 days of fighting stood at 28")."""

from __future__ import annotations

import pytest

from tests.unit.text.conftest import frame


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("In Israel, the toll over the 12 days of fighting stood at 28.", 28, "deaths"),
        ("The number of arrests over the five days of unrest rose to 3,000.", 3000, "arrests"),
    ],
)
def test_a_span_of_days_after_the_noun_keeps_the_verb_led_count(
    text: str, value: int, unit: str
) -> None:
    assert frame(text, value).unit == unit
