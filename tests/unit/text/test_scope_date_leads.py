"""Scope after a date lead written without its comma: "By 3 October the outbreak had grown
to 36 cases" is the outbreak's count, as "By 3 October, the outbreak ..." would be."""

from __future__ import annotations

import pytest

from tests.unit.text.conftest import frame


@pytest.mark.parametrize(
    ("text", "value", "scope"),
    [
        ("By 3 October the outbreak had grown to 36 cases.", 36, "the outbreak"),
        ("By Wednesday Wayanad's official toll had climbed to 151.", 151, "Wayanad"),
        ("On Tuesday Tesla said it would cut 14,000 jobs.", 14_000, "Tesla"),
        ("By late October the outbreak had sickened 64 people.", 64, "the outbreak"),
        ("On Saturday night Ohio's count reached 85 cases.", 85, "Ohio"),
    ],
)  # fmt: skip
def test_subject_after_a_date_lead_without_comma(text: str, value: float, scope: str) -> None:
    assert scope in (frame(text, value).scope or "")


def test_the_date_itself_is_never_the_scope() -> None:
    assert "October" not in (
        frame("By 3 October the outbreak had grown to 36 cases.", 36).scope or ""
    )
