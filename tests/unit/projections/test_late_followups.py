"""Follow-ups days after the event. A structure that falls (a building, a bridge, a dam that
collapses or bursts) names a collapse, an incident whose arrests, court steps, funerals and
inquiry are its later phases, while a bank, a state or talks that "collapse" name no event
kind. A story idle past the idle window still takes, within the late window, an article
reported in a later phase of its incident that names its city or its founding names (the
owner arrested at the border four days after the building fell, the burials five days after
the attacks), never the same kind again (the next quake days on) nor another kind (a
resignation), nor a pair whose places or names conflict."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import numpy as np

from monitor.projections.clustering import (
    ArticleDoc,
    Assignment,
    ClusterEngine,
    ClusterParams,
    InMemoryClusterState,
)
from monitor.projections.story_scorer import (
    FEATURES,
    LATE_FLOOR,
    ArticleSignals,
    StoryModel,
    StorySignals,
    cities_agree,
    late_route,
)
from monitor.text.event_types import event_kinds, follows
from monitor.text.gazetteer import lookup


def kinds_of(title: str, lead: str = "") -> dict[str, float]:
    return {k: float(v) for k, v in event_kinds(title, lead).items()}


def city(name: str) -> str:
    return next(p.path for p in lookup(name) if p.path.count(":") == 2)


ARTICLE = ArticleSignals(keys=frozenset(), names=frozenset(), numbers=frozenset(), kinds={})
STORY = StorySignals(
    keys=frozenset(),
    names=frozenset(),
    numbers=frozenset(),
    kinds={},
    headline={},
    key_counts={},
)


def pair(**values: float) -> np.ndarray:
    x = np.zeros(len(FEATURES))
    x[0] = 1.0
    for name, value in values.items():
        x[FEATURES.index(name)] = value
    return x


def test_a_falling_structure_names_a_collapse() -> None:
    assert "collapse" in kinds_of("Motorway bridge collapses in port city, sending cars plunging")
    assert "collapse" in kinds_of("Mining dam bursts, burying workers under mud")
    assert "collapse" in kinds_of("Rescuers dig through the collapse of the factory building")
    assert "collapse" in kinds_of("", "Part of a 12-storey condo tower collapsed in the night.")


def test_a_bank_a_state_or_talks_that_collapse_name_no_event_kind() -> None:
    assert "collapse" not in kinds_of("Lender's collapse rattles markets")
    assert "collapse" not in kinds_of("Peace talks collapsed on Friday")
    assert "collapse" not in kinds_of("After 30 years, a breakaway state collapses in a day")


def test_arrests_and_funerals_are_later_phases_of_a_collapse() -> None:
    fell = kinds_of("Building housing garment factories collapses, killing scores")
    assert follows("arrest", fell)
    assert follows("mourning", fell)
    assert follows("collapse", kinds_of("Magnitude 6.3 quake strikes city at lunchtime"))


def test_a_sinking_is_a_crash_and_a_charge_a_court_step() -> None:
    assert "crash" in kinds_of("Ferry sank off the coast with hundreds aboard")
    assert "court" in kinds_of("Accused gunman charged with murder")
    assert "inquiry" in kinds_of("Inquests opened into the first five victims")


def anchored(here: str, there: str) -> tuple[ArticleSignals, StorySignals]:
    article = replace(ARTICLE, places=frozenset({city(here)}))
    return article, replace(STORY, places=frozenset({city(there)}))


def test_the_article_names_the_story_s_city() -> None:
    assert cities_agree(*anchored("Christchurch", "Christchurch"))
    assert not cities_agree(*anchored("Christchurch", "Auckland"))
    country_only = replace(ARTICLE, places=frozenset({"NZ"}))
    assert not cities_agree(country_only, replace(STORY, places=frozenset({"NZ"})))


def test_a_later_phase_at_the_story_s_city_joins_days_on() -> None:
    x = pair(kind_phase=0.75)
    assert late_route(x, LATE_FLOOR, *anchored("Christchurch", "Christchurch"))


def test_a_later_phase_with_the_founding_names_joins_without_a_city() -> None:
    assert late_route(pair(kind_phase=1.0, key_core=0.5), 0.3, ARTICLE, STORY)
    assert not late_route(pair(kind_phase=1.0, key_core=0.1), 0.3, ARTICLE, STORY)


def test_the_same_kind_again_or_another_kind_days_on_is_another_event() -> None:
    here = anchored("Christchurch", "Christchurch")
    assert not late_route(pair(kind=1.0), 0.4, *here)  # the next quake in the city
    assert not late_route(pair(kind_phase=0.5, kind_new=0.5), 0.4, *here)  # and a resignation
    assert not late_route(pair(kind_conflict=1.0, kind_phase=0.5), 0.4, *here)


def test_conflicting_places_or_names_and_a_low_score_close_the_late_route() -> None:
    here = anchored("Christchurch", "Christchurch")
    assert not late_route(pair(kind_phase=1.0, place_conflict=1.0), 0.4, *here)
    assert not late_route(pair(kind_phase=1.0, full_name_conflict=0.5), 0.4, *here)
    assert not late_route(pair(kind_phase=1.0), LATE_FLOOR - 0.01, *here)


# -- the engine: stories idle past the idle window, within the late window ------------------

DAY = timedelta(days=1)
T0 = datetime(2013, 4, 24, 3, 0, tzinfo=UTC)
COLLAPSE = (
    "SAVAR, Bangladesh (Wire) - An eight-storey building housing garment factories collapsed "
    "in Savar on Wednesday, killing at least 87 workers and trapping hundreds under concrete.\n"
    "Soldiers and volunteers dug through the rubble of the Rana Plaza block with their hands."
)
ARREST = (
    "SAVAR, Bangladesh (Wire) - Police arrested the owner of the Rana Plaza block in Savar on "
    "Sunday as he tried to cross the border, four days after the building fell.\n"
    "Crowds at the site cheered when the arrest was announced by loudspeaker."
)
SECOND_COLLAPSE = (
    "SAVAR, Bangladesh (Wire) - Another factory building collapsed in Savar on Sunday, four "
    "days after the Rana Plaza disaster, injuring dozens of workers.\n"
    "Officials said the block had been declared unsafe after cracks appeared."
)


def doc(article_id: str, title: str, text: str, seen_at: datetime) -> ArticleDoc:
    return ArticleDoc(article_id, "wire", title, text, seen_at, seen_at)


def low_model_engine(late_days: float = 10.0) -> ClusterEngine:
    # every pair scores 0.27: below the join threshold and the kind route's floor, above the
    # late route's, so only the late route can join an idle story
    weights = (-1.0,) + (0.0,) * (len(FEATURES) - 1)
    params = ClusterParams(model=StoryModel(weights), late_window=timedelta(days=late_days))
    return ClusterEngine(InMemoryClusterState(), params)


def founding(engine: ClusterEngine) -> Assignment:
    return engine.assign(doc("a1", "Garment factory building collapses in Savar", COLLAPSE, T0))


def test_an_arrest_in_the_story_s_city_days_later_joins_the_idle_story() -> None:
    engine = low_model_engine()
    first = founding(engine)
    later = engine.assign(doc("a2", "Owner arrested in Savar", ARREST, T0 + 4 * DAY))
    assert later.story_id == first.story_id and not later.is_new_story


def test_the_same_kind_again_days_later_starts_its_own_story() -> None:
    engine = low_model_engine()
    first = founding(engine)
    again = engine.assign(
        doc("a3", "Another factory building collapses in Savar", SECOND_COLLAPSE, T0 + 4 * DAY)
    )
    assert again.story_id != first.story_id and again.is_new_story


def test_past_the_late_window_or_without_one_the_story_takes_nothing() -> None:
    engine = low_model_engine()
    first = founding(engine)
    late = engine.assign(doc("a2", "Owner arrested in Savar", ARREST, T0 + 12 * DAY))
    assert late.story_id != first.story_id
    closed = low_model_engine(late_days=3.0)
    first = founding(closed)
    assert closed.assign(doc("a2", "Owner arrested in Savar", ARREST, T0 + 4 * DAY)).is_new_story
