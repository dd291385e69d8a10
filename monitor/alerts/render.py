"""Pure rendering of alerts: webhook body, one-line summaries and the email text/HTML bodies."""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, urlsplit

from monitor.clock import as_utc

if TYPE_CHECKING:  # channels import this module; a runtime import would be circular
    from monitor.alerts.channels.base import Message

# Qualifiers that already say "approximately"; adding "about" to them would read badly.
_APPROXIMATE_QUALIFIERS = frozenset(
    {
        "about",
        "around",
        "approximately",
        "roughly",
        "some",
        "nearly",
        "almost",
        "estimated",
        "an estimated",
        "close to",
        "circa",
    }
)
TEST_TEXT = "This is a test alert from news monitor. If you can read it, this channel works."


def iso_utc(moment: datetime) -> str:
    """ISO-8601 in UTC; a naive datetime is taken to be UTC already."""
    return as_utc(moment).isoformat()


def webhook_body(message: Message) -> dict[str, Any]:
    """The docs/SPEC.md §7 webhook payload: {"type", "timestamp", "data"}."""
    return {"type": message.type, "timestamp": iso_utc(message.timestamp), "data": message.data}


def format_number(value: Any) -> str:
    """1000000 → "1,000,000"; 2.5 → "2.5"; anything unparseable is shown as given."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return str(value)
    if number.is_integer():
        return f"{int(number):,}"
    return f"{number:,.6f}".rstrip("0").rstrip(".")


def format_claim_value(claim: Mapping[str, Any]) -> str:
    """A claim's value as a reader would say it: "more than 1,000,000", "up to about 3,000,000"."""
    value, lower, upper = claim.get("value"), claim.get("lower"), claim.get("upper")
    qualifier = (claim.get("qualifier") or "").strip()
    approximate = bool(claim.get("approximate"))
    words = (claim.get("text") or "").strip()
    is_range = lower is not None and upper is not None and lower != upper
    if is_range and (value is None or not (qualifier or approximate)):
        span = f"{format_number(lower)}–{format_number(upper)}"
        return f"{words} ({span})" if words else span
    if value is None:
        return words or "unknown"
    parts = [qualifier] if qualifier else []
    if approximate and qualifier.lower() not in _APPROXIMATE_QUALIFIERS:
        parts.append("about")
    parts.append(format_number(value))
    return " ".join(parts)


def frame_text(claim: Mapping[str, Any]) -> str:
    """What made the claim a change: "current total of cases, scoped to Ohio, revised down"."""
    if not claim.get("kind"):
        return ""
    frame: Mapping[str, Any] = claim.get("frame") or {}
    noun = claim.get("unit") or frame.get("head")
    parts = [f"{claim.get('time') or 'current'} {claim['kind']}" + (f" of {noun}" if noun else "")]
    if claim.get("scope"):
        parts.append(f"scoped to {claim['scope']}")
    if frame.get("revision"):
        parts.append(f"revised {frame['revision']}".replace("revised revised", "revised"))
    return ", ".join(parts)


def one_line(text: str) -> str:
    """Collapse whitespace: article text can carry line breaks, which headers must not."""
    return " ".join(text.split())


def _label(data: Mapping[str, Any]) -> str:
    figure = data.get("figure") or {}
    return str(figure.get("label") or figure.get("name") or "Tracked figure")


def summary_line(message: Message) -> str:
    """One line for humans: "Label: more than 1,000,000 → about 3,000,000"."""
    if message.type == "monitor.test":
        return "Test alert from news monitor"
    data = message.data
    current = format_claim_value(data.get("current") or {})
    previous = data.get("previous")
    if not previous:
        return one_line(f"{_label(data)}: {current} (first report)")
    return one_line(f"{_label(data)}: {format_claim_value(previous)} → {current}")


def subject_line(message: Message) -> str:
    """Email subject naming the figure and its new value."""
    if message.type == "monitor.test":
        return "[monitor] Test alert"
    data = message.data
    current = format_claim_value(data.get("current") or {})
    previous = data.get("previous")
    was = f"was {format_claim_value(previous)}" if previous else "first report"
    return one_line(f"[monitor] {_label(data)}: {current} ({was})")


@dataclass(frozen=True)
class Link:
    """A labelled link; only http(s) URLs ever become links."""

    text: str
    url: str


