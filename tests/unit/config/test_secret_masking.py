"""Secrets are never printed: config check, error messages and log lines mask them."""

from __future__ import annotations

import io
import json

import pytest

from monitor import logging as logs
from monitor.config import ConfigError, build, masked
from monitor.redact import MASK, mask_text

WHSEC = "whsec_c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0"  # 20 bytes


def config_with_secrets() -> dict[str, object]:
    return {
        "alerts": {
            "webhooks": [{"url": "https://hooks.example/in?token=tok123&team=a", "secret": WHSEC}],
            "email": [
                {
                    "to": ["a@b.example"],
                    "from": "m@b.example",
                    "smtp_url": "smtp://me:hunter2@mail.example:587",
                }
            ],
            "apprise": [{"url": "tgram://123456:bottoken/987"}],
        },
        "database_url": "postgresql+psycopg://monitor:dbpass@db.example/monitor",
    }


def test_config_check_masks_every_secret() -> None:
    shown = json.dumps(masked(build(config_with_secrets(), {})))
    for secret in ("tok123", "hunter2", "bottoken", "123456", "dbpass", WHSEC):
        assert secret not in shown, secret
    assert "smtp://me:********@mail.example:587" in shown
    assert "token=********" in shown and "team=a" in shown
    assert "tgram://********" in shown


@pytest.mark.parametrize(
    "secret",
    ["s3cr3t-not-whsec", "whsec_not*base64!", "whsec_c2hvcnQ="],
)
def test_a_bad_webhook_secret_is_refused_without_echoing_it(secret: str) -> None:
    data = {"alerts": {"webhooks": [{"url": "https://hooks.example/x", "secret": secret}]}}
    with pytest.raises(ConfigError) as caught:
        build(data, {})
    message = str(caught.value)
    assert caught.value.key == "alerts.webhooks[0].secret"
    assert secret not in message and secret.removeprefix("whsec_") not in message
    assert MASK in message


def test_a_well_formed_whsec_secret_passes() -> None:
    config = build({"alerts": {"webhooks": [{"url": "https://h.example/x", "secret": WHSEC}]}}, {})
    assert config.alerts.webhooks[0].secret == WHSEC


def test_a_bad_smtp_url_error_does_not_show_its_password() -> None:
    data = {
        "alerts": {"email": [{"to": ["a@b"], "from": "m@b", "smtp_url": "http://u:pw123@mail"}]}
    }
    with pytest.raises(ConfigError) as caught:
        build(data, {})
    assert "pw123" not in str(caught.value)


def test_log_lines_mask_url_credentials_and_tokens() -> None:
    out = io.StringIO()
    logs.configure("info", "json", out)
    logs.get_logger("test").warning(
        "feed failed", feed="https://u:pw@feeds.example/f?api_key=k123", error="smtp://a:b@c"
    )
    import logging

    logging.getLogger("apscheduler.scheduler").warning("job %s at https://x:y@z/?token=t9", "p")
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    text = out.getvalue()
    assert "pw@" not in text and "k123" not in text and ":b@" not in text and "t9" not in text
    assert lines[1]["logger"] == "apscheduler.scheduler"  # stdlib lines are JSON too


def test_mask_text_leaves_ordinary_text_alone() -> None:
    text = "https://news.example/world?page=2 said 412 ships"
    assert mask_text(text) == text
