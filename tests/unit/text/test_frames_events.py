"""Scopes written by other reporters: an event the count is given for, places that belong to
the speech act or a destination, organisations owning a count, and sub-scopes of a total."""

from __future__ import annotations

import pytest

from monitor.text.claims import extract_claims
from tests.unit.text.conftest import frame, scopes


@pytest.mark.parametrize(
    ("text", "value", "scope"),
    [
        (
            "Officials put the death toll from the derailment at 61 on Tuesday.",
            61,
            "the derailment",
        ),
        (
            "At least 212 people were missing after the landslide, rescuers said.",
            212,
            "the landslide",
        ),
        ("More than 300 worshippers died during the pilgrimage last week.", 300, "the pilgrimage"),
        ("Diplomats counted 640 deaths at this year's Umrah season.", 640, "this year's Umrah"),
        ("About 84 passengers hurt in the collision were still in hospital.", 84, "the collision"),
    ],
)
def test_an_event_the_count_is_given_for_is_its_scope(text: str, value: float, scope: str) -> None:
    assert frame(text, value).scope == scope


def test_a_place_in_the_count_s_clause_still_wins_over_the_event() -> None:
    claim = frame("At least 40 people were killed in Tarsus after the explosion.", 40)
    assert claim.scope == "Tarsus"


@pytest.mark.parametrize(
    "text",
    [
        '"We have found 73 bodies so far," the governor told reporters in Kastoria.',
        "About 90 of the injured were taken to hospitals in Larissa, the ministry said.",
        "Of the 140 bodies, 96 have been identified, said Ana Ruiz, deputy director at Punta Alta.",
    ],
)
def test_the_place_of_the_speech_or_a_destination_is_not_the_scope(text: str) -> None:
    claims = extract_claims(text)
    assert claims
    assert all(c.scope not in ("Kastoria", "Larissa", "Punta Alta") for c in claims), claims


def test_a_named_count_clause_after_the_speaker_wins_over_the_speakers_place() -> None:
    text = "Larimer County Sheriff Tom Hale said 42 people were unaccounted for after the blast."
    assert frame(text, 42).scope == "the blast"


def test_a_possessive_owner_subject_is_the_scope() -> None:
    text = "Google's parent company is cutting about 12,000 jobs, its chief executive said."
    assert frame(text, 12000).scope == "Google's parent company"


def test_a_speaker_s_own_pronoun_complement_keeps_the_speaker_as_scope() -> None:
    text = "Salesforce said on Wednesday that it would eliminate about 7,000 jobs."
    assert frame(text, 7000).scope == "Salesforce"


def test_a_leading_time_phrase_does_not_hide_a_place_subject() -> None:
    text = "Last year Peru recorded 188,000 dengue cases, and 420 people died."
    assert scopes(text, 188000, 420) == ["Peru", "Peru"]


def test_a_possessive_place_opening_the_sentence_before_scopes_a_bare_count() -> None:
    text = "Vietnam's health ministry issued its weekly bulletin on Monday. Twelve more deaths took the toll to 143."
    assert frame(text, 143).scope == "Vietnam"


def test_a_partitive_sub_scope_is_its_own_and_not_the_total_s() -> None:
    text = (
        "Peru's dengue season broke another record on Sunday. A record 3,100 patients were "
        "admitted in the 24 hours to Sunday, 1,250 of them in the capital, officials said."
    )
    assert scopes(text, 1250, 3100) == ["the capital", "Peru"]


def test_outside_a_place_is_a_sub_scope_as_written() -> None:
    text = (
        "Hospitals across Peru admitted 900 dengue patients in the 24 hours to Sunday. "
        "Of the new admissions, 512 were in Lima and 388 were outside the capital."
    )
    assert scopes(text, 388, 512) == ["outside the capital", "Lima"]
