"""What kind of event an article reports: a small lexicon of event-type words.

Two reports of one event use words of the same kind ("quake", "magnitude", "aftershock");
two events on one subject and day often do not (a missile launch and an arms shipment, a
drone strike and a factory fire). Each lexicon word names one or more kinds; an article's
kinds are counted in its headline and lead, where the event is named. The lexicon is
generic English news vocabulary, not drawn from any evaluation set.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping

from monitor.text.terms import content_words

_LEXICON_TEXT = """
attack: airstrike air-strike drone bomb bombing bombed shelling shelled attack attacked
  explosion blast gunman gunmen shooting stabbing assault offensive airstrikes shooter
  gunfire gunshot assassination assassinated
missile: missile ballistic hypersonic warhead icbm
launch: launch launched liftoff lift-off orbit spacecraft rocket
quake: earthquake quake tremor aftershock magnitude seismic tsunami
fire: fire blaze wildfire firefighters arson
flood: flood flooding flooded deluge rainfall landslide mudslide
storm: storm typhoon hurricane cyclone tornado gale landfall
heat: heatwave drought
crash: crash crashed derailment derailed collision collided capsized capsize wreckage sank
  sinking sunk sunken
stampede: stampede crush
court: court ruling ruled judge verdict sentenced convicted conviction guilty acquitted
  trial lawsuit sued indictment indicted prosecutors jury bail charged
antitrust: antitrust regulator watchdog fined competition
rates: interest inflation monetary borrowing
earnings: profit profits revenue quarterly earnings dividend
recall: recall recalled defect defective
election: election voter voting ballot runoff referendum elected
outbreak: outbreak measles flu influenza virus infection infected vaccine vaccination
  epidemic cholera ebola marburg
deal: merger takeover acquisition acquire treaty accord
labour: walkout stoppage picket
strike: strike strikes striking
outage: outage blackout offline
tariff: tariff tariffs levies levy duties
shipment: shipment shipments shipped cargo munitions exports containers ammunition arms
  deliveries transfers
ceasefire: ceasefire truce hostage hostages
protest: protest protesters demonstration demonstrators
sport: semi-final championship marathon tournament
arrest: arrest arrested detain detained detention seized seizure smuggling custody
resign: resign resigned resignation ousted
deploy: troops deployed deploy deployment reinforcements mobilised mobilized
casualty: wounded casualties losses captured
suspend: pause paused pauses postpone postponed delay delayed suspend suspended reprieve
sentence: jail jailed sentenced sentence prison imprisoned
riot: riot riots rioting rioted rioters looting looted looters unrest disorder
mourning: mourning mourn mourners funeral funerals burial bury buried vigil vigils condolences
inquiry: investigation inquiry probe investigate investigating investigators inquest
"""


def _lexicon() -> dict[str, frozenset[str]]:
    kinds: dict[str, set[str]] = {}
    kind = ""
    for token in _LEXICON_TEXT.split():
        if token.endswith(":"):
            kind = token[:-1]
            continue
        for word in content_words(token):
            kinds.setdefault(word, set()).add(kind)
    return {word: frozenset(found) for word, found in kinds.items()}


LEXICON = _lexicon()
"""Normal word form -> the event kinds it names."""


# Words of an event kind that name a service, a unit or a weapon's firing, not an event of
# that kind: "fire officials said", "riot police", "opened fire", "fired tear gas"; a
# shooting is named by its own words (gunman, shots), and a crush or an assassination that
# riot police gassed is no riot.
_NOT_THE_EVENT = re.compile(
    r"\b(?:riot\s+(?:police|policemen|officers?|squads?|units?|gear|shields?|"
    r"control|commanders?|troops?)|opened\s+fire|open\s+fire|fired?\s+(?:tear\s+gas|"
    r"shots?|bullets?|rubber|warning)|fired\s+(?:at|on|into)|"
    r"tear\s+gas(?:\s+(?:was|were))?(?:\s+fired)?)\b",
    re.IGNORECASE,
)


# A collapse is an incident only when a structure falls: a bank, a state or talks also
# "collapse", so the word alone names no kind; a building, bridge or dam that collapses,
# caves in, gives way or bursts (or "the collapse of" one) does.
_STRUCTURES = (
    r"(?:buildings?|bridges?|footbridges?|flyovers?|overpass(?:es)?|viaducts?|dams?|towers?|"
    r"roofs?|blocks?|walls?|ceilings?|stands?|structures?|mines?|condos?|condominiums?|"
    r"apartments?|hotels?|factor(?:y|ies)|schools?|churche?s?|mosques?|temples?|stadiums?|"
    r"spires?|cranes?|tunnels?|embankments?|levees?|plaza)"
)
_COLLAPSE = re.compile(
    rf"\b{_STRUCTURES}(?:\s+\w+){{0,3}}?\s+(?:collapsed?|collapses|collapsing|caved|caves|"
    rf"gave\s+way|gives\s+way|burst|bursts)\b|\bcollapse\s+of\s+(?:\w+\s+){{0,3}}?{_STRUCTURES}\b",
    re.IGNORECASE,
)


def event_kinds(title: str, lead_text: str) -> Counter[str]:
    """Event kinds named in the headline (counted twice) and the lead; a kind's word that
    names a service, a unit or a firing ("fire officials", "riot police", "opened fire")
    names no event of that kind, and a structure's fall names a collapse (:data:`_COLLAPSE`)."""
    found: Counter[str] = Counter()
    get = LEXICON.get
    for weight, text in ((2, title), (1, lead_text)):
        if "ire" in text or "iot" in text or "gas" in text:
            text = _SERVICE.sub(" ", _NOT_THE_EVENT.sub(" ", text))
        for kinds in filter(None, map(get, content_words(text))):  # most words name no kind
            for kind in kinds:
                found[kind] += weight
        if "ollaps" in text or "burst" in text or "cave" in text or "way" in text:
            hits = len(_COLLAPSE.findall(text))
            if hits:
                found["collapse"] += weight * hits
    return found


