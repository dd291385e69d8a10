"""An earlier value of a current count a change reached ("had grown to M, up from N a year
earlier") is `previous` and `current`, as the labelling rules say; an earlier value of a count
placed in the past stays past with it."""

from __future__ import annotations

from tests.unit.text.conftest import frame


def test_the_earlier_value_of_a_count_a_change_reached_is_current() -> None:
    text = "The warehouse workforce has grown to 3,410 people, up from 2,980 a year earlier."
    got = frame(text, 2980)
    assert (got.kind, got.time) == ("previous", "current")


def test_an_earlier_value_of_a_past_count_stays_past() -> None:
    text = (
        "In 2019, when the outbreak peaked, 1,274 cases were recorded, up from 372 a year earlier."
    )
    got = frame(text, 372)
    assert (got.kind, frame(text, 1274).time, got.time) == ("previous", "past", "past")
