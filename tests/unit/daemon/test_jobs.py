"""The daemon's periodic jobs: each runs at once and then at its interval, marks itself busy
while it runs, survives its own failures, runs again on demand unless running, and is
waited for (then cancelled) at shutdown."""

from __future__ import annotations

import asyncio
import threading
from typing import cast

from monitor.daemon.app import App
from monitor.daemon.jobs import Job, Jobs
from monitor.daemon.settings import ServiceSettings
from monitor.daemon.state import DaemonState
from monitor.daemon.stuck import busy_threads


def _state() -> DaemonState:
    return DaemonState(app=cast(App, None), worker="test:1", settings=ServiceSettings())


def test_a_job_runs_at_once_and_is_busy_only_while_it_runs() -> None:
    state = _state()
    seen: list[bool] = []

    async def work() -> None:
        seen.append("tick" in state.busy)

    async def main() -> None:
        jobs = Jobs(state)
        jobs.start([Job("tick", work, every=3600.0)])
        assert jobs.started and jobs.running
        for _ in range(100):
            if seen:
                break
            await asyncio.sleep(0.01)
        jobs.stop()

    asyncio.run(main())
    assert seen == [True]
    assert "tick" not in state.busy


def test_a_failing_job_is_logged_and_left_for_its_next_tick() -> None:
    state = _state()
    runs: list[int] = []

    async def broken() -> None:
        runs.append(1)
        raise RuntimeError("boom")

    async def main() -> None:
        jobs = Jobs(state)
        jobs.start([Job("broken", broken, every=3600.0)])
        for _ in range(100):
            if runs and "broken" not in state.busy:
                break
            await asyncio.sleep(0.01)
        jobs.run_now("broken")  # the scheduler still holds it
        for _ in range(100):
            if len(runs) == 2:
                break
            await asyncio.sleep(0.01)
        jobs.stop()

    asyncio.run(main())
    assert len(runs) == 2


def test_the_shutdown_ends_the_runs_still_in_progress_within_the_grace_period() -> None:
    state = _state()
    started = asyncio.Event()
    finished: list[bool] = []

    async def slow() -> None:
        started.set()
        await asyncio.sleep(3600)
        finished.append(True)

    async def main() -> int:
        jobs = Jobs(state)
        jobs.start([Job("slow", slow, every=3600.0)])
        await asyncio.wait_for(started.wait(), 5)
        state.stopping.set()
        jobs.stop()
        return await jobs.finish(0.05)

    assert asyncio.run(main()) <= 1  # cancelled by the scheduler's shutdown or by `finish`
    assert finished == [] and "slow" not in state.busy


def test_a_job_asked_to_run_while_it_runs_is_not_run_twice() -> None:
    state = _state()
    state.busy["tick"] = 0.0
    jobs = Jobs(state)
    jobs.run_now("tick")  # no scheduler is consulted: nothing to do


def test_an_idle_daemon_thread_does_not_count_as_stuck_work() -> None:
    done = threading.Event()
    thread = threading.Thread(target=done.wait, daemon=True)
    thread.start()
    try:
        assert thread not in busy_threads()
    finally:
        done.set()
        thread.join()
