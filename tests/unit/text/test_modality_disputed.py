"""A count someone rejects or disputes is a claim with its frame, kind `total`, and modality
`disputed`: it is reported only to be denied, so it never moves a figure (monitor.text.modality)."""

from __future__ import annotations

import pytest

from monitor.text.claims import Claim, extract_claims


def _claim(sentence: str, text: str) -> Claim:
    found = [c for c in extract_claims(sentence) if c.text == text]
    assert found, [c.text for c in extract_claims(sentence)]
    return found[0]


@pytest.mark.parametrize(
    ("sentence", "text"),
    [
        ("The governor dismissed claims that more than 400 people had drowned.", "more than 400"),
        ("The army denied reports that 75 villagers were killed in the shelling.", "75"),
        ("Officials rejected a tally of 900 deaths put together by volunteers.", "900"),
        ("The ministry disputed the opposition's count of 1,200 dead.", "1,200"),
        ("A spokesman denied that 30 miners had died underground.", "30"),
        ("She said there was nothing to support rumours that 5,000 had perished.", "5,000"),
        ("The council dismissed as inflated the union's figure of 2,000 strikers.", "2,000"),
    ],
)
def test_rejected_counts_are_disputed(sentence: str, text: str) -> None:
    claim = _claim(sentence, text)
    assert claim.modality == "disputed"
    assert claim.kind == "total"  # the frame keeps its kind: a rejected total is still a total
    assert not claim.moves_figure
    assert claim.to_dict()["modality"] == "disputed"


@pytest.mark.parametrize(
    ("sentence", "text"),
    [
        # the rejection is closed by a comma before the reported count
        ("Police dismissed claims of a cover-up, saying the toll stood at 61.", "61"),
        ("The rebels rejected the ceasefire, and 14 soldiers were killed overnight.", "14"),
        # a verb of rejection with no report for an object
        ("The court denied bail to 12 protesters arrested on Monday.", "12"),
        ("Officials denied reports of looting but confirmed 8 deaths.", "8"),
    ],
)
def test_counts_outside_the_rejection_are_not_disputed(sentence: str, text: str) -> None:
    assert _claim(sentence, text).modality is None


def test_rejected_and_confirmed_counts_in_one_sentence() -> None:
    sentence = (
        "The health ministry rejected reports that 250 people had died, "
        "and said the confirmed toll was 87."
    )
    assert _claim(sentence, "250").modality == "disputed"
    assert _claim(sentence, "87").modality is None
