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

The weights are fitted on labelled pairs of the development corpora of the stories data (the
development half and the check sets; never the held-out half) by ``bench/fit_stories.py``
(deterministic, threshold by leave-one-corpus-out validation) and committed as
``story_weights.json``.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import numpy.typing as npt

from monitor.text.event_types import follows, kin
from monitor.text.gazetteer import CITY_DEPTH, compatible, contains, depth, lookup
from monitor.text.gazetteer import leaves as _leaves
from monitor.text.terms import BODY, ENTITY, TITLE

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
VETO_MIN_KEYS = 2
MIN_FULL_NAMES = 2
"""Full names each side must name for :func:`names_conflict` (one stray name is no evidence)."""
PLACE_VETO = True
"""Whether conflicting places veto a merge (else they only weigh in the model)."""
EVENT_VETO = True
"""Whether a disagreeing event day or target site vetoes a merge (:func:`event_conflict`)."""
WEIGHTS_FILE = Path(__file__).with_name("story_weights.json")
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

Vector = Mapping[str, float]


@dataclass(frozen=True)
class StoryModel:
    """Logistic-regression weights over :data:`FEATURES` and the join threshold."""

    weights: tuple[float, ...]
    threshold: float = 0.5

    def probability(self, x: npt.NDArray[np.float64]) -> float:
        """Probability that the pair is one event."""
        z = float(np.dot(np.asarray(self.weights), x))
        return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))


@lru_cache(maxsize=1)
def default_model() -> StoryModel:
    """The committed model (``story_weights.json``)."""
    data = json.loads(WEIGHTS_FILE.read_text("utf-8"))
    if tuple(data["features"]) != FEATURES:
        raise ValueError(f"{WEIGHTS_FILE.name} was fitted on other features; rerun fit_stories")
    return StoryModel(tuple(float(w) for w in data["weights"]), float(data["threshold"]))


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


def places_agree(article: frozenset[str], story: frozenset[str]) -> float:
    """Share of the article's places that are, contain or lie in one of the story's."""
    if not article or not story:
        return 0.0
    ordered = sorted(story)
    return sum(any(compatible(a, b) for b in ordered) for a in sorted(article)) / len(article)


def datelines_agree(article: ArticleSignals, story: StorySignals) -> bool:
    """A dateline's city on either side is, or is near, a city of the other (a capital's
    dateline stands for its country and a state is too wide to say anything: two hurricanes
    filed from Florida): "ARLINGTON, Va." against a story filed from Washington's airport,
    "NEW ORLEANS —" against "in New Orleans". Only
    agreement counts: a report filed from elsewhere (reactions from Washington, a wire's
    regional desk) is common, so datelines never make a conflict."""
    mine = _cities(article.datelines)
    theirs = _cities(story.datelines)
    if not mine and not theirs:
        return False
    here = sorted(_cities(article.places | article.datelines))
    there = sorted(_cities(story.places | story.datelines))
    return any(compatible(a, b) for a in sorted(mine) for b in there) or any(
        compatible(a, b) for a in here for b in sorted(theirs)
    )


def places_conflict(article: ArticleSignals, story: StorySignals) -> bool:
    """Both sides name places, share no state, province or city, and none of the article's
    most specific places (its :func:`~monitor.text.gazetteer.leaves`: Bukavu, not Congo
    around it) agrees with any of the story's most specific ones."""
    if not article.places or not story.place_leaves:
        return False
    if any(depth(p) > 0 for p in article.places & story.places):
        return False  # both name Gujarat: two of its towns do not disagree
    return places_agree(leaves(article.places), story.place_leaves) == 0.0


def title_places_conflict(article: ArticleSignals, story: StorySignals) -> bool:
    """The headline names places and none of its most specific ones agrees with the most
    specific places of the story's headlines: "... dies in New Mexico" against a story
    headlined on Texas, even when either side's lead recalls the other's state."""
    if not article.title_places or not story.title_places:
        return False
    if any(depth(p) > 0 for p in article.title_places & story.title_places):
        return False
    return places_agree(leaves(article.title_places), leaves(story.title_places)) == 0.0


def _same_country_below(article: frozenset[str], story: frozenset[str]) -> bool:
    mine = {p.split(":", 1)[0] for p in article if depth(p) > 0}
    return bool(mine & {p.split(":", 1)[0] for p in story if depth(p) > 0})


def _cities(paths: frozenset[str]) -> frozenset[str]:
    return frozenset(p for p in paths if depth(p) == CITY_DEPTH)


def _below_country(paths: frozenset[str]) -> frozenset[str]:
    return frozenset(p for p in paths if depth(p) > 0)


@lru_cache(maxsize=1 << 12)  # an article's and a story's sets meet many pairs in turn
def _specific_below(paths: frozenset[str]) -> frozenset[str]:
    """The most specific of ``paths`` (:func:`leaves`) that lie below the country level."""
    return _below_country(leaves(paths))


