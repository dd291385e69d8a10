"""Structured logging: JSON lines under systemd or when not on a terminal, readable on a terminal."""

from __future__ import annotations

import logging
import os
import sys
from typing import Any, TextIO

import structlog

LEVELS = {
    "debug": logging.DEBUG,
    "info": logging.INFO,
    "warning": logging.WARNING,
    "error": logging.ERROR,
}


def under_systemd() -> bool:
    """True when started by systemd (journal stream or invocation id present)."""
    return bool(os.environ.get("JOURNAL_STREAM") or os.environ.get("INVOCATION_ID"))


def use_json(stream: TextIO, fmt: str = "auto") -> bool:
    """Whether to render JSON lines on `stream`."""
    if fmt != "auto":
        return fmt == "json"
    return under_systemd() or not stream.isatty()


class _CurrentStream:
    """Writes to whatever sys.stdout/sys.stderr is at the time (tests and tools swap them)."""

    def __init__(self, name: str) -> None:
        self.name = name

    def write(self, text: str) -> int:
        return int(getattr(sys, self.name).write(text))

    def flush(self) -> None:
        getattr(sys, self.name).flush()

    def isatty(self) -> bool:
        return bool(getattr(sys, self.name).isatty())


def configure(level: str = "info", fmt: str = "auto", stream: TextIO | None = None) -> None:
    """Set up structlog (and route stdlib logging through the same renderer)."""
    out: Any = (
        stream
        if stream not in (None, sys.stderr, sys.stdout)
        else _CurrentStream("stdout" if stream is sys.stdout else "stderr")
    )
    shared: list[Any] = [
        structlog.contextvars.merge_contextvars,
        structlog.processors.add_log_level,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
    ]
    renderer: Any
    if use_json(out, fmt):
        renderer = structlog.processors.JSONRenderer(sort_keys=False)
        shared.append(structlog.processors.format_exc_info)
    else:
        renderer = structlog.dev.ConsoleRenderer(colors=out.isatty())
    structlog.configure(
        processors=[*shared, renderer],
        wrapper_class=structlog.make_filtering_bound_logger(LEVELS.get(level, logging.INFO)),
        logger_factory=structlog.PrintLoggerFactory(file=out),
        cache_logger_on_first_use=False,
    )
    # Libraries (alembic, httpx, apscheduler) log through stdlib: keep them quiet and aligned.
    handler = logging.StreamHandler(out)
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(max(LEVELS.get(level, logging.INFO), logging.WARNING))


def get_logger(name: str | None = None, **bound: Any) -> Any:
    """A structlog logger bound to `name` and any fields (e.g. feed=URL)."""
    log = structlog.get_logger(name)
    return log.bind(**bound) if bound else log
