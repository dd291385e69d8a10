"""The scope grammar of last resort: the scope a number's own clause gives it when neither the
clause cascade (`frame_clauses`) nor the sentence before named one.

In order: the possessor of the counted noun ("771 of the state's victims", "the agency's count
of infants ... rose to five", "the confirmed Soma toll at 284"), a location phrase after the
number ("taken to Salerno", "reported in the Artibonite Valley", "left the island"), the clause's
subject when it is an organisation or a named body ("Prosecutors detained 25", "SAG-AFTRA, the
union that represents some 160,000"), a location phrase before the number, an event phrase
("freed under the truce"). Such a scope is `referring` for binding: it tells whose count it is
as written, and binds to a figure only when it names the figure's context.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from itertools import pairwise
from typing import Protocol

from monitor.text.appositive import resumed_predicate
from monitor.text.clauses import Clause
from monitor.text.frame_values import Frame
from monitor.text.scope import PLACE_COUNT, is_place, not_a_sub_scope
from monitor.text.sentences import word_set

# Head nouns of an organisation or authority that counts, employs, detains or reports.
_ORG_HEADS = word_set(
    """agency agencies ministry ministries department departments police union unions hospital
    hospitals company companies firm firms prosecutors prosecutor authority authorities
    government governments operator operators force forces army military navy council
    commission committee office service services board centre center institute organisation
    organization group groups court courts coalition guild association federation bank
    university school schools network channel regulator regulators administration bureau
    agency's carrier airline automaker automakers manufacturer retailer studio studios
    league party parties ngo charity guard tracker watchdog insurer
    employer employers complex plant factory mine"""
)
# Place nouns a definite article makes a place of the story: "the island", "the state".
_PLACE_NOUNS = (
    r"island|islands|city|state|country|capital|tower|territory|region|province|county|valley"
    r"|town|village|port|camp|coast|district|area|building|site|nation|kingdom|peninsula"
    r"|headquarters\s+city|home\s+state|archipelago|prefecture|municipality|township"
)
_DEFINITE_PLACE = re.compile(
    rf"(?:[Tt]he|[Ii]ts|[Tt]heir)\s+(?:[\w-]+\s+){{0,2}}?(?:of\s+the\s+)?(?:{_PLACE_NOUNS})\b(?!['’-])"
)
_PLACE_POSSESSIVE = re.compile(rf"\b(?P<p>(?:[Tt]he|[Ii]ts)\s+(?:{_PLACE_NOUNS}))['’]s\s")
_MONTHS_DAYS = word_set(
    """January February March April May June July August September October November December
    Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Monday Tuesday Wednesday Thursday Friday
    Saturday Sunday"""
)
_PRONOUNS = word_set("it its they their he his she her we our i you this that these those")
_COUNT_NOUNS = r"count|tally|toll|total|number|list|figures?|estimates?|caseload|register"
# "771 of the state's victims": the whole's possessor right after the number.
_OF_OWNER = re.compile(
    r"\s+(?:[\w-]+\s+){0,2}?of\s+(?P<o>(?:[Tt]he|[Ii]ts|[Tt]heir)\s+(?:[\w-]+\s+){0,2}?[\w.-]+)"
    r"['’]s\s"
)
# "The agency's count of infants ... rose to five": the count's owner, anywhere before it.
_COUNT_OWNER = re.compile(
    r"(?P<o>(?:\b[Tt]he\s+)?(?:[A-Z][\w.’'-]*\s+){0,3}[\w.-]+)['’]s\s+(?:[\w-]+\s+){0,2}"
    rf"(?:{_COUNT_NOUNS})\b"
)
# "the confirmed Soma toll at 284": a name modifying the count noun.
_NAMED_COUNT = re.compile(
    r"\b[Tt]he\s+(?:[a-z]+\s+){0,2}(?P<o>[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2})\s+(?:[a-z]+\s+)?"
    r"(?:toll|count|tally|total)\b"
)
_TIME_WORDS = word_set(
    """year week month day weekend season quarter decade night morning afternoon evening today
    yesterday"""
)
# A location phrase: its preposition, then a place.
_LOCATION = re.compile(
    r"\b(?P<prep>in|at|near|to|off|from|across|throughout|inside|outside|into|of\s+the\s+streets"
    r"\s+of|left|leave|leaving|fled|cost|hit|struck)\s+(?=(?P<rest>[^;]{2,80}))"
)
_STRETCH = re.compile(r"\bfrom\s+(?:the\s+)?[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*\s+to\s+\S+")
_ACCORDING = re.compile(r"\baccording\s+to\b", re.IGNORECASE)
_SPOKEN_IN = re.compile(r"\b(?:[Ss]peaking|[Ww]riting|[Vv]isiting|[Aa]ddressing)\s+$")
_SUPERLATIVE = re.compile(r"(?:the|its|their)\s+(?:[a-z]+est|most|least)\s")
_NAMED_RUN = re.compile(
    r"(?:the\s+)?(?:[A-Z][\w.’'-]*)(?:\s+(?:of\s+)?[A-Z][\w.’'-]*)*"
    r"(?:(?:,\s+|\s+and\s+)(?:[A-Z][\w.’'-]*)(?:\s+[A-Z][\w.’'-]*)*)*"
)
_PLACE_HEADS = word_set(
    """Valley Center Centre Hospital Island Islands Province County District Plaza House Region
    City Street Square Camp Port Airport Station Mine Plant Factory Parish Ward Strip Bank Coast"""
)
_EVENT = re.compile(
    r"\b(?:under|during|since|before|after|throughout)\s+(?P<e>the\s+(?:[\w-]+\s+)?(?:truce"
    r"|ceasefire|cease-fire|deal|agreement|accord|unrest|strike|walkout|siege|lockout|protests?"
    r"|uprising|occupation|blockade))\b"
)
_APPOSITION = word_set("the a an which whose who")
_SUBORDINATORS = word_set("after when because since before while as if until although though")
# "put the number of arrests since ... at 67": the count the verb sets, however long.
_COUNTED_NP = re.compile(rf"(?:the|its|their)\s+(?:[a-z]+\s+)?(?:{_COUNT_NOUNS})\s+of\b")
# A report's verb, after which the reported clause has a subject of its own.
_REPORTS = re.compile(
    r"\b(?:said|says|reported|estimated|confirmed|announced|added|told\s+\w+)\s+(?:that\s+)?"
)
_SPEECH = word_set(
    """said says say told tells reported reports announced announces added adds wrote writes
    noted warned stated"""
)
# The verbs by which a body owns the count after them: counting, holding, acting on people.
_OWNING = word_set(
    """counted counts count tallied tallies recorded records record confirmed confirms listed
    lists registered registers logged logs detained detains arrested arrests employs employ
    employed represents represent treated treats seized seizes holds held had has have cut cuts
    shed sheds recalled recalls drew draws put puts estimated estimates freed frees released
    releases laid lays fired fires admitted admits took takes charged charges"""
)
_PARTICIPLE = re.compile(r"[a-z]+(?:ed|en)").fullmatch
_RELATIVES = frozenset(("which", "who", "whose", "that"))
_ITS_COUNT = re.compile(rf"\b(?:its|their)\s+(?:own\s+)?(?:{_COUNT_NOUNS})\b")
_OWN_AFTER = re.compile(r"\b(?:its|their)\s")
_TOKEN = re.compile(r"[\w.&’'-]+|,")
_AUX = word_set(
    """had has have was were is are will would could did does do may might can should must"""
)
_ADVERBS = word_set(
    """also separately still later then alone already now previously earlier initially first
    only just meanwhile since reportedly officially"""
)
_VERBS = word_set(
    """said says say put puts told tells estimated estimates counted counts recorded records
    confirmed confirms reported reports listed lists detained detains arrested arrests employs
    employ employed represents represent treated treats seized seizes drew draws registered
    registers cut cuts shed sheds found finds gave gives put kept keeps holds held took takes
    ordered orders rescued rescues evacuated evacuates announced announces recalled recalls
    counted tallied logged issued issues sent sends laid lays fired fires"""
)
_NEXT_OF_VERB = word_set(
    """the a an about around some nearly almost more over at least up to that its their his her
    roughly approximately another as many fewer less than"""
)
_LEAD = re.compile(
    r"\s*(?:(?:and|but|while|whereas|as|so)\s+)?(?:that\s+)?"
    r"(?:(?:(?:In|On|By|At|During|Since|Until|After|Before|Between|Over)\s+(?:the\s+)?"
    r"(?:early\s+|late\s+|mid-?)?(?:\d{4}s?|"
    + "|".join(sorted(_MONTHS_DAYS))
    + r")\b(?:\s+(?:\d{1,2}|morning|afternoon|evening|night))?,?\s+)|(?:(?:In|On|By|At|During|Since|After|Before|Between|Over|Together|Earlier|Later|A\s+year"
    r"\s+on|Meanwhile)\b[^,]{0,40},\s+))?"
)


def _verb_at(tokens: list[str], i: int) -> bool:
    word = tokens[i]
    if not word[:1].islower():
        return False
    if word in _AUX or word in _VERBS:
        return True
    nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
    return word.endswith("ed") and (nxt.lower() in _NEXT_OF_VERB or nxt[:1].isdigit())


def _org_like(np: str) -> bool:
    """An organisation or a named body: an authority head noun, an acronym, a web name, a place."""
    words = np.split()
    if not words or words[0].lower() in _PRONOUNS:
        return False
    heads = [words[-1]] + [w for w, n in pairwise(words) if n == "of"]
    for word in heads:  # "the agency", "the Bureau of Mines"
        head = re.sub(r"['’]s?$", "", word).lower()
        if head in _ORG_HEADS or re.fullmatch(rf"(?:{_PLACE_NOUNS})", head):
            return True
    bare = [w for w in words if w.lower() not in ("the", "and", "of", "&")]
    if not bare or not all(w[:1].isupper() for w in bare):
        return False
    if any(w.lower() in _ORG_HEADS for w in bare):
        return True  # "Civil Hospital Karachi"
    if any(re.search(r"[A-Z].*[A-Z]", w) and w.upper() == w for w in bare):
        return True  # "SAG-AFTRA", "UNICEF"
    if any(re.search(r"\w\.\w", w) for w in bare):
        return True  # "Layoffs.fyi"
    return is_place(np) or bare[-1] in _PLACE_HEADS


def _subject(sentence: str, lo: int, hi: int, start: int, reach: bool = False) -> str | None:
    """The subject of the clause `lo:hi` when it is an organisation or a named body whose verb
    owns the number at `start` (`_owns`), or the body an appositive holding the number
    describes ("SAG-AFTRA, the union that represents some 160,000"); `reach`: the number may
    lie at any distance from the verb, for an "and that" that resumes the verb."""
    lead = _LEAD.match(sentence, lo, hi)
    at = lead.end() if lead is not None else lo
    if at >= start:
        return None
    found = list(_TOKEN.finditer(sentence, at, start))
    tokens = [m.group() for m in found] + ["0"]  # the number, after them
    if len(tokens) < 3:
        return None
    for i in range(1, min(len(tokens) - 1, 9)):
        if tokens[i] == ",":
            np = sentence[found[0].start() : found[i - 1].end()]
            rest = tokens[i + 1 : -1]
            if not rest or not (rest[0].lower() in _APPOSITION or rest[0][:1].isupper()):
                return None
            if not _org_like(np):
                return None
            closing = next((k for k in range(i + 1, len(found)) if tokens[k] == ","), None)
            if closing is None:
                return np  # the number inside the appositive: the body it describes
            named = sentence[found[i + 1].start() : found[closing - 1].end()]
            if not (named[:1].isupper() and rest[0].lower() not in _APPOSITION):
                named = np
            verb = next(
                (k for k in range(closing + 1, len(tokens) - 1) if _verb_at(tokens, k)), None
            )
            if verb is None or not _owns(sentence, tokens, found, verb, hi, reach):
                return None
            return named  # "The Vireo Institute, whose ..., counted about 100,000"
        if _verb_at(tokens, i) or (
            tokens[i] in _ADVERBS and i + 1 < len(tokens) and _verb_at(tokens, i + 1)
        ):
            np = sentence[found[0].start() : found[i - 1].end()]
            if not _org_like(np):
                return None
            return np if _owns(sentence, tokens, found, i, hi, reach) else None
    return None


def _owns(
    sentence: str, tokens: list[str], found: list[re.Match[str]], at: int, hi: int, reach: bool
) -> bool:
    """Whether the verb group at token `at` makes the subject the owner of the number after it:
    a verb of counting, holding or acting on people ("counted", "had recorded", "detained",
    "employs"), or a verb of saying whose report names the subject's own ("said its officers",
    "said 2,633 people had gone to its hospitals"), within reach of the number and with no
    subordinate clause between ("opened an investigation after two owners complained")."""
    k, main = at, tokens[at]
    while k < len(tokens) - 1 and (tokens[k] in _ADVERBS or tokens[k] in _AUX):
        main = tokens[k] if tokens[k] in _AUX else main  # "may have had": had
        k += 1
    word = tokens[k]
    if k < len(tokens) - 1 and word[:1].islower() and (_verb_at(tokens, k) or _PARTICIPLE(word)):
        main = word  # "had accounted for", "had recorded"
    elif main in _ADVERBS:
        main = tokens[at + 1]
    between = [w.lower() for w in tokens[k + 1 : -1]]
    counted = _COUNTED_NP.match(sentence, found[k + 1].start()) if between else None
    if not (reach or counted) and (len(between) > 8 or any(w in _SUBORDINATORS for w in between)):
        return False
    if main in _SPEECH:
        return _OWN_AFTER.search(sentence, found[at].end(), hi) is not None
    return main in _OWNING


def _location(text: str) -> str | None:
    """The place a location phrase's object names: a known place, a list of them, a named site
    ("the Artibonite Valley") or a definite place noun ("the island")."""
    text = _STRETCH.sub(lambda m: " " * len(m.group()), text)  # "from Maine to Texas": none
    text = text[: m.start()] if (m := _ACCORDING.search(text)) else text  # the source's place
    for m in _LOCATION.finditer(text):
        rest = m["rest"]
        if _SPOKEN_IN.search(text, 0, m.start()):
            continue  # "Speaking in Geneva, the director said": where it was said
        definite = _DEFINITE_PLACE.match(rest)
        if definite is not None:
            if _SUPERLATIVE.match(rest):
                continue  # "the largest refugee camp in the world": a ranking, no place
            if not_a_sub_scope(text, m.start(), m.end() + definite.end()):
                continue  # "since it appeared in the city": where it began
            return definite.group()
        named = _NAMED_RUN.match(rest)
        if named is None or m["prep"].lower() in ("cost", "hit", "struck"):
            continue
        run = named.group().rstrip(".,")
        words = run.removeprefix("the ").split()
        if not words or words[0].strip(".") in _MONTHS_DAYS:
            continue
        parts = [p for p in re.split(r",\s+|\s+and\s+", run) if p]
        if not_a_sub_scope(text, m.start(), m.end() + len(run)):
            continue  # "since it appeared in X", "in X and abroad": no sub-scope of it
        if (
            is_place(run)
            or words[-1] in _PLACE_HEADS
            or (len(parts) > 1 and all(is_place(p) for p in parts))
        ):
            return run
    return None


def grammar_scope(
    sentence: str, lo: int, hi: int, start: int, end: int, first: int, near: tuple[int, int]
) -> str | None:
    """The scope clause `lo:hi` names for the number at `start:end` by the grammar above;
    `first` is where the sentence's first clause starts (its subject reports an "and that");
    `near`: where the numbers before and after it in the clause end and start, whose own
    location phrases are theirs ("14 deaths, five linked to the Airport fire")."""
    owner = _OF_OWNER.match(sentence, end)
    if owner is not None:
        return owner["o"]  # "771 of the state's victims"
    for m in _COUNT_OWNER.finditer(sentence, lo, start):
        words = m["o"].split()
        if words[-1].lower() not in _TIME_WORDS and words[-1] not in _MONTHS_DAYS:
            return m["o"]  # "The agency's count of infants hospitalised ... rose to five"
    for m in _NAMED_COUNT.finditer(sentence, lo, start):
        if m["o"].split()[0] not in _MONTHS_DAYS:
            return m["o"]  # "put the confirmed Soma toll at 284"
    possessive = _PLACE_POSSESSIVE.search(sentence, lo, hi)
    if possessive is not None:
        return possessive["p"]  # "a strike that paralysed the city's transport"
    after = _location(sentence[end : min(hi, near[1])])
    if after is not None:
        return after  # "some 180 migrants ... were taken to Salerno"
    reported = [m.end() for m in _REPORTS.finditer(sentence, lo, start)]
    subject = _subject(sentence, reported[-1], hi, start) if reported else None
    # "The examiner said the state still had information on roughly 300": the reported clause's
    subject = subject or _subject(sentence, lo, hi, start)
    if subject is None and first < lo and re.match(r"\s*(?:and\s+)?that\s", sentence[lo:hi]):
        subject = _subject(sentence, first, lo, lo, True)  # "The force said ..., and that 493"
    if subject is not None:
        return subject
    before = _location(sentence[max(lo, near[0]) : start])
    if before is not None:
        return before
    event = _EVENT.search(sentence, lo, hi)
    return event["e"] if event is not None else None


def names_a_place(scope: str) -> bool:
    """Whether a scope names a place ("Salerno", "the Drava Valley", "Mali, Niger and Chad"):
    such a scope binds as any clause's does. A body or a place referred to by a common noun
    ("the agency", "Prosecutors", "ACLED", "the island") binds as no scope does, through the
    story's topic: it tells whose count it is, not which of the story's figures."""
    words = scope.removeprefix("the ").split()
    if not words or not words[0][:1].isupper():
        return False
    parts = [p for p in re.split(r",\s+|\s+and\s+", scope) if p]
    return is_place(scope) or words[-1] in _PLACE_HEADS or all(is_place(p) for p in parts)


def _antecedent(text: str, before: Clause, clause: Clause, start: int) -> str | None:
    """The body a clause refers back to: the organisation a relative clause hangs on ("The
    union, which says thousands of jobs are at risk"), the subject whose "its own count" a
    clause carries on ("... confirmed 101 more deaths, bringing its own count to 186")."""
    if clause.opener in _RELATIVES:
        np = text[before.start : before.end].strip(" ,")
        if len(np.split()) > 8 or not _org_like(np):
            return None
        resumed = resumed_predicate(text, clause.start, clause.end)
        if resumed is not None and start >= resumed[0]:
            # the body's own verb resumed after the relative: it must own the number ("The
            # centre, whose ..., counted about 100,000"), not only report it ("The agency,
            # which runs 12 shelters, said 300 people had died")
            found = list(_TOKEN.finditer(text, resumed[0], start))
            tokens = [m.group() for m in found] + ["0"]
            verb = next((k for k in range(len(tokens) - 1) if _verb_at(tokens, k)), None)
            if verb is None or not _owns(text, tokens, found, verb, clause.end, False):
                return None
        return np
    if _ITS_COUNT.search(text, clause.start, start):
        return _subject(text, before.start, before.end, before.end, True)
    return None


def _has_verb(text: str, clause: Clause) -> bool:
    """Whether a clause has a verb of its own, not only a noun phrase joined by "and"."""
    tokens = _TOKEN.findall(text, clause.start, clause.end)
    return any(_verb_at(tokens, i) for i in range(len(tokens)))


class _Parsed(Protocol):
    clauses: list[Clause]


_POINTS_BACK = re.compile(r"\b(?:those|these|the\s+same)\s+$", re.IGNORECASE)


def grammar_frames(
    text: str,
    parsed: _Parsed,
    where: Sequence[tuple[int, int, int]],
    carried: list[Frame],
    frames: list[Frame],
    before: str | None = None,
) -> list[Frame]:
    """Each number neither its clause nor the sentence before scoped, with the scope the
    clause's grammar gives it (`scope_grammar`), else the one it gave the sentence before
    (`before`), as a referring scope; not a total the running increment's place was taken
    off, not "those 301 cases" (the sentence before's)."""
    out = list(frames)
    clauses = parsed.clauses
    for i, frame in enumerate(frames):
        if frame.scope is not None or frame.scope_source != "none" or carried[i].scope:
            continue
        start, end, unit_end = where[i]
        if _POINTS_BACK.search(text, max(0, start - 12), start):
            continue
        if PLACE_COUNT.fullmatch(text, end, unit_end):
            continue  # "in 19 states": the places counted, no scope of theirs
        at = next((k for k, c in enumerate(clauses) if c.start <= start < c.end), None)
        if at is None:
            continue
        clause = clauses[at]
        listed = [s for s, _, _ in where if s >= unit_end and "," in text[unit_end:s]]
        near = (
            max((u for s, _, u in where if u <= start), default=0),
            min(listed, default=len(text)),
        )
        # a number listed after a comma owns the location phrases after it ("14 deaths,
        # five linked to the Airport fire"); one joined by "and" shares them ("253 deaths and
        # 3,115 cases had been reported in the Artibonite Valley")
        first = clauses[0].start
        scope = grammar_scope(text, clause.start, clause.end, start, end, first, near)
        if scope is None and at > 0:
            scope = _antecedent(text, clauses[at - 1], clause, start)
        if scope is None and at > 0 and clause.opener == "and" and not _has_verb(text, clause):
            lo = clauses[at - 1].start  # "cost the state $2.1 billion and nearly 38,000 jobs"
            scope = grammar_scope(text, lo, clause.end, start, end, first, near)
        scope = scope or before  # "... before the truce was extended. Twelve more came out"
        if scope is not None:
            out[i] = replace(frame, scope=scope, scope_source="referring")
    return out
