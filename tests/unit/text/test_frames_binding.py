"""Scope binding from outside the number's own words (docs/SPEC.md §6): the speaker's title,
definite descriptions of the event, the previous sentence's topic, relative clauses, headline
labels, sites, and the clauses that hang on the number's."""

from __future__ import annotations

import pytest

from tests.unit.text.conftest import frame, frames, kinds, scopes


@pytest.mark.parametrize(
    ("text", "value", "scope"),
    [
        # the speaker's title names the jurisdiction of a count that names none
        ("Only four of the victims have been named, Hilo Police Chief Ann Reyes said.", 4, "Hilo"),
        ("Nine of the dead were children, Kerala health officials said.", 9, "Kerala"),
        ("ILA President Harold Daggett said 45,000 dockworkers would stay out.", 45000, "ILA"),
        # ... and resolves the event's definite description
        (
            "Oregon health officials said the number of cases in the outbreak had reached 61.",
            61,
            "Oregon",
        ),
    ],
)
def test_the_speakers_title_gives_the_scope(text: str, value: float, scope: str) -> None:
    assert frame(text, value).scope == scope


@pytest.mark.parametrize(
    ("text", "value", "scope"),
    [
        # "the blaze" is the fire the sentence before named after its place
        (
            "Crews were still fighting the Paradise fire on Monday. The blaze has destroyed "
            "1,200 homes.",
            1200,
            "Paradise",
        ),
        # ... or the place its own relative clause names
        ("The death toll from the wildfire that swept through Mati rose to 99.", 99, "Mati"),
        # with nothing to resolve it to, it stays as written
        ("The outbreak has sickened 40 people, the agency said.", 40, "The outbreak"),
        # a dated event is another event: it keeps its own name
        (
            "There were 3,000 arrests in the 2011 riots, which lasted five days.",
            3000,
            "the 2011 riots",
        ),
    ],
)
def test_a_definite_event_is_resolved_to_its_place(text: str, value: float, scope: str) -> None:
    assert frame(text, value).scope == scope


@pytest.mark.parametrize(
    ("text", "value", "scope"),
    [
        (
            "The Teamsters union widened its strike on Tuesday. About 8,000 more drivers walked "
            "out.",
            8000,
            "Teamsters",
        ),
        (
            "The IAM's president announced a wider walkout. Some 3,000 machinists joined it.",
            3000,
            "IAM",
        ),
        (
            "The 33,000-member IAM has been on strike since September. About 2,500 more "
            "workers joined on Friday.",
            2500,
            "IAM",
        ),
        # the sentence before's main clause, not the place of its "after ..." clause
        (
            "The CDC raised the toll in the outbreak to 12, after a death in Ohio. That was up "
            "from nine deaths.",
            9,
            "the outbreak",
        ),
    ],
)
def test_the_previous_sentences_topic_scopes_a_bare_count(
    text: str, value: float, scope: str
) -> None:
    claim = frame(text, value)
    assert claim.scope == scope
    assert claim.scope_source == "previous"


def test_a_place_count_yields_to_the_previous_sentences_scope() -> None:
    text = (
        "Six more people fell ill in the salmonella outbreak linked to onions. "
        "The number hospitalized rose to 20 in 7 states, it said."
    )
    scope = frame(text, 20).scope
    assert scope is not None and scope.startswith("the salmonella outbreak")


@pytest.mark.parametrize(
    ("text", "value", "scope"),
    [
        (
            "The storm was the deadliest since Hurricane Maria, which killed 2,975 people in 2017.",
            2975,
            "Hurricane Maria",
        ),
        (
            "It surpassed the 1900 hurricane in Galveston, which killed 8,000 people.",
            8000,
            "Galveston",
        ),
        (
            "Its plant has 12,000 workers, more than the grocer Publix, which has about 9,000.",
            9000,
            "Publix",
        ),
    ],
)
def test_a_relative_clause_counts_for_its_antecedent(text: str, value: float, scope: str) -> None:
    assert frame(text, value).scope == scope


@pytest.mark.parametrize(
    ("text", "value", "scope"),
    [
        ("Peru: 40,000 displaced as rivers burst their banks", 40000, "Peru"),
        ("Valencia flood death toll climbs past 200, officials say", 200, "Valencia"),
        ("Live: 300 flights cancelled as storm nears", 300, None),
    ],
)
def test_headlines_name_their_scope(text: str, value: float, scope: str | None) -> None:
    assert frame(text, value).scope == scope


def test_a_site_is_the_scope_with_its_place() -> None:
    claim = frame("Boeing laid off 400 workers at its Renton assembly plant in Washington.", 400)
    assert claim.scope == "its Renton assembly plant in Washington"


def test_a_worldwide_count_belongs_to_the_firm_named_before() -> None:
    text = "Intel said it would cut jobs. With about 120,000 employees worldwide, some 15,000 could go."
    assert frame(text, 120000).scope == "Intel"


def test_a_clause_hanging_on_the_number_lends_it_its_place() -> None:
    claim = frame(
        "Officials confirmed four more deaths, bringing the number killed in Rafah to 31.", 4
    )
    assert claim.scope == "Rafah"


def test_a_later_main_clause_inherits_the_main_clause_not_a_dependent_one() -> None:
    text = "The CDC raised the toll in the outbreak to 12, after a death in Ohio, and said 80 people had been hospitalized."
    assert frame(text, 80).scope == "the outbreak"


