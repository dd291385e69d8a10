"""An "its" / "their" owning a number's phrase ("its roughly 7,500 staff", "five of its
employees", "over 3,100 of their cars", "of its workforce, or about 9,000 people") gives the
number to the nearest subject before it that the pronoun can stand for: a name or a definite
organisation phrase ("The company", "the two automakers"), even when that subject is the
speaker. A reporter's own count ("raised its count to 4,352") stays with its place."""

from __future__ import annotations

from tests.unit.text.conftest import scopes


def test_five_of_its_employees_are_the_speakers() -> None:
    assert scopes("Disneyland said five of its employees had been diagnosed.", 5) == ["Disneyland"]


def test_its_staff_after_an_apposition_belong_to_the_subject() -> None:
    text = (
        "The cuts came a week after Twitter, now owned by Elon Musk, dismissed about half "
        "of its roughly 7,500 staff."
    )
    assert scopes(text, 7_500) == ["Twitter"]


def test_their_cars_in_a_later_clause_are_the_definite_subjects() -> None:
    text = (
        "Between 2010 and 2022, the two automakers recalled more than 7 million vehicles, "
        "and over 3,100 of their cars caught fire."
    )
    assert scopes(text, 3_100) == ["the two automakers"]


def test_an_appositive_count_of_its_workforce_is_the_companys() -> None:
    text = (
        "The company said on Wednesday that the new cuts would affect fewer than 4 percent "
        "of its workforce, or about 9,000 people."
    )
    assert scopes(text, 9_000) == ["The company"]


def test_a_reporters_count_raised_to_a_number_is_not_the_reporters() -> None:
    text = (
        "Nepal's leaders faced anger on Tuesday. The toll could reach 10,000, the prime "
        "minister warned, as the home ministry raised its count to 4,352 dead."
    )
    assert scopes(text, 4_352) != ["the home ministry"]
