"""Words of figure binding: counted nouns compared singular, terms found as words (with
inflections for about/exclude), how specifically a scope names a context, and the cheap
test whether a text can name a context at all."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from monitor.text import gazetteer
from monitor.text.claim_measures import measure_symbols
from monitor.text.sentences import word_set


def fold_case(text: str) -> str:
    """Casefolded, curly apostrophes straightened, whitespace collapsed."""
    return " ".join(text.casefold().replace("’", "'").split())


_IRREGULAR = {
    "people": "person", "men": "man", "women": "woman", "children": "child", "lives": "life",
    "wives": "wife", "knives": "knife", "halves": "half", "thieves": "thief",
}  # fmt: skip
# Compounds ending on an irregular plural keep its singular: "schoolchildren" → "schoolchild".
_IRREGULAR_TAILS = ("children", "people")
# Words on "-men" that are no plural of "-man" ("specimen", "abdomen").
_NOT_MEN = frozenset(
    {"specimen", "abdomen", "regimen", "acumen", "stamen", "cyclamen", "albumen", "bitumen"}
)


def singular(word: str) -> str:
    """A lowercased singular form good enough to compare counted nouns."""
    w = word.casefold().strip("'’.,")
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    if w.endswith(_IRREGULAR_TAILS) and "-" not in w:  # "schoolchildren", "townspeople"
        tail = next(t for t in _IRREGULAR_TAILS if w.endswith(t))
        return w[: -len(tail)] + _IRREGULAR[tail]
    if w.endswith("men") and len(w) > 5 and w not in _NOT_MEN:  # "servicemen", "gunmen"
        return w[:-3] + "man"
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith("ie") and len(w) > 4:  # a head already cut to "casualtie"
        return w[:-2] + "y"
    if w.endswith(("sses", "shes", "ches", "xes")):
        return w[:-2]
    if w.endswith("s") and w[:-1].isdigit():
        return w[:-1]  # "Note 7s": a model number made plural
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
    """True when the claim's head noun (or the end of its head phrase) is one of `units`; a
    measure claim's unit symbol must be one the units spell ("lbs" for "pounds": stop 29)."""
    measure = getattr(claim, "measure", None)
    if measure is not None:
        return measure in measure_symbols(tuple(units))
    words = head_phrase(claim)
    for wanted in units:
        tail = _phrase(wanted)
        if tail and words[-len(tail) :] == tail:
            return True
        if tail in _TOLL_UNITS and words[-1:] == ("death",):
            return True  # "the toll rose to 391" is read as a count of deaths
    return False


_TOLL_UNITS = (("toll",), ("death", "toll"))  # a toll counts deaths (singular phrases)


@lru_cache(maxsize=1024)
def _pattern(terms: tuple[str, ...]) -> re.Pattern[str] | None:
    """Word-bounded, case-insensitive alternatives; a term also matches its plural."""
    usable = sorted({t.strip() for t in terms if t.strip()}, key=len, reverse=True)
    if not usable:
        return None
    alts = "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in usable)
    return re.compile(rf"(?<![\w-])(?:{alts})(?:e?s)?(?![\w-])", re.IGNORECASE)


_SUFFIXES = r"(?:e|ed|ing|es|s|d|y|ies|er|ers)?"
# A participle names who something happened to, never who did it: "rescued" is not "rescuers".
_PARTICIPLE_SUFFIXES = r"(?:e|ed|ing|es|s|d|y|ies)?"


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
            suffixes = _PARTICIPLE_SUFFIXES if term.casefold().endswith("ed") else _SUFFIXES
            alts.append(re.escape(stem) + suffixes)
    if not alts:
        return None
    return re.compile(rf"(?<![\w-])(?:{'|'.join(alts)})(?![\w-])", re.IGNORECASE)


def find_word(text: str, terms: Sequence[str]) -> str | None:
    """The first of `terms` (or an inflection of a one-word term) in `text`; None if none."""
    pattern = _word_pattern(tuple(terms))
    found = pattern.search(text) if pattern is not None else None
    return found.group(0) if found else None


def find_words(text: str, terms: Sequence[str]) -> list[re.Match[str]]:
    """Every occurrence of `terms` (one-word terms with their inflections) in `text`."""
    pattern = _word_pattern(tuple(terms))
    return list(pattern.finditer(text)) if pattern is not None else []


def find_term(text: str, terms: Sequence[str]) -> str | None:
    """The longest of `terms` occurring in `text` as words, as written there; None if none."""
    pattern = _pattern(tuple(terms))
    if pattern is None:
        return None
    found = [m.group(0) for m in pattern.finditer(text)]
    return max(found, key=len) if found else None


# A scope that names the whole nation without naming it: "the national death toll",
# "nationwide", "across the country". It is the scope of a figure defined as a nation's: one
# whose first (defining) context term is a country ("Rwanda", "the country"), not of a figure
# that lists a country among other terms (an outbreak's "the parks", "U.S.").
_NATIONAL = re.compile(
    r"(?:the\s+)?(?:national(?:ly)?|nationwide|countrywide|country-wide"
    r"|(?:across|throughout)\s+the\s+(?:whole\s+|entire\s+)?(?:country|nation)"
    r"|(?:the\s+)?(?:whole|entire)\s+(?:country|nation))"
)
_NATION_TERMS = frozenset(("the country", "the nation", "country", "nation", "national"))


def _names_a_nation(term: str) -> bool:
    """Whether a figure's context term is a country: "the country", or a country's name."""
    folded = fold_case(term)
    if folded in _NATION_TERMS:
        return True
    found = gazetteer.lookup(term) if term[:1].isupper() else ()
    return bool(found) and found[0].kind == "country"


