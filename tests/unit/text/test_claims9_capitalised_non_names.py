"""Capitalised words that are no names never scope a count: a superlative in a Title Case
headline ("In Biggest Such Walkout In State History"), a record's "History", and a participle
opening the sentence ("Suspected cases climbed to ...")."""

from __future__ import annotations

from tests.unit.text.conftest import frame


def test_a_superlative_run_in_a_headline_is_no_place() -> None:
    text = "12,000 Nurses Walk Out At Mercy Health In Biggest Such Walkout In State History"
    assert frame(text, 12000).scope == "Mercy Health"


def test_a_participle_opening_the_sentence_is_no_owner_of_the_count() -> None:
    text = (
        "Ohio reported 40 new cases on Monday.\n"
        "Suspected infections climbed to 310 from 260 a day earlier."
    )
    assert frame(text, 310).scope != "Suspected"


def test_a_place_name_modifier_still_owns_the_count() -> None:
    assert frame("Officials counted 26 Colorado cases by Friday.", 26).scope == "Colorado"
