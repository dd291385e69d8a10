"""Numbers with a unit: money, percentages, measures, durations and magnitudes as written.

`read_amounts` finds every number of a text, reads the currency before it or the unit after it,
joins ranges ("10-15 inches", "between $30 billion and $40 billion", "9.4 to 9.6 on the moment
magnitude scale") and drops what is not an amount: bare numbers (counts are the claims
extractor's), ages ("67-year-old", "aged 6 months"), "three years ago", clock times.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import lru_cache

from monitor.text.numbers import parse_number
from monitor.text.quantity_units import (
    CENTS,
    CURRENCY_AFTER,
    CURRENCY_BEFORE,
    CURRENCY_PHRASE_AFTER,
    DURATION_ADJECTIVE,
    PENCE,
    POUNDS_OF_MASS,
    currency_phrase_code,
    duration_factor,
    unit_after,
)
from monitor.text.sentences import word_set


@dataclass(frozen=True)
class Amount:
    """A number with its unit, before qualifiers: value in the stated unit, offsets in the text."""

    value: float
    high: float | None  # the upper end of a range, else None
    kind: str  # money, percent, measure, duration, magnitude; "" for a bare number
    unit: str  # normalised symbol or ISO code
    unit_text: str  # as written
    start: int
    end: int
    scaled: bool = False  # carries a scale word ("million") or suffix ("bn")
    joined: bool = False  # a range joined with "between ... and"


_SMALL = word_set(
    """one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
    sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety"""
)
_SMALL_RE = "|".join(sorted(_SMALL, key=len, reverse=True))
_SCALE_RE = r"hundred|thousand|million|billion|trillion|crore|lakh"
_WORDNUM = rf"(?:{_SMALL_RE})(?:-(?:{_SMALL_RE}))?|a\s+(?=(?:{_SCALE_RE})\b)"
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"
_CURRENCY = r"(?:US|A|C|HK|NZ|S)?\$|€|£|¥|₹|₩|₽|\b(?:USD|EUR|GBP|JPY|AUD|CAD|CHF|CNY|RMB|INR|Rs\.?)"
_NUMBER = re.compile(
    rf"(?P<cur>{_CURRENCY})?\s?"
    r"(?P<neg>\bminus\s+|−|(?<![^\s(])-(?=\d))?"
    rf"(?<![\w.,/:])(?<![A-Za-z]-)(?P<num>{_DIGITS}|\b(?:{_WORDNUM})\b)"
    rf"(?P<scale>(?:\s*(?:{_SCALE_RE})\b)+|(?:bn|mn|tn|m|k)\b)?"
    r"(?P<half>\s+and\s+a\s+half\b|-and-a-half\b)?",
    re.IGNORECASE,
)
_SCALES = {
    "hundred": 100, "thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12,
    "crore": 10**7, "lakh": 10**5,
}  # fmt: skip
_SUFFIXES = {"bn": 10**9, "mn": 10**6, "tn": 10**12, "m": 10**6, "k": 10**3}
# "a quarter point", "three-quarters of a percentage point", "half-point": percentage points
_POINTS = re.compile(
    r"\b(?P<frac>(?:a|one)[\s-]quarter|quarter|three[\s-]quarters?|half)(?:\s+of)?(?:\s+a)?"
    r"[\s-](?:percentage[\s-])?point\b",
    re.IGNORECASE,
)
_FRACTIONS = {"quarter": 0.25, "three": 0.75, "half": 0.5}
# "a week and a half", "an hour and a half": one and a half of the unit
_ONE = re.compile(r"\b(?:an?|one)\b", re.IGNORECASE)
_AND_A_HALF = re.compile(r"\s+and\s+a\s+half\b", re.IGNORECASE)
_RACE_TIME = re.compile(
    r"(?<![\d:])(?P<h>\d{1,2}):(?P<m>[0-5]\d):(?P<s>[0-5]\d)(?![\d:])(?!\s*[ap]\.?m\b)",
    re.IGNORECASE,
)
# a swimming or track time, minutes and seconds with hundredths ("1:54.06", "4:02.50"): no clock;
# whole seconds only as a race gap ("finished 9:18 behind", "6:17 ahead of him")
_LAP_TIME = re.compile(
    r"(?<![\d:.])(?P<m>\d{1,2}):(?P<s>[0-5]\d(?:\.\d{1,3}|"
    r"(?=\s+(?:behind|ahead|adrift|back|clear|slower|faster)\b)))(?![\d:])",
    re.IGNORECASE,
)
# a fraction of a unit: "a quarter mile", "half a mile", "half an hour", "three-quarters of an
# inch", "a half-mile" (percentage points are _POINTS')
_FRACTION_OF_UNIT = re.compile(
    r"\b(?P<frac>(?:a|one)[\s-]quarter|three[\s-]quarters?|(?:a\s+|one[\s-])?half|"
    r"(?:a|one)[\s-]third|two[\s-]thirds)(?:\s+of)?(?:\s+an?\b)?",
    re.IGNORECASE,
)
# "five and a half hours" is _and_a_half's; "the second half hour", "the first quarter mile" name
# a part, no amount
_FRACTION_NOT_AFTER = re.compile(
    r"\b(?:and|the|first|second|third|fourth|final|last|opening|closing|latter|former|other)"
    r"(?:\s+|-(?:a-)?)$",
    re.IGNORECASE,
)
# a decimal part of a unit: "five-thousandths of a second", "nine hundredths of a second", "a
# tenth of a mile", "three-tenths of a percentage point"
_DECIMAL_PART_OF_UNIT = re.compile(
    rf"\b(?P<n>an?|{_SMALL_RE})[\s-](?P<part>tenths?|hundredths?|thousandths?)\s+of(?:\s+an?\b)?",
    re.IGNORECASE,
)
_DECIMAL_PARTS = {"tenth": 10, "hundredth": 100, "thousandth": 1000}
_SHARES = {"quarter": 0.25, "quarters": 0.75, "half": 0.5, "third": 1 / 3, "thirds": 2 / 3}
# a sprint or lap time written with its decimals and an "s" ("9.81s", "0.005s"): seconds; a bare
# "s" after a whole number is a plural or a decade ("the 1990s", "in their 30s")
_DECIMAL_SECONDS = re.compile(r"(?-i:s)\b")
_YEAR_RANGE_BEFORE = re.compile(r"\d{4}[-–/]$")
_MAGNITUDE_BEFORE = re.compile(r"\bmagnitude(?:\s+of)?\s+$", re.IGNORECASE)
_RICHTER = re.compile(
    r"\s+on\s+the\s+(?:moment\s+magnitude|richter)(?:\s+magnitude)?\s+scale\b", re.IGNORECASE
)
_CURRENCY_WORD = re.compile(r"\s+(?P<w>[A-Za-z]+)\b")
_AGE_AFTER = re.compile(r"[\s-]+old\b|\s+ago\b|[\s-]+olds\b", re.IGNORECASE)
_AGE_BEFORE = re.compile(
    r"\b(?:aged?|ages?\s+(?:of|from|between)|in\s+age\s+from)\s+(?:between\s+|from\s+)?$",
    re.IGNORECASE,
)
_AGE_JOIN = re.compile(r"\s*[-–—]\s*|\s+(?:to|and|or)\s+", re.IGNORECASE)
_RANGE_JOIN = re.compile(r"\s*[-–—]\s*|\s+to\s+", re.IGNORECASE)
_BETWEEN_BEFORE = re.compile(r"\bbetween\s+$", re.IGNORECASE)
_FROM_BEFORE = re.compile(r"\bfrom\s+$", re.IGNORECASE)
_AND_JOIN = re.compile(r"\s+and\s+", re.IGNORECASE)
# "Oil climbed $2 to $84.50", "the rate rose 0.25% to 5.5%": after a verb of change the first
# amount is the change and the second the new level, two amounts, not a range
_CHANGE_BEFORE = re.compile(
    r"\b(?:rose|rise[sn]?|rising|fell|falls?|falling|fallen|climb(?:ed|s|ing)?|jump(?:ed|s|ing)?|"
    r"gain(?:ed|s|ing)?|los(?:t|es|ing)|drop(?:ped|s|ping)?|slipp?(?:ed|s|ing)?|slid(?:es|ing)?|"
    r"add(?:ed|s|ing)?|shed(?:s|ding)?|sank|sinks?|surg(?:ed|es|ing)|soar(?:ed|s|ing)?|"
    r"tumbl(?:ed|es|ing)|plung(?:ed|es|ing)|increas(?:ed|es|ing)|decreas(?:ed|es|ing)|"
    r"cut(?:s|ting)?|rais(?:ed|es|ing)|lower(?:ed|s|ing)?|up|down)\s+(?:by\s+)?$",
    re.IGNORECASE,
)
# a level far above the change ("$2 to $84.50"); close ends are a range ("rose 2% to 3%")
_LEVEL_OVER_CHANGE = 3
_LOOKBACK = 24
_MAX_DIGITS = 24


def _value(num: str, scale: str | None, half: str | None, money: bool) -> tuple[float, bool]:
    base = parse_number(num.strip()) if not num.lower().startswith("a") else 1.0
    if base is None:
        base = float(num.replace(",", "")) if num[0].isdigit() else 0.0
    factor, scaled = 1, False
    if scale:
        for word in scale.lower().split():
            factor *= _SCALES.get(word, _SUFFIXES.get(word, 1))
        scaled = True
    value = (Decimal(repr(base)) + (Decimal("0.5") if half else 0)) * factor  # 8.2 million exact
    return float(value), scaled or (money and bool(scale))


def _unit_of(text: str, m: re.Match[str]) -> tuple[str, str, str, int, int | None] | None:
    """Kind, normalised unit, unit as written, end of the amount the number `m` opens and its
    start when a unit written before the number opens it ("magnitude 7.8")."""
    cur, end = m["cur"], m.end()
    if cur:
        return (
            "money",
            CURRENCY_BEFORE.get(cur.strip().lower(), cur.strip().upper()),
            cur,
            end,
            None,
        )
    pence = PENCE.match(text, end)
    if pence and not m["scale"]:
        return "money", "GBX", pence[0].strip(), pence.end(), None
    cents = CENTS.match(text, end)
    if cents and not m["scale"]:
        return "money", "USX", cents[0].strip(), cents.end(), None
    phrase = CURRENCY_PHRASE_AFTER.match(text, end)
    if phrase:  # "1,000 CFA francs", "20 Hong Kong dollars"
        return "money", currency_phrase_code(phrase["w"]), phrase["w"], phrase.end(), None
    word = _CURRENCY_WORD.match(text, end)
    if word:
        code = CURRENCY_AFTER.get(word["w"].lower())
        pound = word["w"].lower().startswith("pound")
        mass = pound and (not m["scale"] or bool(POUNDS_OF_MASS.match(text, word.end())))
        if code and not mass:
            return "money", code, word["w"], word.end(), None
    at = m.start("num")
    before = _MAGNITUDE_BEFORE.search(text, max(0, at - _LOOKBACK), at)
    if before:
        return "magnitude", "magnitude", "magnitude", end, before.start()
    richter = _RICHTER.match(text, end)
    if richter:
        return "magnitude", "magnitude", richter[0].strip(), richter.end(), None
    found, written_from = unit_after(text, end), end
    adjective = DURATION_ADJECTIVE.match(text, end) if found is None else None
    if adjective and _YEAR_RANGE_BEFORE.search(text, max(0, m.start("num") - 6), m.start("num")):
        adjective = None  # "the 2023-24 calendar year": the end of a span of years
    if adjective:  # "three consecutive days": an adjective before a duration unit only
        found, written_from = unit_after(text, adjective.end()), adjective.end()
        found = found if found is not None and found[1] == "duration" else None
    if found is None:
        seconds = _DECIMAL_SECONDS.match(text, end) if "." in m["num"] and not m["scale"] else None
        return ("duration", "s", "s", seconds.end(), None) if seconds else None
    symbol, kind, unit_end = found
    return kind, symbol, text[written_from:unit_end].strip(" -"), unit_end, None


# "6.27m" with no currency: metres written to the centimetre (two decimals, as heights, jumps and
# throws are) when no noun follows for it to count ("2.35m people" is millions).
_ATTACHED_METRES = re.compile(r"\d{1,3}\.\d\d")
_NOT_COUNTED = re.compile(
    r"(?:\s*(?:$|[,.;:)!?]|[A-Z])|\s+(?:at|in|on|or|and|to|that|which|with|for|from|by|as|than|"
    r"is|was|were|he|she|they|his|her|their|win|clearance|jump|leap|vault|throw|mark|effort|"
    r"attempt|best|record)\b)"
)


def _numbers(text: str) -> list[Amount]:
    return list(_numbers_of(text))


@lru_cache(maxsize=32)
def _numbers_of(text: str) -> tuple[Amount, ...]:
    """Every number of a text with the unit after it; cached, as the grammar, the context
    readers and the noun counts each ask for the same text's numbers (Amounts are frozen)."""
    found: list[Amount] = []
    for m in _NUMBER.finditer(text):
        if len(m["num"]) > _MAX_DIGITS:
            continue  # a run of digits no report writes: a key, a hash, a dump
        scale = m["scale"]
        suffix = bool(scale) and scale.strip().lower() in ("m", "k", "mn")
        if suffix and not m["cur"] and unit_after(text, m.end()) is None:
            if (
                scale == "m"
                and _ATTACHED_METRES.match(m["num"])
                and _NOT_COUNTED.match(text, m.end())
            ):
                value, _ = _value(m["num"], None, None, False)  # "cleared 6.27m at", "of 6.02m,"
                found.append(
                    Amount(value, None, "measure", "m", "m", m.start("num"), m.end(), False)
                )
            continue  # "5m doses", "100m sprint", "10k run": a count, a name or metres
        value, scaled = _value(m["num"], scale, m["half"], bool(m["cur"]))
        if m["neg"]:
            value = -value  # "minus 30 degrees", "−4C"
        start = m.start("cur") if m["cur"] else m.start("neg") if m["neg"] else m.start("num")
        unit = _unit_of(text, m)
        if unit is None:
            found.append(Amount(value, None, "", "", "", start, m.end(), scaled))
            continue
        kind, symbol, written, end, opened = unit
        if kind == "duration":
            value *= duration_factor(written)
        start = start if opened is None else opened
        found.append(Amount(value, None, kind, symbol, written, start, end, scaled))
    return tuple(found)


