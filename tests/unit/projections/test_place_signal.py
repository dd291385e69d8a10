"""Places and actors in the pair scorer: a place that disagrees counts against a merge, or
forbids it; a place inside the story's place agrees with it."""

from __future__ import annotations

from collections.abc import Iterable

from monitor.projections.story_scorer import (
    FEATURES,
    ArticleSignals,
    StorySignals,
    actors_conflict,
    disagrees,
    features,
    places_conflict,
    places_veto,
    title_places_conflict,
)
from monitor.text.gazetteer import leaves, lookup

GOMA = lookup("Goma")[0].path
BUKAVU = lookup("Bukavu")[0].path
TEXAS = "US:US-TX"
NEW_MEXICO = "US:US-NM"


def article(
    places: Iterable[str] = (),
    title_places: Iterable[str] = (),
    actors: Iterable[str] = (),
    names: Iterable[str] = (),
) -> ArticleSignals:
    return ArticleSignals(
        keys=frozenset(actors),
        names=frozenset(names) | frozenset(actors),
        numbers=frozenset(),
        kinds={},
        places=frozenset(places),
        title_places=frozenset(title_places),
        actors=frozenset(actors),
    )


def story(
    places: Iterable[str] = (),
    actors: Iterable[str] = (),
    title_places: Iterable[str] = (),
    core_places: Iterable[str] = (),
    core_title_places: Iterable[str] = (),
) -> StorySignals:
    where = frozenset(places)
    return StorySignals(
        keys=frozenset(actors),
        names=frozenset(actors),
        numbers=frozenset(),
        kinds={},
        headline={},
        key_counts=dict.fromkeys(sorted(actors), 1.0),
        places=where,
        place_leaves=leaves(where),
        title_places=frozenset(title_places),
        actors=frozenset(actors),
        core_places=frozenset(core_places),
        core_title_places=frozenset(core_title_places),
    )


def feature(name: str, a: ArticleSignals, s: StorySignals) -> float:
    return float(features({}, a, s, 0.0)[FEATURES.index(name)])


def test_a_report_from_another_city_of_the_same_country_is_never_merged() -> None:
    # The rebels' next city: same actors, same country, another event.
    assert places_veto(article({BUKAVU, "CD"}), story({GOMA, "CD"}))
    assert disagrees(article({BUKAVU, "CD"}), story({GOMA, "CD"}))


def test_naming_the_same_country_does_not_make_two_of_its_cities_one_place() -> None:
    # A Russian strike on Sumy against the story of one on Kryvyi Rih: both name Russia.
    sumy, kryvyi_rih = lookup("Sumy")[0].path, lookup("Kryvyi Rih")[0].path
    assert places_veto(article({sumy, "RU"}), story({kryvyi_rih, "RU"}))
    assert not places_veto(article({sumy, kryvyi_rih, "RU"}), story({kryvyi_rih, "RU"}))
    assert not places_veto(article({"RU", "UA"}), story({kryvyi_rih, "RU"}))


def test_a_state_inside_the_story_country_agrees_with_it() -> None:
    assert not places_conflict(article({TEXAS}), story({"US"}))
    assert not places_conflict(article({"US"}), story({TEXAS}))
    assert feature("place_agree", article({TEXAS}), story({"US"})) == 1.0


def test_a_city_inside_the_story_state_agrees_with_it() -> None:
    assert not disagrees(article({"US:US-TX:austin"}), story({TEXAS, "US"}))


def test_naming_the_same_state_outweighs_two_towns_in_it() -> None:
    deesa, ahmedabad = lookup("Deesa")[0].path, lookup("Ahmedabad")[0].path
    gujarat = "IN:IN-GJ"
    assert not places_conflict(article({deesa, gujarat}), story({ahmedabad, gujarat, "IN"}))


def test_the_headline_place_counts_even_when_the_lead_recalls_the_story_place() -> None:
    # "... dies in New Mexico": the lead mentions the Texas outbreak next door, and the
    # story, headlined on Texas, has mentioned New Mexico in a lead.
    report = article({NEW_MEXICO, TEXAS}, title_places={NEW_MEXICO})
    texas_story = story({TEXAS, NEW_MEXICO}, title_places={TEXAS})
    assert not places_conflict(report, texas_story)
    assert title_places_conflict(report, texas_story)
    assert disagrees(report, texas_story)


def test_a_member_from_next_door_does_not_open_the_story_to_the_neighbour_s_own_event() -> None:
    # A Texas outbreak story took in "New Mexico reports cases near Texas line": its
    # places and headlines now name both states, its founding report Texas alone. A later
    # "... dies in New Mexico" is the neighbour's own event.
    widened = story(
        {TEXAS, NEW_MEXICO},
        title_places={TEXAS, NEW_MEXICO},
        core_places={TEXAS},
        core_title_places={TEXAS},
    )
    death = article({NEW_MEXICO, TEXAS}, title_places={NEW_MEXICO})
    assert not title_places_conflict(death, widened)  # the whole story's headlines agree
    assert places_veto(death, widened)  # the founding headline does not
    spread = article({NEW_MEXICO, TEXAS}, title_places={NEW_MEXICO, TEXAS})
    assert not places_veto(spread, widened)  # naming the founding state too still joins


def test_a_lead_from_another_city_than_the_founding_report_s_is_vetoed() -> None:
    widened = story({GOMA, BUKAVU, "CD"}, core_places={GOMA, "CD"})
    assert places_veto(article({BUKAVU, "CD"}), widened)
    assert not places_veto(article({GOMA, BUKAVU, "CD"}), widened)


def test_a_headline_naming_the_story_state_agrees() -> None:
    report = article({TEXAS}, title_places={"US:US-TX:austin"})
    assert not title_places_conflict(report, story({TEXAS}, title_places={TEXAS}))


def test_different_countries_count_against_a_merge_but_do_not_forbid_it() -> None:
    # One event reported across borders may lead with either side's country.
    report, other = article({"CA", "MX"}), story({"US"})
    assert places_conflict(report, other)
    assert not disagrees(report, other)
    assert feature("place_conflict", report, other) == 1.0


def test_a_side_without_places_never_conflicts() -> None:
    assert not places_conflict(article(), story({GOMA}))
    assert not places_conflict(article({GOMA}), story())
    assert feature("place_conflict", article(), story({GOMA})) == 0.0


def test_actors_are_their_own_agreement_feature() -> None:
    same = feature("actor_share", article(actors={"m23", "nangaa"}), story(actors={"m23"}))
    none = feature("actor_share", article(actors={"kestrel", "osei"}), story(actors={"m23"}))
    assert same > none == 0.0


def test_two_sets_of_actors_with_nothing_in_common_conflict() -> None:
    assert actors_conflict(article(actors={"kestrel", "osei"}), story(actors={"m23", "nangaa"}))
    assert not actors_conflict(
        article(actors={"kestrel", "osei"}, names={"m23"}), story(actors={"m23", "nangaa"})
    )
