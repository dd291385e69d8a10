"""The projection loop: bring the projections this daemon holds up to the head of the log.

Runs in a daemon thread (a shutdown never waits for a batch: it is rolled back), batch by
batch, each one transaction, stopping between batches on shutdown. One target for all (the
head as it is now), lowered to the checkpoint of every earlier projection wherever that one
runs: later projections read earlier ones' tables.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from sqlalchemy.exc import SQLAlchemyError

from monitor.daemon.loopwatch import in_thread
from monitor.daemon.state import DaemonState
from monitor.events import FigureTracked, FigureUntracked
from monitor.projections.figures import FiguresProjection
from monitor.projector.runner import ProjectionRunner, bounded_targets, checkpoint_positions
from monitor.store.dialects import one_daemon

YIELD_BETWEEN_BATCHES = 0.002  # seconds, on SQLite
BATCH = 500  # events per projection transaction on PostgreSQL
FIGURES = FiguresProjection.name  # folds FigureTracked/FigureUntracked


def batch_for(backlog: int, least: int, most: int) -> int:
    """Events per batch for a projection `backlog` events behind: `least` while it keeps
    up; when it falls behind, a quarter of the backlog, up to `most` — a batch's fixed
    costs (reading state, writing summaries, committing) are then shared by more events,
    and the runner still commits after BATCH_SECONDS, so the write lock is never held long.
    Batch sizes never change what a projection computes."""
    return max(least, min(most, backlog // 4))


class ProjectionLoop:
    """Projects on demand (`wake` reruns a running pass) and on its tick."""

    def __init__(
        self,
        state: DaemonState,
        *,
        owned: Callable[[], frozenset[str]],
        on_applied: Callable[[], None],
    ) -> None:
        self.state = state
        self.owned = owned
        self.on_applied = on_applied
        self.again = False
        self.last_run_at: float | None = None
        self._runners: dict[str, ProjectionRunner] = {}
        self._runners_lock = threading.Lock()

    async def project(self) -> None:
        """Bring every owned projection up to the head of the log; rerun if woken meanwhile."""
        state = self.state
        while True:
            self.again = False
            try:
                applied = await in_thread("project", self.project_all)
            except Exception as exc:
                state.counters.inc("monitor_projection_runs_total", result="error")
                if isinstance(exc, SQLAlchemyError):
                    state.write_failed("projections", exc)
                    return  # retried on the next tick; /readyz says why meanwhile
                raise
            state.write_succeeded("projections")  # each run writes its checkpoints at least
            state.counters.inc("monitor_projection_runs_total", result="ok")
            self.last_run_at = time.monotonic()
            if applied:
                self.on_applied()
            if not self.again or state.stopping.is_set():
                return

    def project_all(self) -> int:
        """Run the projections this process holds (blocking); how many events were applied."""
        app = self.state.app
        owned = self.owned()
        if not owned:
            return 0
        order = [p.name for p in app.projections]
        head = app.log.head()
        with app.engine.connect() as conn:
            positions = checkpoint_positions(conn, order)
        # Runners are kept for one pass at a time (a second, concurrent pass gets its own).
        keep = self._runners_lock.acquire(blocking=False)
        try:
            return self._project(order, owned, head, positions, keep=keep)
        finally:
            if keep:
                self._runners_lock.release()

    def _project(
        self,
        order: list[str],
        owned: frozenset[str],
        head: int,
        positions: dict[str, int],
        *,
        keep: bool,
    ) -> int:
        app = self.state.app
        applied = 0
        sqlite = one_daemon(app.engine)
        least = self.state.settings.sqlite_project_batch if sqlite else BATCH
        most = self.state.settings.sqlite_backlog_batch if sqlite else BATCH
        for name, target in bounded_targets(order, owned, head, positions):
            if positions.get(name, 0) >= target:
                continue  # nothing new for it: no write transaction
            runner = self._runner(name, keep=keep)
            runner.batch_size = batch_for(target - positions.get(name, 0), least, most)
            applied += self._catch_up(runner, target, yield_between=sqlite)
            positions[name] = runner.position()
        return applied

    def _runner(self, name: str, *, keep: bool) -> ProjectionRunner:
        """The runner of one projection, kept from pass to pass (its chunk size with it:
        a fresh runner starts with one-event chunks), anew when the app's projection is."""
        app = self.state.app
        projection = app.projection(name)
        runner = self._runners.get(name) if keep else None
        if runner is None or (runner.projection, runner.engine, runner.log) != (
            projection,
            app.engine,
            app.log,
        ):
            runner = ProjectionRunner(
                app.engine,
                app.log,
                projection,
                stop=self.state.stopping.is_set,
                tick=self._progress,
            )
            if keep:
                self._runners[name] = runner
        return runner

    def _progress(self) -> None:
        self.state.progress("project")

    def _catch_up(self, runner: ProjectionRunner, target: int, *, yield_between: bool) -> int:
        applied = 0
        while not self.state.stopping.is_set():
            done = runner.run_once(target)
            applied += done
            self._progress()
            if yield_between:  # let writers queued behind this batch (poll commits) go first
                time.sleep(YIELD_BETWEEN_BATCHES)
            if done < runner.batch_size and not runner.cut_short:
                break
        return applied

    def await_figure_definitions(self, *, drive: bool) -> None:
        """Let the figures projection fold FigureTracked/FigureUntracked events already in the log.

        `sync_figures` compares the config with the figures read model; a peer that synced
        just before us may have recorded the same definitions in the log only, and each
        daemon would record them again. Bounded: a stuck projection delays start, no more.
        With `drive`, this process runs the projections it holds meanwhile (at start, before
        its project job exists).
        """
        deadline = time.monotonic() + self.state.settings.figure_sync_wait
        while self._unfolded_figure_definitions() and time.monotonic() < deadline:
            if drive:
                self.project_all()
            time.sleep(0.1)

    def _unfolded_figure_definitions(self) -> int:
        app = self.state.app
        with app.engine.connect() as conn:
            folded = checkpoint_positions(conn, [FIGURES])[FIGURES]
            types = [FigureTracked.TYPE, FigureUntracked.TYPE]
            return app.log.backlog(folded, conn, types=types).events
