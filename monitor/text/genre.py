"""Opinion detection: a column or an editorial argues about an event; it does not report it.

Rule (documented in docs/SPEC.md §6). An article is opinion when

1. its headline carries an opinion marker: a leading "Opinion", "Editorial", "Column",
   "Comment", "Commentary", "Op-ed", "Viewpoint", "Our view", "Guest essay", "Letter(s)"
   followed by ":", "|", "-" or "—", or the same word as a trailing "| Opinion" / "(Opinion)"
   section tag; or
2. its link files it in an opinion section: a path segment "opinion", "opinions",
   "comment", "commentisfree", "editorial(s)", "op-ed", "columns", "columnists",
   "letters" or "viewpoint(s)" (``/opinion/2024/...``, ``/commentisfree/...``); or
3. its first or last paragraph carries an opinion label, the byline or disclaimer that
   outlets print with columns ("is a columnist", "writes a column", "The views expressed
   ... are the author's", "This is an opinion piece"; not "who is a columnist"); or
4. its voice scores as argument (:func:`voice_score` at least :data:`VOICE_THRESHOLD`).
   Outside quotation marks (a resident's "I was scared" is reporting), each sentence is
   marked for what genre classifiers commonly read: the author's stance ("I believe",
   "in my view", "we think"), first and second person, modal and evaluative argument
   ("should", "must", "it is time", "shameful", "a failure"), and on the other side the
   marks of a report: attribution ("said", "told", "according to") and figures. The score
   is a logistic combination of their shares of the sentences (stance counted, capped),
   fitted on the development corpora only (``bench/fit_genre.py``; the check sets fresh5,
   fresh6 and the held-out half are never read). One first-person aside in a report, or
   a quoted official's "we must", stays below the line; a column that argues in its own
   voice in two sentences of ten, with nobody quoted, passes.

Analysis and explainers ("What we know", "Explainer:", "Why ...", ``/analysis/``,
``/explainer/`` sections) are not opinion: they report the event's facts and join its story
(the labelled corpora keep them with the event they explain).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

VOICE_THRESHOLD = 0.71
"""Probability of argument above which the voice alone makes an article opinion."""

_MARKERS = (
    r"opinion|editorial|column|comment|commentary|op-ed|viewpoint|our view|guest essay|"
    r"letters?(?: to the editor)?|the big idea|perspective"
)
_TITLE_LEAD = re.compile(rf"^\s*(?:{_MARKERS})\s*[:|\-–—]", re.IGNORECASE)
_TITLE_TAG = re.compile(rf"(?:[|\-–—]\s*(?:{_MARKERS})\s*$|\((?:{_MARKERS})\)\s*$)", re.IGNORECASE)
_LABEL = re.compile(  # the look-ahead only skips, cheaply, the words no label starts with
    r"(?<!who )\b(?=[iwto])(?:is an? (?:\w+ )?(?:columnist|commentator|contributing writer|opinion writer)|"
    r"writes a (?:weekly |regular )?column|the views expressed|this is an opinion piece|"
    r"opinions? (?:expressed )?(?:here |in this (?:article|piece) )?are (?:the author's|"
    r"(?:his|her|their) own))",
    re.IGNORECASE,
)
_SECTION = re.compile(
    r"/(?:opinions?|comment|commentisfree|editorials?|op-?eds?|columns|columnists|letters|"
    r"viewpoints?)(?:/|$)",
    re.IGNORECASE,
)
_QUOTED = re.compile(r"[\"“][^\"”]*[\"”]")
_SENTENCE = re.compile(r"[^.!?]+[.!?]*")
_FIRST_PERSON = re.compile(
    r"\b(?:I|I'm|I’m|I've|I’ve|[Mm]e|[Mm]y|[Ww]e|[Ww]e're|[Ww]e’re|[Oo]ur|us|[Oo]urselves)\b"
)
_SECOND_PERSON = re.compile(r"\b(?:you|your|you're|you’re)\b", re.IGNORECASE)
_STANCE = re.compile(
    r"\b(?:I|we) (?:(?:do not |don't |don’t )?(?:believe|think|suspect|doubt|argue|welcome|"
    r"hope|fear)|would argue)\b|\bin (?:my|our) (?:view|opinion|judgment)\b|\bto my mind\b|"
    r"\b(?:I|we) have (?:said|argued|long argued)\b",
    re.IGNORECASE,
)
_ARGUMENT = re.compile(
    r"\b(?:should|must|ought to|it is time|it's time|it’s time|let us|let's|let’s|we need|"
    r"what is needed|need to stop|is wrong|is right to|shameful|disgrace|deserve|reckless|"
    r"a failure|failures?|cannot afford|has to|have to|naive|no excuse)\b",
    re.IGNORECASE,
)
_REPORTED = re.compile(
    r"\b(?:said|says|told|according to|announced|confirmed|reported|stated|added|"
    r"spokesman|spokeswoman|spokesperson)\b",
    re.IGNORECASE,
)
_FIGURE = re.compile(r"\d")


@dataclass(frozen=True)
class Voice:
    """How an article's unquoted sentences speak (counts of sentences with each mark)."""

    sentences: int
    stance: int
    personal: int
    second: int
    arguing: int
    reported: int
    figures: int

    def shares(self) -> tuple[float, ...]:
        """The fitted score's inputs: capped stance count, then shares of the sentences."""
        n = max(self.sentences, 1)
        return (
            min(self.stance, 3) / 3,
            self.personal / n,
            self.second / n,
            self.arguing / n,
            self.reported / n,
            self.figures / n,
        )


