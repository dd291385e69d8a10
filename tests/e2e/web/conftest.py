"""A real `monitor run` on the demo data, with its web view on a loopback port."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console

from monitor.demo.run import run_demo
from monitor.demo.timeline import timeline
from tests.e2e.daemon_support import MONITOR, ROOT, Daemon, DaemonConfig, NotifyListener
from tests.support.webhook_receiver import free_port

PUBLIC_URL = "https://monitor.example.org/news"
CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"


@dataclass(frozen=True)
class DemoDaemon:
    """The running daemon and what the tests need to know about it."""

    daemon: Daemon
    config: Path
    figure: str

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.daemon.config.web_port}"

    def get(self, path: str) -> tuple[int, str]:
        return self.daemon.get(path)

    def api(self, path: str) -> Any:
        status, body = self.get(path)
        assert status == 200, (path, body)
        return json.loads(body)

    def cli(self, *args: str) -> Any:
        """`monitor --config X ARGS --json`, parsed."""
        env = {k: v for k, v in os.environ.items() if not k.startswith("MONITOR_")}
        out = subprocess.run(
            [*MONITOR, "--config", str(self.config), *args, "--json"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert out.returncode == 0, out.stderr
        return json.loads(out.stdout)


def demo_feeds(database: Path) -> list[dict[str, Any]]:
    """The demo's feeds (their server is gone; kept so the config sync keeps them)."""
    import sqlite3

    with sqlite3.connect(database) as conn:
        rows = conn.execute("SELECT url, name FROM feeds ORDER BY url").fetchall()
    return [{"url": url, "name": name} for url, name in rows if name] + [
        {"url": url} for url, name in rows if not name
    ]


@pytest.fixture(scope="module")
def demo_daemon(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DemoDaemon]:
    """The demo run once, then `monitor run` on its database with [web] listen set."""
    work = tmp_path_factory.mktemp("web-demo")
    run_demo(Console(file=io.StringIO()), work)
    config = DaemonConfig(
        path=work / "daemon.toml",
        database_url=f"sqlite:///{work}/monitor.db",
        web_port=free_port(),
        feeds=demo_feeds(work / "monitor.db"),
        figures=[dict(timeline()["figure"])],
        polling={"timeout": "5s", "interval": "1h"},
    )
    config.write(extra=f'\n[alerts]\npublic_url = "{PUBLIC_URL}"\n')
    notify = NotifyListener()
    daemon = Daemon(config, notify).start()
    try:
        daemon.wait_ready()
        yield DemoDaemon(daemon, config.path, timeline()["figure"]["name"])
    finally:
        daemon.stop()
        daemon.close()
        notify.close()


def chromium_missing() -> str | None:
    """Why the browser tests cannot run here (None when they can)."""
    for path in (CHROMIUM, CHROMEDRIVER):
        if not shutil.which(path):
            return f"{path} is not installed (apt-get install chromium chromium-driver)"
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install -e '.[test]')"
    return None


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Headless Chromium driven by Selenium; skipped with the reason outside CI, failing in CI."""
    missing = chromium_missing()
    if missing:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI must run the browser tests: {missing}")
        pytest.skip(missing)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        options.add_argument(arg)
    options.add_argument("--window-size=1200,900")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    # An explicit driver path: Selenium Manager is never asked to download anything.
    driver = webdriver.Chrome(options=options, service=Service(executable_path=CHROMEDRIVER))
    try:
        yield driver
    finally:
        driver.quit()
