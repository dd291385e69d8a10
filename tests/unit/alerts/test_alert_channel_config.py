"""Invalid channel settings are refused when the channel is built, naming the setting."""

from pathlib import Path
from typing import Any

import pytest

from monitor.alerts.channels import (
    AppriseChannel,
    ChannelConfigError,
    EmailChannel,
    WebhookChannel,
    channels_from_config,
)
from tests.support.webhook_receiver import new_secret

SECRET = new_secret()


@pytest.mark.parametrize(
    ("url", "secret", "complaint"),
    [
        ("ftp://hooks.example.org/x", SECRET, "scheme must be http or https"),
        ("https:///x", SECRET, "no host"),
        ("https://hooks.example.org/x", "s3cr3t", "must start with 'whsec_'"),
        ("https://hooks.example.org/x", "whsec_not*base64!", "not valid base64"),
        ("https://hooks.example.org/x", "whsec_c2hvcnQ=", "too short"),
    ],
)
def test_webhook_settings_are_checked(url: str, secret: str, complaint: str) -> None:
    with pytest.raises(ChannelConfigError, match=complaint):
        WebhookChannel(url, secret)


def test_webhook_name_leaves_out_credentials_and_query() -> None:
    channel = WebhookChannel("https://user:pw@hooks.example.org/monitor/?token=abc", SECRET)
    assert channel.name == "webhook:hooks.example.org/monitor"


@pytest.mark.parametrize(
    ("settings", "complaint"),
    [
        ({"smtp_url": "http://mail.example.org"}, "scheme must be smtp or smtps"),
        ({"smtp_url": "smtp://"}, "no host"),
        ({"smtp_url": "smtp://mail.example.org", "password": "pw"}, "names no user"),
        ({"to": []}, "non-empty list"),
        ({"to": ["not an address"]}, "not an email address"),
        ({"sender": "monitor"}, "from 'monitor': not an email address"),
    ],
)
def test_email_settings_are_checked(settings: dict[str, Any], complaint: str) -> None:
    arguments = {
        "to": ["desk@example.org"],
        "sender": "monitor@example.org",
        "smtp_url": "smtp://user@mail.example.org:587",
    } | settings
    with pytest.raises(ChannelConfigError, match=complaint):
        EmailChannel(**arguments)


def test_email_channel_is_named_by_its_recipients() -> None:
    channel = EmailChannel(
        ["desk@example.org"], "monitor@example.org", "smtps://user:pw@mail.example.org"
    )
    assert channel.name == "email:desk@example.org"
    assert (channel.target.port, channel.target.implicit_tls) == (465, True)


def test_unknown_apprise_scheme_is_refused() -> None:
    with pytest.raises(ChannelConfigError, match="'nosuchservice'"):
        AppriseChannel("nosuchservice://whatever")


def test_apprise_retries_are_left_to_the_outbox() -> None:
    channel = AppriseChannel("json://127.0.0.1:8080/hook?retry=3")
    assert channel._service.retry == 0
    assert channel.name == "apprise:json://127.0.0.1:8080/hook"


def test_config_builds_every_channel(tmp_path: Path) -> None:
    secret_file = tmp_path / "hook"
    secret_file.write_text(SECRET + "\n")
    channels = channels_from_config(
        {
            "public_url": "https://monitor.example.org",
            "webhooks": [
                {"url": "https://hooks.example.org/monitor", "secret_file": str(secret_file)}
            ],
            "email": [
                {
                    "to": ["desk@example.org"],
                    "from": "monitor@example.org",
                    "smtp_url": "smtp://mail.example.org",
                }
            ],
            "apprise": [{"url": "json://127.0.0.1:8080/hook"}],
        }
    )
    assert [c.name for c in channels] == [
        "webhook:hooks.example.org/monitor",
        "email:desk@example.org",
        "apprise:json://127.0.0.1:8080/hook",
    ]


def test_config_errors_name_the_entry() -> None:
    with pytest.raises(ChannelConfigError, match=r"alerts\.webhooks\[1\]: .*whsec_"):
        channels_from_config(
            {
                "webhooks": [
                    {"url": "https://a.example.org/", "secret": SECRET},
                    {"url": "https://b.example.org/", "secret": "plain"},
                ]
            }
        )


def test_missing_secret_is_reported() -> None:
    with pytest.raises(ChannelConfigError, match=r"alerts\.webhooks\[0\]\.secret: missing"):
        channels_from_config({"webhooks": [{"url": "https://a.example.org/"}]})


def test_the_same_target_twice_is_refused() -> None:
    hook = {"url": "https://a.example.org/x", "secret": SECRET}
    with pytest.raises(ChannelConfigError, match="configured twice"):
        channels_from_config({"webhooks": [hook, hook]})
