"""A number inside an embedded proposition belongs to that proposition's named subject when
the subject acts on the number itself ("days after Microsoft said it would shed 10,000",
"and Amazon began cutting more than 18,000"), even when the clause splitter leaves the
proposition joined to a main clause with another subject; a reporting organisation's own
cuts after a leading time clause are its own ("As the walkout dragged on, Boeing said it
would cut about 17,000 jobs"). A place the inner proposition names still wins, and a
speaker who reports another's count owns nothing."""

from __future__ import annotations

from tests.unit.text.conftest import scopes


def test_each_company_owns_the_cuts_of_its_own_proposition() -> None:
    text = (
        "Google's layoffs came days after Microsoft said it would shed 10,000 employees "
        "and Amazon began cutting more than 18,000."
    )
    assert scopes(text, 10_000, 18_000) == ["Microsoft", "Amazon"]


def test_the_same_week_that_another_company_cut_is_that_companys_count() -> None:
    text = "The cuts at Twitter came the same week that Stripe said it would lay off 1,100 workers."
    assert scopes(text, 1_100) == ["Stripe"]


def test_a_speaker_announcing_its_own_cuts_after_a_time_clause_owns_them() -> None:
    text = "As the walkout dragged on, Boeing said it would cut about 17,000 jobs."
    assert scopes(text, 17_000) == ["Boeing"]


def test_a_place_inside_the_inner_proposition_still_scopes_the_number() -> None:
    text = "The plan came a week after Intel said it would cut 1,300 jobs in Oregon."
    assert scopes(text, 1_300) == ["Oregon"]


def test_an_agency_reporting_a_count_does_not_own_it() -> None:
    text = "The recall came days after the CDC reported 40 cases in Ohio."
    assert scopes(text, 40) == ["Ohio"]
