"""An organisation that acts on what it counts owns the count (monitor/text/agent.py)."""

from __future__ import annotations

from monitor.text.agent import agent_scope
from monitor.text.claims import extract_claims


def _scopes(text: str) -> dict[str, str | None]:
    return {c.text: c.scope for c in extract_claims(text)}


def _agent(text: str, number: str) -> str | None:
    return agent_scope(text, 0, text.index(number))


def test_an_organisation_subject_owns_the_object_count() -> None:
    scopes = _scopes("The coast guard had flown 412 sorties and towed 36 boats by Sunday.")
    assert scopes["412"] == "The coast guard"
    assert scopes["36"] == "The coast guard"  # the coordinated verb keeps its subject


def test_a_verb_particle_does_not_break_the_object() -> None:
    text = "Those terminals usually take in about 40,000 trailers a week."
    assert _agent(text, "about 40,000") == "Those terminals"
    assert _scopes("The two airlines laid off more than 9,000 pilots.")["more than 9,000"] == (
        "The two airlines"
    )


def test_an_adverbial_opener_before_the_subject_is_skipped() -> None:
    text = "Between 2015 and 2020, the two banks closed 1,300 branches."
    assert _scopes(text)["1,300"] == "the two banks"


def test_the_reporters_own_do_what_its_complement_says() -> None:
    text = "The agency said its inspectors had sealed 230 warehouses."
    assert _scopes(text)["230"] == "The agency"
    assert _agent("Police said they had detained 57 people.", "57") == "Police"


def test_a_report_verb_makes_the_subject_a_source_not_an_owner() -> None:
    assert _agent("The ministry has registered 340 cases.", "340") is None
    assert _agent("Police have identified 61 of the victims.", "61") is None


def test_a_preposition_before_the_number_ends_the_verbs_reach() -> None:
    assert _agent("The agency launched an appeal for 250,000 people.", "250,000") is None
    assert _agent("The company sent aid to 12,000 families.", "12,000") is None


def test_a_comma_or_a_relative_word_ends_the_proposition() -> None:
    text = "The union, which struck in March, counts 7,000 members."
    assert _agent(text, "7,000") is None
    assert _agent("The union says that 7,000 members walked out.", "7,000") is None


def test_a_common_noun_subject_is_no_organisation() -> None:
    assert _agent("The rescuers pulled 40 people from the rubble.", "40") is None
    assert _agent("The storm destroyed 1,200 homes.", "1,200") is None
