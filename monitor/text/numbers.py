"""Number grammar: quantities in digits or words, vague amounts, ranges and qualifiers."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from types import MappingProxyType

from monitor.text.patterns import alternation, folded
from monitor.text.records import record
from monitor.text.sentences import word_set


@record
class Quantity:
    """A quantity as written in a sentence, with canonical qualifier, bounds and offsets."""

    value: float
    lower: float | None
    upper: float | None
    qualifier: str | None
    approximate: bool
    text: str
    start: int
    end: int


_SMALL = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
_SCALES = {
    "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000, "dozen": 12,
}  # fmt: skip
# Each canonical qualifier and the phrasings that map to it (SPEC contract, closed set).
_QUALIFIERS: dict[str, tuple[str, ...]] = {
    "almost": (
        "almost",
        "nearly",
        "close to",
        "just under",
        "approaching",
        "short of",
        "just short of",
        "just shy of",
        "shy of",
        "nigh on",
    ),
    "more than": (
        "more than",
        "over",
        "above",
        "in excess of",
        "upwards of",
        "upward of",
        "north of",
        "greater than",
        "past",
        "surpassing",
        "surpassed",
        "beyond",
        "tops",
        "topped",
        "topping",
        "passed",
        "passing",
        "exceeded",
        "exceeding",
        "exceeds",
        "passes",
        "surpasses",
        "crosses",
        "crossed",
        "crossing",
    ),
    "at least": ("at least", "no fewer than", "no less than", "a minimum of", "not less than"),
    "up to": (
        "up to",
        "as many as",
        "at most",
        "no more than",
        "a maximum of",
        "as much as",
        "not more than",
    ),
    "about": (
        "about",
        "around",
        "approximately",
        "roughly",
        "some",
        "an estimated",
        "estimated",
        "circa",
        "approx.",
        "in the region of",
        "an approximate",
    ),
    "less than": ("less than", "fewer than", "under", "below"),
}
_APPROXIMATE = {"almost", "about"}
_MODIFIERS = ("just", "well", "slightly", "far", "a little")


def _qualifier_table() -> dict[str, str]:
    table = {p: canon for canon, phrases in _QUALIFIERS.items() for p in phrases}
    for canon in ("more than", "less than", "at least"):
        for phrase in _QUALIFIERS[canon]:
            for mod in _MODIFIERS:
                table.setdefault(f"{mod} {phrase}", canon)  # "just under" stays "almost"
    return table


_QUALIFIER_OF = _qualifier_table()
# The same canon for readers beside the claims (monitor/text/quantities.py): phrase -> qualifier.
QUALIFIER_OF: Mapping[str, str] = MappingProxyType(_QUALIFIER_OF)


def _alternation(words: Iterable[str]) -> str:
    return alternation(words)  # longest first, as a prefix tree (fast to reject)


_SUFFIXES = {"m": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000}
_MULTIPLIER = {**_SCALES, **_SUFFIXES}
_SCALE_RE = _alternation(_SCALES)
_SMALL_RE = _alternation(_SMALL)
_SMALL_NO_ONE = _alternation(w for w in _SMALL if w != "one")
_WORD_ATOM = rf"(?:{_SMALL_RE}|{_SCALE_RE})\b"
_AND = r"(?:(?<=hundred)|(?<=thousand)|(?<=million)|(?<=billion))\s+and\s+"
_WORDNUM = (
    rf"(?:\b(?:an?|one|half\s+an?)\s+(?:{_SCALE_RE})\b|\b(?:{_SMALL_NO_ONE})\b)"
    rf"(?:(?:{_AND}|[ \t-]+){_WORD_ATOM})*"
)
_DIGITS = (
    r"(?<![\w.,/])(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?"
    r"|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\w])(?!\s*-?mm)"
    r"|\d+(?:\.\d+)?)"
)
_SUFFIX = r"(?:mn|bn|m)\b"  # "1.5m doses"; money with a suffix is caught earlier as money
_DIGIT_NUM = rf"{_DIGITS}(?:{_SUFFIX}|(?!\w|[.,]\d)(?:\s*(?:{_SCALE_RE})\b){{0,2}})"
_NUM = rf"(?:{_DIGIT_NUM}|{_WORDNUM})"
_MONTHS = word_set(
    """January February March April May June July August September October November December
    Jan Feb Mar Apr Jun Jul Aug Sept Sep Oct Nov Dec"""
)
_MONTH = rf"(?:{_alternation(_MONTHS)})\b\.?"
_NUMBERED_NAMES = word_set(  # "Resolution 2334", "Flight 17": a name, not a count
    """Resolution Flight Article Section Route Highway Chapter Category Cat Level Page Room
    Platform Gate Channel Line Unit Brigade Division Regiment Battalion Paragraph Model Phase
    Stage Terminal Interstate Block Ward District Precinct Type Class Mark"""
)
_NOT_SCALED = rf"(?!\s*(?:{_SCALE_RE}))"
_SKIP = "|".join(
    (
        # money: never a claim, even with a scale ("$2-3 billion", "€2 billion", "£5m")
        r"(?:US|A|C|HK|NZ|S)?[$€£¥₩₽₹]\s?\d[\d,.]*(?:\s*[-–]\s*\d[\d,.]*)?"
        rf"(?:\s*(?:{_SCALE_RE}|bn|mn|m|k)\b)?",
        rf"\b(?:USD|EUR|GBP|RMB|Rs\.?)\s?\d[\d,.]*(?:\s*(?:{_SCALE_RE}|bn|m)\b)?",
        r"\b\d{1,2}[:.]\d{2}\s*(?:a\.m\.|p\.m\.|am\b|pm\b)",  # clock times
        r"\b\d{1,2}:\d{2}\b",
        rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:,?\s+\d{{4}})?{_NOT_SCALED}",
        # "February 6", "Feb. 6 and 7", "May 3-5": the second day is a date too
        rf"\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b"
        rf"(?:\s*(?:and|through|or|-|–)\s*\d{{1,2}}(?:st|nd|rd|th)?\b(?!,\d))?"
        rf"(?:,?\s+\d{{4}}\b)?{_NOT_SCALED}",
        rf"\b{_MONTH}\s+\d{{4}}\b{_NOT_SCALED}",
        r"\b\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}\b",  # numeric dates
        r"\+\d[\d ().-]{7,}\d",  # phone numbers
        r"\(\d{3}\)\s?\d{3}[-.\s]\d{4}\b",
        r"\b\d{3}[-.]\d{3}[-.]\d{4}\b",
        r"\b\d+(?:st|nd|rd|th)\b",  # ordinals
        r"\bNo\.\s*\d+",
        rf"\b(?:{_alternation(_NUMBERED_NAMES)})\s+\d+",
        r"#\d+",
    )
)
_QUALIFIER_RE = _alternation(_QUALIFIER_OF)
_ABOUT_RE = _alternation(_QUALIFIERS["about"])
_VAGUE = (
    r"\b(?:(?:tens|hundreds)\s+of\s+(?:thousands|millions|billions)"
    r"|(?:dozens|hundreds|thousands|millions|billions)"
    rf"|(?:several|a\s+few)\s+(?:{_SCALE_RE})(?:\s+(?:{_SCALE_RE}))?)\b"
)
_MASTER = re.compile(
    r"(?<![A-Za-z])"  # a quantity never starts mid-word; failing fast here keeps the scan cheap
    rf"(?:(?P<skip>{_SKIP})"
    rf"|(?P<vague>{_VAGUE})"
    rf"|(?:\b(?P<q1>{_QUALIFIER_RE})\s+(?:(?P<q2>{_ABOUT_RE})\s+)?)?"
    rf"(?:\bbetween\s+(?P<bl>{_NUM})\s+and\s+(?P<bh>{_NUM})"
    rf"|\bfrom\s+(?P<fl>{_NUM})\s+to\s+(?P<fh>{_NUM})"
    # a dash joins digits only: in words it belongs to the number ("thirty-two")
    rf"|(?P<dl>{_DIGIT_NUM}\s*[-–—]\s*|{_NUM}\s+to\s+)(?P<dh>{_NUM})"
    rf"|(?P<num>{_NUM}))"
    r"(?P<post>\s+or\s+(?:so|more|fewer|less)\b|-plus\b)?)",
    re.IGNORECASE,
)
_ANCHOR = re.compile(
    rf"[\d$€£¥₩₽₹#]|\b(?=[bdefhmnostBDEFHMNOST])(?:{_SMALL_RE}|{_SCALE_RE}|dozens|hundreds"
    r"|thousands|millions|billions|several|few|half)\b",
    re.IGNORECASE,
)
_QUALIFIER_WORDS = 6  # "in the region of" + "an estimated"
# The first word of each alternative of _MASTER that opens with a letter: a skipped form
# ("US$", "Rs.", "No.", a month, "Flight"), a vague amount, a qualifier, "between", "from", a
# number word. A quantity begins only at one of them (a whole word) or at a digit or sign, so
# the grammar is first tried where `_START` finds one, not at every word of the window.
_FIRST_WORDS = frozenset(
    (
        *("us", "a", "c", "hk", "nz", "s", "usd", "eur", "gbp", "rmb", "rs", "no"),
        *("tens", "hundreds", "dozens", "thousands", "millions", "billions", "several"),
        *("an", "one", "half", "between", "from"),
        *(phrase.split()[0].rstrip(".") for phrase in _QUALIFIER_OF),  # "approx." -> approx
        *_SMALL,
        *(w.lower() for w in _MONTHS | _NUMBERED_NAMES),
    )
)
_START = re.compile(
    rf"(?<![A-Za-z])(?:[\d$€£¥₩₽₹#+(]|(?:{_alternation(_FIRST_WORDS)})(?![A-Za-z]))",
    re.IGNORECASE,
)
_MEASURE = (
    r"mm|ml|cl|oz|ounces?|millimet(?:er|re)s?|cm|centimet(?:er|re)s?|km/h|kms?|kilomet(?:er|re)s?|metres?|meters?"
    r"|m|nautical\s+miles?|miles?|kg|kgs|kilos?|kilograms?|grams?|lbs?|pounds?|tonnes?|tons?"
    r"|feet|foot|ft|inch(?:es)?|calibre|caliber|cal|mph|kph|knots?|degrees?|°|sq|square|acres?"
    r"|hectares?|litres?|liters?|gallons?|barrels?|bpd|[kmg]wh?|megawatts?|gigawatts?|kilowatts?"
    r"|megatons?|kilotons?|kt|hz|[kmg]hz|[kmgt]b|bytes?"
)
_NOT_A_COUNT_AFTER = re.compile(
    r"(?:\s*(?:%|per\s?cent\b|percent\b|percentage\s+points?\b|pc\b|basis\s+points?\b)"
    rf"|\s*-?(?:{_MEASURE})\b"
    r"|-(?!plus\b)[a-z]"  # compound adjective: "two-day", "152-mm", "67-year-old"
    r"|\s*(?:a\.m\.|p\.m\.|am\b|pm\b|gmt\b|utc\b|o['’]clock\b)"
    r"|\s*years?[\s-]+old\b)",
    re.IGNORECASE,
)


_MASTER_FOLDED = folded(_MASTER)
_ANCHOR_FOLDED = folded(_ANCHOR)
_START_FOLDED = folded(_START)
_NOT_A_COUNT_AFTER_FOLDED = folded(_NOT_A_COUNT_AFTER)
_MODEL_PREFIX = re.compile(r"[A-Za-z]-")  # "F-16", "S-300", "Hwasong-18"
_PLURAL_NEXT = re.compile(r"\s+(?:[a-z]+[a-rt-z]s|people|personnel)\b")
_DIGIT_FORM = re.compile(
    rf"^(?P<d>[\d,. \u00a0\u202f]+?)\s*(?P<s>(?:(?:{_SCALE_RE}|{_SUFFIX})\s*){{0,2}})$",
    re.IGNORECASE,
)
_VAGUE_RANGES = {
    "dozens": (24, 99), "hundreds": (200, 999), "thousands": (2_000, 9_999),
    "millions": (2_000_000, 9_999_999), "billions": (2_000_000_000, 9_999_999_999),
    "tens of thousands": (20_000, 99_999), "hundreds of thousands": (200_000, 999_999),
    "tens of millions": (20_000_000, 99_999_999), "hundreds of millions": (200_000_000, 999_999_999),
    "tens of billions": (20_000_000_000, 99_999_999_999),
    "hundreds of billions": (200_000_000_000, 999_999_999_999),
}  # fmt: skip
_FEW = {"several": (3, 9), "a few": (2, 5)}
# The same bounds for readers beside the claims ("dozens of metres", monitor/text/quantity_vague.py).
VAGUE_RANGES: Mapping[str, tuple[int, int]] = MappingProxyType(_VAGUE_RANGES)


@lru_cache(maxsize=4096)  # qualifiers and number words: a few short strings, again and again
def _normal(text: str) -> str:
    return " ".join(text.lower().replace("\u00a0", " ").replace("\u202f", " ").split())


_SEPARATORS = re.compile(r"[,\s\u00a0\u202f]")
_WORD_SPLIT = re.compile(r"[\s-]+")
_SCALE_TAIL = re.compile(rf"\s*\b(?:{_SCALE_RE})\b.*$", re.I)
_YEAR_DIGITS = re.compile(r"(?:18|19|20)\d\d")


def _digits_value(digits: str) -> Decimal | None:
    cleaned = _SEPARATORS.sub("", digits)
    try:
        return Decimal(cleaned)
    except InvalidOperation:
        return None


def _words_value(text: str) -> Decimal | None:
    tokens = [t for t in _WORD_SPLIT.split(_normal(text)) if t and t != "and"]
    factor = Decimal(1)
    if tokens[:1] == ["half"]:
        factor, tokens = Decimal("0.5"), tokens[1:]
    if tokens[:1] in (["a"], ["an"]):
        tokens = ["one", *tokens[1:]]
    if not tokens:
        return None
    total, current = 0, 0
    for token in tokens:
        if token in _SMALL:
            current += _SMALL[token]
        elif token in ("hundred", "dozen"):
            current = (current or 1) * _SCALES[token]
        elif token in _SCALES:
            total += (current or 1) * _SCALES[token]
            current = 0
        else:
            return None
    return (total + current) * factor


_PLAIN_DIGITS = re.compile(r"\d{1,3}(?:,\d{3})+|\d+")


def _number(text: str) -> tuple[Decimal, bool] | None:
    """Value of one number expression and whether it carries a scale word."""
    if _PLAIN_DIGITS.fullmatch(text):
        return Decimal(text.replace(",", "")), False  # the common case: "1,234"
    form = _DIGIT_FORM.match(_normal(text))
    if form and any(c.isdigit() for c in form["d"]):
        base = _digits_value(form["d"])
        if base is None:
            return None
        scales = form["s"].split()
        for scale in scales:
            base *= _MULTIPLIER[scale]
        return base, bool(scales)
    value = _words_value(text)
    return None if value is None else (value, True)


def _as_float(value: Decimal) -> float:
    return float(int(value)) if value == value.to_integral_value() else float(value)


def parse_number(text: str) -> float | None:
    """Parse one number as written: "6,700", "10 000", "three million", "a million", "6.7 thousand"."""
    if not text.strip():
        return None
    parsed = _number(text)
    return None if parsed is None else _as_float(parsed[0])


def _range(low_text: str, high_text: str) -> tuple[Decimal, Decimal] | None:
    low, high = _number(low_text), _number(high_text)
    if low is None or high is None:
        return None
    (lo, lo_scaled), (hi, _) = low, high
    hi_base = _number(_SCALE_TAIL.sub("", high_text))
    if not lo_scaled and hi_base is not None and hi_base[0] > 0 and lo < hi_base[0]:
        lo = lo * (hi / hi_base[0])  # "2-3 million": the scale applies to both ends
    return lo, hi


def _vague(text: str) -> tuple[Decimal, Decimal]:
    key = _normal(text)
    if key in _VAGUE_RANGES:
        lo, hi = _VAGUE_RANGES[key]
        return Decimal(lo), Decimal(hi)
    head = "a few" if key.startswith("a few") else "several"
    base = _words_value("one " + key[len(head) :]) or Decimal(1)
    lo_f, hi_f = _FEW[head]
    return base * lo_f, base * hi_f


def _is_year(m: re.Match[str], sentence: str) -> bool:
    text = m["num"] or ""
    # four decimal digits (Unicode category Nd, what \d matches, is what isdecimal accepts)
    if len(text) != 4 or not text.isdecimal() or not 1800 <= int(text) <= 2100:
        return False
    if _YEAR_BEFORE.search(sentence, max(0, m.start() - 12), m.start()):
        return True  # "in 2015 fighters loyal to ...", "since 2011, when ..."
    if _EVENT_AFTER.match(sentence, m.end()):
        return True  # "the 2011 riots"
    return not _PLURAL_NEXT.match(sentence, m.end())


_YEAR_BEFORE = re.compile(
    r"\b(?:in|since|of|by|until|from|during|before|after|through|early|late|mid|year|the)\s+$",
    re.IGNORECASE,
)
_EVENT_AFTER = re.compile(
    r"\s+(?:[A-Z][\w-]*\s+)*(?:riots|floods|fires|wildfires|storms|elections|games|protests"
    r"|strikes|attacks|bombings|earthquakes|hurricanes|outbreaks|layoffs|olympics|finals|levels"
    r"|figures|numbers|totals|counts|records|rates|census|results|season)\b"
)


_RANGE_JOINER = re.compile(r"(?:\s*[-–—]\s*|\s+to\s+)$", re.IGNORECASE)


def _range_ends(m: re.Match[str]) -> tuple[str, str] | None:
    """The low and high end of a range match, as written."""
    lows = m.group("bl", "fl", "dl")  # at most one of the three forms matched
    for low, high in zip(lows, ("bh", "fh", "dh"), strict=True):
        if low:
            return _RANGE_JOINER.sub("", low), m[high]
    return None


def _rejected(m: re.Match[str], sentence: str, measured: Measured | None = None) -> bool:
    # `m` read the sentence lower-cased when it is ASCII: so does the case-sensitive twin
    after = _NOT_A_COUNT_AFTER_FOLDED if m.re is _MASTER_FOLDED else _NOT_A_COUNT_AFTER
    if after.match(m.string, m.end()) and (measured is None or not measured(m.end())):
        return True
    start = m.start()
    if start >= 2 and sentence[start - 1] == "-" and _MODEL_PREFIX.match(sentence, start - 2):
        return True  # (the prefix is the two characters before: a letter and the dash)
    ends = _range_ends(m) or ()
    if ends and all(_YEAR_DIGITS.fullmatch(e) for e in ends):
        return True  # "2022-2023"
    if _closes_day_range(m):
        return True  # "from December 8 to 14": the last day of a stretch of dates
    return _is_year(m, sentence)


# The first day of a stretch of dates, right before its last day: "from December 8 to 14",
# "December 8-14", "May 10 through 29" (a bare "on June 3 to 52" stays a count).
_DAY_RANGE_OPEN = re.compile(
    rf"(?:\bfrom\s+{_MONTH}\s+(?P<a>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:to|until|till|through)"
    rf"|\b{_MONTH}\s+(?P<b>\d{{1,2}})(?:st|nd|rd|th)?\s*(?:[-–]|through|thru))\s*$",
    re.IGNORECASE,
)


def _closes_day_range(m: re.Match[str]) -> bool:
    num = m["num"]
    if not num or m["q1"] or not num.isdigit() or len(num) > 2:
        return False
    opened = _DAY_RANGE_OPEN.search(m.string, max(0, m.start() - 40), m.start())
    if opened is None:
        return False
    first = int(opened["a"] or opened["b"])
    return first < int(num) <= 31


def _bounds(value: Decimal, qualifier: str | None) -> tuple[Decimal | None, Decimal | None]:
    if qualifier in ("more than", "at least"):
        return value, None
    if qualifier in ("almost", "up to", "less than"):
        return None, value
    return value, value


_POST_QUALIFIER = {"so": "about", "more": "at least", "fewer": "up to", "less": "up to"}


# "over" after a verb of extent is a preposition, no qualifier: "spread over nine counties".
_EXTENT_BEFORE = re.compile(
    r"\b(?:spread|spreads|scattered|spanning|spans|spanned|stretched|stretching|stretches"
    r"|distributed|split|divided)\s+$"
)


def _quantity(m: re.Match[str], sentence: str) -> Quantity | None:
    start, end = m.start(), m.end()
    text = sentence[start:end]
    vague, q1, q2, num, post_text = m.group("vague", "q1", "q2", "num", "post")
    if vague:
        lo, hi = _vague(vague)
        return Quantity(
            _as_float(lo), _as_float(lo), _as_float(hi), "vague", True, text, start, end
        )
    qualifier = _QUALIFIER_OF.get(_normal(q1)) if q1 else None
    if qualifier == "more than" and num and _EXTENT_BEFORE.search(sentence, 0, start):
        start = m.start("num") if not q2 else m.start("q2")  # "spread over nine counties"
        text, qualifier = sentence[start:end], None
    approximate = qualifier in _APPROXIMATE or bool(q2)
    post = _normal(post_text).removeprefix("or ").lstrip("-") if post_text else ""
    if post and qualifier is None:
        qualifier = "more than" if post == "plus" else _POST_QUALIFIER[post]
        approximate = approximate or post == "so"
    pair = _range_ends(m)
    if pair:
        span = _range(*pair)
        if span is None:
            return None
        lo, hi = span
        return Quantity(
            _as_float(lo), _as_float(lo), _as_float(hi), "between", approximate, text, start, end
        )
    parsed = _number(num)
    if parsed is None:
        return None
    value = parsed[0]
    if qualifier == "about" and q2 is None:
        approximate = True
    low, high = _bounds(value, qualifier)
    return Quantity(
        _as_float(value),
        None if low is None else _as_float(low),
        None if high is None else _as_float(high),
        qualifier,
        approximate,
        text,
        start,
        end,
    )


def _window_start(sentence: str, anchor: int, floor: int) -> int:
    """Where a quantity ending in this anchor could begin: a few words back (its qualifier)."""
    pos = anchor
    for _ in range(_QUALIFIER_WORDS):
        pos = sentence.rfind(" ", floor, max(floor, pos - 1))
        if pos < 0:
            return floor
    return max(pos, floor)


# Whether the number ending at an offset is a measure a figure asks for ("69,093 pounds").
Measured = Callable[[int], bool]


def find_quantities(sentence: str, measured: Measured | None = None) -> list[Quantity]:
    """Every counted quantity in a sentence, in order; dates, money, measures etc. are skipped
    (a measure `measured` accepts is kept: docs/SPEC.md §6, stop 29)."""
    found: list[Quantity] = []
    last_end = 0
    # An ASCII sentence is read lower-cased by the case-sensitive twins of the patterns (the
    # same matches, the same offsets); the matches' groups are only read case-insensitively,
    # the quantity's text is taken from the sentence as written.
    text, anchors, starts, grammar = (
        (sentence.lower(), _ANCHOR_FOLDED, _START_FOLDED, _MASTER_FOLDED)
        if sentence.isascii()
        else (sentence, _ANCHOR, _START, _MASTER)
    )
    # The full grammar only runs near anchors (digits, number words): most text has none.
    # The next anchor is looked for after the last quantity (no anchor can start inside
    # one and end after it: an anchor is one character or a whole word), not digit by digit.
    anchor = anchors.search(text)
    while anchor is not None:
        first = starts.search(text, _window_start(text, anchor.start(), last_end))
        m = None if first is None else grammar.search(text, first.start())
        if m is None:
            break
        last_end = m.end()
        anchor = anchors.search(text, max(anchor.end(), last_end))
        if m["skip"] or _rejected(m, sentence, measured):
            continue
        quantity = _quantity(m, sentence)
        if quantity is not None:
            found.append(quantity)
    return found
