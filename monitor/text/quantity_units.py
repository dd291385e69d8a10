"""Units of the quantities that are not counts: how each is written and its normalised symbol.

A unit is written many ways ("km", "kilometres", "kilometers", "-kilometre"); each spelling maps
to one symbol ("km") and a kind (`measure`, `duration`, `percent`, `magnitude`). Values are never
converted: "42.195 km" and "26.219 mi" keep their own units. Currencies map to ISO codes.
"""

from __future__ import annotations

import re
from functools import lru_cache

from monitor.text.sentences import word_set

# symbol -> spellings (regex fragments, case-insensitive unless listed in _CASED)
_MEASURES: dict[str, tuple[str, ...]] = {
    # speed and flows first: "miles per hour" must win over "miles"
    "mph": (r"mph", r"miles?\s+(?:per|an|a)\s+hour"),
    "km/h": (
        r"km/h",
        r"kph",
        r"kmh",
        r"kilomet(?:er|re)s?\s+(?:per|an|a)\s+hour",
        r"km\s+(?:per|an|a)\s+hour",
    ),
    "km/s": (r"km/s", r"(?:km|kilomet(?:er|re)s?)\s+(?:per|a)\s+second"),
    "mi/s": (r"miles?\s+(?:per|a)\s+second",),
    # emissions per distance: "93.6 grams of CO2 per kilometre", "116 g/km" (before "g" and "km")
    "g/km": (
        r"g/km",
        r"g\s+CO2/km",
        r"grams?\s+(?:of\s+(?:CO2|carbon\s+dioxide)\s+)?(?:per|a)\s+(?:km|kilomet(?:er|re))",
    ),
    "m/s": (r"m/s", r"met(?:er|re)s?\s+(?:per|a)\s+second"),
    "kn": (r"knots?",),
    "bbl/d": (
        r"bpd",
        r"b/d",
        r"barrels?\s+(?:per|a)\s+day",
        r"barrels?\s+of\s+oil\s+(?:per|a)\s+day",
    ),
    # area before length: "square miles" must win over "miles"
    "km2": (r"square[\s-]kilomet(?:er|re)s?", r"sq\.?\s*km", r"km2", r"km²"),
    "mi2": (r"square[\s-]miles?", r"sq\.?\s*mi(?:les?)?"),
    "m2": (r"square[\s-]met(?:er|re)s?", r"sq\.?\s*m", r"m2", r"m²"),
    "ft2": (r"square[\s-]f(?:ee|oo)t", r"sq\.?\s*f(?:ee|oo)?t", r"ft2", r"ft²"),
    "acre": (r"acres?",),
    "ha": (r"hectares?", r"ha"),
    # length
    "mm": (r"mm", r"millimet(?:er|re)s?"),
    "cm": (r"cm", r"centimet(?:er|re)s?"),
    "km": (r"km", r"kms", r"kilomet(?:er|re)s?"),
    "m": (r"met(?:er|re)s?", r"m"),
    "mi": (r"miles?", r"mi"),
    "nmi": (r"nautical\s+miles?",),
    "ft": (r"feet", r"foot", r"ft"),
    "in": (r"inch(?:es)?", r"in"),
    "yd": (r"yards?", r"yds?"),
    "nm": (r"nanomet(?:er|re)s?",),
    "au": (r"astronomical\s+units?", r"AU"),
    "ly": (r"light[\s-]years?",),
    # mass
    "t": (r"(?:metric\s+)?tonnes?", r"(?:metric\s+)?tons?"),
    "kg": (r"kg", r"kgs", r"kilos?", r"kilograms?"),
    "g": (r"grams?",),
    "mg": (r"mg", r"milligrams?"),
    "lb": (r"lbs?", r"pounds?"),
    "oz": (r"ounces?", r"oz"),
    # volume
    "bbl": (r"barrels?",),
    # rainfall: "400 litres per square metre" (as many millimetres) before "litres"
    "l/m2": (r"lit(?:re|er)s?\s+(?:per|a)\s+square\s+met(?:re|er)", r"l/m2", r"l/m²"),
    "l": (r"litres?", r"liters?"),
    "gal": (r"gallons?",),
    "m3": (r"cubic\s+met(?:er|re)s?", r"m3", r"m³"),
    "ft3": (r"cubic\s+f(?:ee|oo)t", r"cu\.?\s*ft"),
    "bcm": (r"bcm",),  # billion cubic metres, as gas volumes are written
    # crops: "bushels per acre" must win over "bushels"
    "bu/ac": (r"bushels?\s+(?:per|an|a)\s+(?:harvested\s+)?acre",),
    "bu": (r"bushels?",),
    # pressure and concentration
    "hPa": (r"hPa", r"hectopascals?", r"millibars?"),
    "ppm": (r"ppm", r"parts\s+per\s+million"),
    # temperature ("degrees" alone reads as Celsius)
    "°F": (r"°\s?F", r"degrees?\s+Fahrenheit", r"F"),
    "°C": (r"°\s?C", r"degrees?\s+(?:Celsius|centigrade)", r"C", r"degrees?", r"°"),
    # energy and power (explosive yields in TNT tonnes)
    "kt": (r"kilotons?", r"kilotonnes?"),
    "Mt": (r"megatons?", r"megatonnes?"),
    "kWh": (r"kWh", r"kilowatt[\s-]hours?"),
    "MWh": (r"MWh", r"megawatt[\s-]hours?"),
    "GWh": (r"GWh", r"gigawatt[\s-]hours?"),
    "TWh": (r"TWh", r"terawatt[\s-]hours?"),
    "kW": (r"kW", r"kilowatts?"),
    "MW": (r"MW", r"megawatts?"),
    "GW": (r"GW", r"gigawatts?"),
    "TW": (r"TW", r"terawatts?"),
    "W": (r"watts?",),
    # data
    "KB": (r"KB", r"kilobytes?"),
    "MB": (r"MB", r"megabytes?"),
    "GB": (r"GB", r"gigabytes?"),
    "TB": (r"TB", r"terabytes?"),
    "PB": (r"PB", r"petabytes?"),
    "Mbit/s": (r"Mbps", r"Mb/s", r"megabits?\s+(?:per|a)\s+second"),
    "Gbit/s": (r"Gbps", r"Gb/s", r"gigabits?\s+(?:per|a)\s+second"),
    # devices: battery charge, frequency, brightness, resolution
    "mAh": (r"mAh", r"milliamp[\s-]hours?"),
    "GHz": (r"GHz", r"gigahertz"),
    "MHz": (r"MHz", r"megahertz"),
    "Hz": (r"Hz", r"hertz"),
    "nit": (r"nits",),
    "MP": (r"MP", r"megapixels?"),
}
# Abbreviations that are read only as written (case matters: "C" and "F" after a number, not "c").
_CASED = frozenset(
    (
        "C",
        "F",
        "AU",
        "kWh",
        "MWh",
        "GWh",
        "TWh",
        "kW",
        "MW",
        "GW",
        "TW",
        "KB",
        "MB",
        "GB",
        "TB",
        "PB",
        "hPa",
        "mAh",
        "Mbps",
        "Mb/s",
        "Gbps",
        "Gb/s",
        "GHz",
        "MHz",
        "Hz",
        "MP",
        "in",
    )
)
# Spellings that must touch the number ("55C", "100F", "48MP", "2in"): with a space they are
# initials or words ("a 12 MP", "rose 2 in a row").
_ATTACHED = frozenset(("C", "F", "MP", "in"))
# Spellings that must stand apart ("1.5 m"): touching the number they are a scale ("5m doses").
_SPACED = frozenset(("m",))
_DURATIONS: dict[str, tuple[str, ...]] = {
    "s": (r"seconds?", r"secs?"),
    "min": (r"minutes?", r"mins?"),
    "h": (r"hours?", r"hrs?", r"h"),
    "d": (r"days?",),
    "wk": (r"weeks?",),
    "mo": (r"months?",),
    "yr": (r"years?", r"yrs?", r"decades?", r"centur(?:y|ies)"),
}
_DURATION_FACTOR = {"decade": 10, "decades": 10, "century": 100, "centuries": 100}
_PERCENTS: dict[str, tuple[str, ...]] = {
    "pp": (r"percentage[\s-]points?", r"percentage[\s-]pts?"),
    "bp": (r"basis[\s-]points?", r"bps?"),
    "%": (r"%", r"per\s?cent", r"pc"),
}


