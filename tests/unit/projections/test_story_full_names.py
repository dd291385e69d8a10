"""Full names that disagree count by where the article names them: in its headline or lead
they are the actors of its event ("Judge James Donato's injunction" against a story of Judge
Amit Mehta's ruling: a full conflict); only further down they are the victims, witnesses and
officials a follow-up quotes (half a conflict, weaker evidence). Either way a route around
the scorer stays closed."""

from __future__ import annotations

from dataclasses import replace

from monitor.projections.article_features import lead_full_names
from monitor.projections.story_scorer import (
    FEATURES,
    FULL_NAME_BODY_CONFLICT,
    ArticleSignals,
    StorySignals,
    features,
    full_name_conflict,
    second_chance,
)

ARTICLE = ArticleSignals(
    keys=frozenset({"google"}),
    names=frozenset({"google"}),
    numbers=frozenset(),
    kinds={},
    full_names=frozenset({"james donato", "epic games"}),
)
STORY = StorySignals(
    keys=frozenset({"google"}),
    names=frozenset({"google"}),
    numbers=frozenset(),
    kinds={},
    headline={},
    key_counts={"google": 1.0},
    full_names=frozenset({"amit mehta", "justice department"}),
)


def test_disagreeing_names_in_the_lead_are_a_full_conflict() -> None:
    article = replace(ARTICLE, lead_full_names=frozenset({"james donato"}))
    assert full_name_conflict(article, STORY) == 1.0


def test_disagreeing_names_only_further_down_are_half_a_conflict() -> None:
    assert full_name_conflict(ARTICLE, STORY) == FULL_NAME_BODY_CONFLICT


def test_shared_names_are_no_conflict() -> None:
    story = replace(STORY, full_names=frozenset({"james donato", "amit mehta"}))
    assert full_name_conflict(ARTICLE, story) == 0.0


def test_either_conflict_closes_the_second_chance() -> None:
    x = features({}, ARTICLE, STORY, 0.0)
    assert x[FEATURES.index("full_name_conflict")] == FULL_NAME_BODY_CONFLICT
    assert not second_chance(x, 0.45)


def test_the_lead_s_full_names_come_from_the_headline_and_first_paragraph() -> None:
    # names in their normal form, as the entity terms hold them ("jame donato")
    lead = "U.S. District Judge James Donato on Friday ordered Google to open its store."
    assert lead_full_names("Google loses ruling", lead) == lead_full_names("", lead)
    assert len(lead_full_names("Google loses ruling", lead)) == 1
    assert lead_full_names("Google loses ruling", "The judge ruled on Friday.") == frozenset()
