"""The event vocabulary: everything that happened, in past tense."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from monitor.events.base import Event, register, upcaster


def may_undeclare(declared_by: str | None, loaded: str | None) -> bool:
    """May a run that loaded config file `loaded` remove an item declared by `declared_by`?

    Only the file that declared a feed or figure can take it back: a run with no config file
    removes nothing, and a run with another file leaves the first file's items alone. An item
    whose file was never recorded (declared before files were recorded, or by configuration
    not read from a file) is adopted by the first file that is loaded.
    """
    return loaded is not None and declared_by in (None, loaded)


def _iso(t: datetime) -> str:
    return t.isoformat()


# --- feeds -----------------------------------------------------------------


@register
@dataclass(frozen=True)
class FeedAdded(Event):
    """A feed was added (by the CLI, the config file or an OPML import)."""

    TYPE = "FeedAdded"
    VERSION = 3

    url: str
    name: str | None
    interval: float | None
    origin: str
    added_at: datetime
    # The config file that declared it (origin "config"): only a run that loads that same file
    # may remove it. None for the CLI, OPML, and config not read from a file.
    source: str | None = None

    def identity(self) -> str:
        return f"{self.url}|{_iso(self.added_at)}"


@upcaster("FeedAdded", 1)
def _feed_added_v1(payload: dict[str, Any]) -> dict[str, Any]:
    # v1 had no origin: every feed then came from the command line.
    return {**payload, "origin": "cli"}


@upcaster("FeedAdded", 2)
def _feed_added_v2(payload: dict[str, Any]) -> dict[str, Any]:
    # v2 did not record which config file declared a feed.
    return {**payload, "source": None}


@register
@dataclass(frozen=True)
class FeedChanged(Event):
    """A feed's name or interval was changed."""

    TYPE = "FeedChanged"

    url: str
    name: str | None
    interval: float | None
    changed_at: datetime

    def identity(self) -> str:
        return f"{self.url}|{_iso(self.changed_at)}"


@register
@dataclass(frozen=True)
class FeedRemoved(Event):
    """A feed was removed; it is no longer polled."""

    TYPE = "FeedRemoved"

    url: str
    removed_at: datetime

    def identity(self) -> str:
        return f"{self.url}|{_iso(self.removed_at)}"


@register
@dataclass(frozen=True)
class FeedPolled(Event):
    """A poll succeeded (only recorded when it saw something new or the feed recovered)."""

    TYPE = "FeedPolled"

    url: str
    polled_at: datetime
    status: int
    final_url: str
    title: str | None
    entries: int
    new: int
    revised: int
    warnings: tuple[str, ...]

    def identity(self) -> str:
        return f"{self.url}|{_iso(self.polled_at)}"


@register
@dataclass(frozen=True)
class FeedFailed(Event):
    """A poll failed; `reason` is a class (dns, timeout, http_status, ...)."""

    TYPE = "FeedFailed"

    url: str
    failed_at: datetime
    reason: str
    message: str
    status: int | None
    retry_after: float | None
    consecutive_failures: int

    def identity(self) -> str:
        return f"{self.url}|{_iso(self.failed_at)}"


@register
@dataclass(frozen=True)
class FeedMoved(Event):
    """The feed answered with a permanent redirect; it is polled at its new URL from now on."""

    TYPE = "FeedMoved"

    url: str
    new_url: str
    moved_at: datetime

    def identity(self) -> str:
        return f"{self.url}|{self.new_url}|{_iso(self.moved_at)}"


@register
@dataclass(frozen=True)
class FeedGone(Event):
    """The feed answered 410 Gone; polling stopped."""

    TYPE = "FeedGone"

    url: str
    gone_at: datetime
    status: int

    def identity(self) -> str:
        return f"{self.url}|{_iso(self.gone_at)}"


# --- articles --------------------------------------------------------------


@register
@dataclass(frozen=True)
class ArticleObserved(Event):
    """A feed entry was seen for the first time; raw bodies are stored as blobs by hash."""

    TYPE = "ArticleObserved"

    article_id: str
    feed_url: str
    source: str
    entry_key: str
    title: str
    link: str | None
    guid: str | None
    published_at: datetime | None
    seen_at: datetime
    content_hash: str
    summary_ref: str | None
    content_ref: str | None
    page_ref: str | None
    page_url: str | None

    def identity(self) -> str:
        return f"{self.article_id}|{self.content_hash}"


