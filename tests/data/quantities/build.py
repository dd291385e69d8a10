"""Build the labelled halves from their sources (see README.md): sentences.src writes dev.jsonl and
heldout.jsonl, sentences2.src (a second author's set) writes dev2.jsonl and heldout2.jsonl, sentences3.src (a
third author's, all dev) writes dev3.jsonl, sentences4.src (a fourth author's, all dev) writes
dev4.jsonl and sentences5.src to sentences7.src (the same author's, each
after the fixes of the set before) dev5.jsonl to dev7.jsonl; sentences8.src and sentences9.src
(a fifth author's, all dev; the second after the first's fixes) write dev8.jsonl and dev9.jsonl;
sentences10.src (a sixth author's, all dev) writes dev10.jsonl.
Each "## story topic half" header names the half its story goes to.

Run from the repository root:  python tests/data/quantities/build.py [SOURCE ...]
(with source names, e.g. `sentences4.src`, only the halves of those sources are written).
Prints counts only. Exits 1 with one line per problem when the source breaks a rule.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent
KINDS = {"count", "money", "percent", "measure", "duration", "magnitude", "fraction"}
QUALIFIERS = {
    None,
    "more than",
    "at least",
    "almost",
    "up to",
    "about",
    "less than",
    "between",
    "vague",
}
APPROXIMATE = {"almost", "about", "vague"}
SOURCES = (
    "sentences.src",
    "sentences2.src",
    "sentences3.src",
    "sentences4.src",
    "sentences5.src",
    "sentences6.src",
    "sentences7.src",
    "sentences8.src",
    "sentences9.src",
    "sentences10.src",
)
MARK = re.compile(r"\[\[(?P<body>[^\]]+)\]\]")


def _number(text: str) -> float | int:
    value = float(text)
    return int(value) if value.is_integer() else value


def bounds(value: float, qualifier: str | None, upper: float | None) -> tuple[Any, Any]:
    """The README's bounds for a value and its canonical qualifier."""
    if qualifier in ("between", "vague"):
        return value, upper
    if qualifier in ("more than", "at least"):
        return value, None
    if qualifier in ("up to", "less than", "almost"):
        return None, value
    return value, value


def parse_line(line: str) -> tuple[str, list[dict[str, Any]]]:
    """The plain sentence and its labelled quantities with character offsets."""
    text, quantities, pos = "", [], 0
    for m in MARK.finditer(line):
        text += line[pos : m.start()]
        span, kind, value, unit, *rest = m["body"].split("|")
        qualifier = rest[0] if rest and rest[0] else None
        upper = _number(rest[1]) if len(rest) > 1 else None
        number = _number(value)
        lower, high = bounds(number, qualifier, upper)
        quantities.append(
            {
                "text": span,
                "start": len(text),
                "end": len(text) + len(span),
                "value": number,
                "lower": lower,
                "upper": high,
                "qualifier": qualifier,
                "approximate": qualifier in APPROXIMATE,
                "kind": kind,
                "unit": unit,
            }
        )
        text += span
        pos = m.end()
    return text + line[pos:], quantities


def main(argv: list[str]) -> int:
    halves: dict[str, list[dict[str, Any]]] = {}
    problems: list[str] = []
    unknown = [name for name in argv if name not in SOURCES]
    if unknown:
        print(f"unknown sources: {unknown}; known: {SOURCES}")
        return 2
    for source in argv or SOURCES:
        _read(ROOT / source, halves, problems)
    for name, rows in halves.items():
        with (ROOT / f"{name}.jsonl").open("w") as out:
            for row in rows:
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
        stories = len({r["story"] for r in rows})
        total = sum(len(r["quantities"]) for r in rows)
        print(f"{name}: {len(rows)} sentences, {stories} stories, {total} quantities")
    for problem in problems:
        print(problem)
    return 1 if problems else 0


def _read(path: Path, halves: dict[str, list[dict[str, Any]]], problems: list[str]) -> None:
    story = topic = half = ""
    number = 0
    for lineno, raw in enumerate(path.read_text().splitlines(), 1):
        line = raw.strip()
        if not line or (line.startswith("#") and not line.startswith("## ")):
            continue
        if line.startswith("## "):
            story, topic, half = line[3:].split()
            number = 0
            continue
        number += 1
        text, quantities = parse_line(line)
        for q in quantities:
            if q["kind"] not in KINDS or q["qualifier"] not in QUALIFIERS:
                problems.append(
                    f"{path.name} line {lineno}: bad kind or qualifier {q['kind']}/{q['qualifier']}"
                )
            if text[q["start"] : q["end"]] != q["text"]:
                problems.append(f"{path.name} line {lineno}: offsets")
        halves.setdefault(half, []).append(
            {"id": f"{story}-{number:02d}", "story": story, "topic": topic, "text": text,
             "quantities": quantities}
        )  # fmt: skip


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
