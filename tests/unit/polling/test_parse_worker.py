"""Parsing in a worker process hands back exactly what parsing in a thread gives."""

from __future__ import annotations

import asyncio
import pickle

import pytest

from monitor.polling import parse_worker
from monitor.polling.identity import dedupe_facts
from monitor.polling.parser import FeedParseError, parse_feed

URL = "https://news.example/feed.xml"
RSS = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour desk</title>
<link>https://news.example/</link><description>d</description>
<item><guid>a-1</guid><title>Ferry timetable cut for the winter</title>
<link>https://news.example/a/1</link><description>The short crossing runs twice a day.</description></item>
<item><guid>a-1</guid><title>Ferry timetable cut for the winter</title>
<link>https://news.example/a/1</link><description>The short crossing runs twice a day from
Monday, the operator said.</description></item>
<item><guid>a-2</guid><title>Dock workers vote on the offer</title>
<link>https://news.example/a/2</link><description>A ballot closes on Friday.</description></item>
</channel></rss>"""


def test_a_parse_error_keeps_its_reason_and_message_across_a_pipe() -> None:
    error = FeedParseError("not_a_feed", "https://news.example/ returned an HTML page")
    copy = pickle.loads(pickle.dumps(error))
    assert (copy.reason, copy.message, str(copy)) == (error.reason, error.message, str(error))


def test_the_worker_function_is_the_parse_and_the_identity_facts() -> None:
    parsed, facts = parse_worker.parse_and_key(RSS, "application/rss+xml", URL)
    assert parsed == parse_feed(RSS, "application/rss+xml", URL)
    assert facts == dedupe_facts(parsed.entries)
    assert len(facts) == 2, "the two versions of a-1 are one entry: the longer text wins"
    assert "the operator said" in facts[0].text


def test_without_a_second_core_the_parse_runs_in_a_thread(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("MONITOR_WORKERS", "1")
    parse_worker.shutdown()
    parsed, facts = asyncio.run(parse_worker.parse_elsewhere(RSS, "application/rss+xml", URL))
    assert not parse_worker.running()
    assert (parsed, facts) == parse_worker.parse_and_key(RSS, "application/rss+xml", URL)


def test_the_worker_process_gives_the_same_feed_and_the_same_errors(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("MONITOR_WORKERS", "2")
    parse_worker.shutdown()
    try:
        got = asyncio.run(parse_worker.parse_elsewhere(RSS, "application/rss+xml", URL))
        assert parse_worker.running(), "the document went to the worker"
        assert got == parse_worker.parse_and_key(RSS, "application/rss+xml", URL)
        page = b"<!doctype html><html><body>Not a feed</body></html>"
        with pytest.raises(FeedParseError) as raised:
            asyncio.run(parse_worker.parse_elsewhere(page, "text/html", URL))
        assert raised.value.reason == "not_a_feed"
    finally:
        parse_worker.shutdown(wait=True)
    assert not parse_worker.running()
