"""Scope: the place, organisation or subject a clause attributes a number to, as written.

Candidates, strongest first: a locative inside the number's own noun phrase ("cases reported
nationwide", "deaths in Gaza"); a locative elsewhere in its clause ("In Texas, 124 cases ...");
the clause's subject when it is a proper name ("Ohio accounts for 85", "Boeing will cut 2,000
jobs"; a reporting agency with a report verb is the attribution, not the scope, unless it is a
place: "Kentucky has reported 40 cases"); a weak locative ("at Kyiv", "on Maui").
"""

from __future__ import annotations

import re
from functools import lru_cache

from monitor.text import gazetteer as _places
from monitor.text.gazetteer import COUNTRY_ALIASES, LOOSE_POPULATION, index
from monitor.text.lexicon import VERY_COMMON, common_word
from monitor.text.patterns import MONTH_ABBREVIATIONS, MONTHS, WEEKDAYS, CaseFree, alternation
from monitor.text.sentences import word_set
from monitor.text.tablecache import cached, table_key

# "el-Fasher"; never a genus initial ("E. coli", "S. aureus"), which is no name of its own.
_CAP = r"(?:(?:el|al|ad|as|an|ash|az|ar)-)?(?![A-Z]\.\s+[a-z])(?:[A-Z][\w’'.&-]*[\w.]|[A-Z])"
_LINK = r"(?:\s+(?:of|de|del|da|di|du|al|el|la|upon|and|&)(?=\s+[A-Z]))?"
_PROPER = rf"{_CAP}(?:{_LINK}\s+{_CAP})*"
_STRONG_PREP = r"[Ii]n|[Aa]cross|[Tt]hroughout|[Ww]ithin|[Ii]nside"
_WEAK_PREP = (
    r"(?:fled|fleeing|crossed|moved|come|came|returned|gone|went|headed)\s+to|[Aa]t|[Oo]n|[Nn]ear|[Aa]round|[Oo]utside|[Ff]rom|[Ff]or|of|off|through|into|fled|reached"
    r"|fleeing|reaching|took|captured|seized|overran|stormed|besieged|visited|toured|left|entered"
)
# Lowercase words between a preposition and a name: "across eastern Libya", "in the
# hardest-hit districts of Derna"; never a function word ("in talks with Russia").
_ADJ = (
    r"(?:(?!(?:a|an|with|to|for|and|or|by|from|that|which|who|as|than|after|before|during|since|against"
    r"|about|over|under|into|onto|on|at|its|their|his|her|them|those|these|in|of|the|end|start"
    r"|beginning|middle|height|rest|most|all|some|many|each|one)\b)[a-z][a-z-]*\s+){1,3}"
    r"(?:of\s+)?"
)
_PLACE_NOUN = (
    r"country|nation|state|county|region|city|territory|province|district|enclave|strip"
    r"|area|capital|island|islands|continent|world|kingdom|republic|town|village|camp|valley"
    # sites a count is held or found in: "stranded in the harbour", "inmates in the prison"
    r"|harbour|harbor|bay|port|prison|penitentiary|jail|mine|ship|ferry|vessel|tower|building"
    r"|hotel|resort|park|backcountry"  # "buried at the hotel", "15,000 visitors in the park"
)
_EVENT_NOUNS_IN = (
    r"outbreak|fire|wildfire|blaze|storm|flood|floods|flooding|earthquake|war|strike|riots"
    r"|unrest|disorder|hurricane"
)
_NUMBER_WORD = r"two|three|four|five|six|seven|eight|nine|ten|\d+"
_PLACE_NOUNS = r"provinces|counties|states|districts|regions|towns|cities|villages|countries"
_NUMBERED = re.compile(rf"(?:the\s+)?(?:{_NUMBER_WORD}|a\s+dozen|dozens\s+of)\s")
# A number counting places ("in 13 states", "across nine jurisdictions"): it has no scope.
PLACE_COUNT = re.compile(
    r"(?:\s+[a-z-]+){0,2}?\s+(?:states|jurisdictions|provinces|regions|cities|countries"
    r"|territories|nations|towns\s+and\s+cities|companies|automakers|carmakers)\b"
)


def is_numbered(loc: str) -> bool:
    """True for a locative that counts places: "13 states", "the two states"."""
    return bool(_NUMBERED.match(loc))


_WIDE_ADVERBS = word_set(
    """nationwide statewide countrywide worldwide globally nationally internationally
    county-wide citywide state-wide nation-wide"""
)
_WIDE_ADJECTIVES = word_set("national statewide nationwide global worldwide countrywide")


def _first_chars(alternatives: str) -> str:
    """The characters the words of an alternation such as "[Ii]n|of" can start with."""
    chars: set[str] = set()
    for word in alternatives.split("|"):
        chars.update(word[1 : word.index("]")] if word.startswith("[") else word[0])
    return "".join(sorted(chars))


