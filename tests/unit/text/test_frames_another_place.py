"""An "another N" or "N more" adds to an earlier count only when it counts the same place and
the same category: one of its own place after another place's count, or one whose predicate
restates the earlier one's with another noun, is a total of its own."""

from __future__ import annotations

from tests.unit.text.conftest import frame


def test_more_in_another_country_is_that_countrys_total() -> None:
    text = "The company said it knew of 30 fires in the United States and of four more in Canada."
    assert frame(text, 4).kind == "total"


def test_another_after_the_sentence_before_names_another_place() -> None:
    text = (
        "Some 2 million cars are being recalled in the United States."
        " Another 300,000 vehicles are being recalled in Canada."
    )
    claim = frame(text, 300000)
    assert (claim.scope, claim.kind) == ("Canada", "total")


def test_another_in_the_same_place_is_an_increment() -> None:
    text = "Texas reported 50 cases on Monday. Another 12 cases were confirmed in Texas on Tuesday."
    assert frame(text, 12).kind == "new"


def test_another_without_a_place_of_its_own_is_an_increment() -> None:
    text = "Ohio reported 50 cases on Monday, and another 12 were confirmed on Tuesday."
    assert frame(text, 12).kind == "new"


def test_another_with_a_restated_predicate_of_another_noun_is_its_own_count() -> None:
    # "under evacuation warnings" is another category than "under evacuation orders"
    text = (
        "Officials said 40,000 people across Orange County were under evacuation orders"
        " and another 60,000 were under evacuation warnings."
    )
    assert frame(text, 60000).kind == "total"


def test_another_with_the_same_predicate_is_an_increment() -> None:
    text = (
        "Officials said 40,000 people were under evacuation orders on Monday"
        " and another 6,000 were under evacuation orders by Tuesday."
    )
    assert frame(text, 6000).kind == "new"
