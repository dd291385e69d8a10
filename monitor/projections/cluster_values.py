"""The stories engine's values: an article as handed in, where it went, what the state keeps
per article and per story, and the engine's tuning (frozen dataclasses, no I/O)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import cached_property

from monitor.projections.shortlist import TermArrays, term_arrays
from monitor.projections.story_model import StoryModel, default_model
from monitor.projections.story_signals import (
    CORE_BODY,
    FLAG,
    KEY,
    OPINION_FLAG,
    StorySignals,
    story_signals,
)
from monitor.projections.vectors import Centroid, Fields, flatten, group_fields, unit_parts
from monitor.text.terms import BODY, TITLE


@dataclass(frozen=True)
class ArticleDoc:
    """One article as the stories projection hands it to the engine."""

    article_id: str
    source: str
    title: str
    text: str
    published_at: datetime | None
    seen_at: datetime
    link: str | None = None
    """The article's link (read only to tell an opinion section)."""


@dataclass(frozen=True)
class Assignment:
    """Where an article went: its story, the original it copies, and the time used."""

    story_id: str
    copy_of: str | None
    is_new_story: bool
    event_time: datetime
    similarity: float
    displaced: str | None = None
    """The former original this article took over from (it and its copies now copy this one)."""


@dataclass(frozen=True)
class ArticleRecord:
    """What the state keeps per article: enough to confirm copies and follow them home."""

    article_id: str
    story_id: str
    event_time: datetime
    seen_at: datetime
    copy_of: str | None
    shingles: bytes


@dataclass(frozen=True)
class StorySummary:
    """A story as the engine sees it: time span, size and a capped TF-IDF centroid."""

    story_id: str
    first_event_time: datetime
    last_event_time: datetime
    size: int
    centroid: Centroid

    @cached_property
    def raw_fields(self) -> Fields:
        """The centroid split by field, weights as summed (derived, cached)."""
        return group_fields(self.centroid)

    @cached_property
    def unit_fields(self) -> Fields:
        """The centroid split by field, each part scaled to unit length (derived, cached)."""
        return unit_parts(self.raw_fields)

    @cached_property
    def signals(self) -> StorySignals:
        """Key names, names, numbers and event kinds of the story (derived, cached)."""
        # The summed key-name weights are the raw KEY field: no need to copy the centroid.
        return story_signals(self.unit_fields, self.raw_fields.get(KEY))

    @cached_property
    def term_arrays(self) -> TermArrays:
        """Hashed title/body/entity terms for the vectorised shortlist (derived, cached)."""
        return term_arrays(self.unit_fields)

    @cached_property
    def is_opinion(self) -> bool:
        """Founded by an opinion piece: never offered to other articles."""
        return OPINION_FLAG in self.unit_fields.get(FLAG, ())

    @cached_property
    def as_body(self) -> tuple[dict[str, float], dict[str, float]]:
        """The unit headline words and core body words keyed as body terms, to be looked up
        in an article's body vector (derived, cached)."""
        unit = self.unit_fields
        return _as_body(unit.get(TITLE)), _as_body(unit.get(CORE_BODY))


def _as_body(part: Mapping[str, float] | None) -> dict[str, float]:
    return {BODY + t[2:]: w for t, w in part.items()} if part else {}


@dataclass(frozen=True)
class ClusterParams:
    """Tuning of the engine; defaults were chosen on tests/data/stories (see bench/stories.py).

    - ``copy_containment``: share of the smaller text's 5-word shingles that must occur in
      the other. Re-posts and trimmed syndication score 0.9-1.0; separate write-ups of one
      event, even quoting the same statement, stay below 0.3. 0.6 sits well between.
    - ``copy_min_shingles``: texts shorter than this are never called copies (a one-line
      brief is contained in too many articles).
    - ``max_copy_candidates``: LSH candidates verified per article, most band hits first.
    - ``prefilter_weights``: weight of the title, body and entity cosines in the cheap score
      that shortlists candidate stories for the fitted scorer.
    - ``shortlist``: candidates scored by the model, best cheap scores first.
    - ``model``: the fitted pair scorer (:mod:`monitor.projections.story_scorer`); an
      article joins the most probable candidate when its probability reaches the threshold,
      or gets its second chance (:func:`~.join_routes.second_chance`).
    - ``idle_window``: a story whose span is further than this from the article is neither
      fetched nor joined by the model (copies still reach it through their original).
    - ``late_window``: a story idle longer than ``idle_window`` but at most this is still
      offered to an article that joined nothing nearer, and taken only by the late
      follow-up route (:func:`~.join_routes.late_route`: a later phase of the story's
      incident at its own city or with its founding names, days on). No longer than
      ``idle_window``: no late route.
    - ``centroid_terms_per_field``: cap on centroid terms per field (bounded summaries).
    - ``max_backdate``: a claimed ``published_at`` earlier than ``seen_at`` by at most this
      much is trusted as the event time; a later or much earlier claim is ignored.
    - ``same_sighting``: an article seen at most this long after the original it copies, but
      claiming an earlier publication, becomes the original (arrival order within one poll
      is an accident); a copy seen later than this never takes over, whatever it claims.
    """

    copy_containment: float = 0.6
    copy_min_shingles: int = 20
    max_copy_candidates: int = 24
    prefilter_weights: tuple[float, float, float] = (0.2, 0.4, 0.4)
    shortlist: int = 8
    model: StoryModel = field(default_factory=default_model)
    idle_window: timedelta = timedelta(days=3)
    late_window: timedelta = timedelta(days=10)
    centroid_terms_per_field: int = 40
    max_backdate: timedelta = timedelta(days=7)
    same_sighting: timedelta = timedelta(hours=1)


def story_id_for(article_id: str) -> str:
    """Deterministic id of the story an article founds."""
    return f"s-{article_id}"


def event_time_of(doc: ArticleDoc, max_backdate: timedelta) -> datetime:
    """The claimed date when it is plausibly earlier than first sight, else first sight."""
    claimed = doc.published_at
    if claimed is not None and doc.seen_at - max_backdate <= claimed <= doc.seen_at:
        return claimed
    return doc.seen_at


def summary_from(
    story_id: str,
    span: tuple[datetime, datetime],
    size: int,
    grouped: Fields,
    before: StorySummary | None = None,
) -> StorySummary:
    """The summary of a centroid grouped by field (:func:`merge_grouped`), its derived
    field split filled in at once: unit vectors of the fields unchanged since ``before``
    (the same dicts) are ``before``'s own, the others are scaled anew."""
    story = StorySummary(story_id, span[0], span[1], size, flatten(grouped))
    known = before.__dict__.get("unit_fields") if before is not None else None
    if known is None or before is None:
        unit = unit_parts(grouped)
    else:
        old = before.raw_fields
        unit = {
            prefix: known[prefix] if old.get(prefix) is part else unit_parts({prefix: part})[prefix]
            for prefix, part in grouped.items()
        }
    # Equal to what the cached properties would compute from the centroid.
    story.__dict__["raw_fields"] = grouped
    story.__dict__["unit_fields"] = unit
    return story


def time_gap(moment: datetime, story: StorySummary) -> timedelta:
    """Distance from ``moment`` to the story's span (zero inside it)."""
    if moment < story.first_event_time:
        return story.first_event_time - moment
    if moment > story.last_event_time:
        return moment - story.last_event_time
    return timedelta(0)