# Every alternative opens at a word boundary with a preposition or a wide word: the look-ahead
# on their first letters rejects most places before the alternatives are tried.
_LOCATIVE = re.compile(
    rf"\b(?=[{_first_chars(f'{_STRONG_PREP}|{_WEAK_PREP}')}]"
    rf"|(?i:[{''.join(sorted({w[0] for w in _WIDE_ADVERBS | _WIDE_ADJECTIVES}))}]))"
    rf"(?:(?P<prep>{_STRONG_PREP}|{_WEAK_PREP})\s+(?P<loc>"
    rf"the\s+[A-Z][a-z]{{2,3}}\.?\s+\d{{1,2}}\s+(?:[a-z][\w’'-]*\s+)?(?:{_EVENT_NOUNS_IN})\b"
    rf"|(?:the\s+)?(?:{_ADJ})?{_PROPER}"
    r"(?:\s+(?:state|county|province|city|region|district|island|area|town|village))?"
    rf"|the\s+(?:{_PLACE_NOUN})\b"
    rf"|(?:the\s+)?(?:(?:{_NUMBER_WORD})\s+)?(?:{_PLACE_NOUNS})\b"
    rf"|the\s+(?:(?:[a-z][\w’'-]*|[A-Z][a-z]{{2,3}}\.?\s+\d{{1,2}}|\d{{4}}|[A-Z]\.\s+[a-z]+)\s+){{0,2}}(?:{_EVENT_NOUNS_IN})\b(?:\s+(?:tied|linked)\s+to\s+[^,;]{{3,40}}?(?=[,;.]|$))?)"
    rf"|(?P<adv>(?i:{alternation(_WIDE_ADVERBS)}))\b"
    rf"|(?P<adj>(?i:{alternation(_WIDE_ADJECTIVES)}))"
    r"(?=\s+(?:death\s+)?(?:count|total|tally|toll|figure|number|caseload)s?\b))"
)
_TIME_WORDS = word_set(
    """January February March April May June July August September October November December
    Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Monday Tuesday Wednesday Thursday Friday
    Saturday Sunday Christmas Easter Ramadan Last Next The A An This That These Those Its Their His
    Her Our I We He She They It There Here"""
)
_MONTHS_DAYS = word_set(
    """January February March April May June July August September October November December
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday"""
)
_ORG_WORDS = word_set(
    """Department Services Service Ministry Office Agency Council Commission Police Institute
    Centre Center Centers Organization Organisation Association Committee Court University
    Administration Authority Bureau"""
)
_TITLES = word_set(
    """Governor Gov President Minister Chief Mayor Sheriff Secretary Senator Sen Rep
    Representative Director Commissioner Prime General Gen Officer Judge King Queen Prince Dr
    Mr Mrs Ms Spokesman Spokeswoman Lt Col Sgt Capt"""
)
_DETERMINERS = word_set("the a an this that these those its their his her our")
_PLACE_SUFFIX = word_set(
    """County State Province City Region District Island Islands Strip Bank Territory Republic
    Kingdom Oblast Prefecture Valley Coast Parish Borough Township Department Governorate
    Emirate Peninsula Mountains Basin"""
)
# Capitalised at the start of a sentence but common nouns all the same.
_COMMON_OPENERS = word_set(
    """Health Officials Authorities Police State Local Federal Hospital Rescuers Doctors Data
    Figures Records Nobody Everyone Overall Altogether Meanwhile Statewide Nationwide Residents
    Researchers Scientists Experts Analysts Investigators Emergency Firefighters Troops
    Soldiers Workers Officers Prosecutors Regulators Lawmakers Staff Teams Crews Volunteers
    Survivors Witnesses Families Parents Patients Cases Deaths Fatalities Most Many Some All
    Several Few Both Each Another Other Others Only Just About Around Nearly Almost More Fewer
    Less Over Under Up At In On By For From With Since After Before During Among Including So
    Still Now Then Later Earlier Today Yesterday Tonight According Citing Asked Despite While
    When Where Although Though But And Or Yet If As Because However Further Additionally Also
    Dozens Hundreds Thousands Millions Tens Scores One Two Three Four Five Six Seven Eight Nine
    Ten Twelve Twenty Fifty Hundred Thousand Million Billion Half Another Additional New
    Total Officials Government Ministry Department Agency Company Firm Group Union Company's"""
)
_REPORT_VERB = re.compile(
    r"\s*(?:(?:has|have|had|also|now|previously|earlier|officially|so\s+far)\s+)*"
    r"(?:said|says|say|reported|reports|report|confirmed|confirms|counted|counts|recorded"
    r"|records|announced|announces|estimated|estimates|logged|logs|registered|registers"
    r"|tallied|documented|identified|listed|lists|put|puts|found|finds|told|noted|added"
    r"|stated|published|released|believes?|(?:updated|revised|lowered|raised|cut|corrected)"
    r"(?=\s+(?:(?:down|up|downward|upward)\s+)?(?:the|its|their|an?|this|that)\s+(?:[\w’'-]+\s+)"
    r"{0,3}?(?:toll|count|tally|estimate|figure|number|total|tallies|forecast)))\b",
    re.IGNORECASE,
)  # a revision verb reports only a count's revision: "cut the toll", not "Boeing cut 2,000 jobs"
_REPORT_VERB_CF = CaseFree(_REPORT_VERB)  # read through its folded twin (patterns.CaseFree)
_SUBJECT = re.compile(
    r"\s*(?:[\"“‘']\s*)?(?:(?:On|By|As\s+of|So\s+far|Since|Meanwhile|Overall|Altogether|Now"
    r"|Separately|Earlier|Later|In\s+all|In\s+total|To\s+date|Shortly|Last|This|After|Before"
    r"|Following|Amid|During|Until|In\s+(?=(?:"
    + MONTHS
    + r"|the\s+(?:first|second|third|fourth|past|last"
    r"|latest)|recent|early|late|mid)\b))\b[^,]{0,40},(?!\d)\s*)?"  # not "62,382"
    r"(?P<np>(?:(?:the|a|an|The|A|An)\s+)?(?:[\w’'.&-]+\s+){0,5}?[\w’'.&-]+?)"
    r"(?:,[^,;]{1,60},)?"
    # a day between the subject and its verb: "General Motors on Tuesday added 842,000 ..."
    r"(?:\s+(?:on|last|this|early|late)\s+(?-i:" + WEEKDAYS + r")|\s+(?:last|this)\s+week)?"
    r"(?=\s+(?:(?:has|have|had|is|are|was|were|will|would|could|may|might|now|also|alone"
    r"|itself|then|still|already|so\s+far)\b|[a-z]+(?:ed|s)\b|accounts?\b|accounting\b|cut\b|put\b"
    r"|lost\b|saw\b|hit\b|took\b|gave\b|sent\b|got\b|shed\b|kept\b|held\b|made\b|set\b"
    r"|went\b|rose\b|fell\b|grew\b|stood\b|began\b|struck\b|drew\b|brought\b|left\b"
    r"|laid\b|sold\b|built\b|paid\b|fled\b"
    r"|said\b|told\b|to\s+(?:cut|lay|shed|slash|eliminate|recall|hire|close)\b))"
)
_PROPER_RUN = re.compile(_PROPER)
# A possessive name owning the subject's head: "Facebook's parent company".
_OWNER_NP = re.compile(r"(?:[A-Z][\w.&-]*\s+){0,2}[A-Z][\w.&-]*['’]s(?:\s+[a-z-]+){1,3}")
# A speaker's own complement: "(Amazon said) in January that it (would eliminate ...)".
_IT_COMPLEMENT = re.compile(
    r"(?:\s+(?:in|on|last|this)\s+[\w ]{1,20}?)?\s+(?:that\s+)?(?:it|they)\b"
)
# Whom a speaker told, before the speaker's own complement: "(Samsung) told the Consumer
# Product Safety Commission (it had received ...)", "(Ford) told regulators (it knew of ...)".
_ADDRESSEE = re.compile(
    r"(?<=told)\s+(?:the\s+)?(?:[\w.&’'-]+\s+){0,5}?[\w.&’'-]+(?=\s+(?:that\s+)?(?:it|they)\b)"
)
CAP, LINK, TITLES, PROPER = (
    _CAP,
    _LINK,
    _TITLES,
    _PROPER,
)  # for the speaker's title (monitor.text.speaker)
# After a reporting verb, the start of a complement clause with a subject of its own.
_SPEECH_COMPLEMENT = re.compile(r"\s+(?:that\s+)?(?=(?:the\s+)?[A-Z])")
_NUMBERS = word_set(
    """one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
    sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety
    hundred hundreds thousand thousands million millions dozens dozen"""
)
_EVENT_NOUNS = (
    r"outbreak|fire|fires|wildfire|wildfires|blaze|blazes|storm|storms|hurricane|flood|floods"
    r"|flooding|earthquake|earthquakes|quake|quakes|war|conflict|strike|strikes|walkout|epidemic"
    r"|pandemic|recall|layoffs|riots|disorder|violence|union"
    r"|company|carmaker|automaker|plant|factory|team|group|walkout|disaster|tsunami|cyclone"
    r"|typhoon|famine|crisis"
)
# ... or a "that" complement whose subject is a definite event or organisation, perhaps after
# the day: "(Yonhap) said on Wednesday that the fires had killed 18 people".
_EVENT_COMPLEMENT = re.compile(
    r"(?:\s+(?:on|last|this)\s+(?-i:" + WEEKDAYS + r"|week|month))?\s+that\s+"
    rf"(?=(?:the|its|their)\s+(?:[\w’'-]+\s+){{0,2}}(?:{_EVENT_NOUNS})\b)"
)
# A subject whose head is an event or an organisation counts its numbers: "The outbreak".
_EVENT_SUBJECT = re.compile(
    rf"(?:[Tt]he|[Tt]his|[Tt]hat|[Ii]ts|[Tt]heir)\s+(?:[\w’'-]+\s+){{0,3}}(?:{_EVENT_NOUNS})"
)
_EVENT_NAME = re.compile(  # "\b[Tt]he", opening with a character class the matcher scans for
    rf"[Tt](?<!\w[Tt])he\s+(?:\d{{4}}\s+)?(?P<name>{_PROPER})\s+(?:[a-z]+\s+)?(?:{_EVENT_NOUNS})\b"
)
# Verbs by which an organisation owns the count: "Boeing will cut 2,000 jobs", "Ohio accounts
# for 85", "Tesla recalled 3,900 Cybertrucks", "Ford has laid off 600 workers".
_OWN_VERB = re.compile(
    r"\s*(?:(?:will|would|is|are|was|were|has|have|had|also|now|plans\s+to|said\s+it\s+would"
    r"|is\s+to|to|already|temporarily|then|began|begins|begun|started|starts|continued"
    r"|continues)\s+)*"  # "Amazon began cutting more than 18,000"
    r"(?:cut|cuts|cutting|lay|lays|laid|laying|shed|sheds|shedding|recall|recalls|recalled"
    r"|recalling|employ|employs|employed|employing|hire|hires|hired|hiring|lost|loses|losing"
    r"|accounts?|accounted|accounting|(?:has|have|had)(?!\s+(?:been|[a-z]+ed|[a-z]+en)\b)|eliminat\w*|fir(?:e|es|ed|ing)|idl\w*|deliver\w*"
    r"|produc\w*|sold|sells|build|builds|built|ship\w*|count|counts|numbers|totals|reached"
    r"|rose|grew|climbed|saw|sees|logged|added|adds|adding|lost|suffered|killed|kills"
    r"|sickened|infected|hospitali[sz]ed|expanded|brought|brings|went|stands|stood|remains"
    r"|remained|is|are|was|were|rises|soars|soared|grows|climbs|jumps|jumped|reaches|tops"
    r"|topped|passes|passed|hits|nears|surpasses|surpassed|exceeds|exceeded|doubles|doubled"
    r"|crosses|crossed|counted|recorded|registered"
    r"|swells|swelled|mounts|mounted|made|makes|clos(?:e|es|ed|ing)|shut|shuts|shutting"
    r"|receiv(?:e|es|ed|ing)|kn(?:ew|ows?)\s+of|aware\s+of|fre(?:e|es|ed|eing)"
    r"|releas(?:e|es|ed|ing))\b",  # what an owner received, knew of or let go is its own
    re.IGNORECASE,
)
_OWN_VERB_CF = CaseFree(_OWN_VERB)  # read through its folded twin (patterns.CaseFree)
# A subject that is a named owner's event or share of one: "Uganda's outbreak in 2022", "Kia's
# part of the recall": the owner is the scope of what it counts.
_OWNED_EVENT = re.compile(
    rf"(?P<owner>{_PROPER})['’]s\s+(?:[a-z-]+\s+){{0,2}}?(?:outbreak|epidemic|pandemic|fire"
    r"|wildfire|blaze|storm|hurricane|floods?|flooding|earthquake|quake|war|conflict|strike"
    r"|walkout|recall|layoffs|riots|violence|disaster|tsunami|cyclone|typhoon|famine|crisis|part"
    r"|share|portion)"
    r"(?:\s+(?:of|in|from)\s+(?:the\s+)?[\w-]+)?"
)
_POSSESSIVE = re.compile(rf"({_PROPER})['’]s\s+(?:\w+\s+)?$")


