"""What a poll starts from and what it reports: frozen values shared by the poller, the
claims that hand it feeds and the faces that show its outcome."""

from __future__ import annotations

from dataclasses import dataclass, field

from monitor.polling.fetcher import Validators


@dataclass(frozen=True)
class FeedToPoll:
    """What the poller needs to know about a feed."""

    url: str
    source: str | None  # the feed's name or known title; None until the feed names itself
    interval: float
    consecutive_failures: int = 0
    status: str = "new"
    validators: Validators = field(default_factory=Validators)


@dataclass(frozen=True)
class PollReport:
    """What one poll did (for the progress display, logs and tests)."""

    url: str
    outcome: str  # new | unchanged | not_modified | failed | gone | unrecorded (write failed)
    new: int = 0
    revised: int = 0
    reason: str | None = None
    error: str | None = None