FEATURES = ("stance", "personal", "second", "arguing", "reported", "figures")
# Fitted by bench/fit_genre.py on the development corpora (dev, fresh ... fresh4).
_WEIGHTS = (1.7, 1.3, -0.5, 1.5, -2.2, -1.4)
_BIAS = 0.7


def opinion_title(title: str) -> bool:
    """Whether the headline carries an opinion section marker."""
    return bool(_TITLE_LEAD.search(title) or _TITLE_TAG.search(title))


def opinion_link(link: str | None) -> bool:
    """Whether the article's link files it in an opinion section (path only, not the host)."""
    if not link:
        return False
    path = re.sub(r"^[a-z][a-z0-9+.-]*://[^/]*", "", link.split("?", 1)[0].split("#", 1)[0])
    return bool(_SECTION.search(path))


def opinion_label(text: str) -> bool:
    """Whether the text carries a columnist's byline or an opinion disclaimer: in its first
    or last paragraph, where outlets print them (a report may mention a columnist inside)."""
    paragraphs = [p for p in text.strip().split("\n") if p.strip()]
    if not paragraphs:
        return False
    first, last = paragraphs[0], paragraphs[-1]
    return bool(_LABEL.search(first) or (len(paragraphs) > 1 and _LABEL.search(last)))


def voice(text: str) -> Voice:
    """The marks of each unquoted sentence of ``text`` (see the module docstring)."""
    unquoted = _QUOTED.sub(" ", text)
    sentences = [s for s in _SENTENCE.findall(unquoted) if s.strip()]
    return Voice(
        sentences=len(sentences),
        stance=sum(1 for s in sentences if _STANCE.search(s)),
        personal=sum(1 for s in sentences if _FIRST_PERSON.search(s)),
        second=sum(1 for s in sentences if _SECOND_PERSON.search(s)),
        arguing=sum(1 for s in sentences if _ARGUMENT.search(s)),
        reported=sum(1 for s in sentences if _REPORTED.search(s)),
        figures=sum(1 for s in sentences if _FIGURE.search(s)),
    )


def voice_score(text: str) -> float:
    """Probability that ``text`` argues rather than reports (the fitted logistic score)."""
    # Every stance phrase holds a first-person word, so a text without one outside quotes
    # has no author's voice to argue with: it scores 0, unsplit (most reports stop here).
    if not _FIRST_PERSON.search(_QUOTED.sub(" ", text)):
        return 0.0
    marks = voice(text)
    if not (marks.stance or marks.personal):
        return 0.0
    z = _BIAS + sum(w * x for w, x in zip(_WEIGHTS, marks.shares(), strict=True))
    return 1.0 / (1.0 + math.exp(-z))


def first_person_argument(text: str) -> bool:
    """Whether the body argues in its own voice (quotations excluded)."""
    return voice_score(text) >= VOICE_THRESHOLD


def is_opinion(title: str, text: str, link: str | None = None) -> bool:
    """An opinion column or editorial (see the module docstring for the rule)."""
    return (
        opinion_title(title)
        or opinion_link(link)
        or opinion_label(text)
        or first_person_argument(text)
    )
