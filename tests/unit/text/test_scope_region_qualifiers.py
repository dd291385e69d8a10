"""A place written with a direction or part before it ("mainland China", "northern Israel")
is still a place, and a subject headed by a plural event noun ("The fires had killed 18
people") counts its numbers like a singular one ("The fire killed 18")."""

from __future__ import annotations

import pytest

from monitor.text.scope import is_place
from tests.unit.text.conftest import frame


@pytest.mark.parametrize("name", ["mainland China", "northern Israel", "central Chile"])
def test_a_qualified_place_is_a_place(name: str) -> None:
    assert is_place(name)


@pytest.mark.parametrize("name", ["South Korea", "North Carolina", "West Bank"])
def test_names_that_begin_with_a_direction_stay_places(name: str) -> None:
    assert is_place(name)


def test_a_qualified_place_scopes_a_headline_count() -> None:
    assert frame("Mainland China Virus Toll Reaches 82", 82).scope == "Mainland China"


@pytest.mark.parametrize(
    "text", ["The fires had killed 18 people by Wednesday.", "The floods have displaced 18 people."]
)
def test_a_plural_event_subject_counts_its_numbers(text: str) -> None:
    assert (frame(text, 18).scope or "").lower() in ("the fires", "the floods")