def _points(text: str) -> list[Amount]:
    out = []
    for m in _POINTS.finditer(text):
        frac = m["frac"].lower().split()[-1].split("-")[-1]
        key = "three" if m["frac"].lower().startswith("three") else frac
        out.append(Amount(_FRACTIONS[key], None, "percent", "pp", "point", m.start(), m.end()))
    return out


def _and_a_half(text: str) -> list[Amount]:
    out = []
    for m in _ONE.finditer(text):
        found = unit_after(text, m.end())
        if found is None or found[1] not in ("duration", "measure"):
            continue
        symbol, kind, unit_end = found
        half = _AND_A_HALF.match(text, unit_end)
        if half:
            written = text[m.end() : unit_end].strip(" -")
            value = 1.5 * duration_factor(written) if kind == "duration" else 1.5
            out.append(Amount(value, None, kind, symbol, written, m.start(), half.end()))
    return out


def _fractions_of_units(text: str) -> list[Amount]:
    out = []
    for m in _FRACTION_OF_UNIT.finditer(text):
        if _FRACTION_NOT_AFTER.search(text, max(0, m.start() - 10), m.start()):
            continue
        if "third" in m["frac"].lower() and not re.search(r"\sof\b", m.group(), re.IGNORECASE):
            continue  # "a third year of shortages": an ordinal; "a third of a mile" is a share
        found = unit_after(text, m.end())
        if found is None or found[1] not in ("measure", "duration"):
            continue
        symbol, kind, unit_end = found
        written = text[m.end() : unit_end].strip(" -")
        share = _SHARES[re.split(r"[\s-]", m["frac"].lower())[-1]]
        value = round(share * (duration_factor(written) if kind == "duration" else 1), 6)
        out.append(Amount(value, None, kind, symbol, written, m.start(), unit_end))
    return out


