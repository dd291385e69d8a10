"""Kinds and times of counts that depend on the count's place in the story (issue #12, round
claims13):

- a value the sentence sets aside for the one it gives ("..., Not 64", "not the 64 in its
  official tally") is a previous value;
- an event named by its date ("the Oct. 7 attack", "the 2015 crush at Mina") is behind the
  story: its counts are past, and so are those of a relative clause hanging on it;
- a part takes the time of the whole it is picked out of ("killed 14 people in 2001,
  including the five gunmen");
- a count that is itself the subject of the verb carrying it into a running total ("Thirty-two
  deaths ... took the Sindh toll to 1,242") is an increment, and so are counts coordinated
  with it ("13 Israelis and four Thais came out ..., bringing the number ... to 41");
- people detained or arrested, bodies found or recovered on one named day are that day's
  haul, an increment, unless the clause keeps a running count;
- "a week after" is a time, not a rate.
"""

from __future__ import annotations

from tests.unit.text.conftest import frame, kinds


def test_a_value_set_aside_with_not_is_the_previous_value() -> None:
    assert frame("Puerto Rico Now Says Maria Killed 2,975, Not 64", 64).kind == "previous"
    text = (
        "The territory's government conceded that the hurricane had probably killed more "
        "than 1,400 people, not the 64 in its official tally."
    )
    assert kinds(text, 1400, 64) == ["total", "previous"]


def test_an_event_named_by_its_day_is_past() -> None:
    text = (
        "Hamas and allied groups seized about 240 people in the Oct. 7 attack, in which some "
        "1,200 people were killed in southern Israel."
    )
    assert frame(text, 240).time == "past"
    assert frame(text, 1200).time == "past"
    assert frame(text, 1200).time_ref == "the Oct. 7 attack"


def test_an_event_named_by_its_year_is_past_for_its_relative_clause() -> None:
    text = (
        "The deadliest disaster in the pilgrimage's modern history remains the 2015 crush at "
        "Mina, in which more than 2,400 pilgrims were killed."
    )
    assert frame(text, 2400).time == "past"


def test_a_day_of_the_story_itself_is_not_an_event_date() -> None:
    claim = frame("The toll from Sunday's attack rose to 52 on Monday, officials said.", 52)
    assert claim.time == "current"


def test_a_part_takes_the_time_of_its_whole() -> None:
    text = (
        "The attack on the Indian parliament in 2001, which India also blamed on the group, "
        "killed 14 people, including the five gunmen."
    )
    assert [frame(text, v).time for v in (14, 5)] == ["past", "past"]
    back = "Back in April, the number of cases in Guinea had grown to 242, including 142 deaths."
    assert frame(back, 142).time == "past"


def test_a_part_of_a_current_whole_stays_current() -> None:
    text = "The outbreak has sickened 75 people, including 22 who needed hospital care."
    assert frame(text, 22).time == "current"


def test_a_count_that_takes_the_toll_to_a_total_is_its_increment() -> None:
    text = "Thirty-two deaths in Karachi on Saturday took the Sindh toll to 1,242, officials said."
    assert kinds(text, 32, 1242) == ["new", "total"]


def test_counts_coordinated_before_a_carried_increment_are_increments_too() -> None:
    text = (
        "A second group of 13 Israelis and four Thais came out on Saturday, bringing the "
        "number of hostages freed under the truce to 41."
    )
    assert kinds(text, 13, 4, 41) == ["new", "new", "total"]


def test_a_count_told_as_a_reporters_subject_is_not_carried() -> None:
    text = "Officials who counted 40 deaths raised the toll to 52 on Monday."
    assert frame(text, 40).kind != "new"


def test_people_detained_on_a_named_day_are_that_days_haul() -> None:
    text = "The ministry said 317 people were detained across the country on Sunday."
    assert frame(text, 317).kind == "new"
    text = "Hong Kong police also arrested 12 people on Monday on suspicion of making petrol bombs."
    assert frame(text, 12).kind == "new"
    text = "In Minsk alone 774 people were detained at Sunday's march, the ministry said."
    assert frame(text, 774).kind == "new"
    text = "Rescuers found eight bodies on Friday morning in La Torre, a district of Valencia."
    assert frame(text, 8).kind == "new"


def test_a_running_or_kept_count_on_a_named_day_is_a_total() -> None:
    text = "Police have arrested 483 people over the riots, the NPCC said on Thursday."
    assert frame(text, 483).kind == "total"
    text = "The hotspot held 1,104 people on Monday after new transfers to Sicily."
    assert frame(text, 1104).kind == "total"
    text = "Police had arrested 6,022 people since the protests began on June 9, they said."
    assert frame(text, 6022).kind == "total"


def test_a_week_after_is_a_time_not_a_rate() -> None:
    claim = frame("Twitter Lays Off About 3,700 Staff A Week After Musk Takeover", 3700)
    assert claim.kind == "total"
    assert frame("The port handles about 10,000 containers a week.", 10000).kind == "rate"


def test_counts_before_a_truce_or_a_buyout_are_past() -> None:
    text = (
        "The company had 7,500 workers before the buyout, and by the spring only 1,500 were left."
    )
    assert [frame(text, v).time for v in (7500, 1500)] == ["past", "current"]


def test_an_earlier_event_opening_the_sentence_dates_all_its_clauses() -> None:
    text = (
        "Before the truce, Hamas had let four captives go in October, and the army had rescued "
        "one soldier."
    )
    assert [frame(text, v).time for v in (4, 1)] == ["past", "past"]
    now = "Before the storm, officials said, 300 people had left, and now 40 are dead."
    assert frame(now, 40).time == "current"


def test_before_a_clause_on_the_event_is_no_earlier_period() -> None:
    text = (
        "Eleven more hostages were released on Monday in return for 33 prisoners, the last "
        "swap before the truce was extended by two days."
    )
    assert frame(text, 11).time == "current"
