"""`monitor claims` repeats the selection it was given on the next page's command line, and
says "no articles match" (not "no articles yet") when a selection found nothing."""

from __future__ import annotations

from monitor.cli.claims import Selection


def test_no_selection_gives_no_flags() -> None:
    assert not Selection().given()
    assert Selection().flags() == ""


def test_the_options_given_come_back_in_a_fixed_order() -> None:
    chosen = Selection(story="s-4017", figure="deaths")
    assert chosen.given()
    assert chosen.flags() == " --story s-4017 --figure deaths"
