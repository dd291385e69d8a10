"""`monitor feeds ...` and `monitor poll`."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path
from typing import Any

import click
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.text import Text

from monitor.cli.common import (
    TIME,
    CliState,
    Col,
    app_from,
    col,
    console,
    err_console,
    paint,
    pass_state,
    print_json,
    print_table,
    stacked_when,
)
from monitor.cli.format import plural
from monitor.cli.paging import cursor, footer, paging_options, slice_page
from monitor.clock import utcnow
from monitor.config import format_duration, parse_duration
from monitor.daemon.app import App
from monitor.daemon.cycle import fetch_settings, run_cycle
from monitor.daemon.subscriptions import add_feed, import_opml, remove_feed, set_feed
from monitor.polling.fetcher import Fetcher
from monitor.polling.opml import parse_opml
from monitor.polling.poller import PollReport
from monitor.polling.subscriptions import (
    DeclaredFeed,
    Probe,
    SubscriptionError,
    export_opml,
    probe_feed,
)
from monitor.projections.feeds import feed_health
from monitor.store.db import read_connection

LONGEST_INTERVAL = 366 * 86_400.0  # a feed polled less than once a year is a mistake


def _duration(_ctx: click.Context, _param: click.Parameter, value: str | None) -> float | None:
    if value is None:
        return None
    try:
        seconds = parse_duration(value)
    except ValueError as exc:
        raise click.BadParameter(f"{value!r}: {exc}") from exc
    if seconds > LONGEST_INTERVAL:
        raise click.BadParameter(f"{value!r}: longer than a year (use e.g. 30m, 6h, 7d)")
    return seconds


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
    with app_from(state) as app, read_connection(app.engine) as conn:
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


NO_FEEDS = (
    "no feeds yet: add one with `monitor feeds add URL` (or `monitor feeds import FILE.opml`), "
    "then `monitor poll`"
)


def _url(row: dict[str, object]) -> str:
    return str(row["url"])


@feeds_group.command("list")
@paging_options("feeds", "URL")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@pass_state
def feeds_list(
    state: CliState, limit: int, after: str | None, before: str | None, as_json: bool
) -> None:
    """Feeds with their health: last success, last error, failures, next poll.

    Exit status 0 whatever their health (`--json` and `status` tell failing feeds apart).
    """
    ask = cursor(limit, after, before)
    with app_from(state) as app, read_connection(app.engine) as conn:
        rows = feed_health(conn, app.config.polling.interval)
    urls = [r["url"] for r in rows]
    for given in (ask.after, ask.before):
        if given is not None and given not in urls:
            raise click.ClickException(f"no feed {given!r} (see `monitor feeds list`)")
    page = slice_page(rows, _url, ask.limit, ask.after, ask.before)
    if as_json:
        print_json([{**r, "interval": format_duration(r["interval"])} for r in page.items])
        return
    errors = any(r["last_error"] for r in page.items)
    print_table(
        None,
        [
            Col("feed", ratio=3 if errors else 5),
            col("status", no_wrap=True),
            col("last success", TIME),
            Col("last error", ratio=2 if errors else 1),
            Col("next poll", no_wrap=True),
            Col("articles", right=True, no_wrap=True),
        ],
        [
            [
                _feed_cell(r),
                paint(r["status"]),
                stacked_when(r["last_success_at"]),
                _error_cell(r),
                stacked_when(r["next_poll_at"]),
                r["articles"],
            ]
            for r in page.items
        ],
        empty=NO_FEEDS if ask.after is None and ask.before is None else "no feeds on this page",
        footer=footer("monitor feeds list", page, _url, "feed", short=False),
    )


def _feed_cell(row: dict[str, Any]) -> Text:
    text = Text(row["name"] or "")
    text.append(("\n" if row["name"] else "") + row["url"], style="dim")
    return text


def _error_cell(row: dict[str, Any]) -> Text:
    if not row["last_error"]:
        return Text("")
    failures = row["consecutive_failures"] or 0
    text = Text(f"{row['last_error_reason'] or 'error'}: ", style="red")
    text.append(" ".join(str(row["last_error"]).split()))
    if failures:
        text.append(f"\n{plural(failures, 'failure')} in a row", style="dim")
    return text


@click.command("poll")
@click.option("--all", "everything", is_flag=True, help="Poll every feed, not only those due.")
@click.option("--strict", is_flag=True, help="Exit with status 1 when any feed failed.")
@pass_state
def poll_cmd(state: CliState, everything: bool, strict: bool) -> None:
    """One full cycle in the foreground: poll due feeds, project, deliver, exit.

    Feeds that fail are reported ("2 feeds of 40 failed to poll") and recorded in their
    health (`monitor feeds list`); the cycle still completes and the exit status is 0,
    or 1 with --strict.
    """
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
        f"polled {plural(summary.polled, 'feed')}: {plural(summary.new_articles, 'new article')}"
        f", {summary.revised:,} revised; {plural(delivered, 'alert delivery', 'alert deliveries')}"
        " made",
        highlight=False,
        markup=False,
    )
    if summary.failed:
        failed = (
            f"{plural(summary.failed, 'feed')} of {summary.polled:,} failed to poll: "
            "see `monitor feeds list` for the reasons"
        )
        if strict:
            raise click.ClickException(failed)
        err_console.print(f"warning: {failed}", markup=False, highlight=False)


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