def _decimal_parts_of_units(text: str) -> list[Amount]:
    out = []
    for m in _DECIMAL_PART_OF_UNIT.finditer(text):
        found = unit_after(text, m.end())
        if found is None or found[1] not in ("measure", "duration", "percent"):
            continue  # "three-tenths of a percentage point" is 0.3 pp
        symbol, kind, unit_end = found
        written = text[m.end() : unit_end].strip(" -")
        count = 1.0 if m["n"].lower() in ("a", "an") else parse_number(m["n"]) or 0.0
        share = count / _DECIMAL_PARTS[m["part"].lower().rstrip("s")]
        value = round(share * (duration_factor(written) if kind == "duration" else 1), 6)
        out.append(Amount(value, None, kind, symbol, written, m.start(), unit_end))
    return out


def _race_times(text: str) -> list[Amount]:
    laps = [
        Amount(
            round(int(m["m"]) * 60 + float(m["s"]), 6),
            None,
            "duration",
            "s",
            "m:ss.hh",
            m.start(),
            m.end(),
        )
        for m in _LAP_TIME.finditer(text)
    ]
    return laps + [
        Amount(
            float(int(m["h"]) * 3600 + int(m["m"]) * 60 + int(m["s"])),
            None,
            "duration",
            "s",
            "h:mm:ss",
            m.start(),
            m.end(),
        )
        for m in _RACE_TIME.finditer(text)
    ]


