"""Quantities whose unit is read from their context rather than written after the number.

- frequency counts: "raised rates nine times in 12 months" is a count of `time`; a multiplier
  ("13 times farther", "three times the size") is not a quantity;
- points: "lost 458 points", "28 points and 16 rebounds", "a one-point lead" are counts of
  `point` (percentage and basis points are units of their own, read by the grammar);
- the market report frame "fell 458 points, or 1.9%, to 23,644": the index level is a count of
  `point` too;
- a stock index's close: "the Nikkei 225 rose 0.7% to close at 40,003", "the Dow ended the day
  at 38,000", "the S&P 500 gained 1.2% to 5,123.41": a bare number after a closing verb and
  "at", or after a percentage move and "to", in a sentence naming an index, is a count of
  `point`;
- a unit carried over (ellipsis): "reached 48 degrees Celsius and never fell below 27", "Iowa
  projects 187 bushels an acre, with Illinois close behind at 179": a bare number after a
  preposition takes the unit of the measure just before it in the sentence; a race time after
  "in" takes the seconds of the time just before it when written to the same decimals ("won in
  9.784 seconds, with Thompson second in 9.789");
- dimensions: "26 by 48 inches", "3 x 4 metres": the first side takes the unit written after
  the second;
- named numbers: "S&P 500", "Russell 2000", "Apollo 17", "Game 5" name things, they count none.
"""

from __future__ import annotations

import re
from dataclasses import replace

from monitor.text.quantity_grammar import Amount, bare_numbers
from monitor.text.quantity_units import is_plural, singular_noun
from monitor.text.sentences import word_set

_COMPARATIVE = (
    r"as|more|less|fewer|the|that|what|its|their|his|her|our|this|a|an|over|normal|average|"
    r"bigger|larger|higher|greater|faster|farther|further|longer|smaller|lower|heavier|"
    r"stronger|deadlier|wider|richer|cheaper|hotter|brighter|denser|likelier|worse|better|"
    r"closer|nearer|slower|weaker|colder|cooler|deeper|taller|smaller|costlier|riskier|quicker"
)
_TIMES = re.compile(rf"\s+times\b(?!\s+(?:{_COMPARATIVE})\b)", re.IGNORECASE)
_POINTS = re.compile(r"[\s-]points?\b|\s+pts?\b", re.IGNORECASE)
_LEVEL = re.compile(
    r"[\s-]points?,?\s+or\s+[\d.]+\s?(?:%|per\s?cent),?\s+(?:to|at)\s+"
    r"(?P<level>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\d%])",
    re.IGNORECASE,
)
_CARRY_BEFORE = re.compile(
    r"(?:\b(?:at|to|from|below|above|under|over|than|and|between|reached|hit)\s+)$",
    re.IGNORECASE,
)
_CARRY_AFTER = re.compile(
    r"\s*(?:[,;)]|\.(?!\d)|$)|\s+(?:a\s+(?:year|month|week|day)|in|on|by|for|last|this|earlier|"
    r"before|previously|overnight|yesterday|today)\b",
    re.IGNORECASE,
)
_CLOSE_AT = re.compile(
    r"\b(?:clos(?:e|ed|es|ing)|end(?:ed|s|ing)?|finish(?:ed|es|ing)?|settl(?:e|ed|es|ing)|"
    r"open(?:ed|s|ing)?|stood|st(?:and|ands|anding))\s+(?:the\s+(?:day|session|week|year)\s+)?"
    r"at\s+$",
    re.IGNORECASE,
)
# "the S&P 500 gained 1.2% to 5,123.41": the market report's level after a percentage move
_MOVED_TO = re.compile(
    r"\b(?:rose|fell|gained|lost|climbed|dropped|slipped|jumped|added|shed|sank|rallied|"
    r"tumbled|advanced|declined|edged\s+(?:up|down|higher|lower))\s+[\d.]+\s?(?:%|per\s?cent),?"
    r"\s+to\s+$",
    re.IGNORECASE,
)
_INDEX_NAME = re.compile(
    r"\b(?:Nikkei|Dow|Nasdaq|S&P|FTSE|DAX|CAC|Hang\s+Seng|Sensex|Nifty|Kospi|Topix|Stoxx|ASX|"
    r"Ibovespa|TSX|(?i:index|indices|indexes))\b"
)
_CLOSE_REACH = 30
_BY = re.compile(r"\s*(?:by|x|×)\s*", re.IGNORECASE)
# "in 28.97 seconds, against 30.23 for Milak": a time compared with a time carries its unit
_VERSUS_BEFORE = re.compile(r"\b(?:against|versus|vs\.?|compared\s+with)\s+$", re.IGNORECASE)
# "won in 9.784 seconds, with Thompson second in 9.789": a race time after "in", written to the
# same decimals as a time in seconds just before it, is a time in seconds too
_IN_BEFORE = re.compile(r"\bin\s+$", re.IGNORECASE)
_DECIMALS = re.compile(r"\.(\d+)")
_BETWEEN_BARE = re.compile(r"\bbetween\s+$", re.IGNORECASE)
_AND_GAP = re.compile(r"\s+and\s+", re.IGNORECASE)
_CARRIED = frozenset(("measure",))  # a duration before "rose to 57" is rarely 57's unit
_CARRY_REACH = 60
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")
# a capitalised word or a camel-cased one ("iPhone 15", "eVTOL 2"): a name's first part
_NAME_BEFORE = re.compile(r"(?<![\w&.])(?P<name>[A-Z][\w&]*|[a-z]+[A-Z][\w&]*)\s$")
_NAME_AFTER = re.compile(r"\s+[A-Z][a-z]")
# "in neighbouring Syria 14 people were hurt": a place, then a count ("in the S&P 500" is a name)
_PLACE_BEFORE = re.compile(
    r"\b(?i:in|at|across|from|throughout|inside|outside|near|around)(?:\s+[a-z][\w-]*)?$"
)
# "Georgia 33, Florida 20, Tennessee 12 and Virginia two": a list of places and their counts
_LIST_BEFORE = re.compile(r"\w+\s*(?:,|\band)$")
_LIST_AFTER = re.compile(r"\s*(?:,|\band\b)\s*[A-Z][\w&]*\s+(?:\d|[a-z]+\b)")
_WORD = re.compile(r"\b[A-Za-z][a-z]{3,}\b")  # words of four letters or more
_TITLE_SHARE = 0.6
_NOT_NAMES = word_set(
    """January February March April May June July August September October November December
    Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Monday Tuesday Wednesday Thursday Friday
    Saturday Sunday About Around Some Nearly Almost Over More Less Fewer Only Just Roughly
    Approximately Up At By To From With Of In On Than And Or"""
)