# An event a clause counts for when it names no place: "the death toll from the crash", "159
# people were unaccounted for after the collapse", "died during the pilgrimage", "1,081 deaths
# at this year's Hajj".
_EVENT_HEADS = (
    r"crash|collapse|derailment|collision|explosion|blast|shooting|attack|attacks|bombing"
    r"|stampede|sinking|shipwreck|accident|disaster|fire|blaze|wildfire|wildfires|flood|floods"
    r"|flooding|quake|earthquake|storm|hurricane|cyclone|typhoon|tsunami|landslide|outbreak"
    r"|epidemic|riots|war|pilgrimage|Hajj|Umrah"
)
# Events named only as written (not resolved to a place named nearby, as "the outbreak" is).
_AS_WRITTEN_EVENTS = word_set(
    """crash collapse derailment collision explosion blast shooting attack attacks bombing
    stampede sinking shipwreck accident pilgrimage hajj umrah landslide crashes collapses
    explosions blasts shootings bombings accidents landslides"""
)
_EVENT_PHRASE = re.compile(
    r"(?=[FfIiAaDdSs])"  # the prepositions' first letters: a cheap first test
    r"\b(?:[Ff]rom|[Ii]n|[Aa]fter|[Dd]uring|[Aa]t|[Ss]ince)\s+(?P<event>"
    rf"(?:the|this\s+year['’]s|last\s+year['’]s|its|their|{_CAP}['’]s)\s+"
    rf"(?:(?!(?:of|and|or|to|by|in|on|at|for|with)\b)[\w’'-]+\s+){{0,2}}?(?:{_EVENT_HEADS})s?\b)"
)


# An event named right before a ", when" clause that tells what happened in it: "memories of
# the 2005 riots, when nearly 2,900 people were arrested".
_WHEN_EVENT = re.compile(
    rf"(?P<event>(?:the|an?|its|their|{_CAP}['’]s)\s+(?:(?!(?:of|and|or|to|by|in|on|at|for"
    rf"|with)\b)[\w’'-]+\s+){{0,3}}?(?:{_EVENT_HEADS})s?),\s*(?:when\s+)?$"
)


def when_event(text: str, clause_start: int) -> str | None:
    """The event a ", when ..." clause opening at `clause_start` (at "when" or at what
    follows it) describes, as written."""
    m = _WHEN_EVENT.search(text, max(0, clause_start - 80), clause_start)
    return None if m is None else m["event"]


def event_phrase(text: str, lo: int, hi: int, anchored: bool = False) -> tuple[int, str] | None:
    """The first event phrase in text[lo:hi] a count is given for, as written, with its offset:
    "from the crash" -> "the crash"; `anchored`: only right at lo."""
    m = _EVENT_PHRASE.match(text, lo, hi) if anchored else _EVENT_PHRASE.search(text, lo, hi)
    if m is None:
        return None
    if text.startswith(" of", m.end()) or text.startswith(" history", m.end()):
        return None  # "at the end of ...", "the deadliest in modern US history"
    if _EVENT_VERB.match(text, m.end()):
        return None  # "Three years after the quake struck, ...": a time clause, not the scope
    return m.start(), m["event"]


_EVENT_VERB = re.compile(
    r"\s+(?:(?:had|has|have|was|were)\s+)?(?:struck|hit|began|broke|came|tore|swept|ended"
    r"|happened|occurred|erupted|started|killed|destroyed|devastated|ravaged)\b"
)


def written_event(scope: str) -> bool:
    """An event scope kept as written ("the crash", "this year's Hajj")."""
    words = scope.split()
    return bool(words) and words[-1].lower() in _AS_WRITTEN_EVENTS


_EXTRA_PLACES = (
    "us", "u.s.", "usa", "uk", "u.k.", "america", "britain", "england", "scotland", "wales",
    "europe", "africa", "asia", "gaza", "west bank", "kyiv", "moscow", "washington", "london",
    "beijing", "paris", "tokyo", "seoul", "pyongyang", "jerusalem", "tel aviv", "beirut",
    "damascus", "baghdad", "kabul", "tehran", "cairo", "khartoum", "darfur", "donbas", "kharkiv",
    "crimea", "taiwan", "hong kong", "maui", "lahaina",
)  # fmt: skip


@lru_cache(maxsize=1)
def _gazetteer() -> frozenset[str]:
    """Names of countries and their first-level subdivisions (states, provinces, regions):
    built once, then read back from :mod:`monitor.text.tablecache` (reading pycountry's
    tables costs a figures replay about 0.06 s in every process)."""
    key = table_key((__file__, _places.__file__), ("pycountry",))
    return cached("scope-places", key, _build_gazetteer)


def _build_gazetteer() -> frozenset[str]:
    import pycountry

    names: set[str] = set()
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            name = getattr(country, attr, None)
            if name:
                names.add(str(name).lower())
    for subdivision in pycountry.subdivisions:
        name = str(subdivision.name).lower()
        names.add(name)
        names.add(_ADMIN_TYPE.sub("", name))  # "Hubei Sheng" is written "Hubei"
    names.update(_EXTRA_PLACES)
    names.update(COUNTRY_ALIASES)  # "Turkey" (ISO: Türkiye), "Russia", "Burma": as written
    return frozenset(names)


# A romanised administrative type after a subdivision's name, which English text drops.
_ADMIN_TYPE = re.compile(
    r"(?:\s+(?:[a-z]+\s+)?(?:sheng|shi|zizhiqu)|-(?:do|si|gun|gwangyeoksi|teukbyeolsi"
    r"|teukbyeoljachido|teukbyeoljachisi))$"
)
# A direction or part written before a place's name, which stays that place's part.
_REGION_QUALIFIERS = word_set(
    """mainland northern southern eastern western central north south east west northeastern
    northwestern southeastern southwestern rural coastal upstate downstate"""
)
_LEADING_THE = re.compile(r"^(?:the|The)\s+")
_LEADING_LOWER_THE = re.compile(r"^the\s+")


@lru_cache(maxsize=1 << 14)  # bounded; a pure lookup of a name in static tables
def is_place(name: str) -> bool:
    """True for a known country, state or region, or a name ending in County, Province, ..."""
    bare = _LEADING_THE.sub("", name.strip())
    words = bare.split()
    if not words:
        return False
    if words[-1] in _PLACE_SUFFIX:
        return True
    if any(w in _TITLES for w in words):
        return False  # "Hawaii Governor Josh Green" is a person
    if len(words) > 1 and (words[-1] in _ORG_WORDS or words[-1] in _BODY_WORDS):
        return False  # "Coast Guard", "Maui Police": a body named after a place
    gazetteer = _gazetteer()
    if bare.lower() in gazetteer or words[0].lower() in gazetteer:
        return True
    return (
        len(words) > 1
        and words[0].lower() in _REGION_QUALIFIERS
        and is_place(" ".join(words[1:]))  # "mainland China", "northern Israel"
    ) or _big_city(bare)


def _big_city(name: str) -> bool:
    """A city of at least 100,000 people named as written ("Wuhan", "Grenoble"): a place
    a count can belong to, like a state."""
    if not name[:1].isupper() or not name.replace(" ", "").replace("-", "").isalpha():
        return False
    return any(
        p.kind == "city" and p.population >= LOOSE_POPULATION for p in index().get(name.lower(), ())
    )


_NAME_ENDINGS = ("is", "us", "as", "os", "ens", "ss")  # Stellantis, Airbus, Qantas, Siemens


def _plural_opener(word: str) -> bool:
    """A capitalised plural common noun opening a sentence ("Shelters", "Nurses") or a
    possessive ("Tesla's Austin plant": the plant is the subject), not a name that ends in "s"
    ("Siemens", "Stellantis", "Airbus", "Congress")."""
    if word.endswith(("'s", "’s")):
        return True
    return word.endswith("s") and not word.endswith(_NAME_ENDINGS)


# A holiday names a day, not a place or a body ("the New Year's Day earthquake").
_HOLIDAY = re.compile(
    r"(?:^|\s)(?:New\s+Year|Christmas|Easter|Thanksgiving|Halloween|Hanukkah|Diwali|Eid|"
    r"Passover|Ramadan|[A-Z][a-z]+\s+(?:Day|Eve))(?:['’]s)?(?:\s+(?:Day|Eve|Sunday))?$"
)


