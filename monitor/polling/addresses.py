"""Address policy for private and loopback targets ([polling] private_addresses).

- "explicit" (default): a feed URL the user added is fetched wherever it points (a feed on
  the LAN or on localhost is the user's choice); a redirect or a full-text link that leads
  from a public host to a private, loopback, link-local or otherwise non-public address is
  refused (reason `refused`), so a public feed cannot make the monitor probe the network it
  runs in. From a private host onwards (a local feed linking to local pages) all is allowed.
- "deny": no private target is fetched at all, not even a feed the user added.
- "allow": no restriction.

A host name counts as private when any of its addresses does (looked up once, cached for
RESOLVE_TTL seconds); a name that does not resolve is left to the fetch, which fails `dns`.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
import time
from urllib.parse import urlsplit

POLICIES = ("explicit", "deny", "allow")
RESOLVE_TTL = 300.0


def literal_is_private(host: str) -> bool | None:
    """True/False for an IP literal or a localhost name; None when only DNS can tell."""
    host = host.strip("[]").rstrip(".").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return None
    return not address.is_global


def refused(policy: str, *, source_private: bool | None, target_private: bool, hop: str) -> bool:
    """Whether to refuse a target: `hop` is "feed" (the URL the user added), "redirect" or
    "link" (a full-text page); `source_private` is the previous host's status (None: none)."""
    if policy == "allow" or not target_private:
        return False
    if policy == "deny":
        return True
    if hop == "feed":
        return False
    return source_private is False  # from a public host into a private network


class AddressCheck:
    """Classifies hosts as private or public, with a small cache of DNS answers."""

    def __init__(self, policy: str = "explicit") -> None:
        if policy not in POLICIES:
            raise ValueError(f"private_addresses must be one of {', '.join(POLICIES)}")
        self.policy = policy
        self._cache: dict[str, tuple[float, bool]] = {}

    async def is_private(self, url: str) -> bool:
        """Whether the URL's host is (or resolves to) a non-public address."""
        host = (urlsplit(url).hostname or "").lower()
        literal = literal_is_private(host)
        if literal is not None:
            return literal
        cached = self._cache.get(host)
        now = time.monotonic()
        if cached is not None and cached[0] > now:
            return cached[1]
        try:
            infos = await asyncio.get_running_loop().getaddrinfo(
                host, None, type=socket.SOCK_STREAM
            )
        except OSError:
            return False  # unresolvable: the fetch itself reports it
        private = any(literal_is_private(str(info[4][0])) for info in infos)
        if len(self._cache) > 10_000:
            self._cache.clear()
        self._cache[host] = (now + RESOLVE_TTL, private)
        return private

    async def check(self, url: str, *, source: str | None, hop: str) -> str | None:
        """Why `url` is refused (None when allowed); `source` is the URL that led to it."""
        if self.policy == "allow" or (self.policy == "explicit" and hop == "feed"):
            return None
        target_private = await self.is_private(url)
        if not target_private:
            return None
        source_private = None if source is None else await self.is_private(source)
        if not refused(self.policy, source_private=source_private, target_private=True, hop=hop):
            return None
        if self.policy == "deny":
            return f'{url}: private or loopback address refused (private_addresses = "deny")'
        return (
            f"{url}: a {hop} from public {urlsplit(source or '').hostname} to a private or "
            'loopback address is refused (private_addresses = "explicit")'
        )
