"""Figure binding (docs/SPEC.md §6): which claims belong to a tracked figure, and why not.

A claim belongs to a figure when
1. its counted noun matches one of the figure's `units` (the head noun; a multi-word unit
   matches the end of the head phrase: "artillery shells" matches "152 mm artillery shells"),
2. the figure's `context` IS the claim's scope — the place, organisation or subject the
   claim's clause attributes the number to, else the one the sentence before names. A
   context word elsewhere in the sentence is not enough. When neither the clause nor the
   sentence before names a scope, the article's topic (its headline and lead sentence)
   supplies it — but only when the topic names this figure's context and no other tracked
   figure's that would take the claim too: a headline naming both Ohio and the nation
   scopes neither,
3. an `about` term (when the figure has any) occurs in the claim's clause,
4. no `exclude` term occurs in the claim's phrase — its clause narrowed to the commas and
   "and"s around the number, so "arrested 483 people and charged 149" is an arrest count
   for a figure excluding "charged",
5. the claim is not another event's: when the figure's label names a kind of event (a
   cholera outbreak, floods), a sentence that, up to the claim's clause, names only events
   of other kinds ("The cyclone struck, killing 476 people in Malawi") counts for those.
A one-word about/exclude term also matches its inflections ("killed" matches "killing").
When two figures could take one claim, it goes to the one whose context matches the
scope most specifically (the longer match), never to both; a tie binds neither.

Binding is regardless of the claim's kind and time: a past or part claim still belongs to
the figure's history, it just never moves it (that is the change rule's business).
Pure functions; every decision carries a one-line reason.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Protocol

from monitor.text import gazetteer
from monitor.text.event_types import event_families
from monitor.text.figure_scope import (
    ANOTHER_CLAUSE,
    ANOTHER_NUMBER,
    COUNT_WORDS,
    clause_of,
    clause_span,
    flight_destination,
    past_event,
    phrase_of,
    scope_of,
)
from monitor.text.figure_words import (
    context_match,
    demonym_context,
    find_term,
    find_word,
    find_words,
    fold_case,
    head_phrase,
    singular,
    unit_matches,
)
from monitor.text.figure_words import may_bind as _may_bind
from monitor.text.own_predicate import own_predicate
from monitor.text.partitive_whole import whole_phrase
from monitor.text.shares import population_base

_KEYS = frozenset(
    {"name", "label", "units", "context", "about", "exclude", "min_change", "alert_on_first"}
)


@dataclass(frozen=True)
class FigureSpec:
    """A figure from the config: what is counted (units), about whom (context), and which
    clauses count (`about`: one must occur; `exclude`: none may occur)."""

    name: str
    label: str
    units: tuple[str, ...]
    context: tuple[str, ...]
    min_change: float = 0.05
    alert_on_first: bool = True
    about: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()

    @classmethod
    def from_mapping(cls, raw: Mapping[str, Any]) -> FigureSpec:
        """Build from one `[[figures]]` table of the config (or a stored definition)."""
        return cls(
            name=str(raw["name"]),
            label=str(raw.get("label", raw["name"])),
            units=tuple(str(u) for u in raw.get("units", ())),
            context=tuple(str(c) for c in raw.get("context", ())),
            min_change=float(raw.get("min_change", 0.05)),
            alert_on_first=bool(raw.get("alert_on_first", True)),
            about=tuple(str(a) for a in raw.get("about", ()) or ()),
            exclude=tuple(str(e) for e in raw.get("exclude", ()) or ()),
        )


def definition_problems(raw: Mapping[str, Any]) -> list[tuple[str, str]]:
    """(key, reason) for every reason a figure definition cannot bind any claim."""
    problems = [(key, "unknown key") for key in sorted(set(raw) - _KEYS)]
    for key in ("units", "context"):
        terms = [str(t).strip() for t in raw.get(key, ()) or ()]
        if not terms or not all(terms):
            problems.append((key, "must list at least one non-empty term"))
    about = {fold_case(str(t)) for t in raw.get("about", ()) or ()}
    exclude = {fold_case(str(t)) for t in raw.get("exclude", ()) or ()}
    if "" in about or "" in exclude:
        problems.append(("about" if "" in about else "exclude", "holds an empty term"))
    overlap = sorted((about & exclude) - {""})
    if overlap:
        problems.append(
            (
                "exclude",
                f"repeats about term(s) {', '.join(map(repr, overlap))}: nothing could bind",
            )
        )
    change = raw.get("min_change", 0.05)
    if isinstance(change, bool) or not isinstance(change, int | float) or not 0 <= change < 1:
        problems.append(("min_change", f"{change!r} is not a fraction in [0, 1)"))
    return problems


class ClaimFrame(Protocol):
    """What binding reads of a claim (monitor.text.claims.Claim provides it)."""

    @property
    def unit(self) -> str: ...
    @property
    def sentence(self) -> str: ...


@dataclass(frozen=True)
class Binding:
    """Whether one claim belongs to one figure, and why (not)."""

    figure: str
    bound: bool
    reason: str
    scope: str | None = None
    scope_source: str = "none"  # clause | previous | referring | headline | topic | none


@dataclass(frozen=True)
class Topic:
    """What an article is about, for claims whose clause and previous sentence name no scope."""

    title: str
    lead: str = ""  # the first sentence of the body

    @classmethod
    def of(cls, title: str, lead: str) -> Topic:
        return cls(title, lead)

    def text_for(self, sentence: str) -> str:
        """Headline and lead — without the claim's own sentence, which named no scope."""
        return self.title if sentence == self.lead else f"{self.title}\n{self.lead}"