def _alternatives(table: dict[str, tuple[str, ...]], kind: str) -> list[tuple[str, str, str]]:
    return [
        (spelling, symbol, kind) for symbol, spellings in table.items() for spelling in spellings
    ]


_ALL = (
    _alternatives(_PERCENTS, "percent")
    + _alternatives(_MEASURES, "measure")
    + _alternatives(_DURATIONS, "duration")
    + [(r"magnitude", "magnitude", "magnitude")]
)
# The longest spelling wins ("square miles" over "miles", "barrels a day" over "barrels").
_ORDERED = sorted(_ALL, key=lambda row: -len(row[0]))
_GROUP = {f"u{i}": (symbol, kind, spelling) for i, (spelling, symbol, kind) in enumerate(_ORDERED)}


def _fragment(name: str, spelling: str) -> str:
    body = spelling if spelling not in _CASED else f"(?-i:{spelling})"
    gap = "" if spelling in _ATTACHED else r"\s" if spelling in _SPACED else r"(?:\s?-?\s?|\s)"
    return f"(?P<{name}>{gap}{body})"


UNIT_AFTER = re.compile(
    "(?:" + "|".join(_fragment(n, s) for n, (_, _, s) in _GROUP.items()) + r")(?![A-Za-z0-9²³])",
    re.IGNORECASE,
)


