"""Who a sentence attributes its statement to: "according to ...", "... said", "citing ..."."""

from __future__ import annotations

import re

from monitor.text.sentences import word_set

_ABBREVIATIONS = ("Mr", "Ms", "Mrs", "Dr", "St", "Gen", "Lt", "Col", "Sgt", "Rep", "Sen", "Gov")
# A name runs to the next punctuation; dots of initials and titles ("U.S.", "Mr.") stay inside.
_NAME_CHAR = (
    r"(?:[^,;:.!?\"“”()\n]|\((?:[^()\n]{1,20})\)|(?<=\b[A-Z])\.|"
    + "|".join(rf"(?<=\b{a})\." for a in _ABBREVIATIONS)
    + ")"
)
_NAME = rf"(?P<who>{_NAME_CHAR}{{2,120}})"
_SHORT = r"(?P<who>(?:[\w’'.(][\w’'.()-]*\s+){0,11}?[\w’'.(][\w’'.()-]*)"  # no bare "-" word
_SAY = (
    r"(?:said|says|say|told\s+(?:a\s+[\w\s]{1,30}?|\w+)|stated|added|noted|claimed|estimated"
    r"|estimates|estimate|reported|reports|announced|confirmed|wrote|explained|asserted|alleged"
    r"|insisted|warned|believes|believe|assessed|assesses|assess|concluded|disclosed|revealed"
    r"|testified|found|finds|shows|show|showed|listed|lists"
    r"|put\s+(?:the\s+|its\s+|their\s+|(?:the\s+)?[\w-]+['’]s\s+)(?:\w+\s+)?\w+\s+at)\b"
)
_FILLER = r"(?:\s+(?:also|reportedly|earlier|previously|later|has|have|had|now|then|separately))*"
_SAY_AFTER_SPACE = re.compile(rf"\s{_SAY}")
# Each pattern with what a sentence must hold for it to match (words it cannot match
# without, or the reporting verb after a space), so that most sentences skip most patterns.
_PATTERNS = tuple(
    (re.compile(p), need)
    for p, need in (
        (rf"\b[Aa]ccording\s+to\s+{_NAME}", ("ccording",)),
        (rf"\bquoted\s+{_NAME}\s+as\s+saying", ("quoted",)),
        (
            rf"\b(?:confirmed|reported|estimated|stated|announced|disclosed|revealed)\s+by\s+{_NAME}",
            ("by",),
        ),
        (
            rf"(?:^|[,“”\"—]\s*)(?:said|says|told\s+\w+|added|noted)\s+{_NAME}",
            ("said", "says", "told", "added", "noted"),
        ),
        (rf"(?:[,”\"—–]|\s-)\s*{_SHORT}{_FILLER}\s+{_SAY}", _SAY_AFTER_SPACE),
        (
            rf"^(?:[A-Z][^,]{{0,40}},\s*)??{_SHORT}(?P<appos>,[^,]{{1,80}},)?{_FILLER}\s+{_SAY}",
            _SAY_AFTER_SPACE,
        ),
        (rf"\b[Cc]iting\s+{_NAME}", ("iting",)),
    )
)
_EDGE_WORDS = word_set("also reportedly earlier previously later has have had now then")
# A speaker never ends in these: "worth an (estimated)", "The claim was (confirmed)".
_BAD_LAST = word_set(
    "a an the was were is are be been being of to in on at and or that still also now already"
)
# Nor starts with these: "while South Carolina (reported)", "figures it (warned)".
_BAD_FIRST = word_set(
    """while and but or whereas although though after before figures figure which with without
    as since when where if because"""
)  # and "with five people still (reported missing)": no source
_COUNT_IN_NAME = re.compile(r"\d[\d,]*\s+(?:[a-z]+\s+)?[a-z]+s\b|\d,\d")
_SUBJECT_END = re.compile(
    r"^(?P<who>(?:[\w’'.()-]+\s+){0,7}?[\w’'.()-]+?)\s+(?=[a-z]+ed\b|(?:gave|has|had|is|was|were"
    r"|are|will|would|met|made|spoke|took|held|sent|went|came|wrote|told|said|says)\b)"
)
_PRONOUNS = word_set("he she they it we i")


def _clean(name: str) -> str | None:
    words = name.strip().split()
    while words and words[-1].lower() in _EDGE_WORDS:
        words.pop()
    while words and words[0].lower() in _EDGE_WORDS:
        words.pop(0)
    if [w.lower() for w in words[:2]] == ["according", "to"]:
        words = words[2:]  # ", according to World Bank estimates": the source is the bank
    cleaned = " ".join(words).strip(" -—'’")
    return cleaned or None


def find_attribution(sentence: str) -> str | None:
    """The source a sentence names for its statement, or None."""
    needs: dict[re.Pattern[str], bool] = {}  # each needed regex is looked for once
    for pattern, need in _PATTERNS:
        if isinstance(need, tuple):
            if not any(map(sentence.__contains__, need)):
                continue
        else:
            if need not in needs:
                needs[need] = need.search(sentence) is not None
            if not needs[need]:
                continue
        for match in pattern.finditer(sentence):
            name = _clean(match.group("who"))
            if (
                name
                and name.split()[-1].lower() not in _BAD_LAST
                and name.split()[0].lower() not in _BAD_FIRST
                and not name[0].isdigit()
                and not _COUNT_IN_NAME.search(name)
                and not name.split()[-1].isdigit()  # "(said) the toll could reach 18(,000)"
            ):
                appos = (match.groupdict().get("appos") or "").strip(" ,")
                if appos[:1].isupper() and not is_pronoun(appos):
                    return f"{name}, {appos}"  # "The mayor, Abdel-Moneim al-Ghaithi, said"
                return name
    return None


def find_subject(sentence: str) -> str | None:
    """The opening noun phrase of a sentence ("Defence Minister Kang briefed ..." -> the minister)."""
    match = _SUBJECT_END.match(sentence)
    if match is None:
        return None
    name = match.group("who")
    return None if is_pronoun(name) or name.split()[-1].lower() in _BAD_LAST else name


def is_pronoun(name: str) -> bool:
    """True when an attribution is only a pronoun ("he said") and needs resolving."""
    return name.lower() in _PRONOUNS


def opens_quote(sentence: str) -> bool:
    """True when the sentence leaves a quotation open for the next sentence."""
    curly = sentence.count("“") - sentence.count("”")
    return curly > 0 or (curly == 0 and sentence.count('"') % 2 == 1)


def starts_quote(sentence: str) -> bool:
    """True when the sentence begins with a quotation mark."""
    return sentence[:1] in ('"', "“", "‘", "'")
