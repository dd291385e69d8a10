"""Which parsed entries of a feed are new, revised or unchanged: pure, no I/O.

The poller reads what it stored about each entry (`Known`) and asks `decide_all` which
entries become article events and under which article id.
"""

from __future__ import annotations

from dataclasses import dataclass

from monitor.events import deterministic_id
from monitor.polling.identity import EntryFacts, classify_entry
from monitor.polling.parser import ParsedEntry


@dataclass(frozen=True)
class Known:
    """What the feed_entries table holds about one entry of a feed."""

    article_id: str
    content_hash: str
    text_sample: str
    generation: int


@dataclass(frozen=True)
class Decision:
    """An entry that becomes an ArticleObserved (`new`) or ArticleRevised (`revised`)."""

    entry: ParsedEntry
    key: str
    article_id: str
    kind: str  # new | revised
    content_hash: str
    text: str
    generation: int


def decide_all(feed_url: str, entries: list[EntryFacts], known: dict[str, Known]) -> list[Decision]:
    """The entries that changed, in the feed's order."""
    decided = (decide(feed_url, f, known) for f in entries)
    return [d for d in decided if d is not None]


def decide(feed_url: str, facts: EntryFacts, known: dict[str, Known]) -> Decision | None:
    """None for an unchanged entry; a reused key (new text under an old key) is a new article."""
    entry, key, text, digest = facts.entry, facts.key, facts.text, facts.digest
    prior = known.get(key)
    kind = classify_entry(
        prior.text_sample if prior else None,
        prior.content_hash if prior else None,
        text,
        digest,
    )
    if kind == "unchanged":
        return None
    generation = 0 if prior is None else prior.generation + (1 if kind == "reused" else 0)
    article_id = (
        prior.article_id
        if prior is not None and kind == "revised"
        else deterministic_id("article", feed_url, key, str(generation))
    )
    return Decision(
        entry=entry,
        key=key,
        article_id=article_id,
        kind="revised" if kind == "revised" else "new",
        content_hash=digest,
        text=text,
        generation=generation,
    )
