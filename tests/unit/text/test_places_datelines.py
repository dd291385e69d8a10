"""Datelines as evidence of place, big cities named beside another state, and districts
named after a country: where the tagger reads a place and where it does not."""

from __future__ import annotations

from monitor.text.places import dateline_places, filed_from, mentions


def test_each_wire_style_of_dateline_gives_its_place_part() -> None:
    assert filed_from("KYIV, Ukraine (Meridian Press) — Russia struck overnight.") == (
        "KYIV, Ukraine"
    )
    assert filed_from("LAS VEGAS, Nov 3 (Wire) - A truck burst into flames.") == "LAS VEGAS, Nov 3"
    assert filed_from("MEXICO CITY: A morning phone call spared Mexico.") == "MEXICO CITY"
    assert filed_from("Skyline News — LAS VEGAS. Smoke. Then a bang.") == "LAS VEGAS"
    assert filed_from("The screech of tyres came first.") == ""


def test_a_dateline_city_needs_no_country_even_when_its_name_is_a_common_word() -> None:
    assert dateline_places("HOUSTON", {}) == {"US:US-TX:houston"}
    assert dateline_places("PHILADELPHIA, Nov 7", {}) == {"US:US-PA:philadelphia"}


def test_an_ap_state_abbreviation_picks_the_city_of_that_state() -> None:
    assert dateline_places("ARLINGTON, Va.", {}) == {"US:US-VA", "US:US-VA:arlington"}
    assert dateline_places("SPRINGFIELD, Mo.", {}) == {"US:US-MO", "US:US-MO:springfield"}


def test_a_dateline_city_found_in_two_countries_is_the_far_bigger_one_or_the_named_one() -> None:
    assert dateline_places("LAS VEGAS", {}) == {"US:US-NV:las vegas"}
    assert dateline_places("GOMA, Congo", {}) == {"CD", "CD::goma"}


def test_a_capital_dateline_stands_for_its_country() -> None:
    assert dateline_places("KYIV, Ukraine", {}) == {"UA"}


def test_datelines_are_kept_apart_from_the_places_of_the_event() -> None:
    found = mentions(
        "Investigators trace the attacker's drive",
        "HOUSTON — The man behind the rampage in New Orleans drove from his home.",
    )
    assert found.datelines == {"US:US-TX:houston"}
    assert "US:US-TX:houston" not in found.places
    assert "US:US-LA:new orleans" in found.places


def test_a_big_city_is_itself_even_when_the_report_names_another_state() -> None:
    found = mentions(
        "FBI names Texas Army veteran as New Orleans attacker",
        "Investigators identified the man who drove into revellers in New Orleans as a "
        "42-year-old U.S. citizen from Texas.",
    )
    assert "US:US-LA:new orleans" in found.places
    assert "US:US-LA:new orleans" in found.title_places


def test_a_small_town_named_beside_another_state_is_still_not_read() -> None:
    found = mentions(
        "Storm damage in Texas",
        "Crews in Texas cleared roads near Abilene and Naples on Tuesday.",
    )
    assert not any(p.startswith("US:US-FL") for p in found.places)


def test_a_district_named_after_a_country_is_not_that_country() -> None:
    found = mentions(
        "Rampage in the French Quarter",
        "A man drove a truck into a crowd in the French Quarter on Monday.",
    )
    assert "FR" not in found.places
    assert "FR" in mentions("French troops leave", "French troops left Niger.").places


def test_a_dateline_with_country_and_date_gives_the_city_and_country() -> None:
    assert filed_from("PEZINOK, Slovakia, May 18 (Wire) - A court ordered him held.") == (
        "PEZINOK, Slovakia"
    )
    assert filed_from("LEEDS, England, Sept. 4 (Wire) - Fans queued overnight.") == (
        "LEEDS, England"
    )


def test_a_dateline_with_a_comma_before_the_outlet_gives_the_city() -> None:
    assert filed_from("OSAKA, (PRO) – Trains stopped for an hour.") == "OSAKA"


def test_no_dateline_style_lends_its_city_to_the_places_of_the_event() -> None:
    for text in (
        "ASTANA: Rescuers searched the wreck near Aktau in Kazakhstan.",
        "ASTANA, Kazakhstan, Dec 25 (Wire) - Rescuers searched the wreck near Aktau.",
        "ASTANA, (PRO) – Rescuers searched the wreck near Aktau in Kazakhstan.",
        "Skyline News — ASTANA. Rescuers searched the wreck near Aktau in Kazakhstan.",
    ):
        found = mentions("Rescuers search the wreck", text)
        assert "KZ::astana" not in found.places, text
        assert "KZ::aktau" in found.places, text
