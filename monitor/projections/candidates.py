"""The active stories kept ready for shortlisting: arrays instead of a scan per article.

Every article asks "which active stories may I join, and which of them share the most text
with me". Answered from scratch, that is a pass over every active story per article in
Python (gather, sort by id, filter by time, concatenate their term arrays), so the cost of
an article grows with the number of active stories. A :class:`CandidatePool` answers it
from arrays built once for many articles (and, through the state cache, many batches):

- each story's first and last event time (integer microseconds) and opinion flag, in story
  id order, so the time window and the opinion rule are one vectorised mask;
- every story's shortlist term arrays concatenated and indexed by hash, so an article's
  cheap text score against every story touches only the entries that share its terms.

Stories the engine writes meanwhile (grown, founded, taken over) sit in a small overlay
scored directly, until the pool is compacted. The answer is exactly the one the scan gives:
a story's score is summed over its own entries in its own order (as
:func:`~monitor.projections.shortlist.text_scores` sums them), rounded the same way, and
ranked by (score, story id) the same way. The pool holds ids, times and arrays, not the
summaries: the caller looks the few shortlisted stories up in its state.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Protocol

import numpy as np
import numpy.typing as npt

from monitor.projections.shortlist import TermArrays, text_scores

_MICRO = timedelta(microseconds=1)
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_NAIVE_EPOCH = datetime(1970, 1, 1)
MAX_OVERLAY = 64
"""Stories written since the last compaction past which the pool is compacted."""


class PooledStory(Protocol):
    """What the pool needs of a story summary."""

    @property
    def story_id(self) -> str:
        """The story's id (candidates are ranked by it on equal scores)."""
        ...

    @property
    def first_event_time(self) -> datetime:
        """Its earliest event time."""
        ...

    @property
    def last_event_time(self) -> datetime:
        """Its latest event time."""
        ...

    @property
    def term_arrays(self) -> TermArrays:
        """Its shortlist term arrays (sorted hashes, weights)."""
        ...

    @property
    def is_opinion(self) -> bool:
        """Founded by an opinion piece (never a candidate)."""
        ...


def micros(moment: datetime) -> int:
    """A moment as integer microseconds since the epoch (exact, unlike a float timestamp)."""
    return (moment - (_EPOCH if moment.tzinfo is not None else _NAIVE_EPOCH)) // _MICRO


@dataclass(frozen=True)
class Entry:
    """One story as the pool keeps it."""

    story_id: str
    first: int
    last: int
    opinion: bool
    arrays: TermArrays

    @classmethod
    def of(cls, story: PooledStory) -> Entry:
        """The entry of a story summary."""
        return cls(
            story.story_id,
            micros(story.first_event_time),
            micros(story.last_event_time),
            story.is_opinion,
            story.term_arrays,
        )


