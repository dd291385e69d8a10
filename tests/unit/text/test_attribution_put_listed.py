"""Who reports a count: "put X's toll at N" and "listed" are reporting verbs, and a source
after a dash ("... - the ministry's figures show") reports the sentence before the dash."""

from __future__ import annotations

import pytest

from monitor.text.attribution import find_attribution


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        (
            "The civil defence agency put Gaza's death toll at 41 on Monday.",
            "The civil defence agency",
        ),
        (
            "Provincial officials put the region's toll at 88 after the storm.",
            "Provincial officials",
        ),
        ("The health ministry put the toll at 120.", "The health ministry"),
        ("The coroner's office listed 19 dead in its latest update.", "The coroner's office"),
        (
            "Since June, 310 people have died across the state - 200 men and 110 women -"
            " the agency's figures show.",
            "the agency's figures",
        ),
    ],
)
def test_reporting_verbs_name_the_source(sentence: str, source: str) -> None:
    assert find_attribution(sentence) == source


def test_putting_an_object_somewhere_is_no_report() -> None:
    assert find_attribution("Volunteers put 300 sandbags along the river bank.") is None
