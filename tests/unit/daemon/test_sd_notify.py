"""sd_notify: datagrams systemd understands, sent to plain and abstract sockets."""

from __future__ import annotations

import os
import socket
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from monitor.daemon.notify import Notifier, message, socket_address, watchdog_interval


@pytest.fixture
def abstract_socket() -> Iterator[tuple[str, socket.socket]]:
    """A bound datagram socket in the abstract namespace, named the way systemd writes it."""
    name = f"@monitor-unit-{uuid.uuid4().hex}"
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    sock.bind(socket_address(name))
    sock.settimeout(5)
    yield name, sock
    sock.close()


def test_a_message_is_newline_separated_assignments() -> None:
    assert message(READY=1, STATUS="3 feeds") == b"READY=1\nSTATUS=3 feeds"


def test_a_newline_inside_a_value_cannot_forge_another_key() -> None:
    assert message(STATUS="ok\nREADY=1") == b"STATUS=ok READY=1"


def test_an_at_sign_names_an_abstract_socket() -> None:
    assert socket_address("@monitor") == b"\0monitor"
    assert socket_address("/run/systemd/notify") == "/run/systemd/notify"


def test_ready_reaches_an_abstract_socket(abstract_socket: tuple[str, socket.socket]) -> None:
    name, sock = abstract_socket
    assert Notifier(name).ready("up")
    fields = dict(line.split("=", 1) for line in sock.recv(4096).decode().splitlines())
    assert fields["READY"] == "1"
    assert fields["STATUS"] == "up"
    assert fields["MAINPID"] == str(os.getpid())


def test_watchdog_and_stopping_reach_a_socket_file(tmp_path: Path) -> None:
    path = str(tmp_path / "notify")
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
        sock.bind(path)
        sock.settimeout(5)
        notifier = Notifier(path)
        notifier.watchdog("busy")
        notifier.stopping("bye")
        assert sock.recv(4096) == b"WATCHDOG=1\nSTATUS=busy"
        assert sock.recv(4096) == b"STOPPING=1\nSTATUS=bye"


def test_without_notify_socket_nothing_is_sent_and_nothing_fails() -> None:
    notifier = Notifier.from_environ({})
    assert not notifier.enabled
    assert not notifier.ready("up")


def test_an_unreachable_socket_is_not_an_error(tmp_path: Path) -> None:
    assert not Notifier(str(tmp_path / "nobody-listens")).watchdog()


def test_the_watchdog_is_pinged_at_half_its_timeout() -> None:
    assert watchdog_interval({"WATCHDOG_USEC": "30000000"}) == 15.0
    assert (
        watchdog_interval({"WATCHDOG_USEC": "30000000", "WATCHDOG_PID": str(os.getpid())}) == 15.0
    )


def test_no_watchdog_when_not_asked_or_meant_for_another_process() -> None:
    assert watchdog_interval({}) is None
    assert watchdog_interval({"WATCHDOG_USEC": "0"}) is None
    assert watchdog_interval({"WATCHDOG_USEC": "30000000", "WATCHDOG_PID": "1"}) is None
