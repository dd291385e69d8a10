"""Pairs the engine never offers the model: the key names, the places or the event's own
anchors (its day, the site it hit) of the article and the story disagree (:func:`disagrees`)."""

from __future__ import annotations

from monitor.projections.place_agreement import places_veto
from monitor.projections.story_signals import ArticleSignals, StorySignals

VETO_MIN_KEYS = 2
PLACE_VETO = True
"""Whether conflicting places veto a merge (else they only weigh in the model)."""
EVENT_VETO = True
"""Whether a disagreeing event day or target site vetoes a merge (:func:`event_conflict`)."""


def sets_conflict(article: frozenset[str], story: frozenset[str]) -> bool:
    """Both sides name some (event days, target sites) and share none."""
    return bool(article) and bool(story) and not article & story


WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _days_apart(a: str, b: str) -> int:
    """Days between two weekdays on the weekly cycle (0 to 3; unknown names: 0)."""
    if a not in WEEKDAYS or b not in WEEKDAYS:
        return 0
    step = abs(WEEKDAYS.index(a) - WEEKDAYS.index(b))
    return min(step, 7 - step)


def days_conflict(article: frozenset[str], story: frozenset[str]) -> bool:
    """Both sides name the event's day and every pair is two days apart or more. Adjacent
    days do not disagree: one night's event is "late Friday" to one desk and "early
    Saturday" to another, and a wire dates it in its own time zone."""
    if not article or not story:
        return False
    return all(_days_apart(a, b) >= 2 for a in sorted(article) for b in sorted(story))


def event_conflict(article: ArticleSignals, story: StorySignals) -> float:
    """How many of the event's own anchors disagree (0, 1 or 2): its day
    (:mod:`monitor.text.event_day`, :func:`days_conflict`) and the site it hit
    (:mod:`monitor.text.target_site`)."""
    return float(days_conflict(article.event_days, story.event_days)) + float(
        sets_conflict(article.sites, story.sites)
    )


def disagrees(article: ArticleSignals, story: StorySignals, events: bool = True) -> bool:
    """True when both sides name key names (places, actors) and neither names any of the
    other's: a strike in one city against a fire in another country. Such a pair is never
    merged, whatever its words share (the veto is applied before the model). Each side must
    name at least :data:`VETO_MIN_KEYS` key names: one stray capitalised word is no evidence.
    Nor is a pair merged whose places conflict (:func:`places_conflict`), nor (with
    ``events``) one whose event's own day or target site disagrees (:func:`event_conflict`:
    a strike on a printing house on Thursday against a strike on a store on Saturday, in one
    city). On the development half an event-day conflict marked 21 of its 2,884 training
    pairs, none of them one event's. ``bench/fit_stories.py`` passes ``events=False``: it keeps those hard
    negatives among its pairs (leaving them out moved the other weights and cost LOCO F0.5)."""
    if PLACE_VETO and places_veto(article, story):
        return True
    if events and EVENT_VETO and event_conflict(article, story):
        return True
    if len(article.keys) < VETO_MIN_KEYS or len(story.keys) < VETO_MIN_KEYS:
        return False
    if article.keys & story.names:
        return False
    return not any(name in article.names or name in article.keys for name in story.key_counts)
