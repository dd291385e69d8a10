"""`monitor claims` shows a claim's modality in its frame column: a projected or a rejected
count is listed with its frame, marked so a reader sees why it moved no figure."""

from __future__ import annotations

from monitor.cli.claims import _frame
from monitor.text.claims import extract_claims


def _frame_of(sentence: str, text: str) -> str:
    claim = next(c for c in extract_claims(sentence) if c.text == text)
    return _frame(claim.to_dict())


def test_a_disputed_count_is_marked_in_the_frame() -> None:
    sentence = "The mayor denied reports that 120 people had died in the blaze."
    assert _frame_of(sentence, "120") == "total, current, disputed"


def test_an_expected_rise_is_marked_as_a_forecast() -> None:
    sentence = "The death toll is expected to rise to 300, rescuers said."
    assert _frame_of(sentence, "300") == "total, current, forecast"


def test_a_reported_count_has_no_modality() -> None:
    assert _frame_of("The death toll rose to 300 on Monday.", "300") == "total, current"
