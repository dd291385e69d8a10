"""Whose a count is when the sentence puts it elsewhere (docs/SPEC.md §6): a place inside the
noun a verb leads to its number is the count's scope; a worldwide total belongs to the subject
of the clause it hangs on; a day between a subject and its verb keeps the subject; a report
verb acting on a count reports nothing; an action widened to a number counts its noun; a count
of "other" things is set apart from the figure; a context term "the bombings" names the
story's bombings however the day or kind is written."""

from __future__ import annotations

from monitor.text.figure_words import context_match
from monitor.text.figures import FigureSpec, bind
from tests.unit.text.conftest import frame, scopes

RECALL = FigureSpec(
    "recall", "Vehicles GM recalled worldwide for faulty ignition switches", ("vehicles", "cars"),
    ("GM", "General Motors"), about=("recall", "recalled", "recalling"),
)  # fmt: skip
ATTACK_DEAD = FigureSpec(
    "attack-dead", "People killed in the Easter bombings in Sri Lanka", ("deaths", "people", "toll"),
    ("Sri Lanka", "the bombings", "the attacks"), about=("killed", "toll", "died"),
)  # fmt: skip


def test_a_place_inside_the_led_noun_is_the_counts_scope() -> None:
    text = (
        "New cases in New York, New Jersey and California have brought the number of measles "
        "infections in the United States to 671 so far this year."
    )
    assert scopes(text, 671) == ["the United States"]


def test_a_worldwide_total_belongs_to_the_subject_of_the_clause_it_hangs_on() -> None:
    text = (
        "General Motors on Tuesday added 842,000 vehicles to its recall over faulty ignition "
        "switches, bringing the total to 1.6 million worldwide."
    )
    assert scopes(text, 842000, 1600000) == ["General Motors", "General Motors"]
    assert [frame(text, v).kind for v in (842000, 1600000)] == ["new", "total"]
    assert bind(RECALL, frame(text, 1600000)).bound


def test_a_worldwide_count_of_an_organisation_subject_is_its_own() -> None:
    assert scopes("Tesla employs 140,000 people worldwide.", 140000) == ["Tesla"]


def test_an_action_widened_to_a_number_counts_the_noun_it_acts_on() -> None:
    text = (
        "General Motors expanded its global recall of cars with faulty ignition switches to "
        "2.6 million on Friday, adding 971,000 cars from later model years."
    )
    claim = frame(text, 2600000)
    assert (claim.unit, claim.kind, claim.scope) == ("cars", "total", "General Motors")
    assert frame(text, 971000).kind == "new"


def test_model_names_before_the_counted_noun_are_its_modifiers() -> None:
    text = "General Motors is recalling 778,562 Chevrolet Cobalt and Pontiac G5 compact cars."
    assert frame(text, 778562).unit == "Chevrolet Cobalt and Pontiac G5 compact cars"


def test_a_count_of_other_things_is_set_apart_from_the_figure() -> None:
    text = (
        "General Motors said it was recalling about 1.5 million other vehicles in three "
        "separate actions unrelated to the ignition switches."
    )
    binding = bind(RECALL, frame(text, 1500000))
    assert not binding.bound and "set apart" in binding.reason


def test_a_definite_event_context_names_the_storys_event_with_its_day_or_kind() -> None:
    context = ATTACK_DEAD.context
    assert context_match("Sunday's suicide bombings", context)
    assert context_match("the Easter Sunday attacks", context)
    assert not context_match("the other attacks", context)
    assert not context_match("the 1996 bombings", context)
    assert not context_match("the Christchurch attacks", context)
    text = "The toll from Sunday's suicide bombings rose to 310 overnight, police said."
    assert bind(ATTACK_DEAD, frame(text, 310)).bound


def test_an_acronym_that_recalls_or_cuts_its_own_owns_the_count() -> None:
    text = (
        "GM said on Friday it would recall another 971,000 cars, bringing the total to 2.6 million."
    )
    assert scopes(text, 971000, 2600000) == ["GM", "GM"]
    # an agency that reports a count is its source, not its scope
    assert scopes("The CDC said it had confirmed 40 cases.", 40) == [None]


def test_a_place_accounting_for_part_of_a_national_count_has_its_own_total() -> None:
    text = (
        "The CDC counted 880 cases nationwide, with New York accounting for more than 600 of them."
    )
    assert scopes(text, 880, 600) == ["nationwide", "New York"]
    assert [frame(text, v).kind for v in (880, 600)] == ["total", "total"]
