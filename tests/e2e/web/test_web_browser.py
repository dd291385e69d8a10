"""The web view in a real browser (headless Chromium): pages load clean, the chart is right,
the links between pages work."""

from __future__ import annotations

from typing import Any

import pytest

from tests.e2e.web.conftest import DemoDaemon

PAGES = ["/", "/stories", "/feeds", "/alerts"]


def console_errors(browser: Any) -> list[dict[str, Any]]:
    """Severe messages the page logged (script errors, CSP violations, failed loads)."""
    return [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]


def open_page(browser: Any, demo: DemoDaemon, path: str) -> None:
    browser.get_log("browser")  # drop what earlier pages logged
    browser.get(demo.url + path)


@pytest.mark.parametrize("path", [*PAGES, "figure", "story"])
def test_every_page_loads_styled_with_no_console_error(
    browser: Any, demo_daemon: DemoDaemon, path: str
) -> None:
    if path == "figure":
        path = f"/figures/{demo_daemon.figure}"
    elif path == "story":
        path = "/stories/" + demo_daemon.api("/api/stories?limit=1")[0]["id"]
    open_page(browser, demo_daemon, path)
    assert browser.find_element("css selector", "h1").text
    assert console_errors(browser) == []
    # The stylesheet applied (CSP allows 'self'): the nav bar got its background.
    colour = browser.execute_script(
        "return getComputedStyle(document.querySelector('header')).backgroundColor"
    )
    assert colour not in ("", "rgba(0, 0, 0, 0)")


def test_the_chart_has_one_point_per_claim_and_steps_through_the_current_value(
    browser: Any, demo_daemon: DemoDaemon
) -> None:
    figure = demo_daemon.api(f"/api/figures/{demo_daemon.figure}")
    open_page(browser, demo_daemon, f"/figures/{demo_daemon.figure}")
    points = browser.find_elements("css selector", "svg.chart g.points circle")
    assert len(points) == len(figure["timeline"]) > 1
    statuses = sorted(p.get_attribute("class").split()[-1] for p in points)
    assert statuses == sorted(c["status"] for c in figure["timeline"])
    current = browser.find_elements("css selector", "svg.chart circle[data-current='true']")
    assert len(current) == 1
    geometry = browser.execute_script(
        """
        const path = document.querySelector('svg.chart path.step');
        const end = path.getPointAtLength(path.getTotalLength());
        const cur = document.querySelector("svg.chart circle[data-current='true']");
        const ticks = [...document.querySelectorAll('svg.chart text.ylabel')].map(
            t => [t.textContent, parseFloat(t.getAttribute('y')) - 4]);
        return {endX: end.x, endY: end.y, cx: cur.cx.baseVal.value, cy: cur.cy.baseVal.value,
                ticks: ticks};
        """
    )
    assert abs(geometry["endY"] - geometry["cy"]) < 0.5, "the step line ends at the current value"
    assert geometry["endX"] >= geometry["cx"]
    # The current value read back off the y axis (linear between the outer ticks).
    (top_label, top_y), (bottom_label, bottom_y) = geometry["ticks"][-1], geometry["ticks"][0]
    assert bottom_label == "0" and top_label.endswith("M")
    top_value = float(top_label[:-1]) * 1e6
    read = (bottom_y - geometry["cy"]) / (bottom_y - top_y) * top_value
    assert abs(read - figure["current"]["value"]) / figure["current"]["value"] < 0.01
    # One table row per claim on the first page, each point's tooltip names its status.
    rows = browser.find_elements("css selector", "table.timeline tbody tr")
    assert len(rows) == min(len(figure["timeline"]), 100)


def test_links_lead_from_the_overview_to_every_page_and_back(
    browser: Any, demo_daemon: DemoDaemon
) -> None:
    open_page(browser, demo_daemon, "/")
    label = demo_daemon.api("/api/figures")[0]["label"]
    browser.find_element("link text", label).click()
    assert browser.current_url.endswith(f"/figures/{demo_daemon.figure}")
    assert browser.find_element("css selector", "h1").text == label
    browser.find_element("link text", "story").click()
    assert "/stories/" in browser.current_url
    story = demo_daemon.api("/api/stories/" + browser.current_url.rsplit("/", 1)[1])
    assert browser.find_element("css selector", "h1").text == story["title"]
    for nav, heading in (("Stories", "Stories"), ("Alerts", "Alerts"), ("Feeds", "Feeds")):
        browser.find_element("css selector", "nav").find_element("link text", nav).click()
        assert browser.find_element("css selector", "h1").text == heading
        assert console_errors(browser) == []
    browser.find_element("css selector", "nav a.brand").click()
    assert browser.find_element("css selector", "h1").text == "Tracked figures"
    first_story = browser.find_element("css selector", "main table:last-of-type tbody a")
    title = first_story.text
    first_story.click()
    assert browser.find_element("css selector", "h1").text == title


def test_the_figure_page_is_usable_without_javascript(
    browser: Any, demo_daemon: DemoDaemon
) -> None:
    status, body = demo_daemon.get(f"/figures/{demo_daemon.figure}")
    assert status == 200
    assert "<script" not in body
    assert "<svg" in body and "<table" in body
