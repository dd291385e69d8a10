"""The figure rule's pick: when an article states an official count beside one from sources it
calls unofficial or unconfirmed, the official count is the article's value for the figure."""

from __future__ import annotations

from monitor.projections.figures.rule import pick
from monitor.text.claims import extract_claims


def test_the_article_gives_the_official_count_over_the_unofficial_one() -> None:
    text = "Unofficial reports say 413 people died, but the official death toll stands at 225."
    claims = extract_claims(text)
    chosen = pick([(c, False) for c in claims])
    assert chosen is not None and claims[chosen].value == 225


def test_an_unofficial_count_alone_is_still_the_articles_count() -> None:
    claims = extract_claims("Unconfirmed reports say 276 people died in the landslides.")
    chosen = pick([(c, False) for c in claims])
    assert chosen is not None and claims[chosen].value == 276