def is_holiday(name: str) -> bool:
    """ "New Year's Day", "Christmas Eve", "Labor Day": a date, never a scope."""
    return _HOLIDAY.search(name) is not None


# A superlative opening a capitalised run names a record, not a place: "In Largest Such Strike"
_SUPERLATIVES = word_set(
    """Largest Biggest Deadliest Worst Greatest Highest Longest Strongest Heaviest Costliest
    Widest Fastest Newest Oldest Latest Smallest Lowest Best Most"""
)


def _trim(run: str, at_start: bool) -> str | None:
    """A proper-name run without leading determiners and a capitalised common opener."""
    words = run.split()
    while words and (words[0] in _TIME_WORDS or words[0].rstrip("’'s") in _MONTHS_DAYS):
        words.pop(0)
    if words and words[0].lower().split("-")[0] in _NUMBERS:
        return None  # "Fourteen more people": the count, not its scope
    if words and words[0] in _SUPERLATIVES:
        return None  # "In Largest Such Strike": a headline's record, not a name
    if (
        at_start
        and words
        and (words[0] in _COMMON_OPENERS or _plural_opener(words[0]))
        and not is_place(words[0])
        and not (len(words) > 1 and is_place(" ".join(words)))  # "New York City" keeps "New"
    ):
        words.pop(0)  # "Health officials", "Shelters": capitalised only to open the sentence
    elif (
        at_start
        and len(words) == 1
        and (common_word(words[0], VERY_COMMON) or words[0].endswith("ed"))
        and not is_place(words[0])
    ):  # "Suspected cases climbed to ...": a participle opening the sentence
        return None  # "Fire authorities said ...": a very common word opening the sentence
    while words and words[0].lower() in ("of", "and", "on", "de", "the"):
        words.pop(0)
    if not words or words[0] in _TIME_WORDS:
        return None
    text = " ".join(words).rstrip(".")
    if text.endswith(("'s", "’s")):
        text = text[:-2]
    if is_holiday(text):
        return None
    return text or None


_RANGES = frozenset(("the world", "the country", "the region", "the nation", "the state"))
_SUPERLATIVE = re.compile(r"\b(?:[a-z]{3,}est|most\s+[a-z]+|worst)\s+(?:[a-z-]+\s+){0,3}$")
_MOVED_INTO = re.compile(
    r"\b(?:fled|fleeing|crossed|crossing|poured|pouring|streamed|streaming|moved|arrived|come"
    r"|came|flooded|escaped)\s+$"
)


def locatives(text: str, lo: int, hi: int, anchored: bool = False) -> list[tuple[int, str, bool]]:
    """Locatives in text[lo:hi]: (offset, scope as written, strong); `anchored`: only at lo."""
    found: list[tuple[int, str, bool]] = []
    if anchored:
        first = _LOCATIVE.match(text, lo, hi)
        matches: list[re.Match[str]] = [] if first is None else [first]
    else:
        matches = list(_LOCATIVE.finditer(text, lo, hi))
    for m in matches:
        if m["adv"] or m["adj"]:
            found.append((m.start(), m["adv"] or m["adj"], True))  # "Nationwide, ..."
            continue
        loc = m["loc"].rstrip(",").removesuffix("'s").removesuffix("’s")  # "at Boeing's plants"
        loc = loc if _DOTTED_END.search(loc) else loc.rstrip(".,")  # "the U.S." keeps its dot
        if text.startswith(" history", m.end("loc")) or loc.endswith(" History"):
            continue  # "the deadliest in modern US history": a record, not a scope
        if loc.lower() in _RANGES and _SUPERLATIVE.search(text, max(lo, m.start() - 50), m.start()):
            continue  # "the largest refugee camp in the world": a record's range, not a scope
        if loc.split()[0] in _TIME_WORDS and not loc.lower().startswith("the "):
            continue
        bare = _LEADING_LOWER_THE.sub("", loc)
        if bare.split()[0] in _SUPERLATIVES:
            continue  # "In Largest Such Strike In US History": a record, not a place
        if bare.split()[0] in _TIME_WORDS or is_holiday(bare):
            continue
        if any(w.strip(".,’'s") in _MONTHS_DAYS for w in bare.split()):
            continue  # "at the end of August"
        if m["prep"] == "of" and any(w in _ORG_WORDS for w in bare.split()):
            continue  # "the Department of State Health Services": a source, not a scope
        if _PART_OF_THEM.search(text, max(lo, m.start() - 24), m.start()):
            continue  # "101 cases, most of them in Pune": where a part of them is
        if (
            m["prep"] == "of"
            and _DISEASE_OF.search(text, max(lo, m.start() - 16), m.start())
            and not is_place(bare)
        ):
            continue  # "101 cases of Guillain-Barre syndrome": the disease, not a scope
        if m["prep"] == "of" and loc[:1].islower() and not loc.startswith("the "):
            continue  # "the number of jobs Microsoft has cut": no place after "of" + a noun
        if m["prep"] == "of" and _office_before(text, m.start()) and not is_place(bare):
            continue  # "the Minister of Health": an office's name, not a scope
        if m["prep"] in ("from", "From") and _RANGE_END.match(text, m.end("loc")):
            continue  # "14 hubs from New England to Texas": a stretch, not a scope
        if _BASED.search(text, max(lo, m.start() - 16), m.start()):
            continue  # "two rival governments, based in Tripoli": where they sit, not a scope
        if _ELSEWHERE_ACT.search(text, max(lo, m.start() - 40), m.start()):
            continue  # "he told reporters in Bhubaneswar", "taken to hospitals in Soro"
        if _ORIGIN_SINCE.search(text, max(lo, m.start() - 60), m.start()):
            continue  # "died since it appeared in Chitungwiza in August": where it began
        if _AND_ABROAD.match(text, m.end("loc")):
            continue  # "cut 20,000 jobs in Japan and abroad": everywhere, no part of it
        if _NUMBERED.match(bare):
            found.append((m.start(), loc, False))  # "in 13 states": a last resort (NUMBERED)
            continue
        if _ADJECTIVAL.match(text, m.end("loc")) and demonym(bare):
            continue  # "in the Israeli bombardment of Gaza", "in the Palestinian enclave"
        named = any(_PARTICLE.sub("", w)[:1].isupper() for w in bare.split())  # el-Fasher
        if not named and m["prep"].lower() == "outside" and _COMMON_PLACE.fullmatch(loc):
            found.append((m.start(), f"{m['prep']} {loc}", True))  # "683 were outside the capital"
            continue
        if (
            not named
            and m["prep"].lower() not in ("in", "across")
            and not (m["prep"] in ("for", "from", "of") and _DEFINITE_EVENT.fullmatch(loc))
            and not (m["prep"] == "on" and _ON_PLACE.fullmatch(loc))
            and not (m["prep"].lower() == "at" and _AT_SITE.fullmatch(loc))
        ):
            continue  # "for the city": only "in"/"across" take a common place noun
        strong = m["prep"].lower() in (
            "in",
            "across",
            "throughout",
            "within",
            "inside",
        ) or (m["prep"] == "on" and _ON_PLACE.fullmatch(loc) is not None)
        strong = strong or (m["prep"].lower() == "at" and _AT_SITE.fullmatch(loc) is not None)
        if m["prep"] == "into" and _MOVED_INTO.search(text, max(lo, m.start() - 12), m.start()):
            strong = True  # "have fled into Bangladesh": where they are now, as "in" says
        if m["prep"].split()[-1] == "to":
            strong = True  # "have fled to Bangladesh", "moved to Poland": likewise
        if not strong and _is_body(bare):
            continue  # "with help from the FBI", "for the Coast Guard": a body, not a place
        if named and strong and text.startswith(",", m.end("loc")):
            loc = _listed_places(text, m.end("loc"), hi, loc)
        found.append((m.start(), loc, strong))
    aside = _WHERE_ASIDE.match(text, lo, hi) if found and text.startswith("where ", lo) else None
    if aside is not None and _PLACE_LEAD.match(text, 0, lo):
        found = [f for f in found if f[0] >= aside.end()]  # the aside's places are its own
    return found


# Places listed after a first one: ", Liberia and Sierra Leone", ", Oregon, and Washington".
_LIST_TAIL = re.compile(rf"(?P<tail>(?:,\s+{_PROPER})*,?\s+and\s+{_PROPER})")
_LIST_MEMBER = re.compile(rf"{_PROPER}")
# A verb right after the last name makes it a new clause's subject ("..., and Israel said").
_NEW_CLAUSE_VERB = re.compile(
    r"\s+(?:[a-z]+ed|said|says|has|have|had|is|was|were|are|will|would)\b"
)


