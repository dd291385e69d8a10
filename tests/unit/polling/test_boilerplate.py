"""Text-level boilerplate never reaches stories or claims; reporting always does."""

from __future__ import annotations

from monitor.text.boilerplate import REPEATED_MIN_ARTICLES, RepeatedLines, strip_boilerplate
from monitor.text.normalise import normalise_text, words

ARTICLE = [
    "The port authority said 1,200 containers were stuck at the northern terminal on Friday.",
    "Dock workers walked out after talks over night-shift pay broke down, the union said.",
]


def around(*extra: str) -> str:
    return "\n".join([ARTICLE[0], *extra, ARTICLE[1]])


def test_appeals_prompts_counters_and_share_lines_are_removed() -> None:
    text = around(
        "Please donate to keep our reporting free for everyone",
        "Support our journalism: become a member today",
        "Leave a comment",
        "Join the conversation",
        "24 comments",
        "▲ 318",
        "Upvote 12",
        "Share this article",
        "Share on Facebook",
        "We use cookies to improve your experience. Accept all cookies",
        "Advertisement",
        "Read more: Ministers meet union leaders",
    )
    assert strip_boilerplate(text) == "\n".join(ARTICLE)


def test_related_and_ranking_lists_are_removed_with_their_items() -> None:
    for heading in (
        "Related",
        "Related articles",
        "Ranking",
        "Most read",
        "Recommended for you",
        "Recommendation",
        "Read more",
        "You may also like:",
    ):
        text = around(
            heading,
            "- Strike spreads to southern ports",
            "Freight rates climb again",
            "3. Shipping firms reroute vessels",
        )
        assert strip_boilerplate(text) == "\n".join(ARTICLE), heading


def test_a_list_ends_at_the_first_line_of_prose() -> None:
    text = "\n".join(["Related", "Strike spreads south", ARTICLE[0], ARTICLE[1]])
    assert strip_boilerplate(text) == "\n".join(ARTICLE)


def test_long_paragraphs_mentioning_keywords_are_kept() -> None:
    prose = (
        "Readers who donate to the harbour fund were told on Friday that the money would be "
        "spent on new cranes, and several left a comment under the council's notice asking "
        "why the work had been delayed for so long by the port authority and the city."
    )
    assert strip_boilerplate(prose) == prose


def test_lines_in_the_repeated_set_are_removed() -> None:
    footer = "Harbour Gazette is published by the Gazette Trust"
    assert strip_boilerplate(around(footer), frozenset({footer})) == "\n".join(ARTICLE)


def test_repeated_lines_are_learned_per_source_after_enough_articles() -> None:
    learner = RepeatedLines()
    footer = "Harbour Gazette is published by the Gazette Trust"
    for i in range(REPEATED_MIN_ARTICLES):
        assert footer not in learner.repeated("gazette")
        learner.observe("gazette", [f"Story number {i} about the docks", footer])
    assert footer in learner.repeated("gazette")
    assert learner.repeated("other-source") == frozenset()


def test_observing_the_same_article_twice_counts_once() -> None:
    learner = RepeatedLines()
    for _ in range(5):
        learner.observe("s", ["Same article line", "Footer line"])
    assert learner.repeated("s") == frozenset()


def test_long_background_paragraphs_are_never_learned() -> None:
    background = " ".join(["The dispute began in March when the operator cut night-shift pay"] * 3)
    learner = RepeatedLines()
    for i in range(10):
        learner.observe("s", [f"Update {i}", background])
    assert learner.repeated("s") == frozenset()


def test_learned_state_round_trips_and_is_order_independent() -> None:
    lines = [[f"Story {i}", "Footer A", "Footer B"] for i in range(4)]
    a, b = RepeatedLines(), RepeatedLines()
    for ls in lines:
        a.observe("s", ls)
    for ls in reversed(lines):
        b.observe("s", list(reversed(ls)))
    assert a.to_dict() == b.to_dict()
    assert RepeatedLines.from_dict(a.to_dict()).repeated("s") == {"Footer A", "Footer B"}


def test_normalise_unifies_quotes_dashes_and_spaces() -> None:
    assert (
        normalise_text("\u201cA\u201d \u2014  b\u00a0c\u2019s\n\n\nnext ") == '"A" - b c\'s\nnext'
    )
    assert words("More than 1,000,000 shells \u2014 officials\u2019 estimate") == [
        "more",
        "than",
        "1,000,000",
        "shells",
        "officials",
        "estimate",
    ]