# --- binding ------------------------------------------------------------------------------


# A participation verb without its object ("3,800 baristas are now taking part"): the event
# taken part in is the one the sentence before names.
_OBJECTLESS_PART = re.compile(
    r"\b(?:(?:take|takes|taking|took|taken)\s+part|participat(?:e|es|ed|ing))\b(?!\s+in\b)",
    re.IGNORECASE,
)


# A clause that only restates a total ("The council's count put the total at 37,355 families or
# 162,728 individuals", "the tally now stands at 80"): what it counts is what the sentence
# before counted.
_RESTATED_TOTAL = re.compile(
    r"\b(?:put|puts|putting|placed|places|placing)\s+(?:the\s+|its\s+|their\s+)?(?:overall\s+)?"
    r"(?:total|tally|figure|number|count)\s+at\b"
    r"|\bthe\s+(?:total|tally|figure)\s+(?:now\s+)?(?:stands?|stood)\s+at\b",
    re.IGNORECASE,
)


# "about 1.5 million other vehicles", "six other people": a count of things the sentence sets
# apart from those it is about, never the figure's total.
_SET_APART = re.compile(r"^(?:\S+\s+)*?other\s+\S", re.IGNORECASE)


def _fit(spec: FigureSpec, claim: Any, previous: str | None = None) -> str | None:
    """Why the claim cannot be this figure's whatever its scope (unit, about, exclude)."""
    if not unit_matches(claim, spec.units):
        noun = getattr(claim, "head", None) or (claim.unit.split() or [""])[-1].casefold()
        return f"unit '{noun}' not in units"
    if population_base(claim.sentence, getattr(claim, "start", 0), getattr(claim, "end", 0)):
        return "the population a share is taken of, not a count"
    if _SET_APART.search(claim.unit):
        return f"'{claim.unit}' counts things set apart from the figure's"
    if spec.exclude:
        hit = _own_exclude(claim, spec.exclude)
        if hit is not None:
            return f"excluded: '{hit}'"
    whole = whole_phrase(claim) if spec.about else None
    if whole is not None and find_word(whole, spec.about) is None:
        return "the whole of a partitive: its clause's about term is the part's"
    if spec.about and find_word(_about_text(claim), spec.about) is None:
        about = _about_text(claim)
        carried = previous and (_OBJECTLESS_PART.search(about) or _RESTATED_TOTAL.search(about))
        if not carried or find_word(previous or "", spec.about) is None:
            return f"no about term ({', '.join(spec.about)}) in its clause"
    elif spec.about and find_word(_HAD_BEEN.sub("", _about_text(claim)), spec.about) is None:
        return "its about term says only what the counted had been"
    elif spec.about and (own := own_predicate(claim)) and find_word(own, spec.about) is None:
        return "its phrase has its own predicate, with no about term: the clause's is another's"
    return None


# A number of another count and the words between it and a noun it counts: "33 prisoners",
# "1,323 suspected and confirmed cases", "Eleven more hostages" (the noun ends the match).
_COUNT_BEFORE = re.compile(
    rf"(?<![\w.,])(?:\d[\d,.]*(?:\s+(?:million|thousand|billion))?|{COUNT_WORDS})"
    r"(?:\s+(?:more|other|new|further|suspected|confirmed|and|or|[a-z]+-[a-z]+)){0,3}\s+$",
    re.IGNORECASE,
)


