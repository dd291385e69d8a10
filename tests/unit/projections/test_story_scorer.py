"""The pair scorer's hard rule and the story core: what may never merge, what cannot drift."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta

import numpy as np
import numpy.typing as npt

from monitor.projections.clustering import ArticleDoc, ClusterEngine, InMemoryClusterState
from monitor.projections.story_scorer import (
    CORE_BODY,
    CORE_KEY,
    CORE_PLACE,
    CORE_SIZE,
    CORE_TITLE_PLACE,
    FEATURES,
    NAMES_MAX_AGE_DAYS,
    ORIGINALS,
    SECOND_CHANCE,
    SECOND_CHANCE_NAMES,
    ArticleSignals,
    StorySignals,
    disagrees,
    fit_logistic,
    full_names,
    names_conflict,
    second_chance,
)

T0 = datetime(2024, 4, 2, 6, 0, tzinfo=UTC)


def signals(keys: Iterable[str], names: Iterable[str] = ()) -> ArticleSignals:
    return ArticleSignals(
        keys=frozenset(keys),
        names=frozenset(names) | frozenset(keys),
        numbers=frozenset(),
        kinds={},
    )


def story(keys: Iterable[str], names: Iterable[str] = ()) -> StorySignals:
    return StorySignals(
        keys=frozenset(keys),
        names=frozenset(keys) | frozenset(names),
        numbers=frozenset(),
        kinds={},
        headline={},
        key_counts=dict.fromkeys(sorted(keys), 1.0),
    )


def test_a_pair_naming_disjoint_places_and_actors_is_vetoed() -> None:
    assert disagrees(
        signals({"darvel", "kestria"}, names={"officials"}), story({"telmar", "ostria"})
    )


def test_one_shared_name_either_way_lifts_the_veto() -> None:
    # The story names Darvel somewhere in its prose, or the article mentions the story's city.
    story_prose = story({"telmar", "ostria"}, names={"darvel"})
    assert not disagrees(signals({"darvel", "kestria"}), story_prose)
    article_prose = signals({"darvel", "kestria"}, names={"telmar"})
    assert not disagrees(article_prose, story({"telmar", "ostria"}))


def test_a_side_with_fewer_than_two_key_names_is_never_vetoed() -> None:
    # One stray capitalised word ("Commuters", "Sunday") is no evidence of another place.
    assert not disagrees(signals(set()), story({"telmar", "ostria"}))
    assert not disagrees(signals({"darvel"}), story({"telmar", "ostria"}))
    assert not disagrees(signals({"darvel", "kestria"}), story({"telmar"}))


BODY = (
    "Officials in {place} said {n} people were hurt when the {what} struck the town centre on "
    "Tuesday morning. Rescue teams from {place} worked through the day, the mayor of {place} "
    "said, and roads into the centre stayed closed while engineers checked the buildings."
)


def doc(i: int, place: str, what: str) -> ArticleDoc:
    text = BODY.format(place=place, n=10 + i, what=what)
    return ArticleDoc(f"a{i}", f"Outlet {i}", f"{what.title()} hits {place}", text, T0, T0)


def test_the_core_holds_only_the_first_originals() -> None:
    engine = ClusterEngine(InMemoryClusterState())
    founder = doc(0, "Darvel", "storm")
    moment = T0
    fields, _ = engine.vectorize(founder)
    summary = engine.found("s-a0", fields, moment)
    for i in range(1, CORE_SIZE + 2):
        more, _ = engine.vectorize(doc(i, "Darvel" if i < CORE_SIZE else "Telmar", "storm"))
        summary = engine.absorb(summary, more, moment)
    raw = dict(summary.centroid)
    assert raw[ORIGINALS] == CORE_SIZE
    core_keys = {t for t in raw if t.startswith(CORE_KEY)}
    assert CORE_KEY + "darvel" in core_keys and CORE_KEY + "telmar" not in core_keys
    # Telmar (the originals after the core) reaches the centroid's keys but never the core.
    assert "k:telmar" in raw
    assert any(t.startswith(CORE_BODY) for t in raw)


def test_a_story_s_age_runs_from_its_first_event_not_its_latest_member() -> None:
    # A chain keeps a story's span fresh; its age still counts from the founding report.
    engine = ClusterEngine(InMemoryClusterState())
    fields, _ = engine.vectorize(doc(0, "Darvel", "storm"))
    summary = engine.found("s-a0", fields, T0)
    later = T0 + timedelta(days=2)
    more, _ = engine.vectorize(doc(1, "Darvel", "storm"))
    summary = engine.absorb(summary, more, later)
    article, signals_ = engine.vectorize(doc(2, "Darvel", "storm"))
    x = engine.pair_features(article, signals_, later, summary)
    assert x[FEATURES.index("gap_days")] == 0.0
    assert x[FEATURES.index("age_days")] == 2.0
    far = engine.pair_features(article, signals_, T0 + timedelta(days=9), summary)
    assert far[FEATURES.index("age_days")] == 3.0  # capped like the gap


def test_a_member_that_joined_after_the_founder_leaves_the_core_unmoved() -> None:
    # The look-alike's own body words never reach the core, so its follow-ups find there
    # only the founder's event.
    engine = ClusterEngine(InMemoryClusterState())
    fields, _ = engine.vectorize(doc(0, "Darvel", "storm"))
    summary = engine.found("s-a0", fields, T0)
    core_before = {t: w for t, w in summary.centroid if t.startswith(CORE_BODY)}
    lookalike, _ = engine.vectorize(doc(1, "Telmar", "flood"))
    summary = engine.absorb(summary, lookalike, T0)
    assert {t: w for t, w in summary.centroid if t.startswith(CORE_BODY)} == core_before
    assert CORE_BODY + "flood" not in core_before and "b:flood" in dict(summary.centroid)


def report(i: int, city: str, state: str) -> ArticleDoc:
    text = (
        f"Health officials in {city}, {state}, said on Tuesday that {10 + i} people had "
        "fallen ill with measles, most of them unvaccinated children."
    )
    return ArticleDoc(f"a{i}", f"Outlet {i}", f"Measles cases rise in {state}", text, T0, T0)


def test_the_core_keeps_the_founding_article_s_places() -> None:
    # A member from the next state widens the story's places, never its core's.
    engine = ClusterEngine(InMemoryClusterState())
    fields, _ = engine.vectorize(report(0, "Austin", "Texas"))
    summary = engine.found("s-a0", fields, T0)
    prefixes = (CORE_PLACE, CORE_TITLE_PLACE)
    core = {t for t, _ in summary.centroid if t.startswith(prefixes)}
    other, _ = engine.vectorize(report(1, "Santa Fe", "New Mexico"))
    summary = engine.absorb(summary, other, T0)
    assert {t for t, _ in summary.centroid if t.startswith(prefixes)} == core
    found = summary.signals
    assert "US:US-TX" in found.core_places and "US:US-TX" in found.core_title_places
    assert "US:US-NM" in found.places and "US:US-NM" in found.title_places
    assert "US:US-NM" not in found.core_places | found.core_title_places


def pair(**values: float) -> npt.NDArray[np.float64]:
    x = np.zeros(len(FEATURES))
    for name, value in values.items():
        x[FEATURES.index(name)] = value
    return x


def test_a_borderline_follow_up_naming_the_event_and_an_actor_gets_a_second_chance() -> None:
    tribute = pair(kind=1.0, actor_share=0.5)  # "World leaders pay tribute to Francis"
    assert second_chance(tribute, 0.42)
    assert second_chance(pair(kind=0.8, key_core=0.3), SECOND_CHANCE)  # a founding name


def test_no_second_chance_far_below_the_threshold_or_without_the_event_and_a_name() -> None:
    assert not second_chance(pair(kind=1.0, actor_share=0.5), SECOND_CHANCE - 0.01)
    assert not second_chance(pair(kind=0.3, actor_share=0.5), 0.45)  # another event kind
    assert not second_chance(pair(kind=0.9, kind_conflict=1.0, actor_share=0.5), 0.45)
    assert not second_chance(pair(kind=1.0), 0.45)  # no actor, no founding name shared


def test_a_headline_of_only_new_names_naming_none_of_the_story_s_gets_no_second_chance() -> None:
    next_city = pair(kind=0.9, actor_share=0.2, title_keys_new=1.0, story_headline_missing=1.0)
    assert not second_chance(next_city, 0.45)
    assert second_chance(pair(kind=0.9, actor_share=0.2, title_keys_new=1.0), 0.45)


def test_a_twin_of_mostly_new_headline_names_gets_no_kind_route() -> None:
    # "Hurricane Milton makes landfall near Siesta Key" against the story of "Hurricane
    # Helene slams Florida's Big Bend": the kinds agree and "Hurricane", "Gulf" count as
    # shared actors, but three of the headline's four names are new to the story and most
    # of the story's headline names are absent from the article.
    milton = pair(kind=0.93, actor_share=0.5, title_keys_new=0.75, story_headline_missing=0.6)
    assert not second_chance(milton, 0.47)
    # One new name in a headline that keeps the story's own (a day-2 toll from a new town).
    toll = pair(kind=0.93, actor_share=0.5, title_keys_new=0.5, story_headline_missing=0.2)
    assert second_chance(toll, 0.47)


def test_a_reworded_follow_up_naming_the_story_s_headline_names_gets_a_second_chance() -> None:
    # "Attacker acted alone, FBI now says; toll put at 14": few shared words, no event kind,
    # but it names the names of the story's headlines and the founding report's suspect.
    follow_up = pair(key_core=0.75, story_headline_missing=0.0, age_days=0.9)
    assert second_chance(follow_up, 0.45)
    assert second_chance(follow_up, SECOND_CHANCE_NAMES)
    assert not second_chance(follow_up, SECOND_CHANCE_NAMES - 0.01)


def test_the_names_route_needs_the_headline_names_and_a_founding_name() -> None:
    assert not second_chance(pair(key_core=0.75, story_headline_missing=0.75), 0.45)
    assert not second_chance(pair(key_core=0.1, story_headline_missing=0.0), 0.45)


def test_no_names_route_on_a_conflict_or_to_a_story_older_than_two_days() -> None:
    base = {"key_core": 0.75, "story_headline_missing": 0.0}
    for conflict in ("kind_conflict", "place_conflict", "title_place_conflict", "actor_conflict"):
        assert not second_chance(pair(**base, **{conflict: 1.0}), 0.45), conflict
    # the same names two days on: more often the next occurrence (a sentencing after a verdict)
    assert not second_chance(pair(**base, age_days=NAMES_MAX_AGE_DAYS + 0.1), 0.45)


def test_full_names_are_compared_by_their_last_two_words() -> None:
    mehta = full_names(["e:u.s district judge amit mehta", "e:justice department", "e:google"])
    assert mehta == {"amit mehta", "justice department"}  # one-word names are not full names
    assert not names_conflict(mehta, full_names(["e:judge amit mehta", "e:sherman act"]))


def test_two_full_names_each_and_none_shared_is_a_conflict() -> None:
    mehta = frozenset({"amit mehta", "justice department"})
    donato = frozenset({"james donato", "epic games", "play store"})
    assert names_conflict(mehta, donato)
    assert not names_conflict(frozenset({"amit mehta"}), donato)  # one name is no evidence


def test_no_second_chance_by_either_route_over_a_full_name_conflict() -> None:
    # "Judge rules Google illegally maintained a search monopoly" (Judge Amit Mehta, the
    # Justice Department) against the story of Judge James Donato's Play Store order the
    # same day: the kinds and "Google" agree, the people and bodies named do not.
    search = dict(kind=0.95, actor_share=0.5, key_core=0.5, story_headline_missing=0.5)
    assert second_chance(pair(**search), 0.54)
    assert not second_chance(pair(**search, full_name_conflict=1.0), 0.54)


def test_a_sign_constrained_fit_holds_a_wrong_signed_weight_at_zero() -> None:
    # The second column agrees with the label, the third is a near copy of it that the
    # free fit weighs negatively to correct the first: kept to +, it gets no weight.
    rng = np.random.default_rng(7)
    signal = rng.random(400)
    y = (signal + 0.3 * rng.standard_normal(400) > 0.5).astype(float)
    x = np.column_stack([np.ones(400), signal, signal + 0.05 * rng.standard_normal(400)])
    free = fit_logistic(x, y, l2=0.0001)
    kept = fit_logistic(x, y, l2=0.0001, signs=[0, 1, 1])
    assert min(free[1:]) < 0.0
    assert min(kept[1:]) >= 0.0 and max(kept[1:]) > 0.0
    # Signs the free fit already keeps change nothing.
    plain = fit_logistic(x[:, :2], y, l2=0.01)
    assert np.allclose(fit_logistic(x[:, :2], y, l2=0.01, signs=[0, 1]), plain)


def test_a_per_feature_penalty_holds_only_that_weight_near_zero() -> None:
    # Two equally informative signals: penalised a hundredfold, the first weighs far less
    # than the second; a scalar strength is the same as one repeated for every column.
    rng = np.random.default_rng(11)
    a, b = rng.random(400), rng.random(400)
    y = (a + b + 0.3 * rng.standard_normal(400) > 1.0).astype(float)
    x = np.column_stack([np.ones(400), a, b])
    even = fit_logistic(x, y, l2=1.0)
    held = fit_logistic(x, y, l2=[1.0, 100.0, 1.0])
    assert abs(held[1]) < 0.5 * abs(even[1])
    assert held[2] > 0.0
    assert np.allclose(fit_logistic(x, y, l2=[1.0, 1.0, 1.0]), even)
    # The bias is never penalised, whatever strength its column is given.
    assert np.allclose(fit_logistic(x, y, l2=[1e6, 1.0, 1.0]), even)