def _joined(text: str, a: Amount, b: Amount) -> Amount | None:
    """One range from two neighbouring numbers, or None when they are two amounts."""
    gap = text[a.end : b.start]
    same = a.kind == b.kind and a.unit == b.unit
    between = _BETWEEN_BEFORE.search(text, max(0, a.start - _LOOKBACK), a.start)
    if between and _AND_JOIN.fullmatch(gap) and b.kind and (a.kind == "" or same):
        return _range(a, b, between.start(), joined=True)
    if not _RANGE_JOIN.fullmatch(gap):
        return None
    if a.kind == "" and b.kind:
        return _range(a, b, a.start)  # "10-15 inches", "from 17 to 29 degrees"
    if a.kind in ("money", "magnitude") and b.kind == "":
        # the unit written before the first number holds for both: "$30-40 billion", "magnitude
        # 9.1-9.3"
        return _range(a, replace(b, kind=a.kind, unit=a.unit, unit_text=a.unit_text), a.start)
    from_before = _FROM_BEFORE.search(text, max(0, a.start - _LOOKBACK), a.start)
    changed = (
        gap.strip().lower() == "to"
        and b.value > _LEVEL_OVER_CHANGE * abs(a.value)
        and _CHANGE_BEFORE.search(text, max(0, a.start - _LOOKBACK), a.start)
    )
    if a.kind and same and not from_before and not changed:
        return _range(a, b, a.start)  # "3.0%-3.25%"; "from 6.2% to 7.0%" is a change
    return None


