"""Alert emails: multipart, stable Message-ID, threading by figure, automatic-mail marks."""

from email.message import EmailMessage

from monitor.alerts.channels.email import build_email, message_id
from tests.unit.alerts.alert_samples import alert, claim, probe_message

SENDER, TO = "monitor@example.org", ["desk@example.org", "night@example.org"]


def body_of(mail: EmailMessage, kind: str) -> str:
    """The decoded text of the plain or html alternative."""
    part = mail.get_body((kind,))
    assert part is not None
    return str(part.get_content())


def test_email_is_multipart_text_and_html() -> None:
    mail = build_email(alert(), SENDER, TO)
    assert mail.get_content_type() == "multipart/alternative"
    assert [part.get_content_type() for part in mail.iter_parts()] == ["text/plain", "text/html"]


def test_headers_mark_an_automatic_message_to_the_recipients() -> None:
    mail = build_email(alert(), SENDER, TO)
    assert mail["Auto-Submitted"] == "auto-generated"
    assert mail["From"] == SENDER
    assert mail["To"] == "desk@example.org, night@example.org"
    assert mail["Subject"].startswith("[monitor] Artillery shells North Korea sent to Russia: ")


def test_message_id_is_stable_per_alert() -> None:
    first, again = build_email(alert("a-1"), SENDER, TO), build_email(alert("a-1"), SENDER, TO)
    assert first["Message-ID"] == again["Message-ID"] == "<a-1@example.org>"
    assert build_email(alert("a-2"), SENDER, TO)["Message-ID"] != first["Message-ID"]


def test_the_same_alert_always_builds_the_same_bytes() -> None:
    assert bytes(build_email(alert("a-1"), SENDER, TO)) == bytes(
        build_email(alert("a-1"), SENDER, TO)
    )


def test_updates_of_one_figure_reply_to_the_previous_alert() -> None:
    mail = build_email(alert("a-3", previous_ids=("a-1", "a-2")), SENDER, TO)
    assert mail["In-Reply-To"] == "<a-2@example.org>"
    assert mail["References"] == "<a-1@example.org> <a-2@example.org>"


def test_first_alert_of_a_figure_starts_a_thread() -> None:
    mail = build_email(alert("a-1"), SENDER, TO)
    assert mail["In-Reply-To"] is None and mail["References"] is None


def test_message_id_stays_a_valid_token_whatever_the_alert_id() -> None:
    assert message_id("figure changed <1>", "monitor@example.org") == (
        "<figure-changed--1-@example.org>"
    )


def test_bodies_carry_the_figure_link_when_public_url_is_set() -> None:
    mail = build_email(alert(), SENDER, TO, public_url="https://monitor.example.org")
    text = body_of(mail, "plain")
    page = body_of(mail, "html")
    assert "https://monitor.example.org/figures/nk-shells" in text
    assert 'href="https://monitor.example.org/figures/nk-shells"' in page


def test_a_test_alert_renders_as_an_email_too() -> None:
    mail = build_email(probe_message(), SENDER, TO)
    assert mail["Subject"] == "[monitor] Test alert"
    assert "channel works" in body_of(mail, "plain")


def test_line_breaks_in_reported_text_never_reach_the_subject() -> None:
    vague = claim(None, lower=200_000, upper=999_999, text="hundreds\nof thousands")
    mail = build_email(alert(current=vague), SENDER, TO)
    assert "hundreds of thousands (200,000–999,999)" in mail["Subject"]