# Kinds that name what an event is (a disaster, a disease, violence, a labour dispute),
# grouped by family: one event is often named by several kinds of a family (Storm Daniel's
# floods, airstrikes and strikes). The other kinds (a court, an arrest, a recall) name who
# reports or acts as often as what happened, and say nothing here.
_FAMILIES = {
    "storm": ("weather",), "flood": ("weather",), "heat": ("weather",), "quake": ("quake",),
    "fire": ("fire",), "outbreak": ("outbreak",), "attack": ("violence",),
    "missile": ("violence",), "strike": ("violence", "labour"), "labour": ("labour",),
    "crash": ("crash",), "stampede": ("stampede",), "collapse": ("collapse",),
}  # fmt: skip


# A service named after what it fights is no event of that kind ("fire officials said").
_SERVICE = re.compile(
    r"\bfire\s+(?:officials?|department|departments|service|services|chiefs?|brigades?|crews?|"
    r"authorities|agency|station|stations|trucks?|engines?|marshals?|safety|fighters?|"
    r"and\s+rescue|rescue)\b",
    re.IGNORECASE,
)


# A drone as a tool names no attack ("an underwater drone joined the search").
_TOOL_DRONE = re.compile(
    r"\b(?:underwater|surveillance|search|rescue|camera|delivery|mapping|survey|police)"
    r"\s+drones?\b",
    re.IGNORECASE,
)


def event_families(text: str) -> frozenset[str]:
    """The families of the events a text names ("The cyclone struck" -> weather)."""
    if "ire " in text:
        text = _SERVICE.sub(" ", text)
    if "drone" in text:
        text = _TOOL_DRONE.sub(" ", text)
    return frozenset(
        family
        for word in content_words(text)
        for kind in LEXICON.get(word, ())
        for family in _FAMILIES.get(kind, ())
    )


# Event phases: the kinds one occurrence goes on to be reported in. An incident (a quake,
# a fire, a crash, an attack, a riot) is followed by its aftermath (arrests and detentions,
# a court appearance, the wounded counted, funerals and mourning, an inquiry opened) and by
# what it sets off (a quake's landslides and fires, a derailment's fire and explosions, a
# riot's arson). A follow-up in those kinds names the same event in a later phase, while a
# report of another incident kind (the riot after a stabbing, a government's resignation
# after a fire) names another event. The table is generic news vocabulary, like the lexicon.
_AFTERMATH = ("arrest", "court", "casualty", "mourning", "inquiry")
# Not "missile": a test launch has no aftermath, and a missile strike names its attack too.
_INCIDENTS = (
    "quake", "fire", "flood", "storm", "heat", "crash", "stampede", "attack", "riot", "collapse",
)  # fmt: skip
_SETS_OFF = {
    "quake": ("flood", "fire", "collapse"),  # landslides, fires and collapses in the rubble
    "storm": ("flood",),
    "crash": ("fire", "attack"),  # a derailment's fire, its tank cars' explosions
    "attack": ("fire",),  # a blast's fire, a bombed store burning
    "fire": ("attack", "collapse"),  # explosions inside a burning building, its roof falling
    "collapse": ("flood", "fire"),  # a burst dam's flood, a fallen block's fire
    "riot": ("fire", "protest"),  # arson, the marches it grew from
    "protest": ("riot",),
}  # fmt: skip
FOLLOWS: dict[str, frozenset[str]] = {
    kind: frozenset((*_AFTERMATH, *_SETS_OFF.get(kind, ()))) for kind in _INCIDENTS
}
FOLLOWS["protest"] = frozenset(_SETS_OFF["protest"])
"""Incident kind -> the kinds its later phases are reported in (:func:`follows`)."""


LEADING_SHARE = 0.5
"""A story's kind leads when its weight is at least this share of the story's strongest:
only a leading incident has later phases (:func:`follows`), not a word of a side remark
("fires a missile" in a launch's story, whose casualty report is another event)."""


def follows(kind: str, story_kinds: Mapping[str, float]) -> bool:
    """Whether ``kind`` names a later phase of an event of one of the story's leading kinds
    (:data:`LEADING_SHARE`): "arrest" after a fire, "mourning" after a quake, "fire" after a
    derailment; never a kind the story names itself (that is agreement), never a phase of a
    phase ("court" after an "arrest" story is the next occurrence as often as the same one)."""
    if not story_kinds or kind in story_kinds:
        return False
    floor = LEADING_SHARE * max(story_kinds.values())
    return any(kind in FOLLOWS.get(other, ()) for other, w in story_kinds.items() if w >= floor)


def kin(kind: str, story_kinds: Mapping[str, float]) -> bool:
    """Whether ``kind`` is of a family (:data:`_FAMILIES`) one of the story's leading kinds
    (:data:`LEADING_SHARE`) is of, without being that kind: "attack" for a story of a
    "missile" strike, "flood" for a storm's story. Reports of one event name it by several
    kinds of its family (the missile strike on the restaurant, the attack on it); kinds of
    no family (a court, an arrest, a recall) are never kin."""
    families = _FAMILIES.get(kind)
    if not families or not story_kinds or kind in story_kinds:
        return False
    floor = LEADING_SHARE * max(story_kinds.values())
    return any(
        f in families
        for other, w in story_kinds.items()
        if w >= floor
        for f in _FAMILIES.get(other, ())
    )