def _own_exclude(claim: Any, terms: Sequence[str]) -> str | None:
    """The first exclude term of the claim's phrase that is not another number's counted noun:
    in "Eleven more hostages were released in return for 33 prisoners" the prisoners are the
    33's, so they do not exclude the eleven from a hostage figure (nor the hostages the 33
    from a prisoner figure)."""
    phrase = phrase_of(claim)
    sentence = getattr(claim, "sentence", "") or ""
    offset = sentence.find(phrase) if phrase else -1
    start = getattr(claim, "start", 0) or 0
    end = getattr(claim, "end", 0) or 0
    for hit in find_words(phrase, terms):
        before = _COUNT_BEFORE.search(phrase, max(0, hit.start() - 60), hit.start())
        if before is None or offset < 0 or start <= offset + before.start() < end:
            return hit.group(0)  # no other number counts it, or the claim's own does
        if _PARTITIVE_OF.match(sentence[end : offset + before.start()]):
            return hit.group(0)  # "4,400 of its 5,500 contract workers": the part's noun too
    return None


_PARTITIVE_OF = re.compile(r"\s+of\s+(?:(?:the|its|their|those|these|his|her)\s+)?$", re.I)


# What the counted had been before the clause's own verb: "has accounted for 2,146 people who
# had been reported missing" counts people found, not people missing.
_HAD_BEEN = re.compile(r"\b(?:who|that|which)\s+had\s+(?:previously\s+)?been\b[^,;.]*", re.I)


_GO_ON = re.compile(
    r"\b(?:it|that\s+figure|the\s+figure|that\s+number|the\s+tally)\b"
    # another source's count of the same thing: "..., while the NDRRMC's validated count ...
    # stood at 48" (the count noun names no thing of its own)
    r"|\b(?:the|its|their|(?-i:[A-Z])[\w.&-]*['’]s)\s+(?:[\w’'-]+\s+){0,2}(?:count|tally)\b"
    r"(?!\s+of\b)",
    re.I,
)


def _about_text(claim: Any) -> str:
    """The clause an about term must occur in; a clause that goes on about the number before
    it through a pronoun ("..., and by Friday it stood at 55") or through another source's
    count of it ("..., while the council's validated count stood at 48") reads from the
    sentence start."""
    begin, end = clause_span(claim)
    start = getattr(claim, "start", 0) or 0
    sentence: str = claim.sentence
    if begin > 0 and _GO_ON.search(sentence, begin, max(begin, start)):
        return sentence[:end]
    return sentence[begin:end]


@lru_cache(maxsize=256)
def _label_families(label: str) -> frozenset[str]:
    return event_families(label)


def _other_event(spec: FigureSpec, claim: Any) -> str | None:
    """The events the claim's sentence names up to its clause's end, when the figure's label
    names an event and the sentence names only events of other families: "The cyclone
    struck, killing 476 people in Malawi" is not a count of Malawi's cholera outbreak."""
    own = _label_families(spec.label)
    if not own:
        return None
    _, end = clause_span(claim)
    named = event_families(claim.sentence[:end])
    if not named or named & own:
        return None
    return ", ".join(sorted(named))


def _legacy_scope(claim: Any, previous: str | None, spec: FigureSpec) -> str | None:
    """Without a scope frame (older extractor): a context term in the sentence or the one before."""
    found = find_term(claim.sentence, spec.context)
    if found is None and previous:
        found = find_term(previous, spec.context)
    return found


_CONJUNCTS = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)")


def _wider_than(scope: str, context: Sequence[str]) -> str | None:
    """The named conjunct outside the context when the scope joins the figure's place with
    another ("Germany and Belgium" for a German toll, "the U.S. and Canada" for a U.S.
    recall): the count is of both together, wider than the figure's."""
    if find_term(scope, context) is not None and context_match(scope, context) == len(scope):
        return None  # the context names the whole coordination ("Trinidad and Tobago")
    if _inside_term(scope, context):
        return None  # the coordination is part of a context term ("East and Gulf" coasts)
    parts = [p for p in _CONJUNCTS.split(scope.strip()) if p]
    if len(parts) < 2:
        return None
    named = [re.sub(r"^the\s+", "", p, flags=re.I) for p in parts]
    if not all(n[:1].isupper() for n in named):
        return None
    outside = [p for p in parts if not context_match(p, context) and _outside(p, context)]
    return outside[0] if outside and len(outside) < len(parts) else None


