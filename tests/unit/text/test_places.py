"""The place tagger: which names of a report are places, where they lie, and what is not a place."""

from __future__ import annotations

from monitor.text.gazetteer import capital_city, compatible, contains, leaves, lookup
from monitor.text.places import _runs, _subdivision_names, actors, mentions


def places(title: str, text: str) -> frozenset[str]:
    return mentions(title, text).places


# -- the gazetteer ---------------------------------------------------------------------


def test_a_state_lies_inside_its_country_and_a_city_inside_its_state() -> None:
    assert "US:US-TX" in {p.path for p in lookup("Texas")}
    assert compatible("US", "US:US-TX")
    assert compatible("US:US-TX", "US:US-TX:austin")
    assert contains("US", "US:US-TX:austin")
    assert not contains("US:US-TX:austin", "US")


def test_two_states_two_countries_or_two_distant_cities_do_not_agree() -> None:
    assert not compatible("US:US-TX", "US:US-NM")
    assert not compatible("CD", "RW")
    goma = lookup("Goma")[0].path
    bukavu = lookup("Bukavu")[0].path
    assert goma.startswith("CD") and bukavu.startswith("CD")
    assert not compatible(goma, bukavu)  # a hundred kilometres apart, across the lake


def test_a_city_whose_province_is_unknown_may_lie_in_any_province_of_its_country() -> None:
    north_kivu = next(p.path for p in lookup("North Kivu"))
    assert compatible(north_kivu, lookup("Goma")[0].path)


def test_neighbouring_towns_are_one_place_for_a_report() -> None:
    assert compatible(lookup("Cedar Park")[0].path, lookup("Austin")[0].path)


def test_a_capital_stands_for_its_country() -> None:
    assert lookup("Washington")[0].path == "US"
    assert compatible(lookup("Moscow")[0].path, "RU")


def test_the_most_specific_places_are_those_around_no_other() -> None:
    assert leaves(frozenset({"US", "US:US-TX", "US:US-TX:austin", "CA"})) == {
        "US:US-TX:austin",
        "CA",
    }


# -- the tagger ----------------------------------------------------------------------


def test_a_city_is_a_place_when_its_country_is_named_too() -> None:
    found = places(
        "Rebels push south towards Bukavu",
        "The rebel column left the lakeside town of Sake and marched on Bukavu, the largest "
        "city of Congo's South Kivu province, residents said.",
    )
    assert {"CD", lookup("Bukavu")[0].path} <= found


def test_a_small_city_alone_is_not_enough_to_be_a_place() -> None:
    # Abilene without Texas could be any of several towns, or a name.
    assert not places("Crowds gather", "Crowds gathered in Abilene to watch the parade.")
    assert "US:US-TX:abilene" in places(
        "Crowds gather", "Crowds gathered in Abilene, Texas, to watch the parade."
    )


def test_a_place_name_inside_a_longer_name_is_no_place() -> None:
    assert not places("Paris Hilton opens a club", "Paris Hilton cut the ribbon on Friday night.")
    assert not places("Jordan scores 41", "Michael Jordan scored 41 in the second game.")
    assert not places("Post wins award", "The Washington Post won the prize for its reporting.")


def test_a_title_before_or_after_a_place_keeps_it_a_place() -> None:
    found = places("Tariffs signed", "U.S. President Donald Trump signed the order on Monday.")
    assert found == {"US"}


def test_an_ambiguous_name_is_read_by_the_country_the_article_names() -> None:
    assert places("Polls close", "Voters in Georgia queued for hours in Atlanta.") == {
        "US:US-GA",
        lookup("Atlanta")[0].path,
    }
    assert "GE" in places("Polls close", "Voters in Georgia queued for hours in Tbilisi.")
    assert not places("Polls close", "Voters in Georgia queued for hours.")


def test_a_foreign_province_needs_its_country_and_a_company_is_no_province() -> None:
    assert not places("Meta fined", "Meta was fined by the regulator over its ad model.")
    assert "TZ" in places(
        "Virus case confirmed", "Tanzania confirmed a case in Kagera region on Thursday."
    )


def test_the_dateline_is_where_the_reporter_filed_not_a_place_of_the_event() -> None:
    found = mentions(
        "Talks on grain corridor resume",
        "ISTANBUL (Wire Service) — Negotiators met again on Tuesday to discuss the corridor.",
    )
    assert not found.places
    assert "istanbul" in found.words  # still not an actor


def test_actors_are_the_key_names_that_are_not_place_words() -> None:
    found = mentions(
        "Kestrel Airways grounds fleet in Kenya",
        "Kestrel Airways grounded its fleet in Kenya after an engine fault, chief Amara Osei said.",
    )
    keys = frozenset({"kestrel", "airway", "kenya", "amara", "osei"})
    assert actors(keys, found.words) == {"kestrel", "airway", "amara", "osei"}


def test_tagging_is_deterministic() -> None:
    text = "Aid convoys reached Goma and Bukavu in eastern Congo, the UN said."
    assert mentions("Aid arrives", text) == mentions("Aid arrives", text)


# -- country adjectives, capitals as cities, spellings -----------------------------------


