"""What every web handler works with: the running App (re-read after a reload), read-only
database connections, and the small request/answer values handlers exchange.

Handlers are plain functions `(View, Query) -> Answer`, run in the web loop's thread pool,
so they may block on the database without stalling anything.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Connection

from monitor.clock import iso
from monitor.config import Config
from monitor.daemon.app import App
from monitor.store.db import read_connection

HTML = "text/html; charset=utf-8"
JSON = "application/json"
ATOM = "application/atom+xml; charset=utf-8"


class NotFound(Exception):
    """The thing asked for does not exist (404 with this message)."""


class BadRequest(Exception):
    """A malformed parameter (400 with this message)."""


@dataclass(frozen=True)
class Query:
    """What a handler sees of a request."""

    path: str
    match: Mapping[str, str] = field(default_factory=dict)
    params: Mapping[str, str] = field(default_factory=dict)
    base_url: str = ""  # scheme://host[:port] the client used


@dataclass(frozen=True)
class Answer:
    """What a handler answers."""

    body: bytes
    content_type: str = HTML
    status: int = 200
    headers: Mapping[str, str] = field(default_factory=dict)


class View:
    """The read side of the running daemon, as the web view sees it."""

    def __init__(self, app: Callable[[], App]) -> None:
        self._app = app

    @property
    def config(self) -> Config:
        """The configuration in force (follows SIGHUP reloads)."""
        return self._app().config

    @contextmanager
    def connect(self) -> Iterator[Connection]:
        """A read-only connection: one snapshot, never the SQLite write lock."""
        with read_connection(self._app().engine) as conn:
            yield conn


def _default(value: Any) -> Any:
    if isinstance(value, datetime):
        return iso(value)
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def json_answer(data: Any, status: int = 200, headers: Mapping[str, str] | None = None) -> Answer:
    """JSON as `--json` prints it (ISO-8601 UTC times with a Z)."""
    body = json.dumps(data, ensure_ascii=False, default=_default).encode()
    return Answer(body, JSON, status, headers or {})


def int_param(query: Query, name: str, default: int, *, low: int, high: int) -> int:
    """An integer query parameter within [low, high] (BadRequest naming it otherwise)."""
    raw = query.params.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise BadRequest(f"{name} must be a whole number, not {raw!r}") from None
    if not low <= value <= high:
        raise BadRequest(f"{name} must be between {low} and {high}")
    return value
