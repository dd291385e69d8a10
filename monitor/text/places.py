"""Which key names are places: a precise, deterministic place tagger over the gazetteer.

Capitalised runs of the headline and the article's opening are matched, longest first,
against :mod:`monitor.text.gazetteer`. A match is a place only when

- it stands alone in its run or next to titles and kinds of institution ("U.S. President",
  "Gaza City"), not inside a longer name ("Paris Hilton", "Washington Post", "Michael
  Jordan", "Texas Instruments"); a country's adjective ("Ukrainian", "North Korean": the
  gazetteer maps it to its country) may stand before any name ("Ukrainian Air Force");
- its name is not an ordinary word the article also writes in lower case;
- it is unambiguous, or the article names the country of exactly one of its readings
  ("Georgia" with Atlanta is the state; alone, it is nothing);
- for a subdivision outside the United States: the article names its country too;
- for a city: the article names the city's country or state, or it is a city of a
  million people (of 250,000 when its name has several words: "Los Angeles") whose name
  is no common English word; such a city is itself even when the article names another
  state ("a Texas man drove into the crowd in New Orleans"), where a smaller town's name
  is not (a Florida town's name in a report that names only Texas).

A capital stands for its country ("Seoul said"), except right after "in", "at", "near" or
"outside", where it is the city itself ("a crush at New Delhi railway station"): a report
from the capital and one from another city of the country then disagree.

The dateline of wire copy ("GOMA, Congo (Wire) —") is where the reporter filed from, which
is not always where the event is: its places are not counted as the article's places (they
are its ``datelines``, evidence of agreement only), and their words are still not actors. :func:`actors` gives the key names that are not places.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from monitor.text.entities import ROLE_WORDS, lead, lower_words
from monitor.text.gazetteer import Place, capital_city, fold, is_demonym, lookup
from monitor.text.priors import is_common
from monitor.text.terms import STOPWORDS, is_title_case, stem

CONTEXT_WORDS = 300
"""Words of the body read to resolve ambiguous names (a city's country, "Georgia")."""
BIG_CITY = 1_000_000
"""A city this large is known by its name alone ("Seoul"), unless that is a common word."""
COMMON_NAME = 0.01
"""A name in more than this share of articles (by the prior) is an ordinary word."""
NAMED_CITY = 250_000
"""A city of several words this large needs no country either ("Los Angeles")."""
NAMESAKE_CITY = 100_000
"""A city smaller than this yields to the subdivision of its name the article names as such
(:func:`_as_subdivision`)."""
MAX_WORDS = 5
DATELINE_DOMINANCE = 10
"""A dateline's city read in another country than the article names is its most populous
reading when that is this many times any other country's ("LAS VEGAS": Nevada, not the
Venezuelan town)."""
_LOCATIVE = frozenset({"in", "at", "near", "outside"})
"""Words before a capital that mean the city itself, not its government ("Seoul says")."""
_REGIONS = frozenset({"north", "south", "east", "west", "central", "northern", "southern"})
"""Words that make a country's adjective a region's ("South American", "West African")."""
_DISTRICTS = frozenset({"quarter", "riviera", "alps"})
"""Words that make a country's adjective part of a place's own name: a district or region
elsewhere ("the French Quarter", "the Italian Riviera", "the Swiss Alps")."""
_CONNECTORS = frozenset(
    {"of", "the", "and", "de", "del", "da", "di", "du", "la", "el", "al", "upon"}
)
_SUBDIVISION_WORDS = frozenset(
    {"prefecture", "prefectural", "province", "provincial", "oblast", "governorate"}
)
"""Words after a name that make it a subdivision ("Ishikawa Prefecture", "Ishikawa's
prefectural government"): :func:`_subdivision_names`."""
_FILLER = ROLE_WORDS | STOPWORDS | {"city", "state", "capital", "region", "province"}
_SUBDIVISION_NAME = re.compile(
    r"\b([A-Z][\w-]*(?: [A-Z][\w-]*){0,2})(?:'s|’s)? (?i:"
    + "|".join(sorted(_SUBDIVISION_WORDS))
    + r")\b"
)
_SUBDIVISION_STEMS = ("prefectur", "provinc", "oblast", "governorate")
"""Every word of :data:`_SUBDIVISION_WORDS` holds one of these (:func:`_may_name_subdivision`)."""
_CASELESS_ASCII = re.compile("[\u0130\u0131\u017f]")
"""The characters besides ASCII letters that a case-insensitive pattern of those stems
matches ("İ", "ı" for i, "ſ" for s): ``str.lower`` does not turn them into the stems."""
_TOKEN = re.compile(r"[^\W\d_][\w’'.&-]*|\d[\d,.:]*|[^\w\s]", re.UNICODE)
_POSSESSIVES = ("'s", "’s")
_ABBREVIATION = re.compile(r"^(?:[A-Za-z]\.)+$")
_DATELINE = re.compile(
    r"^\s*(?P<where>[A-Z][A-Z.'’ -]+?(?:,\s*[A-Z][\w.'’ -]*?)?)"
    r"(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?"  # "SOUTHPORT, England, July 30 (Wire) -"
    r"\s*,?\s*(?:\([^)]*\))?\s*[—–-]{1,2}\s"  # "MUAN, (PRO) –"
)

_COLON_DATELINE = re.compile(r"^\s*(?P<where>[A-Z][A-Z.'’ -]+?):\s")
_BROADCAST_DATELINE = re.compile(r"^\s*[A-Z][\w ]{0,40}? [—–-] (?P<where>[A-Z][A-Z.'’ -]+?)\.\s")
_AP_STATES = {
    "ala": "US-AL", "ariz": "US-AZ", "ark": "US-AR", "calif": "US-CA", "colo": "US-CO",
    "conn": "US-CT", "del": "US-DE", "fla": "US-FL", "ga": "US-GA", "ill": "US-IL",
    "ind": "US-IN", "kan": "US-KS", "ky": "US-KY", "la": "US-LA", "md": "US-MD",
    "mass": "US-MA", "mich": "US-MI", "minn": "US-MN", "miss": "US-MS", "mo": "US-MO",
    "mont": "US-MT", "neb": "US-NE", "nev": "US-NV", "n.h": "US-NH", "n.j": "US-NJ",
    "n.m": "US-NM", "n.y": "US-NY", "n.c": "US-NC", "n.d": "US-ND", "okla": "US-OK",
    "ore": "US-OR", "pa": "US-PA", "r.i": "US-RI", "s.c": "US-SC", "s.d": "US-SD",
    "tenn": "US-TN", "tex": "US-TX", "vt": "US-VT", "va": "US-VA", "wash": "US-WA",
    "w.va": "US-WV", "wis": "US-WI", "wyo": "US-WY", "d.c": "US-DC",
}  # fmt: skip
"""The AP style abbreviations of US states in datelines ("ARLINGTON, Va.")."""


@dataclass(frozen=True)
class Mentions:
    """The places an article's headline and lead name (paths) and every place word it uses."""

    places: frozenset[str]
    words: frozenset[str]
    """Stemmed words of all its place names, the dateline's too: not actors."""
    title_places: frozenset[str] = frozenset()
    """The places of the headline alone (read with the body's context)."""
    datelines: frozenset[str] = frozenset()
    """The places of the dateline ("KYIV, Ukraine (Wire) —", "PHILADELPHIA, Pa. —"): where
    the reporter filed from, kept apart from ``places`` (not always where the event is)."""


@dataclass(frozen=True)
class _Span:
    name: str
    candidates: tuple[Place, ...]
    words: int
    in_lead: bool
    in_title: bool = False
    located: bool = False
    """Whether a preposition of place comes right before it ("at New Delhi station")."""


def _plain(raw: str) -> str:
    """The word a token stands for, in lower case: possessive and sentence stop dropped."""
    token = raw[:-2] if raw.endswith(_POSSESSIVES) else raw
    ends = token.endswith(".") and not _ABBREVIATION.match(token)
    return (token.rstrip(".") if ends else token).lower()


def _runs(text: str) -> list[tuple[list[str], str]]:
    """Capitalised runs: consecutive capitalised tokens, joined by lower-case connectors;
    each with the token before it, in lower case ("at" before "New Delhi")."""
    runs: list[tuple[list[str], str]] = []
    current: list[str] = []
    pending: list[str] = []
    before = last = ""
    for raw in _TOKEN.findall(text):
        if not current and not raw[:1].isupper():
            last = raw  # outside a run an uncapitalised token only becomes the one before
            continue
        token = raw[:-2] if raw.endswith(_POSSESSIVES) else raw
        ends = token.endswith(".") and not _ABBREVIATION.match(token)
        word = token.rstrip(".") if ends else token
        if word[:1].isupper():
            if not current:
                before = _plain(last)
            current.extend(pending)
            pending = []
            current.append(word)
        elif current and word in _CONNECTORS:
            pending.append(word)
        else:
            if current:
                runs.append((current, before))
            current, pending = [], []
        if ends or raw != token:
            if current:
                runs.append((current, before))
            current, pending = [], []
        last = raw
    if current:
        runs.append((current, before))
    return runs


_fold = lru_cache(maxsize=1 << 14)(fold)
""":func:`fold` of the names a run is tried under (cached: names recur across articles)."""


@lru_cache(maxsize=1 << 12)
def _is_filler(word: str) -> bool:
    return _fold(word).rstrip(".") in _FILLER


def _matches(run: list[str], inside: set[str]) -> list[tuple[str, int, bool]]:
    """Gazetteer names in a run, longest first, each standing alone or beside fillers;
    the names found inside a longer name ("Michael Jordan") are added to ``inside``."""
    if len(run) == 1:  # most runs: a lone name has no neighbours, so it stands alone
        return [(run[0], 1, True)] if lookup(run[0]) else []
    found: list[tuple[str, int, bool]] = []
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(run):
        for n in range(min(MAX_WORDS, len(run) - i), 0, -1):
            if run[i] in _CONNECTORS or run[i + n - 1] in _CONNECTORS:
                continue
            name = " ".join(run[i : i + n])
            if lookup(name):
                spans.append((i, i + n))
                i += n
                break
        else:
            i += 1
    matched = set(range(len(run))) - {k for a, b in spans for k in range(a, b)}
    for a, b in spans:
        name = " ".join(run[a:b])
        neighbours = [k for k in (a - 1, b) if 0 <= k < len(run)]
        if is_demonym(name):  # "A Ukrainian Air Force", not "South American", "Royal Thai"
            alone = a == 0 or (_is_filler(run[a - 1]) and _fold(run[a - 1]) not in _REGIONS)
            if b < len(run) and _fold(run[b]) in _DISTRICTS:
                alone = False  # the French Quarter of New Orleans is not France
        else:
            alone = all(k not in matched or _is_filler(run[k]) for k in neighbours)
        if alone:
            found.append((name, b - a, a == 0))
        else:
            inside.add(_fold(name))
    return found


def _spans(
    text: str, in_lead: bool, lower: frozenset[str], inside: set[str], title: bool = False
) -> list[_Span]:
    spans: list[_Span] = []
    for run, before in _runs(text):
        for name, words, first in _matches(run, inside):
            folded = _fold(name)
            if words == 1 and (folded in lower or folded in _FILLER):
                continue
            at = first and before in _LOCATIVE
            spans.append(_Span(name, lookup(name), words, in_lead, title, at))
    return spans


def _context(spans: list[_Span], cities: bool) -> dict[str, set[str]]:
    """Country -> the names that name it without doubt: unambiguous countries and
    subdivisions (and, with ``cities``, unambiguous cities too)."""
    named: dict[str, set[str]] = {}
    for span in spans:
        kinds = {p.kind for p in span.candidates}
        if len({p.country for p in span.candidates}) == 1 and (cities or kinds != {"city"}):
            named.setdefault(span.candidates[0].country, set()).add(_fold(span.name))
    return named


def _elsewhere(named: dict[str, set[str]], country: str, span: _Span) -> bool:
    """Whether another name of the article names ``country``."""
    return bool(named.get(country, set()) - {_fold(span.name)})


def _admins(spans: list[_Span]) -> set[str]:
    return {
        span.candidates[0].path
        for span in spans
        if len(span.candidates) == 1 and span.candidates[0].kind == "subdivision"
    }


def _may_name_subdivision(text: str) -> bool:
    """False only when :data:`_SUBDIVISION_NAME` cannot match ``text``: no word of
    :data:`_SUBDIVISION_WORDS` in it, in any case (a cheap test; most texts name none)."""
    lowered = text.lower()
    return any(stem in lowered for stem in _SUBDIVISION_STEMS) or bool(_CASELESS_ASCII.search(text))


def _subdivision_names(text: str) -> frozenset[str]:
    """The (folded) names the text calls a subdivision anywhere: "Ishikawa Prefecture",
    "Ishikawa's prefectural government", "Cherkasy Oblast" (:data:`_SUBDIVISION_WORDS`)."""
    if not _may_name_subdivision(text):
        return frozenset()
    found: set[str] = set()
    for match in _SUBDIVISION_NAME.finditer(text):
        words = match.group(1).split()
        found.update(_fold(" ".join(words[i:])) for i in range(len(words)))
    return frozenset(found)


def _as_subdivision(span: _Span, place: Place, subdivisions: frozenset[str]) -> Place:
    """A small city's reading (under :data:`NAMESAKE_CITY`) of a name the article calls a
    subdivision elsewhere is that subdivision of the city's country, when the gazetteer has
    one by that name: "Toll in Ishikawa rises" after "Ishikawa's prefectural government" is
    the prefecture, not the small Okinawan city of that name that would clash with Wajima
    inside it. A larger city keeps its reading: it is most often the subdivision's own
    capital ("Herat province" and the city of Herat), which agrees with its cities anyway."""
    if place.kind != "city" or place.population >= NAMESAKE_CITY:
        return place
    if _fold(span.name) not in subdivisions:
        return place
    for other in span.candidates:
        if other.kind == "subdivision" and other.country == place.country:
            return other
    return place


def _resolve(
    span: _Span,
    countries: dict[str, set[str]],
    hints: dict[str, set[str]],
    admins: set[str],
    subdivisions: frozenset[str] = frozenset(),
) -> Place | None:
    """The one reading of a name the article supports, or None. ``countries``: the
    countries it names without doubt; ``hints``: those and the countries of its cities;
    ``subdivisions``: the names it calls a subdivision (:func:`_subdivision_names`)."""
    groups = {p.country for p in span.candidates}
    candidates = span.candidates
    if len(groups) > 1:
        named = {c for c in groups if _elsewhere(hints, c, span)}
        if len(named) != 1:
            top = span.candidates[0]
            if top.kind != "country" or any(p.kind == "subdivision" for p in candidates):
                return None  # "Georgia" alone: the country or the state
            named = {top.country}
        candidates = tuple(p for p in candidates if p.country in named)
    place = _as_subdivision(span, candidates[0], subdivisions)
    if place.kind == "country" or (place.kind == "subdivision" and place.country == "US"):
        return place
    state = place.path.split(":")[1] if place.path.count(":") == 2 else ""
    if state and f"US:{state}" in admins:
        return place  # Abilene with Texas
    big = BIG_CITY if span.words == 1 else NAMED_CITY
    known = place.kind == "city" and place.population >= big
    if known and not is_common(_fold(span.name), COMMON_NAME):
        return place  # New Orleans in a report of a Texas man: known by its name alone
    if state and any(a.startswith(f"{place.country}:") for a in admins):
        return None  # a Florida town's name in a report that names only Texas
    if _elsewhere(countries, place.country, span):
        return place  # Kagera with Tanzania, Goma with Congo
    return None


def _dateline(text: str) -> tuple[str, str]:
    """The dateline's place part and the text after it, in any of the wire styles
    (:func:`filed_from`); ("", text) if none. The dateline is where the reporter filed
    from, so its words are not read as the lead's places."""
    for pattern in (_DATELINE, _COLON_DATELINE, _BROADCAST_DATELINE):
        match = pattern.match(text)
        if match is not None and len(match.group("where")) <= 60:
            return match.group("where"), text[match.end() :]
    return "", text


def filed_from(text: str) -> str:
    """The place part of a dateline in any of the wire styles: "KYIV, Ukraine (Wire) —",
    "KYIV, (PRO) –", "LAS VEGAS, Nov 3 (Wire) -", "SOUTHPORT, England, July 30 (Wire) -",
    "MEXICO CITY:", "Broadcaster News — LAS VEGAS."; "" if none."""
    return _dateline(text)[0]


def _qualifier(part: str) -> Place | None:
    """The state or country after a dateline's city: "Pa." (AP style), "Texas", "Ukraine"."""
    state = _AP_STATES.get(part.lower().rstrip(".").replace(" ", ""))
    if state is not None:
        return Place(f"US:{state}", "subdivision")
    found = [p for p in lookup(part) if p.kind != "city"]
    return found[0] if len(found) == 1 else None


def dateline_places(where: str, countries: Mapping[str, set[str]]) -> frozenset[str]:
    """The places of a dateline's place part (:func:`filed_from`). A dateline names a place
    by construction, so a city there needs no country and may be a common word ("HOUSTON",
    "PHILADELPHIA"): its most populous reading, in the state or country the dateline adds
    ("ARLINGTON, Va."), else in the one country all its readings share or the article names,
    else the reading :data:`DATELINE_DOMINANCE` times as populous as any other country's."""
    parts = [p.strip() for p in where.split(",") if p.strip()]
    if not parts:
        return frozenset()
    found: set[str] = set()
    qualifier = _qualifier(parts[1]) if len(parts) > 1 else None
    if qualifier is not None:
        found.add(qualifier.path)
    readings = lookup(parts[0].title())
    if qualifier is not None:
        prefix = qualifier.path
        readings = tuple(p for p in readings if p.path == prefix or p.path.startswith(prefix + ":"))
    elif len({p.country for p in readings}) > 1:
        named = tuple(p for p in readings if p.country in countries)
        rival = max(p.population for p in readings if p.country != readings[0].country)
        dominant = readings[0].population >= DATELINE_DOMINANCE * max(rival, 1)
        readings = named or (readings[:1] if dominant else ())
    if readings and len({p.country for p in readings}) == 1:
        found.add(readings[0].path)
    return frozenset(found)


def mentions(title: str, text: str) -> Mentions:
    """The places of the headline (unless Title Cased) and lead of an article."""
    dateline, body = _dateline(text)
    lower = lower_words(text)
    context = " ".join(body.split()[:CONTEXT_WORDS])
    opening = lead(body)
    inside: set[str] = set()
    spans = _spans(opening, True, lower, inside)
    if not is_title_case(title):
        spans += _spans(title, True, lower, inside, title=True)
    spans += _spans(context[len(opening) :], False, lower, inside)
    spans += _spans(dateline.title(), False, lower, inside)
    spans = [s for s in spans if _fold(s.name) not in inside]
    countries = _context(spans, cities=False)
    hints = _context(spans, cities=True)
    admins = _admins(spans)
    subdivisions = _subdivision_names(f"{title}\n{text}")
    for span in spans:  # a resolved "Georgia" (with Atlanta) names its country in turn
        place = _resolve(span, countries, hints, admins, subdivisions)
        if place is not None and place.kind != "city":
            countries.setdefault(place.country, set()).add(_fold(span.name))
            if place.kind == "subdivision":
                admins.add(place.path)
    places: set[str] = set()
    title_places: set[str] = set()
    words: set[str] = set()
    for span in spans:
        place = _resolve(span, countries, hints, admins, subdivisions)
        if place is None:
            continue
        words.update(stem(_fold(w)) for w in span.name.split() if not _is_filler(w))
        if span.located:
            place = capital_city(place)
        if span.in_lead:
            places.add(place.path)
        if span.in_title:
            title_places.add(place.path)
    datelines = dateline_places(filed_from(text), countries)
    return Mentions(
        frozenset(places), frozenset(words), frozenset(title_places), frozenset(datelines)
    )


def actors(keys: frozenset[str], place_words: frozenset[str]) -> frozenset[str]:
    """Key names that are not place words: the people and organisations."""
    return frozenset(k for k in keys if k not in place_words)
