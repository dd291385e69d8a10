"""Previous values and increments a clause names without "from": a clause opening on an
earlier moment with a pluperfect verb that sets a count ("Earlier that day the fire service had
raised the number of missing to 24", "Days earlier the agency had put the number of homes at
210") gives the count's previous value; "its first count of 3,500" is a previous value as "an
earlier estimate of" is; and "nine more dead" is an increment as "nine more bodies" is."""

from __future__ import annotations

from tests.unit.text.conftest import frame


def test_an_earlier_moment_with_a_pluperfect_count_is_a_previous_value() -> None:
    text = "Earlier that day the fire service had raised the number of missing to 24."
    assert frame(text, 24).kind == "previous"


def test_days_earlier_with_had_put_is_a_previous_value() -> None:
    text = "Days earlier the agency had put the number of homes tested at 210."
    assert frame(text, 210).kind == "previous"


def test_a_pluperfect_without_an_earlier_moment_stays_a_total() -> None:
    text = "By Friday the agency had put the number of homes tested at 400."
    assert frame(text, 400).kind == "total"


def test_a_first_count_of_is_a_previous_value() -> None:
    text = "The state now estimates that 38,222 minnows died, far above its first count of 3,500."
    assert frame(text, 3500).kind == "previous"
    assert frame(text, 38222).kind == "total"


def test_more_before_a_fate_is_an_increment() -> None:
    assert frame("Rescuers found nine more dead at the hotel.", 9).kind == "new"
    assert frame("Nine More Dead Found At Buried Hotel", 9).kind == "new"


def test_a_count_of_the_dead_without_more_stays_a_total() -> None:
    assert frame("Rescuers found nine dead at the hotel.", 9).kind == "total"
