"""The scope grammar of last resort, sentence by sentence: when neither the clause cascade nor
the sentence before names a scope, the number's own clause still does, in this order — the
possessor of the counted noun, a location phrase after the number, the clause's subject when it
is an organisation or a named body, a location phrase before the number, an event phrase.
A number with none of them keeps no scope."""

from __future__ import annotations

import pytest

from monitor.text.claims import Claim, extract_claims


def _claim(text: str, value: float) -> Claim:
    return next(c for c in extract_claims(text) if c.value == value)


def _scope(text: str, value: float) -> str | None:
    return _claim(text, value).scope


@pytest.mark.parametrize(
    ("text", "value", "scope"),
    [
        # the possessor of the whole a part is taken from
        ("Coroners have named 412 of the county's victims so far.", 412, "the county"),
        # the owner of the count the number is given for
        ("The bureau's count of children treated for burns climbed to nine.", 9, "The bureau"),
        # a name modifying the count noun
        ("On Friday the minister put the official Tarvik toll at 118.", 118, "Tarvik"),
    ],
)
def test_the_counted_nouns_owner_scopes_the_number(text: str, value: float, scope: str) -> None:
    assert _scope(text, value) == scope


@pytest.mark.parametrize(
    ("text", "value", "scope"),
    [
        ("By dawn some 240 walkers had been flown to Galway.", 240, "Galway"),
        ("About 61 cases had been found in the Drava Valley.", 61, "the Drava Valley"),
        ("By noon 900 tourists had been ferried off the island.", 900, "the island"),
        ("Some 35 deaths were recorded in Mali, Niger and Chad.", 35, "Mali, Niger and Chad"),
    ],
)
def test_a_location_phrase_after_the_number_scopes_it(text: str, value: float, scope: str) -> None:
    assert _scope(text, value) == scope


@pytest.mark.parametrize(
    ("text", "value", "scope"),
    [
        # an authority head noun
        ("Prosecutors charged 19 people over the collapse.", 19, "Prosecutors"),
        ("The Water Authority recorded 4,210 homes without supply.", 4210, "The Water Authority"),
        # a verb of saying, when its report names the body's own
        ("The agency separately said 31 people had sought help at its offices.", 31, "The agency"),
        # a named body: an acronym, a web name
        ("ACLED tallied more than 800 protests in the month.", 800, "ACLED"),
        ("Jobcuts.io logged more than 40,000 roles lost that year.", 40000, "Jobcuts.io"),
        # a possessed organisation names its owner too
        ("Ohio's Bureau of Mines still listed nearly 70 men as missing.", 70, None),
    ],
)
def test_an_organisation_subject_scopes_its_verbs_number(
    text: str, value: float, scope: str | None
) -> None:
    got = _scope(text, value)
    if scope is None:
        assert got is not None and "Ohio" in got
    else:
        assert got == scope


def test_a_name_apposed_to_the_organisation_is_the_scope() -> None:
    text = "The operator, Brevik Marine Works, employs nearly 320 divers."
    assert _scope(text, 320) == "Brevik Marine Works"


def test_the_number_in_an_appositive_relative_is_the_named_bodys() -> None:
    text = "NATCA, the union that represents some 14,000 controllers, walked out at dawn."
    assert _scope(text, 14000) == "NATCA"


def test_an_and_that_clause_takes_the_reporting_subject() -> None:
    text = (
        "The service said its crews had pumped some 9,000 tonnes of water over the week, "
        "and that 57 firefighters had been hurt."
    )
    assert _scope(text, 57) == "The service"


def test_the_reported_clauses_own_subject_comes_first() -> None:
    text = "The coroner, Dr. Ana Ruiz, said the county still held records on roughly 210 people."
    assert _scope(text, 210) == "the county"


def test_a_verb_that_sets_a_count_reaches_across_the_counted_phrase() -> None:
    text = "In late May, police put the number of arrests since the rally at the harbour at 46."
    assert _scope(text, 46) == "police"


@pytest.mark.parametrize(
    "text",
    [
        # a person is no scope, nor is a place only counted
        ("Anna Lind said 44 people had come forward."),
        ("The ministry said cases had been reported in 12 provinces."),
        # a body that only reports or only acts is no owner of the count
        ("Fire officials said 66 cars had been towed."),
        ("The Coast Guard has recovered 3 boats so far."),
        # a number in a clause the subject's verb does not govern
        ("NHTSA opened a review in May after three drivers complained of brake failures."),
    ],
)
def test_no_grammar_no_scope(text: str) -> None:
    claims = [c for c in extract_claims(text) if c.value in (44, 12, 66, 3)]
    assert claims and all(c.scope is None for c in claims)


def test_an_event_phrase_is_the_last_resort() -> None:
    text = "A further 17 detainees were freed under the truce on Sunday."
    assert _scope(text, 17) == "the truce"


def test_the_grammars_scope_is_marked_referring() -> None:
    claim = _claim("Prosecutors charged 19 people over the collapse.", 19)
    assert claim.scope_source == "referring"


def test_a_relative_clause_refers_to_the_organisation_it_hangs_on() -> None:
    text = "The guild, which says hundreds of stage jobs are at risk, is suing the council."
    assert [c.scope for c in extract_claims(text)] == ["The guild"]


def test_its_own_count_carries_on_the_clause_befores_subject() -> None:
    text = "Mercy General Hospital confirmed 23 more deaths, bringing its own count to 75."
    assert _scope(text, 23) == "Mercy General Hospital"
    assert _scope(text, 75) == "Mercy General Hospital"


def test_a_location_shared_by_counts_joined_by_and() -> None:
    text = "About 40 deaths and 610 cases had been reported in the Drava Valley, an official said."
    assert _scope(text, 40) == "the Drava Valley"


def test_a_listed_count_owns_the_location_after_it() -> None:
    text = "The coroner counted 31 deaths, nine of them near the Old Mill fire."
    assert _scope(text, 31) != "the Old Mill"


def test_a_definite_place_may_be_a_part_of_it() -> None:
    text = "Organisers estimated that more than 9,000 people had taken to the streets of the city."
    assert _scope(text, 9000) == "the streets of the city"


def test_a_body_resuming_its_own_verb_after_a_relative_owns_the_number() -> None:
    text = (
        "The regional monitors group, whose map had 80 pins by noon, counted about 4,000 marchers."
    )
    assert _scope(text, 4000) == "The regional monitors group"
    reported = "The charity, which runs 9 kitchens, said 250 families had been fed."
    assert _scope(reported, 250) is None


def test_the_increments_of_a_total_the_grammar_scoped_share_its_scope() -> None:
    text = "Seven more detainees walked out, bringing the number freed under the ceasefire to 30."
    assert _scope(text, 30) == "the ceasefire"
    assert _scope(text, 7) == "the ceasefire"


def test_the_sentence_before_hands_on_its_grammar_scope() -> None:
    text = (
        "Nine more detainees were freed on Monday, the last release before the ceasefire ended.\n"
        "Another 14 came out on Tuesday, bringing the total released since Friday to 52."
    )
    claims = {c.value: c for c in extract_claims(text)}
    assert claims[9].scope == "the ceasefire"
    assert (claims[52].scope, claims[52].scope_source) == ("the ceasefire", "referring")


def test_a_sentence_two_back_hands_on_nothing() -> None:
    text = (
        "Nine more detainees were freed on Monday, the last release before the ceasefire ended.\n"
        "The weather turned cold overnight.\n"
        "Another 14 came out on Tuesday, bringing the total released since Friday to 52."
    )
    claims = {c.value: c for c in extract_claims(text)}
    assert claims[52].scope != "the ceasefire"
