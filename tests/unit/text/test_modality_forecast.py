"""A projected or hypothetical count is a claim with its frame, kind `total`, and modality
`forecast`: it says what may come, not what the count is (monitor.text.modality)."""

from __future__ import annotations

import pytest

from monitor.text.claims import Claim, extract_claims


def _claim(sentence: str, text: str) -> Claim:
    found = [c for c in extract_claims(sentence) if c.text == text]
    assert found, [c.text for c in extract_claims(sentence)]
    return found[0]


@pytest.mark.parametrize(
    ("sentence", "text"),
    [
        ("Seismologists warned that the number of dead could climb past 5,000.", "past 5,000"),
        ("The ministry said the toll may rise to 800 as villages are reached.", "800"),
        ("Aid groups fear the death toll might exceed 2,000 in the hill districts.", "2,000"),
        ("Officials expect the number of cases to top 1,000 next month.", "1,000"),
        ("Forecasters say the storm will likely bring the toll to 40 once roads reopen.", "40"),
        ("Epidemic models project 12,000 infections in the region by March.", "12,000"),
        ("He said as many as 900 people could die if the dam gives way.", "as many as 900"),
        ("The UN projected that 60,000 people would be displaced.", "60,000"),
    ],
)
def test_projected_counts_are_forecasts(sentence: str, text: str) -> None:
    claim = _claim(sentence, text)
    assert claim.modality == "forecast"
    assert claim.kind == "total"  # a forecast keeps its kind: it is not a new kind of count
    assert not claim.moves_figure
    assert claim.to_dict()["modality"] == "forecast"


@pytest.mark.parametrize(
    ("sentence", "text"),
    [
        (
            "At least 41 people died in the floods, and officials said the toll could rise.",
            "At least 41",
        ),
        ("The toll, which could still grow, stood at 63 on Monday.", "63"),
        ("Rescuers could not reach 12 villages cut off by landslides.", "12"),
        ("The blast may have killed as many as 150 people, the governor said.", "as many as 150"),
        ("In May, 40 new cases were recorded in the district.", "40"),
        ("The carmaker will cut 4,000 jobs in Germany.", "4,000"),
        ("The storm that could hit the coast again killed 7 people on Friday.", "7"),
    ],
)
def test_reported_counts_are_not_forecasts(sentence: str, text: str) -> None:
    assert _claim(sentence, text).modality is None


def test_current_count_and_projection_in_one_sentence() -> None:
    sentence = (
        "At least 50 people were killed, the governor said, and he warned that the number "
        "was likely to exceed 70 and could eventually reach 100."
    )
    assert _claim(sentence, "At least 50").modality is None
    assert _claim(sentence, "70").modality == "forecast"
    assert _claim(sentence, "100").modality == "forecast"


@pytest.mark.parametrize(
    ("sentence", "text"),
    [
        ("The death toll is expected to rise to 300 as rescuers dig.", "300"),
        ("The number of dead is likely to climb to 1,200, the agency said.", "1,200"),
        ("Officials said the count of cases was set to reach 500 by Friday.", "500"),
    ],
)
def test_an_expected_rise_of_a_count_noun_is_a_forecast_claim(sentence: str, text: str) -> None:
    """ "The toll is expected to rise to 300": the count noun led to its number through a verb
    of expectation is still a claim, and a forecast."""
    claim = _claim(sentence, text)
    assert claim.modality == "forecast"
    assert claim.kind == "total"
