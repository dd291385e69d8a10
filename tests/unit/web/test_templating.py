"""Template filters: only http(s) links are clickable, text is escaped, times are UTC."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from monitor.web.templating import link_tag, number, render, safe_href, time_tag, when


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        " JavaScript:alert(1)",
        "data:text/html,<script>x</script>",
        "vbscript:msgbox",
        "//evil.example/x",
        "/relative",
        "mailto:a@example.org",
        "http://",
        None,
        42,
    ],
)
def test_anything_but_an_absolute_http_url_is_not_a_link(url: object) -> None:
    assert safe_href(url) is None
    assert "<a " not in link_tag(url, "<b>text</b>")
    assert "&lt;b&gt;text&lt;/b&gt;" in link_tag(url, "<b>text</b>")


def test_http_links_are_kept_and_their_text_escaped() -> None:
    tag = link_tag('https://news.example.org/a?x=1&y="2"', '<script>alert("t")</script>')
    assert tag.startswith('<a href="https://news.example.org/a?x=1&amp;y=&#34;2&#34;"')
    assert "&lt;script&gt;" in tag and "<script>" not in tag
    assert 'rel="noopener noreferrer nofollow"' in tag


def test_times_are_shown_in_utc() -> None:
    moment = datetime(2024, 2, 27, 12, 30, tzinfo=timezone(timedelta(hours=2)))
    assert when(moment) == "2024-02-27 10:30 UTC"
    assert when("2024-02-27T10:30:00Z") == "2024-02-27 10:30 UTC"
    assert time_tag(moment) == '<time datetime="2024-02-27T10:30:00Z">2024-02-27 10:30 UTC</time>'
    assert time_tag(None) == "—"
    assert when(datetime(2024, 1, 1, tzinfo=UTC), "%Y") == "2024 UTC"


def test_numbers_group_thousands() -> None:
    assert [number(v) for v in (6_000_000, 2.5, None)] == ["6,000,000", "2.50", "—"]


def test_templates_escape_what_they_are_given() -> None:
    page = render("error.html", status=404, message='<img src=x onerror="alert(1)">')
    assert "<img src=x" not in page and "&lt;img src=x" in page
