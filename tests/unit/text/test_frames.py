"""Claim frames, sentence by sentence: scope by clause, kind, time and revisions."""

from __future__ import annotations

import pytest

from monitor.text.claims import extract_claims
from tests.unit.text.conftest import frame


@pytest.mark.parametrize(
    ("text", "value", "scope"),
    [
        ("Ohio accounts for 85 of the 121 cases reported nationwide.", 85, "Ohio"),
        ("Ohio accounts for 85 of the 121 cases reported nationwide.", 121, "nationwide"),
        ("Ohio has 85 cases.\nKentucky has reported more than 40 cases.", 40, "Kentucky"),
        ("Israeli strikes killed 40 people in the Gaza Strip overnight, the ministry said.", 40,
         "the Gaza Strip"),
        ("Nationwide, the CDC counted 164 cases this year.", 164, "Nationwide"),
        ("Texas reported 223 cases.\nIn New Mexico the count went up from 30 to 33.", 33,
         "New Mexico"),
        ("The outbreak in West Texas reached 58 cases on Tuesday, 45 of them in Gaines County.",
         45, "Gaines County"),
        ("The outbreak in West Texas reached 58 cases on Tuesday, 45 of them in Gaines County.",
         58, "West Texas"),
        ("Texas has recorded 124 cases, while New Mexico has 10.", 10, "New Mexico"),
        ("At least 891 buildings in Derna were destroyed and 398 were under mud.", 398, "Derna"),
        ("Boeing will cut 2,000 jobs.", 2000, "Boeing"),
        ("Elsewhere along the coast, the storm killed about 170 people.", 170,
         "Elsewhere along the coast"),
        ("The outbreak has sickened 34 people, the agency said.", 34, "The outbreak"),
    ],
)  # fmt: skip
def test_scope_is_what_the_clause_attributes_the_number_to(
    text: str, value: float, scope: str
) -> None:
    claim = frame(text, value)
    assert (claim.scope, claim.scope_source) == (scope, "clause")


def test_a_source_is_not_a_scope() -> None:
    claim = frame("Some 300 wagons crossed, according to a lawmaker in Seoul.", 300)
    assert claim.scope is None
    assert frame("The CDC reported 40 new cases on Friday.", 40).scope is None


def test_the_previous_sentence_gives_the_scope_only_when_the_clause_names_none() -> None:
    text = "The fire swept through Lahaina on Tuesday.\nSix people are still unaccounted for."
    claim = frame(text, 6)
    assert (claim.scope, claim.scope_source) == ("Lahaina", "previous")
    own = frame("The fire swept through Lahaina.\nKentucky has reported 40 cases.", 40)
    assert (own.scope, own.scope_source) == ("Kentucky", "clause")
    alone = frame("Six people are still unaccounted for, the sheriff said.", 6)
    assert (alone.scope, alone.scope_source) == (None, "none")


@pytest.mark.parametrize(
    ("text", "value", "kind"),
    [
        ("The state added 17 cases, bringing the total to 412.", 17, "new"),
        ("The state added 17 cases, bringing the total to 412.", 412, "total"),
        ("Officials reported 37 new measles cases on Monday.", 37, "new"),
        ("Officials said 90 of the 121 patients were children.", 90, "part"),
        ("Officials said 90 of the 121 patients were children.", 121, "total"),
        ("Cases rose to 124, up from 97 last week.", 97, "previous"),
        ("Cases rose to 124, up from 97 last week.", 124, "total"),
        ("The toll was lowered from 88 to 71 after a recount.", 88, "previous"),
        ("The toll was lowered from 88 to 71 after a recount.", 71, "total"),
        ("Of the 121 patients, 90 were children.", 90, "part"),
        ("The dead included 12 children.", 12, "part"),
        ("Texas accounts for 259 of those 301 cases.", 259, "total"),
        ("The factories make 10,000 shells a day.", 10000, "rate"),
        ("Roughly 13,000 workers went on strike at first, a figure that has since soared to "
         "about 34,000.", 13000, "previous"),
        ("Cases in Texas rose to 223 from 198 on March 7.", 198, "previous"),
    ],
)  # fmt: skip
def test_kind_tells_totals_from_increments_parts_previous_values_and_rates(
    text: str, value: float, kind: str
) -> None:
    assert frame(text, value).kind == kind


def test_fewer_than_ten_of_them_is_a_part_of_what_came_before() -> None:
    text = "Officials confirmed 40 cases.\nFewer than 10 of them were vaccinated, officials said."
    claim = frame(text, 10)
    assert (claim.kind, claim.unit, claim.qualifier) == ("part", "cases", "less than")


@pytest.mark.parametrize(
    ("text", "value", "time", "time_ref"),
    [
        ("It is the deadliest fire in the region since 1906, when 700 people died.", 700,
         "past", "1906"),
        ("Last year the country logged 140 cases.", 140, "past", "Last year"),
        ("In 2019, when 1,274 cases were reported, the outbreak lasted months.", 1274,
         "past", "2019"),
        ("The 2018 Camp Fire killed 85 people.", 85, "past", "The 2018 Camp Fire"),
        ("The fire has killed 97 people, officials said.", 97, "current", None),
        ("So far this year 124 cases have been confirmed.", 124, "current", None),
    ],
)  # fmt: skip
def test_time_places_numbers_in_an_earlier_period_or_another_event(
    text: str, value: float, time: str, time_ref: str | None
) -> None:
    claim = frame(text, value)
    assert (claim.time, claim.time_ref) == (time, time_ref)


def test_a_comparison_with_an_older_disaster_is_past_and_the_current_toll_is_not() -> None:
    text = "The fire, which killed 97, is deadlier than the 2018 Camp Fire, which killed 85."
    assert frame(text, 97).time == "current"
    assert frame(text, 85).time == "past"


@pytest.mark.parametrize(
    ("text", "value", "revision", "revised_from"),
    [
        ("Officials revised the toll down to 71 on Friday.", 71, "down", None),
        ("The toll was lowered from 88 to 71 after a recount.", 71, "down", 88),
        ("The death toll now stands at 71, down from 88.", 71, "down", 88),
        ("The ministry corrected the death toll to 65.", 65, "revised", None),
        ("Cases rose to 124, up from 97 last week.", 124, "up", 97),
        ("The ministry raised the death toll to 8,778 on Tuesday.", 8778, "raised", None),
        ("Officials revised the death toll upward to 1,012 on Friday.", 1012, "raised", None),
        ("The toll rose to 41 on Thursday.", 41, None, None),
    ],
)
def test_a_revision_names_its_direction_and_the_earlier_figure(
    text: str, value: float, revision: str | None, revised_from: float | None
) -> None:
    claim = frame(text, value)
    assert (claim.revision, claim.revised_from) == (revision, revised_from)


def test_cutting_jobs_is_not_a_revision() -> None:
    assert frame("Boeing will cut 2,000 jobs.", 2000).revision is None


def test_offsets_point_at_the_number_in_its_sentence() -> None:
    for claim in extract_claims("Ohio accounts for 85 of the 121 cases reported nationwide."):
        assert claim.sentence[claim.start : claim.end] == claim.text
