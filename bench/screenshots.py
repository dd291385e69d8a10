"""Screenshots of the web view for the README: `python bench/screenshots.py [OUT_DIR]`.

Runs the offline demo into a temporary directory, serves the web view on a free loopback
port and has headless Chromium (Debian's chromium + chromedriver, driven by Selenium)
save docs/web-overview.png and docs/web-figure.png. Needs no network.
"""

from __future__ import annotations

import io
import sys
import tempfile
from pathlib import Path

from rich.console import Console
from selenium import webdriver
from selenium.webdriver.chrome.service import Service as ChromeService

from monitor.config import build
from monitor.daemon.bootstrap import open_app
from monitor.demo.run import run_demo
from monitor.demo.timeline import timeline
from monitor.web.wiring import web_view

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"


def browser(width: int = 1200, height: int = 900) -> webdriver.Chrome:
    """Headless Chromium from the distribution (Selenium Manager never downloads anything)."""
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        options.add_argument(arg)
    options.add_argument(f"--window-size={width},{height}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(options=options, service=ChromeService(executable_path=CHROMEDRIVER))


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="monitor-shots-") as tmp:
        run_demo(Console(file=io.StringIO()), Path(tmp))
        app = open_app(build({"database_url": f"sqlite:///{tmp}/monitor.db"}, {}))
        name = timeline()["figure"]["name"]
        try:
            with web_view(lambda: app, None, "127.0.0.1:0") as server:
                assert server is not None
                driver = browser()
                try:
                    for path, file, height in (
                        ("/", "web-overview.png", 900),
                        (f"/figures/{name}", "web-figure.png", 1000),
                    ):
                        driver.set_window_size(1200, height)
                        driver.get(server.url + path)
                        driver.save_screenshot(str(out / file))
                        print(f"{out / file}")
                finally:
                    driver.quit()
        finally:
            app.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[1] / "docs")
