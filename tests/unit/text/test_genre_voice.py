"""Opinion by voice and by label: a column argues in its author's voice, a report attributes.

The voice score (:func:`monitor.text.genre.voice_score`) reads each unquoted sentence for the
author's stance, first person and argument, against attribution and figures; labels
(bylines and disclaimers) decide on their own.
"""

from __future__ import annotations

import pytest

from monitor.text.genre import (
    VOICE_THRESHOLD,
    first_person_argument,
    is_opinion,
    opinion_label,
    voice,
    voice_score,
)

SHORT_COLUMN = (
    "Floods of this size are not acts of God. Somebody chose to build the estate on the "
    "flood plain, and a long line of councillors chose to wave the plans through. In my "
    "view, that is why the anger in the town runs deeper than grief. A few fines for the "
    "developer will not calm it, and they should not. What is needed is an inquiry with the "
    "power to summon the planners. I believe the government should make its aid depend on it."
)

REPORT = (
    "The river burst its banks on Tuesday, flooding 300 homes on the estate, the council "
    "said. Police said two people were missing. The mayor told reporters that 40 families "
    "had been moved to the school hall, and officials said the water was falling."
)


def test_a_column_with_two_sentences_in_its_own_voice_is_opinion() -> None:
    marks = voice(SHORT_COLUMN)
    assert marks.stance == 2 and marks.reported == 0
    assert voice_score(SHORT_COLUMN) >= VOICE_THRESHOLD
    assert is_opinion("The flood was the product of years of neglect", SHORT_COLUMN)


def test_a_report_that_attributes_and_counts_is_not_opinion() -> None:
    assert voice_score(REPORT) < VOICE_THRESHOLD
    assert not is_opinion("River floods 300 homes", REPORT)


def test_text_nobody_speaks_in_the_first_person_scores_nothing() -> None:
    argued = "The council should resign. The plans were a failure and it must answer for them."
    assert voice_score(argued) == 0.0


def test_an_official_quoted_saying_we_must_is_still_a_report() -> None:
    report = (
        '"We must rebuild faster, and I believe we will," the mayor said on Tuesday. '
        '"We should have acted sooner," a minister told parliament. Officials said 300 homes '
        "were damaged and 40 families moved."
    )
    assert not first_person_argument(report)


def test_a_first_person_aside_in_a_report_stays_below_the_line() -> None:
    report = (
        "Police said the fire started at 2 a.m. in a kitchen on the third floor. Firefighters "
        "said 12 people were treated for smoke. When we reached the street at dawn, the "
        "facade was black. The mayor said an inquiry would open on Monday."
    )
    assert voice_score(report) < VOICE_THRESHOLD


def test_a_sentence_opening_with_we_counts_as_first_person() -> None:
    assert voice("We have said it before. The tariff is a tax.").personal == 1
    assert voice("The US said it would reply.").personal == 0


@pytest.mark.parametrize(
    "text",
    [
        "A plain column. Jane Doe is a columnist for the Post.",
        "The views expressed in this article are the author's own.",
        "This is an opinion piece. The port must reopen.",
        "John Roe writes a weekly column on energy.",
    ],
)
def test_columnist_bylines_and_disclaimers_label_opinion(text: str) -> None:
    assert opinion_label(text)
    assert is_opinion("Ports and prices", text)


@pytest.mark.parametrize(
    "text",
    [
        "The columnist was arrested on Tuesday, police said.",
        "Readers expressed their views at a town hall meeting.",
        "Jane Doe, who is a columnist at the Post, was detained on Monday, police said.",
        "The port closed on Monday.\nJohn Roe is a columnist, his editor said.\nIt reopened.",
    ],
)
def test_reports_about_columnists_or_views_are_not_labels(text: str) -> None:
    assert not opinion_label(text)


@pytest.mark.parametrize(
    "link",
    [
        "https://www.example.com/opinion/2024/05/01/ports-must-reopen",
        "https://www.example.co.uk/commentisfree/2024/may/01/ports",
        "https://example.org/news/editorials/the-port-strike/",
        "https://example.net/section/op-ed/ports?utm=feed",
    ],
)
def test_links_filed_in_opinion_sections_are_opinion(link: str) -> None:
    assert is_opinion("Ports and prices", "The port closed on Monday, officials said.", link)


@pytest.mark.parametrize(
    "link",
    [
        "https://opinion.example.com/world/2024/05/01/port-closes",
        "https://www.example.com/world/2024/05/01/opinion-poll-shows-lead",
        "https://www.example.com/analysis/2024/05/01/what-the-strike-means",
        "https://www.example.com/explainer/port-strike",
        None,
    ],
)
def test_news_analysis_and_explainer_links_are_not_opinion(link: str | None) -> None:
    assert not is_opinion("Port closes", "The port closed on Monday, officials said.", link)


def test_an_explainer_that_addresses_the_reader_is_not_opinion() -> None:
    explainer = (
        "If you own one of the recalled cars, you should check the number on the door. "
        "The company said dealers will replace the pedal for free. You do not have to pay, "
        "regulators said."
    )
    assert not is_opinion("Own the car? Here is what to do", explainer)


@pytest.mark.parametrize(
    "text",
    [
        "Jane Doe is a columnist for the Post.\nThe port must reopen.",
        "The port must reopen.\nThe views expressed here are the author's own.",
        "  \nThis is an opinion piece.  \n",
    ],
)
def test_a_label_in_the_first_or_last_paragraph_labels_opinion(text: str) -> None:
    assert opinion_label(text)


def test_labels_are_read_whatever_case_they_are_printed_in() -> None:
    assert opinion_label("THE VIEWS EXPRESSED IN THIS ARTICLE ARE THE AUTHOR'S OWN.")
    assert opinion_label("Jane Doe Is A Columnist For The Post.")
