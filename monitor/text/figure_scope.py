"""Clauses and scopes for figure binding: the clause and phrase of a number, and the
claim's scope from its frame, checked against the clause (another clause's scope, a scope
that only names the source, a generic noun named by its qualifier, a count)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from monitor.text.figure_words import context_match, find_term, fold_case
from monitor.text.headline import clause_span as headline_clause
from monitor.text.headline import is_headline
from monitor.text.scope import when_event
from monitor.text.scope_grammar import names_a_place

_CLAUSE_BREAK = re.compile(
    r"\s*(?:;|:|\s[—–]\s|\s--\s|,\s*(?:while|whereas|but|and|although|though|as|when|after)\b"
    r"|\s(?:while|whereas|but)\s|\s(?:and|but)\s+that\b)\s*",
    re.IGNORECASE,
)

# The note scope_of gives a frame scope that lies in another clause of the sentence.
ANOTHER_CLAUSE = " is another clause's"
# The note scope_of gives a frame scope that a later number of the sentence owns.
ANOTHER_NUMBER = " is another number's"


def clause_span(claim: Any) -> tuple[int, int]:
    """Offsets in the sentence of the clause holding the claim (split at ;, :, dashes,
    ", while", ", but", ", and" ...)."""
    sentence: str = claim.sentence
    start: int = getattr(claim, "start", None) or 0
    words: str = getattr(claim, "text", None) or ""
    if not start and words:
        start = max(sentence.find(words), 0)
    if is_headline(sentence):
        return headline_clause(sentence, start)  # "153 Killed, 133 Injured In ...": its own
    begin, end = 0, len(sentence)
    for m in _CLAUSE_BREAK.finditer(sentence):
        if _shares_the_verb(sentence, m):
            continue  # "covered 10,000 people in the town, and 15,000 visitors in the park"
        if m.end() <= start:
            begin = m.end()
        elif m.start() >= start:
            end = m.start()
            break
    return begin, end


# ", and" before a counted noun phrase with no verb of its own: the phrase is one more object
# of the clause's verb, not a clause ("... about 10,000 people in the town, and 15,000 visitors
# in the park").
_AND_COUNT = re.compile(r",\s*and\s*$", re.IGNORECASE)
_COUNT_OPENS = re.compile(
    r"(?:(?:about|some|nearly|almost|roughly|around|more\s+than|over|at\s+least|up\s+to)\s+)?"
    r"\d[\d,.]*(?:\s+(?:million|thousand))?\s+[a-z]",
    re.IGNORECASE,
)
_OWN_VERB = re.compile(
    r"\b(?:is|are|was|were|has|have|had|said|says|will|would|could|can|may|might|did|do|does"
    r"|been|died|[a-z]{3,}ed)\b",
    re.IGNORECASE,
)


def _shares_the_verb(sentence: str, m: re.Match[str]) -> bool:
    """A ", and" break that only joins one more counted phrase to the clause before."""
    if not _AND_COUNT.search(m.group()):
        return False
    if not _COUNT_OPENS.match(sentence, m.end()):
        return False
    stop = _CLAUSE_BREAK.search(sentence, m.end())
    rest = sentence[m.end() : stop.start() if stop else len(sentence)]
    return _OWN_VERB.search(rest) is None


_PHRASE_BREAK = re.compile(
    r",(?!\d)\s*|\s(?:and|or|but)\s"
    # "... toll jumps to 95 as soldiers join the search for the missing": a clause of its own,
    # not "as many as", "as of", "such as", "as well as", "as a result"
    r"|(?<!such)\s+as\s+(?!(?:many|much|well|of|a\s+result|part|if|though|long|far|soon|"
    r"high|low|few|little|expected|usual|planned|possible|likely|per|recently|early|late)\b)"
    r"(?=(?:the|its|their|his|her|this|these|those)\s|(?-i:[A-Z])\w+\s+(?-i:[a-z])|"
    r"[a-z]+s\s+(?!of\b)[a-z]+)",
    re.IGNORECASE,
)


def phrase_of(claim: Any) -> str:
    """The part of the clause that speaks of the number: between the commas and "and"s around
    it ("arrested 483 people" in "... arrested 483 people and charged 149")."""
    begin, end = clause_span(claim)
    sentence: str = claim.sentence
    start = getattr(claim, "start", 0) or 0
    stop = max(getattr(claim, "end", 0) or 0, start)
    breaks = list(_PHRASE_BREAK.finditer(sentence, begin, end))
    aside = False
    skip_to = -1
    for i, m in enumerate(breaks):
        if m.end() <= start:
            begin = m.end()
        elif i <= skip_to:
            continue  # inside "..., most of them students, ..."
        elif m.start() >= stop:
            comma = m.group().startswith(",")
            if comma and not aside and (closing := _closing_part_aside(sentence, breaks, i)):
                skip_to = closing  # "290, most of them students, were still missing": the
                continue  # predicate after the aside is the number's
            if comma and not aside and _RANGE_ASIDE.match(sentence, m.end()):
                aside = True  # "3 million people displaced, either within Sudan or abroad"
                continue
            if aside and not comma:
                continue  # the aside's own "or" / "and"
            upto = breaks[i + 1].start() if i + 1 < len(breaks) else end
            if _ALTERNATIVE.fullmatch(m.group()) and not _NUMBER.search(sentence, m.end(), upto):
                continue  # "4,000 people were killed or wounded": one mixed count, not two
            end = m.start()
            break
    after = _AFTER_CLAUSE.search(sentence, stop, end)
    if after is not None:
        end = after.start()  # "rose to 62 after rescue crews recovered three more bodies"
    return sentence[begin:end]


# A clause after the number that has its own subject and verb speaks of something else: "the
# toll rose to 62 on Monday after rescue crews recovered three more bodies", "raised the toll
# to 20 after the last two missing people were found dead" (not "after the quake", which
# still describes the count).
_AFTER_CLAUSE = re.compile(
    r"\s(?:after|when|while|before)\s+(?:the\s+|its\s+|their\s+)?(?:[a-z]+\s+){0,3}?"
    r"(?:[a-z]+s|people|children|men|women)"
    r"\s+(?:(?:had|have|has|were|was|are|is)\s+(?:been\s+)?)?"
    r"(?-i:[a-z]+ed|found|taken|seen|struck|swept|brought|told|given|hit)\b"
)


# A verbless aside after the number saying where the counted are ("..., either within the
# country or abroad", "..., both at home and abroad") belongs to the number's phrase.
_RANGE_ASIDE = re.compile(r"(?:either|both)\s+(?:in|at|within|inside|outside|across)\b", re.I)


# A verbless aside after the number naming who most of the counted are ("290, most of them
# students, were still missing"): the number's predicate comes after it.
_PART_ASIDE = re.compile(
    r"(?:(?:most|many|some|all|half|nearly\s+all|almost\s+all)\s+of\s+them"
    r"|mostly|mainly|largely)\s+[^,;:\d]*$",
    re.IGNORECASE,
)


def _closing_part_aside(sentence: str, breaks: list[re.Match[str]], i: int) -> int | None:
    """The index of the comma closing a part aside opened by the comma `breaks[i]`, or None."""
    j = next((k for k in range(i + 1, len(breaks)) if breaks[k].group().startswith(",")), None)
    if j is None:
        return None
    inner = sentence[breaks[i].end() : breaks[j].start()]
    return j if _PART_ASIDE.match(inner) else None


# An "or" joins alternatives of one count unless what follows it carries a number of its own.
_ALTERNATIVE = re.compile(r"\sor\s", re.IGNORECASE)
_NUMBER = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|dozens?|hundreds?|thousands?"
    r"|millions?)\b",
    re.IGNORECASE,
)


def clause_of(claim: Any) -> str:
    """The clause of the sentence holding the claim."""
    begin, end = clause_span(claim)
    return str(claim.sentence[begin:end])


# A source the clause itself calls unconfirmed: "Unofficial reports say 413 people died".
_HEDGED_SOURCE = re.compile(r"\b(?:unofficial|unconfirmed|unverified)\b", re.IGNORECASE)


def unofficial(claim: Any) -> bool:
    """The claim's clause gives it from a source it calls unofficial or unconfirmed, before
    the number ("Unofficial reports say 413 people died", "unconfirmed reports put it at
    276"): an article that also gives another count states that one as the figure's."""
    begin, _ = clause_span(claim)
    start = int(getattr(claim, "start", 0) or 0)
    return _HEDGED_SOURCE.search(str(claim.sentence), begin, max(begin, start)) is not None


# "X believes / said / estimated (that) ...": what comes before names the source, not the scope.
_REPORTING = re.compile(
    r"\b(?:believes?|believed|said|says|estimated?|estimates|reported|reports|told|cites?|"
    r"cited|according\s+to|thinks?|claims?|claimed|assessed|assesses|warned|suggests?)\b"
    r"(?:\s+(?:the\s+estimate\s+)?that\b)?",
    re.IGNORECASE,
)


def _scope_in_source(claim: Any, scope: str, begin: int, end: int) -> tuple[int, int] | None:
    """When the frame's scope names the source of the number rather than its subject
    ("South Korea's spy agency believes North Korea has shipped ...", "..., officials in
    Washington said"): the part of the clause that reports the number, else None."""
    sentence: str = claim.sentence
    start = getattr(claim, "start", 0) or 0
    attribution = getattr(claim, "attribution", None) or ""
    if attribution and fold_case(scope) in fold_case(attribution):
        at = sentence.find(attribution, begin, end)
        if at > start:
            return begin, at
        if at >= 0:
            return at + len(attribution), end
    verbs = [m for m in _REPORTING.finditer(sentence, begin, start)]
    where = sentence.rfind(scope, begin, start)
    if verbs and 0 <= where < verbs[-1].start():
        return verbs[-1].end(), start  # the subject the source speaks of precedes the number
    return None


_COUNT_WORDS = re.compile(
    r"\s*(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|"
    r"scores|hundreds|thousands|several|many|some)\b)",
    re.IGNORECASE,
)


_GENERIC = re.compile(r"(?:the\s+|a\s+|an\s+)?[a-z]")
_QUALIFIER = re.compile(
    r"\s+((?:of|in|at|on|near|across|around|throughout|that|which|who)\b[^,;:()—–]{1,80})"
)


def _named_by_of(sentence: str, scope: str, context: Sequence[str] | None) -> str | None:
    """The context a generic scope names in its own qualifier: "the eastern Libyan city of
    Derna", "the outbreak in the South Plains", "the wildfire that swept through Lahaina"."""
    if context is None or not _GENERIC.match(scope):
        return None
    at = sentence.find(scope)
    if at < 0:
        return None
    tail = _QUALIFIER.match(sentence, at + len(scope))
    return None if tail is None else find_term(tail.group(1), context)


def _beyond_attribution(claim: Any, scope: str) -> bool:
    """ "N lives, Maui County said, overtaking ... in Hawaii's history": an attribution after
    the number closes the number's clause; a scope only found past it is not the number's."""
    sentence: str = claim.sentence
    attribution = getattr(claim, "attribution", None) or ""
    stop = getattr(claim, "end", 0) or 0
    at = sentence.find(attribution, stop) if attribution else -1
    if at < 0:
        return False
    return sentence.find(scope, 0, at) < 0 and sentence.find(scope, at + len(attribution)) >= 0


# A body's own count of something ("the CDC's count", "the ministry's latest figures"): the
# body is the source of the number, not what it counts.
_REPORTING_NOUN = re.compile(
    r"\s*['’]s?\s+(?:(?:latest|new|updated|official|final|own|daily|weekly|running|provisional|"
    r"preliminary)\s+)*(?:count|tally|figures?|data|numbers|estimates?|update|report|records?|"
    r"statistics|tracker)\b",
    re.IGNORECASE,
)
# A place the text only measures from ("a fire near Seoul", "close to Kyiv").
_REFERENCE = re.compile(r"\b(?:near|close\s+to|not\s+far\s+from)\s+$", re.IGNORECASE)
_OWN_NEAR = re.compile(r"\s+(?:near|close\s+to)\s+", re.IGNORECASE)
# The story's own event by its definite name ("the fire", "the Aug. 8 fire", "The outbreak"):
# which place it is, is the article's topic (a year makes it another event: "the 2011 riots").
_EVENTS = (  # the nouns that name an event, for the two patterns below
    r"fire|fires|blaze|wildfire|wildfires|flood|floods|flooding|quake|earthquake|storm|"
    r"hurricane|cyclone|typhoon|tsunami|outbreak|epidemic|pandemic|strike|walkout|riots?|"
    r"disorder|unrest|protests?|crackdown|attack|explosion|blast|collapse|crash|disaster|war|"
    r"conflict|fighting|recall|layoffs|cuts|shipwreck|landslide|eruption|famine|massacre|bombing"
)
_OWN_EVENT = re.compile(
    r"(?:the\s+)(?:(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|deadly|recent|latest|ongoing|current)\s+)?"
    rf"(?:{_EVENTS})",
    re.IGNORECASE,
)
_EVENT_NOUN = re.compile(rf"\b(?:{_EVENTS})s?\b", re.IGNORECASE)
# A day, or the story's event owned by a day ("Saturday's earthquake", "last week's quake",
# "Saturday" taken from "Saturday's earthquake killed 525"): a time, never a place that the
# sentence before could hand on to a count.
_DAY_EVENT = re.compile(
    r"(?:(?:last|this|next)\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
    r"|week|weekend|month|yesterday|today)"
    rf"(?:['’]s(?:\s+(?:[\w-]+\s+){{0,2}}?(?:{_EVENTS}))?)?",
    re.IGNORECASE,
)
_BARE_YEAR = re.compile(r"(?:in\s+|since\s+)?(?:1[89]|20)\d\d")


def past_event(claim: Any) -> str | None:
    """The other event a past claim is given for ("surpassing a 1960 tsunami that killed 61",
    "the 1918 Cloquet fire"): such a number is that event's, no tracked figure's. None for a
    past value without an event (last year's workforce, the 2019 national count)."""
    if getattr(claim, "time", None) != "past":
        return None
    ref = getattr(claim, "time_ref", None) or ""
    if _EVENT_NOUN.search(ref):
        return ref
    if not _BARE_YEAR.fullmatch(ref.strip()):
        return None
    # a bare year, with an event named before the number: "Nepal's last quake of this size, in
    # 1934, killed about 8,500", "The attack on the Indian parliament in 2001 ... killed 14"
    sentence: str = claim.sentence
    named = _EVENT_NOUN.search(sentence, 0, getattr(claim, "start", 0))
    return f"{named.group()} of {ref.strip()}" if named is not None else None


# A total that sums up what the sentence before added ("That brings the total ... to 34,000",
# "lifting the tally to 46,000"): not the added part's scope.
_SUMS_UP = re.compile(
    r"\b(?:brings?|bringing|brought|lifts?|lifting|lifted|raises?|raising|raised|takes?|"
    r"taking|took|pushe?s?|pushing|pushed)\s+(?:the\s+|its\s+|their\s+)?(?:overall\s+|"
    r"total\s+|combined\s+)?(?:total|tally|toll|number|count)\b",
    re.IGNORECASE,
)


def _names_own_event(scope: str, label: str) -> bool:
    """The scope is a named event that the figure's label names too ("deaths from Hurricane
    Ian" for a figure of "Hurricane Ian deaths in Florida"): the cause counted, not a place."""
    name = re.sub(r"^the\s+", "", scope.strip(), flags=re.IGNORECASE)
    if not name[:1].isupper() or not _EVENT_NOUN.search(name):
        return False
    return re.search(rf"\b{re.escape(fold_case(name))}\b", fold_case(label)) is not None


def _demoted(claim: Any, scope: str, source: str, label: str = "") -> str | None:
    """Why a frame's scope names no subject of the number (bind through the topic instead):
    a body's own count, a reference place, the story's own event (by its common noun or as the
    figure's label names it), a total summing up the sentence before. None: the scope stands."""
    sentence: str = claim.sentence
    if source in ("clause", "previous") and (
        _OWN_EVENT.fullmatch(scope) or (label and _names_own_event(scope, label))
    ):
        return f"{scope} is the story's own event, not a scope"
    handed_on = source == "previous" or (
        source == "clause" and scope.casefold() not in sentence.casefold()
    )
    if handed_on and _DAY_EVENT.fullmatch(scope.strip()):
        # what another sentence hands on must be a place; a day is not one
        return f"{scope} names a day (or the event of that day), not a scope"
    if source == "referring" and not names_a_place(scope):
        return f"{scope} refers to the story's own subject, not a scope"  # "the agency"
    if source == "previous":
        begin, end = clause_span(claim)
        if _SUMS_UP.search(sentence, begin, end):
            return f"{scope} is the added part's, not a scope"
        return None
    if source != "clause":
        return None
    at = sentence.find(scope)
    if at < 0:
        return None
    if _REPORTING_NOUN.match(sentence, at + len(scope)):
        return f"{scope} is the source of the count, not a scope"
    if _REFERENCE.search(sentence, max(0, at - 20), at) and not _OWN_NEAR.fullmatch(
        sentence, getattr(claim, "end", 0), at
    ):  # "a village near Lisbon"; but "and 60,000 near the Bridge fire" is the number's own
        return f"{scope} is a reference place, not a scope"
    return None


# "bringing the county's toll to 17": the number's own definite owner, right before it.
_OWNER_BEFORE = re.compile(
    r"\b(?:the|its|their)\s+(?P<kind>[a-z][\w-]*)['’]s\s+(?:[\w-]+\s+){0,3}?(?:to|at|of)\s+$"
)


def _owned_here(claim: Any, scope: str) -> bool:
    """The number's own possessive owner ("the county's toll to 17") names the scope, so the
    source it also names ("The Knott County coroner") does not stand aside for a context term."""
    start = int(getattr(claim, "start", 0))
    m = _OWNER_BEFORE.search(claim.sentence, max(0, start - 60), start)
    return m is not None and m["kind"].casefold() in scope.casefold().split()


_LABEL = re.compile(r"(?P<label>[^:;,.]{2,60}):\s")


def _labels(sentence: str, scope: str) -> bool:
    """A headline's label names the scope of everything after it ("Spain floods: 217 dead")."""
    m = _LABEL.match(sentence)
    return m is not None and fold_case(scope) in fold_case(m["label"])


# A count (not a year) and what follows it up to a place: "840 dead in", "seven of them in",
# "37 were in".
# Number words that open a count of their own ("seven of them", "Eleven more hostages").
COUNT_WORDS = (
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty"
    r"|fifty|dozens|hundreds|thousands|millions"
)
_LATER_COUNT = re.compile(
    rf"(?<![\w.,])(?:(?!(?:19|20)\d\d\b)\d[\d,.]*|{COUNT_WORDS})\b(?P<tail>[^,;:\d]{{0,40}})$",
    re.IGNORECASE,
)
_OWNS_COUNT = re.compile(r"['’]s\s+(?:[a-z-]+\s+){0,2}?\d[\d,.]*\b")
_WHOLE_OF = re.compile(r"\s+(?:of|out\s+of)\s", re.IGNORECASE)


def _another_numbers(claim: Any, scope: str) -> bool:
    """Whether the frame's scope is the place of a later number of the same clause rather than
    the claim's: "rose to 313 on Sunday, with 10 deaths in the previous 24 hours, seven of them
    in Dhaka" (Dhaka is the seven's), "counted 3,651 deaths ..., with 840 dead in Artibonite".
    The whole of a partitive ("20 of the 50 cars that derailed in East Palestine") shares
    the part's place."""
    sentence: str = getattr(claim, "sentence", "") or ""
    stop = getattr(claim, "end", 0) or 0
    at = sentence.find(scope, stop)
    if at < 0 or _WHOLE_OF.match(sentence, stop):
        return False
    if scope in sentence[: getattr(claim, "start", 0) or 0]:
        return False  # named before the number too ("In Wuhan, ... 892 ..., Wuhan's total")
    if _OWNS_COUNT.match(sentence, at + len(scope)):
        return True  # "..., with Colorado's 47 the most of any state"
    later = _LATER_COUNT.search(sentence, stop, at)
    if later is None:
        return False
    tail = f" {later['tail'].strip().casefold()}"
    return tail.endswith((" in", " at", " from", " in the", " at the"))


def scope_of(
    claim: Any, context: Sequence[str] | None = None, label: str = ""
) -> tuple[str | None, str, str | None]:
    """(scope, where it came from, note) of a claim, from its frame, checked against the clause.

    A scope the frame found in the clause but which lies outside the claim's clause belongs to
    another clause (none, then). A scope that names the number's source stands aside for a
    context term in the part of the clause that reports the number.
    """
    scope = getattr(claim, "scope", None)
    source = str(getattr(claim, "scope_source", "clause" if scope else "none"))
    if not scope:
        return None, "none", None
    if context is not None and not context_match(scope, context):
        demoted = _demoted(claim, scope, source, label)
        if demoted is not None:
            return None, "none", demoted
    if _COUNT_WORDS.match(scope):  # whichever sentence it came from: "in 34 cities"
        return None, "none", f"{scope!r} is a count, not a scope"
    if source != "clause":
        return scope, source, None
    begin, end = clause_span(claim)
    sentence: str = claim.sentence
    if (
        scope.casefold() in sentence.casefold()
        and find_term(sentence[begin:end], [scope]) is None
        and not _labels(sentence, scope)
        and (when_event(sentence, begin) or "").casefold() != scope.casefold()
    ):  # the event a ", when ..." clause describes stays its scope ("the 2005 riots, when")
        return None, "none", f"{scope}{ANOTHER_CLAUSE}"
    if _another_numbers(claim, scope):
        return None, "none", f"{scope}{ANOTHER_NUMBER}"
    if _beyond_attribution(claim, scope):
        return None, "none", f"{scope} is beyond the attribution"
    named = _named_by_of(sentence, scope, context)
    if named is not None:
        return named, source, None
    reported = _scope_in_source(claim, scope, begin, end)
    if reported is not None and context is not None and not _owned_here(claim, scope):
        found = find_term(sentence[reported[0] : reported[1]], context)
        if found is not None:
            return found, "clause", f"{scope} is the source"
    return scope, source, None


# People who fled or crossed from one place into another: "fled the fighting in Tigray into
# neighbouring Sudan" counts the refugees the destination has received as well as those the
# origin has lost.
_FLED_INTO = re.compile(
    r"\b(?:fled|crossed|escaped|poured|streamed|fleeing|crossing)\b[^;:]{0,80}?\s(?:into|to)\s+"
    r"(?:the\s+)?(?:neighbouring\s+|neighboring\s+)?(?P<place>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2})"
)
# Arrivals in a place whose running total a "bringing the total to N" clause then gives: "800
# have arrived in eastern Sudan ..., bringing the total who have fled Tigray to 56,000".
_ARRIVED_IN = re.compile(
    r"\b(?:arrived|arriving|crossed|fled)\s+(?:in|into|to)\s+(?:the\s+)?(?:[a-z]+ern\s+)?"
    r"(?P<place>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2})"
)
_BRINGING_TOTAL = re.compile(r"\s*,?\s*(?:bringing|taking|pushing|raising)\s+the\s+total\b")


def flight_destination(claim: Any, context: Sequence[str]) -> str | None:
    """The context term a flight verb in the claim's own clause sends people into, or the place
    the arrivals before a "bringing the total" clause reached; else None."""
    for m in _FLED_INTO.finditer(clause_of(claim)):
        found = find_term(m["place"], context)
        if found is not None:
            return found
    begin, _ = clause_span(claim)
    sentence: str = claim.sentence
    if _BRINGING_TOTAL.match(sentence, begin) or _BRINGING_TOTAL.search(
        sentence, begin, int(getattr(claim, "start", 0) or 0)
    ):
        for m in _ARRIVED_IN.finditer(sentence, 0, begin or int(getattr(claim, "start", 0))):
            found = find_term(m["place"], context)
            if found is not None:
                return found
    return None
