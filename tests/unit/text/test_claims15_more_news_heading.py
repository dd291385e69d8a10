"""A "More <section> news:" teaser line ("More Italy news: 299 killed in the 2016 Amatrice
earthquake") is navigation, as a "Related:" line is: its numbers are another story's."""

from __future__ import annotations

from monitor.text.claims import extract_claims


def test_a_more_news_teaser_has_no_claims() -> None:
    assert extract_claims("More Italy news: 299 killed in the 2016 Amatrice earthquake") == []


def test_a_sentence_about_more_news_crews_still_counts() -> None:
    text = "More news crews arrived as 40 people were rescued from the hotel."
    assert [c.value for c in extract_claims(text)] == [40]