def _is_year(amount: Amount, text: str) -> bool:
    written = text[amount.start : amount.end]
    return written.isdigit() and len(written) == 4 and 1800 <= amount.value <= 2100


def context_amounts(text: str, amounts: list[Amount]) -> list[Amount]:
    """The amounts the context gives a unit: frequency and point counts, index levels, carried
    units. `amounts` are the grammar's (read_amounts) for the same text; none is overlapped."""
    out: list[Amount] = []
    levels = {m.start("level") for m in _LEVEL.finditer(text)}
    taken = list(amounts)
    bare = bare_numbers(text)
    for n in bare:
        if any(n.start < a.end and a.start < n.end for a in taken):
            continue
        found = _read(text, n, levels, amounts, bare)
        if found is not None:
            out.append(found)
            taken.append(found)
    return out


# Points of a share are percentage points: "the Conservative share dropped 20 points to 24%",
# "Labour's share rose 17 points"; points of an index or a game stay counts of `point`.
_SHARE_BEFORE = re.compile(
    r"\b(?:shares?|turnout|approval|support|vote)\b[^,.;]{0,40}$", re.IGNORECASE
)
_TO_A_PERCENT = re.compile(r"\s+(?:to|from)\s+[\d.]+\s?(?:%|per\s?cent)", re.IGNORECASE)


def _share_points(text: str, start: int, end: int) -> bool:
    if _TO_A_PERCENT.match(text, end):
        return True
    return bool(_SHARE_BEFORE.search(text, max(0, start - 48), start))


