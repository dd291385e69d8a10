"""Figure binding (docs/SPEC.md §6): unit on the head noun, context IS the scope, about/exclude
in the claim's clause, never two figures for one number — each decision with its reason.

Claims are built directly with the frame the extractor gives them, so these tests specify
binding whatever the extractor does.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from monitor.text.figures import (
    FigureSpec,
    Topic,
    bind,
    bind_all,
    clause_of,
    definition_problems,
    frame_note,
    singular,
    unit_matches,
)


@dataclass(frozen=True)
class Frame:
    """A claim as the frame extractor reports it (only what binding reads)."""

    sentence: str
    text: str
    unit: str
    head: str
    modifiers: tuple[str, ...] = ()
    scope: str | None = None
    scope_source: str = "none"
    kind: str = "total"
    time: str = "current"
    time_ref: str | None = None
    attribution: str | None = None

    @property
    def start(self) -> int:
        return self.sentence.index(self.text)

    @property
    def end(self) -> int:
        return self.start + len(self.text)


def frame(sentence: str, text: str, unit: str, scope: str | None = None, **more: object) -> Frame:
    words = unit.split()
    head = singular(words[-1])
    source = "clause" if scope else "none"
    return Frame(
        sentence,
        text,
        unit,
        head,
        tuple(w.lower() for w in words[:-1]),
        scope,
        str(more.pop("scope_source", source)),
        **more,  # type: ignore[arg-type]
    )


OHIO = FigureSpec("ohio-measles", "Measles cases in Ohio", ("cases",), ("Ohio",))
NATION = FigureSpec(
    "us-measles", "Measles cases nationwide", ("cases",), ("nationwide", "United States", "U.S.")
)
KILLED = FigureSpec(
    "maui-dead", "People killed in Maui", ("people", "deaths"), ("Maui", "Lahaina"),
    about=("killed", "dead", "died", "death toll"), exclude=("missing", "unaccounted for"),
)  # fmt: skip
MISSING = FigureSpec(
    "maui-missing", "People missing in Maui", ("people",), ("Maui", "Lahaina"),
    about=("missing", "unaccounted for"),
)  # fmt: skip


def test_the_unit_is_matched_on_the_head_noun_not_a_modifier() -> None:
    measles = frame("Health officials confirmed 37 measles cases in Ohio.", "37", "measles cases")
    assert unit_matches(measles, ["cases"])
    assert not unit_matches(measles, ["measles"])
    reason = bind(FigureSpec("m", "m", ("measles",), ("Ohio",)), measles).reason
    assert reason == "unit 'case' not in units"


@pytest.mark.parametrize(
    ("unit", "wanted", "matches"),
    [("152 mm artillery shells", ("artillery shells",), True),
     ("Artillery Shell", ("artillery shells",), True),
     ("rounds", ("round",), True),
     ("containers", ("shells", "rounds"), False),
     ("casualties", ("casualty",), True),
     ("people", ("persons",), True)],
)  # fmt: skip
def test_multi_word_units_match_the_end_of_the_head_phrase(
    unit: str, wanted: tuple[str, ...], matches: bool
) -> None:
    claim = frame(f"They counted 40 {unit}.", "40", unit)
    assert unit_matches(claim, wanted) is matches


def test_the_context_must_be_the_claims_scope_not_merely_in_the_sentence() -> None:
    sentence = "Kentucky has reported more than 40 cases, near the Ohio border."
    claim = frame(sentence, "more than 40", "cases", scope="Kentucky")
    found = bind(OHIO, claim)
    assert (found.bound, found.reason) == (False, "scoped to Kentucky")


def test_two_figures_mentioned_together_each_take_their_own_number() -> None:
    sentence = "Ohio accounts for 85 of the 121 cases reported nationwide."
    ohio = frame(sentence, "85", "cases", scope="Ohio", kind="part")
    nation = frame(sentence, "121", "cases", scope="nationwide")
    assert [b.bound for b in bind_all([OHIO, NATION], ohio)] == [True, False]
    assert [b.bound for b in bind_all([OHIO, NATION], nation)] == [False, True]
    assert frame_note(ohio) == "kind part"


def test_a_scope_naming_both_figures_goes_to_the_more_specific_and_never_both() -> None:
    wide = FigureSpec("tx", "Texas", ("cases",), ("Texas",))
    narrow = FigureSpec("wtx", "West Texas", ("cases",), ("West Texas",))
    claim = frame("West Texas has 400 cases.", "400", "cases", scope="West Texas")
    found = bind_all([wide, narrow], claim)
    assert [b.bound for b in found] == [False, True]
    assert "wtx fits better" in found[0].reason


def test_the_previous_sentence_scope_binds_when_the_clause_names_none() -> None:
    claim = frame("The total now stands at 412 cases.", "412", "cases", scope="Ohio",
                  scope_source="previous")  # fmt: skip
    found = bind(OHIO, claim)
    assert (found.bound, found.scope_source) == (True, "previous")


def test_without_any_scope_the_headline_topic_binds_only_when_it_names_one_figure() -> None:
    claim = frame("Officials have confirmed 412 cases.", "412", "cases")
    one = Topic.of("Ohio measles outbreak grows", "The outbreak keeps growing.")
    both = Topic.of("Ohio outbreak drives U.S. measles count", "Cases keep rising.")
    assert [b.bound for b in bind_all([OHIO, NATION], claim, topic=one)] == [True, False]
    assert bind_all([OHIO, NATION], claim, topic=one)[0].reason == "topic: Ohio"
    assert [b.bound for b in bind_all([OHIO, NATION], claim, topic=both)] == [False, False]
    assert bind(OHIO, claim).reason.startswith("no scope")


def test_about_and_exclude_tell_the_missing_from_the_dead() -> None:
    dead = frame("In Lahaina 97 people were killed, officials said.", "97", "people",
                 scope="Lahaina")  # fmt: skip
    missing = frame("In Lahaina 31 people are still missing.", "31", "people", scope="Lahaina")
    assert [b.bound for b in bind_all([KILLED, MISSING], dead)] == [True, False]
    assert [b.bound for b in bind_all([KILLED, MISSING], missing)] == [False, True]
    assert bind(KILLED, missing).reason == "excluded: 'missing'"
    assert bind(MISSING, dead).reason.startswith("no about term")


def test_about_and_exclude_look_only_at_the_claims_clause() -> None:
    sentence = "In Maui 97 people were killed; 31 people are still missing."
    dead = frame(sentence, "97", "people", scope="Maui")
    assert clause_of(dead) == "In Maui 97 people were killed"
    assert bind(KILLED, dead).bound


def test_past_and_non_total_frames_bind_but_say_why_they_cannot_move_the_figure() -> None:
    past = frame("In 2019, when 1,274 cases were reported nationwide.", "1,274", "cases",
                 scope="nationwide", time="past", time_ref="2019")  # fmt: skip
    assert bind(NATION, past).bound
    assert frame_note(past) == "past: 2019"
    assert frame_note(frame("It added 17 new cases in Ohio.", "17", "new cases", "Ohio",
                            kind="new")) == "kind new"  # fmt: skip


SHELLS = FigureSpec(
    "nk-shells", "Shells", ("artillery shells", "shells"), ("North Korea", "Pyongyang")
)
ARRESTS = FigureSpec(
    "uk-arrests", "Arrests", ("arrests", "people"), ("UK", "England"),
    about=("arrested", "arrests"), exclude=("charged",),
)  # fmt: skip


def test_a_scope_that_names_the_source_gives_way_to_the_subject_it_speaks_of() -> None:
    believes = frame(
        "South Korea's spy agency believes North Korea has shipped more than a million "
        "artillery shells to Russia.", "more than a million", "artillery shells",
        scope="South Korea",
    )  # fmt: skip
    said = frame(
        "North Korea has sent 200,000 shells to Russia, officials in Washington said.",
        "200,000", "shells", scope="Washington", attribution="officials in Washington",
    )  # fmt: skip
    for claim, source in ((believes, "South Korea"), (said, "Washington")):
        found = bind(SHELLS, claim)
        assert found.bound and found.scope == "North Korea"
        assert found.reason == f"scoped to North Korea ({source} is the source)"
    kentucky = frame("Kentucky has reported more than 40 cases.", "more than 40", "cases",
                     scope="Kentucky")  # fmt: skip
    assert not bind(OHIO, kentucky).bound  # the subject that reports is the scope


def test_a_scope_from_another_clause_of_the_sentence_is_not_the_claims() -> None:
    claim = frame("Ohio has now recorded 45 cases, while the national count reached 130 cases.",
                  "130", "cases", scope="Ohio")  # fmt: skip
    found = bind(OHIO, claim)
    assert not found.bound and "Ohio is another clause's" in found.reason


def test_a_generic_scope_names_the_place_its_qualifier_gives() -> None:
    city = frame("More than 2,000 people are feared dead in the eastern Libyan city of Derna.",
                 "More than 2,000", "people", scope="the eastern Libyan city")  # fmt: skip
    derna = FigureSpec("derna", "d", ("people",), ("Derna",))
    assert bind(derna, city).scope == "Derna"
    outbreak = frame("Texas has 24 cases in the outbreak in the South Plains.", "24", "cases",
                     scope="the outbreak")  # fmt: skip
    assert bind(FigureSpec("tx", "t", ("cases",), ("South Plains",)), outbreak).bound
    assert not bind(OHIO, frame("Ohio, in the U.S., has 9 cases.", "9", "cases",
                                scope="Ohio")).reason.startswith("scoped to U.S.")  # fmt: skip


def test_a_scope_past_the_attribution_is_not_the_numbers() -> None:
    claim = frame(
        "The Lahaina wildfire has claimed 80 lives, Maui County said, overtaking the 1960 "
        "tsunami as the deadliest disaster in Hawaii's history.", "80", "lives",
        scope="Hawaii's", attribution="Maui County",
    )  # fmt: skip
    maui = FigureSpec("maui", "m", ("lives",), ("Lahaina", "Maui"))
    found = bind(maui, claim, topic=Topic.of("Lahaina fire kills 80", claim.sentence))
    assert (found.bound, found.scope) == (True, "Lahaina")


def test_a_count_is_no_scope() -> None:
    claim = frame("Texas now has 279 cases across 11 counties.", "279", "cases",
                  scope="11 counties")  # fmt: skip
    assert bind(FigureSpec("tx", "t", ("cases",), ("Texas",)), claim).reason == (
        "clause names Texas"
    )


def test_without_a_frame_scope_the_claims_own_clause_may_name_the_context() -> None:
    claim = frame("Officials added 12 cases, bringing Ohio's total to 57 cases.", "57", "cases")
    assert bind(OHIO, claim).reason == "clause names Ohio"


def test_exclude_looks_at_the_numbers_own_phrase() -> None:
    sentence = "Police in England have arrested 483 people and charged 149 in connection with it."
    arrested = frame(sentence, "483", "people", scope="England")
    charged = frame(sentence, "149", "people", scope="England")
    assert bind(ARRESTS, arrested).bound
    assert bind(ARRESTS, charged).reason == "excluded: 'charged'"


def test_about_and_exclude_terms_match_their_inflections_but_not_other_words() -> None:
    killing = frame("The fire swept Lahaina, killing at least 19 people.", "at least 19",
                    "people", scope="Lahaina")  # fmt: skip
    living = frame("In Lahaina 7,415 people are living in hotels.", "7,415", "people",
                   scope="Lahaina")  # fmt: skip
    lives = FigureSpec("lives", "l", ("people",), ("Lahaina",), about=("lives",))
    assert bind(KILLED, killing).bound
    assert not bind(lives, living).bound


@pytest.mark.parametrize(
    ("raw", "key"),
    [({"name": "x", "units": [], "context": ["Ohio"]}, "units"),
     ({"name": "x", "units": ["cases"], "context": []}, "context"),
     ({"name": "x", "units": ["cases"], "context": ["Ohio"], "colour": "red"}, "colour"),
     ({"name": "x", "units": ["cases"], "context": ["Ohio"], "about": ["missing"],
       "exclude": ["Missing"]}, "exclude"),
     ({"name": "x", "units": ["cases"], "context": ["Ohio"], "min_change": 1.5}, "min_change")],
)  # fmt: skip
def test_a_definition_that_cannot_bind_names_the_key(raw: dict[str, object], key: str) -> None:
    assert [k for k, _ in definition_problems(raw)] == [key]


def test_a_sound_definition_has_no_problem() -> None:
    assert definition_problems({"name": "x", "units": ["cases"], "context": ["Ohio"]}) == []
