"""Story features of a feed's entries, computed in the parse worker as the entries arrive.

The stories projection computes an article's features
(:func:`~monitor.projections.article_features.article_features`) from the text the
articles projection derived. For an entry with no fetched page that text is the longest of
its feed fragments (content, then summary) after extraction, less the lines its source
repeats; when the source repeats none of them it is :func:`feed_text`, which needs nothing
but the entry. So the parse worker, which already has the entry on the other core,
computes the features of that text and sends them back keyed by
:func:`~monitor.projections.feature_cache.feature_key`; the projection takes them only
when its own inputs give the same key, and otherwise computes as before.

The worker remembers the entries it has prepared (:class:`Seen`): a feed's unchanged
entries come back every poll and are skipped.
"""

from __future__ import annotations

import functools
from collections import OrderedDict
from collections.abc import Sequence

from monitor.polling.identity import EntryFacts
from monitor.polling.parse_worker import AlongParse
from monitor.polling.parser import ParsedEntry
from monitor.projections.article_features import ArticleFeatures, article_features
from monitor.projections.feature_cache import FeatureCache, feature_key
from monitor.text.extract import ArticleMarkup, finish_fragment, prepare_article

SEEN = 1 << 16
"""Entries the worker remembers having prepared (a few polls of every feed)."""

Ahead = list[tuple[bytes, ArticleFeatures]]


def feed_text(entry: ParsedEntry) -> str:
    """The text the articles projection derives from the entry's own markup when no page
    was fetched and its source has no repeated lines (see
    :func:`monitor.projections.articles.finish_article`)."""
    fragments = tuple(f for f in (entry.content_html, entry.summary_html) if f is not None)
    prepared = prepare_article(ArticleMarkup(fragments))
    return max((finish_fragment(f) for f in prepared.fragments), key=len, default="")


class Seen:
    """A bounded memory of the entries already prepared (oldest forgotten first)."""

    def __init__(self, capacity: int = SEEN) -> None:
        self.capacity = capacity
        self._keys: OrderedDict[tuple[str, str, str, str | None], None] = OrderedDict()

    def first_time(self, key: tuple[str, str, str, str | None]) -> bool:
        """Whether ``key`` is new (it is remembered from now on)."""
        if key in self._keys:
            self._keys.move_to_end(key)
            return False
        self._keys[key] = None
        if len(self._keys) > self.capacity:
            self._keys.popitem(last=False)
        return True


_seen = Seen()


def features_ahead(facts: Sequence[EntryFacts], source: str, seen: Seen = _seen) -> Ahead:
    """(key, features) of each entry not prepared before whose text is not empty."""
    found: Ahead = []
    for fact in facts:
        entry = fact.entry
        if not seen.first_time((source, fact.key, fact.digest, entry.link)):
            continue
        text = feed_text(entry)
        if text.strip():
            features = article_features(entry.title, text, source, entry.link)
            found.append((feature_key(entry.title, text, source, entry.link), features))
    return found


def keep(cache: FeatureCache, ahead: Ahead) -> None:
    """Put what :func:`features_ahead` computed into the daemon's cache."""
    for key, features in ahead:
        cache.put(key, features)


def features_along(cache: FeatureCache) -> AlongParse:
    """The parse worker's extra work for a poll: features of new entries, into ``cache``."""
    return AlongParse(compute=features_ahead, receive=functools.partial(keep, cache))
