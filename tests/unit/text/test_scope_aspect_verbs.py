"""An organisation or place owns a count it begins, starts or continues acting on ("Amazon
began cutting more than 18,000 jobs") or that it counted or recorded ("Sichuan recorded 44
cases"), as it owns one it cuts or has."""

from __future__ import annotations

import pytest

from tests.unit.text.conftest import frame


@pytest.mark.parametrize(
    ("text", "value", "scope"),
    [
        ("Amazon began cutting more than 18,000 jobs on Wednesday.", 18000, "Amazon"),
        ("Boeing started laying off 400 engineers on Friday.", 400, "Boeing"),
        ("Sichuan recorded 44 confirmed cases on Monday.", 44, "Sichuan"),
        ("Hubei counted 2,714 confirmed infections by Monday.", 2714, "Hubei"),
    ],
)
def test_the_subject_owns_the_count_it_acts_on(text: str, value: int, scope: str) -> None:
    assert frame(text, value).scope == scope
