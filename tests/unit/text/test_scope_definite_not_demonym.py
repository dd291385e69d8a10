"""A definite place noun ("the city") resolves to a place named nearby, never to a people's
adjective that happens to be capitalised ("a Jewish centre", "Israeli officials"); and a
"where" clause hanging on a site ("the main railway station, where at least 50 were shot")
is that site's."""

from __future__ import annotations

from tests.unit.text.conftest import scopes


def test_the_city_is_not_a_demonym_named_after_it() -> None:
    text = (
        "The gunmen struck 10 sites across the city, including two luxury hotels, "
        "a Jewish centre and the main railway station."
    )
    assert "Jewish" not in (scopes(text, 10)[0] or "")


def test_the_city_still_resolves_to_a_named_city() -> None:
    text = "Asheville police said 40 people had died in the city."
    assert scopes(text, 40) == ["Asheville"]


def test_a_where_clause_hanging_on_a_site_is_that_sites() -> None:
    text = (
        "The gunmen struck 10 sites across the city, including two luxury hotels and "
        "the main railway station, where at least 50 people were shot."
    )
    assert scopes(text, 50) == ["the main railway station"]
