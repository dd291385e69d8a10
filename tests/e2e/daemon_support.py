"""Run `monitor run` as a real subprocess: private SQLite DB, a NOTIFY_SOCKET, a web port."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, create_engine, func, select

from monitor.events import ArticleObserved
from monitor.store.tables import events
from tests.support.webhook_receiver import free_port

ROOT = Path(__file__).resolve().parents[2]
# Generous bounds for waiting on the daemon; a healthy run needs a fraction of them.
WAIT = 20.0
MONITOR = (sys.executable, "-m", "monitor")


def wait_until(predicate: Callable[[], Any], what: str, timeout: float = WAIT) -> Any:
    """Poll `predicate` until it returns something truthy; fail naming `what` otherwise."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"gave up waiting for {what}")


class NotifyListener:
    """A datagram socket in the abstract namespace, standing in for systemd's NOTIFY_SOCKET."""

    def __init__(self) -> None:
        self.address = f"@monitor-test-{uuid.uuid4().hex}"
        self.messages: list[dict[str, str]] = []
        self._lock = threading.Lock()
        self._sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self._sock.bind(b"\0" + self.address[1:].encode())
        self._sock.settimeout(0.1)
        self._closed = threading.Event()
        threading.Thread(target=self._receive, daemon=True).start()

    def _receive(self) -> None:
        while not self._closed.is_set():
            try:
                data = self._sock.recv(65536)
            except TimeoutError:
                continue
            except OSError:
                return
            fields = dict(line.split("=", 1) for line in data.decode().splitlines() if "=" in line)
            with self._lock:
                self.messages.append(fields)

    def count(self, key: str, value: str = "1") -> int:
        """How many datagrams carried KEY=value."""
        with self._lock:
            return sum(m.get(key) == value for m in self.messages)

    def close(self) -> None:
        """Stop listening."""
        self._closed.set()
        self._sock.close()


@dataclass
class DaemonConfig:
    """The TOML the daemon is started with (rewritten for SIGHUP tests)."""

    path: Path
    database_url: str
    web_port: int
    feeds: list[dict[str, Any]] = field(default_factory=list)
    figures: list[dict[str, Any]] = field(default_factory=list)
    webhooks: list[dict[str, str]] = field(default_factory=list)
    polling: dict[str, Any] = field(default_factory=lambda: {"timeout": "30s"})

    def write(self, *, extra: str = "") -> None:
        """Write the config file."""
        lines = [f'database_url = "{self.database_url}"', "", "[polling]"]
        lines += [f"{k} = {_toml(v)}" for k, v in self.polling.items()]
        lines += ["", "[web]", f'listen = "127.0.0.1:{self.web_port}"', ""]
        lines += [_table("feeds", f) for f in self.feeds]
        lines += [_table("figures", f) for f in self.figures]
        lines += [_table("alerts.webhooks", w) for w in self.webhooks]
        self.path.write_text("\n".join(lines) + "\n" + extra, encoding="utf-8")


