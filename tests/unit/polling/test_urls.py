"""Only http and https URLs are ever fetched, whoever supplies them."""

from __future__ import annotations

import pytest

from monitor.polling.urls import UnsupportedURL, check_url, host_of, resolve


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("https://Example.ORG/world/rss.xml", "https://example.org/world/rss.xml"),
        ("HTTP://example.org", "http://example.org/"),
        ("http://example.org:80/feed", "http://example.org/feed"),
        ("https://example.org:8443/feed?x=1#frag", "https://example.org:8443/feed?x=1"),
        ("  https://example.org/a  ", "https://example.org/a"),
    ],
)
def test_http_and_https_urls_are_normalised(given: str, expected: str) -> None:
    assert check_url(given) == expected


@pytest.mark.parametrize(
    "refused",
    [
        "file:///etc/passwd",
        "ftp://example.org/feed.xml",
        "/var/lib/feed.xml",
        "feed.xml",
        "gopher://example.org",
        "javascript:alert(1)",
        "",
        "http://",
        "data:text/xml,<rss/>",
    ],
)
def test_other_urls_are_refused_with_a_message_naming_them(refused: str) -> None:
    with pytest.raises(UnsupportedURL) as caught:
        check_url(refused)
    assert repr(refused) in str(caught.value)


def test_the_refusal_says_what_is_allowed() -> None:
    with pytest.raises(UnsupportedURL, match="only http and https URLs are fetched"):
        check_url("file:///etc/passwd")


def test_relative_links_resolve_against_the_feed_and_are_checked() -> None:
    assert resolve("https://example.org/news/rss", "../story/1") == "https://example.org/story/1"
    with pytest.raises(UnsupportedURL):
        resolve("https://example.org/news/rss", "file:///etc/passwd")


def test_host_key_keeps_non_default_ports_apart() -> None:
    assert host_of("http://127.0.0.1:8000/a") != host_of("http://127.0.0.1:9000/a")
    assert host_of("https://Example.org/a") == "example.org"