def context_match(scope: str, context: Sequence[str]) -> int:
    """How specifically `scope` names the context: the length of the matching term, 0 if not.

    The scope names the context when a context term occurs in it ("West Texas" for "Texas")
    or it is a whole part of a context term ("Gaza" for "the Gaza Strip").
    """
    found = find_term(scope, context)
    if found is not None:
        return len(found)
    if _NATIONAL.fullmatch(fold_case(scope)):
        return len(context[0]) if context and _names_a_nation(context[0]) else 0
    bare = re.sub(r"^(?:the)\s+", "", fold_case(scope))
    if not bare or all(w in _GLUE for w in bare.split()):
        return 0
    inner = re.compile(rf"(?<!\w){re.escape(bare)}(?!\w)")
    found_in = max(
        (
            len(bare)
            for term in context
            if inner.search(fold_case(term)) and not _one_conjunct(bare, fold_case(term))
        ),
        default=0,
    )
    if found_in:
        return found_in
    return max((len(term) for term in context if _same_event(scope, term)), default=0)


# The bodies of a state a country's adjective names as the source of a count: "Mexican
# authorities raised the toll to 50", "Turkish officials said".
_STATE_BODY = (
    r"(?:authorities|officials|government|ministry|health\s+ministry|interior\s+ministry"
    r"|state\s+media|state\s+television|disaster\s+agency|agency|army|military|police"
    r"|civil\s+defen[cs]e|president|officials'|government's)"
)


def demonym_context(scope: str, sentence: str, context: Sequence[str]) -> int:
    """`context_match` of a country's adjective that the sentence uses for that country's
    state ("Mexican authorities raised the toll to 50" for a Mexico figure): the country's
    term. The adjective of the counted people ("130 South Korean victims") is their
    nationality, a part of the count, and names no scope."""
    country = _demonym_country(fold_case(scope.strip()))
    if country is None:
        return 0
    if not re.search(rf"\b{re.escape(scope.strip())}\s+{_STATE_BODY}\b", sentence):
        return 0
    return max((len(term) for term in context if _names_country(term, country)), default=0)


@lru_cache(maxsize=1024)
def _demonym_country(word: str) -> str | None:
    """The one country a country's adjective ("Mexican", "Turkish") is the adjective of."""
    if not gazetteer.is_demonym(word):
        return None
    places = [p for p in gazetteer.lookup(word) if p.kind == "country"]
    return places[0].country if len(places) == 1 else None


@lru_cache(maxsize=1024)
def _names_country(term: str, country: str) -> bool:
    """Whether the context term is the country itself (its name, not a place inside it)."""
    bare = re.sub(r"^the\s+", "", term.strip(), flags=re.IGNORECASE)
    return any(p.kind == "country" and p.country == country for p in gazetteer.lookup(bare))


_CONJUNCTS = re.compile(r",\s*(?:and\s+)?|\s+and\s+")


def _one_conjunct(bare: str, term: str) -> bool:
    """Whether `bare` is one member of a listed context term: "Guinea" of "Guinea, Liberia and
    Sierra Leone" counts for one of the places the list adds up, not for the list; a part of
    one name ("Gaza" of "the Gaza Strip") still names it."""
    if "," not in term:
        return False
    members = [re.sub(r"^the\s+", "", m) for m in _CONJUNCTS.split(term)]
    return len(members) > 2 and bare in members


# A context term that names the story's event by its definite common noun ("the bombings")
# names the same noun with only descriptive or day words before it ("Sunday's suicide
# bombings", "the Easter Sunday attacks"); never another event ("the other attacks", "the
# 1996 bombing", "the Christchurch attacks").
_DEFINITE_NOUN = re.compile(r"the\s+([a-z]+)", re.IGNORECASE)
_DAY_WORDS = word_set(
    """Monday Tuesday Wednesday Thursday Friday Saturday Sunday Easter Christmas Ramadan Eid
    Passover Diwali yesterday today tonight"""
)
_OTHER_EVENT_WORDS = word_set(
    """other another previous earlier last first second third past former prior similar next
    separate older"""
)
_DAY_POSSESSIVE = re.compile(r"^(?:the\s+|(?P<day>[A-Za-z]+)['’]s\s+)")


def _same_event(scope: str, term: str) -> bool:
    m = _DEFINITE_NOUN.fullmatch(term.strip())
    if m is None:
        return False
    lead = _DAY_POSSESSIVE.match(scope.strip())
    if lead is not None and lead["day"] and lead["day"] not in _DAY_WORDS:
        return False  # "Sri Lanka's bombings" is an owner's, for find_term to judge
    words = scope.strip()[lead.end() if lead else 0 :].split()
    if not 2 <= len(words) <= 4 or words[-1].lower() != m.group(1).lower():
        return False
    return all(
        w in _DAY_WORDS or (w.isalpha() and w.islower() and w not in _OTHER_EVENT_WORDS)
        for w in words[:-1]
    )


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


def may_bind(contexts: Sequence[Sequence[str]], text: str) -> bool:
    """False when no claim of `text` (title and body) can bind to a figure with one of `contexts`.

    A claim binds only when its scope — words of the text — shares a word with a figure's
    context that can name it on its own ("Korea", not "North"), so a text without any such
    word needs no claim extraction at all.
    """
    pattern = _context_words(tuple(tuple(c) for c in contexts))
    return pattern is not None and pattern.search(text) is not None
