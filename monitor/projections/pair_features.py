"""Should this article join that story? Separate similarity signals, combined by a fitted model.

Signals between an article and a candidate story (after Miranda et al. 2018, who learn the
combination of per-field similarities; here a logistic regression):

- ``title``, ``body``, ``entity``: TF-IDF cosines of the headline words, body words and
  capitalised names/numbers with the story's centroid of each field;
- ``entity_known``: the share of the article's names and numbers, each weighted by its
  TF-IDF (so the rare ones count most), that the story's centroid holds anywhere: a
  follow-up told in new words still names the quarry, the flight or the district, while
  the centroid's growing mass no longer dilutes it as it dilutes the cosine;
- ``title_story_body`` and ``story_title_body``: the article's headline words against the
  story's body centroid, and the story's headline centroid against the article's body;
- ``key_article``: share (smoothed: one unseen name added) of the article's key names (the people, places and organisations
  of its headline and lead, :mod:`monitor.text.entities`) that the story names anywhere;
  ``key_story``: share of the story's key-name mentions (weighted by how many of its
  articles lead with each) that the article names anywhere; low values
  mean a place or an actor disagrees, which counts against the merge; ``key_missing``
  when either side has none;
- ``title_keys_new``: share of the headline's names that are not among the story's key
  names (a new place or actor in the headline: Bukavu after Goma);
- ``story_headline_missing``: weighted share of the names in the story's headlines that
  the article never mentions (the Sumy strike's story against a report from Kryvyi Rih); a
  place counts as mentioned when the article names a place inside it (:func:`headline_missing`);
- ``kind``: cosine of the event kinds named in the leads (:mod:`monitor.text.event_types`),
  ``kind_conflict`` when both name kinds and none agree (a launch against a shipment);
  ``kind_new``: the share of the article's event kinds (headline counted twice) that the
  story never names, when both name kinds: the same actor's next action on the same
  subject (a tariff order, then its pause: "tariff" agrees, "pause" is new);
  ``kind_phase``: the share of the article's kinds that name a later phase of the story's
  event (:data:`monitor.text.event_types.FOLLOWS`: arrests, a court hearing, funerals, an
  inquiry after an incident; the fire after a derailment), counted neither as new nor as a
  conflict: the owners detained after a club fire are the fire's story, the riot after a
  stabbing is not (a riot is an incident kind of its own);
- ``event_agree``: how many of the event's own anchors both sides name alike (0 to 2): its
  day, as opposed to the reporting day (:mod:`monitor.text.event_day`: "Saturday's
  bombing", "struck on Thursday"), and the class of the site it hit
  (:mod:`monitor.text.target_site`: a printing house, a store); a disagreeing anchor vetoes
  the pair instead (:func:`disagrees`);
- ``numbers``: share of the article's numbers (years excluded) the story carries,
  ``numbers_missing`` when it has none;
- ``gap_days``: days between the article and the story's span (capped at 3);
- ``age_days``: days between the article and the story's first event (capped at 3): a
  story that has grown for two days takes a same-subject report less readily than one
  founded this morning, however recent its last member (a chain keeps the span fresh);
- ``place_conflict``: both sides name places (:mod:`monitor.text.places`) and none of the
  article's is one of the story's or inside or around one (Bukavu against a story of Goma,
  New Mexico against Texas; Texas against the United States agrees); ``place_agree``:
  share of the article's places that agree with one of the story's;
- ``dateline_agree``: a dateline ("ARLINGTON, Va. —") of either side agrees with a place or
  dateline of the other, below the country (:func:`datelines_agree`);
- ``actor_share``: share (smoothed) of the article's actors (key names that are not
  places: people, organisations) that the story names; ``actor_conflict`` when both name
  at least :data:`VETO_MIN_KEYS` actors and neither names any of the other's;
- ``title_place_conflict``: the headline's own places conflict with those of the story's
  headlines;
- ``full_name_conflict``: both sides name at least :data:`MIN_FULL_NAMES` names of several
  words (people, bodies, laws: "Amit Mehta", "Justice Department", "Sherman Act"), compared
  by their last two words so titles do not matter, and share none: the actors disagree
  ("U.S. District Judge Amit Mehta" against "U.S. District Judge James Donato": two
  rulings against one company), when the article's headline or lead names a full name
  (:func:`full_name_conflict`): a follow-up that names new victims, witnesses or officials
  only further down does not disagree.

The weights over these features are :mod:`~.story_model`'s.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from functools import lru_cache

import numpy as np
import numpy.typing as npt

from monitor.projections.place_agreement import (
    cities_agree,
    datelines_agree,
    places_agree,
    places_conflict,
    title_places_conflict,
)
from monitor.projections.story_signals import (
    CORE_BODY,
    CROSS_BODY,
    CROSS_TITLE,
    NAMES_KNOWN,
    ArticleSignals,
    StorySignals,
)
from monitor.projections.story_vetoes import VETO_MIN_KEYS
from monitor.text.event_types import follows, kin
from monitor.text.gazetteer import contains, lookup
from monitor.text.terms import BODY, ENTITY, TITLE

FEATURES = (
    "bias",
    "title",
    "body",
    "entity",
    "entity_known",
    "title_story_body",
    "story_title_body",
    "key_article",
    "key_story",
    "key_missing",
    "title_keys_new",
    "story_headline_missing",
    "kind",
    "kind_conflict",
    "kind_new",
    "numbers",
    "numbers_missing",
    "gap_days",
    "age_days",
    "core_body",
    "key_core",
    "place_conflict",
    "place_agree",
    "dateline_agree",
    "actor_share",
    "actor_conflict",
    "title_place_conflict",
    "full_name_conflict",
    "kind_phase",
    "event_agree",
)
SIGNS = (
    0,  # bias
    1,  # title
    1,  # body
    1,  # entity
    1,  # entity_known
    1,  # title_story_body
    1,  # story_title_body
    1,  # key_article
    1,  # key_story
    0,  # key_missing
    -1,  # title_keys_new
    -1,  # story_headline_missing
    1,  # kind
    -1,  # kind_conflict
    -1,  # kind_new
    1,  # numbers
    0,  # numbers_missing
    -1,  # gap_days
    -1,  # age_days
    1,  # core_body
    1,  # key_core
    -1,  # place_conflict
    1,  # place_agree
    1,  # dateline_agree
    1,  # actor_share
    -1,  # actor_conflict
    -1,  # title_place_conflict
    -1,  # full_name_conflict
    1,  # kind_phase
    1,  # event_agree
)
"""The sign each fitted weight may take (``bench/fit_stories.py``): a feature that
measures agreement (a similarity, a shared name, place or number) may only add to the
score, one that measures disagreement (a conflict, a missing or new name, a time apart)
only subtract; 0 is free (the bias, the "side has none" indicators)."""
MAX_GAP_DAYS = 3.0
MIN_FULL_NAMES = 2
"""Full names each side must name for :func:`names_conflict` (one stray name is no evidence)."""


def _share(mine: frozenset[str], theirs: frozenset[str]) -> float:
    return len(mine & theirs) / len(mine) if mine else 0.0


def _smoothed_share(mine: frozenset[str], theirs: frozenset[str]) -> float:
    """Share with one unseen name added: two names that match say less than five."""
    return len(mine & theirs) / (len(mine) + 1)


@lru_cache(maxsize=1 << 12)
def _place_path(name: str) -> str | None:
    """The gazetteer path of a headline name that is a place (its most populous reading)."""
    found = lookup(name)
    return found[0].path if found else None


def headline_missing(
    headline: Mapping[str, float], present: frozenset[str], places: frozenset[str]
) -> float:
    """Weighted share of the story's headline names the article never names, where a place
    counts as named when the article names a place inside it: "Brazil" in the founding
    headline is named by a follow-up from Porto Alegre in Rio Grande do Sul, "India" by one
    from Balasore in Odisha (a follow-up names the district, not the country again)."""
    total = sum(headline.values())
    if not total:
        return 0.0
    missing = 0.0
    for name, w in sorted(headline.items()):
        if name in present:
            continue
        path = _place_path(name) if places else None
        if path is not None and any(p == path or contains(path, p) for p in sorted(places)):
            continue
        missing += w
    return missing / total


def _missing(weights: Mapping[str, float], present: frozenset[str]) -> float:
    """Weighted share of ``weights``' names absent from ``present`` (0 when there are none)."""
    total = sum(weights.values())
    if not total:
        return 0.0
    return sum(w for name, w in sorted(weights.items()) if name not in present) / total


