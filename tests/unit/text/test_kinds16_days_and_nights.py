"""Issue #12 kinds (kinds16): a count told for one day or one night is that day's or night's
increment - also when the night is taken up from the sentence before ("the night's arrests",
"the figures for the night"), when a day-by-day list counts finds, when a verb-led haul names
"that day", and when a round of cuts is named by its day."""

from __future__ import annotations

from monitor.text.claims import Claim, extract_claims


def _claim(text: str, number: str) -> Claim:
    return next(c for c in extract_claims(text) if c.text == number)


_NIGHT_BEFORE = "Police held 910 people across the country on a third straight night of unrest. "


def test_the_nights_count_taken_up_from_the_sentence_before_is_an_increment() -> None:
    text = _NIGHT_BEFORE + "About a third of the night's arrests, 290, were made in the north."
    assert _claim(text, "290").kind == "new"


def test_every_count_listed_in_figures_for_the_night_is_an_increment() -> None:
    text = (
        _NIGHT_BEFORE + "Official figures for the night also counted 640 cars and 85 shops "
        "set alight, with 41 officers hurt."
    )
    assert [_claim(text, n).kind for n in ("640", "85", "41")] == ["new", "new", "new"]


def test_a_state_lasting_the_night_is_no_nights_count() -> None:
    text = _NIGHT_BEFORE + "Some 3,500 riot officers were on standby for the night, police said."
    assert _claim(text, "Some 3,500").kind == "total"


def test_a_day_by_day_list_of_finds_gives_each_days_finds() -> None:
    text = "Searchers found 14 bodies on Monday, 19 on Tuesday and 22 on Wednesday."
    assert [_claim(text, n).kind for n in ("14", "19", "22")] == ["new", "new", "new"]


def test_a_verb_led_haul_on_that_day_is_the_days_increment() -> None:
    text = (
        "The toll from the ferry reached 61 on Sunday night, as rescuers recovered at least 17 "
        "bodies from the river that day."
    )
    assert _claim(text, "61").kind == "total"
    assert _claim(text, "at least 17").kind == "new"


def test_a_round_of_cuts_named_by_its_day_is_an_increment() -> None:
    text = "In Austin, Tuesday's round hit 312 employees in marketing and support."
    assert _claim(text, "312").kind == "new"