# The places listed after a scope, ending in "and"/"or" ("Nepal, India and China"): the
# clause reader keeps only the first, so the list is read back from the sentence.
_PLACE_NAME = r"(?:the\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,2}"
_LIST_AFTER = re.compile(
    rf"(?P<middle>(?:\s*,\s*{_PLACE_NAME})*)\s*,?\s+(?:and|or)\s+(?P<last>{_PLACE_NAME})"
)


def _listed_with(scope: str, claim: Any, context: Sequence[str]) -> str | None:
    """A known place outside the context that the sentence lists with the scope ("in Nepal,
    India and China" for a Nepal toll, "across North Carolina, South Carolina, Georgia and
    Tennessee"): the count is of all of them together. Every member must be a known place,
    so an aside after the place ("in Nepal, Prime Minister Koirala and ...") is no list."""
    sentence = getattr(claim, "sentence", "")
    at = sentence.find(scope) if isinstance(sentence, str) and scope else -1
    if at < 0:
        return None
    m = _LIST_AFTER.match(sentence, at + len(scope))
    if m is None or (not m["middle"] and "," in sentence[at : m.start("last")]):
        return None
    members = [p.strip(" .") for p in m["middle"].split(",") if p.strip()] + [m["last"].rstrip(".")]
    if not all(gazetteer.lookup(re.sub(r"^the\s+", "", p)) for p in members):
        return None
    outside = [p for p in members if not context_match(p, context) and _outside(p, context)]
    return outside[0] if outside else None


# A running total that adds another place's count to the figure's: "bringing the combined
# toll with Syria to more than 50,000", "the joint toll of Turkey and Syria".
_COMBINED_WITH = re.compile(
    r"\b(?:combined|joint)\s+(?:death\s+)?(?:toll|total|tally|count|number)"
    r"\s+(?:with|of|in|for|across)\s+(?P<other>(?:the\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,2}"
    r"(?:\s+and\s+(?:the\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,2})?)"
    r"[^,;.\d]{0,30}$"
)


def _combined_with(claim: Any, context: Sequence[str]) -> str | None:
    """A known place outside the context that the number's running total is combined with
    ("the combined toll with Syria to 50,000" for a Turkey toll): the count is of both."""
    sentence = getattr(claim, "sentence", "")
    start = getattr(claim, "start", 0) or 0
    if not isinstance(sentence, str) or ("ombined" not in sentence and "joint" not in sentence):
        return None
    m = _COMBINED_WITH.search(sentence, max(0, start - 90), start)
    if m is None:
        return None
    for part in re.split(r"\s+and\s+", m["other"]):
        name = re.sub(r"^the\s+", "", part.strip())
        if not context_match(name, context) and _outside(name, context):
            return name
    return None


def _inside_term(scope: str, context: Sequence[str]) -> bool:
    """Whether the whole scope, as words, lies inside one context term ("East and Gulf" in
    "East and Gulf coasts")."""
    bare = re.sub(r"^the\s+", "", fold_case(scope.strip()))
    inner = re.compile(rf"(?<!\w){re.escape(bare)}(?!\w)")
    return bool(bare) and any(inner.search(fold_case(term)) for term in context)


def _outside(name: str, context: Sequence[str]) -> bool:
    """Whether the named place is a known place that no place of the context contains
    ("Belgium" for "Germany"; not "Northern Ireland" for "UK", nor a name the gazetteer
    does not know)."""
    places = gazetteer.lookup(name)
    around = [c.path for term in context for c in gazetteer.lookup(term)]
    inside = any(a == p.path or gazetteer.contains(a, p.path) for p in places for a in around)
    return bool(places) and not inside


def _headline_opens(title: str, context: Sequence[str]) -> str | None:
    """A context term "the X" that opens the headline without its article, as headlines drop
    articles: "Sheriff explains the missing list" opens with "the sheriff"."""
    for term in context:
        bare = re.sub(r"^the\s+", "", term, flags=re.IGNORECASE)
        if bare != term and re.match(rf"{re.escape(bare)}\b", title, re.IGNORECASE):
            return title[: len(bare)]
    return None


