"""What the pair scorer knows of an article and of a story besides their TF-IDF words: the
signal fields' prefixes and the sets read from them (:class:`ArticleSignals`,
:class:`StorySignals`, :func:`story_signals`)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from monitor.text.gazetteer import leaves as _leaves
from monitor.text.terms import ENTITY

KEY = "k:"
HEADLINE = "h:"
KIND = "v:"
NUMBER = "n:"
FLAG = "x:"
CORE_BODY = "c:"
CORE_KEY = "o:"
MEMBERS = "m:"
PLACE = "p:"
TITLE_PLACE = "q:"
ACTOR = "a:"
CORE_PLACE = "r:"
CORE_TITLE_PLACE = "s:"
DATELINE = "d:"
EVENT_DAY = "w:"
SITE = "y:"
ORIGINALS = MEMBERS + "originals"
CORE_SIZE = 1
"""The story's first ``CORE_SIZE`` originals form its core: body words and key names kept
apart from the growing centroid, so a look-alike that joins later cannot move them. One: the
founding article alone (with three, a look-alike that joined second or third entered the core
and its own follow-ups then matched it; leave-events-out CV preferred one, see README)."""
OPINION_FLAG = FLAG + "opinion"
CROSS_TITLE = "article title / story body"
CROSS_BODY = "story title / article body"
NAMES_KNOWN = "article names known to the story"

Vector = Mapping[str, float]


@dataclass(frozen=True)
class ArticleSignals:
    """What the scorer needs of one article besides its TF-IDF fields."""

    keys: frozenset[str]
    names: frozenset[str]
    numbers: frozenset[str]
    kinds: Mapping[str, float]
    title_keys: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset()
    """Places of the headline and lead, as gazetteer paths (:mod:`monitor.text.gazetteer`)."""
    actors: frozenset[str] = frozenset()
    """Key names that are not place words."""
    title_places: frozenset[str] = frozenset()
    """Places of the headline alone."""
    full_names: frozenset[str] = frozenset()
    """Names of several words, by their last two (:func:`full_names`)."""
    lead_full_names: frozenset[str] = frozenset()
    """Those of the headline and lead (:func:`full_name_conflict`)."""
    datelines: frozenset[str] = frozenset()
    """Places of the dateline (:attr:`monitor.text.places.Mentions.datelines`)."""
    event_days: frozenset[str] = frozenset()
    """The event's own weekday in the headline or lead (:func:`monitor.text.event_day.event_day`)."""
    sites: frozenset[str] = frozenset()
    """Classes of the sites the event hits (:func:`monitor.text.target_site.target_sites`)."""


@dataclass(frozen=True)
class StorySignals:
    """The same sets on the story side, derived from its centroid."""

    keys: frozenset[str]
    names: frozenset[str]
    numbers: frozenset[str]
    kinds: Mapping[str, float]
    headline: Mapping[str, float]
    key_counts: Mapping[str, float]
    """How many of the story's articles name each key name in their headline or lead."""
    core_keys: frozenset[str] = frozenset()
    """Key names of the story's core (its founding original, :data:`CORE_SIZE`)."""
    places: frozenset[str] = frozenset()
    """Places its articles' headlines and leads name."""
    place_leaves: frozenset[str] = frozenset()
    """The most specific of ``places``."""
    title_places: frozenset[str] = frozenset()
    """Places its articles' headlines name."""
    actors: frozenset[str] = frozenset()
    core_places: frozenset[str] = frozenset()
    """Places of the founding article's headline and lead (the core, :data:`CORE_SIZE`)."""
    core_title_places: frozenset[str] = frozenset()
    """Places of the founding article's headline."""
    full_names: frozenset[str] = frozenset()
    """Names of several words in its entity centroid, by their last two words."""
    datelines: frozenset[str] = frozenset()
    """Places of its articles' datelines."""
    event_days: frozenset[str] = frozenset()
    """Event days its articles name."""
    sites: frozenset[str] = frozenset()
    """Site classes its articles name."""


@lru_cache(maxsize=1 << 12)  # an article's and a story's sets meet many pairs in turn
def leaves(paths: frozenset[str]) -> frozenset[str]:
    """:func:`monitor.text.gazetteer.leaves` (cached: a pure function of the set)."""
    return _leaves(paths)


def full_names(entities: Iterable[str]) -> frozenset[str]:
    """The names of several words among entity terms (prefixed), by their last two words:
    "U.S. District Judge Amit Mehta" and "Judge Amit Mehta" are one name."""
    return frozenset(
        " ".join(t[2:].split()[-2:]) for t in entities if " " in t and not t.startswith("e:#")
    )


def _unprefixed(vector: Vector | None) -> frozenset[str]:
    return frozenset(t[2:] for t in vector) if vector else frozenset()


def _single_names(vector: Vector | None) -> frozenset[str]:
    if not vector:
        return frozenset()
    return frozenset(t[2:] for t in vector if " " not in t and not t.startswith("e:#"))


def story_signals(fields: Mapping[str, Vector], raw: Vector | None = None) -> StorySignals:
    """The scorer's sets from a story's unit field vectors (``raw``: the summed centroid, or
    at least its key-name field)."""
    keys = _unprefixed(fields.get(KEY))
    counts = {t[2:]: w for t, w in (raw or {}).items() if t.startswith(KEY)}
    return StorySignals(
        keys=keys,
        key_counts=counts or dict.fromkeys(keys, 1.0),
        names=keys | _single_names(fields.get(ENTITY)),
        numbers=_unprefixed(fields.get(NUMBER)),
        kinds={t[2:]: w for t, w in fields.get(KIND, {}).items()},
        headline={t[2:]: w for t, w in fields.get(HEADLINE, {}).items()},
        core_keys=_unprefixed(fields.get(CORE_KEY)),
        places=_unprefixed(fields.get(PLACE)),
        place_leaves=leaves(_unprefixed(fields.get(PLACE))),
        title_places=_unprefixed(fields.get(TITLE_PLACE)),
        actors=_unprefixed(fields.get(ACTOR)),
        core_places=_unprefixed(fields.get(CORE_PLACE)),
        core_title_places=_unprefixed(fields.get(CORE_TITLE_PLACE)),
        full_names=full_names(fields.get(ENTITY, ())),
        datelines=_unprefixed(fields.get(DATELINE)),
        event_days=_unprefixed(fields.get(EVENT_DAY)),
        sites=_unprefixed(fields.get(SITE)),
    )