def test_a_country_adjective_names_its_country_and_is_no_actor() -> None:
    found = mentions(
        "Ukrainian drones hit refinery",
        "Ukrainian drones struck an oil refinery overnight, the regional governor said.",
    )
    assert "UA" in found.places
    assert "ukrainian" in found.words
    assert actors(frozenset({"ukrainian", "zelensky"}), found.words) == {"zelensky"}
    assert "KP" in places("", "North Korean troops were sent to the front, Seoul said.")
    assert "SD" in places("", "Sudanese army officers met mediators on Tuesday.")


def test_a_country_adjective_lets_its_cities_be_places() -> None:
    found = places("", "Drones hit Lviv overnight, the Ukrainian Air Force said.")
    assert any(p.startswith("UA:") and p.endswith("lviv") for p in found)


def test_an_adjective_inside_a_region_name_is_no_country() -> None:
    assert "US" not in places("", "Pressure grows on the South American country to act.")


def test_a_capital_after_in_or_at_is_the_city_itself() -> None:
    at_station = places(
        "", "A crush at New Delhi railway station killed 18 people, officials said."
    )
    assert "IN" not in at_station
    assert any(p.startswith("IN:") and p.endswith("new delhi") for p in at_station)
    assert "KR" in places("", "Seoul said on Thursday that the North had fired a missile.")


def test_a_transliterated_city_name_is_found_under_the_gazetteer_spelling() -> None:
    assert lookup("Kryvyi Rih")[0].path.startswith("UA:")
    assert lookup("Mykolaiv")[0].path.startswith("UA:")
    assert not lookup("Air")  # a short word spelled loosely is no town (Ayr)


def test_two_cities_of_one_metro_area_agree_across_a_state_line() -> None:
    washington = capital_city(lookup("Washington")[0]).path
    assert washington.startswith("US:US-DC")
    assert compatible(washington, lookup("Bethesda")[0].path)  # Maryland, next door
    richmond = next(p.path for p in lookup("Richmond") if p.path.startswith("US:US-VA"))
    assert not compatible(washington, richmond)


def test_a_country_adjective_after_an_article_word_still_names_its_country() -> None:
    assert "RU" in places("", "A Russian ballistic missile struck the city on Saturday.")


def test_each_capitalised_run_carries_the_plain_lower_case_word_before_it() -> None:
    # The word before a run decides whether a capital is the city ("at Paris"): it is read
    # without its full stop or possessive, in lower case, however it was written.
    assert _runs("Crowds gathered AT. Paris and near New Delhi") == [
        (["Crowds"], ""),
        (["AT"], "gathered"),
        (["Paris"], "at"),
        (["New", "Delhi"], "near"),
    ]
    assert _runs("Police in the mayor's Gaza City office") == [
        (["Police"], ""),
        (["Gaza", "City"], "mayor"),
    ]


def test_a_lone_capitalised_word_is_a_place_on_its_own() -> None:
    # A run of one word has no neighbours that could make it part of a longer name.
    assert mentions("", "Officials in France said on Monday.").places == {"FR"}
    assert mentions("", "Officials in Kenya said the floods in Mombasa had eased.").places == {
        "KE",
        "KE::mombasa",
    }


# -- a name the report calls a subdivision ------------------------------------------------


def test_a_small_city_named_like_a_prefecture_the_report_names_is_the_prefecture() -> None:
    # "Ishikawa" is also a small Okinawan city; the report calls it a prefecture, so the
    # headline's Ishikawa is the prefecture around Wajima, not a city far from it.
    found = mentions(
        "Toll in Ishikawa rises to 64 as aid struggles to reach the Noto tip",
        "KANAZAWA — Ishikawa's prefectural government said 64 people had now been confirmed "
        "dead in Japan, 31 of them in Wajima, as soldiers tried to clear blocked roads.",
    )
    assert found.title_places == {"JP:JP-17"}
    assert "JP::ishikawa" not in found.places
    assert compatible("JP:JP-17", lookup("Wajima")[0].path)


def test_a_large_city_named_like_its_province_keeps_its_city_reading() -> None:
    # Herat is the capital of Herat province: the city reading stays.
    found = mentions(
        "Taliban say more than 2,000 dead in Herat quakes",
        "More than 2,000 people were killed in Saturday's earthquakes in Herat province of "
        "Afghanistan, a Taliban spokesman said, as rescuers searched the rubble in Herat.",
    )
    assert "AF::herat" in found.title_places


def test_without_the_word_prefecture_a_name_keeps_its_usual_reading() -> None:
    found = mentions(
        "Toll in Ishikawa rises",
        "Officials in Ishikawa, Japan, said 64 people had died, 31 of them in Wajima.",
    )
    assert "JP:JP-17" not in found.title_places


def test_a_subdivision_word_is_read_in_any_case_and_a_text_without_one_names_none() -> None:
    assert _subdivision_names("Officials of Ishikawa PREFECTURE said") == {"ishikawa"}
    assert _subdivision_names("Kherson Oblast and Herat Province") >= {"kherson", "herat"}
    assert _subdivision_names("Ishikawa officials said 64 people had died.") == frozenset()


def test_letters_that_match_the_subdivision_words_only_caselessly_still_count() -> None:
    # "ſ" (long s) and "İ" match "s" and "i" case-insensitively; lower() keeps them apart
    assert _subdivision_names("Kherson oblaſt") == {"kherson"}
    assert _subdivision_names("Herat provİnce") == {"herat"}