class CandidatePool:
    """Every story that ended at or after ``floor``, as arrays (see the module docstring)."""

    def __init__(self, stories: Sequence[PooledStory], floor: datetime) -> None:
        self.floor = micros(floor)
        self._build([Entry.of(s) for s in stories])

    def _build(self, entries: list[Entry]) -> None:
        base = sorted(entries, key=lambda e: e.story_id)
        self.ids = [e.story_id for e in base]
        self.slot = {e.story_id: i for i, e in enumerate(base)}
        self.arrays = [e.arrays for e in base]
        count = len(base)
        self.first = np.fromiter((e.first for e in base), np.int64, count)
        self.last = np.fromiter((e.last for e in base), np.int64, count)
        self.opinion = np.fromiter((e.opinion for e in base), np.bool_, count)
        self.live = ~self.opinion
        lengths = np.fromiter((a[0].size for a in self.arrays), np.int64, count)
        if count and int(lengths.sum()):
            hashes = np.concatenate([a[0] for a in self.arrays])
            self.values = np.concatenate([a[1] for a in self.arrays])
        else:
            hashes = np.zeros(0, np.uint64)
            self.values = np.zeros(0, np.float64)
        self.owner = np.repeat(np.arange(count, dtype=np.int32), lengths)
        self.by_hash = np.argsort(hashes, kind="stable").astype(np.int32)
        self.sorted_hashes = hashes[self.by_hash]
        self.overlay: dict[str, Entry] = {}
        self.asked: int | None = None  # the earliest window start asked since the build

    def covers(self, since: datetime) -> bool:
        """Whether every story active since ``since`` is in the pool."""
        return micros(since) >= self.floor

    def put(self, story: PooledStory) -> None:
        """A story the engine wrote (grown, founded or taken over)."""
        self.overlay[story.story_id] = Entry.of(story)
        at = self.slot.get(story.story_id)
        if at is not None:
            self.live[at] = False  # the overlay's version counts, not the built one
        if len(self.overlay) > MAX_OVERLAY:
            self._compact()

    def _compact(self) -> None:
        """Fold the overlay into the arrays; forget stories that ended before every window
        asked for since the last build (a window starting earlier rebuilds from the state)."""
        if self.asked is not None and self.asked > self.floor:
            self.floor = self.asked
        kept = [
            Entry(self.ids[i], int(self.first[i]), int(self.last[i]), False, self.arrays[i])
            for i in np.flatnonzero(self.live & (self.last >= self.floor)).tolist()
        ]
        fresh = [e for e in self.overlay.values() if e.last >= self.floor]
        self._build(kept + fresh)

    def shortlist(
        self, moment: datetime, window: timedelta, size: int, mine: Callable[[], TermArrays]
    ) -> list[str]:
        """Ids of the ``size`` candidates (active since ``moment - window``, starting no
        later than ``moment + window``, not an opinion piece's) with the best cheap text
        scores against the article's arrays (``mine``, asked only when needed), ties by id;
        every candidate, in id order, when there are no more than ``size``."""
        since, until = micros(moment - window), micros(moment + window)
        if self.asked is None or since < self.asked:
            self.asked = since
        slots = np.flatnonzero(self.live & (self.last >= since) & (self.first <= until)).tolist()
        extra = [
            e
            for _, e in sorted(self.overlay.items())
            if not e.opinion and e.last >= since and e.first <= until
        ]
        if len(slots) + len(extra) <= size:
            return sorted([self.ids[i] for i in slots] + [e.story_id for e in extra])
        article = mine()
        ranked: list[tuple[float, str]] = []
        if slots:
            scores = np.round(self._scores(article), 9)[slots]
            for i in np.argsort(-scores, kind="stable")[:size].tolist():
                ranked.append((-float(scores[i]), self.ids[slots[i]]))
        if extra:
            found = np.round(text_scores(article, [e.arrays for e in extra]), 9)
            ranked.extend((-float(v), e.story_id) for v, e in zip(found, extra, strict=True))
        ranked.sort()
        return [story_id for _, story_id in ranked[:size]]

    def _scores(self, article: TermArrays) -> npt.NDArray[np.float64]:
        """:func:`~monitor.projections.shortlist.text_scores` of the article against every
        built story: only the entries sharing a hash with the article are gathered, then
        summed per story in the order the concatenation holds them."""
        count = len(self.ids)
        a_hash, a_val = article
        if a_hash.size == 0 or self.sorted_hashes.size == 0:
            return np.zeros(count)
        # A hash the article holds twice weighs as its first occurrence (searchsorted's left).
        unique, first = np.unique(a_hash, return_index=True)
        lo = np.searchsorted(self.sorted_hashes, unique, side="left")
        hi = np.searchsorted(self.sorted_hashes, unique, side="right")
        counts = hi - lo
        total = int(counts.sum())
        if not total:
            return np.zeros(count)
        within = np.arange(total) - np.repeat(np.cumsum(counts) - counts, counts)
        found = self.by_hash[np.repeat(lo, counts) + within]
        order = np.argsort(found, kind="stable")  # back to the concatenation's order
        at, weight = found[order], np.repeat(a_val[first], counts)[order]
        found = np.bincount(self.owner[at], weights=self.values[at] * weight, minlength=count)
        return found.astype(np.float64)
