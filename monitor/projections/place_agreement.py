"""Whether an article's places and a story's agree: the same place, one inside the other,
or nearby cities (:mod:`monitor.text.gazetteer` paths), in the headline, the lead or the
dateline; and when they conflict enough to veto a merge (:func:`places_veto`)."""

from __future__ import annotations

from functools import lru_cache

from monitor.projections.story_signals import ArticleSignals, StorySignals, leaves
from monitor.text.gazetteer import CITY_DEPTH, compatible, depth


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


def cities_agree(article: ArticleSignals, story: StorySignals) -> bool:
    """Some city the article names in its headline, lead or dateline is, or is near, one the
    story's articles name there: the event's own town (Parkland, Savar, Brumadinho), never a
    country, a province or a capital standing for its country ("Seoul said")."""
    mine = sorted(_cities(article.places | article.datelines))
    if not mine:
        return False
    theirs = sorted(_cities(story.places | story.datelines))
    return any(compatible(a, b) for a in mine for b in theirs)