def _weighted_share(counts: Mapping[str, float], present: frozenset[str]) -> float:
    """Share of the story's key-name mentions the article names (smoothed by one mention).

    Weighted by how many of the story's articles name each one, so the names its reports
    agree on count most and one stray article's names little.
    """
    total = sum(counts.values())
    return sum(c for name, c in sorted(counts.items()) if name in present) / (total + 1.0)


def _cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    if not a or not b:
        return 0.0
    dot = sum(a[k] * b[k] for k in sorted(a.keys() & b.keys()))
    na = math.sqrt(sum(v * v for v in a.values()))
    nb = math.sqrt(sum(v * v for v in b.values()))
    return dot / (na * nb)


def new_kinds(
    article: Mapping[str, float], story: Mapping[str, float], kin_agree: bool = False
) -> float:
    """Weighted share of the article's event kinds the story does not name, nor follow as a
    later phase of its event (:func:`~monitor.text.event_types.follows`; 0 when either side
    names none): "Trump pauses Mexico tariffs" (tariff, pause) against a story of the tariff
    order (tariff) is half new; "owners detained" (arrest) against a fire's story is not; with
    ``kin_agree`` (the article names the story's city: :func:`cities_agree`), nor is a kind
    of the story's family (:func:`~monitor.text.event_types.kin`: "attack in Kramatorsk"
    after a story of the missile strike on Kramatorsk; elsewhere the same family is as often
    the next strike)."""
    total = sum(article.values())
    if not total or not story:
        return 0.0
    return (
        sum(
            w
            for kind, w in sorted(article.items())
            if kind not in story
            and not follows(kind, story)
            and not (kin_agree and kin(kind, story))
        )
        / total
    )


