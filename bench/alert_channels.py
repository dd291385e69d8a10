"""Alert channel figures: rendering cost and per-attempt latency against loopback servers.

Run: .venv/bin/python bench/alert_channels.py
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import time
from collections.abc import Awaitable, Callable
from contextlib import ExitStack
from datetime import UTC, datetime, timedelta
from pathlib import Path

# The loopback servers live with the tests; the script runs from bench/, outside that path.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from monitor.alerts.channels import AppriseChannel, EmailChannel, Outcome, WebhookChannel
from monitor.alerts.channels.email import build_email
from monitor.alerts.channels.webhook import encode_body
from monitor.alerts.retry import next_attempt_delay
from tests.support.smtp_server import run_smtp_server
from tests.support.webhook_receiver import JsonReceiver, WebhookReceiver, new_secret
from tests.unit.alerts.alert_samples import alert


def per_call_us(action: Callable[[], object], rounds: int) -> float:
    """Mean microseconds per call."""
    started = time.perf_counter()
    for _ in range(rounds):
        action()
    return (time.perf_counter() - started) / rounds * 1e6


def latencies_ms(send: Callable[[], Awaitable[Outcome]], rounds: int) -> list[float]:
    """Sequential attempts; each must be delivered."""

    async def run() -> list[float]:
        spent = []
        for _ in range(rounds):
            started = time.perf_counter()
            outcome = await send()
            spent.append((time.perf_counter() - started) * 1e3)
            assert outcome.status == "delivered", outcome
        return spent

    return asyncio.run(run())


def retry_walk() -> tuple[int, float]:
    """Attempts made and hours spanned before a never-answering target is dead."""
    first = now = datetime(2024, 1, 1, tzinfo=UTC)
    attempts = 1
    while (delay := next_attempt_delay(attempts, first, now, None)) is not None:
        now += timedelta(seconds=delay)
        attempts += 1
    return attempts, (now - first).total_seconds() / 3600


def main() -> None:
    message = alert()
    channel = WebhookChannel("https://hooks.example.org/x", new_secret())
    body = encode_body(message)
    build_us = per_call_us(
        lambda: build_email(message, "monitor@example.org", ["desk@example.org"]), 2000
    )
    sign_us = per_call_us(
        lambda: channel.signed_headers(message, encode_body(message), datetime.now(UTC)), 5000
    )
    rows: list[tuple[str, str]] = [
        ("build_email (text+HTML, threaded)", f"{build_us:.0f} µs"),
        ("webhook body encode + sign", f"{sign_us:.1f} µs"),
        ("webhook body size", f"{len(body.encode())} bytes"),
    ]
    with ExitStack() as stack:
        receiver = WebhookReceiver(new_secret()).start()
        stack.callback(receiver.stop)
        target = JsonReceiver().start()
        stack.callback(target.stop)
        smtp_servers = run_smtp_server()
        smtp = next(smtp_servers)
        stack.callback(smtp_servers.close)
        cases = {
            "webhook (httpx, verified receiver)": (
                WebhookChannel(receiver.url, receiver.secret),
                200,
            ),
            "email (smtplib in thread, aiosmtpd)": (
                EmailChannel(["desk@example.org"], "monitor@example.org", smtp.url),
                100,
            ),
            "apprise json:// (thread)": (
                AppriseChannel(f"json://127.0.0.1:{target.port}/hook"),
                100,
            ),
        }
        for name, (target_channel, rounds) in cases.items():
            spent = latencies_ms(lambda c=target_channel: c.send(message), rounds)
            quantiles = statistics.quantiles(spent, n=20)
            rows.append(
                (
                    f"{name}: {rounds} attempts",
                    f"p50 {statistics.median(spent):.1f} ms · p95 {quantiles[18]:.1f} ms",
                )
            )
    attempts, hours = retry_walk()
    rows.append(("retry schedule until dead", f"{attempts} attempts over {hours:.1f} h"))
    width = max(len(label) for label, _ in rows)
    print(f"{'figure':<{width}}  value")
    print(f"{'-' * width}  {'-' * 32}")
    for label, value in rows:
        print(f"{label:<{width}}  {value}")


if __name__ == "__main__":
    main()
