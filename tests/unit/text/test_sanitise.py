"""Sanitising outside text: what is removed, what is replaced, what is capped."""

from __future__ import annotations

from monitor.text import sanitise


def test_nul_and_other_c0_controls_are_removed_but_tab_and_newline_kept() -> None:
    assert sanitise.clean("feed\x00title\x01\x1f\x7f\tend\nnext") == "feedtitle\tend\nnext"


def test_carriage_returns_become_newlines() -> None:
    assert sanitise.clean("a\r\nb\rc") == "a\nb\nc"


def test_lone_surrogates_are_replaced_and_the_result_encodes() -> None:
    cleaned = sanitise.clean("he\ud800llo\udfff")
    assert cleaned == "he\ufffdllo\ufffd"
    cleaned.encode("utf-8")


def test_titles_are_one_line_and_capped() -> None:
    title = sanitise.clean_title("A\n  long\x00 title " + "x" * 5000)
    assert title is not None and title.startswith("A long title ")
    assert len(title) == sanitise.TITLE_MAX


def test_an_overlong_link_is_dropped_rather_than_cut() -> None:
    assert sanitise.clean_link("https://example.com/" + "a" * 3000) is None
    assert sanitise.clean_link(" https://example.com/a\x00b ") == "https://example.com/ab"


def test_an_overlong_guid_becomes_a_stable_hash() -> None:
    guid = "g" * 5000
    first = sanitise.clean_guid(guid)
    assert first == sanitise.clean_guid(guid)
    assert first is not None and first.startswith("sha1:") and len(first) < 100


def test_authors_are_capped_in_length_and_number() -> None:
    authors = sanitise.clean_authors(["x" * 500, *[f"a{i}" for i in range(50)], ""])
    assert len(authors) == sanitise.AUTHORS_MAX
    assert len(authors[0]) == sanitise.AUTHOR_MAX


def test_summary_and_content_caps() -> None:
    assert len(sanitise.capped("y" * 200_000, sanitise.SUMMARY_MAX) or "") == 100_000
    assert sanitise.capped(None, 10) is None