def phase_kinds(article: Mapping[str, float], story: Mapping[str, float]) -> float:
    """Weighted share of the article's event kinds that name a later phase of the story's
    event and not the story's own kinds (0 when either side names none): the arrests, the
    funerals, the inquiry after a fire; the fire after a derailment."""
    total = sum(article.values())
    if not total or not story:
        return 0.0
    return (
        sum(w for kind, w in sorted(article.items()) if kind not in story and follows(kind, story))
        / total
    )


def kinds_conflict(article: Mapping[str, float], story: Mapping[str, float]) -> bool:
    """Both sides name event kinds, none agrees and none of the article's follows the
    story's as a later phase: a launch against a shipment, a riot against a stabbing (a
    riot is an incident of its own), but not the owners' arrest against a club fire."""
    if not article or not story or _cosine(article, story) > 0.0:
        return False
    return not any(follows(kind, story) for kind in sorted(article))


def actors_conflict(article: ArticleSignals, story: StorySignals) -> bool:
    """Both name :data:`VETO_MIN_KEYS` actors or more and neither names any of the other's."""
    if len(article.actors) < VETO_MIN_KEYS or len(story.actors) < VETO_MIN_KEYS:
        return False
    return not (article.actors & story.names) and not (story.actors & article.names)


def names_conflict(article: frozenset[str], story: frozenset[str]) -> bool:
    """Both sides name :data:`MIN_FULL_NAMES` full names or more and share none."""
    least = MIN_FULL_NAMES
    return len(article) >= least and len(story) >= least and not article & story


FULL_NAME_BODY_CONFLICT = 0.5
"""The value of :func:`full_name_conflict` when the article's disagreeing full names are
all further down than its lead."""


def full_name_conflict(article: ArticleSignals, story: StorySignals) -> float:
    """1 when the full names disagree (:func:`names_conflict`) and the article's headline or
    lead names one ("Judge James Donato's injunction" against a story of Judge Amit Mehta's
    ruling); :data:`FULL_NAME_BODY_CONFLICT` when it names them only further down (a
    follow-up that quotes new victims, witnesses or officials: weaker evidence, weighed as
    such by the fit); 0 when they agree or either side names too few. Any value above 0
    still closes the second-chance routes (:func:`second_chance`)."""
    if not names_conflict(article.full_names, story.full_names):
        return 0.0
    return 1.0 if article.lead_full_names else FULL_NAME_BODY_CONFLICT


def event_agree(article: ArticleSignals, story: StorySignals) -> float:
    """How many of the event's own anchors (its day, the site it hit) both sides name alike."""
    return float(bool(article.event_days & story.event_days)) + float(
        bool(article.sites & story.sites)
    )


def features(
    cosines: Mapping[str, float],
    article: ArticleSignals,
    story: StorySignals,
    gap_days: float,
    age_days: float = 0.0,
) -> npt.NDArray[np.float64]:
    """The feature vector of one (article, story) pair, in :data:`FEATURES` order."""
    kind = _cosine(article.kinds, story.kinds)
    kind_conflict = 1.0 if kinds_conflict(article.kinds, story.kinds) else 0.0
    key_missing = 0.0 if article.keys and story.keys else 1.0
    present = article.names | article.keys
    kind_new = new_kinds(article.kinds, story.kinds)
    if kind_new > 0.0 and cities_agree(article, story):  # kin counts only in the story's city
        kind_new = new_kinds(article.kinds, story.kinds, kin_agree=True)
    return np.array(
        [
            1.0,
            cosines.get(TITLE, 0.0),
            cosines.get(BODY, 0.0),
            cosines.get(ENTITY, 0.0),
            cosines.get(NAMES_KNOWN, 0.0),
            cosines.get(CROSS_TITLE, 0.0),
            cosines.get(CROSS_BODY, 0.0),
            _smoothed_share(article.keys, story.names),
            _weighted_share(story.key_counts, present),
            key_missing,
            1.0 - _share(article.title_keys, story.keys) if article.title_keys else 0.0,
            headline_missing(story.headline, present, article.places),
            kind,
            kind_conflict,
            kind_new,
            _share(article.numbers, story.numbers),
            0.0 if article.numbers and story.numbers else 1.0,
            min(gap_days, MAX_GAP_DAYS),
            min(abs(age_days), MAX_GAP_DAYS),
            cosines.get(CORE_BODY, 0.0),
            _smoothed_share(article.keys, story.core_keys),
            1.0 if places_conflict(article, story) else 0.0,
            places_agree(article.places, story.places),
            1.0 if datelines_agree(article, story) else 0.0,
            _smoothed_share(article.actors, story.names),
            1.0 if actors_conflict(article, story) else 0.0,
            1.0 if title_places_conflict(article, story) else 0.0,
            full_name_conflict(article, story),
            phase_kinds(article.kinds, story.kinds),
            event_agree(article, story),
        ],
        dtype=np.float64,
    )
