"""Two signals of the pair scorer: a headline action the story never names (the same actor's
next step on the same subject) and a dateline that agrees with the other side's city."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from monitor.projections.story_scorer import (
    FEATURES,
    SIGNS,
    ArticleSignals,
    StorySignals,
    datelines_agree,
    features,
    new_kinds,
)

NEW_ORLEANS = "US:US-LA:new orleans"
HOUSTON = "US:US-TX:houston"
ARLINGTON_VA = "US:US-VA:arlington"
WASHINGTON_DC = "US:US-DC:washington"
FLORIDA = "US:US-FL"


def article(
    kinds: Mapping[str, float] | None = None,
    places: Iterable[str] = (),
    datelines: Iterable[str] = (),
) -> ArticleSignals:
    return ArticleSignals(
        keys=frozenset(),
        names=frozenset(),
        numbers=frozenset(),
        kinds=dict(kinds or {}),
        places=frozenset(places),
        datelines=frozenset(datelines),
    )


def story(
    kinds: Mapping[str, float] | None = None,
    places: Iterable[str] = (),
    datelines: Iterable[str] = (),
) -> StorySignals:
    return StorySignals(
        keys=frozenset(),
        names=frozenset(),
        numbers=frozenset(),
        kinds=dict(kinds or {}),
        headline={},
        key_counts={},
        places=frozenset(places),
        datelines=frozenset(datelines),
    )


def feature(name: str, a: ArticleSignals, s: StorySignals) -> float:
    return float(features({}, a, s, 0.0)[FEATURES.index(name)])


# -- kind_new: the headline's action is one the story never names ------------------------


def test_a_pause_of_the_tariffs_is_half_new_to_a_story_of_the_tariff_order() -> None:
    pause = {"tariff": 2.0, "suspend": 2.0}
    assert new_kinds(pause, {"tariff": 3.0}) == 0.5
    assert feature("kind_new", article(pause), story({"tariff": 3.0})) == 0.5


def test_a_report_of_the_same_action_brings_nothing_new() -> None:
    assert new_kinds({"tariff": 3.0}, {"tariff": 1.0, "suspend": 1.0}) == 0.0


def test_no_kind_on_either_side_says_nothing() -> None:
    assert new_kinds({}, {"tariff": 1.0}) == 0.0
    assert new_kinds({"recall": 2.0}, {}) == 0.0


def test_a_new_action_may_only_count_against_a_merge() -> None:
    assert SIGNS[FEATURES.index("kind_new")] == -1


# -- dateline_agree: a dateline's city agrees with the other side's ----------------------


def test_a_wire_filed_from_the_city_agrees_with_a_report_of_the_city() -> None:
    wire = story(datelines={"US:US-LA", NEW_ORLEANS})
    report = article(places={NEW_ORLEANS})
    assert datelines_agree(report, wire)
    assert feature("dateline_agree", report, wire) == 1.0


def test_a_dateline_near_the_other_side_s_city_agrees() -> None:
    filed = article(datelines={"US:US-VA", ARLINGTON_VA})
    assert datelines_agree(filed, story(places={WASHINGTON_DC}))


def test_a_dateline_elsewhere_agrees_with_nothing_and_forbids_nothing() -> None:
    filed = article(places={NEW_ORLEANS}, datelines={HOUSTON})
    assert not datelines_agree(filed, story(places={"US:US-NV:las vegas"}))
    assert feature("place_conflict", article(datelines={HOUSTON}), story(places={NEW_ORLEANS})) == 0


def test_a_shared_state_in_the_datelines_is_too_wide_to_agree() -> None:
    assert not datelines_agree(article(datelines={FLORIDA}), story(datelines={FLORIDA}))


def test_capital_datelines_stand_for_countries_and_say_nothing() -> None:
    assert not datelines_agree(article(datelines={"US"}), story(places={NEW_ORLEANS}))
