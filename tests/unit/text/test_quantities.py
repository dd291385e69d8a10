"""Every quantity of a news sentence: what each kind looks like, its unit, qualifier and bounds,
and what is not a quantity (tests/data/quantities/README.md)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from monitor.text.claims import extract_claims
from monitor.text.quantities import Quantity, extract_quantities, other_quantities

Row = tuple[str, str, float, str, str | None]


def read(text: str) -> list[Row]:
    """(text, kind, value, unit, qualifier) of each quantity, in reading order."""
    return [(q.text, q.kind, q.value, q.unit, q.qualifier) for q in extract_quantities(text)]


def only(text: str) -> Quantity:
    found = extract_quantities(text)
    assert len(found) == 1, found
    return found[0]


# --- money: the stated currency's ISO code, scale words and suffixes, ranges -----------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The company raised $2 billion from investors last week.", ("$2 billion", 2e9, "USD")),
        ("The club paid €5m for the young striker on Monday.", ("€5m", 5e6, "EUR")),
        ("The charity said it had collected £3.5bn over the decade.", ("£3.5bn", 3.5e9, "GBP")),
        ("The firm was fined USD 3,000 by the regulator in Geneva.", ("USD 3,000", 3000, "USD")),
        (
            "The budget sets aside 40 million euros for new trains.",
            ("40 million euros", 4e7, "EUR"),
        ),
        (
            "Toyota earned 2.5 trillion yen in the last fiscal year.",
            ("2.5 trillion yen", 2.5e12, "JPY"),
        ),
    ],
)
def test_money_is_valued_in_its_own_currency(text: str, expected: tuple[str, float, str]) -> None:
    q = only(text)
    assert (q.kind, q.text, q.value, q.unit) == ("money", *expected)


def test_indian_scale_words_and_exact_scaled_values() -> None:
    assert only("The state announced a Rs 20,000 crore package.").value == 200_000_000_000
    assert only("Output fell to 8.2 million tonnes.").value == 8_200_000


def test_a_money_range_shares_its_scale_and_currency() -> None:
    q = only(
        "Repairs will cost the city $30-40 billion over ten years, officials said.".replace(
            " over ten years", ""
        )
    )
    assert (q.kind, q.value, q.lower, q.upper, q.qualifier) == (
        "money",
        3e10,
        3e10,
        4e10,
        "between",
    )


def test_a_price_per_unit_is_money() -> None:
    assert read("Brent crude rose to $91 a barrel on Tuesday.") == [
        ("$91", "money", 91, "USD", None)
    ]


def test_pounds_without_a_scale_weigh_and_with_one_pay() -> None:
    assert [q.unit for q in extract_quantities("The baby weighed 8 pounds at birth.")] == ["lb"]
    assert [q.unit for q in extract_quantities("The deal is worth 90 million pounds.")] == ["GBP"]


# --- percentages, percentage points and basis points -----------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Unemployment fell to 3.5 percent in March.", 3.5, "%"),
        ("The index rose 12% over the year.", 12, "%"),
        ("Turnout was 61 per cent, the lowest since the war.", 61, "%"),
        ("The central bank raised its rate by 40 basis points on Thursday.", 40, "bp"),
        ("The party's share dropped 4.2 percentage points from the last vote.", 4.2, "pp"),
        ("The Fed raised rates by a quarter point again.", 0.25, "pp"),
        ("Policymakers agreed on a half-point cut after a long debate.", 0.5, "pp"),
    ],
)
def test_percentages_points_and_basis_points(text: str, value: float, unit: str) -> None:
    q = only(text)
    assert (q.kind, q.value, q.unit) == ("percent", value, unit)


def test_a_change_from_one_rate_to_another_is_two_quantities() -> None:
    assert [q.value for q in extract_quantities("Inflation rose from 4.2% to 4.5% in May.")] == [
        4.2,
        4.5,
    ]


def test_a_band_of_two_rates_is_one_range() -> None:
    q = only(
        "The target band is now 5.25%-5.5%, the highest in 22 years.".replace(
            ", the highest in 22 years", ""
        )
    )
    assert (q.lower, q.upper, q.qualifier) == (5.25, 5.5, "between")


# --- measures: a normalised symbol, the value as stated ----------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("The storm dropped 152 mm of rain on the city overnight.", 152, "mm"),
        ("Residents within 30 km of the plant were told to leave.", 30, "km"),
        ("Police seized 2 tonnes of cocaine at the port.", 2, "t"),
        ("Temperatures hit 40 degrees in Seville on Sunday.", 40, "°C"),
        ("The thermometer showed 104F in Phoenix.", 104, "°F"),
        ("Gusts reached 120 km/h along the coast.", 120, "km/h"),
        ("Winds of 85 miles per hour tore roofs off houses.", 85, "mph"),
        ("The tanker spilled 3,000 barrels of crude into the bay.", 3000, "bbl"),
        ("The field pumps 450,000 barrels a day at full tilt.", 450000, "bbl/d"),
        ("The fire has scorched 12,000 hectares of forest.", 12000, "ha"),
        ("The blaze covered 40 square miles by dusk.", 40, "mi2"),
        ("The new wind farm will supply 1.2 gigawatts to the grid.", 1.2, "GW"),
        ("Households used 2,700 kWh on average last year.", 2700, "kWh"),
        ("Hackers stole 1.3 terabytes of files from the agency.", 1.3, "TB"),
    ],
)
def test_measures_carry_a_normalised_unit(text: str, value: float, unit: str) -> None:
    q = only(text)
    assert (q.kind, q.value, q.unit) == ("measure", value, unit)


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Wind chills of minus 30 degrees are forecast.", -30, "°C"),
        ("Overnight lows of -12C were recorded in the hills.", -12, "°C"),
        ("Europe's storage holds roughly 100 bcm of gas.", 100, "bcm"),
        ("The tanker carried 2m barrels of oil to Rotterdam.", 2_000_000, "bbl"),
        ("The lake level dropped 1.5 m in a month.", 1.5, "m"),
    ],
)
def test_signs_suffixes_and_spaced_symbols(text: str, value: float, unit: str) -> None:
    q = only(text)
    assert (q.value, q.unit) == (value, unit)


@pytest.mark.parametrize(
    "text", ["It was the 100m final in Paris.", "Some 5m people voted in the first round."]
)
def test_a_suffix_touching_the_number_is_no_metre(text: str) -> None:
    assert [q.unit for q in extract_quantities(text) if q.kind != "count"] == []


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("The reservoir released 1.2 million cubic feet of water.", 1_200_000, "ft3"),
        ("The blast was estimated at 15 kilotons of TNT.", 15, "kt"),
        ("The convoy moved at 5 km an hour towards the city.", 5, "km/h"),
        ("Petrol averaged 145.3p a litre last week.", 145.3, "GBX"),
    ],
)
def test_volumes_yields_speeds_and_pence(text: str, value: float, unit: str) -> None:
    q = only(text)
    assert (q.value, q.unit) == (value, unit)


def test_a_compound_measure_is_read_through_its_hyphen() -> None:
    assert read("A 20-foot storm surge flooded the harbour.") == [
        ("20-foot", "measure", 20, "ft", None)
    ]


def test_a_range_with_one_unit_is_one_range() -> None:
    q = only("Forecasters expect 10-15 inches of snow in the mountains.")
    assert (q.lower, q.upper, q.unit, q.qualifier) == (10, 15, "in", "between")


# --- durations and magnitudes --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("The strike lasted three weeks before a deal was struck.", 3, "wk"),
        ("Rescuers searched for 48 hours without a break.", 48, "h"),
        ("Prices are at a 40-year high, the office said.", 40, "yr"),
        ("She finished the race in 2:14:04, a course record.", 8044, "s"),
        ("The drought has lasted two decades in the region.", 20, "yr"),
    ],
)
def test_durations(text: str, value: float, unit: str) -> None:
    q = only(text)
    assert (q.kind, q.value, q.unit) == ("duration", value, unit)


@pytest.mark.parametrize(
    "text",
    [
        "A magnitude 7.8 quake struck before dawn.",
        "A 7.8-magnitude quake struck before dawn.",
        "The quake measured 7.8 on the Richter scale.",
    ],
)
def test_quake_magnitudes(text: str) -> None:
    q = only(text)
    assert (q.kind, q.value, q.unit) == ("magnitude", 7.8, "magnitude")


# --- qualifiers: the claims canon and its bounds -------------------------------------------


@pytest.mark.parametrize(
    ("text", "qualifier", "lower", "upper", "approximate"),
    [
        ("The fund lost more than $40 billion in a week.", "more than", 4e10, None, False),
        ("Rainfall was at least 200 mm in places.", "at least", 200, None, False),
        ("The airline cut fares by up to 30% this summer.", "up to", None, 30, False),
        ("The ship was carrying about 2,000 tonnes of grain.", "about", 2000, 2000, True),
        ("The tremor lasted nearly 40 seconds in the capital.", "almost", None, 40, True),
        ("Sales grew less than 1% in the quarter.", "less than", None, 1, False),
        ("Winds of 100 mph or more are expected tonight.", "at least", 100, None, False),
        ("Temperatures of between 35 and 38 degrees are forecast.", "between", 35, 38, False),
    ],
)
def test_qualifiers_use_the_claims_canon(
    text: str, qualifier: str, lower: float | None, upper: float | None, approximate: bool
) -> None:
    q = only(text)
    assert (q.qualifier, q.lower, q.upper, q.approximate) == (qualifier, lower, upper, approximate)


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("The Olympics drew 11 million spectators over 16 days.", None),
        ("The probe will travel to Jupiter over seven years.", None),
        ("The siege lasted over two months.", "more than"),
        ("Patients waited for over three hours.", "more than"),
    ],
)
def test_over_before_a_duration_is_during_unless_a_length_is_asked(
    text: str, qualifier: str | None
) -> None:
    assert next(q for q in extract_quantities(text) if q.kind == "duration").qualifier == qualifier


def test_the_past_n_years_is_not_a_bound() -> None:
    assert only("Deaths doubled over the past 30 years.").qualifier is None


# --- counts are the claims extractor's, unchanged ----------------------------------------------


def test_counts_are_the_claims_with_their_head_noun() -> None:
    text = "The earthquake killed more than 2,800 people and left 12,000 homeless."
    counts = [q for q in extract_quantities(text) if q.kind == "count"]
    claims = extract_claims(text)
    assert [(q.value, q.qualifier, q.text) for q in counts] == [
        (c.value, c.qualifier, c.text) for c in claims
    ]
    assert counts[0].unit == "person"


def test_count_offsets_are_offsets_in_the_text_not_in_the_sentence() -> None:
    text = "Rain fell all day. Floods killed 14 people in the valley."
    q = next(q for q in extract_quantities(text) if q.kind == "count")
    assert text[q.start : q.end] == q.text == "14"


def test_other_quantities_leave_the_counts_out() -> None:
    text = "The quake killed 40 people and damaged roads across 300 km."
    assert [q.kind for q in other_quantities(text)] == ["measure"]


# --- what is not a quantity ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The ceasefire began on 4 March 2023 and was renewed in 2024.",
        "The vote closes at 10:30 p.m. local time on Friday.",
        "She finished third for the second year running.",
        "Call the hotline on 1-800-555-0199 for help.",
        "Flight 17 was shot down over eastern Ukraine.",
        "The storm was upgraded to Category 4 overnight.",
        "The plant sits beside Interstate 15 in the desert.",
        "One in seven residents has been affected, aid groups say.",
        "The plant closed three years ago after a fire.",
        "It will take a few weeks to clear the debris.",
    ],
)
def test_decoys_are_not_quantities(text: str) -> None:
    assert [q for q in extract_quantities(text) if q.kind != "count"] == []


def test_to_dict_gives_integral_numbers_as_ints() -> None:
    d = only("The project will cost $12 billion.").to_dict()
    assert d["value"] == 12_000_000_000 and isinstance(d["value"], int)
    assert {"text", "lower", "upper", "qualifier", "kind", "unit", "unit_text"} <= d.keys()


# --- bad input -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "\x00\x01\x02 12 \x03 %%% $$$ €€",
        "(((( [[[ 5 km ]]] }}}} ''''\"\"\"",
        "12" * 5_000,
        "$1-" * 2_000,
        "between " * 500 + "5 and",
        "\ud800 broken surrogate 5 km",
    ],
)
def test_bad_input_gives_no_exception(text: str) -> None:
    assert isinstance(extract_quantities(text), list)


def test_a_huge_text_is_read_without_stalling() -> None:
    text = "Rain of 30 mm fell and prices rose 2%. " * 20_000
    assert len(other_quantities(text)) > 1_000


def test_a_run_of_digits_no_report_writes_is_no_quantity() -> None:
    assert other_quantities("The key " + "9" * 400 + " km was leaked.") == []


def test_non_text_input_gives_nothing() -> None:
    assert extract_quantities(None) == []  # type: ignore[arg-type]


@settings(max_examples=60, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list("0123456789 .,-%$€£kmKM to and between")), max_size=80)
)
def test_any_mix_of_digits_units_and_joiners_reads(text: str) -> None:
    for q in extract_quantities(text):
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start : q.end] == q.text


# --- second author's set: units, counts and carried units read from context ------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kroger slipped 58 cents to $20.22.",
            [("58 cents", "money", 58, "USX", None), ("$20.22", "money", 20.22, "USD", None)],
        ),
        (
            "Another 11 states were less than 10 cents short of that level.",
            [("11", "count", 11, "state", None), ("less than 10 cents", "money", 10, "USX",
                                                   "less than")],
        ),
        ("A station sold gas for 69 cents a gallon.", [("69 cents", "money", 69, "USX", None)]),
        ("Prices rose 10 per cent last year.", [("10 per cent", "percent", 10, "%", None)]),
    ],
)  # fmt: skip
def test_cents_are_money_valued_in_cents(text: str, expected: list[Row]) -> None:
    assert read(text) == expected


@pytest.mark.parametrize(
    ("text", "unit", "kind"),
    [
        ("The rocket lifted off with 8.8 million pounds of thrust.", "lb", "measure"),
        ("Agents seized 2 million pounds of cocaine in a year.", "lb", "measure"),
        ("The club paid 40 million pounds for the striker.", "GBP", "money"),
        ("The council got 2 million pounds of funding from the state.", "GBP", "money"),
    ],
)
def test_scaled_pounds_of_a_thing_are_a_mass_and_of_money_are_sterling(
    text: str, unit: str, kind: str
) -> None:
    q = only(text)
    assert (q.kind, q.unit) == (kind, unit)


def test_bushels_and_bushels_per_acre_are_measures() -> None:
    assert read("Yields were 155.3 bushels per acre and output 13.8 billion bushels.") == [
        ("155.3 bushels per acre", "measure", 155.3, "bu/ac", None),
        ("13.8 billion bushels", "measure", 13.8e9, "bu", None),
    ]
    assert only("Iowa projects 187 bushels an acre this year.").unit == "bu/ac"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Engineers had just over a week and a half to ready the rocket.",
            ("just over a week and a half", "duration", 1.5, "wk", "more than"),
        ),
        ("The trip took an hour and a half.", ("an hour and a half", "duration", 1.5, "h", None)),
        ("The trail is a mile and a half long.", ("a mile and a half", "measure", 1.5, "mi", None)),
    ],
)
def test_a_unit_and_a_half_is_one_and_a_half_of_it(text: str, expected: Row) -> None:
    assert read(text) == [expected]


def test_a_unit_alone_is_no_quantity() -> None:
    assert read("He arrived a day late and left a week later.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Fed has raised rates nine times in 12 months.", ("nine", "count", 9, "time", None)),
        ("The Fed had cut it 13 times since January 2001.", ("13", "count", 13, "time", None)),
    ],
)
def test_how_often_something_happened_is_a_count_of_times(text: str, expected: Row) -> None:
    assert read(text)[0] == expected


@pytest.mark.parametrize(
    "text",
    [
        "The probe is 13 times farther from the Sun than Earth.",
        "The new plant is three times the size of the old one.",
        "Demand was five times as high as a year earlier.",
    ],
)
def test_a_multiplier_is_no_quantity(text: str) -> None:
    assert read(text) == []


def test_index_and_game_points_are_counts_of_points() -> None:
    assert read("Jokic finished with 28 points and 16 rebounds.") == [
        ("28", "count", 28, "point", None),
        ("16", "count", 16, "rebound", None),
    ]
    assert read("Miami took a one-point lead.") == [("one", "count", 1, "point", None)]


def test_percentage_and_basis_points_stay_percent_units() -> None:
    assert [q[3] for q in read("It rose 2 percentage points after a 50-basis-point hike.")] == [
        "pp",
        "bp",
    ]


def test_market_report_frame_gives_the_index_level_in_points() -> None:
    assert read("The Dow lost 458 points, or 1.9%, to 23,644.") == [
        ("458", "count", 458, "point", None),
        ("1.9%", "percent", 1.9, "%", None),
        ("23,644", "count", 23644, "point", None),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The temperature reached 48 degrees Celsius and never fell below 27.",
            ("below 27", "measure", 27, "°C", "less than"),
        ),
        (
            "Iowa projects 187 bushels an acre, with Illinois close behind at 179.",
            ("179", "measure", 179, "bu/ac", None),
        ),
        (
            "The river crested at 5.2 metres, up from 4.1 a day earlier.",
            ("4.1", "measure", 4.1, "m", None),
        ),
    ],
)
def test_a_bare_number_after_a_preposition_carries_the_unit_just_before(
    text: str, expected: Row
) -> None:
    assert read(text)[-1] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Prices rose 5% in May, up from 4 in April.",  # only measures and durations carry
        "The line covers 1,318 kilometres and opened to 2011.",  # a year takes no unit
        "The snow was 43 inches deep. Schools closed at 9.",  # nor across a sentence
        "Two days later the toll rose to 219 and the number of missing rose to 93.",  # nor past
        # another number
        "It spread over six weeks, and the number hospitalized rose to 57.",  # nor a duration's
    ],
)
def test_a_unit_is_not_carried_from_a_percentage_to_a_year_or_across_sentences(
    text: str,
) -> None:
    carried = [q for q in extract_quantities(text) if q.kind != "count"][1:]
    assert carried == []


@pytest.mark.parametrize(
    "text",
    [
        "Dow futures slipped 150 points overnight, and S&P 500 futures lost 0.5%.",
        "The Russell 2000 index fell 2.1% on Tuesday.",
        "It was the first landing since Apollo 17 flew in 1972.",
    ],
)
def test_a_number_in_a_name_counts_nothing(text: str) -> None:
    assert not any(q.value in (500, 2000, 17) for q in extract_quantities(text))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("In neighbouring Syria 14 people were hurt, a monitor said.", 14),
        ("In Gaza 12 people died overnight.", 12),
        ("Iran Missile Strikes Kill 10 People In Israel Overnight", 10),
        ("North Carolina has reported 49 cases, Georgia 33, Florida 20 and Tennessee 12.", 33),
        ("North Carolina has reported 49 cases, Georgia 33, Florida 20 and Tennessee 12.", 12),
    ],
)
def test_a_place_before_a_count_is_no_name(text: str, value: float) -> None:
    assert any(q.kind == "count" and q.value == value for q in extract_quantities(text))


def test_a_count_back_over_the_past_n_is_not_a_bound() -> None:
    q = extract_quantities("Apple has shed 14% over the past three sessions.")[-1]
    assert (q.text, q.value, q.unit, q.qualifier, q.lower, q.upper) == (
        "three", 3, "session", None, 3, 3,
    )  # fmt: skip


def test_other_quantities_never_holds_a_count() -> None:
    text = "The Dow lost 458 points, or 1.9%, and the Fed moved nine times."
    assert [q.kind for q in other_quantities(text)] == ["percent"]


def test_rising_past_a_number_is_still_a_bound() -> None:
    q = next(
        q for q in extract_quantities("The toll rose past 1,000 on Thursday.") if q.value == 1000
    )
    assert q.qualifier == "more than"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Share this article | 1,301 reactions", ("1,301", "count", 1301, "reaction", None)),
        (
            "Strikers closed eight assembly plants across the state.",
            ("eight", "count", 8, "plant", None),
        ),
    ],
)
def test_a_number_before_a_plural_noun_is_a_count_of_it(text: str, expected: Row) -> None:
    assert expected in read(text)


@pytest.mark.parametrize(
    "text",
    [
        "Up to three in every 1,000 infected children die from it.",  # a ratio
        "The count fell to 385 from 1,100 two weeks earlier.",  # a number word, then time
        "The 2005 riots spread to many suburbs.",  # a year
        "The storm delayed the Flight 714 passengers for several hours on Friday.",  # a name
        "It was ranked No. 3 players in the league.",  # a numbered thing
    ],
)
def test_years_ratios_names_and_numbered_things_count_nothing(text: str) -> None:
    assert not any(q.kind == "count" and q.value in (1000, 1100, 2005, 714, 3) for q in
                   extract_quantities(text))  # fmt: skip
