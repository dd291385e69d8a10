"""A real SMTP server on 127.0.0.1 (aiosmtpd) that records mail and can be scripted to refuse."""

from __future__ import annotations

import shutil
import ssl
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from tests.support.webhook_receiver import free_port


@dataclass(frozen=True)
class Received:
    """One accepted mail: envelope and parsed message."""

    mail_from: str
    rcpt_tos: tuple[str, ...]
    message: EmailMessage


class RecordingHandler:
    """aiosmtpd handler: answers DATA from the script (then 250) and records accepted mail."""

    def __init__(self) -> None:
        self.received: list[Received] = []
        self.attempts = 0
        self._script: list[str] = []

    def script(self, *replies: str) -> None:
        """Answer the next DATA commands with these replies, e.g. "451 4.3.0 try later"."""
        self._script.extend(replies)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        """Record the mail unless the script says otherwise."""
        self.attempts += 1
        if self._script:
            return self._script.pop(0)
        parsed = message_from_bytes(envelope.original_content, policy=policy.default)
        self.received.append(Received(envelope.mail_from, tuple(envelope.rcpt_tos), parsed))
        return "250 2.0.0 OK"


@dataclass(frozen=True)
class SmtpServer:
    """A running server and what it saw."""

    host: str
    port: int
    handler: RecordingHandler

    @property
    def url(self) -> str:
        """`smtp://` URL without credentials."""
        return f"smtp://{self.host}:{self.port}"

    @property
    def received(self) -> list[Received]:
        """Mail accepted so far."""
        return self.handler.received


def _accept_user(user: str, password: str) -> Any:
    def authenticate(server: Any, session: Any, envelope: Any, mechanism: str, data: Any) -> Any:
        ok = isinstance(data, LoginPassword) and (data.login, data.password) == (
            user.encode(),
            password.encode(),
        )
        return AuthResult(success=ok)

    return authenticate


def run_smtp_server(**smtp_options: Any) -> Iterator[SmtpServer]:
    """Start an aiosmtpd Controller on a free port (port 0 does not work with Controller)."""
    handler = RecordingHandler()
    controller = Controller(handler, hostname="127.0.0.1", port=free_port(), **smtp_options)
    controller.start()
    try:
        yield SmtpServer("127.0.0.1", controller.port, handler)
    finally:
        controller.stop()


@pytest.fixture
def smtp_server() -> Iterator[SmtpServer]:
    """A plain SMTP server: no STARTTLS, no AUTH."""
    yield from run_smtp_server()


@dataclass(frozen=True)
class Certificate:
    """A self-signed certificate for 127.0.0.1 and a client context that trusts it."""

    cert: Path
    key: Path

    def client_context(self) -> ssl.SSLContext:
        """A verifying client context that trusts only this certificate."""
        return ssl.create_default_context(cafile=str(self.cert))

    def server_context(self) -> ssl.SSLContext:
        """The server side."""
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(str(self.cert), str(self.key))
        return context


@pytest.fixture(scope="session")
def loopback_certificate(tmp_path_factory: pytest.TempPathFactory) -> Certificate:
    """Made with the openssl tool; tests needing TLS skip without it."""
    openssl = shutil.which("openssl")
    if openssl is None:
        pytest.skip("the openssl command is needed to make a test certificate")
    folder = tmp_path_factory.mktemp("tls")
    certificate = Certificate(folder / "cert.pem", folder / "key.pem")
    subprocess.run(
        [
            openssl,
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=127.0.0.1",
            "-addext",
            "subjectAltName=IP:127.0.0.1",
            "-keyout",
            str(certificate.key),
            "-out",
            str(certificate.cert),
        ],
        check=True,
        capture_output=True,
    )
    return certificate


SMTP_USER, SMTP_PASSWORD = "monitor", "correct horse"


@pytest.fixture
def starttls_smtp_server(loopback_certificate: Certificate) -> Iterator[SmtpServer]:
    """An SMTP server offering STARTTLS and requiring it before AUTH (user SMTP_USER)."""
    yield from run_smtp_server(
        tls_context=loopback_certificate.server_context(),
        require_starttls=True,
        authenticator=_accept_user(SMTP_USER, SMTP_PASSWORD),
        auth_required=True,
    )
