"""Round 18 (issue #12) binding: the sentence's own place comes before the headline's when the
frame found it only in another clause ("In Cao Bang province landslides had killed 19 people,
and 36 others were unaccounted for" is no count of the nation's missing); an exclude term that
another number counts ("in return for 33 prisoners") does not exclude this number; a place
that a later number of the sentence owns ("seven of them in Dhaka") is not the claim's."""

from __future__ import annotations

from monitor.text.claims import Claim, extract_claims
from monitor.text.figures import FigureSpec, Topic, bind, bind_all

VIETNAM_MISSING = FigureSpec(
    "vietnam-missing",
    "People missing in Vietnam after the typhoon (national count)",
    ("people", "missing", "others"),
    ("Vietnam", "nationwide", "the country"),
    about=("missing", "unaccounted"),
)
HOSTAGES = FigureSpec(
    "hostages-freed",
    "Hostages freed from Gaza during the truce",
    ("hostages",),
    ("Hamas", "the truce", "Gaza"),
    about=("freed", "released", "frees"),
    exclude=("prisoners",),
)
PRISONERS = FigureSpec(
    "prisoners-freed",
    "Palestinian prisoners released by Israel during the truce",
    ("prisoners",),
    ("Israel", "the truce"),
    about=("freed", "released", "releases", "in return for"),
    exclude=("hostages",),
)
DENGUE = FigureSpec(
    "dengue-deaths",
    "Dengue deaths in Bangladesh this year",
    ("deaths", "death toll", "toll"),
    ("Bangladesh", "the country"),
    about=("deaths", "died", "toll"),
)


def _claim(sentence: str, number: str) -> Claim:
    return next(c for c in extract_claims(sentence) if c.text == number)


def test_a_place_named_only_in_another_clause_keeps_the_headline_from_scoping_the_number() -> None:
    sentence = (
        "In Cao Bang province landslides had killed 19 people, and 36 others were unaccounted for."
    )
    topic = Topic.of("Typhoon death toll in the country passes 150", "")
    found = bind(VIETNAM_MISSING, _claim(sentence, "36"), None, topic)
    assert not found.bound
    assert found.scope_source == "sentence"


def test_the_headline_still_scopes_a_number_whose_sentence_names_no_place() -> None:
    sentence = "Another 36 people were unaccounted for on Tuesday."
    topic = Topic.of("Typhoon leaves dozens missing across the country", "")
    assert bind(VIETNAM_MISSING, _claim(sentence, "36"), None, topic).bound


def test_a_sentence_that_also_names_the_context_leaves_the_choice_to_the_headline() -> None:
    sentence = "Storm kills 30 in Vietnam; 40 missing after floods hit Cao Bang province"
    topic = Topic.of(sentence, "")
    claim = _claim(sentence, "40")
    assert bind(VIETNAM_MISSING, claim, None, topic).scope_source != "sentence"


def test_an_exclude_term_counted_by_another_number_does_not_exclude_this_one() -> None:
    sentence = "Eleven more hostages were released on Monday in return for 33 prisoners."
    topic = Topic.of("Gaza swap goes on as the truce holds", "")
    hostages = bind_all([HOSTAGES, PRISONERS], _claim(sentence, "Eleven"), None, topic)
    assert [b.figure for b in hostages if b.bound] == ["hostages-freed"]
    prisoners = bind_all([HOSTAGES, PRISONERS], _claim(sentence, "33"), None, topic)
    assert not prisoners[0].bound


def test_an_exclude_term_of_the_numbers_own_partitive_whole_still_excludes() -> None:
    spec = FigureSpec(
        "staff-cuts",
        "Jobs cut at the company",
        ("workers", "staff"),
        ("Twitter",),
        about=("cut",),
        exclude=("contract",),
    )
    sentence = "Twitter cut about 4,400 of its 5,500 contract workers."
    assert not bind(spec, _claim(sentence, "about 4,400")).bound


def test_an_exclude_term_right_after_the_claims_own_number_still_excludes() -> None:
    sentence = "Israel freed 39 prisoners and 24 hostages."
    assert not bind(HOSTAGES, _claim(sentence, "39")).bound


