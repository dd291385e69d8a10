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
def test_the_development_half_keeps_its_measured_quality() -> None:
    # A regression guard on the development half (part of the data the scorer is fitted
    # on, with the check sets since the leave-one-corpus-out fit: 0.964 / 0.927, pair F1
    # 0.875, where the fit on this half alone had 0.964 / 0.937, 0.889; with event phases
    # and headline places named by a place inside them, threshold 0.50 by the
    # leave-one-corpus-out fit: 0.964 / 0.922, pair F1 0.871 in-sample, pooled left-out B3
    # 0.939/0.831 -> 0.947/0.830, F0.5 0.915 -> 0.921); the held-out half is never read.
    sys.path.insert(0, str(EVAL_DIR.parents[2] / "bench"))
    from stories import dev_sets, merged, scores

    from monitor.projections.clustering import ClusterParams

    _, rows, events = merged("dev", dev_sets())
    quality, extra = scores(rows, ClusterParams(), events)
    assert quality.bcubed_p >= 0.96
    assert quality.bcubed_f1 >= 0.92
    assert extra.pair_f1 >= 0.865
    assert extra.disagreeing == 0
    assert quality.copy_f1 == 1.0


# -- look-alike events: same subject, same day, a different event -------------------------

from tests.unit.projections.hard_cases import (  # noqa: E402
    BANK_NORLAND,
    BANK_OSTRIA,
    LAUNCH,
    OPINION_ON_DARVEL,
    SHIPMENT,
    STRIKE_DARVEL,
    STRIKE_DARVEL_FOLLOWUP,
    STRIKE_TELMAR,
)

HOUR = timedelta(hours=1)


def test_missile_strikes_on_two_cities_the_same_day_are_two_stories(
    engine: ClusterEngine,
) -> None:
    darvel = engine.assign(
        article("darvel", STRIKE_DARVEL, T0, "Missile strike on Darvel market kills 21")
    )
    telmar = engine.assign(
        article(
            "telmar",
            STRIKE_TELMAR,
            T0 + 6 * HOUR,
            "Missile hits Telmar apartment block, killing nine",
            source="Coast Dispatch",
        )
    )
    followup = engine.assign(
        article(
            "darvel-2",
            STRIKE_DARVEL_FOLLOWUP,
            T0 + 26 * HOUR,
            "Darvel toll rises to 34 as funerals begin",
            source="Valley Post",
        )
    )
    assert telmar.is_new_story
    assert followup.story_id == darvel.story_id != telmar.story_id


def test_two_central_banks_holding_rates_a_day_apart_are_two_stories(
    engine: ClusterEngine,
) -> None:
    first = engine.assign(article("norland", BANK_NORLAND, T0, "Norland central bank holds rates"))
    second = engine.assign(
        article("ostria", BANK_OSTRIA, T0 + 20 * HOUR, "Ostria's central bank keeps rate on hold")
    )
    assert second.is_new_story and second.story_id != first.story_id


def test_a_launch_and_a_shipment_report_about_one_country_are_two_stories(
    engine: ClusterEngine,
) -> None:
    launch = engine.assign(article("launch", LAUNCH, T0, "Kestria fires long-range missile"))
    shipment = engine.assign(
        article("shipment", SHIPMENT, T0 + 3 * HOUR, "Kestria sent 6,700 containers of ammunition")
    )
    assert shipment.is_new_story and shipment.story_id != launch.story_id


def test_an_opinion_column_is_kept_apart_but_its_copy_joins_it(engine: ClusterEngine) -> None:
    news = engine.assign(article("darvel", STRIKE_DARVEL, T0, "Missile strike on Darvel kills 21"))
    column = engine.assign(
        article("column", OPINION_ON_DARVEL, T0 + 5 * HOUR, "Opinion: Darvel needs shields")
    )
    later = engine.assign(
        article(
            "darvel-2",
            STRIKE_DARVEL_FOLLOWUP,
            T0 + 26 * HOUR,
            "Darvel toll rises to 34 as funerals begin",
        )
    )
    repost = engine.assign(
        article("column-copy", WRAPPER_TOP + OPINION_ON_DARVEL, T0 + 30 * DAY, "Must read")
    )
    assert column.is_new_story and column.story_id != news.story_id
    assert later.story_id == news.story_id  # the column never attracts the news
    assert (repost.story_id, repost.copy_of) == (column.story_id, "column")


def test_the_first_articles_of_an_empty_state_do_not_merge_on_common_words(
    engine: ClusterEngine,
) -> None:
    # Five unrelated reports that share only everyday words ("said", "officials",
    # "people", "government", "on Sunday"): with no history the prior keeps them apart.
    docs = [
        article("a", STRIKE_DARVEL, T0, "Missile strike on Darvel kills 21"),
        article("b", BANK_NORLAND, T0 + HOUR, "Norland central bank holds rates"),
        article("c", LAUNCH, T0 + 2 * HOUR, "Kestria fires long-range missile"),
        article("d", BAKERY_RULING, T0 + 3 * HOUR, "Court orders Pane Dorato refunds"),
        article("e", STRIKE_WIRE, T0 + 4 * HOUR, "Valmora harbour pilots strike"),
    ]
    assert all(a.is_new_story for a in assign_all(engine, docs))


def test_the_vectorised_shortlist_scores_like_the_field_cosines(engine: ClusterEngine) -> None:
    import numpy as np

    from monitor.projections.clustering import field_cosines
    from monitor.projections.shortlist import term_arrays, text_scores
    from monitor.text.terms import BODY, ENTITY, TITLE

    docs = [
        article("a", STRIKE_DARVEL, T0, "Missile strike on Darvel kills 21"),
        article("b", STRIKE_TELMAR, T0 + HOUR, "Missile hits Telmar block"),
        article("c", BANK_NORLAND, T0 + 2 * HOUR, "Norland central bank holds rates"),
    ]
    assign_all(engine, docs)
    stories = [engine.state.get_story(f"s-{d.article_id}") for d in docs]
    fields, _ = engine.vectorize(article("q", STRIKE_DARVEL_FOLLOWUP, T0 + DAY, "Toll rises"))
    weights = (0.2, 0.4, 0.4)
    scores = text_scores(term_arrays(fields, weights), [s.term_arrays for s in stories if s])
    expected = [
        sum(
            w * field_cosines(fields, s).get(p, 0.0)
            for p, w in zip((TITLE, BODY, ENTITY), weights, strict=True)
        )
        for s in stories
        if s
    ]
    assert np.allclose(scores, expected)
    assert scores[0] > scores[2]
