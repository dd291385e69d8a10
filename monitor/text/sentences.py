"""Sentence splitting that survives abbreviations, decimals, quotes and hard line breaks."""

from __future__ import annotations

import re
from dataclasses import dataclass


def word_set(words: str) -> frozenset[str]:
    """A frozen set of the whitespace-separated words of a literal."""
    return frozenset(words.split())


@dataclass(frozen=True)
class Sentence:
    """One sentence of a text, with its character offsets in that text."""

    text: str
    start: int
    end: int


# Titles and short forms that are never followed by a sentence break.
_TITLES = word_set(
    """mr mrs ms dr prof gen lt col sgt capt maj adm cmdr sen rep gov pres st jr sr rev hon
    no nos vs etc e.g i.e approx est dept fig inc corp ltd co bros mt ft jan feb mar apr jun jul
    aug sep sept oct nov dec"""
)
# Words that usually open a sentence: after "U.S." or "a.m." they mean a break after all.
_OPENERS = word_set(
    """the a an it he she they we i but and in on at this that these those there his her their
    its however meanwhile officials"""
)
_BOUNDARY = re.compile(r"[.!?…]+[\"”’')\]]*(?=\s+[\"“‘(\[]?[A-Z0-9])")
_NEXT_WORD = re.compile(r"\s+[\"“‘(\[]?([A-Za-z]+)")
_DOTTED = re.compile(r"(?:[A-Za-z]\.){2,}$")
_INITIAL = re.compile(r"[A-Z]\.$")


def _is_break(line: str, match: re.Match[str]) -> bool:
    if match.group()[0] != ".":
        return True
    before = line[max(0, match.start() - 30) : match.start() + 1].split()
    token = before[-1].lstrip('"“‘([') if before else ""
    bare = token.rstrip(".").lower()
    if bare in _TITLES:
        return False
    if _DOTTED.search(token):
        following = _NEXT_WORD.match(line, match.end())
        return following is not None and following.group(1).lower() in _OPENERS
    return not _INITIAL.fullmatch(token)


def _split_line(line: str, offset: int) -> list[Sentence]:
    sentences: list[Sentence] = []
    start = 0
    for match in _BOUNDARY.finditer(line):
        if _is_break(line, match):
            sentences.extend(_sentence(line, start, match.end(), offset))
            start = match.end()
    sentences.extend(_sentence(line, start, len(line), offset))
    return sentences


def _sentence(line: str, start: int, end: int, offset: int) -> list[Sentence]:
    chunk = line[start:end]
    stripped = chunk.strip()
    if not stripped:
        return []
    lead = len(chunk) - len(chunk.lstrip())
    first = offset + start + lead
    return [Sentence(stripped, first, first + len(stripped))]


def split_sentences(text: str) -> list[Sentence]:
    """Split text into sentences; newlines are hard breaks; offsets index into text."""
    sentences: list[Sentence] = []
    offset = 0
    for line in text.split("\n"):
        sentences.extend(_split_line(line, offset))
        offset += len(line) + 1
    return sentences
