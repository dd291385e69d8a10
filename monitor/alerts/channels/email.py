"""Email channel: multipart text + HTML over SMTP, threaded per figure."""

from __future__ import annotations

import asyncio
import hashlib
import re
import smtplib
import ssl
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime
from urllib.parse import unquote, urlsplit

from monitor.alerts.channels.base import ChannelConfigError, Message, Outcome
from monitor.alerts.render import alert_view, html_body, subject_line, text_body

FALLBACK_MSGID_DOMAIN = "news-monitor.invalid"
_DEFAULT_PORTS = {"smtp": 587, "smtps": 465}
_MSGID_UNSAFE = re.compile(r"[^A-Za-z0-9.\-_+=]")


class CleartextRefused(smtplib.SMTPException):
    """The server offers no STARTTLS and we hold a password: never send it in clear."""


@dataclass(frozen=True)
class SmtpTarget:
    """Where and how to submit mail, parsed from `smtp_url`."""

    implicit_tls: bool
    host: str
    port: int
    username: str | None
    password: str | None


def parse_smtp_url(smtp_url: str, password: str | None = None) -> SmtpTarget:
    """`smtp://user@host:587` (STARTTLS when offered) or `smtps://host:465` (implicit TLS)."""
    parts = urlsplit(smtp_url)
    if parts.scheme not in _DEFAULT_PORTS:
        raise ChannelConfigError(f"email smtp_url {parts.scheme}://…: scheme must be smtp or smtps")
    if not parts.hostname:
        raise ChannelConfigError("email smtp_url: no host")
    try:
        port = parts.port or _DEFAULT_PORTS[parts.scheme]
    except ValueError as exc:
        raise ChannelConfigError(f"email smtp_url: {exc}") from exc
    username = unquote(parts.username) if parts.username else None
    secret = password if password is not None else (unquote(parts.password or "") or None)
    if secret and not username:
        raise ChannelConfigError("email smtp_url: a password is set but the URL names no user")
    return SmtpTarget(parts.scheme == "smtps", parts.hostname, port, username, secret)


def _check_address(setting: str, address: str) -> str:
    try:
        parsed = Address(addr_spec=address)
    except (ValueError, IndexError) as exc:
        raise ChannelConfigError(f"email {setting} {address!r}: not an email address") from exc
    if not parsed.domain:
        raise ChannelConfigError(f"email {setting} {address!r}: not an email address (no domain)")
    return address


def message_id(alert_id: str, sender: str) -> str:
    """A Message-ID that depends only on the alert id and the sender's domain."""
    domain = sender.rpartition("@")[2] or FALLBACK_MSGID_DOMAIN
    return f"<{_MSGID_UNSAFE.sub('-', alert_id)}@{_MSGID_UNSAFE.sub('-', domain)}>"


