"""`monitor init [PATH]`: write a commented starter configuration, then say what to run next."""

from __future__ import annotations

from pathlib import Path

import click

from monitor.cli.common import console

STARTER = """\
# news monitor configuration (written by `monitor init`; docs: README "Configuration").
# Every scalar can be overridden from the environment: MONITOR_<SECTION>__<KEY>, e.g.
# MONITOR_POLLING__TIMEOUT=30s. Check this file with `monitor config check`.

# Where the data lives. Default: monitor.db in the user state directory.
# database_url = "sqlite:////var/lib/monitor/monitor.db"
# database_url = "postgresql+psycopg://monitor@db.example.org/monitor"   # several daemons

[polling]
interval = "15m"          # default per feed; durations: 30s, 10m, 1h, 1d
timeout = "20s"
# full_text = "auto"      # auto | always | never: fetch the linked page for short entries

# One [[feeds]] table per feed (or `monitor feeds add URL`, `monitor feeds import FILE.opml`).
[[feeds]]
url = "https://feeds.bbci.co.uk/news/world/rss.xml"
name = "BBC News — World"  # optional; else the feed's title
# interval = "10m"         # optional; else [polling] interval

# A figure to track: a number reported about something, alerting when it changes.
[[figures]]
name = "nk-shells"         # lower case, digits, - and _: used in commands and links
label = "Artillery shells North Korea sent to Russia"
units = ["artillery shells", "shells", "rounds", "munitions"]  # what is counted
context = ["North Korea", "North Korean", "Pyongyang"]         # whom the number is about
# about = ["sent", "shipped", "supplied"]  # one must also occur in the number's clause
# exclude = ["produced", "stockpile"]     # a clause with one of these is not this figure
min_change = 0.05          # a relative change of 5% or more is a change
alert_on_first = true      # alert when the figure is first reported

[alerts]
# public_url = "https://monitor.example.org"   # links in alerts point at the web view

# Alert channels: uncomment one or more, then `monitor alerts test`.
# [[alerts.webhooks]]
# url = "https://hooks.example.org/monitor"
# secret_file = "/run/credentials/monitor/hook"   # or secret = "whsec_..."

# [[alerts.email]]
# to = ["desk@example.org"]
# from = "monitor@example.org"
# smtp_url = "smtp://monitor@mail.example.org:587"  # STARTTLS when offered; smtps:// for TLS
# password_file = "/run/credentials/monitor/smtp"

[web]
listen = "127.0.0.1:8750"  # read-only web view, metrics and health; "" turns it off
"""


@click.command("init")
@click.argument(
    "path",
    type=click.Path(dir_okay=False, path_type=Path),
    default="monitor.toml",
    required=False,
)
def init_cmd(path: Path) -> None:
    """Write a commented starter configuration to PATH (default ./monitor.toml): one example
    feed, one example figure, alert channels commented out. An existing file is kept."""
    if path.exists():
        raise click.ClickException(
            f"{path} already exists: not overwritten (edit it, or give another PATH)"
        )
    try:
        with path.open("x", encoding="utf-8") as out:
            out.write(STARTER)
    except OSError as exc:
        raise click.ClickException(f"{path}: {exc.strerror or exc}") from None
    flag = "" if path == Path("monitor.toml") else f" --config {_quoted(path)}"
    console.print(f"wrote {path}; next:", highlight=False, markup=False)
    steps = (
        (f"monitor{flag} config check", "check it"),
        (f"monitor{flag} poll", "fetch the feed once: stories, the figure"),
        (f"monitor{flag} stories", "what came in (`monitor run` keeps watching)"),
    )
    width = max(len(command) for command, _ in steps) + 2
    for command, why in steps:
        console.print(f"  {command:<{width}}# {why}", highlight=False, markup=False, soft_wrap=True)


def _quoted(path: Path) -> str:
    text = str(path)
    return text if all(c.isalnum() or c in "/._-~" for c in text) else repr(text)
