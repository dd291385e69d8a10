"""The candidate pool answers exactly as a scan of the active stories does."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from functools import partial

from monitor.projections.candidates import MAX_OVERLAY, CandidatePool
from monitor.projections.clustering import (
    ClusterEngine,
    InMemoryClusterState,
    StorySummary,
)
from monitor.projections.shortlist import term_arrays
from monitor.projections.story_scorer import OPINION_FLAG
from monitor.text.terms import BODY, ENTITY, TITLE

T0 = datetime(2024, 4, 2, 6, 0, tzinfo=UTC)
WINDOW = timedelta(days=3)
WORDS = [f"w{i}" for i in range(40)]


def story(rng: random.Random, story_id: str, opinion: bool = False) -> StorySummary:
    """A story with a few weighted title, body and entity terms and a random span."""
    first = T0 + timedelta(hours=rng.randint(-200, 100))
    last = first + timedelta(hours=rng.randint(0, 80))
    terms = {
        prefix + w: round(rng.random(), 3)
        for prefix in (TITLE, BODY, ENTITY)
        for w in rng.sample(WORDS, rng.randint(0, 6))
    }
    if opinion:
        terms[OPINION_FLAG] = 1.0
    return StorySummary(story_id, first, last, 1, tuple(sorted(terms.items())))


def scanned(
    engine: ClusterEngine, fields: dict[str, dict[str, float]], moment: datetime
) -> list[str]:
    """The engine's own answer: every candidate scanned, then shortlisted."""
    return [s.story_id for s in engine.shortlist(fields, engine.candidates(moment))]


def article(rng: random.Random) -> dict[str, dict[str, float]]:
    return {
        prefix: {prefix + w: rng.random() for w in sorted(rng.sample(WORDS, rng.randint(1, 8)))}
        for prefix in (BODY, ENTITY, TITLE)
    }


def test_the_pool_shortlists_what_a_scan_of_the_candidates_shortlists() -> None:
    rng = random.Random(7)
    state = InMemoryClusterState()
    engine = ClusterEngine(state)
    for i in range(300):
        state.put_story(story(rng, f"s{i:03d}", opinion=i % 17 == 0))
    pool = CandidatePool(state.active_stories(T0 - 2 * WINDOW), T0 - 2 * WINDOW)
    weights = engine.params.prefilter_weights
    for step in range(3 * MAX_OVERLAY):  # through several compactions
        grown = story(rng, f"s{rng.randint(0, 320):03d}")  # grown, or founded anew
        state.put_story(grown)
        pool.put(grown)
        fields = article(rng)
        moment = T0 + timedelta(hours=rng.randint(-100, 150) + step)
        if not pool.covers(moment - WINDOW):  # as the engine does: read the state again
            pool = CandidatePool(state.active_stories(moment - WINDOW), moment - WINDOW)
        got = pool.shortlist(moment, WINDOW, 8, partial(term_arrays, fields, weights))
        assert got == scanned(engine, fields, moment)


def test_few_candidates_come_all_in_id_order_and_opinion_stories_never() -> None:
    rng = random.Random(3)
    stories = [story(rng, "s-b"), story(rng, "s-a"), story(rng, "s-c", opinion=True)]
    stories = [StorySummary(s.story_id, T0, T0, 1, s.centroid) for s in stories]  # all active at T0
    pool = CandidatePool(stories, T0 - WINDOW)
    assert pool.shortlist(T0, WINDOW, 8, lambda: term_arrays({})) == ["s-a", "s-b"]
    assert pool.shortlist(T0 + 4 * WINDOW, WINDOW, 8, lambda: term_arrays({})) == []
    assert pool.covers(T0) and not pool.covers(T0 - 2 * WINDOW)
