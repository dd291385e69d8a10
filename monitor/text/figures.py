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
   for a figure excluding "charged".
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

from monitor.text.sentences import word_set

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
    about = {_norm(str(t)) for t in raw.get("about", ()) or ()}
    exclude = {_norm(str(t)) for t in raw.get("exclude", ()) or ()}
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
    scope_source: str = "none"  # clause | previous | topic | none


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


# --- words --------------------------------------------------------------------------------


def _norm(text: str) -> str:
    return " ".join(text.casefold().replace("’", "'").split())


_IRREGULAR = {
    "people": "person", "men": "man", "women": "woman", "children": "child", "lives": "life",
    "wives": "wife", "knives": "knife", "halves": "half", "thieves": "thief",
}  # fmt: skip


def singular(word: str) -> str:
    """A lowercased singular form good enough to compare counted nouns."""
    w = word.casefold().strip("'’.,")
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith("ie") and len(w) > 4:  # a head already cut to "casualtie"
        return w[:-2] + "y"
    if w.endswith(("sses", "shes", "ches", "xes")):
        return w[:-2]
    if w.endswith("s") and not w.endswith(("ss", "us", "is")) and len(w) > 2:
        return w[:-1]
    return w


def _phrase(text: str) -> tuple[str, ...]:
    return tuple(singular(w) for w in re.findall(r"[\w'’-]+", text))


def head_phrase(claim: Any) -> tuple[str, ...]:
    """The claim's counted noun phrase, singular: modifiers then head ("measles", "case")."""
    head = getattr(claim, "head", None)
    if head:
        modifiers = tuple(getattr(claim, "modifiers", ()) or ())
        return (*(w for m in modifiers for w in _phrase(m)), *_phrase(head))
    return _phrase(claim.unit)


def unit_matches(claim: Any, units: Sequence[str]) -> bool:
    """True when the claim's head noun (or the end of its head phrase) is one of `units`."""
    words = head_phrase(claim)
    for wanted in units:
        tail = _phrase(wanted)
        if tail and words[-len(tail) :] == tail:
            return True
    return False


@lru_cache(maxsize=1024)
def _pattern(terms: tuple[str, ...]) -> re.Pattern[str] | None:
    """Word-bounded, case-insensitive alternatives; a term also matches its plural."""
    usable = sorted({t.strip() for t in terms if t.strip()}, key=len, reverse=True)
    if not usable:
        return None
    alts = "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in usable)
    return re.compile(rf"(?<![\w-])(?:{alts})(?:e?s)?(?![\w-])", re.IGNORECASE)


_SUFFIXES = r"(?:e|ed|ing|es|s|d|y|ies|er|ers)?"