def _list_tail_ok(text: str, tail: re.Match[str]) -> bool:
    names = [m.group() for m in _LIST_MEMBER.finditer(tail["tail"])]
    if len(names) < 2 and _NEW_CLAUSE_VERB.match(text, tail.end()):
        return False  # "in Gaza, and Israel said": a new clause's subject, unless a longer
        # list shows the verb is the main clause's ("in Ohio, Indiana, and Michigan walked out")
    return len(names) > 0 and all(is_place(n) for n in names)


def _listed_places(text: str, at: int, hi: int, first: str) -> str:
    """A locative's place with the places listed after it: "in Guinea, Liberia and Sierra
    Leone" counts for the three together, not for Guinea; the list must be known places."""
    tail = _LIST_TAIL.match(text, at, hi)
    if tail is None or not _list_tail_ok(text, tail):
        return first
    listed = first + tail["tail"]
    return listed if _DOTTED_END.search(listed) else listed.rstrip(".")


# A relative aside on an opening place: "In eastern Zimbabwe, where the storm flattened homes in
# the Chimanimani district, 344 people were killed" (the district is where the homes were).
_WHERE_ASIDE = re.compile(r"where\s[^,;]*?,")
_PLACE_LEAD = re.compile(rf"\s*(?:{_STRONG_PREP})\s+(?:[a-z]+\s+)?[A-Z][^,;]*,\s+$")


_ADJECTIVAL = re.compile(
    r"\s+(?!(?:of|and|or|in|on|at|to|for|from|with|by|since|as|was|were|is|are|has|have|had)\b)[a-z]"
)
_DEMONYM_END = re.compile(r"[A-Z][a-z]+(?:ian|ean|can|ese|ish)")
_DEMONYMS_IN_I = word_set(
    """Israeli Iraqi Pakistani Saudi Yemeni Kuwaiti Somali Bangladeshi Omani Qatari Emirati
    Bahraini Azerbaijani Nepali Afghan Thai Filipino Turkish Greek Dutch French Swiss"""
)


def demonym(name: str) -> bool:
    """A people's adjective, not a place: "Israeli", "Palestinian", "Sudanese"."""
    if name in _DEMONYMS_IN_I:
        return True
    return bool(_DEMONYM_END.fullmatch(name)) and not is_place(name)


_DOTTED_END = re.compile(r"\b(?:[A-Z]\.){2,}$")
_COMMON_PLACE = re.compile(rf"the\s+(?:{_PLACE_NOUN})")
# The places English puts "on" rather than "in": "15,000 cases on the continent".
_ON_PLACE = re.compile(r"the\s+(?:continent|island|islands|mainland)")
# A definite site a count is held at: "18 dead at the hotel", "trapped at the mine".
_AT_SITE = re.compile(r"the\s+(?:hotel|resort|mine|prison|penitentiary|jail|camp)")
_WORD_BEFORE = re.compile(r"([A-Z][a-z]+)\s*$")


def _office_before(text: str, at: int) -> bool:
    """The word before `at` names an office or a body: "Minister", "Ministry", "Bureau"."""
    m = _WORD_BEFORE.search(text, max(0, at - 20), at)
    return m is not None and (m[1] in _ORG_WORDS or m[1] in _TITLES)


_RANGE_END = re.compile(r"\s+to\s+(?:the\s+)?[A-Z]")
# A part of the counted things placed on its own: "most of them in and around Pune".
# (A part with a number of its own, "25 of them from the fire area", keeps that place.)
_PART_OF_THEM = re.compile(
    r"\b(?:most|many|some|all|half|several|majority)\s+of\s+(?:them|those|these|whom)\s+"
    r"(?:in\s+and\s+)?$",
    re.IGNORECASE,
)
# The counted noun of an illness before "of": its complement names the disease
# ("cases of Guillain-Barre syndrome", "infections of Marburg"), never where it is.
_DISEASE_OF = re.compile(r"\b(?:cases?|infections?|outbreaks?)\s*$", re.IGNORECASE)
_BASED = re.compile(r"\b(?:based|headquartered|located|registered)\s+$")
# Where something else happens than the count: the speech act ("told reporters in X"), a
# destination ("were taken to hospitals in X"), a speaker's post ("railway manager at X").
_ELSEWHERE_ACT = re.compile(
    r"\b(?:(?:taken|flown|rushed|moved|transferred|sent|evacuated|airlifted|brought|driven)"
    r"\s+to(?:\s+[\w-]+){0,2}|told\s+(?:reporters|journalists|the\s+press|a\s+news\s+conference)"
    r"|(?:said|[Ss]peaking|spoke|[Ww]riting|[Aa]ddressing\s+(?:[\w-]+\s+){0,3})|(?:manager|director|spokesman|spokeswoman|spokesperson|superintendent"
    r"|professor|chairman|chairwoman))\s+$"
)
# The clause a count runs from names where the thing began, not where it is counted: "565
# people have died since the outbreak began in Chitungwiza", "since it was first detected in X".
_ORIGIN_SINCE = re.compile(
    r"\bsince\s+(?:it|they|the\s+(?:[\w-]+\s+){0,2}?[\w-]+)\s+(?:first\s+)?"
    r"(?:appeared|began|started|emerged|erupted|broke\s+out|surfaced"
    r"|was\s+(?:first\s+)?(?:detected|reported|confirmed|found|identified))\s+$"
)
# A place joined with "abroad" / "overseas" names the whole, at home and away: no sub-scope.
_AND_ABROAD = re.compile(r",?\s+(?:and|or)\s+(?:abroad|overseas|elsewhere|beyond)\b")
_PARTICLE = re.compile(r"^(?:el|al|ad|as|an|ash|az|ar)-")


def not_a_sub_scope(text: str, start: int, end: int) -> bool:
    """Whether the place at `text[start:end]` is where something began ("died since it
    appeared in Chitungwiza") or a whole joined with "abroad" ("in Japan and abroad"), never
    the sub-scope a count is given for; shared by the locatives and the scope grammar."""
    return bool(
        _ORIGIN_SINCE.search(text, max(0, start - 60), start) or _AND_ABROAD.match(text, end)
    )


_BODY_WORDS = word_set("Guard Police Army Forces Force Party Navy Corps Cross Crescent")


# What only the doer of a count can do with it, whatever kind of name the doer has.
_ITS_OWN_CUTS = re.compile(
    r"\s+(?:(?:would|will|plans\s+to|is\s+to|was|had|has|also)\s+)*"
    r"(?:recall|cut|lay\s+off|eliminate|shed|close|idle|furlough)\w*\b"
)


def _is_body(name: str) -> bool:
    """An organisation's name: an acronym that is not a place ("FBI", not "UK"), or a name
    ending in an organisation's word ("Coast Guard", "Red Cross", "Health Ministry")."""
    words = name.split()
    last = words[-1] if words else ""
    if last in _ORG_WORDS or last in _BODY_WORDS:
        return True
    return len(words) == 1 and last.isupper() and len(last) > 1 and not is_place(last)


def _has_digit(text: str) -> bool:
    """`any(c.isdigit() for c in text)`, by one regex scan when the text is ASCII."""
    if text.isascii():
        return _ASCII_DIGIT.search(text) is not None
    return any(c.isdigit() for c in text)


_ASCII_DIGIT = re.compile(r"[0-9]")


_DESCRIPTOR = re.compile(r"\s+(?:[a-z][\w’'-]*\s+){1,3}$")


def _subject_name(np: str, at_start: bool) -> str | None:
    """The proper name a subject noun phrase is headed by: its first name, unless the phrase
    ends in a name that common words describe ("Big Four accounting firm PwC", "the ride-hailing
    app Lyft"): the head of an English noun phrase comes last."""
    names: list[tuple[re.Match[str], str]] = []
    for run in _PROPER_RUN.finditer(np):
        name = _trim(run.group(), at_start and run.start() == 0)
        if name is not None:
            names.append((run, name))
    if not names:
        return None
    last_run, last = names[-1]
    if (
        len(names) > 1
        and last_run.end() == len(np.rstrip())
        and _DESCRIPTOR.search(np, 0, last_run.start())
        and not any(w in _TITLES for w in np[: last_run.start()].split())
    ):
        return last
    return names[0][1]


# A definite place noun as the subject that owns the count ("the country has 12 cases").
_PLACE_SUBJECT = re.compile(
    r"[Tt]he\s+(?:country|nation|state|county|province|region|territory|continent)"
)


# A bare plural of organisations as the subject owns the count: "technology companies have
# shed nearly 300,000 jobs" is the industry's, not one company's.
_GROUP_SUBJECT = re.compile(
    r"(?!(?:[Tt]he|[Tt]hese|[Tt]hose|[Bb]oth|[Tt]heir|[Ii]ts|[Oo]ther)\b)"
    r"(?:[A-Za-z][a-z-]*\s+)?(?:[a-z-]+\s+)?(?:[Cc]ompanies|[Ff]irms"
    r"|employers|automakers|carmakers|banks|lenders|retailers|airlines|startups|start-ups"
    r"|businesses|manufacturers|chipmakers|insurers)\b"
)


