"""A story's title: the most representative original headline, never a copy's or boilerplate."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from monitor.projections.stories import Member, medoid_title, representative_title

T0 = datetime(2025, 2, 3, 6, 0, tzinfo=UTC)


def members(*titles: tuple[str, bool]) -> list[Member]:
    return [
        Member(f"a{i}", "a0" if is_copy else None, T0 + timedelta(hours=i), i, t, f"O{i}", T0)
        for i, (t, is_copy) in enumerate(titles)
    ]


def test_the_medoid_beats_the_first_seen_headline() -> None:
    found = members(
        ("In Gaines County, clinics add hours", False),
        ("Texas measles outbreak grows to 58 cases", False),
        ("Measles cases in Texas outbreak climb to 58", False),
        ("West Texas measles outbreak reaches 58 cases, officials say", False),
    )
    assert representative_title(found) == "Texas measles outbreak grows to 58 cases"


def test_copies_and_boilerplate_never_name_the_story() -> None:
    found = members(
        ("Quake hits eastern Taiwan", False),
        ("SHOCKING: massive quake rocks Taiwan, eastern Taiwan quake", True),
        ("Leave a comment", False),
        ("Update", False),
    )
    assert representative_title(found) == "Quake hits eastern Taiwan"


def test_the_title_moves_as_originals_arrive_and_ties_are_deterministic() -> None:
    two = members(("A night in the sports hall", False), ("Orvenna dam opens all gates", False))
    assert representative_title(two) == "Orvenna dam opens all gates"  # more content words
    assert medoid_title(["Dam opens gates", "Dam opens gates"]) == "Dam opens gates"
    grown = members(
        ("A night in the sports hall", False),
        ("Orvenna dam opens all gates", False),
        ("Gates open at Orvenna dam", False),  # same words: the earlier headline wins the tie
    )
    assert representative_title(grown) == "Orvenna dam opens all gates"
