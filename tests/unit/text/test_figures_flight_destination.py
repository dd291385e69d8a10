"""Figure binding, sentence by sentence: people who fled one place into another are counted by
the destination too, so "fled the fighting in Tigray into neighbouring Sudan" binds a figure of
the refugees in Sudan as well as one of those who left Tigray; a place they did not flee into
binds nothing."""

from __future__ import annotations

from dataclasses import replace

from monitor.text.claims import extract_claims
from monitor.text.figures import FigureSpec, bind

SUDAN = FigureSpec.from_mapping(
    {
        "name": "refugees-in-sudan",
        "label": "Refugees from Ethiopia's Tigray conflict in Sudan",
        "units": ["people", "refugees"],
        "context": ["Sudan"],
        "about": ["fled", "crossed", "refugees"],
    }
)
CHAD = replace(SUDAN, name="refugees-in-chad", label="Refugees in Chad", context=("Chad",))


def _bound(spec: FigureSpec, text: str, value: float) -> bool:
    claim = next(c for c in extract_claims(text) if c.value == value)
    return bind(spec, claim).bound


def test_fleeing_into_a_country_binds_the_destinations_figure() -> None:
    text = (
        "At least 11,000 people, half of them children, have fled the fighting in Ethiopia's "
        "Tigray region into neighbouring Sudan, the UN refugee agency said on Thursday."
    )
    assert _bound(SUDAN, text, 11000)
    assert not _bound(CHAD, text, 11000)


def test_crossing_into_a_country_binds_it_too() -> None:
    text = "More than 27,000 people have crossed from Tigray into Sudan, the agency said."
    assert _bound(SUDAN, text, 27000)


def test_a_place_named_without_a_flight_verb_binds_nothing() -> None:
    text = (
        "At least 11,000 people have died in Ethiopia's Tigray region, aid workers in Sudan said."
    )
    assert not _bound(SUDAN, text, 11000)


def test_a_total_brought_up_by_arrivals_is_the_arrival_places() -> None:
    text = (
        "Some 800 Ethiopians have arrived in eastern Sudan since the start of the new year, the "
        "UN refugee agency said on Tuesday, bringing the total number of refugees who have fled "
        "the Tigray region to more than 56,000 since early November."
    )
    assert _bound(SUDAN, text, 56000)
    assert not _bound(CHAD, text, 56000)


def test_arrivals_without_a_running_total_hand_nothing_on() -> None:
    text = (
        "Some 800 people have arrived in eastern Sudan this week, while 56,000 refugees have fled "
        "the Tigray region since November."
    )
    assert not _bound(SUDAN, text, 56000)
