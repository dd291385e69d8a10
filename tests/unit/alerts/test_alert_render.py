"""How alerts read: values, summaries, subjects, the webhook body and the email bodies."""

from dataclasses import replace
from typing import Any

import pytest

from monitor.alerts.render import (
    alert_view,
    format_claim_value,
    html_body,
    subject_line,
    summary_line,
    text_body,
    webhook_body,
)
from tests.unit.alerts.alert_samples import CURRENT, PREVIOUS, alert, claim, probe_message

LABEL = "Artillery shells North Korea sent to Russia"


@pytest.mark.parametrize(
    ("given", "shown"),
    [
        (claim(1_000_000, qualifier="more than", lower=1_000_000), "more than 1,000,000"),
        (
            claim(3_000_000, qualifier="up to", approximate=True, upper=3_000_000),
            "up to about 3,000,000",
        ),
        (claim(3_000_000, qualifier="about", approximate=True), "about 3,000,000"),
        (claim(3_000_000, approximate=True), "about 3,000,000"),
        (claim(6700), "6,700"),
        (claim(2.5), "2.5"),
        (
            claim(None, lower=200_000, upper=999_999, text="hundreds of thousands"),
            "hundreds of thousands (200,000–999,999)",
        ),
        (
            claim(500_000, lower=200_000, upper=999_999, text="hundreds of thousands"),
            "hundreds of thousands (200,000–999,999)",
        ),
        (claim(None, text="countless"), "countless"),
    ],
)
def test_claim_values_read_as_reported(given: dict[str, Any], shown: str) -> None:
    assert format_claim_value(given) == shown


def test_summary_names_figure_and_change() -> None:
    assert summary_line(alert()) == f"{LABEL}: more than 1,000,000 → about 3,000,000"


def test_summary_of_a_first_report() -> None:
    assert summary_line(alert(previous=None)) == f"{LABEL}: about 3,000,000 (first report)"


def test_subject_names_figure_new_value_and_previous() -> None:
    assert subject_line(alert()) == f"[monitor] {LABEL}: about 3,000,000 (was more than 1,000,000)"


def test_test_messages_read_as_tests() -> None:
    assert subject_line(probe_message()) == "[monitor] Test alert"
    assert "test alert" in text_body(alert_view(probe_message())).lower()


def test_webhook_body_follows_the_spec() -> None:
    body = webhook_body(alert())
    assert body == {
        "type": "figure.changed",
        "timestamp": "2024-10-07T09:30:00+00:00",
        "data": alert().data,
    }
    assert set(body["data"]) == {"alert_id", "figure", "previous", "current", "direction", "story"}


def test_text_body_gives_values_sentence_attribution_and_links() -> None:
    text = text_body(alert_view(alert(), "https://monitor.example.org/"))
    assert "more than 1,000,000" in text and "about 3,000,000" in text
    assert f"“{CURRENT['sentence']}”" in text
    assert "South Korea's defence intelligence agency" in text
    assert CURRENT["article"]["url"] in text and PREVIOUS["article"]["url"] in text
    assert "https://monitor.example.org/figures/nk-shells" in text
    assert "Seoul revises shell estimate" in text


def test_html_escapes_everything_and_links_only_web_urls() -> None:
    hostile = claim(
        3_000_000, sentence="<script>alert(1)</script> & more", url="javascript:alert(1)"
    )
    page = html_body(alert_view(alert(current=hostile)))
    assert "<script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; more" in page
    assert "javascript:" not in page


def test_figure_link_needs_a_public_url() -> None:
    assert "/figures/" not in text_body(alert_view(alert()))


def test_unknown_label_falls_back_to_name() -> None:
    message = alert()
    data = {**message.data, "figure": {"name": "nk-shells", "label": ""}}
    assert summary_line(replace(message, data=data)).startswith("nk-shells: ")


def test_the_email_says_which_sentence_and_which_frame_made_the_change() -> None:
    framed = {
        **CURRENT,
        "scope": "North Korea",
        "kind": "total",
        "time": "current",
        "frame": {"head": "shell", "scope_source": "clause", "revision": "down"},
    }
    message = alert(current=framed)
    text = text_body(alert_view(message))
    assert "Frame:" in text
    assert "current total of artillery shells, scoped to North Korea, revised down" in text
    assert f"“{CURRENT['sentence']}”" in text
    assert "current total" in html_body(alert_view(message))
    assert webhook_body(message)["data"]["current"]["frame"]["revision"] == "down"


def test_an_alert_without_a_frame_reads_as_before() -> None:
    assert "Frame:" not in text_body(alert_view(alert()))
