"""The event's own anchors, its day and the site it hit, count in a merge: two strikes on one
city two days apart (a printing house on Thursday, a DIY store on Saturday) share the city,
the kind and most words, but a disagreeing day or site vetoes the pair, while both sides
naming the same day or site counts for it (a fitted feature, ``event_agree``)."""

from __future__ import annotations

from dataclasses import replace

from monitor.projections.story_scorer import (
    FEATURES,
    ArticleSignals,
    StorySignals,
    disagrees,
    event_agree,
    event_conflict,
    features,
)

ARTICLE = ArticleSignals(
    keys=frozenset({"kharkiv", "syniehubov"}),
    names=frozenset({"kharkiv", "syniehubov"}),
    numbers=frozenset(),
    kinds={},
)
STORY = StorySignals(
    keys=frozenset({"kharkiv", "syniehubov"}),
    names=frozenset({"kharkiv", "syniehubov"}),
    numbers=frozenset(),
    kinds={},
    headline={},
    key_counts={"kharkiv": 1.0, "syniehubov": 1.0},
)


def sides(
    days: tuple[set[str], set[str]], sites: tuple[set[str], set[str]]
) -> tuple[ArticleSignals, StorySignals]:
    article = replace(ARTICLE, event_days=frozenset(days[0]), sites=frozenset(sites[0]))
    return article, replace(STORY, event_days=frozenset(days[1]), sites=frozenset(sites[1]))


def test_another_day_or_another_site_vetoes_the_merge() -> None:
    assert disagrees(*sides(({"saturday"}, {"thursday"}), (set(), set())))
    assert disagrees(*sides((set(), set()), ({"store"}, {"printing"})))
    assert event_conflict(*sides(({"saturday"}, {"thursday"}), ({"store"}, {"printing"}))) == 2.0


def test_a_side_that_names_no_day_or_site_never_conflicts() -> None:
    assert not disagrees(*sides(({"saturday"}, set()), (set(), {"printing"})))


def test_a_story_that_holds_the_article_s_day_agrees() -> None:
    article, story = sides(({"saturday"}, {"thursday", "saturday"}), ({"store"}, {"store"}))
    assert not disagrees(article, story)
    assert event_agree(article, story) == 2.0
    x = features({}, article, story, 0.0)
    assert x[FEATURES.index("event_agree")] == 2.0


def test_the_fit_s_pairs_can_leave_the_event_veto_out() -> None:
    # bench/fit_stories.py keeps these hard negatives: leaving them out moved the other weights
    assert not disagrees(*sides(({"saturday"}, {"thursday"}), (set(), set())), events=False)


def test_adjacent_days_do_not_veto_a_night_event_dated_across_midnight() -> None:
    # "late Friday" to one desk is "early Saturday" to another, or to a wire in another zone
    assert not disagrees(*sides(({"saturday"}, {"friday"}), (set(), set())))
    assert not disagrees(*sides(({"monday"}, {"sunday"}), (set(), set())))  # the week wraps


def test_days_two_apart_still_veto() -> None:
    assert disagrees(*sides(({"saturday"}, {"thursday"}), (set(), set())))
    assert disagrees(*sides(({"tuesday"}, {"sunday"}), (set(), set())))


def test_a_story_naming_an_adjacent_day_among_others_does_not_conflict() -> None:
    assert not disagrees(*sides(({"saturday"}, {"wednesday", "friday"}), (set(), set())))
