"""Counted units, sentence by sentence: "the number of X" names what is counted even when a
relative clause on X stands between it and the verb that gives the count."""

from __future__ import annotations

import pytest

from tests.unit.text.conftest import frame


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("The number of refugees who have entered Armenia from the enclave reached 21,000 on "
         "Wednesday, officials said.", 21_000, "refugees"),
        ("The count of migrants that have crossed into Poland since Monday stands at 2,100.",
         2_100, "migrants"),
        ("The number of patients who were flown to the capital rose to 45.", 45, "patients"),
    ],
)  # fmt: skip
def test_a_relative_clause_on_the_counted_noun_keeps_its_unit(
    text: str, value: float, unit: str
) -> None:
    claim = frame(text, value)
    assert (claim.unit, claim.kind) == (unit, "total")


def test_a_toll_dated_by_a_since_clause_still_counts_deaths() -> None:
    # "the death toll since the rains began in June": the toll's own noun, not the part before
    text = (
        "Storms on Monday killed 40 people, including 3 medics, pushing the death toll"
        " since the rains began in June to 300."
    )
    assert frame(text, 300).unit == "deaths"