def unit_after(text: str, pos: int) -> tuple[str, str, int] | None:
    """The unit written right after a number ending at `pos`: (symbol, kind, end), or None."""
    m = UNIT_AFTER.match(text, pos)
    if m is None or m.lastgroup is None:
        return None
    symbol, kind, _ = _GROUP[m.lastgroup]
    return symbol, kind, m.end()


# A word that may stand between a number and its duration unit ("three consecutive days",
# "14 Earth days", "two full years", "three more weeks"); before any other unit it is no unit's.
DURATION_ADJECTIVE = re.compile(
    r"\s+(?:consecutive|straight|successive|full|whole|working|business|calendar|"
    r"(?-i:Earth)|lunar|more|extra|additional|further)\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=256)
def duration_factor(written: str) -> int:
    """How many of its symbol's units one written duration unit is (a decade is 10 years)."""
    return _DURATION_FACTOR.get(written.strip(" -").lower(), 1)


# ISO code of a currency sign or word written before the amount, and of a word after it.
CURRENCY_BEFORE = {
    "$": "USD", "us$": "USD", "usd": "USD", "€": "EUR", "eur": "EUR", "£": "GBP", "gbp": "GBP",
    "¥": "JPY", "jpy": "JPY", "a$": "AUD", "aud": "AUD", "c$": "CAD", "cad": "CAD", "hk$": "HKD",
    "nz$": "NZD", "s$": "SGD", "₹": "INR", "rs": "INR", "rs.": "INR", "inr": "INR", "₩": "KRW",
    "₽": "RUB", "rmb": "CNY", "cny": "CNY", "chf": "CHF",
}  # fmt: skip
# Pence written after the amount ("145.3p a litre") are valued in pence: GBX, as markets write;
# cents likewise in cents ("58 cents", "69 cents a gallon"): USX.
PENCE = re.compile(r"(?-i:p)\b|\s?pence\b", re.IGNORECASE)
CENTS = re.compile(r"\s?cents?\b|¢", re.IGNORECASE)
# "pounds of thrust", "pounds of cocaine": a mass, unless what follows "of" is money
POUNDS_OF_MASS = re.compile(
    r"\s+of\s+(?!(?:the\s+|public\s+|taxpayers'?\s+)?(?:money|funding|funds|cash|debt|"
    r"investment|savings|revenue|spending|profit|losses|damages|compensation)\b)",
    re.IGNORECASE,
)
CURRENCY_AFTER = {
    "dollars": "USD", "dollar": "USD", "euros": "EUR", "euro": "EUR", "pounds": "GBP",
    "pound": "GBP", "sterling": "GBP", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY",
    "rupees": "INR", "rupee": "INR", "roubles": "RUB", "rubles": "RUB", "won": "KRW",
    "francs": "CHF", "usd": "USD", "eur": "EUR", "gbp": "GBP", "jpy": "JPY", "cny": "CNY",
    # cryptocurrencies, by the tickers markets write ("6.25 BTC", "25 bitcoins", "32 ETH")
    "btc": "BTC", "bitcoin": "BTC", "bitcoins": "BTC", "eth": "ETH", "ether": "ETH",
}  # fmt: skip


# A currency named with its country or zone before the word ("1,000 CFA francs", "50 Swiss
# francs", "20 Hong Kong dollars"): the phrase after the amount, longest first.
CURRENCY_PHRASE_AFTER = re.compile(
    r"\s+(?P<w>(?:CFA|Swiss|Hong\s+Kong|Australian|Canadian|New\s+Zealand|Singapore|US|U\.S\.|"
    r"American)\s+(?:francs?|dollars?))\b",
)
_PHRASE_CODES = {
    "cfa": "XOF", "swiss": "CHF", "hong": "HKD", "australian": "AUD", "canadian": "CAD",
    "new": "NZD", "singapore": "SGD", "us": "USD", "u.s.": "USD", "american": "USD",
}  # fmt: skip


def currency_phrase_code(phrase: str) -> str:
    """The ISO code of a currency phrase CURRENCY_PHRASE_AFTER read ("CFA francs": XOF)."""
    return _PHRASE_CODES[phrase.split()[0].lower()]


# Plural nouns without a plural "-s" (and a few the counts keep as written: "police", "staff").
PLURAL_ONLY = word_set(
    "people children men women police staff cattle sheep fish deer personnel troops"
)
_SINGULAR_OF = {"children": "child", "men": "man", "women": "woman"}


def is_plural(word: str) -> bool:
    """Whether a lower-case word reads as a plural noun ("workers", "people"; not "bus")."""
    return word in PLURAL_ONLY or (
        len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is"))
    )


def singular_noun(noun: str) -> str:
    """The head as counts write it: "workers" -> "worker", "cities" -> "city", "women" ->
    "woman"; a plural without "-s" that has no singular stays ("people", "police")."""
    if noun in PLURAL_ONLY:
        return _SINGULAR_OF.get(noun, noun)
    if noun.endswith("ies"):
        return noun[:-3] + "y"
    if noun.endswith(("ches", "shes", "xes", "sses")):
        return noun[:-2]
    return noun[:-1]