def subject_scope(text: str, lo: int, hi: int, sentence_start: bool) -> str | None:
    """The clause subject's proper name when the clause attributes its numbers to it."""
    if (dated := _DATE_LEAD.match(text, lo, hi)) is not None:
        return _subject_scope(text, dated.end(), hi, False)  # "By 3 October the outbreak ..."
    found = _subject_scope(text, lo, hi, sentence_start)
    if found is None and (bare := _BARE_LEAD.match(text, lo, hi)) is not None:
        return _subject_scope(text, bare.end(), hi, False)  # "So far the country has ..."
    return found


# A time adverb opening a clause without a comma: "So far the country has one case", "On
# Tuesday Amazon said it would cut ...".
_BARE_LEAD = re.compile(
    r"\s*(?:So\s+far|To\s+date|Now|Overall|Altogether|By\s+now|Earlier|Later|Meanwhile"
    r"|On\s+(?:" + WEEKDAYS + r"))\s+(?=\w)"
)


# An intensifying reflexive between a subject and its verb: "Amazon itself said ...".
_INTENSIFIER = re.compile(r"\s+(?:itself|themselves)\b(?=\s)")

_DATE_LEAD = re.compile(
    r"\s*(?:(?:By|On|As\s+of|Until)\s+(?:(?:early|late|mid-?)\s*)?(?:\d{1,2}\s+)?"
    r"(?-i:" + WEEKDAYS + "|" + MONTHS + "|(?:" + MONTH_ABBREVIATIONS + r")\.?)"
    r"(?:\s+\d{1,2}(?!\d))?(?:\s+(?:night|morning|evening|afternoon))?)\s+(?=\w)"
)  # "By 3 October the outbreak had grown to 36 cases": a date lead without its comma


# Report verbs that also act on things: "added 842,000 vehicles" adds them, "had released 58
# hostages" lets them go, where "said 3,300 machinists walked out" still reports.
_ACTS_ON_COUNTS = word_set("added adds adding released releases releasing")
_COUNT_NEXT = re.compile(r"\s+(?:another\s+|some\s+|about\s+|nearly\s+|more\s+than\s+)?\d")


# An attack by a named side: the side is the attacker, never the place of its victims.
_ATTACKER_NP = re.compile(
    rf"{_PROPER}['’]s\s+(?:[a-z-]+\s+){{0,2}}?(?:gunmen|militants|fighters|forces|troops"
    r"|soldiers|army|military|attackers|bombers|(?:air\s*)?strikes|airstrikes|missiles|rockets"
    r"|drones|shelling|bombing|bombardment|raids?|attacks?|offensive|assault|jets)"
)
_ATTACK_VERB = re.compile(
    r"\s+(?:(?:has|have|had|also|then)\s+)?(?:launched|fired|struck|bombed|shelled|attacked"
    r"|invaded|pounded|targeted|hit)\b"
)


def _subject_scope(text: str, lo: int, hi: int, sentence_start: bool) -> str | None:
    m = _SUBJECT.match(text, lo, hi)
    if m is None:
        return None
    np = m["np"]
    attacker = _ATTACKER_NP.match(text, m.start("np"))
    if attacker is not None and attacker.end() >= m.end("np"):  # "strikes" read as the verb
        return None  # "Lashkar-e-Taiba's gunmen killed 166 people": the attacker's, not theirs
    if (owned := _OWNED_EVENT.fullmatch(np.strip())) is not None:
        return owned["owner"]  # "Uganda's outbreak in 2022 recorded 164": an event, no speaker
    if _has_digit(np):
        return None
    reflexive = _INTENSIFIER.match(text, m.end())
    verb_at = m.end() if reflexive is None else reflexive.end()
    speech = _REPORT_VERB_CF.match(text, verb_at)
    if (
        speech is not None
        and speech.group().split()[-1].lower() in _ACTS_ON_COUNTS
        and _COUNT_NEXT.match(text, speech.end())
    ):
        speech = None  # "GM added 842,000 vehicles": the verb acts on a count, it reports nothing
    complement = (
        None
        if speech is None or _ADDRESSEE.match(text, speech.end())  # whom it told is no subject
        else _SPEECH_COMPLEMENT.match(text, speech.end())
        or _EVENT_COMPLEMENT.match(text, speech.end())
    )
    if complement is not None:
        # Reported speech: "Yoo said Pyongyang had shipped ...", "He said the North had sent
        # ...": the speaker is the source; the complement clause's subject is the scope.
        inner = subject_scope(text, complement.end(), hi, False)
        if inner is not None:
            return inner
    common = _EVENT_SUBJECT.fullmatch(np.strip())
    if common is not None and speech is None:
        return common.group().strip()  # "The outbreak has sickened 34", "The union walked out"
    if (
        speech is None
        and _PLACE_SUBJECT.fullmatch(np.strip())
        and _OWN_VERB_CF.match(text, verb_at)
    ):
        return np.strip()  # "So far the country has one confirmed case": the place it names
    group = _GROUP_SUBJECT.match(text, m.start("np"))
    if group is not None and group.end() >= m.end("np") and _OWN_VERB_CF.match(text, group.end()):
        return group.group()  # "technology companies have shed ...": the industry's count
    name = _subject_name(np, sentence_start and m.start("np") == lo)
    run = None if name is None else True
    if run is None or name is None:
        owner = _OWNER_NP.fullmatch(np.strip())
        if owner is not None and speech is None and _OWN_VERB_CF.match(text, verb_at):
            return owner.group()  # "Facebook's parent company is laying off 11,000 employees"
        if owner is not None and speech is not None and _owns_complement(text, speech.end()):
            return owner.group()  # "Israel's prison service said it had freed 117 Palestinians"
        return None
    if is_place(name):
        return name
    it = None if speech is None else _speaker_it(text, speech.end())
    if (
        it is not None
        and _OWN_VERB_CF.match(text, it.end())
        and (not _is_body(name) or _ITS_OWN_CUTS.match(text, it.end()))
    ):
        return name  # "Amazon said in January that it would eliminate 18,000 jobs"; an
        # acronym too when it recalls or cuts its own ("GM said it would recall 971,000 cars")
    if speech is not None:
        return None  # "The CDC reported 40 cases": the agency is the source, not the scope
    if not _OWN_VERB_CF.match(text, verb_at):
        return None  # "The UN launched an appeal for 250,000 people": an actor, not a scope
    return name


def _speaker_it(text: str, at: int) -> re.Match[str] | None:
    """The speaker's own "it" / "they" opening the complement of a report verb ending at `at`,
    past whom a "told" names: "said it would", "told regulators it knew of"."""
    addressee = _ADDRESSEE.match(text, at)
    return _IT_COMPLEMENT.match(text, at if addressee is None else addressee.end())


def _owns_complement(text: str, at: int) -> bool:
    """Whether the complement of a report verb ending at `at` says what the speaker itself
    did or has ("said it had freed 117", "told the commission it had received 92 reports")."""
    it = _speaker_it(text, at)
    return it is not None and _OWN_VERB.match(text, it.end()) is not None


def reporter_scope(text: str) -> str | None:
    """An organisation opening the sentence before, for a sentence that names none: "Tesla said"."""
    m = _SUBJECT.match(text, 0, min(len(text), 90))
    if m is None or not _REPORT_VERB_CF.match(text, m.end()):
        return None
    run = _PROPER_RUN.fullmatch(m["np"].strip())
    if run is None or len(run.group().split()) > 3:
        return None
    return _trim(run.group(), True)


_TOPIC = re.compile(
    rf"\s*(?P<the>[Tt]he\s+)?(?:[\d,.]+-[a-z]+\s+)?(?P<name>{_PROPER})(?P<pos>['’]s\b)?"
    r"(?:\s+[a-z-]+){0,2}?\s+(?=(?:has|have|had|is|was|were|will|would|also|now)\b|[a-z]+(?:ed|s)\b"
    r"|kept\b|gave\b|took\b|began\b|went\b|made\b|set\b|hit\b|broke\b|saw\b|rose\b|fell\b"
    r"|grew\b|struck\b|drew\b|brought\b|held\b|lost\b)"
)


def possessive_place(text: str) -> str | None:
    """A known place whose possessive opens the sentence: "Bangladesh's health directorate
    published ..." -> Bangladesh (for the sentences after it, when nothing nearer is named)."""
    m = _TOPIC.match(text, 0, min(len(text), 120))
    if m is None or m["the"] is not None:
        return None
    name = m["name"]
    if m["pos"] is None and not name.endswith(("'s", "’s")):
        return None
    bare = name.removesuffix("'s").removesuffix("’s")
    return bare if is_place(bare) else None


