"""Event phases and headline places. A follow-up reported in a later phase's words (arrests,
a court hearing, funerals, an inquiry after an incident; the fire after a derailment) names
the same event, while another incident kind on the same subject (the riot after a stabbing,
a government's fall after a fire) names another one; and a follow-up that names the
district names the country of the founding headline."""

from __future__ import annotations

from collections.abc import Mapping

from monitor.projections.story_scorer import (
    FEATURES,
    SIGNS,
    ArticleSignals,
    StorySignals,
    features,
    headline_missing,
    kinds_conflict,
    new_kinds,
    phase_kinds,
)
from monitor.text.event_types import event_kinds, follows
from monitor.text.gazetteer import lookup


def kinds_of(title: str, lead: str = "") -> dict[str, float]:
    return {k: float(v) for k, v in event_kinds(title, lead).items()}


def article(kinds: Mapping[str, float]) -> ArticleSignals:
    return ArticleSignals(
        keys=frozenset(), names=frozenset(), numbers=frozenset(), kinds=dict(kinds)
    )


def story(kinds: Mapping[str, float]) -> StorySignals:
    return StorySignals(
        keys=frozenset(),
        names=frozenset(),
        numbers=frozenset(),
        kinds=dict(kinds),
        headline={},
        key_counts={},
    )


def feature(name: str, a: Mapping[str, float], s: Mapping[str, float]) -> float:
    return float(features({}, article(a), story(s), 0.0)[FEATURES.index(name)])


FIRE = kinds_of("Fire sweeps packed nightclub, more than 200 dead", "A blaze tore through a club.")
DERAILMENT = kinds_of("Runaway oil train derails in town centre", "The train derailed at night.")
STABBING = kinds_of("Children hurt in knife attack outside school", "A man stabbed five people.")
QUAKE = kinds_of("Magnitude 6.8 quake hits mountain county", "An earthquake struck on Monday.")


def test_detentions_after_a_fire_are_a_later_phase_of_the_fire() -> None:
    detained = kinds_of("Club owners and two band members detained by police")
    assert set(detained) == {"arrest"}
    assert follows("arrest", FIRE)
    assert new_kinds(detained, FIRE) == 0.0
    assert not kinds_conflict(detained, FIRE)
    assert phase_kinds(detained, FIRE) == 1.0


def test_funerals_an_inquiry_and_a_bail_hearing_follow_an_incident() -> None:
    for title in (
        "Town buries its young as the country mourns",
        "Police open criminal investigation into the disaster",
        "Accused granted bail by the court",
    ):
        later = kinds_of(title)
        assert later, title
        for incident in (FIRE, DERAILMENT, STABBING, QUAKE):
            assert new_kinds(later, incident) == 0.0, (title, incident)
            assert not kinds_conflict(later, incident), (title, incident)


def test_what_an_incident_sets_off_is_no_new_kind() -> None:
    burning = kinds_of("Oil fires still burn in the town")
    assert set(burning) == {"fire"}
    assert feature("kind_new", burning, DERAILMENT) == 0.0
    assert feature("kind_new", {"fire": 2.0}, DERAILMENT) == 0.0
    assert feature("kind_conflict", {"fire": 2.0}, DERAILMENT) == 0.0
    assert feature("kind_new", {"flood": 1.0, "quake": 1.0}, QUAKE) == 0.0  # its landslides


def test_a_riot_after_a_stabbing_is_an_incident_of_its_own() -> None:
    riot = kinds_of("Rioters loot shops in city centre", "Hundreds rioted overnight.")
    assert "riot" in riot
    assert not follows("riot", STABBING)
    assert kinds_conflict(riot, STABBING)
    assert new_kinds(riot, STABBING) == 1.0
    assert phase_kinds(riot, STABBING) == 0.0


def test_a_government_s_resignation_after_a_fire_is_another_event() -> None:
    resigns = kinds_of("Prime minister resigns after mass protests")
    assert not any(follows(kind, FIRE) for kind in resigns)
    assert new_kinds(resigns, FIRE) == 1.0
    assert kinds_conflict(resigns, FIRE)


def test_a_phase_of_a_phase_is_not_linked() -> None:
    # a court hearing after an arrest story is the next occurrence as often as the same one
    assert not follows("court", {"arrest": 1.0})
    assert not follows("arrest", {"arrest": 1.0})
    assert new_kinds({"court": 1.0}, {"arrest": 1.0}) == 1.0
    assert kinds_conflict({"court": 1.0}, {"arrest": 1.0})


def test_a_kind_the_story_names_agrees_and_is_no_phase() -> None:
    assert phase_kinds({"fire": 1.0}, FIRE) == 0.0
    assert not follows("fire", {"fire": 1.0})


def test_only_a_leading_incident_of_the_story_has_later_phases() -> None:
    # "fires a ballistic missile" gives a launch's story a word of the fire kind; the
    # casualty report that follows is not that fire's aftermath
    launch = {"missile": 6.0, "launch": 1.0, "fire": 2.0}
    assert not follows("casualty", launch)
    assert follows("casualty", {"missile": 1.0, "fire": 0.9})
    assert new_kinds({"casualty": 3.0}, launch) == 1.0


def test_the_phase_share_measures_agreement() -> None:
    assert SIGNS[FEATURES.index("kind_phase")] == 1
    assert feature("kind_phase", {"arrest": 3.0, "fire": 1.0}, {"fire": 1.0}) == 0.75
    assert feature("kind_phase", {}, FIRE) == 0.0


# -- a follow-up names the district, not the country of the founding headline -------------


def test_a_headline_country_is_named_by_a_place_inside_it() -> None:
    porto_alegre = lookup("Porto Alegre")[0].path
    lisbon = lookup("Lisbon")[0].path
    headline = {"Brazil": 1.0}
    assert headline_missing(headline, frozenset(), frozenset({porto_alegre})) == 0.0
    assert headline_missing(headline, frozenset(), frozenset({lisbon})) == 1.0
    assert headline_missing(headline, frozenset(), frozenset()) == 1.0
    assert headline_missing(headline, frozenset({"Brazil"}), frozenset()) == 0.0


def test_a_headline_name_that_is_no_place_still_counts_as_missing() -> None:
    porto_alegre = lookup("Porto Alegre")[0].path
    names = {"Brazil": 1.0, "Gurizada Fandangueira": 1.0}
    assert headline_missing(names, frozenset(), frozenset({porto_alegre})) == 0.5