def _stem(word: str) -> str:
    w = word.casefold()
    for suffix in ("ing", "ies", "ed", "es", "s"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            return w[: -len(suffix)]
    return w[:-1] if w.endswith("ed") or (w.endswith("d") and w[-2:-1] == "e") else w


@lru_cache(maxsize=1024)
def _word_pattern(terms: tuple[str, ...]) -> re.Pattern[str] | None:
    """Like `_pattern`, but a one-word term also matches its inflections ("kill" → killing)."""
    alts = []
    for term in sorted({t.strip() for t in terms if t.strip()}, key=len, reverse=True):
        stem = _stem(term)
        if " " in term or len(stem) < 4:  # "lives" must not match "living"
            alts.append(re.escape(term).replace(r"\ ", r"\s+") + r"(?:e?s)?")
        else:
            alts.append(re.escape(stem) + _SUFFIXES)
    if not alts:
        return None
    return re.compile(rf"(?<![\w-])(?:{'|'.join(alts)})(?![\w-])", re.IGNORECASE)


def find_word(text: str, terms: Sequence[str]) -> str | None:
    """The first of `terms` (or an inflection of a one-word term) in `text`; None if none."""
    pattern = _word_pattern(tuple(terms))
    found = pattern.search(text) if pattern is not None else None
    return found.group(0) if found else None


def find_term(text: str, terms: Sequence[str]) -> str | None:
    """The longest of `terms` occurring in `text` as words, as written there; None if none."""
    pattern = _pattern(tuple(terms))
    if pattern is None:
        return None
    found = [m.group(0) for m in pattern.finditer(text)]
    return max(found, key=len) if found else None


def _context_match(scope: str, context: Sequence[str]) -> int:
    """How specifically `scope` names the context: the length of the matching term, 0 if not.

    The scope names the context when a context term occurs in it ("West Texas" for "Texas")
    or it is a whole part of a context term ("Gaza" for "the Gaza Strip").
    """
    found = find_term(scope, context)
    if found is not None:
        return len(found)
    bare = re.sub(r"^(?:the)\s+", "", _norm(scope))
    if not bare or all(w in _GLUE for w in bare.split()):
        return 0
    inner = re.compile(rf"(?<!\w){re.escape(bare)}(?!\w)")
    return max((len(bare) for term in context if inner.search(_norm(term))), default=0)


# --- clauses ------------------------------------------------------------------------------

_CLAUSE_BREAK = re.compile(
    r"\s*(?:;|:|\s[—–]\s|\s--\s|,\s*(?:while|whereas|but|and|although|though|as|when|after)\b"
    r"|\s(?:while|whereas|but)\s|\s(?:and|but)\s+that\b)\s*",
    re.IGNORECASE,
)


def clause_span(claim: Any) -> tuple[int, int]:
    """Offsets in the sentence of the clause holding the claim (split at ;, :, dashes,
    ", while", ", but", ", and" ...)."""
    sentence: str = claim.sentence
    start: int = getattr(claim, "start", None) or 0
    words: str = getattr(claim, "text", None) or ""
    if not start and words:
        start = max(sentence.find(words), 0)
    begin, end = 0, len(sentence)
    for m in _CLAUSE_BREAK.finditer(sentence):
        if m.end() <= start:
            begin = m.end()
        elif m.start() >= start:
            end = m.start()
            break
    return begin, end


_PHRASE_BREAK = re.compile(r",(?!\d)\s*|\s(?:and|or|but)\s", re.IGNORECASE)


def phrase_of(claim: Any) -> str:
    """The part of the clause that speaks of the number: between the commas and "and"s around
    it ("arrested 483 people" in "... arrested 483 people and charged 149")."""
    begin, end = clause_span(claim)
    sentence: str = claim.sentence
    start = getattr(claim, "start", 0) or 0
    stop = max(getattr(claim, "end", 0) or 0, start)
    for m in _PHRASE_BREAK.finditer(sentence, begin, end):
        if m.end() <= start:
            begin = m.end()
        elif m.start() >= stop:
            end = m.start()
            break
    return sentence[begin:end]


def clause_of(claim: Any) -> str:
    """The clause of the sentence holding the claim."""
    begin, end = clause_span(claim)
    return str(claim.sentence[begin:end])


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
    if attribution and _norm(scope) in _norm(attribution):
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


def _named_by_of(sentence: str, scope: str, spec: FigureSpec | None) -> str | None:
    """The context a generic scope names in its own qualifier: "the eastern Libyan city of
    Derna", "the outbreak in the South Plains", "the wildfire that swept through Lahaina"."""
    if spec is None or not _GENERIC.match(scope):
        return None
    at = sentence.find(scope)
    if at < 0:
        return None
    tail = _QUALIFIER.match(sentence, at + len(scope))
    return None if tail is None else find_term(tail.group(1), spec.context)


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


def scope_of(claim: Any, spec: FigureSpec | None = None) -> tuple[str | None, str, str | None]:
    """(scope, where it came from, note) of a claim, from its frame, checked against the clause.

    A scope the frame found in the clause but which lies outside the claim's clause belongs to
    another clause (none, then). A scope that names the number's source stands aside for a
    context term in the part of the clause that reports the number.
    """
    scope = getattr(claim, "scope", None)
    source = str(getattr(claim, "scope_source", "clause" if scope else "none"))
    if not scope:
        return None, "none", None
    if source != "clause":
        return scope, source, None
    if _COUNT_WORDS.match(scope):
        return None, "none", f"{scope!r} is a count, not a scope"
    begin, end = clause_span(claim)
    sentence: str = claim.sentence
    if scope.casefold() in sentence.casefold() and find_term(sentence[begin:end], [scope]) is None:
        return None, "none", f"{scope} is another clause's"
    if _beyond_attribution(claim, scope):
        return None, "none", f"{scope} is beyond the attribution"
    named = _named_by_of(sentence, scope, spec)
    if named is not None:
        return named, source, None
    reported = _scope_in_source(claim, scope, begin, end)
    if reported is not None and spec is not None:
        found = find_term(sentence[reported[0] : reported[1]], spec.context)
        if found is not None:
            return found, "clause", f"{scope} is the source"
    return scope, source, None


# --- binding ------------------------------------------------------------------------------


def _fit(spec: FigureSpec, claim: Any) -> str | None:
    """Why the claim cannot be this figure's whatever its scope (unit, about, exclude)."""
    if not unit_matches(claim, spec.units):
        noun = getattr(claim, "head", None) or (claim.unit.split() or [""])[-1].casefold()
        return f"unit '{noun}' not in units"
    if spec.exclude:
        hit = find_word(phrase_of(claim), spec.exclude)
        if hit is not None:
            return f"excluded: '{hit}'"
    if spec.about and find_word(clause_of(claim), spec.about) is None:
        return f"no about term ({', '.join(spec.about)}) in its clause"
    return None


def _legacy_scope(claim: Any, previous: str | None, spec: FigureSpec) -> str | None:
    """Without a scope frame (older extractor): a context term in the sentence or the one before."""
    found = find_term(claim.sentence, spec.context)
    if found is None and previous:
        found = find_term(previous, spec.context)
    return found


def bind(
    spec: FigureSpec, claim: Any, previous: str | None = None, topic: Topic | None = None
) -> Binding:
    """Bind one claim to one figure, ignoring the other figures (see `bind_all`)."""
    misfit = _fit(spec, claim)
    if misfit is not None:
        return Binding(spec.name, False, misfit)
    note: str | None = None
    if hasattr(claim, "scope"):
        scope, source, note = scope_of(claim, spec)
    else:
        scope = _legacy_scope(claim, previous, spec)
        source = "clause" if scope else "none"
    aside = f" ({note})" if note else ""
    if scope is not None:
        bound = bool(_context_match(scope, spec.context))
        return Binding(spec.name, bound, f"scoped to {scope}{aside}", scope, source)
    if hasattr(claim, "scope") and (note is None or note.endswith("not a scope")):
        # The frame names no scope, but the claim's own clause names the context ("bringing
        # Ohio's total to 57"): that is the clause's subject as far as this figure goes.
        found = find_term(clause_of(claim), spec.context)
        if found is not None:
            return Binding(spec.name, True, f"clause names {found}", found, "clause")
    if topic is not None:
        found = find_term(topic.text_for(claim.sentence), spec.context)
        if found is not None:
            return Binding(spec.name, True, f"topic: {found}{aside}", found, "topic")
    return Binding(
        spec.name, False, f"no scope in its clause, the sentence before or the headline{aside}"
    )


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
    own = [i for i in bound if found[i].scope_source != "topic"]
    weight = {i: _context_match(found[i].scope or "", specs[i].context) for i in own}
    best = max(weight.values(), default=0)
    winners = [i for i, w in weight.items() if w == best]
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
_GLUE = word_set(
    """the of a an and north south east west northern southern eastern western central new
    united upper lower greater city state county province republic"""
)


@lru_cache(maxsize=256)
def _context_words(contexts: tuple[tuple[str, ...], ...]) -> re.Pattern[str] | None:
    words: set[str] = set()
    for term in (t for context in contexts for t in context):
        found = [w.casefold() for w in re.findall(r"[\w'’.-]+", term)]
        words.update([w for w in found if w not in _GLUE] or found)
    if not words:
        return None
    alts = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alts})", re.IGNORECASE)


def may_bind(specs: Sequence[FigureSpec], text: str) -> bool:
    """False when no claim of `text` (title and body) can bind to any of `specs`.

    A claim binds only when its scope — words of the text — shares a word with a figure's
    context that can name it on its own ("Korea", not "North"), so a text without any such
    word needs no claim extraction at all.
    """
    pattern = _context_words(tuple(spec.context for spec in specs))
    return pattern is not None and pattern.search(text) is not None


def frame_note(claim: Any) -> str | None:
    """Why a bound claim cannot move a figure ("past: 2019", "kind part"); None for a current total."""
    time = getattr(claim, "time", "current")
    if time == "past":
        ref = getattr(claim, "time_ref", None)
        return f"past: {ref}" if ref else "past"
    kind = getattr(claim, "kind", "total")
    if kind != "total":
        return f"kind {kind}"
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
