"""`monitor alerts`: list alerts with their deliveries, send a test alert, requeue deliveries."""

from __future__ import annotations

import asyncio
import uuid
from datetime import UTC, datetime

import click

from monitor.alerts.channels import Channel, Outcome
from monitor.alerts.deliverer import send_probe
from monitor.alerts.messages import probe_message
from monitor.alerts.outbox import AlertRecord, list_alerts, requeue
from monitor.alerts.queries import alert_json
from monitor.alerts.render import format_claim_value
from monitor.cli.common import CliState, app_from, console, iso, print_json, print_table
from monitor.daemon.bootstrap import build_channels
from monitor.store.db import read_connection


def _change(record: AlertRecord) -> str:
    alert = record.alert
    current = format_claim_value(alert.current)
    return f"{format_claim_value(alert.previous)} → {current}" if alert.previous else current


def _deliveries_cell(record: AlertRecord) -> str:
    if not record.deliveries:
        return "none (no channel configured when raised)"
    return "\n".join(
        f"{d.channel}: {d.state} ({d.attempts})" + (f" — {d.last_error}" if d.last_error else "")
        for d in record.deliveries
    )


@click.group("alerts", invoke_without_command=True)
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.pass_context
def alerts_group(ctx: click.Context, as_json: bool) -> None:
    """Alerts, newest first, with the delivery state on each channel."""
    if ctx.invoked_subcommand is not None:
        return
    state = ctx.find_object(CliState)
    assert state is not None
    with app_from(state) as app, read_connection(app.engine) as conn:
        records = list_alerts(conn)
    if as_json:
        print_json([alert_json(r) for r in records])
        return
    print_table(
        "alerts",
        ["raised", "id", "figure", "change", "deliveries (attempts)"],
        [
            [
                iso(r.alert.raised_at),
                r.alert.alert_id,
                r.alert.figure,
                _change(r),
                _deliveries_cell(r),
            ]
            for r in records
        ],
    )


def _select(channels: list[Channel], wanted: str | None) -> list[Channel]:
    """All channels, or those named `wanted` exactly or by kind ("webhook", "email", ...)."""
    if wanted is None:
        return channels
    chosen = [c for c in channels if wanted in (c.name, c.name.partition(":")[0])]
    if not chosen:
        known = ", ".join(c.name for c in channels) or "none configured"
        raise click.UsageError(f"no channel {wanted!r} (known: {known})")
    return chosen


def _outcome_text(outcome: Outcome) -> str:
    if outcome.status == "delivered":
        return outcome.detail or ""
    return outcome.error or outcome.status


@alerts_group.command("test")
@click.option("--channel", "wanted", metavar="NAME", help="Only this channel (name or kind).")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.pass_context
def test_cmd(ctx: click.Context, wanted: str | None, as_json: bool) -> None:
    """Send a monitor.test message through every configured channel now (nothing is recorded).

    Exit status 1 when any channel did not accept it.
    """
    state = ctx.find_object(CliState)
    assert state is not None
    channels = _select(build_channels(state.load_config()), wanted)
    if not channels:
        raise click.ClickException("no alert channel is configured ([[alerts.webhooks]], ...)")
    message = probe_message(f"test-{uuid.uuid4()}", datetime.now(UTC))
    results = asyncio.run(send_probe(channels, message))
    if as_json:
        print_json(
            [
                {"channel": name, "status": o.status, "error": o.error, "detail": o.detail}
                for name, o in results
            ]
        )
    else:
        print_table(
            f"test alert {message.id}",
            ["channel", "outcome", "detail"],
            [[name, o.status, _outcome_text(o)] for name, o in results],
        )
    refused = [name for name, o in results if o.status != "delivered"]
    if refused:
        # A ClickException, not ctx.exit: main() runs click outside standalone mode.
        raise click.ClickException(f"not delivered on: {', '.join(refused)}")


@alerts_group.command("retry")
@click.argument("alert_id")
@click.pass_context
def retry_cmd(ctx: click.Context, alert_id: str) -> None:
    """Requeue the failed and dead deliveries of ALERT_ID: due now, with a fresh retry schedule.

    Attempts keep counting (the history stays in the log); the next delivery cycle sends them.
    """
    state = ctx.find_object(CliState)
    assert state is not None
    with app_from(state) as app:
        try:
            channels = requeue(app.engine, app.log, alert_id, datetime.now(UTC))
        except LookupError as exc:
            raise click.ClickException(str(exc.args[0])) from exc
    if not channels:
        console.print(f"nothing to requeue: alert {alert_id} has no failed or dead delivery")
        return
    console.print(f"requeued {len(channels)} deliveries of {alert_id}: {', '.join(channels)}")
