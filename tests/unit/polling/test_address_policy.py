"""The address policy: which private or loopback targets are fetched, and from where."""

from __future__ import annotations

import pytest

from monitor.polling.addresses import literal_is_private, refused


@pytest.mark.parametrize(
    ("host", "private"),
    [
        ("127.0.0.1", True),
        ("[::1]", True),
        ("10.2.3.4", True),
        ("192.168.1.20", True),
        ("169.254.169.254", True),  # cloud metadata
        ("localhost", True),
        ("printer.localhost", True),
        ("93.184.216.34", False),
        ("2606:4700::1111", False),
        ("news.example.org", None),  # needs a lookup
    ],
)
def test_literal_addresses(host: str, private: bool | None) -> None:
    assert literal_is_private(host) is private


@pytest.mark.parametrize(
    ("policy", "source_private", "hop", "refuse"),
    [
        ("explicit", None, "feed", False),  # a feed the user added, wherever it is
        ("explicit", False, "redirect", True),  # public feed redirecting into the LAN
        ("explicit", False, "link", True),  # public feed linking to a private page
        ("explicit", True, "redirect", False),  # a local feed redirecting locally
        ("explicit", True, "link", False),
        ("deny", None, "feed", True),
        ("deny", True, "link", True),
        ("allow", False, "link", False),
    ],
)
def test_private_targets(policy: str, source_private: bool | None, hop: str, refuse: bool) -> None:
    assert refused(policy, source_private=source_private, target_private=True, hop=hop) is refuse


def test_public_targets_are_always_allowed() -> None:
    for policy in ("explicit", "deny", "allow"):
        assert not refused(policy, source_private=False, target_private=False, hop="link")
