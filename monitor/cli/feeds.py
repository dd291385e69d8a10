"""`monitor feeds ...` and `monitor poll`."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import click
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from monitor.cli.common import CliState, app_from, console, iso, pass_state, print_json, print_table
from monitor.cli.format import plural
from monitor.config import format_duration, parse_duration
from monitor.daemon.bootstrap import App
from monitor.daemon.cycle import fetch_settings, run_cycle
from monitor.polling.fetcher import Fetcher
from monitor.polling.opml import parse_opml
from monitor.polling.poller import PollReport, utcnow
from monitor.polling.subscriptions import (
    DeclaredFeed,
    Probe,
    SubscriptionError,
    add_feed,
    export_opml,
    import_opml,
    probe_feed,
    remove_feed,
    set_feed,
)
from monitor.projections.feeds import feed_health
from monitor.store.db import read_connection


def _duration(_ctx: click.Context, _param: click.Parameter, value: str | None) -> float | None:
    if value is None:
        return None
    try:
        return parse_duration(value)
    except ValueError as exc:
        raise click.BadParameter(f"{value!r}: {exc}") from exc


@click.group("feeds")
def feeds_group() -> None:
    """Manage subscribed feeds."""


@feeds_group.command("add")
@click.argument("url")
@click.option("--name", help="Display name (default: the feed's title).")
@click.option(
    "--interval", callback=_duration, help="Poll interval, e.g. 10m (default: [polling] interval)."
)
@click.option(
    "--no-check", is_flag=True, help="Subscribe without fetching the URL first (e.g. offline)."
)
@pass_state
def feeds_add(
    state: CliState, url: str, name: str | None, interval: float | None, no_check: bool
) -> None:
    """Subscribe to the feed at URL (http or https only).

    The URL is fetched once first: a feed is added; a web page that advertises feeds
    (<link rel="alternate">) adds the first one it advertises; anything else is refused
    with the reason.
    """
    with app_from(state, upgrade=True) as app:
        note = None
        if not no_check:
            probe = asyncio.run(_probe(app, url))
            url, note = probe.url, probe.note
            name = name or probe.title
        try:
            added = add_feed(app.log, DeclaredFeed(url, name, interval), "cli", utcnow())
        except SubscriptionError as exc:
            raise click.ClickException(str(exc)) from exc
    if note:
        console.print(note, highlight=False)
    label = f"{name} ({added})" if name else added
    console.print(
        f"added {label}; it is polled on the next cycle (`monitor poll`)", highlight=False
    )


async def _probe(app: App, url: str) -> Probe:
    async with Fetcher(fetch_settings(app)) as fetcher:
        try:
            return await probe_feed(fetcher, url)
        except SubscriptionError as exc:
            raise click.ClickException(str(exc)) from exc


@feeds_group.command("remove")
@click.argument("url")
@pass_state
def feeds_remove(state: CliState, url: str) -> None:
    """Unsubscribe from the feed at URL (its articles stay)."""
    with app_from(state, upgrade=True) as app:
        try:
            remove_feed(app.log, url, utcnow())
        except SubscriptionError as exc:
            raise click.ClickException(str(exc)) from exc
    console.print(f"removed {url}", highlight=False)


@feeds_group.command("set")
@click.argument("url")
@click.option("--name", help="A new display name ('' goes back to the feed's title).")
@click.option("--interval", callback=_duration, help="A new poll interval, e.g. 30m.")
@click.option("--paused/--resumed", default=None, help="Stop polling the feed, or start again.")
@pass_state
def feeds_set(
    state: CliState, url: str, name: str | None, interval: float | None, paused: bool | None
) -> None:
    """Rename, re-time, pause or resume the feed at URL."""
    if name is None and interval is None and paused is None:
        raise click.UsageError("say what to change: --name, --interval, --paused or --resumed")
    with app_from(state, upgrade=True) as app:
        try:
            changes = set_feed(app.log, url, utcnow(), name=name, interval=interval, paused=paused)
        except SubscriptionError as exc:
            raise click.ClickException(str(exc)) from exc
    console.print(f"updated {url}" if changes else f"{url}: nothing to change", highlight=False)


@feeds_group.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@pass_state
def feeds_import(state: CliState, file: Path) -> None:
    """Subscribe to every feed listed in an OPML FILE (nested outlines too)."""
    try:
        data = file.read_bytes()
        parse_opml(data)  # refuse a file that is not OPML before touching the database
    except (OSError, ValueError) as exc:
        raise click.ClickException(f"{file}: {exc}") from exc
    with app_from(state, upgrade=True) as app:
        result = import_opml(app.log, data, utcnow())
    console.print(
        f"added {plural(len(result.added), 'feed')}, {len(result.skipped)} already subscribed, "
        f"{len(result.refused)} refused",
        highlight=False,
    )
    for url, reason in result.refused:
        console.print(f"  refused {url}: {reason}", highlight=False)


@feeds_group.command("export")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path), required=False)
@pass_state
def feeds_export(state: CliState, file: Path | None) -> None:
    """Write the subscriptions as OPML 2.0 to FILE (default: standard output)."""
    with app_from(state) as app, app.engine.connect() as conn:
        rows = feed_health(conn, app.config.polling.interval)
    document = export_opml(rows)
    if file is None:
        sys.stdout.buffer.write(document)
        return
    try:
        file.write_bytes(document)
    except OSError as exc:
        raise click.ClickException(f"{file}: {exc.strerror or exc}") from exc
    console.print(f"wrote {plural(len(rows), 'feed')} to {file}", highlight=False)


@feeds_group.command("list")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@pass_state
def feeds_list(state: CliState, as_json: bool) -> None:
    """Feeds with their health: last success, last error, failures, next poll."""
    with app_from(state) as app, read_connection(app.engine) as conn:
        rows = feed_health(conn, app.config.polling.interval)
    if as_json:
        print_json([{**r, "interval": format_duration(r["interval"])} for r in rows])
        return
    print_table(
        f"{len(rows)} feeds",
        ["feed", "status", "last success", "last error", "failures", "next poll", "articles"],
        [
            [
                (r["name"] + "\n" if r["name"] else "") + r["url"],
                r["status"],
                iso(r["last_success_at"]),
                f"{r['last_error_reason']}: {r['last_error']}" if r["last_error"] else "",
                r["consecutive_failures"] or "",
                iso(r["next_poll_at"]),
                r["articles"],
            ]
            for r in rows
        ],
    )


@click.command("poll")
@click.option("--all", "everything", is_flag=True, help="Poll every feed, not only those due.")
@pass_state
def poll_cmd(state: CliState, everything: bool) -> None:
    """One full cycle in the foreground: poll due feeds, project, deliver, exit."""
    with app_from(state, upgrade=True) as app, _progress() as bar:
        task = bar.add_task("polling", total=None)

        def started(n: int) -> None:
            bar.update(task, total=n)

        def done(report: PollReport) -> None:
            bar.advance(task)

        summary = asyncio.run(
            run_cycle(app, everything=everything, on_start=started, on_report=done)
        )
    delivered = summary.delivery.delivered if summary.delivery else 0
    console.print(
        f"polled {summary.polled} feeds: {summary.new_articles} new articles, "
        f"{summary.revised} revised, {summary.failed} failed; {delivered} alert deliveries made"
    )


def _progress() -> Progress:
    return Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
        disable=not console.is_terminal,
    )
