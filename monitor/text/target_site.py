"""The site an event hits, named in a lead: the printing house, the DIY store, the hospital.

Two strikes on one city days apart share the city, the kind and most words; what tells
them apart is the site each hit ("missiles hit a printing house" against "bombs struck the
Epicentr store"). :func:`target_sites` reads the object of an event verb ("hit", "struck",
"destroyed", "tore through" ...) or the complement of an event noun ("the strike on a
building-supplies store", "the fire at a nightclub") and names the site's class from its
head noun: a store (store, shop, hypermarket, supermarket, mall, market), a plant (plant,
factory, works), printing (a printing house, press or plant: the trade outranks the head),
a hospital, a school, a station, a port, a church, a hotel, a club, an apartment block, a
power plant, a refinery, a warehouse, a bridge, a depot, an airport, a vehicle (a car, a bus,
a convoy: a drone strike on a car is not the bombing at the airport gate days before). Classes, not words, so
"hypermarket" and "building-supplies store" agree. Pure and deterministic.
"""

from __future__ import annotations

import re

_VERB = (
    r"(?:hit|hits|struck|strikes|bombed|shelled|attacked|destroyed|damaged|targeted|"
    r"tore through|ripped through|swept through|gutted|guts|slammed into|engulfed)"
)
_NOUN = r"(?:strikes?|attacks?|bombing|fire|blaze|explosion|blast|raid)"
_OBJECT = r"(?P<obj>(?:[\w'’-]+\s+){0,8}?)"
_SITES: tuple[tuple[str, str], ...] = (
    (
        "printing",
        r"printing(?:\s+(?:house|houses|works|plant|press|company|firm))?|printer|publisher",
    ),
    ("power", r"power (?:plant|station)|substation|energy facility|thermal plant"),
    ("refinery", r"refinery|oil depot|fuel depot"),
    ("store", r"store|shop|hypermarket|supermarket|shopping (?:centre|center|mall)|mall|market"),
    ("hospital", r"hospital|clinic|maternity"),
    ("school", r"school|kindergarten|university"),
    ("station", r"railway station|train station|bus station|station"),
    ("port", r"port|harbou?r|grain terminal"),
    ("church", r"church|cathedral|mosque|synagogue|monastery"),
    ("hotel", r"hotel"),
    ("club", r"nightclub|club|bar|restaurant|cafe|café"),
    ("housing", r"apartment (?:block|building)|residential (?:block|building)|high-rise|dormitory"),
    ("warehouse", r"warehouse"),
    ("bridge", r"bridge"),
    ("plant", r"plant|factory|works"),
    ("airport", r"airport|airfield|air base|airbase"),
    ("vehicle", r"car|cars|vehicle|vehicles|bus|minibus|truck|lorry|van|convoy"),
)
_SITE = "|".join(f"(?P<{name}>\\b(?:{pattern})\\b)" for name, pattern in _SITES)
# Each look-ahead only skips, cheaply, the words no verb (noun) of an event starts with.
_AFTER_VERB = re.compile(
    r"\b(?=[abdeghrst])" + _VERB + r"\s+" + _OBJECT + r"(?:" + _SITE + r")", re.IGNORECASE
)
_AFTER_NOUN = re.compile(
    r"\b(?=[abefrs])" + _NOUN + r"\s+(?:on|at|in)\s+" + _OBJECT + r"(?:" + _SITE + r")",
    re.IGNORECASE,
)
_CLAUSE = re.compile(r"[.;:!?,]")


def target_sites(title: str, lead: str) -> frozenset[str]:
    """Classes of the sites the event hits in the headline and lead (see the module
    docstring); the object may run up to eight words before its head, within a clause."""
    found: set[str] = set()
    for text in (title, lead):
        for pattern in (_AFTER_VERB, _AFTER_NOUN):
            for m in pattern.finditer(text):
                if _CLAUSE.search(m.group("obj")):
                    continue
                found.update(name for name, _ in _SITES if m.group(name))
    return frozenset(found)
