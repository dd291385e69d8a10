"""Alert delivery channels: webhook, email and Apprise, each returning a precise Outcome."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from monitor.alerts.channels.apprise import AppriseChannel
from monitor.alerts.channels.base import Channel, ChannelConfigError, Message, Outcome
from monitor.alerts.channels.email import EmailChannel
from monitor.alerts.channels.webhook import WebhookChannel

__all__ = [
    "AppriseChannel",
    "Channel",
    "ChannelConfigError",
    "EmailChannel",
    "Message",
    "Outcome",
    "WebhookChannel",
    "channels_from_config",
]


def _secret(entry: Mapping[str, Any], key: str, setting: str) -> str | None:
    """`key` or the contents of `key_file` (systemd credentials); None when neither is set."""
    if entry.get(key) is not None:
        return str(entry[key])
    path = entry.get(f"{key}_file")
    if path is None:
        return None
    try:
        return Path(path).read_text(encoding="utf-8").strip()
    except OSError as exc:
        raise ChannelConfigError(f"{setting}.{key}_file {path!r}: cannot read ({exc})") from exc


def _required(entry: Mapping[str, Any], key: str, setting: str) -> Any:
    if entry.get(key) in (None, "", []):
        raise ChannelConfigError(f"{setting}.{key}: missing")
    return entry[key]


def _webhook(entry: Mapping[str, Any], setting: str) -> WebhookChannel:
    secret = _secret(entry, "secret", setting)
    if not secret:
        raise ChannelConfigError(f"{setting}.secret: missing (or set secret_file)")
    return WebhookChannel(_required(entry, "url", setting), secret)


def _email(entry: Mapping[str, Any], setting: str, public_url: str) -> EmailChannel:
    to = _required(entry, "to", setting)
    return EmailChannel(
        to=[to] if isinstance(to, str) else list(to),
        sender=_required(entry, "from", setting),
        smtp_url=_required(entry, "smtp_url", setting),
        password=_secret(entry, "password", setting),
        public_url=public_url,
    )


def channels_from_config(alerts: Mapping[str, Any]) -> list[Channel]:
    """Build every channel of an `[alerts]` table; ChannelConfigError names the bad setting."""
    public_url = str(alerts.get("public_url") or "")
    built: list[Channel] = []
    sections: Sequence[tuple[str, Any]] = (
        ("webhooks", _webhook),
        ("email", lambda e, s: _email(e, s, public_url)),
        ("apprise", lambda e, s: AppriseChannel(_required(e, "url", s))),
    )
    for key, make in sections:
        for index, entry in enumerate(alerts.get(key) or ()):
            setting = f"alerts.{key}[{index}]"
            try:
                built.append(make(entry, setting))
            except ChannelConfigError as exc:
                message = str(exc)
                raise ChannelConfigError(
                    message if message.startswith(setting) else f"{setting}: {message}"
                ) from exc
    names = [channel.name for channel in built]
    duplicates = sorted({name for name in names if names.count(name) > 1})
    if duplicates:
        raise ChannelConfigError(f"alerts: the same target is configured twice: {duplicates}")
    return built
