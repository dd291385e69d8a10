"""A delivery worker for the crash test: loops `deliver_due` on one database until it is killed.

Usage: python -m tests.e2e.delivery_worker DATABASE_URL WEBHOOK_URL SECRET
"""

from __future__ import annotations

import asyncio
import os
import sys

from monitor import config as config_mod
from monitor.alerts.channels import WebhookChannel
from monitor.alerts.deliverer import DeliveryPolicy, deliver_due
from monitor.daemon.bootstrap import open_app

# One attempt in flight at a time and short claims: a kill leaves at most one unacknowledged
# attempt, and the restarted worker may retry it after a couple of seconds.
POLICY = DeliveryPolicy(batch=1, lease_margin=0.5)
POLL_INTERVAL = 0.05


async def work(database_url: str, webhook_url: str, secret: str) -> None:
    """Deliver whatever is due, every POLL_INTERVAL seconds, forever."""
    app = open_app(config_mod.build({"database_url": database_url}, environ={}))
    channel = WebhookChannel(webhook_url, secret, timeout=1.0)
    worker_id = f"worker-{os.getpid()}"
    while True:
        await deliver_due(app, worker_id=worker_id, channels=[channel], policy=POLICY)
        await asyncio.sleep(POLL_INTERVAL)


if __name__ == "__main__":
    asyncio.run(work(*sys.argv[1:4]))
