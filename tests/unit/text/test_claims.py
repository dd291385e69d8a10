"""Claim extraction from clean article text: value, bounds, unit, sentence and attribution."""

from __future__ import annotations

import pytest

from monitor.text.claims import Claim, extract_claims

ARTICLE = (
    "Pyongyang has shipped more than a million artillery shells to Russia since August, "
    "according to a lawmaker in Seoul. "
    "The shells will last about two months, he said. "
    "Defence Minister Kang Min-jae briefed reporters on Monday. "
    "He said the North may have sent up to about 3 million 152 mm rounds or about 500,000 "
    "122 mm rounds. "
    '"We have counted at least 6,700 containers of munitions," Kang said. '
    '"That is some 10,000 shells a day."'
)


@pytest.fixture(scope="module")
def claims() -> list[Claim]:
    """The claims of the sample article."""
    return extract_claims(ARTICLE)


def only(text: str) -> Claim:
    """The single claim of a text."""
    found = extract_claims(text)
    assert len(found) == 1, found
    return found[0]


def test_claims_come_in_reading_order_with_their_sentence_index(claims: list[Claim]) -> None:
    assert [(c.text, c.sentence_index) for c in claims] == [
        ("more than a million", 0),
        ("up to about 3 million", 3),
        ("about 500,000", 3),
        ("at least 6,700", 4),
        ("some 10,000", 5),
    ]


def test_a_rate_is_a_claim_of_kind_rate(claims: list[Claim]) -> None:
    assert [c.kind for c in claims] == ["total", "total", "total", "total", "rate"]
    assert only("The factories make 200,000 shells per month.").kind == "rate"


def test_a_claim_carries_value_bounds_unit_and_sentence(claims: list[Claim]) -> None:
    first = claims[0]
    assert first.to_dict() == {
        "value": 1000000,
        "lower": 1000000,
        "upper": None,
        "qualifier": "more than",
        "approximate": False,
        "unit": "artillery shells",
        "text": "more than a million",
        "sentence": first.sentence,
        "attribution": "a lawmaker in Seoul",
        "scope": "Pyongyang",
        "kind": "total",
        "time": "current",
        "head": "shell",
        "modifiers": ["artillery"],
        "start": 22,
        "end": 41,
        "scope_source": "clause",
        "time_ref": None,
        "revision": None,
        "revised_from": None,
        "modality": None,
    }
    assert first.sentence[first.start : first.end] == first.text
    assert first.sentence.startswith("Pyongyang has shipped")


def test_to_dict_keeps_fractions_and_makes_integral_values_ints() -> None:
    claim = only("Officials said 2.5 thousand troops arrived.")
    assert claim.to_dict()["value"] == 2500
    assert isinstance(claim.to_dict()["value"], int)


def test_calibres_are_skipped_and_the_counted_noun_is_the_unit(claims: list[Claim]) -> None:
    assert [c.unit for c in claims[1:3]] == ["rounds", "rounds"]
    assert (claims[1].lower, claims[1].upper, claims[1].approximate) == (None, 3_000_000, True)


def test_an_of_complement_is_not_the_unit(claims: list[Claim]) -> None:
    assert claims[3].unit == "containers"
    assert only("It moved 3 million rounds of 152mm shells by rail.").unit == "rounds"


def test_a_pronoun_resolves_to_the_person_named_just_before(claims: list[Claim]) -> None:
    assert claims[1].attribution == "Defence Minister Kang Min-jae"


def test_a_quote_names_its_speaker(claims: list[Claim]) -> None:
    assert claims[3].attribution == "Kang"


@pytest.mark.parametrize(
    ("sentence", "attribution"),
    [
        ("Almost 5 million shells crossed the border, a senior official said.",
         "a senior official"),
        ("The shells were sent by ship, said lawmaker Yoo Sang-bum, citing 40 briefings.",
         "lawmaker Yoo Sang-bum"),
        ("The White House had earlier said that the North delivered 1,000 containers.",
         "The White House"),
        ("Citing satellite images, the think tank counted 300 wagons.", "satellite images"),
        ("Shin told reporters that 2,000 troops had moved.", "Shin"),
        ("Around 3,000 troops are deployed, analysts estimate.", "analysts"),
        ("Some 300 wagons crossed the bridge in October.", None),
    ],
)  # fmt: skip
def test_attribution_forms(sentence: str, attribution: str | None) -> None:
    assert extract_claims(sentence)[0].attribution == attribution


def test_a_continuing_quote_keeps_the_previous_source() -> None:
    text = 'Kang said: "They sent 3 million rounds. Another 500 missiles followed."'
    assert [c.attribution for c in extract_claims(text)] == ["Kang", "Kang"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Coach Outlet has a $398 handbag for $99 this week.",
        "The howitzer fires 152 mm shells at targets.",
        "The stockpile will last two months, officials said.",
        "The siege lasted more than 100 days.",
        "A 67-year-old man and a child aged 12 were hurt.",
        "Turnout rose about 40 percent on 12 March 2024.",
        "Winds of up to 100 km/h hit the coast.",
        "She finished 3rd after a 3-1 win in 2022.",
        "An estimated $2 billion in aid was pledged.",
    ],
)
def test_decoys_give_no_claim(sentence: str) -> None:
    assert extract_claims(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        ("About 1,300 troops were deployed near the border.", 1300, "troops"),
        ("More than 40 missiles were fired overnight.", 40, "missiles"),
        ("Dozens of drones were shot down.", 24, "drones"),
        ("Three firefighters were injured in the blaze.", 3, "firefighters"),
        ("Her two grandchildren were among the dead.", 2, "grandchildren"),
        ("The country received 1.5m doses on Saturday.", 1_500_000, "doses"),
        ("North Korea sent 10 000 North Korean soldiers to Kursk.", 10_000,
         "North Korean soldiers"),
    ],
)  # fmt: skip
def test_counts_of_people_things_and_events_are_claims(
    sentence: str, value: float, unit: str
) -> None:
    claim = only(sentence)
    assert (claim.value, claim.unit) == (value, unit)
