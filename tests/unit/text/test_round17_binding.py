"""Round 17 (issue #12) binding: a day, or the story's event owned by a day ("Saturday's
earthquake", "Saturday" from "Saturday's earthquake killed 525"), is a time, never a place the sentence
before can hand on to a count; a clause that only restates a total ("the count put the total at 162,728
individuals") counts what the sentence before counted, so it takes that sentence's about term."""

from __future__ import annotations

from monitor.text.claims import Claim, extract_claims
from monitor.text.figures import FigureSpec, Topic, bind

INJURED = FigureSpec(
    "quake-injured",
    "People injured in the April 2016 Ecuador earthquake",
    ("people", "injured"),
    ("Ecuador", "the earthquake"),
    about=("injured", "wounded"),
    exclude=("killed", "dead", "missing"),
)
EVACUEES = FigureSpec(
    "evacuees",
    "People in evacuation centres after the eruption of Taal Volcano",
    ("people", "individuals", "evacuees"),
    ("Taal", "Batangas"),
    about=("evacuation centres", "staying", "evacuated"),
    exclude=("families",),
)


def _carried(previous: str, sentence: str, number: str) -> Claim:
    return next(c for c in extract_claims(f"{previous} {sentence}") if c.text == number)


def test_an_event_owned_by_a_day_carried_from_the_sentence_before_is_no_scope() -> None:
    previous = "The government raised the death toll from Saturday's earthquake to 413."
    sentence = "More than 2,500 people have been injured."
    claim = _carried(previous, sentence, "More than 2,500")
    found = bind(INJURED, claim, previous, Topic.of("Ecuador quake dead reach 413", previous))
    assert found.bound
    assert found.scope == "Ecuador"


def test_a_bare_day_is_never_a_count_s_place() -> None:
    previous = "Saturday's earthquake killed 525 people, according to the government."
    sentence = "More than 4,600 were injured in the disaster."
    claim = _carried(previous, sentence, "More than 4,600")
    found = bind(INJURED, claim, previous, Topic.of("Aftershock rattles Ecuador", previous))
    assert found.bound
    assert found.scope == "Ecuador"


def test_a_named_place_carried_from_the_sentence_before_still_scopes() -> None:
    previous = "The toll in Peru rose to 60."
    sentence = "More than 300 people have been injured."
    claim = _carried(previous, sentence, "More than 300")
    assert not bind(INJURED, claim, previous).bound


def test_a_clause_restating_the_total_takes_the_about_term_of_the_sentence_before() -> None:
    previous = "More than 160,000 people are now staying in evacuation centres in Batangas."
    sentence = "The provincial count put the total at 37,355 families or 162,728 individuals."
    claim = _carried(previous, sentence, "162,728")
    assert bind(EVACUEES, claim, previous).bound


def test_a_clause_with_its_own_verb_and_no_about_term_does_not_borrow_one() -> None:
    previous = "More than 160,000 people are now staying in evacuation centres in Batangas."
    sentence = "The provincial office said 162,728 individuals had received food packs."
    claim = _carried(previous, sentence, "162,728")
    assert not bind(EVACUEES, claim, previous).bound


HOSTAGES = FigureSpec(
    "hostages",
    "People held hostage in Gaza (Israeli military count)",
    ("hostages", "people"),
    ("Israeli military", "Gaza"),
    about=("hostages", "held", "seized"),
)


def test_an_event_of_a_day_in_the_count_s_own_clause_still_scopes_it() -> None:
    previous = "The exact number of captives in Gaza is still unknown."
    sentence = "Hamas has claimed that it seized at least 130 hostages during Saturday's attack."
    claim = _carried(previous, sentence, "at least 130")
    topic = Topic.of("Israeli military notifies families", previous)
    assert not bind(HOSTAGES, claim, previous, topic).bound
