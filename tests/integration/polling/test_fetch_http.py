"""Fetching against a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from typing import TYPE_CHECKING, Any, TypeVar

import pytest

from monitor.polling.fetcher import Fetcher, FetchError, FetchResult, FetchSettings, Validators

if TYPE_CHECKING:
    from tests.support.feedserver import FeedServer


T = TypeVar("T")
FEED = b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title></channel></rss>'
LM = "Tue, 03 Jun 2025 09:30:00 GMT"


def run(coro: Coroutine[Any, Any, T]) -> T:
    return asyncio.run(coro)


def fetch(url: str, validators: Validators | None = None, **settings: Any) -> FetchResult:
    async def go() -> FetchResult:
        async with Fetcher(FetchSettings(**settings)) as f:
            return await f.fetch(url, validators)

    return run(go())


def failure(url: str, **settings: Any) -> FetchError:
    with pytest.raises(FetchError) as caught:
        fetch(url, **settings)
    return caught.value


def test_plain_fetch_returns_body_and_validators(feed_server: FeedServer) -> None:
    url = feed_server.route("/feed", body=FEED, etag='"v1"', last_modified=LM)
    result = fetch(url)
    assert (result.status, result.body, result.not_modified) == (200, FEED, False)
    assert result.validators.etag == '"v1"' and result.validators.last_modified == LM
    assert result.validators.body_hash
    assert result.final_url == url and not result.permanent_redirect
    assert feed_server.last_headers("/feed")["user-agent"].startswith("news-monitor/")


def test_etag_gives_304_not_modified(feed_server: FeedServer) -> None:
    url = feed_server.route("/feed", body=FEED, etag='"v1"')
    first = fetch(url)
    second = fetch(url, first.validators)
    assert feed_server.last_headers("/feed")["if-none-match"] == '"v1"'
    assert second.status == 304 and second.not_modified and second.body is None
    assert second.validators == first.validators


def test_last_modified_gives_304_not_modified(feed_server: FeedServer) -> None:
    url = feed_server.route("/feed", body=FEED, last_modified=LM)
    second = fetch(url, fetch(url).validators)
    assert second.status == 304 and second.not_modified


def test_same_body_without_validators_is_not_modified_by_hash(feed_server: FeedServer) -> None:
    url = feed_server.route("/feed", body=FEED)
    first = fetch(url)
    second = fetch(url, first.validators)
    assert second.status == 200 and second.not_modified and second.body is None
    feed_server.route("/feed", body=FEED.replace(b"<title>t", b"<title>u"))
    third = fetch(url, first.validators)
    assert not third.not_modified and third.body is not None and b"<title>u" in third.body


def test_gzip_body_is_decoded(feed_server: FeedServer) -> None:
    url = feed_server.route("/feed", body=FEED * 50, gzip=True)
    result = fetch(url)
    assert result.body == FEED * 50
    assert "gzip" in feed_server.last_headers("/feed")["accept-encoding"]


def test_redirect_chain_is_followed_and_final_url_remembered(feed_server: FeedServer) -> None:
    feed_server.route("/a", redirect_to="/b", status=301)
    feed_server.route("/b", redirect_to=feed_server.url("/c"), status=308)
    final = feed_server.route("/c", body=FEED)
    result = fetch(feed_server.url("/a"))
    assert result.final_url == final and result.permanent_redirect and result.body == FEED


def test_a_temporary_hop_makes_the_redirect_not_permanent(feed_server: FeedServer) -> None:
    feed_server.route("/a", redirect_to="/b", status=301)
    feed_server.route("/b", redirect_to="/c", status=302)
    feed_server.route("/c", body=FEED)
    assert not fetch(feed_server.url("/a")).permanent_redirect


def test_redirect_loop_is_detected(feed_server: FeedServer) -> None:
    feed_server.route("/a", redirect_to="/b", status=302)
    feed_server.route("/b", redirect_to="/a", status=302)
    err = failure(feed_server.url("/a"))
    assert err.reason == "http_status" and "loop" in err.message


def test_more_than_five_redirects_fail(feed_server: FeedServer) -> None:
    for i in range(7):
        feed_server.route(f"/r{i}", redirect_to=f"/r{i + 1}", status=302)
    feed_server.route("/r7", body=FEED)
    err = failure(feed_server.url("/r0"))
    assert "more than 5 redirects" in err.message
    assert feed_server.hits["/r6"] == 0


def test_redirect_to_a_file_url_is_refused(feed_server: FeedServer) -> None:
    feed_server.route("/a", redirect_to="file:///etc/passwd", status=302)
    err = failure(feed_server.url("/a"))
    assert err.reason == "refused" and "file:///etc/passwd" in err.message


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://127.0.0.1/feed", "/etc/passwd"])
def test_non_http_urls_are_refused_without_any_request(url: str) -> None:
    err = failure(url)
    assert err.reason == "refused" and "only http and https" in err.message


def test_server_that_never_answers_times_out(feed_server: FeedServer) -> None:
    url = feed_server.route("/hang", hang=True)
    err = failure(url, timeout=0.5)
    assert err.reason == "timeout" and url in err.message


def test_declared_body_over_the_cap_is_refused(feed_server: FeedServer) -> None:
    url = feed_server.route("/big", stream_bytes=5_000_000)
    assert failure(url, max_bytes=1_000_000).reason == "too_large"


def test_streamed_body_over_the_cap_is_aborted(feed_server: FeedServer) -> None:
    url = feed_server.route("/big", stream_bytes=50_000_000, declare_length=False)
    err = failure(url, max_bytes=1_000_000)
    assert err.reason == "too_large" and "1000000-byte cap" in err.message


def test_gzip_bomb_is_capped_on_decoded_size(feed_server: FeedServer) -> None:
    url = feed_server.route("/bomb", body=b"\0" * 5_000_000, gzip=True)
    assert failure(url, max_bytes=1_000_000).reason == "too_large"


def test_server_error_carries_status_and_retry_after(feed_server: FeedServer) -> None:
    url = feed_server.route("/feed", status=500, body=b"oops", headers={"Retry-After": "120"})
    err = failure(url)
    assert (err.reason, err.status, err.retry_after) == ("http_status", 500, 120.0)


def test_gone_is_reported_as_410(feed_server: FeedServer) -> None:
    url = feed_server.route("/feed", status=410, body=b"gone")
    err = failure(url)
    assert (err.reason, err.status) == ("http_status", 410)


def test_cache_control_max_age_is_reported(feed_server: FeedServer) -> None:
    url = feed_server.route("/feed", body=FEED, headers={"Cache-Control": "public, max-age=1800"})
    assert fetch(url).max_age == 1800


def test_connection_refused_is_a_connect_failure() -> None:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    assert failure(f"http://127.0.0.1:{port}/feed").reason == "connect"


def test_per_host_limit_caps_requests_in_flight(feed_server: FeedServer) -> None:
    import threading

    in_flight = 0
    peak = 0
    lock = threading.Lock()
    release = threading.Event()
    original = type(feed_server)._record

    def counting(self: FeedServer, path: str, headers: dict[str, str]) -> None:
        nonlocal in_flight, peak
        original(self, path, headers)
        with lock:
            in_flight += 1
            peak = max(peak, in_flight)
        release.wait(0.2)
        with lock:
            in_flight -= 1

    feed_server._record = counting.__get__(feed_server)  # type: ignore[method-assign]
    for i in range(6):
        feed_server.route(f"/f{i}", body=FEED)

    async def go() -> None:
        async with Fetcher(FetchSettings(per_host=2, concurrency=10)) as f:
            await asyncio.gather(*(f.fetch(feed_server.url(f"/f{i}")) for i in range(6)))

    run(go())
    assert peak == 2


def test_the_timeout_measures_the_server_not_the_wait_for_a_host_slot(
    feed_server: FeedServer,
) -> None:
    """One slot per host, two slow feeds ahead in the queue: the healthy one still succeeds."""
    slow = [feed_server.route(f"/slow{i}", body=FEED, delay=0.7) for i in range(2)]
    fast = feed_server.route("/fast", body=FEED)

    async def go() -> list[FetchResult | BaseException]:
        async with Fetcher(FetchSettings(timeout=1.0, per_host=1)) as f:
            return await asyncio.gather(
                *(f.fetch(u) for u in (*slow, fast)), return_exceptions=True
            )

    results = run(go())
    assert all(isinstance(r, FetchResult) and r.status == 200 for r in results), results


def test_a_slow_server_still_times_out(feed_server: FeedServer) -> None:
    url = feed_server.route("/slower", body=FEED, delay=1.5)
    assert failure(url, timeout=0.5).reason == "timeout"


def test_a_public_feed_cannot_link_to_a_loopback_page(feed_server: FeedServer) -> None:
    url = feed_server.route("/internal", body=FEED)

    async def go() -> FetchError:
        async with Fetcher(FetchSettings()) as f:
            with pytest.raises(FetchError) as caught:
                await f.fetch(url, linked_from="http://93.184.216.34/feed.xml")
            return caught.value

    error = run(go())
    assert error.reason == "refused" and "private_addresses" in error.message
    assert feed_server.hits["/internal"] == 0, "the private address was never contacted"


def test_a_local_feed_may_link_and_redirect_locally(feed_server: FeedServer) -> None:
    page = feed_server.route("/page", body=FEED)
    moved = feed_server.route("/moved", status=302, redirect_to=page)

    async def go() -> FetchResult:
        async with Fetcher(FetchSettings()) as f:
            return await f.fetch(moved, linked_from=feed_server.url("/feed.xml"))

    assert run(go()).final_url == page


def test_deny_refuses_even_a_feed_the_user_added(feed_server: FeedServer) -> None:
    url = feed_server.route("/feed", body=FEED)
    error = failure(url, private_addresses="deny")
    assert error.reason == "refused"
    assert feed_server.hits["/feed"] == 0
