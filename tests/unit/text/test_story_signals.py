"""Signals the stories scorer reads: key names, event kinds, numbers, opinion, the DF prior."""

from __future__ import annotations

import pytest

from monitor.text.entities import event_numbers, key_names
from monitor.text.event_types import event_kinds
from monitor.text.genre import first_person_argument, is_opinion, opinion_title
from monitor.text.priors import PRIOR_DOCS, is_common, term_probability, word_probability

SUMY = (
    "KYIV (Harbour Wire) — Two ballistic missiles struck the centre of Sumy on Sunday, "
    "killing at least 32 people and wounding 84, officials said.\n"
    "Acting mayor Artem Kobzar said the missiles hit a busy street at 10:15 a.m. on Feb. 14."
)


def test_key_names_are_the_distinctive_names_of_headline_and_lead() -> None:
    names = key_names("Missile strike on Sumy kills 32", SUMY, source="Harbour Wire")
    assert {"sumy", "kyiv"} <= names
    assert "kobzar" not in names  # named after the lead paragraph
    assert "harbour" not in names and "wire" not in names  # the outlet's own name
    assert "acting" not in names and "missile" not in names  # ordinary sentence-initial words
    assert "feb" not in names  # a month


def test_role_words_and_common_words_are_not_names() -> None:
    names = key_names(
        "", "Prime Minister Fumio Kishida said the Joint Chiefs of Staff met in North Tokyo."
    )
    assert {"fumio", "kishida", "tokyo"} <= names
    assert not {"prime", "minister", "joint", "staff", "north"} & names


def test_a_title_cased_headline_lends_no_names() -> None:
    names = key_names("Shocking Quake Rocks Whole Island Today", "Nothing named here.", "", True)
    assert names == set()


def test_event_numbers_skip_dates_times_years_and_small_counts() -> None:
    found = event_numbers("On Feb. 14, 2025 at 10:15, 1,274 people fled and 3 were hurt; 84 died.")
    assert found == {"1274", "84"}


def test_event_kinds_name_what_happened() -> None:
    quake = event_kinds("Strong earthquake hits eastern Taiwan", "A magnitude 7.4 quake struck.")
    launch = event_kinds("North Korea fires ballistic missile", "The launch was the third.")
    shipment = event_kinds(
        "North sent 6,700 containers of munitions", "The shipments went by rail."
    )
    assert quake.most_common(1)[0][0] == "quake"
    assert "missile" in launch and "launch" in launch
    assert "shipment" in shipment and not set(shipment) & set(launch)


def test_event_kinds_tell_apart_one_actors_events_of_one_week() -> None:
    troops = event_kinds("North Korea sent 3,000 more troops to Russia", "Soldiers deployed.")
    losses = event_kinds("Hundreds of soldiers wounded or captured in Kursk", "Heavy losses.")
    paused = event_kinds("Government pauses tariffs for 30 days", "The levies were postponed.")
    ordered = event_kinds("Government orders tariffs on steel imports", "Duties start in March.")
    detained = event_kinds("Former president detained in probe", "Officers detained him.")
    jailed = event_kinds("Former president jailed for five years", "He was sentenced to prison.")
    assert "deploy" in troops and "deploy" not in losses and "casualty" in losses
    assert "suspend" in paused and "suspend" not in ordered and "tariff" in ordered
    assert "arrest" in detained and "sentence" in jailed and "sentence" not in detained


@pytest.mark.parametrize(
    "title",
    [
        "Opinion: The central bank waited too long",
        "Editorial | A ceasefire worth defending",
        "Column: What the verdict means for the rest of us",
        "The rate decision is a mistake | Opinion",
        "Why the port strike matters (Opinion)",
    ],
)
def test_opinion_markers_in_headlines(title: str) -> None:
    assert opinion_title(title)
    assert is_opinion(title, "A plain report.")


@pytest.mark.parametrize(
    "title",
    [
        "Explainer: how the ceasefire is meant to work",
        "What we know about the missile launched on Tuesday",
        "Analysis: a narrow deal with big risks",
        "Residents give their opinion at a packed town hall",
    ],
)
def test_explainers_analysis_and_reports_are_not_opinion(title: str) -> None:
    assert not is_opinion(title, "The agency said 40 people were moved on Tuesday.")


def test_first_person_argument_outside_quotes_is_opinion() -> None:
    column = (
        "I have covered this city for twenty years. I believe the council should stop "
        "pretending the dam is safe. We must demand an independent inspection. My neighbours "
        "deserve better than reassurance. It is time the board answered our questions."
    )
    assert first_person_argument(column)


def test_quoted_first_person_is_reporting_not_opinion() -> None:
    report = (
        'The dam board opened every gate on Monday. "I was scared, we must leave," said one '
        'resident. "We should have moved earlier," said another. "My house is gone," a farmer '
        "said. Officials said 4,000 people were moved."
    )
    assert not first_person_argument(report)


def test_the_prior_knows_common_words_from_rare_names() -> None:
    assert word_probability("said") > 0.2
    assert word_probability("government") > 0.05
    assert word_probability("hualien") < 0.001
    assert is_common("government") and not is_common("hualien")
    assert term_probability("hualien county") < word_probability("hualien")
    assert word_probability("2024") > word_probability("1274")
    assert PRIOR_DOCS >= 100


def test_a_telephone_number_is_no_count_of_the_event() -> None:
    text = (
        "Relatives can call the airline's hotline on 1-800-555-0199 or +82 2 3456 7890, "
        "and the embassy on (202) 555-0143. Of the 181 people on board, 179 died."
    )
    assert event_numbers(text) == {"181", "179"}


def test_a_model_number_and_a_flight_number_stay_numbers() -> None:
    found = event_numbers("Flight 2216, a Boeing 737-800, carried 175 passengers.")
    assert {"2216", "737", "800", "175"} <= found


def test_a_date_written_with_hyphens_gives_no_numbers() -> None:
    assert event_numbers("The order took effect on 2024-12-28 for 46,096 trucks.") == {"46096"}


def test_the_words_of_an_outlets_name_are_lower_case_and_never_its_key_names() -> None:
    from monitor.text.entities import outlet_words

    assert outlet_words("Harbour Wire") == {"harbour", "wire"}
    assert outlet_words("") == frozenset()
    assert "meridian" not in key_names("", "Meridian officials met in Sumy.", "Meridian Press")


def test_telephone_numbers_and_their_groups_are_no_counts() -> None:
    found = event_numbers("Call +44 20 7946 0958 or (202) 555-0143; 312 workers joined.")
    assert found == {"312"}
