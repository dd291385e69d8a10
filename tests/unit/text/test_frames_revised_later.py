"""Claim frames, sentence by sentence: a value a later revision in the same sentence replaced
("put the toll at 2,445 ..., before the minister lowered it to 1,000") is a previous value,
and the revision told in that "before" clause is history, not a revision the article brings."""

from __future__ import annotations

import pytest

from tests.unit.text.conftest import frame


@pytest.mark.parametrize(
    ("text", "old", "new"),
    [
        ("Its disaster agency put the toll at 2,300 early in the week, before the health "
         "minister lowered it to about 900.", 2_300, 900),
        ("Officials put the death toll at 90 on Monday, before raising it to 120.", 90, 120),
        ("The ministry first gave 410 deaths, before the army revised the figure to 380.", 410,
         380),
    ],
)  # fmt: skip
def test_a_value_revised_later_in_the_sentence_is_previous(
    text: str, old: float, new: float
) -> None:
    assert frame(text, old).kind == "previous"
    later = frame(text, new)
    assert (later.kind, later.revision) == ("total", None)


def test_a_revision_the_article_reports_stays_a_revision() -> None:
    claim = frame("The health ministry lowered the toll to about 1,000 on Thursday.", 1_000)
    assert (claim.kind, claim.revision) == ("total", "down")


def test_before_an_event_is_not_a_revision() -> None:
    assert frame("Officials put the toll at 75 before the second storm arrived.", 75).kind == (
        "total"
    )
