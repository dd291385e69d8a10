"""The story clustering engine: copies, write-ups of one event, later events, replay."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from monitor.projections.clustering import (
    ArticleDoc,
    Assignment,
    ClusterEngine,
    InMemoryClusterState,
    StorySummary,
    event_time_of,
)

DAY = timedelta(days=1)
T0 = datetime(2024, 4, 2, 6, 0, tzinfo=UTC)

STRIKE_WIRE = (
    "VALMORA (Coast Wire) - Harbour pilots in Valmora walked off the job on Tuesday after talks "
    "with the port operator Maresca Terminals over night-shift pay collapsed, leaving forty "
    "container ships at anchor outside the breakwater.\n"
    "The Valmora port authority said about 12,000 containers were delayed and that perishable "
    "cargo was being diverted to Castelbruno, two hundred kilometres down the coast.\n"
    "Pilots' union leader Dario Ferrante said members would stay out until Maresca Terminals "
    "restored the overtime rate it cut in March. The operator called the strike unlawful."
)
STRIKE_FEATURE = (
    "Fishermen mending nets on the Valmora quayside had a rare view on Tuesday: forty idle "
    "container ships lined up beyond the breakwater because harbour pilots had gone on strike.\n"
    "Without pilots no large vessel may enter the channel, and Maresca Terminals, which runs the "
    "container port, said it had no legal way around the stoppage.\n"
    "Dario Ferrante, who leads the pilots' union, told reporters the walkout over night-shift "
    "pay would last as long as it took. Truckers said cargo was already heading to Castelbruno."
)
SECOND_STRIKE = (
    "VALMORA (Coast Wire) - Harbour pilots in Valmora began a second strike on Thursday, nine "
    "days after the first stoppage ended, saying Maresca Terminals had broken its promise to "
    "restore the overtime rate.\n"
    "About thirty container ships were waiting outside the breakwater by evening, the port "
    "authority said, and cargo was again being sent to Castelbruno.\n"
    "Dario Ferrante of the pilots' union said the new walkout would run for a week."
)
BAKERY_RULING = (
    "A regional court in Lisandra ordered the bakery chain Pane Dorato to repay customers who "
    "bought loyalty vouchers that were never honoured, in a ruling consumer groups hailed.\n"
    "Pane Dorato said it would appeal and blamed a software supplier for cancelling the scheme. "
    "About 3,000 families are owed money, according to the consumer association Voce Comune."
)
WRAPPER_TOP = "TRENDING | Share this story with your friends and family\nRead more below.\n"
WRAPPER_BOTTOM = "\nSubscribe to our newsletter for more shocking updates every day."


def article(
    article_id: str,
    text: str,
    seen_at: datetime,
    title: str = "",
    published_at: datetime | None = None,
    source: str = "outlet",
) -> ArticleDoc:
    """An article as the stories projection would pass it."""
    return ArticleDoc(article_id, source, title, text, published_at, seen_at)


@pytest.fixture
def engine() -> ClusterEngine:
    """A fresh engine on an empty in-memory state."""
    return ClusterEngine(InMemoryClusterState())


@pytest.fixture
def strike_writeups() -> list[ArticleDoc]:
    """Two outlets' write-ups of the first strike and an unrelated event the same day."""
    return [
        article("wire-1", STRIKE_WIRE, T0, "Valmora harbour pilots strike over night-shift pay"),
        article(
            "court-1", BAKERY_RULING, T0 + timedelta(hours=1), "Court orders Pane Dorato refunds"
        ),
        article(
            "feature-1", STRIKE_FEATURE, T0 + timedelta(hours=5), "A quiet quayside in Valmora"
        ),
    ]


def assign_all(engine: ClusterEngine, docs: list[ArticleDoc]) -> list[Assignment]:
    return [engine.assign(doc) for doc in docs]


def test_write_ups_of_one_event_from_different_outlets_form_one_story(
    engine: ClusterEngine, strike_writeups: list[ArticleDoc]
) -> None:
    wire, court, feature = assign_all(engine, strike_writeups)
    assert wire.is_new_story and wire.story_id == "s-wire-1"
    assert court.is_new_story and court.story_id == "s-court-1"
    assert not feature.is_new_story
    assert feature.story_id == "s-wire-1"
    assert feature.copy_of is None


def test_a_later_event_on_the_same_subject_starts_a_new_story(
    engine: ClusterEngine, strike_writeups: list[ArticleDoc]
) -> None:
    assign_all(engine, strike_writeups)
    second = engine.assign(
        article("wire-2", SECOND_STRIKE, T0 + 9 * DAY, "Valmora pilots strike again")
    )
    assert second.is_new_story
    assert second.story_id == "s-wire-2"