def test_a_place_a_later_number_owns_is_not_the_claims_scope() -> None:
    sentence = (
        "The death toll since January rose to 313 on Sunday, with 10 deaths recorded in the "
        "previous 24 hours, seven of them in Dhaka."
    )
    claim = _claim(sentence, "313")
    found = bind(DENGUE, claim, None, Topic.of("Dengue deaths in Bangladesh pass 300", ""))
    assert found.bound
    assert found.scope != "Dhaka"


def test_the_whole_of_a_partitive_shares_the_parts_place() -> None:
    spec = FigureSpec(
        "ep-cars",
        "Rail cars derailed at East Palestine",
        ("cars",),
        ("East Palestine",),
        about=("derailed",),
    )
    sentence = "Officials said 38 of the 50 cars that derailed in East Palestine were tank cars."
    assert bind(spec, _claim(sentence, "38")).bound


def test_the_storys_event_in_another_clause_does_not_keep_the_headline_from_scoping() -> None:
    injured = FigureSpec(
        "quake-injured",
        "People injured in the April 2016 Ecuador earthquake",
        ("people", "injured"),
        ("Ecuador", "the earthquake"),
        about=("injured",),
        exclude=("killed", "dead", "toll"),
    )
    sentence = (
        "The official death toll from Saturday's earthquake rose to 246 on Sunday, and at "
        "least 2,527 people were injured, the vice president said."
    )
    topic = Topic.of("Ecuador quake toll passes 230; over 2,500 injured", sentence)
    assert bind(injured, _claim(sentence, "at least 2,527"), None, topic).bound


def test_an_exclude_term_the_claims_own_qualified_number_counts_still_excludes() -> None:
    us = FigureSpec(
        "breach-us",
        "US consumers hit by the breach",
        ("consumers",),
        ("Equifax",),
        exclude=("British",),
    )
    sentence = "Equifax said the data of nearly 694,000 British consumers was stolen."
    assert not bind(us, _claim(sentence, "nearly 694,000")).bound


def test_a_tie_goes_to_the_figure_whose_context_term_is_the_scope_itself() -> None:
    bank = FigureSpec(
        "bank-cuts",
        "Jobs the bank will cut worldwide",
        ("jobs", "positions"),
        ("Deutsche Bank", "Germany's biggest lender"),
        about=("cutting", "cut", "cuts"),
    )
    home = FigureSpec(
        "bank-germany-cuts",
        "Jobs the bank will cut in Germany",
        ("jobs", "positions"),
        ("Germany", "German"),
        about=("cutting", "cut", "cuts"),
    )
    sentence = "The bank said it would cut about 9,000 jobs in Germany."
    found = bind_all([bank, home], _claim(sentence, "about 9,000"))
    assert [b.figure for b in found if b.bound] == ["bank-germany-cuts"]


def test_a_place_that_owns_a_later_number_is_not_the_claims_scope() -> None:
    national = FigureSpec(
        "us-herds",
        "US dairy herds infected",
        ("herds",),
        ("the country", "nationwide"),
        about=("spread", "infected"),
    )
    state = FigureSpec(
        "colorado-herds",
        "Colorado dairy herds infected",
        ("herds",),
        ("Colorado",),
        about=("spread", "infected"),
    )
    sentence = (
        "Across the country the virus had spread to 169 herds in 13 states, with Colorado's 47 "
        "the most of any state."
    )
    found = bind_all([national, state], _claim(sentence, "169"))
    assert [b.figure for b in found if b.bound] == ["us-herds"]


def test_a_place_named_before_the_number_stays_its_scope_though_it_owns_a_later_one() -> None:
    city = FigureSpec(
        "wuhan-cases",
        "Cases in Wuhan",
        ("infections", "cases"),
        ("Wuhan",),
        about=("confirmed", "infections"),
    )
    sentence = (
        "In Wuhan, 892 new infections were confirmed on Monday, lifting Wuhan's total to 1,590."
    )
    assert bind(city, _claim(sentence, "892")).bound
