"""One failing or slow channel never holds back another."""

import asyncio

from monitor.alerts.channels import EmailChannel, Outcome, WebhookChannel
from tests.support.smtp_server import SmtpServer
from tests.support.webhook_receiver import Reply, WebhookReceiver
from tests.unit.alerts.alert_samples import alert


async def deliver_while_webhook_hangs(
    webhook: WebhookChannel, email: EmailChannel
) -> tuple[Outcome, bool, Outcome]:
    """Start both attempts; report the email outcome and whether the webhook was still busy."""
    hanging = asyncio.create_task(webhook.send(alert()))
    mailed = await email.send(alert())
    still_busy = not hanging.done()
    return mailed, still_busy, await hanging


def test_a_hanging_webhook_does_not_delay_email(
    webhook_receiver: WebhookReceiver, smtp_server: SmtpServer
) -> None:
    webhook_receiver.script(Reply(hang=True))
    webhook = WebhookChannel(webhook_receiver.url, webhook_receiver.secret, timeout=1.0)
    email = EmailChannel(["desk@example.org"], "monitor@example.org", smtp_server.url)
    mailed, webhook_still_busy, hooked = asyncio.run(deliver_while_webhook_hangs(webhook, email))
    assert mailed.status == "delivered" and len(smtp_server.received) == 1
    assert webhook_still_busy
    assert hooked.status == "retry"
