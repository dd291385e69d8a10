"""Structured logging: JSON lines under systemd or when not on a terminal, readable on a terminal."""

from __future__ import annotations

import logging
import os
import sys
from typing import Any, TextIO

import structlog

from monitor.redact import mask_text

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


def redact(_logger: Any, _method: str, event_dict: dict[str, Any]) -> dict[str, Any]:
    """structlog processor: URL passwords, token query values and whsec_ secrets masked in
    every string field (feed URLs and error messages may carry them)."""
    for key, value in event_dict.items():
        if isinstance(value, str):
            event_dict[key] = mask_text(value)
    return event_dict


class _Expected(logging.Filter):
    """Drops APScheduler's note that a job is still running at its next tick: jobs run with
    max_instances=1 and coalescing on purpose (see daemon.jobs.JOB_DEFAULTS)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "maximum number of running instances reached" not in record.getMessage()


def configure(level: str = "info", fmt: str = "auto", stream: TextIO | None = None) -> None:
    """Set up structlog, and route stdlib logging (alembic, httpx, apscheduler) through the
    same processors and renderer: one JSON object per line, whoever logs."""
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
    shared.append(redact)
    structlog.configure(
        processors=[*shared, renderer],
        wrapper_class=structlog.make_filtering_bound_logger(LEVELS.get(level, logging.INFO)),
        logger_factory=structlog.PrintLoggerFactory(file=out),
        cache_logger_on_first_use=False,
    )
    # Libraries log through stdlib: keep them quiet (warnings and up) and in the same format.
    handler = logging.StreamHandler(out)
    handler.setFormatter(
        structlog.stdlib.ProcessorFormatter(
            foreign_pre_chain=[structlog.stdlib.add_logger_name, *shared],
            processors=[structlog.stdlib.ProcessorFormatter.remove_processors_meta, renderer],
        )
    )
    handler.addFilter(_Expected())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(max(LEVELS.get(level, logging.INFO), logging.WARNING))


def get_logger(name: str | None = None, **bound: Any) -> Any:
    """A structlog logger bound to `name` and any fields (e.g. feed=URL)."""
    log = structlog.get_logger(name)
    return log.bind(**bound) if bound else log