def bind(
    spec: FigureSpec, claim: Any, previous: str | None = None, topic: Topic | None = None
) -> Binding:
    """Bind one claim to one figure, ignoring the other figures (see `bind_all`)."""
    misfit = _fit(spec, claim, previous)
    if misfit is not None:
        return Binding(spec.name, False, misfit)
    other = _other_event(spec, claim)
    if other is not None:
        return Binding(spec.name, False, f"another event ({other})")
    earlier = past_event(claim)
    if earlier is not None:
        return Binding(spec.name, False, f"past: another event ({earlier})")
    note: str | None = None
    if hasattr(claim, "scope"):
        scope, source, note = scope_of(claim, spec.context, spec.label)
    else:
        scope = _legacy_scope(claim, previous, spec)
        source = "clause" if scope else "none"
    if source == "headline" and scope is not None and not context_match(scope, spec.context):
        scope = None  # a name of another clause of the headline: no more than the topic's
    aside = f" ({note})" if note else ""
    if scope is not None and source == "previous" and not context_match(scope, spec.context):
        held = _placed_in(previous or "", scope, spec.context)
        if held is not None:  # "The Dixie Fire in Northern California grew ...": the fire's
            why = f"the sentence before places {held} in {scope}"
            return Binding(spec.name, True, why, held, "previous")
    if scope is not None:
        bound = bool(context_match(scope, spec.context)) or bool(
            demonym_context(scope, getattr(claim, "sentence", ""), spec.context)
        )
        wider = (
            (
                _wider_than(scope, spec.context)
                or _listed_with(scope, claim, spec.context)
                or _combined_with(claim, spec.context)
            )
            if bound
            else None
        )
        if wider is not None:
            why = f"scoped to {scope}{aside}: wider than the figure's ({wider} too)"
            return Binding(spec.name, False, why, scope, source)
        into = None if bound else flight_destination(claim, spec.context)
        if into is not None:  # "fled the fighting in Tigray into neighbouring Sudan"
            return Binding(spec.name, True, f"scoped to {scope}, fled into {into}", into, source)
        return Binding(spec.name, bound, f"scoped to {scope}{aside}", scope, source)
    if hasattr(claim, "scope") and (
        note is None or note.endswith("not a scope") or note.endswith(ANOTHER_NUMBER)
    ):
        # The frame names no scope, but the claim's own clause names the context ("bringing
        # Ohio's total to 57"): that is the clause's subject as far as this figure goes.
        found = find_term(clause_of(claim), spec.context)
        if found is not None:
            return Binding(spec.name, True, f"clause names {found}", found, "clause")
    elsewhere = _sentence_scope(claim, note, spec.context)
    if elsewhere is not None and not context_match(elsewhere, spec.context):
        # The sentence names where the number is, only in another clause ("In Cao Bang
        # province landslides had killed 19 people, and 36 others were unaccounted for"):
        # that place, not the headline's, is the number's scope.
        why = f"the sentence scopes it to {elsewhere}, not the figure's{aside}"
        return Binding(spec.name, False, why, elsewhere, "sentence")
    if topic is not None:
        found = find_term(topic.text_for(claim.sentence), spec.context) or _headline_opens(
            topic.title, spec.context
        )
        if found is not None:
            return Binding(spec.name, True, f"topic: {found}{aside}", found, "topic")
    return Binding(
        spec.name, False, f"no scope in its clause, the sentence before or the headline{aside}"
    )


def _names_exactly(scope: str, context: Sequence[str]) -> bool:
    """Whether the scope is one of the context terms itself (articles and case aside), not a
    word inside a longer term ("Germany" in "Germany's biggest lender")."""
    bare = re.sub(r"^the\s+", "", fold_case(scope.strip()))
    return any(re.sub(r"^the\s+", "", fold_case(t.strip())) == bare for t in context)


def _sentence_scope(claim: Any, note: str | None, context: Sequence[str]) -> str | None:
    """The scope the frame found for the claim in another clause of its sentence, when the
    clause-level check set it aside and the sentence names none of the figure's context: the
    sentence's own place still comes before the article's headline (SPEC §6: "the figure's
    context is the claim's scope"). A sentence that also names the context ("Ferry With 476
    Aboard Sinks Off South Korea; Four Dead") leaves the choice to the headline as before."""
    scope = getattr(claim, "scope", None)
    if not scope or note is None or not note.endswith(ANOTHER_CLAUSE):
        return None
    if getattr(claim, "scope_source", "clause") != "clause":
        return None
    if find_term(getattr(claim, "sentence", ""), context) is not None:
        return None
    if event_families(str(scope)) or _DAY_OWNED.match(str(scope)):
        return None  # the story's event ("Saturday's earthquake"), not a place of its own
    return str(scope)


