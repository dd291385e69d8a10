"""Issue #12 kinds (kinds16): an earlier value of the same count is `previous` when a later
moment's value follows it ("climbed to 40, and by noon it stood at 44"), when a "when" clause
describes the moment a change is measured from ("a drop from a week earlier, when 212 ..."),
and when an earlier estimate put it at the number through a long noun phrase; a number that
carries its own "new" / "more" inside an inclusion is what the count gained; and "another N"
placed in a past period or event is that event's own count, not an increment."""

from __future__ import annotations

from monitor.text.claims import Claim, extract_claims


def _claim(text: str, number: str) -> Claim:
    return next(c for c in extract_claims(text) if c.text == number)


def test_a_value_followed_by_a_later_moments_value_is_previous() -> None:
    text = "By Monday the number of people killed had climbed to 40, and by noon it stood at 44."
    assert _claim(text, "40").kind == "previous"
    assert _claim(text, "44").kind == "total"


def test_the_moment_a_change_is_measured_from_gives_a_previous_value() -> None:
    text = (
        "The count of 90 still missing was a steep fall from a week earlier, when 212 people "
        "were unaccounted for."
    )
    assert _claim(text, "212").kind == "previous"


def test_an_earlier_estimate_through_a_long_noun_phrase_is_previous() -> None:
    text = (
        "Officials now count 51 dead. Initial reports had put the number of workers trapped "
        "underground at about 80."
    )
    assert _claim(text, "about 80").kind == "previous"
    assert _claim(text, "51").kind == "total"


def test_numbers_with_their_own_new_inside_an_inclusion_are_increments() -> None:
    text = "The update included 9 new deaths and 340 more cases since Friday's bulletin."
    assert [_claim(text, n).kind for n in ("9", "340")] == ["new", "new"]


def test_a_plain_number_inside_an_inclusion_stays_a_part() -> None:
    text = "The outbreak has reached 120 cases, which include 14 deaths."
    assert _claim(text, "14").kind == "part"


def test_another_count_in_a_past_event_is_that_events_own_count() -> None:
    text = "Another 27 people died in 2015 when a chemical depot in the same port exploded."
    claim = _claim(text, "27")
    assert (claim.kind, claim.time) == ("total", "past")


def test_another_count_now_is_still_an_increment() -> None:
    text = "Another 12 victims were pulled out on Friday, bringing the toll to 58."
    assert _claim(text, "12").kind == "new"