def topic_scope(text: str) -> str | None:
    """The organisation or place a sentence is about, for the sentences after it: its subject
    when that is "The" + a name ("The UAW escalated ...", "The 146,000-member UAW has ..."),
    a possessive ("The UAW's president announced ..."), an acronym or a known place."""
    m = _TOPIC.match(text, 0, min(len(text), 120))
    if m is None:
        return None
    name = _trim(m["name"], m["the"] is None)
    if name is None or any(w in _TITLES or w in _MONTHS_DAYS for w in name.split()):
        return None
    if not m["pos"] and _REPORT_VERB_CF.match(text, m.end("name")):
        return None  # "The CDC raised the toll in the outbreak ...": the source, not the topic
    if not m["pos"] and _ATTACK_VERB.match(text, m.end("name")):
        return None  # "Israel launched strikes ... across Iran": the attacker, not the topic
    if m["the"] or m["pos"] or name.isupper() or is_place(name):
        return name
    return None


_ANTECEDENT = re.compile(
    rf"(?P<name>{_PROPER})(?:\s+(?:[a-z-]+\s+){{0,2}}?(?:{_EVENT_NOUNS}))?"
    rf"(?:\s+(?:in|on)\s+(?P<loc>(?:the\s+)?{_PROPER}))?\s*,\s*$"
)


def antecedent(text: str, lo: int, hi: int) -> str | None:
    """The name a relative clause at `hi` hangs on, when text[lo:hi] ends with one:
    "behind Katrina, (which killed ...)" -> Katrina, "the 1918 Cloquet fire in Minnesota,"
    -> Minnesota, "the grocer H-E-B," -> H-E-B."""
    if "," not in text[max(lo, hi - 3) : hi]:
        return None
    m = _ANTECEDENT.search(text, max(lo, hi - 80), hi)
    if m is None:
        return None
    if m["loc"]:
        return _trim(m["loc"], False)
    name = _trim(m["name"], m.start() == 0)
    if name is None or any(w in _TITLES or w in _MONTHS_DAYS for w in name.split()):
        return None
    return name


_SITES = word_set(
    """plant factory gigafactory facility mill mine warehouse complex refinery headquarters depot
    works site camp hospital prison base airport port"""
)
_SITE_DETERMINERS = ("its", "the", "their", "this")


def facility_before(text: str, lo: int, at: int) -> str | None:
    """A plant or site named just before the locative at `at`, as written: "Ford's Kentucky
    Truck Plant (in Louisville)", "its Fairfax assembly plant (in Kansas)" — the sub-scope
    the number belongs to, with its place."""
    if not text.startswith(("in ", "In "), at):
        return None
    words = text[max(lo, at - 80) : at].split()
    if not words or words[-1].rstrip(",").lower() not in _SITES:
        return None
    words = words[-6:]
    words[-1] = words[-1].rstrip(",")
    while words[:-1] and not words[0][:1].isupper() and words[0] not in _SITE_DETERMINERS:
        words.pop(0)  # "workers at Tesla's Fremont factory": drop what precedes the name
    if len(words) == 1:
        return None  # a bare "plant in Kansas": the place is the scope
    return " ".join(words)


def event_name(text: str, lo: int, hi: int) -> str | None:
    """The place an event is named after: "the Lahaina fire" -> "Lahaina"."""
    m = _EVENT_NAME.search(text, lo, hi)
    return None if m is None or is_holiday(m["name"]) else m["name"]


_GAPPED = re.compile(
    rf"(?:,|\band|\bby|\bwith)\s+(?P<name>{_PROPER})"
    r"(?:,?\s+the\s+(?:[a-z-]+\s+){1,2}?(?:at|with)|\s+(?:with|at|for|on)"
    r"|\s+(?:(?:has|have|had)(?:\s+(?:now|so\s+far|also))?(?:\s+(?:reported|recorded|confirmed"
    r"|counted|logged))?|reported|recorded|confirmed|counted|logged))?\s+$"
)  # "..., and Oklahoma has two": the name of a clause of its own


# "Utah (3)", "Washington state (2)": a name, with a lowercase kind of area after it
_BRACKET_NAME = re.compile(
    rf"(?:^|[\s,])(?P<name>{_PROPER}(?:\s+(?:state|county|province|region|district))?)\s*\($"
)


_GAP_WORDS = word_set("with at for on has have had reported recorded confirmed counted logged")


def gapped_scope(text: str, start: int) -> str | None:
    """A name standing for a repeated clause: "..., Georgia 33, Florida 20 and Virginia two",
    "followed by Yancey with 11", "and New Mexico for 35", "followed by Merseyside (148)"."""
    lo = max(0, start - 60)
    if text.startswith("(", start - 1) and (m := _BRACKET_NAME.search(text, lo, start)):
        name = _trim(m["name"], m.start("name") == 0)
        return None if name is None or name.split()[-1] in _TIME_WORDS else name
    words = text[lo:start].split()
    if not words or not (words[-1][:1].isupper() or words[-1] in _GAP_WORDS):
        return None  # the cheap test first: a name or a linking word right before the number
    m = _GAPPED.search(text, lo, start)
    if m is None:
        return None
    name = _trim(m["name"], False)
    if name is None or any(w in _TITLES or w in _MONTHS_DAYS for w in name.split()):
        return None
    return name


# A definite common noun's possessive right before a count: "the guild's roughly 11,500
# members", "the state's 64 parishes", "the company's 7,500 employees".
_DEFINITE_POSSESSIVE = re.compile(
    r"\b((?:[Tt]he|[Ii]ts|[Tt]heir)\s+[a-z][\w-]*)['’]s\s+(?:\w+\s+)?$"
)


_PERIOD_NOUNS = word_set(
    """year week month day weekend season quarter decade night morning afternoon evening
    fortnight period"""
)


def own_possessive(text: str, start: int) -> str | None:
    """The owner a number's own noun phrase opens with, a name or a definite noun: "Tesla's
    4,200 Model Ys", "the guild's roughly 11,500 members" (never a period's: "the week's")."""
    owner = possessive_scope(text, start)
    if owner is not None:
        return owner
    lo = max(0, start - 60)
    if "'" not in text[lo:start] and "’" not in text[lo:start]:
        return None
    m = _DEFINITE_POSSESSIVE.search(text, lo, start)
    if m is None or m.group(1).split()[-1] in _PERIOD_NOUNS:
        return None
    return m.group(1)


def possessive_scope(text: str, start: int) -> str | None:
    """A possessive right before a number: "Tesla's 4,200 Model Ys"."""
    if "'" not in text[max(0, start - 60) : start] and "’" not in text[max(0, start - 60) : start]:
        return None
    m = _POSSESSIVE.search(text, max(0, start - 60), start)
    if m is None:
        return None
    return _trim(m.group(1), False)


_DEFINITE = re.compile(
    r"(?:the|its|this)\s+(?:[A-Z][\w-]*\s+){0,2}(?P<noun>city|town|village|county|state|country"
    r"|nation|island|province|district|capital)(?:['’]s)?",
    re.IGNORECASE,
)
_DEFINITE_ORG = re.compile(
    r"(?:[Tt]he|[Ii]ts)\s+(?:company|carmaker|automaker|firm|manufacturer|retailer|airline"
    r"|chipmaker|group|employer)"
)
_NAMED_AS = re.compile(rf"\s+of\s+(?P<name>{_PROPER})")  # "the West Darfur city of El Geneina"
_NAME_BEFORE = re.compile(rf"(?P<name>{_PROPER})(?:['’]s\b|\s+(?=[a-z]))")


_THAT = re.compile(r"\s+(?:that|which)\s")
# A boundary after which a name is another clause's, not a referent of "the country" before
# it ("Nurses in the city said 300 ... at Mosul's main hospital" stays Mosul's).
_OTHER_CLAUSE = re.compile(
    r";|,\s*(?:while|whereas|but|although|though|and)\b|\s(?:while|whereas)\s"
)
_DEFINITE_EVENT = re.compile(
    rf"(?:[Tt]he|[Tt]his|[Ii]ts)\s+(?:[\w’'.-]+\s+){{0,3}}?(?:{_EVENT_NOUNS_IN}|hurricane"
    r"|quake|disaster|riots|disorder|unrest|violence|epidemic)"
)


