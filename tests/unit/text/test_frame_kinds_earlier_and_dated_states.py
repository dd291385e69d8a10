"""Round frames16 (issue #12) kinds and times: a pluperfect estimate marked as a first or
earlier one ("had initially estimated", "had put ... at 135 earlier in the day", "Only hours
earlier the toll had stood at 48") is a previous value; another event told in the pluperfect
after an earlier moment ("Twelve days before, a quake ... had killed 98") is past; a place
apposed with its size ("a regency of some 300,000 people") is its population, not a part; "43
Syrians were among the dead" is a part; "another" after a second verb ("destroyed 10,000 houses
and damaged a further 55,000") counts another fate, not an increment; a rate after a pair of
nouns ("55,000 repair kits and replacement devices a week") is a rate."""

from __future__ import annotations

from monitor.text.claims import Claim, extract_claims


def _claim(sentence: str, text: str) -> Claim:
    return next(c for c in extract_claims(sentence) if c.text == text)


def test_a_toll_that_had_stood_at_a_value_hours_earlier_is_a_previous_value() -> None:
    assert _claim("Only hours earlier the toll had stood at 48.", "48").kind == "previous"


def test_a_value_a_source_had_put_earlier_in_the_day_is_a_previous_value() -> None:
    sentence = "The minister had put the number of dead at 135 earlier in the day."
    assert _claim(sentence, "135").kind == "previous"


def test_the_same_pluperfect_with_a_day_and_no_earlier_stays_a_total() -> None:
    sentence = "The minister had put the number of dead at 135 on Tuesday."
    assert _claim(sentence, "135").kind == "total"


def test_an_initial_pluperfect_estimate_is_a_previous_value() -> None:
    sentence = "Officials had initially estimated that about 1,000 people lay buried in the city."
    assert _claim(sentence, "about 1,000").kind == "previous"
    plain = "Officials estimated that about 1,000 people lay buried in the city."
    assert _claim(plain, "about 1,000").kind == "total"


def test_what_a_source_had_earlier_said_of_another_count_is_no_previous_value() -> None:
    sentence = "The Red Crescent had earlier said 145 of its volunteers were deployed in the city."
    assert _claim(sentence, "145").kind != "previous"


def test_another_event_in_the_pluperfect_after_an_earlier_moment_is_past() -> None:
    sentence = "Twelve days before, a strong quake off Chiapas had killed 98 people."
    assert _claim(sentence, "98").time == "past"
    lombok = "Two months earlier a series of quakes on Lombok had killed about 560 people."
    assert _claim(lombok, "about 560").time == "past"


def test_the_same_storm_with_the_week_before_is_past() -> None:
    sentence = "The same storm had killed more than a dozen people in Greece the week before."
    assert _claim(sentence, "more than a dozen").time == "past"


def test_a_counted_subject_of_an_earlier_pluperfect_event_is_past() -> None:
    sentence = "Hours earlier four earthquakes, the strongest of them, had shaken the region."
    assert _claim(sentence, "four").time == "past"


def test_the_story_s_own_event_an_earlier_moment_before_stays_current() -> None:
    assert _claim("Two days earlier the fire had destroyed 500 homes.", "500").time == "current"


def test_a_place_apposed_with_its_size_is_no_part_of_the_lead_count() -> None:
    sentence = (
        "Of those deaths, 821 were recorded in Palu and 11 in Donggala, a regency of some "
        "300,000 people north of the city."
    )
    assert _claim(sentence, "some 300,000").kind == "total"


def test_a_count_among_the_dead_is_a_part() -> None:
    sentence = "Syria's embassy said 43 Syrians were among the dead."
    assert _claim(sentence, "43").kind == "part"


def test_a_further_count_after_a_second_verb_is_another_fate_not_an_increment() -> None:
    sentence = "The quake destroyed an estimated 10,000 houses and damaged a further 55,000."
    assert _claim(sentence, "55,000").kind == "total"
    same = "The county added 12 cases on Monday and added another 9 on Tuesday."
    assert _claim(same, "9").kind == "new"


def test_a_rate_after_a_pair_of_counted_nouns_is_a_rate() -> None:
    sentence = "The company was producing about 55,000 repair kits and replacement devices a week."
    assert _claim(sentence, "about 55,000").kind == "rate"
    later = "It shipped 55,000 kits and replacement devices a week later."
    assert _claim(later, "55,000").kind != "rate"


def test_a_new_count_and_a_count_joined_to_it_share_the_window() -> None:
    sentence = (
        "Between June 22 and 27 alone the ministry recorded 39,688 new suspected cases and "
        "183 deaths."
    )
    assert _claim(sentence, "183").kind == "new"


def test_the_value_of_the_week_before_is_a_previous_value_not_a_part() -> None:
    sentence = (
        "The ministry counted 740,000 marchers, well below the 1.09 million of the week before."
    )
    assert _claim(sentence, "1.09 million").kind == "previous"
    assert _claim(sentence, "740,000").kind == "total"


def test_what_an_earlier_update_had_given_is_a_previous_value() -> None:
    sentence = "A mid-November update had given the toll as 225."
    assert _claim(sentence, "225").kind == "previous"


def test_a_state_as_of_a_month_of_a_year_is_past() -> None:
    sentence = "Microsoft employed 228,000 full-time workers worldwide as of June 2024."
    assert _claim(sentence, "228,000").time == "past"
    start = "Salesforce had 73,541 employees worldwide at the start of 2022."
    assert _claim(start, "73,541").time == "past"


def test_as_of_a_weekday_stays_current() -> None:
    assert _claim("As of Monday, 45 people had died.", "45").time == "current"


def test_the_next_member_of_a_partitive_breakdown_is_a_part() -> None:
    sentence = "Three of the missing were Lebanese nationals, three were Syrians and two Egyptians."
    assert _claim(sentence, "three").kind == "part"
    data = (
        "Phone numbers were taken for 637,430 of the British victims, driving licence numbers "
        "for 29,188 of them and email addresses for 12,086."
    )
    assert _claim(data, "12,086").kind == "part"


def test_a_count_of_its_own_noun_or_verb_after_a_partitive_is_no_member() -> None:
    nurses = "About 2,000 of the strikers were in Duluth, and 500 nurses picketed in Superior."
    assert _claim(nurses, "500").kind == "total"
    sentence = (
        "The disease had killed 1,017 people, more than 100 of them children, and infected "
        "more than 200,000."
    )
    assert _claim(sentence, "more than 200,000").kind == "total"


def test_a_partitive_count_placed_by_its_verb_at_a_named_place_is_that_place_s_total() -> None:
    sentence = "Union leaders said about 2,000 of the strikers would be in the Twin Ports."
    assert _claim(sentence, "about 2,000").kind == "total"


def test_a_partitive_count_in_hospital_or_in_an_age_group_stays_a_part() -> None:
    assert (
        _claim("The outbreak had 75 cases, and 20 of them were in hospital.", "20").kind == "part"
    )
    ages = "Police named 55 of the dead; 22 of them were in their 70s."
    assert _claim(ages, "22").kind == "part"
