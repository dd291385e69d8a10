"""Round 13 (issue #12): what dates a count's event, who reports it, and what the sentence
says about the count around it (docs/SPEC.md §6-§7):

- a part of the count itself between a count and the running total it is carried into ("22
  people, six of them children, died ..., taking the toll to 1,508") does not break the
  carrying: the count is the total's increment;
- the subject event dated by its own relative clause before a simple-past verb of the count
  ("The tornado, which struck Louisville in March 1890, killed 76 people") is that earlier
  event's count, while a verb of starting ("which began in March, has killed 50") dates a
  running count;
- a day inside a relative clause on the subject ("The floods that hit the valley on Saturday
  killed 21") dates the event, not one day's share ("Clashes on Sunday killed 98" stays one);
- an after-clause with a subject of its own, passive or plural ("after the last two missing
  people were found dead"), is outside the text an exclude term is looked for in;
- a country's adjective naming the country's state as the count's source ("Mexican
  authorities raised the toll to 50") scopes the count to the country; the adjective of the
  counted people ("130 South Korean victims") does not;
- a country named by its everyday name ("Turkey", which ISO spells Türkiye; "Russia") is
  a place, and "the country" refers back, never to a country named after it ("Turkey's
  disaster agency said ... in the country, while Syria ..." is not Syria's count);
- a running total "combined with" another place ("bringing the combined toll with Syria to
  50,000") is wider than the figure's, and the count carried into it stays its own total;
- a county (a place below its state) that locates an increment ("Three more bodies were
  found in Letcher County, bringing the total to 44") does not scope the running total with
  no owner of its own;
- a total told with the source's own correction after it ("to about 1,186 after it revised
  its earlier figures") is presented as a revision.
"""

from __future__ import annotations

from monitor.text.figures import FigureSpec, bind
from tests.unit.text.conftest import frame

DEATHS = ("people", "dead", "deaths", "toll", "victims")
ABOUT = ("killed", "dead", "died", "deaths", "toll")
MEXICO = FigureSpec(
    name="mexico-storm",
    label="People killed by the storm in Mexico",
    units=DEATHS,
    context=("Mexico", "Guerrero"),
    about=ABOUT,
)
KOREA = FigureSpec(
    name="korea-crush",
    label="People killed in the crowd crush in South Korea",
    units=DEATHS,
    context=("South Korea", "Seoul"),
    about=ABOUT,
)
COUNTY = FigureSpec(
    name="county-flood",
    label="People killed by the floods in Dickson County",
    units=DEATHS,
    context=("Dickson County", "the county"),
    about=ABOUT,
    exclude=("missing",),
)


def test_a_part_between_does_not_stop_a_count_being_carried_into_the_total() -> None:
    text = "At least 31 people, nine of them children, drowned on Monday, taking the toll to 640."
    assert frame(text, 31).kind == "new"
    assert frame(text, 9).kind == "part"
    assert frame(text, 640).kind == "total"


def test_an_event_dated_by_its_relative_clause_is_past() -> None:
    text = (
        "The worst storm on record, which struck the island in September 1928, killed 312 people."
    )
    assert frame(text, 312).time == "past"
    assert frame("A quake that hit the province in 1976 killed 240 people.", 240).time == "past"


def test_an_event_that_began_on_a_date_keeps_a_running_count() -> None:
    text = "The outbreak, which began in March 2024, has killed 50 people."
    assert frame(text, 50).time == "current"


def test_a_day_in_the_subjects_relative_clause_dates_the_event() -> None:
    text = "The storm that hit the coast on Saturday killed at least 21 people, officials said."
    assert frame(text, 21).kind == "total"
    assert frame("Shelling on Sunday killed at least 19 people.", 19).kind == "new"


def test_an_after_clause_of_its_own_is_outside_the_exclude_text() -> None:
    text = (
        "Dickson County officials raised the death toll to 9 from 7 on Friday after two "
        "missing men were found dead."
    )
    assert bind(COUNTY, frame(text, 9)).bound


def test_a_countrys_adjective_for_its_state_scopes_the_count_to_the_country() -> None:
    text = "Mexican authorities raised the death toll from the storm to 31."
    assert bind(MEXICO, frame(text, 31)).bound


def test_the_adjective_of_the_counted_people_is_no_scope() -> None:
    text = "Funerals for 101 South Korean victims have been held."
    assert not bind(KOREA, frame(text, 101)).bound


def test_a_total_given_with_the_sources_own_correction_is_a_revision() -> None:
    text = "The agency put the toll at about 870 after it revised its earlier figures."
    assert frame(text, 870).revision == "revised"
    assert frame("The toll stood at 870 after heavy rain.", 870).revision is None


def test_a_county_locates_the_increment_not_the_total_it_brings() -> None:
    text = "Three more bodies were found in Letcher County, bringing the total to 44."
    assert frame(text, 3).scope == "Letcher County"
    assert frame(text, 44).scope is None  # the whole count's: the sentence before names it
    owned = "Three more cases were confirmed in Gaines County, bringing the county's total to 57."
    assert frame(owned, 57).scope == "the county"
    state = "Two more deaths were reported in Texas, bringing the total to 28."
    assert frame(state, 28).scope == "Texas"  # a state's own increment and total


def test_a_country_known_by_its_everyday_name_is_a_place() -> None:
    from monitor.text.scope import is_place

    assert is_place("Turkey")  # ISO now spells it Türkiye
    assert is_place("Russia")  # ISO: Russian Federation
    assert is_place("Burma")


def test_the_country_refers_back_never_to_a_country_named_after_it() -> None:
    text = (
        "Turkey's disaster agency said 41,020 people had died in the country, while Syria "
        "has reported 5,800 deaths."
    )
    assert frame(text, 41020).scope == "the country"  # not Syria, named only after it
    assert frame(text, 5800).scope == "Syria"


TURKEY = FigureSpec(
    name="turkey-quake",
    label="People killed in Turkey by the earthquakes",
    units=DEATHS,
    context=("Turkey", "the country"),
    about=ABOUT,
)


def test_a_total_combined_with_another_place_is_wider_and_leaves_the_count_a_total() -> None:
    text = (
        "The death toll in Turkey rose to 41,020 on Friday, the disaster agency said, "
        "bringing the combined toll with Syria to more than 47,000."
    )
    assert frame(text, 41020).kind == "total"  # one country's own total, not an increment
    assert bind(TURKEY, frame(text, 41020)).bound
    assert not bind(TURKEY, frame(text, 47000)).bound  # both countries together


def test_the_country_is_the_owner_of_a_named_body_opening_the_sentence() -> None:
    text = (
        "Turkey's Disaster and Emergency Management Authority said 1,400 people had died in "
        "the country, while rescuers in Syria reported 700 deaths."
    )
    assert frame(text, 1400).scope == "Turkey"
