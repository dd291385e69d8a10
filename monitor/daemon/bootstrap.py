"""The one place that wires concrete classes together."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, make_url
from sqlalchemy.exc import ArgumentError

from monitor.config import Config, ConfigError, masked
from monitor.projector.runner import Progress, Projection, ProjectionRunner
from monitor.redact import mask_text
from monitor.store import locks, migrations
from monitor.store.db import StoreError, check_reachable, make_engine
from monitor.store.eventlog import SqlEventLog

if TYPE_CHECKING:
    from monitor.alerts.channels import Channel
    from monitor.daemon.delivery import DeliveryLoop
    from monitor.daemon.membership import Membership
    from monitor.daemon.notify import Notifier
    from monitor.daemon.polls import PollWorkers
    from monitor.daemon.projector import ProjectionLoop
    from monitor.daemon.reload import Reloader
    from monitor.daemon.state import DaemonState
    from monitor.daemon.watchdog import Watchdog
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


def _refuse_missing_sqlite_file(url: str) -> None:
    """Read commands never create a database: a missing SQLite file means no data yet."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        return  # make_engine names the problem
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return
    path = Path(parsed.database).expanduser()
    if not path.exists():
        raise StoreError(f"no data yet: {path} does not exist; {migrations.NO_DATA_HINT}")


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


def open_app(config: Config, *, upgrade: bool = False, source: str | None = None) -> App:
    """Connect, then upgrade the schema (daemon, poll) or insist it is current (read commands).

    With `upgrade` (the daemon, `poll`: what delivers alerts) alert channels are built first:
    a bad channel setting is a configuration error at start (exit 78), never a surprise at
    the first alert. Read commands build them only if they use them.
    """
    channels = build_channels(config) if upgrade else None
    if not upgrade:
        _refuse_missing_sqlite_file(config.database_url)
    engine = make_engine(config.database_url)
    check_reachable(engine)
    if upgrade:
        # Several daemons starting at once on one PostgreSQL: one migrates, the others wait.
        with locks.exclusive(engine, "migrations"):
            migrations.upgrade(engine)
    else:
        migrations.check_current(engine)
    app = App(config=config, engine=engine, log=SqlEventLog(engine), source=source)
    if channels is not None:
        app.__dict__["channels"] = channels  # the cached_property's slot
    return app


@dataclass(frozen=True)
class DaemonParts:
    """The daemon's parts, one job each (see `monitor.daemon.service`)."""

    membership: Membership
    polls: PollWorkers
    projector: ProjectionLoop
    delivery: DeliveryLoop
    watchdog: Watchdog
    reloader: Reloader


def daemon_parts(
    state: DaemonState,
    notifier: Notifier,
    *,
    config_path: str | None,
    wake: Callable[[str], None],
    running: Callable[[], bool],
) -> DaemonParts:
    """Wire the daemon's parts on one shared state; `wake(job)` runs a job now."""
    from monitor.daemon.delivery import DeliveryLoop
    from monitor.daemon.membership import Membership
    from monitor.daemon.polls import PollWorkers
    from monitor.daemon.projector import ProjectionLoop
    from monitor.daemon.reload import Reloader
    from monitor.daemon.watchdog import Probes, Watchdog

    polls = PollWorkers(state, on_polled=lambda: wake("project"))
    membership = Membership(
        state,
        polling=lambda: polls.in_flight,
        renew_slots=polls.renew_slots,
        on_takeover=lambda: wake("project"),
    )
    projector = ProjectionLoop(
        state, owned=membership.owned_projections, on_applied=lambda: wake("deliver")
    )
    probes = Probes(
        running=running,
        polls_in_flight=lambda: len(polls.in_flight),
        owned_projections=membership.owned_projections,
        last_poll_at=lambda: polls.last_poll_at,
        last_projection_at=lambda: projector.last_run_at,
    )
    watchdog = Watchdog(state, notifier, probes)

    async def new_app(app: App) -> None:
        await polls.open()

    reloader = Reloader(
        state,
        notifier,
        config_path=config_path,
        await_figures=projector.await_figure_definitions,
        on_new_app=new_app,
        status=watchdog.status_line,
        wake=wake,
    )
    return DaemonParts(membership, polls, projector, DeliveryLoop(state), watchdog, reloader)
