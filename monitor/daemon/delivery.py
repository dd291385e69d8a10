"""Delivery: schedule newly raised alerts on every channel and attempt the due deliveries."""

from __future__ import annotations

import asyncio
import dataclasses

from monitor.alerts.deliverer import DeliverySummary, deliver_due
from monitor.daemon.loopwatch import in_thread
from monitor.daemon.state import DaemonState
from monitor.logging import get_logger

log = get_logger("daemon")
RESULTS = ("delivered", "retrying", "failed", "dead", "superseded")


class DeliveryLoop:
    """One delivery round per tick, and after every projection run that applied events."""

    def __init__(self, state: DaemonState) -> None:
        self.state = state

    async def deliver(self) -> None:
        """Attempt what is due; count the outcomes."""
        app, worker = self.state.app, self.state.worker
        # Delivery reads and writes the database between sends: it runs on its own loop in a
        # daemon thread, so waiting for the SQLite write lock never blocks this loop.
        summary: DeliverySummary = await in_thread(
            "deliver",
            lambda: asyncio.run(deliver_due(app, worker_id=worker)),
        )
        for result in RESULTS:
            amount = getattr(summary, result)
            if amount:
                self.state.counters.inc("monitor_deliveries_total", amount, result=result)
        if summary.attempted:
            log.info("deliveries attempted", **dataclasses.asdict(summary))
