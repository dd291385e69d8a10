"""Figure binding: a past count dated only by a bare year is another event's, no tracked
figure's, when an event is named before the number ("Nepal's last quake of this size, in
1934, killed about 8,500 people", "The attack on the Indian parliament in 2001 ... killed 14",
"the deadliest listeria outbreak since 2011, when 33 people died"); a past value without an
event named before it (a year's national count) still belongs to the figure's history."""

from __future__ import annotations

from monitor.text.claims import extract_claims
from monitor.text.figures import FigureSpec, bind

NEPAL = FigureSpec(
    name="nepal-quake-deaths",
    label="People killed in Nepal by the April 2015 earthquake",
    units=("people", "deaths", "toll"),
    context=("Nepal", "the country"),
    about=("killed", "died", "deaths", "toll"),
)
MEASLES = FigureSpec(
    name="us-measles-cases",
    label="Measles cases in the United States",
    units=("cases",),
    context=("the United States", "nationwide"),
    about=("cases", "measles"),
)


def _bound(spec: FigureSpec, text: str, value: float) -> bool:
    claim = next(c for c in extract_claims(text) if c.value == value)
    return bind(spec, claim).bound


def test_an_earlier_quake_dated_by_its_year_is_another_event() -> None:
    text = "Nepal's last quake of this size, in 1934, killed about 8,500 people in the country."
    assert not _bound(NEPAL, text, 8_500)


def test_the_current_toll_still_binds() -> None:
    assert _bound(NEPAL, "The quake has killed 4,352 people in Nepal, officials said.", 4_352)


def test_a_past_years_count_without_an_event_stays_the_figures() -> None:
    text = "Nationwide, health officials counted 1,274 measles cases in 2019."
    assert _bound(MEASLES, text, 1_274)
