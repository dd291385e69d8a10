"""`monitor demo`."""

from __future__ import annotations

from pathlib import Path

import click

from monitor.cli.common import console
from monitor.logging import configure


@click.command("demo")
@click.option(
    "--keep",
    type=click.Path(file_okay=False, path_type=Path),
    help="Keep the demo database (and a monitor.toml) in this directory to explore afterwards.",
)
def demo_cmd(keep: Path | None) -> None:
    """Offline demonstration: local feeds replay the seed timeline round by round, a local
    webhook receiver verifies every alert; prints the stories, the figure timeline and the
    alerts received. Needs no network and no configuration."""
    from monitor.demo.run import run_demo

    configure(level="error")  # the demo narrates; per-feed log lines would drown it
    console.print(
        "Replaying the sample timeline: a wire story, an independent write-up, a syndicated "
        "copy, a boilerplate re-post under a false date, and the figure's later changes.\n"
    )
    run_demo(console, keep)