def _read(
    text: str, n: Amount, levels: set[int], amounts: list[Amount], bare: list[Amount]
) -> Amount | None:
    times = _TIMES.match(text, n.end)
    if times:
        return replace(n, kind="count", unit="time", unit_text="times")
    points = _POINTS.match(text, n.end)
    if points and _share_points(text, n.start, points.end()):
        return replace(
            n, kind="percent", unit="pp", unit_text=points[0].strip(" -"), end=points.end()
        )
    if points:
        return replace(n, kind="count", unit="point", unit_text=points[0].strip(" -"))
    if n.start in levels or _index_close(text, n):
        return replace(n, kind="count", unit="point", unit_text="")
    return (
        _carried_range(text, n, amounts, bare)
        or _side(text, n, amounts)
        or _carried(text, n, amounts, bare)
    )


def _index_close(text: str, n: Amount) -> bool:
    """A stock index's level after a closing verb: "rose 0.7% to close at 40,003"."""
    if _is_year(n, text):
        return False
    lookback = max(0, n.start - _CLOSE_REACH)
    if not (_CLOSE_AT.search(text, lookback, n.start) or _MOVED_TO.search(text, lookback, n.start)):
        return False
    starts = [m.end() for m in _SENTENCE_END.finditer(text, 0, n.start)]
    return bool(_INDEX_NAME.search(text, starts[-1] if starts else 0, n.start))


def _side(text: str, n: Amount, amounts: list[Amount]) -> Amount | None:
    """The first side of a dimension ("26 by 48 inches"): the unit of the measure after "by"."""
    after = next((a for a in amounts if a.start >= n.end), None)
    if after is None or after.kind != "measure" or after.high is not None:
        return None
    if not _BY.fullmatch(text, n.end, after.start):
        return None
    return replace(n, kind=after.kind, unit=after.unit, unit_text="")


def _carried_range(
    text: str, n: Amount, amounts: list[Amount], bare: list[Amount]
) -> Amount | None:
    """ "270 to 350 miles ..., and the F-150 between 230 and 320": a bare "between A and B" takes
    the unit of the measure just before it in the sentence, as a single number does."""
    between = _BETWEEN_BARE.search(text, max(0, n.start - 10), n.start)
    following = [b for b in bare if b.start >= n.end]
    if between is None or not following or not _AND_GAP.fullmatch(text, n.end, following[0].start):
        return None
    high = following[0]
    carried = _carried(text, replace(n, end=high.end), amounts, bare)
    if carried is None or high.value <= n.value:
        return None
    return replace(carried, high=high.value, start=between.start(), end=high.end, joined=True)


def _carried(text: str, n: Amount, amounts: list[Amount], bare: list[Amount]) -> Amount | None:
    """The unit of the amount just before, when that amount is the number right before `n`
    in the same sentence and close to it ("48 degrees ... and never fell below 27")."""
    reach = max(0, n.start - 16)
    before = [a for a in amounts if a.end <= n.start]
    last = before[-1] if before else None
    timed = (
        last is not None and _same_time(text, last, n) and _IN_BEFORE.search(text, reach, n.start)
    )
    before_ok = (
        _CARRY_BEFORE.search(text, reach, n.start)
        or _VERSUS_BEFORE.search(text, reach, n.start)
        or timed
    )
    if _is_year(n, text) or not before_ok or last is None:
        return None
    if not _CARRY_AFTER.match(text, n.end):
        return None
    compared = last.kind == "duration" and (
        _VERSUS_BEFORE.search(text, max(0, n.start - 16), n.start) or timed
    )
    if (last.kind not in _CARRIED and not compared) or n.start - last.end > _CARRY_REACH:
        return None
    if _SENTENCE_END.search(text, last.end, n.start):
        return None
    if any(last.end <= b.start and b.end <= n.start for b in bare):
        return None  # another number stands between: "rose to 219 and ... to 93"
    return replace(n, kind=last.kind, unit=last.unit, unit_text="")


def _same_time(text: str, last: Amount, n: Amount) -> bool:
    """Whether `n` is written as the time in seconds `last` is: two or more decimals, as many."""
    if last.kind != "duration" or last.unit != "s":
        return False
    ours = _DECIMALS.search(text, n.start, n.end)
    theirs = _DECIMALS.search(text, last.start, last.end)
    return ours is not None and theirs is not None and len(ours[1]) == len(theirs[1]) >= 2


# ranked lists and indices named by their size: "Fortune 500 companies", "the FTSE 100", even
# as the sentence's first words
_LIST_NAME_BEFORE = re.compile(
    r"\b(?:Fortune(?:\s+Global)?|S&P|FTSE|Nikkei|Russell|Stoxx|Nifty|ASX|Kospi|CAC|Inc\.)\s$"
)