def test_a_rewrapped_redated_copy_a_year_later_joins_the_original_story(
    engine: ClusterEngine, strike_writeups: list[ArticleDoc]
) -> None:
    assign_all(engine, strike_writeups)
    engine.assign(article("wire-2", SECOND_STRIKE, T0 + 9 * DAY, "Valmora pilots strike again"))
    year_later = T0 + 365 * DAY
    repost = engine.assign(
        article(
            "repost-1",
            WRAPPER_TOP + STRIKE_WIRE + WRAPPER_BOTTOM,
            year_later,
            title="SHOCKING: ships stranded as pilots quit!",
            published_at=year_later,
            source="clickbait",
        )
    )
    assert repost.copy_of == "wire-1"
    assert repost.story_id == "s-wire-1"
    assert repost.event_time == T0  # the original's time, not the claimed date
    assert not repost.is_new_story
    assert repost.similarity == pytest.approx(1.0)


def test_a_copy_of_a_copy_points_at_the_earliest_seen_original(engine: ClusterEngine) -> None:
    engine.assign(article("wire-1", STRIKE_WIRE, T0))
    engine.assign(article("repost-1", WRAPPER_TOP + STRIKE_WIRE, T0 + 30 * DAY))
    trimmed = STRIKE_WIRE[: STRIKE_WIRE.index("Pilots' union leader")]
    again = engine.assign(article("repost-2", trimmed + WRAPPER_BOTTOM, T0 + 60 * DAY))
    assert again.copy_of == "wire-1"
    assert again.story_id == "s-wire-1"


def test_an_idle_story_stops_attracting_write_ups_but_copies_still_match(
    engine: ClusterEngine,
) -> None:
    engine.assign(article("wire-1", STRIKE_WIRE, T0, "Valmora harbour pilots strike"))
    late_feature = engine.assign(article("feature-1", STRIKE_FEATURE, T0 + 20 * DAY))
    late_copy = engine.assign(article("repost-1", WRAPPER_TOP + STRIKE_WIRE, T0 + 20 * DAY))
    assert late_feature.is_new_story
    assert late_copy.story_id == "s-wire-1"


def test_the_claimed_date_counts_only_when_shortly_before_first_sight() -> None:
    seen = T0 + DAY
    honest = article("a", "text", seen, published_at=T0)
    future = article("b", "text", seen, published_at=seen + 30 * DAY)
    ancient = article("c", "text", seen, published_at=seen - 400 * DAY)
    window = timedelta(days=7)
    assert event_time_of(honest, window) == T0
    assert event_time_of(future, window) == seen
    assert event_time_of(ancient, window) == seen


def test_the_state_offers_only_stories_active_since_the_cutoff() -> None:
    state = InMemoryClusterState()
    for story_id, last in (("s-old", T0 - 10 * DAY), ("s-recent", T0 - DAY), ("s-now", T0)):
        state.put_story(StorySummary(story_id, last - DAY, last, 1, ()))
    state.put_story(StorySummary("s-old", T0 - 11 * DAY, T0, 2, ()))  # the old one wakes up
    active = state.active_stories(T0 - 2 * DAY)
    assert [s.story_id for s in active] == ["s-now", "s-old", "s-recent"]
    assert state.active_stories(T0 - timedelta(hours=1)) == [active[0], active[1]]


REPLAY_SCRIPT = """
import json, sys
sys.path.insert(0, {tests!r})
from test_clustering import *
docs = [
    article("wire-1", STRIKE_WIRE, T0, "Valmora pilots strike"),
    article("court-1", BAKERY_RULING, T0 + timedelta(hours=1)),
    article("feature-1", STRIKE_FEATURE, T0 + timedelta(hours=5)),
    article("wire-2", SECOND_STRIKE, T0 + 9 * DAY),
    article("repost-1", WRAPPER_TOP + STRIKE_WIRE, T0 + 99 * DAY),
]
engine = ClusterEngine(InMemoryClusterState())
print(json.dumps([[a.story_id, a.copy_of, round(a.similarity, 12)] for a in map(engine.assign, docs)]))
"""


def test_replays_in_fresh_processes_give_identical_assignments() -> None:
    script = REPLAY_SCRIPT.format(tests=str(Path(__file__).parent))
    runs = [
        subprocess.run(
            [sys.executable, "-c", script],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("0", "12345")
    ]
    assert runs[0] == runs[1]
    stories = [story for story, _, _ in json.loads(runs[0])]
    assert stories == ["s-wire-1", "s-court-1", "s-wire-1", "s-wire-2", "s-wire-1"]


EVAL_DIR = Path(__file__).resolve().parents[2] / "data" / "stories"


@pytest.mark.skipif(not list(EVAL_DIR.glob("part*.jsonl")), reason="no labelled story set yet")
def test_the_labelled_story_set_meets_the_quality_targets() -> None:
    sys.path.insert(0, str(EVAL_DIR.parents[2] / "bench"))
    from stories import load_rows, quality

    from monitor.projections.clustering import ClusterParams

    rows = [row for path in sorted(EVAL_DIR.glob("part*.jsonl")) for row in load_rows(path)]
    result = quality(rows, ClusterParams())
    assert result.bcubed_f1 >= 0.95
    assert result.copy_f1 >= 0.98