def _utc(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def build_email(
    message: Message, sender: str, to: Sequence[str], public_url: str = ""
) -> EmailMessage:
    """The alert as a threaded multipart/alternative email; pure and deterministic."""
    view = alert_view(message, public_url)
    mail = EmailMessage()
    mail["Subject"] = subject_line(message)
    mail["From"] = sender
    mail["To"] = ", ".join(to)
    mail["Date"] = format_datetime(_utc(message.timestamp))
    mail["Message-ID"] = message_id(message.id, sender)
    if message.previous_ids:
        mail["In-Reply-To"] = message_id(message.previous_ids[-1], sender)
        mail["References"] = " ".join(message_id(p, sender) for p in message.previous_ids)
    # RFC 3834: marks the mail as automatic so vacation responders stay quiet.
    mail["Auto-Submitted"] = "auto-generated"
    mail["X-Auto-Response-Suppress"] = "All"
    mail["X-Monitor-Alert-Id"] = message.id
    mail.set_content(text_body(view))
    mail.add_alternative(html_body(view), subtype="html")
    # A boundary derived from the alert id keeps the whole message byte-for-byte reproducible.
    mail.set_boundary(f"monitor-{hashlib.sha256(message.id.encode()).hexdigest()[:32]}")
    return mail


def classify_smtp_reply(code: int, text: bytes | str) -> Outcome:
    """SMTP 4xx → retry, 5xx (and anything else) → failed."""
    reply = text.decode("utf-8", "replace") if isinstance(text, bytes) else text
    error = f"SMTP {code} {reply}".strip()
    if 400 <= code < 500:
        return Outcome.retry(error, detail=f"SMTP {code}")
    return Outcome.failed(error, detail=f"SMTP {code}")


def classify_refusals(refused: Mapping[str, tuple[int, bytes]], all_refused: bool) -> Outcome:
    """Outcome when some or all recipients were refused."""
    listing = "; ".join(
        f"{rcpt}: {code} {msg.decode('utf-8', 'replace')}" for rcpt, (code, msg) in refused.items()
    )
    if any(400 <= code < 500 for code, _ in refused.values()):
        # A retry may repeat the mail to accepted recipients; at-least-once allows that and
        # the stable Message-ID lets their clients fold the copies.
        return Outcome.retry(f"recipients deferred: {listing}", detail="SMTP 4xx")
    if all_refused:
        return Outcome.failed(f"recipients refused: {listing}", detail="SMTP 5xx")
    return Outcome.delivered(f"delivered except to refused recipients: {listing}")


def _secure(smtp: smtplib.SMTP, target: SmtpTarget, context: ssl.SSLContext) -> None:
    smtp.ehlo()
    if not target.implicit_tls:
        if smtp.has_extn("starttls"):
            smtp.starttls(context=context)
            smtp.ehlo()
        elif target.password:
            raise CleartextRefused(
                f"{target.host}:{target.port} does not offer STARTTLS; refusing to send the "
                "SMTP password in clear (use smtps:// or a server with STARTTLS)"
            )
    if target.username and target.password:
        smtp.login(target.username, target.password)


def submit(
    target: SmtpTarget, mail: EmailMessage, timeout: float, context: ssl.SSLContext
) -> Outcome:
    """Blocking: one SMTP session submitting `mail`, mapped to an outcome."""
    smtp: smtplib.SMTP
    try:
        if target.implicit_tls:
            smtp = smtplib.SMTP_SSL(target.host, target.port, timeout=timeout, context=context)
        else:
            smtp = smtplib.SMTP(target.host, target.port, timeout=timeout)
        with smtp:
            _secure(smtp, target, context)
            refused = smtp.send_message(mail)
    except smtplib.SMTPRecipientsRefused as exc:
        return classify_refusals(exc.recipients, all_refused=True)
    except smtplib.SMTPResponseException as exc:
        return classify_smtp_reply(exc.smtp_code, exc.smtp_error)
    except (CleartextRefused, smtplib.SMTPNotSupportedError) as exc:
        return Outcome.failed(str(exc))
    except TimeoutError:
        return Outcome.retry(f"SMTP timeout after {timeout:g} s")
    except (smtplib.SMTPException, OSError) as exc:
        return Outcome.retry(f"{type(exc).__name__}: {exc}")
    if refused:
        return classify_refusals(refused, all_refused=False)
    return Outcome.delivered("SMTP 250")


class EmailChannel:
    """Sends each alert as an email to fixed recipients; one SMTP session per `send`."""

    def __init__(
        self,
        to: Sequence[str],
        sender: str,
        smtp_url: str,
        password: str | None = None,
        timeout: float = 30.0,
        public_url: str = "",
        tls_context: ssl.SSLContext | None = None,
    ) -> None:
        if isinstance(to, str) or not to:
            raise ChannelConfigError("email to: must be a non-empty list of addresses")
        if timeout <= 0:
            raise ChannelConfigError(f"email timeout: must be positive, got {timeout}")
        self.to = tuple(_check_address("to", address) for address in to)
        self.sender = _check_address("from", sender)
        self.target = parse_smtp_url(smtp_url, password)
        self.timeout = timeout
        self.public_url = public_url
        self.tls_context = tls_context or ssl.create_default_context()
        self.name = f"email:{','.join(self.to)}"

    async def send(self, message: Message) -> Outcome:
        """Build and submit the email in a worker thread, bounded by the timeout."""
        mail = build_email(message, self.sender, self.to, self.public_url)
        attempt = asyncio.to_thread(submit, self.target, mail, self.timeout, self.tls_context)
        try:
            # smtplib's timeout is per socket operation; this bounds the whole session.
            return await asyncio.wait_for(attempt, self.timeout)
        except TimeoutError:
            return Outcome.retry(f"SMTP session exceeded {self.timeout:g} s")
