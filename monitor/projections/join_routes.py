"""Routes around the model's threshold: a best candidate scored below it still joins on
agreeing event kinds or names (:func:`second_chance`), and a story idle past the idle window
is joined only by a later phase of its incident (:func:`late_route`)."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from monitor.projections.pair_features import FEATURES
from monitor.projections.place_agreement import cities_agree
from monitor.projections.story_signals import ArticleSignals, StorySignals

SECOND_CHANCE = 0.3
"""A best candidate scored below the threshold but at least this still joins when the event
kinds agree (:func:`second_chance`): feature pieces and follow-ups (a market's reaction, a
tribute) share few words and names with the founding report, but name its event and one of
its actors or founding names. Chosen by leave-events-out CV (README, Stories)."""
SECOND_CHANCE_KIND = 0.5
KIND_NEW_NAMES = 0.5
"""The kind route is closed to an article whose headline names are at least this share new
to the story while at least this (weighted) share of the story's headline names are absent
from it: Hurricane Milton at Siesta Key against a story of Hurricane Helene in the Big Bend,
whose shared names are only "Hurricane", "Gulf" and "Category". Chosen by leave-events-out
CV with the fresh check set (1.0, all new and all missing, let such twins through)."""
SECOND_CHANCE_NAMES = 0.2
"""The floor of the names route of :func:`second_chance`: a follow-up (a revised toll, the
inquiry, a profile of a victim) that words its report anew but names the story's own
headline names and one of its founding article's key names."""
NAMES_HEADLINE_MISSING = 0.5
"""At most this weighted share of the names in the story's headlines may be absent from the
article for the names route."""
NAMES_KEY_CORE = 0.2
"""At least this (smoothed) share of the article's key names must be the founding article's."""
NAMES_MAX_AGE_DAYS = 2.0
"""The names route is closed to a story older than this: after two days the same names
more often mean the next occurrence (a sentencing after the verdict)."""


def second_chance(x: npt.NDArray[np.float64], p: float) -> bool:
    """Whether a pair scored ``p`` (below the threshold) with features ``x`` joins all the
    same, by either of two routes, never when the event kinds conflict. The names route is
    :func:`names_route`. The kind route: ``p`` at least :data:`SECOND_CHANCE`, the event
    kinds agree (cosine at least :data:`SECOND_CHANCE_KIND`) and the article shares an
    actor with the story or a key name with its founding article, and its headline is not
    mostly new names missing most of the story's headline names (the same strike in the
    next city, the season's next hurricane: at least :data:`KIND_NEW_NAMES` of each). Neither
    route admits a pair with a place, headline-place, actor or full-name conflict: a route
    around the scorer never overrides its negative evidence ("Judge Amit Mehta" against a
    story of "Judge James Donato", both ruling against Google that day)."""
    if x[_KIND_CONFLICT] > 0.0:
        return False
    return _kind_route(x, p) or names_route(x, p)


def _kind_route(x: npt.NDArray[np.float64], p: float) -> bool:
    if p < SECOND_CHANCE or x[_KIND] < SECOND_CHANCE_KIND:
        return False
    if x[_TITLE_KEYS_NEW] >= KIND_NEW_NAMES and x[_HEADLINE_MISSING] >= KIND_NEW_NAMES:
        return False  # the headline's names are mostly new and it misses the story's
    if any(x[i] > 0.0 for i in _ROUTE_CONFLICTS):
        return False  # a route around the scorer never overrides its negative evidence
    return bool(x[_ACTOR_SHARE] > 0.0 or x[_KEY_CORE] > 0.0)


LATE_FLOOR = 0.2
"""The floor of :func:`late_route` (the names route's, :data:`SECOND_CHANCE_NAMES`)."""


def late_route(
    x: npt.NDArray[np.float64], p: float, article: ArticleSignals, story: StorySignals
) -> bool:
    """Whether an article joins a story idle past the idle window (days old, within the
    late window): its event kinds are a later phase of the story's incident and nothing
    else (:func:`phase_kinds` above 0, no new kind and no kind conflict: the arrests, the
    burials, the inquiry after a collapse or an attack), it names an anchor of the story
    (the story's city, :func:`cities_agree`, or at least :data:`NAMES_KEY_CORE` of its key
    names are the founding article's), ``p`` reaches :data:`LATE_FLOOR`, and no place,
    headline-place, actor or full-name conflict. Days on, the same kind again (a new quake,
    a new strike in the city) is the next occurrence, and a kind that is no phase (a
    resignation, a strike over the crash) is another event: neither is let in."""
    if p < LATE_FLOOR or x[_KIND_PHASE] <= 0.0 or x[_KIND_NEW] > 0.0 or x[_KIND_CONFLICT] > 0.0:
        return False
    if any(x[i] > 0.0 for i in _ROUTE_CONFLICTS):
        return False
    return cities_agree(article, story) or bool(x[_KEY_CORE] >= NAMES_KEY_CORE)


def names_route(x: npt.NDArray[np.float64], p: float) -> bool:
    """The second chance of a pair whose words differ but whose names agree with the whole
    story: ``p`` at least :data:`SECOND_CHANCE_NAMES`, the article names (nearly) all the
    names of the story's headlines (at most :data:`NAMES_HEADLINE_MISSING` missing), at
    least :data:`NAMES_KEY_CORE` of its key names are its founding article's, no place,
    headline-place, actor, full-name or event-kind conflict, and the story is at most
    :data:`NAMES_MAX_AGE_DAYS` old."""
    if p < SECOND_CHANCE_NAMES or x[_HEADLINE_MISSING] > NAMES_HEADLINE_MISSING:
        return False
    if x[_KEY_CORE] < NAMES_KEY_CORE or x[_AGE] > NAMES_MAX_AGE_DAYS:
        return False
    return not any(x[i] > 0.0 for i in _ROUTE_CONFLICTS)


_KIND = FEATURES.index("kind")
_KIND_PHASE = FEATURES.index("kind_phase")
_KIND_NEW = FEATURES.index("kind_new")
_KIND_CONFLICT = FEATURES.index("kind_conflict")
_ACTOR_SHARE = FEATURES.index("actor_share")
_KEY_CORE = FEATURES.index("key_core")
_TITLE_KEYS_NEW = FEATURES.index("title_keys_new")
_HEADLINE_MISSING = FEATURES.index("story_headline_missing")
_AGE = FEATURES.index("age_days")
_PLACE_CONFLICT = FEATURES.index("place_conflict")
_TITLE_PLACE_CONFLICT = FEATURES.index("title_place_conflict")
_ACTOR_CONFLICT = FEATURES.index("actor_conflict")
_NAME_CONFLICT = FEATURES.index("full_name_conflict")
_CONFLICTS = (_KIND_CONFLICT, _PLACE_CONFLICT, _TITLE_PLACE_CONFLICT, _ACTOR_CONFLICT)
_ROUTE_CONFLICTS = (*_CONFLICTS, _NAME_CONFLICT)
