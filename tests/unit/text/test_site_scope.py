"""A site that stores what is counted scopes the count (monitor/text/site.py)."""

from __future__ import annotations

from monitor.text.claims import extract_claims
from monitor.text.site import site_scope


def _scope(text: str, number: str) -> str | None:
    return next(c.scope for c in extract_claims(text) if c.text == number)


def test_bodies_kept_at_a_morgue_are_the_morgues() -> None:
    assert _scope("Some 40 bodies at the city morgue were still unnamed.", "Some 40") == (
        "the city morgue"
    )


def test_goods_stored_in_a_warehouse_are_the_warehouses() -> None:
    text = "Inspectors said nearly 8,000 gas cylinders were kept in the warehouse."
    assert _scope(text, "nearly 8,000") == "the warehouse"


def test_a_named_place_in_the_clause_still_wins() -> None:
    assert _scope("Twenty bodies lay in the mortuary in Kherson.", "Twenty") == "Kherson"


def test_places_that_house_people_are_no_storing_site() -> None:
    assert site_scope("About 500 people slept in shelters.", 0, 37) is None
