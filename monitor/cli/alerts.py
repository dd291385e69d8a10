"""`monitor alerts`: list alerts with their deliveries, send a test alert, requeue deliveries."""

from __future__ import annotations

import asyncio
import re
import uuid

import click
from rich.text import Text

from monitor.alerts.channels import Channel, Outcome
from monitor.alerts.deliverer import send_probe
from monitor.alerts.messages import probe_message
from monitor.alerts.outbox import AlertRecord, requeue
from monitor.alerts.queries import alert_json, alerts_page
from monitor.alerts.render import format_claim_value
from monitor.cli.common import (
    TIME,
    CliState,
    Col,
    app_from,
    col,
    console,
    paint,
    print_json,
    print_table,
    stacked_when,
)
from monitor.cli.format import plural, short_id
from monitor.cli.ids import ALERT, resolve, resolve_bounds
from monitor.cli.paging import cursor, footer, paging_options, query_page
from monitor.clock import utcnow
from monitor.daemon.app import build_channels
from monitor.store.db import read_connection

NO_ALERTS = (
    "no alerts yet: an alert is raised when a tracked figure changes; track one with "
    "[[figures]] in the config (`monitor init` writes an example), then `monitor poll`"
)


def _change(record: AlertRecord) -> Text:
    alert = record.alert
    text = Text(alert.figure, style="bold")
    text.append(" ")
    text.append_text(paint(alert.direction))
    text.append("\n" + (format_claim_value(alert.previous) + " → " if alert.previous else ""))
    text.append(format_claim_value(alert.current))
    return text


def _source(record: AlertRecord) -> Text:
    article = record.alert.current.get("article") or {}
    text = Text(str(article.get("source") or ""))
    story = record.alert.story or {}
    if story.get("id"):
        text.append(f"\n{short_id(story['id'])}", style="dim")
    return text


def channel_label(channel: str) -> str:
    """ "webhook:hooks.example.org/monitor" → "webhook hooks.example.org/monitor"."""
    kind, _, target = channel.partition(":")
    return f"{kind} {target}" if target else kind


def _deliveries_cell(record: AlertRecord) -> Text:
    if not record.deliveries:
        return Text("none (no channel was configured)", style="dim")
    kinds = [d.channel.partition(":")[0] for d in record.deliveries]
    text = Text()
    for n, d in enumerate(record.deliveries):
        # One channel of a kind is named by its kind; `alerts --json` has the full name.
        name = kinds[n] if kinds.count(kinds[n]) == 1 else channel_label(d.channel)
        text.append(("\n" if n else "") + name + ": ")
        text.append_text(paint(d.state))
        if d.attempts > 1 or d.state != "delivered":
            text.append(f" ({plural(d.attempts, 'attempt')})")
    return text


def _alert_id(record: AlertRecord) -> str:
    return record.alert.alert_id


@click.group("alerts", invoke_without_command=True)
@paging_options("alerts", "ID")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.pass_context
def alerts_group(
    ctx: click.Context, limit: int, after: str | None, before: str | None, as_json: bool
) -> None:
    """Alerts, newest first, with the delivery state on each channel."""
    if ctx.invoked_subcommand is not None:
        return
    ask = cursor(limit, after, before)
    state = ctx.find_object(CliState)
    assert state is not None
    with app_from(state) as app, read_connection(app.engine) as conn:
        after_id, before_id = resolve_bounds(conn, ALERT, ask)

        def fetch(n: int, last: str | None) -> list[AlertRecord]:
            return alerts_page(conn, n, before=last)

        page = query_page(fetch, _alert_id, ask.limit, after_id, before_id)
    if as_json:
        print_json([alert_json(r) for r in page.items])
        return
    print_table(
        None,
        [
            col("raised", TIME),
            col("alert", no_wrap=True),
            Col("figure and change", ratio=3),
            Col("source / story", ratio=2),
            Col("deliveries", ratio=2),
        ],
        [
            [
                stacked_when(r.alert.raised_at),
                short_id(r.alert.alert_id),
                _change(r),
                _source(r),
                _deliveries_cell(r),
            ]
            for r in page.items
        ],
        empty=NO_ALERTS if ask.after is None and ask.before is None else "no alerts on this page",
        footer=footer("monitor alerts", page, _alert_id, "alert"),
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


_EXCEPTION_NAME = re.compile(r"\b[A-Z][A-Za-z]*(?:Error|Exception|Timeout)\b:?\s*")
_ERRNO = re.compile(r"\[Errno -?\d+\]\s*")


def reason_text(error: str | None) -> str:
    """A delivery error in words: no Python exception class names, no errno numbers."""
    words = _ERRNO.sub("", _EXCEPTION_NAME.sub("", error or "")).strip(" :")
    if not words:
        return "network error"
    return words[0].lower() + words[1:]


def outcome_words(outcome: Outcome) -> tuple[str, str]:
    """A one-off test's result in words: ("delivered", detail) or ("not delivered", why)."""
    if outcome.status == "delivered":
        return "delivered", outcome.detail or "accepted"
    why = reason_text(outcome.error)
    if outcome.status == "retry":
        return "not delivered", f"{why} (a real alert would be retried)"
    return "not delivered", f"refused: {why}"


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
    message = probe_message(f"test-{uuid.uuid4()}", utcnow())
    results = asyncio.run(send_probe(channels, message))
    if as_json:
        print_json(
            [
                {"channel": name, "status": o.status, "error": o.error, "detail": o.detail}
                for name, o in results
            ]
        )
    else:
        rows = []
        for name, o in results:
            outcome, detail = outcome_words(o)
            rows.append([channel_label(name), paint(outcome), detail])
        print_table(
            "test alert (nothing is recorded)",
            [Col("channel", ratio=1), col("outcome", no_wrap=True), Col("detail", ratio=2)],
            rows,
        )
    refused = [channel_label(name) for name, o in results if o.status != "delivered"]
    if refused:
        # A ClickException, not ctx.exit: main() runs click outside standalone mode.
        raise click.ClickException(
            f"the test alert was not delivered on {plural(len(refused), 'channel')}: "
            + ", ".join(refused)
        )


@alerts_group.command("retry")
@click.argument("alert_id", metavar="ID")
@click.pass_context
def retry_cmd(ctx: click.Context, alert_id: str) -> None:
    """Requeue the failed and dead deliveries of ALERT_ID: due now, with a fresh retry schedule.

    Attempts keep counting (the history stays in the log); the next delivery cycle sends them.
    """
    state = ctx.find_object(CliState)
    assert state is not None
    with app_from(state) as app:
        with read_connection(app.engine) as conn:
            full = resolve(conn, ALERT, alert_id)
        try:
            channels = requeue(app.engine, app.log, full, utcnow())
        except LookupError as exc:
            raise click.ClickException(str(exc.args[0])) from exc
    shown = short_id(full)
    if not channels:
        console.print(
            f"nothing to requeue: alert {shown} has no failed or dead delivery", highlight=False
        )
        return
    console.print(
        f"requeued {plural(len(channels), 'delivery')} of alert {shown}: "
        + ", ".join(channel_label(c) for c in channels),
        highlight=False,
        markup=False,
    )
