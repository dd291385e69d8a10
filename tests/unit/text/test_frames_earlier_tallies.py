"""Kind `previous`: an earlier tally named as such ("Earlier tallies had put the dead at 200",
"the toll, which had stood at 11") is an earlier value of the count, not its current total."""

from __future__ import annotations

import pytest

from tests.unit.text.conftest import frame


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Clashes pushed the death toll to 300. Earlier tallies had put the dead at 200.", 200),
        ("Initial reports put the number of dead at 40.", 40),
        ("The first count had put the toll at 1,002.", 1002),
        ("Fires killed 24 in the county. Officials said the toll, which had stood at 11 on "
         "Friday, would rise.", 11),
    ],
)  # fmt: skip
def test_an_earlier_tally_is_a_previous_value(text: str, value: float) -> None:
    assert frame(text, value).kind == "previous"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a restatement: the count still stands there
        ("The toll has stood at 762 since last Friday.", 762),
        # a tally put without an earlier-word is the current one
        ("Officials put the toll at 300 on Sunday.", 300),
    ],
)  # fmt: skip
def test_a_standing_count_stays_total(text: str, value: float) -> None:
    assert frame(text, value).kind == "total"
