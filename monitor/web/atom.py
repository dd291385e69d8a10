"""/alerts.atom: the latest alerts as an Atom feed (RFC 4287), for any feed reader.

Entry ids are `urn:uuid:` names derived from the alert ids (stable across restarts, replays
and a change of public URL); `updated` is when the alert was raised. Links point at the
figure's page under `alerts.public_url` when it is set, else under the address the reader
used. Built with ElementTree, which escapes every text and attribute.
"""

from __future__ import annotations

import re
import uuid
import xml.etree.ElementTree as ET
from typing import Any
from urllib.parse import quote

from monitor.alerts.queries import alert_json, alerts_page
from monitor.alerts.render import format_claim_value
from monitor.web.view import ATOM, Answer, Query, View

ATOM_NS = "http://www.w3.org/2005/Atom"
ENTRIES = 50
EPOCH = "1970-01-01T00:00:00Z"  # `updated` of a feed without any alert yet
_NAMESPACE = uuid.UUID("6f1f8a52-59a4-4c43-9f64-3c3f4c1f0a2e")  # this project's alert ids


def entry_id(alert_id: str) -> str:
    """The stable Atom id of an alert."""
    return f"urn:uuid:{uuid.uuid5(_NAMESPACE, 'alert:' + alert_id)}"


# Characters XML 1.0 cannot carry at all (C0 controls but tab/newline/CR, lone surrogates).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _clean(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM_NS}}}{tag}", {k: _clean(v) for k, v in attrs.items()})
    if text is not None:
        element.text = _clean(text)
    return element


def _summary(alert: dict[str, Any]) -> str:
    current = alert["current"]
    text = f"{alert['label']}: {format_claim_value(current)}"
    if alert.get("previous"):
        text += f" (was {format_claim_value(alert['previous'])})"
    article = current.get("article") or {}
    if article.get("source"):
        text += f" — {article['source']}"
    if current.get("sentence"):
        text += f'\n\n"{current["sentence"]}"'
    return text


def build_feed(alerts: list[dict[str, Any]], base: str) -> bytes:
    """The Atom document for these alerts (newest first); `base` has no trailing slash."""
    ET.register_namespace("", ATOM_NS)
    feed = ET.Element(f"{{{ATOM_NS}}}feed")
    _sub(feed, "id", f"urn:uuid:{uuid.uuid5(_NAMESPACE, 'alerts-feed')}")
    _sub(feed, "title", "news monitor: figure alerts")
    _sub(feed, "updated", alerts[0]["created_at"] if alerts else EPOCH)
    _sub(_sub(feed, "author"), "name", "news monitor")
    _sub(feed, "link", rel="self", href=f"{base}/alerts.atom", type=ATOM.split(";")[0])
    _sub(feed, "link", rel="alternate", href=f"{base}/alerts", type="text/html")
    for alert in alerts:
        entry = _sub(feed, "entry")
        _sub(entry, "id", entry_id(alert["id"]))
        current = alert["current"]
        title = f"{alert['label']}: {current.get('text') or format_claim_value(current)}"
        _sub(entry, "title", title)
        _sub(entry, "updated", alert["created_at"])
        _sub(entry, "published", alert["created_at"])
        figure_url = f"{base}/figures/{quote(alert['figure'], safe='')}"
        _sub(entry, "link", rel="alternate", href=figure_url, type="text/html")
        article_url = (current.get("article") or {}).get("url")
        if isinstance(article_url, str) and article_url.startswith(("http://", "https://")):
            _sub(entry, "link", rel="related", href=article_url)
        _sub(entry, "category", term=alert["figure"])
        _sub(entry, "summary", _summary(alert), type="text")
    return bytes(ET.tostring(feed, encoding="utf-8", xml_declaration=True))


def alerts_feed(view: View, query: Query) -> Answer:
    """The latest alerts, newest first."""
    with view.connect() as conn:
        alerts = [alert_json(r) for r in alerts_page(conn, ENTRIES)]
    base = (view.config.alerts.public_url or query.base_url).rstrip("/")
    return Answer(build_feed(alerts, base), ATOM)
