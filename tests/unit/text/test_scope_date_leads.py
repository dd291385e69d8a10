"""Scope after a date lead written without its comma: "By 3 October the outbreak had grown
to 36 cases" is the outbreak's count, as "By 3 October, the outbreak ..." would be."""

from __future__ import annotations

import pytest

from tests.unit.text.conftest import frame


@pytest.mark.parametrize(
    ("text", "value", "scope"),
    [
        ("By 3 October the outbreak had grown to 36 cases.", 36, "the outbreak"),
        ("By Wednesday Wayanad's official toll had climbed to 151.", 151, "Wayanad"),
        ("On Tuesday Tesla said it would cut 14,000 jobs.", 14_000, "Tesla"),
        ("By late October the outbreak had sickened 64 people.", 64, "the outbreak"),
        ("On Saturday night Ohio's count reached 85 cases.", 85, "Ohio"),
    ],
)  # fmt: skip
def test_subject_after_a_date_lead_without_comma(text: str, value: float, scope: str) -> None:
    assert scope in (frame(text, value).scope or "")


def test_the_date_itself_is_never_the_scope() -> None:
    assert "October" not in (
        frame("By 3 October the outbreak had grown to 36 cases.", 36).scope or ""
    )


# --- an earlier event named by its year opening the clause is the number's scope -------------


@pytest.mark.parametrize(
    ("text", "value", "scope"),
    [
        ("In the 2008 walkout, about 27,000 machinists had stayed off the job.", 27_000,
         "the 2008 walkout"),
        ("In the 2019 outbreak, 1,274 cases were reported.", 1274, "the 2019 outbreak"),
    ],
)  # fmt: skip
def test_a_dated_event_lead_is_the_scope(text: str, value: float, scope: str) -> None:
    assert frame(text, value).scope == scope


def test_a_dated_event_lead_is_past() -> None:
    assert frame("In the 2008 walkout, about 27,000 machinists stayed out.", 27_000).time == "past"


# --- an organisation subject with an irregular verb of its own count ---------------------------


@pytest.mark.parametrize(
    ("text", "value", "scope"),
    [
        ("Bungie, the studio behind Destiny, laid off 220 staff this week.", 220, "Bungie"),
        ("Acme sold 3,000 units in the first week.", 3000, "Acme"),
    ],
)  # fmt: skip
def test_an_irregular_own_verb_keeps_the_subject(text: str, value: float, scope: str) -> None:
    assert frame(text, value).scope == scope
