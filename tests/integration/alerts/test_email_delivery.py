"""Email delivery against a real SMTP server (aiosmtpd) on loopback."""

import asyncio
import ssl

from monitor.alerts.channels import EmailChannel, Outcome
from monitor.alerts.channels.base import Message
from tests.support.smtp_server import SMTP_PASSWORD, SMTP_USER, Certificate, SmtpServer
from tests.support.webhook_receiver import free_port
from tests.unit.alerts.alert_samples import alert

SENDER, DESK = "monitor@example.org", "desk@example.org"


def send(channel: EmailChannel, message: Message) -> Outcome:
    """One delivery attempt, as the outbox makes it."""
    return asyncio.run(channel.send(message))


def channel_for(
    smtp_url: str, password: str | None = None, tls: ssl.SSLContext | None = None
) -> EmailChannel:
    return EmailChannel([DESK], SENDER, smtp_url, password=password, timeout=5.0, tls_context=tls)


def test_an_alert_arrives_as_multipart_mail(smtp_server: SmtpServer) -> None:
    assert send(channel_for(smtp_server.url), alert("alrt-1")).status == "delivered"
    [mail] = smtp_server.received
    assert (mail.mail_from, mail.rcpt_tos) == (SENDER, (DESK,))
    assert mail.message["Message-ID"] == "<alrt-1@example.org>"
    assert mail.message["Auto-Submitted"] == "auto-generated"
    assert mail.message.get_content_type() == "multipart/alternative"
    assert "about 3,000,000" in mail.message["Subject"]


def test_a_temporary_refusal_is_retried_then_delivered(smtp_server: SmtpServer) -> None:
    smtp_server.handler.script("451 4.3.0 mailbox busy, try later")
    channel = channel_for(smtp_server.url)
    first, second = send(channel, alert()), send(channel, alert())
    assert (first.status, first.detail) == ("retry", "SMTP 451")
    assert "mailbox busy" in (first.error or "")
    assert second.status == "delivered" and len(smtp_server.received) == 1


def test_a_permanent_refusal_fails(smtp_server: SmtpServer) -> None:
    smtp_server.handler.script("550 5.7.1 message rejected")
    outcome = send(channel_for(smtp_server.url), alert())
    assert (outcome.status, outcome.detail) == ("failed", "SMTP 550")
    assert smtp_server.received == []


def test_three_alerts_of_one_figure_thread_together(smtp_server: SmtpServer) -> None:
    channel = channel_for(smtp_server.url)
    for alert_id, earlier in [("a-1", ()), ("a-2", ("a-1",)), ("a-3", ("a-1", "a-2"))]:
        assert send(channel, alert(alert_id, previous_ids=earlier)).status == "delivered"
    first, second, third = (mail.message for mail in smtp_server.received)
    assert first["In-Reply-To"] is None
    assert second["In-Reply-To"] == first["Message-ID"]
    assert third["In-Reply-To"] == second["Message-ID"]
    assert third["References"].split() == [first["Message-ID"], second["Message-ID"]]


def test_a_password_is_never_sent_without_tls(smtp_server: SmtpServer) -> None:
    url = f"smtp://{SMTP_USER}@{smtp_server.host}:{smtp_server.port}"
    outcome = send(channel_for(url, password=SMTP_PASSWORD), alert())
    assert outcome.status == "failed" and "does not offer STARTTLS" in (outcome.error or "")
    assert smtp_server.handler.attempts == 0


def test_starttls_is_used_when_offered_and_login_follows(
    starttls_smtp_server: SmtpServer, loopback_certificate: Certificate
) -> None:
    server = starttls_smtp_server
    url = f"smtp://{SMTP_USER}@{server.host}:{server.port}"
    channel = channel_for(url, SMTP_PASSWORD, loopback_certificate.client_context())
    assert send(channel, alert()).status == "delivered"
    assert len(server.received) == 1


def test_an_untrusted_certificate_is_not_accepted(starttls_smtp_server: SmtpServer) -> None:
    server = starttls_smtp_server
    url = f"smtp://{SMTP_USER}@{server.host}:{server.port}"
    outcome = send(channel_for(url, SMTP_PASSWORD), alert())
    assert outcome.status == "retry" and "CERTIFICATE_VERIFY_FAILED" in (outcome.error or "")
    assert server.received == []


def test_an_unreachable_server_is_retried() -> None:
    outcome = send(channel_for(f"smtp://127.0.0.1:{free_port()}"), alert())
    assert outcome.status == "retry" and "Connection refused" in (outcome.error or "")
