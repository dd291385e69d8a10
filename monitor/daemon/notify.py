"""sd_notify: tell systemd (or a test) about readiness, liveness and status over NOTIFY_SOCKET.

The protocol is one datagram of newline-separated `KEY=value` lines sent to the AF_UNIX
socket named in $NOTIFY_SOCKET (a leading '@' names an abstract socket). It needs no library.
"""

from __future__ import annotations

import os
import socket
from collections.abc import Mapping
from dataclasses import dataclass


def socket_address(name: str) -> str | bytes:
    """The address to send to: '@name' is Linux's abstract namespace (a leading NUL byte)."""
    if name.startswith("@"):
        return b"\0" + name[1:].encode()
    return name


def watchdog_interval(environ: Mapping[str, str] | None = None) -> float | None:
    """Seconds between WATCHDOG=1 pings (half of WATCHDOG_USEC), or None when not asked for."""
    env = os.environ if environ is None else environ
    usec = env.get("WATCHDOG_USEC", "")
    if not usec.isdigit() or int(usec) == 0:
        return None
    pid = env.get("WATCHDOG_PID", "")
    if pid and pid != str(os.getpid()):
        return None  # the watchdog is meant for another process (e.g. our parent)
    return int(usec) / 1_000_000 / 2


def message(**fields: str | int) -> bytes:
    """One notification datagram: `READY=1\\nSTATUS=...`; newlines in values would split keys."""
    lines = (f"{key}={str(value).replace(chr(10), ' ')}" for key, value in fields.items())
    return "\n".join(lines).encode()


@dataclass
class Notifier:
    """Sends notifications to `address`; does nothing at all when there is none."""

    address: str | None = None

    @classmethod
    def from_environ(cls, environ: Mapping[str, str] | None = None) -> Notifier:
        """The notifier systemd asked for through $NOTIFY_SOCKET (disabled when unset)."""
        env = os.environ if environ is None else environ
        return cls(env.get("NOTIFY_SOCKET") or None)

    @property
    def enabled(self) -> bool:
        """Whether anybody listens."""
        return bool(self.address)

    def send(self, **fields: str | int) -> bool:
        """Send one datagram; False (never an exception) when it could not be delivered."""
        if not self.address:
            return False
        try:
            with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM | socket.SOCK_CLOEXEC) as sock:
                sock.sendto(message(**fields), socket_address(self.address))
        except OSError:
            # systemd gone or the socket unreachable: the daemon's work matters more.
            return False
        return True

    def ready(self, status: str) -> bool:
        """READY=1: the database and the scheduler are up."""
        return self.send(READY=1, STATUS=status, MAINPID=os.getpid())

    def watchdog(self, status: str | None = None) -> bool:
        """WATCHDOG=1 (with an updated STATUS=)."""
        if status is None:
            return self.send(WATCHDOG=1)
        return self.send(WATCHDOG=1, STATUS=status)

    def status(self, status: str) -> bool:
        """STATUS=: one line shown by `systemctl status`."""
        return self.send(STATUS=status)

    def reloading(self, status: str) -> bool:
        """RELOADING=1 while the configuration is re-read (SIGHUP)."""
        return self.send(RELOADING=1, STATUS=status)

    def stopping(self, status: str) -> bool:
        """STOPPING=1: shutdown has begun."""
        return self.send(STOPPING=1, STATUS=status)