def resolve_definite(
    scope: str, text: str, at: int, previous: str | None, home: str | None = None
) -> str:
    """ "the city", "the county's toll": the place of that kind named nearby, else as written.

    Candidates: "the X city of NAME" itself; a name in the sentence given as a possessive or a
    modifier ("Derna's hospitals", "Asheville police"; a county or state must look like one);
    else the scope of the sentence before when it is a name. An event ("the blaze", "the
    outbreak") is the place it is named after in the sentence ("the Texas outbreak's total"),
    else the speaker's place (`home`: "Texas health officials said ..."), else the name the
    sentence before gives, else as written.
    """
    if written_event(scope):
        return scope  # "the crash", "this year's Hajj": an event of its own, as written
    if (
        _DEFINITE_EVENT.fullmatch(scope.strip())
        and not _EVENT_NAME.fullmatch(scope.strip())
        and not re.search(r"\b(?:18|19|20)\d\d\b", scope)  # "the 2011 riots": another event
    ):
        event_place = event_name(text, 0, len(text))
        if event_place is not None:
            return event_place
        that = _THAT.match(text, at) if at >= 0 else None
        after = [] if that is None else locatives(text, that.end(), min(len(text), at + 80))
        named_after = [
            loc[1]
            for loc in after
            if any(_PARTICLE.sub("", w)[:1].isupper() for w in loc[1].split())
        ]
        if named_after:
            return named_after[0]  # "the wildfire that tore through the town of Lahaina"
        if previous and previous[:1].isupper():
            return previous
        if home is not None:
            return home
        return scope
    m = _DEFINITE.fullmatch(scope.strip())
    if m is None:
        if _DEFINITE_ORG.fullmatch(scope.strip()) and previous and previous[:1].isupper():
            return previous  # "The company employed 140,473 people": the firm named before
        return scope
    noun = m["noun"].lower()
    named = _NAMED_AS.match(text, at) if at >= 0 else None
    if named is not None:
        return named["name"]
    for run in _NAME_BEFORE.finditer(text):
        if 0 <= at <= run.start() and _OTHER_CLAUSE.search(text, at, run.start()):
            break  # another clause's place: "... in the country, while Syria has reported ..."
        written = run["name"]
        owner = re.match(r"(.+?)['’]s\s+[A-Z]", written)
        if owner is not None and noun in ("country", "nation"):
            written = owner[1]  # "Turkey's Disaster and Emergency Management Authority": Turkey
        name = _trim(written, run.start() == 0)
        if name is None or name.lower() == scope.lower() or any(w in _TITLES for w in name.split()):
            continue
        if noun == "county" and not name.endswith("County"):
            continue
        if demonym(name) and not is_place(name):
            continue  # "a Jewish centre": a people's adjective names no place
        if noun in ("state", "country", "nation") and not is_place(name):
            continue
        if noun in ("country", "nation") and _continental(name):
            continue  # "the country" is not "Africa"
        if noun not in ("county", "state", "country", "nation") and (
            is_place(name) and name.split()[-1] not in _PLACE_SUFFIX and _gazetteer_country(name)
        ):
            continue  # "the city" is not "Libya"
        if noun in _DIVISIONS and _only_a_city(name):
            continue  # "the province" is not "Karachi": a city is no province it lies in
        if not _names_place(run, name):
            continue  # "A Harvard survey ... on the island", "Rosselló adopted": no place
        return name
    if (
        previous
        and previous[:1].isupper()
        and not (noun in ("city", "capital", "town", "village") and _gazetteer_country(previous))
        and not (noun in ("state", "country", "nation") and not is_place(previous))
        and not (noun in ("country", "nation") and _continental(previous))
    ):
        return previous  # but "the capital" is not "Bangladesh": a part of it, as written
    return scope


# The nouns a place's name modifies as a place ("Derna hospitals", "Asheville police"): a name
# that modifies another noun ("a Harvard survey") or opens a verb ("Rossello adopted") names a
# body or a person, not the place "the city" or "the island" stands for.
_PLACE_MODIFIED = word_set(
    """police officials authorities residents hospitals hospital council mayor county city
    town village district province region area island islands state coast coroner sheriff
    fire firefighters emergency health schools streets people neighbourhood neighborhood
    municipality government governor airport port harbour harbor"""
)


def _names_place(run: re.Match[str], name: str) -> bool:
    """Whether a name found before "the city" / "the island" can be that place: a known place,
    a possessive ("Derna's hospitals"), or the modifier of a noun a place modifies."""
    if is_place(name) or run.group().rstrip().endswith(("'s", "’s")):
        return True
    nxt = run.string[run.end() : run.end() + 30].split()
    return bool(nxt) and nxt[0].strip(",.;:").lower() in _PLACE_MODIFIED


_CONTINENTS = frozenset(
    ("Africa", "Europe", "Asia", "America", "Americas", "Oceania", "Antarctica", "Caribbean")
)


def _continental(name: str) -> bool:
    """A continent or a region of one ("Africa", "East Africa", "Latin America"), not a
    country of that name ("South Africa")."""
    words = name.split()
    return bool(words) and words[-1] in _CONTINENTS and not _gazetteer_country(name)


_DIVISIONS = frozenset(("state", "province", "county", "district"))


def _only_a_city(name: str) -> bool:
    """Whether every place the gazetteer knows by this name is a city ("Karachi", "Houston")."""
    found = _places.lookup(name)
    return bool(found) and all(p.kind == "city" for p in found)


@lru_cache(maxsize=4096)
def _gazetteer_country(name: str) -> bool:
    import pycountry

    try:
        pycountry.countries.lookup(name)
    except LookupError:
        return False
    return True


# Between an owner's verb and its count, only a quantity's own words: "cut about 17,000",
# "shed another 10,000", "began cutting more than 18,000".
_UP_TO_COUNT = re.compile(
    r"\s*(?:(?:off|another|some|about|around|roughly|nearly|almost|up\s+to|as\s+many\s+as"
    r"|more\s+than|over|at\s+least|an\s+estimated|approximately|the|its|their|a\s+further)\s+)*$",
    re.IGNORECASE,
)


_QUANTITY_WORDS = word_set(
    """off another some about around roughly nearly almost up to as many more than over at least
    an estimated approximately the its their a further"""
)
_OWN_VERB_STEMS = ("eliminat", "idl", "deliver", "produc", "ship", "hospitali")


def acts_before(text: str, lo: int, count_at: int) -> bool:
    """Whether an owner's verb ends right before the count ("would cut about 17,000"): the
    cheap test before looking for the proposition's subject."""
    words = text[max(lo, count_at - 70) : count_at].lower().split()
    while words and words[-1] in _QUANTITY_WORDS:
        words.pop()
    if not words:
        return False
    last = words[-1].strip(",;:")
    return _OWN_VERB_CF.fullmatch(" " + last) is not None or last.startswith(_OWN_VERB_STEMS)


def own_act_subject(text: str, lo: int, count_at: int) -> str | None:
    """The named, non-place subject of a proposition starting at `lo` that acts on the count
    at `count_at` itself: "Boeing said it would cut about 17,000 jobs", "Amazon began cutting
    more than 18,000". A speaker who reports another's count ("The CDC reported 40 cases")
    or a place ("Texas has 40 cases", read elsewhere) is no such owner."""
    m = _SUBJECT.match(text, lo, count_at)
    if m is None or _has_digit(m["np"]):
        return None
    name = _subject_name(m["np"], True)  # a capitalised common word is no name: "Rescuers"
    if name is None or is_place(name) or name != m["np"].strip().removeprefix("the ").strip():
        return None  # the whole subject is the name: not "the cuts at Twitter"
    verb_at = m.end()
    speech = _REPORT_VERB_CF.match(text, verb_at)
    if speech is not None:
        it = _speaker_it(text, speech.end())
        if it is None:
            return None
        verb_at = it.end()
    own = _OWN_VERB_CF.match(text, verb_at)
    if own is None or own.end() > count_at:
        return None
    return name if _UP_TO_COUNT.match(text[own.end() : count_at]) else None


# A definite organisation phrase as a subject: "The company", "the two automakers".
_ORG_PHRASE = re.compile(
    r"(?:[Tt]he|[Bb]oth|[Tt]hese)\s+(?:[\w-]+\s+){0,2}?(?:company|companies|firm|firms"
    r"|automakers?|carmakers?|union|unions|coalition|group|agency|ministry|department"
    r"|government|retailers?|airlines?|banks?|hospitals?|chain|manufacturers?|employers?)"
)


_VERB_NEXT = re.compile(r"\s+(?:[a-z]+\s+)?[a-z]+(?:ed|s)?\b")


def possessor(text: str, lo: int, hi: int) -> str | None:
    """Whom an "its" / "their" of a proposition starting at `lo` refers to: its subject's
    name ("Disneyland said five of its employees", "Twitter, now owned by Elon Musk,
    dismissed about half of its roughly 7,500 staff") or a definite organisation phrase
    ("the two automakers recalled ..., and over 3,100 of their cars")."""
    lead = len(text[lo:hi]) - len(text[lo:hi].lstrip())
    org = _ORG_PHRASE.match(text, lo + lead, hi)
    if org is not None and _VERB_NEXT.match(text, org.end(), hi):
        return org.group()  # read before _SUBJECT, which takes "automakers" for a verb
    m = _SUBJECT.match(text, lo, hi)
    if m is None or _has_digit(m["np"]):
        return None
    np = m["np"].strip()
    name = _subject_name(np, True)
    return name if name is not None and np.removeprefix("the ") == name else None
