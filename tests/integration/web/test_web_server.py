"""The web server: read-only, safe headers, errors as pages, idle connections closed,
a taken port refused in one line."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from aiohttp import web

from monitor.web.server import PortInUse, WebServer, parse_listen
from monitor.web.wiring import web_view
from tests.integration.web.conftest import Site


def test_pages_are_served_with_security_headers(site: Site) -> None:
    reply = site.get("/")
    assert reply.status == 200
    assert reply.headers["content-type"] == "text/html; charset=utf-8"
    csp = reply.headers["content-security-policy"]
    assert "default-src 'none'" in csp and "script-src" not in csp, "no script may run at all"
    assert reply.headers["x-content-type-options"] == "nosniff"
    assert reply.headers["x-frame-options"] == "DENY"


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "PATCH"])
def test_the_view_is_read_only(site: Site, method: str) -> None:
    for path in ("/", "/api/stories", "/no-such-page"):
        reply = site.request(method, path)
        assert reply.status == 405
        assert reply.headers["allow"] == "GET, HEAD"


def test_a_loopback_view_answers_only_to_loopback_names_and_the_public_host(site: Site) -> None:
    port = urlsplit(site.url).port
    for host in (f"127.0.0.1:{port}", f"localhost:{port}", f"[::1]:{port}", "monitor.example.org"):
        assert site.request("GET", "/", {"Host": host}).status == 200, host
    # A page elsewhere whose name was rebound to 127.0.0.1 must not read the view.
    for host in ("evil.example", f"evil.example:{port}", "monitor.example.org.evil.example"):
        reply = site.request("GET", "/api/feeds", {"Host": host})
        assert reply.status == 421, host
        assert "misdirected" in reply.text


def test_head_answers_without_a_body(site: Site) -> None:
    reply = site.request("HEAD", "/stories")
    assert reply.status == 200 and reply.body == b""


def test_unknown_paths_are_404_pages_and_api_errors_are_json(site: Site) -> None:
    page = site.get("/no-such-page")
    assert page.status == 404 and "<h1>404</h1>" in page.text
    api = site.get("/api/figures/no-such-figure")
    assert api.status == 404
    assert api.headers["content-type"].startswith("application/json")
    assert "no-such-figure" in api.text


def test_a_bad_parameter_is_a_400_naming_it(site: Site) -> None:
    reply = site.get("/api/stories?limit=lots")
    assert reply.status == 400
    assert "limit must be a whole number" in reply.text


def test_an_idle_connection_is_closed_by_the_server(site: Site) -> None:
    parts = urlsplit(site.url)
    with socket.create_connection((parts.hostname, parts.port), timeout=10) as sock:
        started = time.monotonic()
        assert sock.recv(1) == b"", "the server closes a connection that never sends a request"
        assert time.monotonic() - started < 8


def test_a_port_in_use_is_one_clear_error(site: Site) -> None:
    taken = urlsplit(site.url).netloc
    with pytest.raises(PortInUse, match=r"127\.0\.0\.1:\d+ is already in use"):
        WebServer(web.Application(), taken)


def test_monitor_run_on_a_taken_port_says_so_in_one_line_and_exits_1(
    tmp_path: Path, site: Site
) -> None:
    taken = urlsplit(site.url).netloc
    config = tmp_path / "monitor.toml"
    config.write_text(
        f'database_url = "sqlite:///{tmp_path}/m.db"\n\n[web]\nlisten = "{taken}"\n',
        encoding="utf-8",
    )
    out = subprocess.run(
        [sys.executable, "-m", "monitor", "--config", str(config), "run"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 1
    errors = [line for line in out.stderr.splitlines() if line.strip()]
    assert len(errors) == 1, out.stderr
    assert "is already in use" in errors[0] and "Traceback" not in out.stderr


def test_an_empty_listen_disables_the_view() -> None:
    with web_view(lambda: None, None, "") as server:  # type: ignore[arg-type, return-value]
        assert server is None


def test_listen_addresses_parse() -> None:
    assert parse_listen("127.0.0.1:8750") == ("127.0.0.1", 8750)
    assert parse_listen("[::1]:9000") == ("::1", 9000)
