"""The template engine: Jinja2 with autoescaping on, strict undefined, and the view's filters.

Every feed-supplied string (titles, sentences, sources, errors) reaches HTML through Jinja's
escaping; links go through `safe_href`, which keeps http(s) URLs only, so an entry link such
as `javascript:…` is shown as text, never made clickable.
"""

from __future__ import annotations

from datetime import UTC, datetime
from functools import cache
from typing import Any
from urllib.parse import urlsplit

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from monitor.alerts.render import format_claim_value
from monitor.clock import iso as iso_text
from monitor.web.chart import parse_time


def safe_href(url: Any) -> str | None:
    """The URL when it is an absolute http(s) URL, else None (rendered as plain text)."""
    if not isinstance(url, str) or not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    return url.strip() if parts.scheme in ("http", "https") and parts.netloc else None


def when(value: Any, fmt: str = "%Y-%m-%d %H:%M") -> str:
    """A time for people: '2024-02-27 10:00 UTC'; '—' when missing."""
    if value is None or value == "":
        return "—"
    moment = value if isinstance(value, datetime) else parse_time(str(value))
    moment = moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
    return moment.strftime(fmt) + " UTC"


def iso(value: Any) -> str:
    """ISO-8601 UTC for <time datetime=…>."""
    if value is None:
        return ""
    return iso_text(value if isinstance(value, datetime) else parse_time(str(value)))


def number(value: Any) -> str:
    """1000000 → '1,000,000'; 2.5 → '2.5'."""
    if value is None:
        return "—"
    as_float = float(value)
    return f"{int(as_float):,}" if as_float.is_integer() else f"{as_float:,.2f}"


def time_tag(value: Any) -> Markup:
    """`<time datetime="ISO">2024-02-27 10:00 UTC</time>`, or '—' (both built from a time only)."""
    if value is None or value == "":
        return Markup("—")
    return Markup(f'<time datetime="{iso(value)}">{when(value)}</time>')


def link_tag(url: Any, text: Any) -> Markup:
    """A link to `url` showing `text` (escaped) when the URL is http(s); the text alone otherwise."""
    href = safe_href(url)
    shown = escape("" if text is None else text)
    if href is None:
        return shown
    return Markup(f'<a href="{escape(href)}" rel="noopener noreferrer nofollow">{shown}</a>')


@cache
def environment() -> Environment:
    """The Jinja2 environment over monitor/web/templates (built once)."""
    env = Environment(
        loader=PackageLoader("monitor.web", "templates"),
        autoescape=select_autoescape(["html", "svg", "xml"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        safe_href=safe_href,
        when=when,
        iso=iso,
        number=number,
        claim_value=format_claim_value,
        time_tag=time_tag,
        link_tag=link_tag,
    )
    return env


def render(template: str, **context: Any) -> str:
    """One template rendered with `context`."""
    return environment().get_template(template).render(**context)
