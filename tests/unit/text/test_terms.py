"""Salient terms for event clustering: words, names, numbers, per field."""

from __future__ import annotations

from monitor.text.terms import BODY, ENTITY, TITLE, content_words, entities, stem, term_counts


def test_plurals_fold_onto_the_singular() -> None:
    assert stem("shells") == stem("shell") == "shell"
    assert stem("casualties") == "casualty"
    assert stem("press") == "press"
    assert stem("status") == "status"


def test_content_words_drop_function_and_calendar_words() -> None:
    words = list(
        content_words("The pilots walked off the job on Monday, the union's leaders said.")
    )
    assert words == ["pilot", "walked", "job", "union", "leader"]


def test_capitalised_runs_become_names_with_their_parts() -> None:
    found = set(entities("Officials at the National Intelligence Service briefed Yoo Sang-bum."))
    assert {"national intelligence service", "national", "intelligence", "service"} <= found
    assert "yoo sang-bum" in found


def test_sentence_initial_function_words_are_not_names() -> None:
    found = set(entities("The agency said. In Seoul, lawmakers met."))
    assert "the" not in found and "in" not in found
    assert "seoul" in found


def test_punctuation_and_possessives_end_a_name() -> None:
    found = set(entities("SEOUL (Meridian Press) — South Korea's spy agency spoke."))
    assert {"seoul", "meridian press", "south korea"} <= found
    assert "seoul meridian press" not in found
    assert "south korea spy" not in found


def test_numbers_are_normalised_entities() -> None:
    found = set(entities("About 1,000,000 shells and 6.7 thousand containers since 2023."))
    assert {"#1000000", "#6.7", "#2023"} <= found


def test_term_counts_keep_fields_apart() -> None:
    counts = term_counts("Pilots strike in Valmora", "Harbour pilots in Valmora walked out.")
    assert counts[TITLE + "pilot"] == 1
    assert counts[BODY + "pilot"] == 1
    assert counts[ENTITY + "valmora"] == 2  # once in the title, once in the body
    assert counts[BODY + "harbour"] == 1


def test_headline_case_titles_do_not_make_every_word_a_name() -> None:
    counts = term_counts(
        "Pilots Strike Shuts Down Busy Harbour", "Harbour pilots in Valmora walked out."
    )
    assert ENTITY + "pilot strike shut down busy harbour" not in counts
    assert ENTITY + "valmora" in counts


def test_a_telephone_number_gives_no_numbers_of_its_own() -> None:
    from monitor.text.terms import numbers

    assert list(numbers("Call 1-800-225-5324 or +44 20 7946 0958: 1,200 homes flooded.")) == [
        "1200"
    ]
