"""Entry identity and change classification (pure)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass

from monitor.polling.parser import ParsedEntry
from monitor.text.markup import markup_to_text
from monitor.text.normalise import normalise_text, shingles, words

# A reused GUID is told apart from an edit by word 3-shingle overlap, measured as the
# share of the shorter text's shingles found in the other (so a teaser growing into the
# full article still counts as the same article). Edits of real articles keep well over
# half; unrelated stories share almost none; 0.25 leaves a wide margin on both sides.
REVISION_MIN_OVERLAP = 0.25
_SHINGLE = 3
# Texts this short have too few shingles to judge; compare their word sets instead.
_SHORT_TEXT_WORDS = 8
_SHORT_TEXT_MIN_JACCARD = 0.5


def entry_text(e: ParsedEntry) -> str:
    """Title plus the best body the feed carries (content, else summary), normalised."""
    body = markup_to_text(e.content_html) or markup_to_text(e.summary_html)
    # The same text as normalising "title\nbody" whole, without normalising the body twice.
    return "\n".join(part for part in (normalise_text(e.title), body) if part)


def _digest(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def entry_key(e: ParsedEntry) -> str:
    """GUID, else link, else "sha1:" + hash of title and content."""
    if e.guid and e.guid.strip():
        return e.guid.strip()
    if e.link and e.link.strip():
        return e.link.strip()
    return "sha1:" + _digest(entry_text(e))


def content_hash(e: ParsedEntry) -> str:
    """Stable hash of title + best text (content or summary), whitespace-normalised."""
    return _digest(entry_text(e))


@dataclass(frozen=True)
class EntryFacts:
    """An entry with its key, normalised text and content hash, each computed once.

    Nothing caches these across polls (a process-wide cache of entries would hold every
    version of every feed's content): a poll computes them for its own entries and drops
    them when it is done.
    """

    entry: ParsedEntry
    key: str
    text: str
    digest: str


def entry_facts(e: ParsedEntry) -> EntryFacts:
    """Key, text and hash of one entry, with the text normalised only once."""
    text = entry_text(e)
    if e.guid and e.guid.strip():
        key = e.guid.strip()
    elif e.link and e.link.strip():
        key = e.link.strip()
    else:
        key = "sha1:" + _digest(text)
    return EntryFacts(entry=e, key=key, text=text, digest=_digest(text))


def dedupe_facts(entries: Iterable[ParsedEntry]) -> list[EntryFacts]:
    """One entry per key: the one with the longest text wins, ties go to the later one.

    Output keeps the position of each key's first appearance so the order is stable.
    """
    chosen: dict[str, EntryFacts] = {}
    for e in entries:
        facts = entry_facts(e)
        held = chosen.get(facts.key)
        if held is None or len(facts.text) >= len(held.text):
            chosen[facts.key] = facts
    return list(chosen.values())


def dedupe_entries(entries: Iterable[ParsedEntry]) -> list[ParsedEntry]:
    """`dedupe_facts`, entries only."""
    return [f.entry for f in dedupe_facts(entries)]


def similarity(a: str, b: str) -> float:
    """Share of the shorter text's word 3-shingles found in the other (0..1)."""
    wa, wb = words(a), words(b)
    if min(len(wa), len(wb)) < _SHORT_TEXT_WORDS:
        sa, sb = set(wa), set(wb)
        if not sa or not sb:
            return 1.0 if sa == sb else 0.0
        jaccard = len(sa & sb) / len(sa | sb)
        return 1.0 if jaccard >= _SHORT_TEXT_MIN_JACCARD else jaccard
    ha, hb = shingles(wa, _SHINGLE), shingles(wb, _SHINGLE)
    return len(ha & hb) / min(len(ha), len(hb))


def classify_entry(
    previous_text: str | None, previous_hash: str | None, new_text: str, new_hash: str
) -> str:
    """ "new" | "unchanged" | "revised" | "reused" for an entry whose key was seen before or not."""
    if previous_hash is None:
        return "new"
    if previous_hash == new_hash:
        return "unchanged"
    if previous_text is None:
        return "revised"  # nothing to compare: trust the key
    if normalise_text(previous_text) == normalise_text(new_text):
        return "unchanged"
    return "revised" if similarity(previous_text, new_text) >= REVISION_MIN_OVERLAP else "reused"