def _range(a: Amount, b: Amount, start: int, joined: bool = False) -> Amount | None:
    low = a.value
    if b.scaled and not a.scaled and a.kind in ("", b.kind):
        factor = b.value / max(_base(b), 1e-12)
        if low * factor <= b.value:
            low = round(low * factor, 6)  # "1-1.1 million bpd", "$30-40 billion": a shared scale
    if low >= b.value:
        return None
    return Amount(low, b.value, b.kind, b.unit, b.unit_text, start, b.end, b.scaled, joined)


def _base(amount: Amount) -> float:
    value = amount.value
    for factor in (1e12, 1e9, 1e6, 1e3, 1e2):
        if amount.scaled and value >= factor:
            return value / factor
    return value


def _join_ranges(text: str, numbers: list[Amount]) -> list[Amount]:
    out: list[Amount] = []
    i = 0
    while i < len(numbers):
        a = numbers[i]
        if i + 1 < len(numbers):
            joined = _joined(text, a, numbers[i + 1])
            if joined is not None:
                out.append(joined)
                i += 2
                continue
        out.append(a)
        i += 1
    return out


def _is_age(text: str, amount: Amount) -> bool:
    if amount.kind != "duration":
        return False
    return bool(
        _AGE_AFTER.match(text, amount.end)
        or _AGE_BEFORE.search(text, max(0, amount.start - _LOOKBACK), amount.start)
    )


def read_amounts(text: str) -> list[Amount]:
    """Every amount with a unit in a text, in order, ranges joined, without overlaps."""
    special = _points(text) + _race_times(text) + _and_a_half(text) + _decimal_parts_of_units(text)
    special += [f for f in _fractions_of_units(text) if not _overlaps(f, special)]
    numbers = [
        n for n in _numbers(text) if not any(s.start < n.end and n.start < s.end for s in special)
    ]
    amounts = sorted(_join_ranges(text, numbers) + special, key=lambda a: a.start)
    kept: list[Amount] = []
    age: Amount | None = None  # the age just read: "aged 6 months to 45 years" is two ages
    for a in amounts:
        follows_age = age is not None and _AGE_JOIN.fullmatch(text, age.end, a.start)
        if a.kind == "duration" and (follows_age or _is_age(text, a)):
            age = a
            continue
        age = None
        if a.kind:
            kept.append(a)
    return kept


def _overlaps(a: Amount, others: list[Amount]) -> bool:
    return any(a.start < o.end and o.start < a.end for o in others)


def bare_numbers(text: str) -> list[Amount]:
    """The numbers of a text written without a unit or currency (kind ""), in order: what the
    context readers (monitor/text/quantity_context.py) may still give a unit."""
    return [n for n in _numbers(text) if not n.kind]