@register
@dataclass(frozen=True)
class ArticleRevised(ArticleObserved):
    """A known entry came back with different text: a revision of the same article."""

    TYPE = "ArticleRevised"


# --- projections -----------------------------------------------------------


@register
@dataclass(frozen=True)
class ProjectionFailed(Event):
    """A projection could not fold the event at `position` and skipped it (that projection only).

    No time in the identity: folding the same log fails the same way, so a replay finds
    the marker already there instead of adding another.
    """

    TYPE = "ProjectionFailed"

    projection: str
    position: int
    failed_event: str  # the skipped event's id
    failed_type: str
    error: str

    def identity(self) -> str:
        return f"{self.projection}|{self.position}|{self.failed_event}"


# --- figures and alerts ----------------------------------------------------


@register
@dataclass(frozen=True)
class FeedPaused(Event):
    """A feed was paused (`paused`) or resumed by the user: a paused feed is not polled."""

    TYPE = "FeedPaused"

    url: str
    paused: bool
    at: datetime

    def identity(self) -> str:
        return f"{self.url}|{self.paused}|{_iso(self.at)}"


@register
@dataclass(frozen=True)
class FigureTracked(Event):
    """A figure from the config was loaded (or its definition changed)."""

    TYPE = "FigureTracked"
    VERSION = 2

    name: str
    label: str
    units: tuple[str, ...]
    context: tuple[str, ...]
    min_change: float
    alert_on_first: bool
    tracked_at: datetime
    # The config file that declared it; only that file, loaded again, may untrack it.
    source: str | None = None
    about: tuple[str, ...] = ()  # optional: one must occur in the claim's clause
    exclude: tuple[str, ...] = ()  # optional: none may occur in the claim's clause

    def identity(self) -> str:
        # The time is part of the identity: going back to an earlier definition is a change too.
        spec = "|".join([self.name, self.label, ",".join(self.units), ",".join(self.context)])
        terms = ""  # only when given, so identities of older events stay what they were
        if self.about or self.exclude:
            terms = f"|{','.join(self.about)}|{','.join(self.exclude)}"
        return f"{spec}|{self.min_change}|{self.alert_on_first}|{_iso(self.tracked_at)}{terms}"


@upcaster("FigureTracked", 1)
def _figure_tracked_v1(payload: dict[str, Any]) -> dict[str, Any]:
    # v1 did not record which config file declared a figure.
    return {**payload, "source": None}


@register
@dataclass(frozen=True)
class FigureUntracked(Event):
    """A figure was removed from the config: no more claims are folded or alerts raised."""

    TYPE = "FigureUntracked"

    name: str
    untracked_at: datetime

    def identity(self) -> str:
        return f"{self.name}|{_iso(self.untracked_at)}"


@register
@dataclass(frozen=True)
class AlertRaised(Event):
    """A tracked figure changed: one alert, carrying everything a channel needs."""

    TYPE = "AlertRaised"

    alert_id: str
    figure: str
    label: str
    previous: dict[str, Any] | None
    current: dict[str, Any]
    direction: str
    story: dict[str, Any]
    raised_at: datetime

    def identity(self) -> str:
        return self.alert_id

    @property
    def event_id(self) -> str:
        return self.alert_id


@register
@dataclass(frozen=True)
class DeliveryRecorded(Event):
    """One delivery attempt of an alert on one channel, and what came of it."""

    TYPE = "DeliveryRecorded"

    alert_id: str
    channel: str
    attempt: int
    state: str
    error: str | None
    at: datetime

    def identity(self) -> str:
        return f"{self.alert_id}|{self.channel}|{self.attempt}"


@register
@dataclass(frozen=True)
class DeliveryScheduled(Event):
    """An alert is to be delivered on one channel (decided once, when the alert was first seen)."""

    TYPE = "DeliveryScheduled"

    alert_id: str
    channel: str
    scheduled_at: datetime

    def identity(self) -> str:
        return f"{self.alert_id}|{self.channel}"
