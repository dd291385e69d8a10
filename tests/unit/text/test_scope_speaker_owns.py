"""Claim scopes, sentence by sentence: a named organisation that says what it itself received,
knew of or let go owns the count, past whomever it told ("Samsung told the commission it had
received 92 reports", "Ford told regulators it knew of 396 reports"), and so does a possessive
organisation ("Israel's prison service said it had freed 117 Palestinians"); a side that
releases people acts on them, so "released" followed by a count reports nothing. A speaker
that only reports a count ("The CDC reported 40 cases") stays a source."""

from __future__ import annotations

import pytest

from tests.unit.text.conftest import frame, scopes


@pytest.mark.parametrize(
    ("text", "value", "scope"),
    [
        ("Samsung told the Consumer Product Safety Commission it had received 92 reports of"
         " batteries overheating.", 92, "Samsung"),
        ("Ford told regulators it knew of 396 reports of fires.", 396, "Ford"),
        ("Peloton told the agency that it was aware of 72 reports of injuries.", 72, "Peloton"),
        ("Samsung said it had received 92 reports of overheating.", 92, "Samsung"),
    ],
)  # fmt: skip
def test_a_speaker_owns_what_it_says_it_received(text: str, value: float, scope: str) -> None:
    assert frame(text, value).scope == scope


def test_a_possessive_organisation_owns_what_it_says_it_freed() -> None:
    text = "Israel's prison service said it had freed 117 Palestinians."
    assert frame(text, 117).scope == "Israel's prison service"


@pytest.mark.parametrize(
    ("text", "value", "scope"),
    [
        ("By Sunday night Hamas had released 58 hostages in three days.", 58, "Hamas"),
        ("Hamas released 17 hostages on Saturday.", 17, "Hamas"),
    ],
)  # fmt: skip
def test_releasing_people_acts_on_them(text: str, value: float, scope: str) -> None:
    assert frame(text, value).scope == scope


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The CDC reported 40 cases.", 40),
        ("Samsung said 35 phones had caught fire.", 35),
    ],
)  # fmt: skip
def test_a_speaker_reporting_a_count_is_no_owner(text: str, value: float) -> None:
    assert frame(text, value).scope is None


def test_whom_a_speaker_told_is_no_subject_of_its_parts() -> None:
    text = (
        "Samsung told the Consumer Product Safety Commission it had received 92 reports of"
        " batteries overheating, including 26 reports of burns."
    )
    assert scopes(text, 92, 26) == ["Samsung", "Samsung"]
