"""A clause whose subject is a named owner's event or share of one ("Uganda's outbreak in
2022", "Ford's part of the recall") counts for that owner: the owner is the numbers' scope,
even when the verb is one of reporting ("recorded"), since an event does not speak."""

from __future__ import annotations

import pytest

from tests.unit.text.conftest import frame


@pytest.mark.parametrize(
    ("text", "value", "scope"),
    [
        ("Uganda's outbreak in 2022, by comparison, recorded 164 confirmed cases.", 164, "Uganda"),
        ("Ford's part of the recall covers about 1.2 million vehicles.", 1200000, "Ford"),
        ("Chile's earthquake of 2010 killed 525 people.", 525, "Chile"),
    ],
)  # fmt: skip
def test_an_owners_event_scopes_its_numbers(text: str, value: float, scope: str) -> None:
    assert frame(text, value).scope == scope


def test_an_owners_organisation_keeps_its_whole_name() -> None:
    text = "Facebook's parent company is laying off 11,000 employees."
    assert frame(text, 11000).scope == "Facebook's parent company"