@dataclass(frozen=True)
class AlertView:
    """Everything an alert body shows, shared by the text and HTML renderings."""

    headline: str
    facts: tuple[tuple[str, str], ...]
    sentence: str
    attribution: str
    links: tuple[Link, ...]
    note: str


def _safe_url(url: Any) -> str | None:
    text = str(url or "")
    return text if urlsplit(text).scheme in ("http", "https") else None


def _article_link(prefix: str, claim: Mapping[str, Any] | None) -> Link | None:
    article = (claim or {}).get("article") or {}
    url = _safe_url(article.get("url"))
    if url is None:
        return None
    bits = [str(article.get("title") or url)]
    bits += [str(article[key]) for key in ("source", "published_at") if article.get(key)]
    return Link(f"{prefix}: {' — '.join(bits)}", url)


def _figure_link(data: Mapping[str, Any], public_url: str) -> Link | None:
    name = (data.get("figure") or {}).get("name")
    base = _safe_url(public_url.rstrip("/"))
    if not name or base is None:
        return None
    return Link("Timeline of this figure", f"{base}/figures/{quote(str(name), safe='')}")


def alert_view(message: Message, public_url: str = "") -> AlertView:
    """Collect what an alert body shows; pure, so both renderings stay in step."""
    data = message.data
    if message.type == "monitor.test":
        return AlertView(
            summary_line(message), (), "", "", (), str(data.get("message") or TEST_TEXT)
        )
    current: Mapping[str, Any] = data.get("current") or {}
    previous: Mapping[str, Any] | None = data.get("previous")
    story: Mapping[str, Any] = data.get("story") or {}
    facts = [("Figure", _label(data))]
    facts.append(("Previous", format_claim_value(previous) if previous else "none (first report)"))
    facts.append(("Current", format_claim_value(current)))
    if data.get("direction"):
        facts.append(("Direction", str(data["direction"])))
    frame = frame_text(current)
    if frame:
        facts.append(("Frame", frame))
    if story.get("title"):
        facts.append(("Story", str(story["title"])))
    if story.get("sources"):
        facts.append(("Sources", ", ".join(str(s) for s in story["sources"])))
    candidates = (
        _article_link("Reported in", current),
        _article_link("Previously in", previous),
        _figure_link(data, public_url),
    )
    return AlertView(
        headline=summary_line(message),
        facts=tuple(facts),
        sentence=str(current.get("sentence") or ""),
        attribution=str(current.get("attribution") or ""),
        links=tuple(link for link in candidates if link is not None),
        note="",
    )


def text_body(view: AlertView) -> str:
    """Plain-text rendering of an alert."""
    lines = [view.headline, ""]
    width = max((len(label) for label, _ in view.facts), default=0)
    lines += [f"{label + ':':<{width + 1}} {value}" for label, value in view.facts]
    if view.sentence:
        lines += ["", f"“{view.sentence}”"]
    if view.attribution:
        lines.append(f"Attributed to: {view.attribution}")
    if view.links:
        lines.append("")
        lines += [f"{link.text}\n  {link.url}" for link in view.links]
    if view.note:
        lines += ["", view.note]
    lines += ["", "-- ", "Sent automatically by news monitor."]
    return "\n".join(lines) + "\n"


def html_body(view: AlertView) -> str:
    """HTML rendering of an alert; every value is escaped."""
    esc = html.escape
    parts = [f"<h2>{esc(view.headline)}</h2>"]
    if view.facts:
        rows = "".join(
            f'<tr><th align="left">{esc(label)}</th><td>{esc(value)}</td></tr>'
            for label, value in view.facts
        )
        parts.append(f"<table>{rows}</table>")
    if view.sentence:
        parts.append(f"<blockquote>{esc(view.sentence)}</blockquote>")
    if view.attribution:
        parts.append(f"<p>Attributed to: {esc(view.attribution)}</p>")
    if view.links:
        items = "".join(
            f'<li><a href="{esc(link.url, quote=True)}">{esc(link.text)}</a></li>'
            for link in view.links
        )
        parts.append(f"<ul>{items}</ul>")
    if view.note:
        parts.append(f"<p>{esc(view.note)}</p>")
    parts.append("<p><small>Sent automatically by news monitor.</small></p>")
    body = "\n".join(parts)
    return f"<!DOCTYPE html>\n<html><body>\n{body}\n</body></html>\n"
