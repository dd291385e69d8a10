"""The whole a share is taken of belongs to its owner, not to the place the share is said to
fall in: "Half of Deutsche Bank's 18,000 job cuts to fall in Germany" scopes the 18,000 to
Deutsche Bank (the 9,000 that fall in Germany are Germany's). A fronted earlier event with its
year ("During the 2016 strike ...") dates every clause of its sentence, unless a clause says
"now"."""

from __future__ import annotations

from tests.unit.text.conftest import frame


def test_the_whole_of_a_share_is_its_owner_s() -> None:
    text = "Half Of Deutsche Bank's 18,000 Job Cuts To Fall In Germany"
    assert (frame(text, 18000).scope or "").casefold() == "deutsche bank"


def test_a_fronted_earlier_event_dates_the_coordinated_clause() -> None:
    text = (
        "During the 2016 strike Allina hired more than 1,000 temporary nurses, and more than"
        " 500 nurses crossed the picket lines."
    )
    assert [frame(text, v).time for v in (1000, 500)] == ["past", "past"]


def test_now_in_the_coordinated_clause_keeps_it_current() -> None:
    text = (
        "During the 2016 strike Allina hired more than 1,000 temporary nurses, and now 500"
        " nurses are on strike."
    )
    assert frame(text, 500).time == "current"