_DAY_OWNED = re.compile(
    r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day['’]s\b|(?:yesterday|today)['’]s\b", re.I
)


def _placed_in(previous: str, scope: str, context: Sequence[str]) -> str | None:
    """The context term the sentence before sets in the inherited place ("The Dixie Fire in
    Northern California grew ..."): that place is where the figure's own subject is, so a
    count carried over from it is the subject's, not the wider place's."""
    for term in context:
        placed = re.search(
            rf"(?<!\w){re.escape(term)}\s+(?:in|across|near)\s+(?:the\s+)?{re.escape(scope)}\b",
            previous,
            re.IGNORECASE,
        )
        if placed is not None:
            return term
    return None


def bind_all(
    specs: Sequence[FigureSpec],
    claim: Any,
    previous: str | None = None,
    topic: Topic | None = None,
) -> list[Binding]:
    """Bind one claim against every figure: at most one figure takes it.

    Several candidates: the most specific context match wins; a tie binds none. A scope taken
    from the article's topic yields to any figure bound by the claim's own scope, and binds
    nothing when the topic names several candidates.
    """
    found = [bind(spec, claim, previous, topic) for spec in specs]
    bound = [i for i, b in enumerate(found) if b.bound]
    if len(bound) < 2:
        return found
    # "741 people had been arrested and 302 charged": the figure whose about term is in the
    # number's own phrase takes it over one whose term is only elsewhere in the clause.
    phrase = phrase_of(claim)
    own_term = [i for i in bound if specs[i].about and find_word(phrase, specs[i].about)]
    if own_term and len(own_term) < len(bound):
        result = list(found)
        for i in bound:
            if i not in own_term:
                why = f"{found[i].reason}, but its about term is another number's"
                result[i] = Binding(
                    specs[i].name, False, why, found[i].scope, found[i].scope_source
                )
        found, bound = result, own_term
        if len(bound) < 2:
            return found
    own = [i for i in bound if found[i].scope_source != "topic"]
    weight = {i: context_match(found[i].scope or "", specs[i].context) for i in own}
    best = max(weight.values(), default=0)
    winners = [i for i, w in weight.items() if w == best]
    if len(winners) > 1:  # "Germany" is a German figure's own term, only inside a bank's
        exact = [i for i in winners if _names_exactly(found[i].scope or "", specs[i].context)]
        winners = exact if len(exact) == 1 else winners
    winner = winners[0] if len(winners) == 1 else None
    result = list(found)
    for i in bound:
        if i == winner:
            continue
        others = ", ".join(specs[j].name for j in bound if j != i)
        reason = (
            f"{found[i].reason}, but {specs[winner].name} fits better"
            if winner is not None
            else f"also matches {others}: bound to neither"
        )
        result[i] = Binding(specs[i].name, False, reason, found[i].scope, found[i].scope_source)
    return result


# Words of a context term that alone never name it ("North" is not North Korea).


def may_bind(specs: Sequence[FigureSpec], text: str) -> bool:
    """False when no claim of `text` can bind to any of `specs` (no context word at all)."""
    return _may_bind([spec.context for spec in specs], text)


def frame_note(claim: Any) -> str | None:
    """Why a bound claim cannot move a figure ("past: 2019", "kind part", "forecast"); None
    for a current total."""
    time = getattr(claim, "time", "current")
    if time == "past":
        ref = getattr(claim, "time_ref", None)
        return f"past: {ref}" if ref else "past"
    kind = getattr(claim, "kind", "total")
    if kind != "total":
        return f"kind {kind}"
    mood = getattr(claim, "modality", None)
    if mood in ("forecast", "disputed"):
        return str(mood)  # "could reach 10,000" projected, "denied reports that 50 ..." rejected
    return None


__all__ = [
    "Binding",
    "FigureSpec",
    "Topic",
    "bind",
    "bind_all",
    "clause_of",
    "definition_problems",
    "find_term",
    "find_word",
    "frame_note",
    "head_phrase",
    "may_bind",
    "phrase_of",
    "singular",
    "unit_matches",
]
