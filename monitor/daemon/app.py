"""The App value: the configuration, the database and the event log, with the projections
and alert channels they imply. `bootstrap.open_app` builds one; every command and the
daemon's parts consume it (they never import `bootstrap`, which wires them).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from sqlalchemy import Engine

from monitor.config import Config, ConfigError, masked
from monitor.projector.runner import Progress, Projection, ProjectionRunner
from monitor.redact import mask_text
from monitor.store.eventlog import SqlEventLog

if TYPE_CHECKING:
    from monitor.alerts.channels import Channel
    from monitor.projections.feature_cache import FeatureCache

ProjectionFactory = Callable[["App"], Projection]


# Features register their projections here, in dependency order (later ones may read earlier
# ones' tables within the same cycle). Each factory imports its feature when the projections
# are first needed, so read-only commands do not load the text pipeline.
def _stats(app: App) -> Projection:
    from monitor.projections.stats import EventStats

    return EventStats()


def _feeds(app: App) -> Projection:
    from monitor.projections.feeds import FeedsProjection

    return FeedsProjection()


def _articles(app: App) -> Projection:
    from monitor.projections.articles import ArticlesProjection

    return ArticlesProjection()


def _stories(app: App) -> Projection:
    from monitor.projections.stories import StoriesProjection

    return StoriesProjection(ahead=app.features_ahead)


def _figures(app: App) -> Projection:
    # figures reads story_articles (copy marks): keep it after the "stories" projection.
    from monitor.projections.figures import FiguresProjection

    return FiguresProjection(app.log)


def _outbox(app: App) -> Projection:
    # outbox folds the AlertRaised events figures appends: last, so a cycle delivers at once.
    from monitor.alerts.outbox import OutboxProjection

    return OutboxProjection()


PROJECTIONS: list[ProjectionFactory] = [_stats, _feeds, _articles, _stories, _figures, _outbox]


@dataclass
class App:
    """Everything a command or the daemon needs, built from one Config."""

    config: Config
    engine: Engine
    log: SqlEventLog
    _projections: list[Projection] = field(default_factory=list)
    # The config file `config` was read from (None: no file, defaults and environment only).
    source: str | None = None

    @property
    def projections(self) -> list[Projection]:
        """The projections in the order they run."""
        if not self._projections:
            self._projections = [factory(self) for factory in PROJECTIONS]
        return self._projections

    @cached_property
    def features_ahead(self) -> FeatureCache:
        """Story features the daemon's parse worker computed for new entries, until the
        stories projection takes them (`monitor.projections.feature_cache`)."""
        from monitor.projections.feature_cache import FeatureCache

        return FeatureCache()

    @cached_property
    def channels(self) -> list[Channel]:
        """The configured alert channels (ConfigError naming the bad setting: exit 78)."""
        return build_channels(self.config)

    def projection(self, name: str) -> Projection:
        """One projection by name (KeyError naming the known ones)."""
        for p in self.projections:
            if p.name == name:
                return p
        known = ", ".join(p.name for p in self.projections) or "none"
        raise KeyError(f"unknown projection {name!r} (known: {known})")

    def runner(self, projection: Projection) -> ProjectionRunner:
        """A runner for one projection."""
        return ProjectionRunner(self.engine, self.log, projection)

    def project(self, progress: Progress | None = None) -> dict[str, int]:
        """Bring every projection, in order, up to the head of the log as it is now."""
        head = self.log.head()
        return {p.name: self.runner(p).catch_up(progress, until=head) for p in self.projections}

    def close(self) -> None:
        """Release database connections."""
        self.engine.dispose()


def build_channels(config: Config) -> list[Channel]:
    """The alert channels of `config`; ConfigError names the bad setting (exit 78)."""
    from monitor.alerts.channels import ChannelConfigError, channels_from_config

    try:
        return channels_from_config(config.alerts.model_dump(mode="json", by_alias=True))
    except ChannelConfigError as exc:
        setting, _, reason = str(exc).partition(": ")
        raise ConfigError(setting, _alerts_entry(config, setting), mask_text(reason)) from exc


def _alerts_entry(config: Config, setting: str) -> object:
    """The `[[alerts.X]]` entry a channel error names (secrets masked), for the error message."""
    found = re.match(r"alerts\.(\w+)\[(\d+)\]", setting)
    if found is None:
        return None
    entries = masked(config)["alerts"].get(found[1]) or []
    index = int(found[2])
    return entries[index] if index < len(entries) else None
