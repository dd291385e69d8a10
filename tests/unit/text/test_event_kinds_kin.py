"""Kinds of one family are kin: a missile strike is an attack, a storm's floods are its
weather. Kin counts as agreement only where the article names the story's own city: the
attack on the Kramatorsk restaurant after a story of the missile strike on it, but not a
strike on another city's dam after a story of missiles on the capital."""

from __future__ import annotations

from monitor.projections.story_scorer import new_kinds
from monitor.text.event_types import event_kinds, kin


def test_an_attack_is_kin_to_a_missile_strike() -> None:
    story = event_kinds("Russian missile strikes restaurant", "An Iskander missile struck.")
    assert kin("attack", story)


def test_a_kind_of_no_family_is_never_kin() -> None:
    story = {"court": 1.0}
    assert not kin("arrest", story)
    assert not kin("court", story)  # the story's own kind is agreement, not kin


def test_a_kind_of_another_family_is_not_kin() -> None:
    assert not kin("fire", {"missile": 1.0})
    assert not kin("quake", {"storm": 1.0})


def test_kin_is_no_new_kind_when_the_city_agrees() -> None:
    article = {"attack": 2.0, "missile": 1.0}
    story = {"missile": 0.9, "strike": 0.45}
    assert new_kinds(article, story, kin_agree=True) == 0.0


def test_kin_stays_a_new_kind_when_the_city_does_not_agree() -> None:
    article = {"attack": 2.0, "missile": 1.0}
    story = {"missile": 0.9, "strike": 0.45}
    assert new_kinds(article, story) == 2.0 / 3.0


def test_the_scorer_counts_kin_as_agreement_only_for_a_report_from_the_storys_city() -> None:
    from monitor.projections.story_scorer import FEATURES, ArticleSignals, StorySignals, features

    kramatorsk = frozenset({"UA::kramatorsk"})
    story = StorySignals(
        keys=frozenset({"kramatorsk"}),
        names=frozenset({"kramatorsk"}),
        numbers=frozenset(),
        kinds={"missile": 0.9, "strike": 0.45},
        headline={},
        key_counts={"kramatorsk": 1.0},
        places=kramatorsk,
        place_leaves=kramatorsk,
    )

    def kind_new(places: frozenset[str]) -> float:
        article = ArticleSignals(
            keys=frozenset(),
            names=frozenset(),
            numbers=frozenset(),
            kinds={"attack": 2.0, "missile": 1.0},
            places=places,
        )
        return float(features({}, article, story, 0.5)[FEATURES.index("kind_new")])

    assert kind_new(kramatorsk) == 0.0
    assert kind_new(frozenset({"UA"})) > 0.0
