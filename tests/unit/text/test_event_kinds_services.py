"""A kind's word that names a service, a unit or a firing is no event of that kind: "fire
officials said" reports no fire, "riot police" no riot, "opened fire" no fire (a shooting is
named by its own words), "fired tear gas" no fire. Shootings and assassinations name an
attack, investigators an inquiry."""

from __future__ import annotations

from monitor.text.event_types import event_kinds


def test_riot_police_and_tear_gas_name_no_riot_and_no_fire() -> None:
    kinds = event_kinds(
        "Scores killed in stampede after tear gas fired at football match",
        "Riot police fired tear gas into the stands and fans rushed for the exits.",
    )
    assert set(kinds) == {"stampede"}


def test_opening_fire_is_a_shooting_not_a_fire() -> None:
    kinds = event_kinds("Gunman kills five at a bank", "A man opened fire with a rifle.")
    assert "fire" not in kinds
    assert kinds["attack"] > 0


def test_a_fire_service_reports_no_fire() -> None:
    assert "fire" not in event_kinds("Crowd crush kills dozens", "Fire officials said 40 died.")


def test_a_real_fire_is_still_a_fire() -> None:
    assert "fire" in event_kinds("Fire sweeps nightclub", "A blaze tore through the club.")
    assert "riot" in event_kinds("Riot after stabbing", "Rioters set a tram on fire.")


def test_shooters_and_assassinations_name_an_attack() -> None:
    assert "attack" in event_kinds("President assassinated at his home", "")
    assert "attack" in event_kinds("Shooter kills six at a school", "")


def test_investigators_name_an_inquiry() -> None:
    kinds = event_kinds("FBI team to investigate the killing", "Investigators arrived.")
    assert "inquiry" in kinds


def test_a_fire_at_a_place_is_a_fire() -> None:
    assert "fire" in event_kinds("Fire at a factory kills 12", "A fire on the third floor spread.")
    assert "fire" not in event_kinds("Police officers fired at the car", "")