def _toml(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    return '"' + str(value).replace("\\", "\\\\").replace('"', '\\"') + '"'


def _table(name: str, data: Mapping[str, Any]) -> str:
    return f"[[{name}]]\n" + "".join(f"{k} = {_toml(v)}\n" for k, v in data.items())


class Daemon:
    """One `python -m monitor --config X run` process (restartable on the same database)."""

    def __init__(self, config: DaemonConfig, notify: NotifyListener, tick: float = 0.2) -> None:
        self.config = config
        self.notify = notify
        self.tick = tick
        self.log_path = config.path.with_suffix(".log")
        self.proc: subprocess.Popen[bytes] | None = None
        self.engine: Engine = create_engine(config.database_url)

    def start(self) -> Daemon:
        """Start the process (output appended to the log file)."""
        env = {
            **os.environ,
            "NOTIFY_SOCKET": self.notify.address,
            "WATCHDOG_USEC": "1000000",
            "PYTHONUNBUFFERED": "1",
        }
        for name in list(env):
            if name.startswith("MONITOR_") and not name.startswith("MONITOR_TEST_"):
                del env[name]
        with self.log_path.open("ab") as out:
            self.proc = subprocess.Popen(
                [*MONITOR, "--config", str(self.config.path), "run", "--tick", str(self.tick)],
                cwd=ROOT,
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        return self

    def wait_ready(self, readies_before: int = 0) -> None:
        """Wait for the next READY=1 (fail early if the process died)."""

        def ready() -> bool:
            assert self.proc is not None and self.proc.poll() is None, self.log()
            return self.notify.count("READY") > readies_before

        wait_until(ready, "READY=1")

    def signal(self, sig: signal.Signals) -> None:
        """Send a signal to the daemon."""
        assert self.proc is not None
        self.proc.send_signal(sig)

    def stop(self, timeout: float = 15.0) -> int:
        """SIGTERM and wait; the exit status."""
        assert self.proc is not None
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        return self.proc.wait(timeout=timeout)

    def kill9(self) -> None:
        """SIGKILL: no chance to clean up."""
        assert self.proc is not None
        self.proc.kill()
        self.proc.wait(timeout=10)

    def running(self) -> bool:
        """Whether the process is alive."""
        return self.proc is not None and self.proc.poll() is None

    def log(self) -> str:
        """Everything the daemon wrote so far."""
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def get(self, path: str) -> tuple[int, str]:
        """GET on the daemon's web server: (status, body)."""
        url = f"http://127.0.0.1:{self.config.web_port}{path}"
        try:
            with urllib.request.urlopen(url, timeout=5) as resp:
                return resp.status, resp.read().decode()
        except urllib.error.HTTPError as exc:
            return exc.code, exc.read().decode()

    def count_events(self, event_type: str = ArticleObserved.TYPE) -> int:
        """Events of one type in the daemon's log."""
        with self.engine.connect() as conn:
            query = select(func.count()).select_from(events).where(events.c.type == event_type)
            return int(conn.execute(query).scalar_one())

    def close(self) -> None:
        """Kill the process if still running; release the test's engine."""
        if self.running():
            self.kill9()
        self.engine.dispose()


@pytest.fixture
def notify_socket() -> Iterator[NotifyListener]:
    """A NOTIFY_SOCKET listener."""
    listener = NotifyListener()
    yield listener
    listener.close()


@pytest.fixture
def daemon_config(tmp_path: Path) -> DaemonConfig:
    """A config on a private SQLite database and a free loopback port."""
    return DaemonConfig(
        path=tmp_path / "monitor.toml",
        database_url=f"sqlite:///{tmp_path}/monitor.db",
        web_port=free_port(),
    )


@pytest.fixture
def spawn(
    daemon_config: DaemonConfig, notify_socket: NotifyListener
) -> Iterator[Callable[..., Daemon]]:
    """Start daemons on `daemon_config` (written first); every one is stopped afterwards."""
    started: list[Daemon] = []

    def _spawn(config: DaemonConfig | None = None, *, tick: float = 0.2) -> Daemon:
        cfg = config or daemon_config
        cfg.write()
        daemon = Daemon(cfg, notify_socket, tick).start()
        started.append(daemon)
        return daemon

    yield _spawn
    for daemon in started:
        daemon.close()


def feed_entries(prefix: str, count: int) -> Sequence[tuple[str, str, str]]:
    """(guid, title, text) triples for a synthetic feed, our own filler prose."""
    return [
        (
            f"{prefix}-{i}",
            f"{prefix.title()} bulletin {i}: council reviews harbour budget",
            f"The {prefix} council met on day {i} to review the harbour budget. Members "
            f"discussed item {i} of the agenda, a dredging contract and ferry timetables, "
            "and agreed to publish the minutes next week.",
        )
        for i in range(count)
    ]


def rss(title: str, entries: Sequence[tuple[str, str, str]], base: str) -> bytes:
    """A small RSS 2.0 document with full text in <description>."""
    items = "".join(
        f"<item><guid>{guid}</guid><title>{head}</title><link>{base}/a/{guid}</link>"
        f"<pubDate>Mon, 06 Nov 2023 09:00:00 +0000</pubDate>"
        f"<description>{body}</description></item>"
        for guid, head, body in entries
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title>'
        f"<link>{base}</link><description>{title}</description>{items}</channel></rss>"
    ).encode()
