"""The claims of a Title Case headline: headline verbs bound the number, each number takes a
name of its own clause as scope, and a scope of capitalised common words gives way to a name."""

from __future__ import annotations

from monitor.text.claims import Claim, extract_claims
from monitor.text.figures import FigureSpec, bind_all


def _claim(text: str, value: float) -> Claim:
    return next(c for c in extract_claims(text) if c.value == value)


def test_pass_and_top_after_a_count_noun_are_more_than() -> None:
    claim = _claim("Brazil Dam Deaths Pass 100; 238 Still Missing", 100)
    assert (claim.qualifier, claim.lower, claim.upper, claim.text) == (
        "more than",
        100,
        None,
        "Pass 100",
    )
    assert _claim("Beirut Explosion Toll Rises To 154, Wounded Top 5,000", 5000).qualifier == (
        "more than"
    )


def test_nears_is_almost() -> None:
    claim = _claim("Deadliest Quake Since 1960: Morocco Toll Nears 2,500", 2500)
    assert (claim.qualifier, claim.lower, claim.upper, claim.approximate) == (
        "almost",
        None,
        2500,
        True,
    )


def test_a_scope_of_common_words_gives_way_to_the_headlines_name() -> None:
    assert _claim("At Least 146 Dead In Halloween Crush In Seoul's Itaewon", 146).scope == (
        "Seoul's Itaewon"
    )
    assert _claim("174 Killed In Stampede At Indonesian Football Match", 174).scope == (
        "Indonesian Football Match"
    )


def test_a_contrasted_value_keeps_the_headlines_place() -> None:
    claim = _claim("Indonesia Stadium Toll Revised Down To 125, Not 174", 174)
    assert claim.scope is not None and claim.scope.startswith("Indonesia")


def test_a_number_takes_the_name_of_its_own_clause() -> None:
    claim = _claim("Seoul Police Had 137 Officers On Duty As 100,000 Packed Itaewon", 100000)
    assert claim.scope == "Itaewon"


def test_an_event_noun_opening_the_headline_is_no_scope() -> None:
    assert _claim("Derailment Killed More Than 43,000 Fish, Ohio Now Says", 43000).scope == "Ohio"


def test_a_number_whose_clause_names_none_takes_the_headlines_name() -> None:
    claim = _claim("Astroworld Crush: 8 Killed, 17 Taken To Hospital, 300 Treated On Site", 300)
    assert (claim.scope, claim.scope_source) == ("Astroworld Crush", "headline")


def test_a_brand_opening_the_headline_stays_its_scope() -> None:
    assert _claim("Amazon To Cut About 10,000 Jobs In Largest Layoffs", 10000).scope == "Amazon"


def test_a_sentence_is_not_reframed_as_a_headline() -> None:
    claim = _claim("The death toll in Morocco passed 2,000 on Sunday.", 2000)
    assert claim.qualifier == "more than"  # running text's own reading ("passed")


def _figure(name: str, counted: str, context: str, verb: str, other: str) -> FigureSpec:
    """A figure counting `counted` about `context`, whose clause says `verb` and not `other`."""
    return FigureSpec(
        name=name,
        label=f"{counted} {verb}",
        units=(counted, counted.title()),
        context=(context,),
        about=(verb, verb.title()),
        exclude=(other, other.title()),
    )


RELEASES = [
    _figure("hostages", "hostages", "Hamas", "frees", "prisoners"),
    _figure("prisoners", "prisoners", "Israel", "releases", "hostages"),
]


def test_exclude_terms_of_another_clause_of_the_headline_do_not_count() -> None:
    text = "Hamas Frees 24 Hostages As Israel Releases 39 Prisoners On First Day Of Truce"
    bound = {
        c.value: [b.figure for b in bind_all(RELEASES, c) if b.bound] for c in extract_claims(text)
    }
    assert bound == {24: ["hostages"], 39: ["prisoners"]}


DEATHS = FigureSpec(
    name="deaths",
    label="Deaths in the crush",
    units=("dead", "Dead", "people"),
    context=("Itaewon",),
    about=("killed", "Killed", "dead", "Dead"),
    exclude=("injured", "Injured"),
)


def test_a_scope_borrowed_from_another_clause_binds_only_when_it_is_the_context() -> None:
    claim = _claim("Seoul Crowd Crush — 149 Dead, 150 Hurt In Itaewon", 149)
    assert [b.bound for b in bind_all([DEATHS], claim)] == [True]


def test_a_bare_number_counts_the_state_its_own_clause_names() -> None:
    assert _claim("Itaewon Crush Death Toll Reaches 158; Injured Rise To 196", 196).unit == (
        "Injured"
    )
    claim = _claim("Chile Toll Rises To 131, With More Than 300 Still Missing", 300)
    assert claim.unit.casefold() == "missing"


def test_a_number_with_its_own_noun_keeps_it() -> None:
    assert _claim("Itaewon Crush Death Toll Reaches 158; Injured Rise To 196", 158).unit != (
        "Injured"
    )


def test_several_common_words_opening_a_headline_give_way_to_its_name() -> None:
    scope = _claim("Forensic Service Adds 10 Victims As Chile Toll Reaches 123", 10).scope
    assert scope is not None and scope.startswith("Chile")
