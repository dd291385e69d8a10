"""The daemon's cadences and limits (the `run` command's `--tick` lowers the poll and delivery ones)."""

from __future__ import annotations

from dataclasses import dataclass

from monitor.daemon.health import LAG_LIMIT_SECONDS


@dataclass(frozen=True)
class ServiceSettings:
    """Cadences and limits of the working loop."""

    # How often due feeds are looked up at the latest; a poll that ends, a feed that falls
    # due and a reload look at once (each feed has its own schedule).
    poll_tick: float = 5.0
    project_tick: float = 1.0  # projections also wake right after every poll that appended
    # Events per projection transaction on SQLite: small enough that a batch never holds
    # the write lock for long (poll commits wait for it). PostgreSQL takes the runner's own.
    sqlite_project_batch: int = 50
    # ... growing, when a projection has fallen behind, to this many (see projector.batch_for).
    sqlite_backlog_batch: int = 400
    deliver_tick: float = 5.0  # the first retry of a failed delivery is due after ~5 s
    shutdown_grace: float = 8.0  # in-flight polls get this long on SIGTERM (systemd waits 10 s)
    # Heartbeat, projection lock takeover and renewal of the leases of running polls.
    coordinate_tick: float = 2.0
    # A feed lease outlives several missed renewals; a dead daemon's feeds wait this long.
    lease_seconds: float = 12.0
    # A host that is full of other processes' requests is looked at again this often.
    busy_host_retry: float = 0.25
    forget_after: float = 86400.0  # registry records of daemons silent this long are dropped
    figure_sync_wait: float = 15.0  # see Reloader.await_figure_definitions
    stall_limit: float = 120.0  # a job without progress this long withholds the watchdog
    lag_limit: float = LAG_LIMIT_SECONDS
    # `monitor run` only: end the process at once after shutdown when worker threads are
    # still blocked (on a write lock held by work being rolled back), instead of joining them.
    exit_when_stuck: bool = False
    stop_deadline: float = 8.5  # seconds from SIGTERM to exit, systemd allowing 10
