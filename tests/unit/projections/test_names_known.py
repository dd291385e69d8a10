"""The ``entity_known`` signal: how much of an article's (TF-IDF weighted) names a story's
centroid already holds, however large the centroid has grown."""

from __future__ import annotations

import pytest

from monitor.projections.clustering import known_share
from monitor.projections.story_scorer import FEATURES, NAMES_KNOWN, SIGNS, features
from tests.unit.projections.test_action_and_dateline_signals import article, story


def test_a_follow_up_naming_the_storys_rare_place_is_mostly_known() -> None:
    # "Hualien" and "quarry" are rare and weigh most; "workers" is common and weighs little
    follow_up = {"e:hualien": 0.7, "e:quarry": 0.6, "e:workers": 0.1}
    crash_story = {"e:hualien": 0.2, "e:quarry": 0.1, "e:taiwan": 0.9}
    assert known_share(follow_up, crash_story) == pytest.approx(1.3 / 1.4)


def test_sharing_only_a_common_name_is_barely_known() -> None:
    other_quake = {"e:noto": 0.8, "e:ishikawa": 0.5, "e:workers": 0.1}
    crash_story = {"e:hualien": 0.2, "e:workers": 0.1}
    assert known_share(other_quake, crash_story) == pytest.approx(0.1 / 1.4)


def test_the_storys_own_weights_do_not_dilute_the_share() -> None:
    mine = {"e:potomac": 0.5, "e:wichita": 0.5}
    small = {"e:potomac": 0.7, "e:wichita": 0.7}
    grown = {"e:potomac": 0.05, "e:wichita": 0.05, **{f"e:n{i}": 0.1 for i in range(99)}}
    assert known_share(mine, small) == known_share(mine, grown) == 1.0


def test_either_side_without_names_knows_nothing() -> None:
    assert known_share({}, {"e:kyiv": 1.0}) == 0.0
    assert known_share({"e:kyiv": 1.0}, None) == 0.0


def test_the_share_is_the_scorers_entity_known_feature_and_only_adds() -> None:
    x = features({NAMES_KNOWN: 0.75}, article(), story(), 0.0)
    assert x[FEATURES.index("entity_known")] == 0.75
    assert SIGNS[FEATURES.index("entity_known")] == 1
