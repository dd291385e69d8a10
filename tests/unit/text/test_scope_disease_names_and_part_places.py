"""Round 18 of the figure timelines: sentence-level rules found by its first run.

- "the number of people internally displaced by ... has tripled in a year to N": an adverb
  on the counted noun's participle, and a year as the span of the change, still lead the
  noun to its number (monitor.text.units);
- "In mid-2023 it had counted about 165,000": a part of a year is a past period as the year
  is (monitor.text.frame_times);
- "101 cases of Guillain-Barre syndrome": the complement of a case count names the disease,
  never the scope; "most of them in Pune" places a part of the count, not the count
  (monitor.text.scope).
"""

from __future__ import annotations

import pytest

from monitor.text.claims import Claim, extract_claims


def _claim(sentence: str, text: str) -> Claim:
    found = [c for c in extract_claims(sentence) if c.text == text]
    assert found, [c.text for c in extract_claims(sentence)]
    return found[0]


@pytest.mark.parametrize(
    ("sentence", "text", "value", "scope"),
    [
        (
            "The number of people internally displaced by gang violence in Haiti has tripled "
            "in a year to more than one million, the IOM said on Tuesday.",
            "more than one million",
            1_000_000,
            "Haiti",
        ),
        (
            "The number of people displaced in Sudan has doubled in the past year to 1.2 million.",
            "1.2 million",
            1_200_000,
            "Sudan",
        ),
        (
            "The number of people seriously injured in Gaza has risen to 400.",
            "400",
            400,
            "Gaza",
        ),
    ],
)
def test_number_of_led_through_adverb_and_year_span(
    sentence: str, text: str, value: float, scope: str
) -> None:
    claim = _claim(sentence, text)
    assert claim.value == value
    assert claim.unit == "people"
    assert claim.kind == "total"
    assert claim.scope == scope


@pytest.mark.parametrize(
    "sentence",
    [
        "In mid-2023 it had counted about 165,000 displaced people nationwide.",
        "In early 2022 the agency counted about 165,000 displaced people.",
        "In late 2021 the agency counted about 165,000 displaced people.",
    ],
)
def test_part_of_a_year_is_past(sentence: str) -> None:
    assert _claim(sentence, "about 165,000").time == "past"


@pytest.mark.parametrize(
    ("sentence", "text", "scope"),
    [
        (
            "Maharashtra's health department has recorded 101 cases of Guillain-Barre "
            "syndrome, a rare nerve disorder, most of them in and around Pune, officials said.",
            "101",
            "Maharashtra's health department",
        ),
        ("Uganda has confirmed 14 cases of Ebola.", "14", "Uganda"),
        ("There are 14 cases of Ebola in Uganda.", "14", "Uganda"),
    ],
)
def test_disease_complement_and_part_place_are_no_scope(
    sentence: str, text: str, scope: str
) -> None:
    assert _claim(sentence, text).scope == scope


def test_part_of_them_places_only_the_part() -> None:
    claim = _claim("Officials counted 500 deaths, most of them in Gaza.", "500")
    assert claim.scope != "Gaza"