def test_an_organisation_after_a_weak_preposition_is_no_place() -> None:
    claim = frame(
        "In Paradise, police were still searching for 12 people with help from the FBI.", 12
    )
    assert claim.scope == "Paradise"


def test_a_parts_place_is_not_shared_with_the_numbers_after_it() -> None:
    text = (
        "Kansas officials said the outbreak had reached 90 cases, with 60 of them in Seward "
        "County, 11 people in hospital and one death."
    )
    assert scopes(text, 60, 11) == ["Seward County", "Kansas"]


def test_a_gapped_participle_shares_its_place_with_the_number_before() -> None:
    text = "A total of 900 people had been arrested and 410 charged across France by Sunday."
    assert scopes(text, 900, 410) == ["France", "France"]


def test_an_origin_is_a_sub_scope_and_its_count_a_total() -> None:
    text = "Of the 40 firefighters injured, 31 were from Lyon and nine from Grenoble."
    for value, scope in ((31, "Lyon"), (9, "Grenoble")):
        claim = frame(text, value)
        assert (claim.scope, claim.kind) == (scope, "total")


def test_bracketed_counts_take_the_noun_and_the_name_before_them() -> None:
    text = "Lagos recorded the most deaths (48), followed by Kano (31), the agency said."
    first, second = frame(text, 48), frame(text, 31)
    assert (first.unit, first.scope) == ("deaths", "Lagos")
    assert (second.unit, second.scope) == ("deaths", "Kano")


def test_a_count_given_place_by_place_is_one_claim_a_place() -> None:
    text = "The outbreak has killed two people, one in Devon and one in Cornwall, officials said."
    assert frame(text, 2).scope == "The outbreak"
    assert [claim.scope for claim in frames(text, 1)] == ["Devon", "Cornwall"]


def test_a_part_of_a_possessed_whole_is_the_owners() -> None:
    claim = frame("Dengue has spread to 9 of Peru's 25 regions, the ministry said.", 9)
    assert (claim.scope, claim.kind) == ("Peru", "part")


@pytest.mark.parametrize(
    ("text", "value", "scope"),
    [
        ("Siemens will cut 2,900 jobs, the company said.", 2900, "Siemens"),
        ("Stellantis has laid off 1,200 workers.", 1200, "Stellantis"),
        ("Nurses in Mosul said 300 of the injured were treated overnight.", 300, "Mosul"),
    ],
)
def test_a_name_ending_in_s_opens_a_sentence_as_a_name(text: str, value: float, scope: str) -> None:
    assert frame(text, value).scope == scope


def test_a_name_with_its_own_verb_scopes_its_number() -> None:
    text = "Ohio has 40 cases, while Indiana's count stands at 12 and Kentucky has three."
    assert frame(text, 3).scope == "Kentucky"


def test_elsewhere_sets_the_frame_over_a_common_place() -> None:
    text = "Elsewhere in the region, the storm killed 40 people in villages including Batu."
    assert frame(text, 40).scope == "Elsewhere in the region"


def test_the_previous_sentences_subject_outranks_its_later_places() -> None:
    text = (
        "The outbreak has sickened 30 people in 9 states, and killed two, one in Ohio and "
        "one in Utah. Twelve of those patients were admitted to hospital."
    )
    assert frame(text, 12).scope == "The outbreak"


@pytest.mark.parametrize(
    ("text", "value", "kind"),
    [
        # a count still standing is a total, even when "a further" introduces it
        ("The toll rose to 300, with a further 120 people still listed as missing.", 120, "total"),
        # another period's count compared with this one is that period's own total
        ("The agency counted 90 cases this year, compared with 140 for all of 2023.", 140, "total"),
        ("The toll rose to 60, up from 45 on Monday.", 45, "previous"),
        # workers walking out now join the strike: an increment
        ("On Friday 2,300 workers walked out of the Wichita plant.", 2300, "new"),
        ("In 2008, some 27,000 workers walked out for 57 days.", 27000, "total"),
    ],
)
def test_kind_cues(text: str, value: float, kind: str) -> None:
    assert frame(text, value).kind == kind


def test_a_part_given_its_own_place_is_that_places_total() -> None:
    text = "The council said at least 80 of the dead were on Leyte, the worst-hit island."
    claim = frame(text, 80)
    assert (claim.scope, claim.kind) == ("Leyte", "total")


def test_every_count_a_place_accounts_for_is_its_total() -> None:
    text = "Aceh alone accounted for 70 of the deaths and 120 of the injuries, the agency said."
    assert kinds(text, 70, 120) == ["total", "total"]


def test_one_who_died_elsewhere_is_a_claim_of_its_own() -> None:
    text = "At least five people were killed in Tarlac and one died on Samar, the agency said."
    claim = frame(text, 1)
    assert (claim.scope, claim.unit) == ("Samar", "people")


def test_a_spokesman_for_a_body_names_its_scope() -> None:
    text = "At least 40 fighters were killed, a spokesman for the Sudanese army said."
    assert frame(text, 40).scope == "Sudanese army"


def test_a_group_in_apposition_to_the_count_is_its_scope() -> None:
    text = "Meta is cutting its entire Reality Labs sales team, about 300 employees, it said."
    assert frame(text, 300).scope == "its entire Reality Labs sales team"


def test_where_a_body_is_based_is_not_the_scope_of_its_count() -> None:
    text = "Yemen has been split between two rival governments, based in Sanaa and Aden."
    assert frame(text, 2).scope == "Yemen"
