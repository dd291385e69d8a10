"""When a count is from and what it adds (docs/SPEC.md §6): a period in the number's own phrase
dates it whatever else its clause says ("now"); a "when" or "with" clause hanging on a year is
in that year; "N more than a week earlier" is the week's rise; a place name that a capitalised
common word opens keeps that word ("New York City")."""

from __future__ import annotations

from tests.unit.text.conftest import frame, scopes


def test_a_period_in_the_numbers_own_phrase_dates_it_despite_now() -> None:
    text = "The count is now only 58 short of the 372 cases reported in the whole of last year."
    claim = frame(text, 372)
    assert (claim.time, claim.time_ref) == ("past", "last year")
    assert frame("The count is now close to the 372 cases reported last year.", 372).time == "past"


def test_a_current_count_beside_a_dated_one_stays_current() -> None:
    text = "There were 1,274 cases in 2019, and now 300 cases."
    assert [frame(text, v).time for v in (1274, 300)] == ["past", "current"]


def test_a_when_or_with_clause_hanging_on_a_year_is_in_that_year() -> None:
    when = frame("The record until now belonged to 1994, when 963 cases were reported.", 963)
    assert (when.time, when.time_ref) == ("past", "1994")
    assert frame("The worst year before that was 1994, with 963 cases.", 963).time == "past"


def test_a_count_compared_with_an_earlier_moment_is_the_rise() -> None:
    text = (
        "The United States has recorded 314 measles cases so far this year, federal health "
        "officials said on Monday, 46 more than a week earlier."
    )
    assert [frame(text, v).kind for v in (314, 46)] == ["total", "new"]
    assert frame("Officials counted 40 more than on Friday in the camps.", 40).kind == "new"


def test_a_place_opened_by_a_common_word_keeps_it() -> None:
    assert scopes("New York City alone has had 466 cases since September.", 466) == [
        "New York City"
    ]
    # a sentence's capitalised common opener still goes: "Health officials ..."
    assert scopes("Health officials in Ohio have confirmed 85 cases.", 85) == ["Ohio"]


def test_the_size_a_count_was_first_given_at_is_its_previous_value() -> None:
    text = "The recall, first announced in February at 778,562 cars, now covers 2.6 million cars."
    assert [frame(text, v).kind for v in (778562, 2600000)] == ["previous", "total"]
    toll = "The toll, initially put at 156, has risen to 290."
    assert [(frame(toll, v).unit, frame(toll, v).kind) for v in (156, 290)] == [
        ("deaths", "previous"),
        ("deaths", "total"),
    ]


def test_up_by_a_number_from_an_earlier_moment_is_the_rise() -> None:
    text = (
        "Federal officials reported 1,022 measles cases nationwide as of June 6, up 41 from a "
        "week earlier."
    )
    assert [frame(text, v).kind for v in (1022, 41)] == ["total", "new"]
    assert frame("Cases are up 12 from last week.", 12).kind == "new"
    # "up from N" is still the earlier value, not a rise
    assert frame("The toll was 97, up from 93 a day earlier.", 93).kind == "previous"