def is_named(text: str, start: int, written: str) -> bool:
    """Whether the number opening `written` at `start` is part of a name ("S&P 500",
    "Russell 2000", "Apollo 17", "iPhone 15"): right after a capitalised word that is not the
    sentence's first, written as a plain integer; or a capitalised number word inside a
    sentence before another capitalised word ("Seven Summit Treks", "the Big Ten Conference")."""
    if written.isalpha() and written[:1].isupper():
        return _word_in_name(text, start, written)
    if not written.isdigit():
        return False
    if _LIST_NAME_BEFORE.search(text, max(0, start - 16), start):
        return True
    m = _NAME_BEFORE.search(text, max(0, start - 30), start)
    if m is None or m["name"] in _NOT_NAMES:
        return False
    head = text[: m.start()].rstrip()
    if not head or head[-1] in ".!?:\"'“":
        return False
    listed = _LIST_BEFORE.search(head) or _LIST_AFTER.match(text, start + len(written))
    return not (_PLACE_BEFORE.search(head) or listed or _title_case(text))


def _word_in_name(text: str, start: int, written: str) -> bool:
    head = text[:start].rstrip()
    if not head or head[-1] in ".!?:\"'“(":
        return False  # the sentence's first word is capitalised whatever it is
    return bool(_NAME_AFTER.match(text, start + len(written))) and not _title_case(text)


def _title_case(text: str) -> bool:
    """A headline written in title case ("Iran Missile Strikes Kill 10 In Israel"), where a
    capital says nothing of a name."""
    words = _WORD.findall(text)
    capitals = sum(w[0].isupper() for w in words)
    return len(words) >= 5 and capitals >= _TITLE_SHARE * len(words)


# A count the claims extractor leaves (it reads the counts of events; a report counts anything):
# a number, at most one modifier, then a plural noun ("3,200 workers", "1,274 measles cases").
_PLURAL_AFTER = re.compile(r"\s+(?:(?P<mod>[a-z][a-z-]*)\s+)?(?P<noun>[a-z][a-z-]*)\b")
_NOT_NOUNS = word_set(
    """of in on at by to for from with and or but the a an as than that this these those who
    which were was are is be been have has had will would could should may might can did do
    does not no more less fewer still also each per times points its their his her our
    whereas across towards besides perhaps afterwards sometimes always seconds minutes hours
    days weeks months years decades centuries"""
)
_NUMBERED = re.compile(
    r"(?:\bNo\.|#|\bnumber|\bpage|\bp\.|\bday|\baged?|\bages)\s*$", re.IGNORECASE
)
# "three in every 1,000 infected children": a ratio
_NUMBER_WORDS = word_set("two three four five six seven eight nine ten dozen hundred thousand")
_RATIO = re.compile(
    r"(?:\b(?:one|two|three|four|five|six|seven|eight|nine|ten)|\d)\s+(?:in|out\s+of)\s+"
    r"(?:every\s+)?$",
    re.IGNORECASE,
)
_MONTH_BEFORE = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+$"
)


def noun_counts(text: str, taken: list[tuple[int, int]]) -> list[Amount]:
    """Counts of a plural noun right after a number no other reader took: "3,200 workers",
    "69 offences", "five deli meats". Years, dates, named and numbered things are none."""
    out = []
    for n in bare_numbers(text):
        if any(n.start < end and start < n.end for start, end in taken) or n.value == 1:
            continue
        m = _PLURAL_AFTER.match(text, n.end)
        if m is None or _is_year(n, text):
            continue
        mod, noun = m["mod"], m["noun"]
        if mod and mod in _NUMBER_WORDS:
            continue  # "1,100 two weeks earlier"
        if mod and (mod in _NOT_NOUNS or is_plural(mod)):
            mod, noun = None, mod  # "38 people died": the noun is the first word
        if noun in _NOT_NOUNS or not is_plural(noun):
            continue
        before = text[max(0, n.start - 24) : n.start]
        if _NUMBERED.search(before) or _MONTH_BEFORE.search(before) or _RATIO.search(before):
            continue
        if is_named(text, n.start, text[n.start : n.end]):
            continue
        out.append(replace(n, kind="count", unit=singular_noun(noun), unit_text=noun))
    return out
