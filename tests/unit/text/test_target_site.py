"""The site an event hits, by class: the object of an event verb or the complement of an event
noun ("the strike on a store"), named by its head noun, with a trade ("printing") outranking
the head; classes, not words, so a hypermarket and a building-supplies store agree."""

from __future__ import annotations

import pytest

from monitor.text.target_site import target_sites


@pytest.mark.parametrize(
    ("title", "lead", "sites"),
    [
        ("Russian missiles hit Kharkiv printing works, killing seven", "", {"printing"}),
        ("", "Missiles hit a Kharkiv printing plant on Thursday.", {"printing"}),
        ("Guided bombs hit crowded Kharkiv DIY store", "", {"store"}),
        ("", "Two bombs hit a large hardware and home goods hypermarket in Kharkiv.", {"store"}),
        ("", "Mourning for the victims of the weekend strike on a building-supplies store.", {"store"}),
        ("Twelve dead after fire guts hypermarket", "", {"store"}),
        ("", "A drone struck a maternity hospital in the south overnight.", {"hospital"}),
        ("", "A fire tore through a crowded nightclub in Santa Maria.", {"club"}),
    ],
)  # fmt: skip
def test_the_site_the_event_hits(title: str, lead: str, sites: set[str]) -> None:
    assert target_sites(title, lead) == frozenset(sites)


@pytest.mark.parametrize(
    "lead",
    [
        "Wounded were treated at a hospital after the missile hit the city.",
        "The strike hit hard, and workers left the plant.",
        "Officials said the store would reopen on Monday.",
    ],
)  # fmt: skip
def test_a_site_not_hit_by_the_event_is_none(lead: str) -> None:
    assert target_sites("", lead) == frozenset()


def test_a_strike_on_a_car_hits_a_vehicle_not_the_airport_bombed_days_before() -> None:
    assert target_sites("Drone strike hits car in the capital", "") == frozenset({"vehicle"})
    lead = "A suicide bomber attacked the airport on Thursday."
    assert target_sites("", lead) == frozenset({"airport"})


def test_a_bus_station_is_a_station_not_a_vehicle() -> None:
    assert target_sites("", "The blast hit a bus station in the city.") == frozenset({"station"})


@pytest.mark.parametrize(
    ("lead", "sites"),
    [
        ("MISSILES STRUCK A PRINTING HOUSE in Kharkiv.", {"printing"}),
        ("A Blaze At A Nightclub killed 12.", {"club"}),
        ("Rockets Hit the central market on Sunday.", {"store"}),
    ],
)
def test_the_event_verb_or_noun_is_read_in_any_case(lead: str, sites: set[str]) -> None:
    assert target_sites("", lead) == sites