def _apart(article: frozenset[str], story: frozenset[str]) -> bool:
    """Both sides name places below the country level in one country, and none of the
    article's most specific such places agrees with any of the story's."""
    mine, theirs = _specific_below(article), _specific_below(story)
    if not mine or not theirs or article & story & _below_country(story):
        return False
    return _same_country_below(mine, theirs) and places_agree(mine, theirs) == 0.0


def places_veto(article: ArticleSignals, story: StorySignals) -> bool:
    """Conflicting places below the country level within one country, in the lead or in
    the headline: the same actors' next event in another city or state (Bukavu after Goma,
    New Mexico after Texas, a Russian strike on Sumy after one on Kryvyi Rih). Only places
    below the country are compared: that both name Russia (or write "Russian") does not
    make Sumy and Kryvyi Rih one place. Reports of one event across borders often lead with
    different countries; that only counts against a merge (``place_conflict``), it does not
    forbid it. The article is compared with the places of the whole story and with those of
    its founding article (its core), which later members never move."""
    if _apart(article.places, story.places):
        return True
    if _apart(article.title_places, story.title_places):
        return True
    # Against the founding article's own places as well: a member from next door (New
    # Mexico cases near the Texas line) widens the story's places, but must not open it
    # to that neighbour's own next event (a death in New Mexico).
    if _apart(article.places, story.core_places):
        return True
    return _apart(article.title_places, story.core_title_places)


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


def cities_agree(article: ArticleSignals, story: StorySignals) -> bool:
    """Some city the article names in its headline, lead or dateline is, or is near, one the
    story's articles name there: the event's own town (Parkland, Savar, Brumadinho), never a
    country, a province or a capital standing for its country ("Seoul said")."""
    mine = sorted(_cities(article.places | article.datelines))
    if not mine:
        return False
    theirs = sorted(_cities(story.places | story.datelines))
    return any(compatible(a, b) for a in mine for b in theirs)


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


def event_agree(article: ArticleSignals, story: StorySignals) -> float:
    """How many of the event's own anchors (its day, the site it hit) both sides name alike."""
    return float(bool(article.event_days & story.event_days)) + float(
        bool(article.sites & story.sites)
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


def fit_logistic(
    x: npt.NDArray[np.float64],
    y: npt.NDArray[np.float64],
    l2: float | Sequence[float] | npt.NDArray[np.float64] = 1.0,
    iterations: int = 50,
    sample_weight: Sequence[float] | None = None,
    signs: Sequence[int] | None = None,
) -> npt.NDArray[np.float64]:
    """L2-regularised logistic regression by Newton's method (deterministic; bias unpenalised).

    ``l2`` is one strength for every weight or one per column (the bias's is ignored).

    ``signs`` (one per column: +1, -1 or 0) constrains the sign of each weight: +1 may only
    add to the score, -1 only subtract, 0 is free. Solved by an active set: a weight fitted
    with the wrong sign is held at 0 and the rest refitted; a held weight is released when
    the loss would fall by moving it the allowed way (at most one per round)."""
    sw = np.ones(len(y)) if sample_weight is None else np.asarray(sample_weight, dtype=float)
    penalty = np.broadcast_to(np.asarray(l2, dtype=float), (x.shape[1],)).copy()
    penalty[0] = 0.0
    if signs is None:
        return _newton(x, y, sw, penalty, iterations)
    direction = np.asarray(signs, dtype=float)
    held = np.zeros(x.shape[1], dtype=bool)
    w = np.zeros(x.shape[1])
    for _ in range(2 * x.shape[1] + 1):
        free = ~held
        w = np.zeros(x.shape[1])
        w[free] = _newton(x[:, free], y, sw, penalty[free], iterations)
        wrong = free & (direction * w < 0.0)
        if wrong.any():
            held |= wrong
            continue
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -50, 50)))
        slope = direction * (x.T @ (sw * (p - y)))  # < 0: the allowed way lowers the loss
        slope[~held] = 0.0
        if float(slope.min()) >= -1e-9:
            break
        held[int(np.argmin(slope))] = False
    return w


def _newton(
    x: npt.NDArray[np.float64],
    y: npt.NDArray[np.float64],
    sw: npt.NDArray[np.float64],
    penalty: npt.NDArray[np.float64],
    iterations: int,
) -> npt.NDArray[np.float64]:
    w = np.zeros(x.shape[1])
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -50, 50)))
        gradient = x.T @ (sw * (p - y)) + penalty * w
        hessian = (x.T * (sw * p * (1 - p))) @ x + np.diag(penalty) + 1e-9 * np.eye(x.shape[1])
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if float(np.max(np.abs(step))) < 1e-10:
            break
    return w
