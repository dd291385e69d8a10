"""One page's extraction cost is bounded by its size: only the first PAGE_MAX_BYTES count."""

from __future__ import annotations

import time

from monitor.polling.extractor import PAGE_MAX_BYTES, extract_page, page_budget

ARTICLE = (
    "<p>The harbour authority said on Tuesday that 412 cargo ships had been diverted since "
    "the storm season began, according to its monthly report published in the morning.</p>"
    "<p>Officials expect the backlog to clear within weeks as the port reopens its northern "
    "berths to container traffic and brings two repaired cranes back into service.</p>"
)
FILLER = "<div class='rel'><a href='/x'>Another story about something else</a></div>\n"


def big_page(size: int) -> bytes:
    head = f"<html><head><title>Ships diverted</title><script>{'x' * 300_000}</script></head>"
    body = f"<body><article><h1>Ships diverted</h1>{ARTICLE}</article>"
    filler = FILLER * (size // len(FILLER))
    return (head + body + filler + "</body></html>").encode()


def test_a_small_page_is_extracted_whole() -> None:
    page = big_page(10_000)
    assert page_budget(page) == page


def test_scripts_and_styles_do_not_count_and_the_cut_falls_on_a_tag() -> None:
    budget = page_budget(big_page(3_000_000))
    assert len(budget) <= PAGE_MAX_BYTES
    assert b"xxxxxxxxxx" not in budget
    assert budget.endswith(b"\n") or budget.endswith(b">")
    assert b"412 cargo ships" in budget


def test_a_14_mb_page_is_extracted_within_a_bounded_time() -> None:
    page = big_page(14_000_000)
    started = time.monotonic()
    extracted = extract_page(page, url="https://harbour.example/ships")
    elapsed = time.monotonic() - started
    print(f"14 MB page extracted in {elapsed:.2f} s")
    assert "412 cargo ships" in extracted.text
    # Unbounded, a page this size took minutes (0.5 MB 1.1 s ... 4 MB 14 s, super-linear).
    assert elapsed < 30
