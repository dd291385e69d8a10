"""Claim scopes, sentence by sentence: a sentence opening with a bare noun phrase and a
relative clause set off by commas ("The company, which employs 3,000 people, will cut 500
jobs") gives that noun phrase both the relative clause's counts and the counts of the
predicate that resumes after it, whatever subject the relative clause names itself ("The
hotspot, which the Red Cross has run since June, held 1,104 people"). A resumed predicate
that reports ("..., said 300 people had died") leaves the noun phrase a source."""

from __future__ import annotations

import pytest

from tests.unit.text.conftest import frame


@pytest.mark.parametrize(
    ("text", "value", "scope"),
    [
        ("The company, which employs 3,000 people, will cut 500 jobs.", 3000, "The company"),
        ("The company, which employs 3,000 people, will cut 500 jobs.", 500, "The company"),
        ("The Oshawa Assembly Plant, which employs 2,522 unionized workers, will close.", 2522,
         "Oshawa Assembly Plant"),
    ],
)  # fmt: skip
def test_the_interrupted_subject_owns_both_parts(text: str, value: float, scope: str) -> None:
    assert frame(text, value).scope == scope


@pytest.mark.parametrize(
    ("text", "value", "scope"),
    [
        ("Samsung, which had confirmed 35 cases of batteries catching fire, began a voluntary"
         " recall of about 2.5 million devices.", 2_500_000, "Samsung"),
        ("The hotspot, which the Red Cross has run since June, held 1,104 people on Monday.",
         1104, "The hotspot"),
    ],
)  # fmt: skip
def test_the_resumed_predicate_is_the_opening_subjects(text: str, value: float, scope: str) -> None:
    assert frame(text, value).scope == scope


def test_a_resumed_report_leaves_the_subject_a_source() -> None:
    text = "The agency, which runs 12 shelters, said 300 people had died."
    assert frame(text, 300).scope is None


def test_a_person_is_no_opening_subject() -> None:
    text = "Dr Seemin Jamali, who heads the emergency department, said 100 people had died there."
    assert frame(text, 100).scope != "Dr Seemin Jamali"
