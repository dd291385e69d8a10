"""Real loopback servers for the alert channel tests."""

from tests.support.smtp_server import (  # noqa: F401 (fixtures)
    loopback_certificate,
    smtp_server,
    starttls_smtp_server,
)
from tests.support.webhook_receiver import (  # noqa: F401 (fixtures)
    json_receiver,
    webhook_receiver,
    webhook_secret,
)
