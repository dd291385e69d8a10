"""Output digest of claim extraction: one sha256 over every field of every claim it finds.

Run: python bench/claims_digest.py [--dump FILE]

Inputs (development data only; the held-out half is never read): each row of
tests/data/claims/sentences.jsonl, dev/, fresh/, open2/ and open3/sentences.jsonl (with its
previous sentence, as bench/claims.py joins them), the dev timelines' article titles and bodies,
the synthetic articles bench/claims.py times, and the article bodies of the shared
article-extraction bench data. A speed-up of the extractor must leave the digest unchanged;
`--dump` writes one line per text (its digest and source) to diff when it does not.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Iterator
from dataclasses import astuple
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from claims import HALVES, load, synthetic_articles  # noqa: E402

from monitor.text.claims import extract_report  # noqa: E402

DATA = ROOT / "tests/data/claims"
SENTENCE_SETS = (
    *HALVES["dev"],
    DATA / "fresh/sentences.jsonl",
    DATA / "open2/sentences.jsonl",
    DATA / "open3/sentences.jsonl",
)
TIMELINES = DATA / "dev/timelines"
# Not in the repository: the shared folder beside the checkout (README, Benchmarks); skipped when absent.
SHARED = ROOT.parent / "shared" / "bench-data" / "article-extraction" / "ground-truth.json"


def texts() -> Iterator[tuple[str, str]]:
    """(source, text) for every development input, in a fixed order."""
    for path in SENTENCE_SETS:
        for row in load((path,)):
            previous = row.get("previous") or ""
            yield row["id"], f"{previous}\n{row['text']}" if previous else row["text"]
    for path in sorted(TIMELINES.glob("*.json")):
        for article in json.loads(path.read_text())["articles"]:
            yield f"{path.stem}/{article['id']}", f"{article['title']}\n{article['body']}"
    for n, article in enumerate(synthetic_articles(load(HALVES["dev"]))):
        yield f"synthetic/{n}", article
    if SHARED.exists():
        truth = json.loads(SHARED.read_text(encoding="utf-8"))
        for key in sorted(truth):
            yield f"shared/{key[:12]}", truth[key].get("articleBody") or ""


def text_digest(text: str) -> str:
    """sha256 of the repr of every field of every claim and unparsed sentence of a text."""
    report = extract_report(text)
    rows = [repr(astuple(c)) for c in report.claims] + [repr(astuple(u)) for u in report.unparsed]
    return hashlib.sha256("\n".join(rows).encode()).hexdigest()


def main(argv: list[str]) -> int:
    """Print the digest over all inputs (and how many texts it covers)."""
    dump = Path(argv[argv.index("--dump") + 1]) if "--dump" in argv else None
    total = hashlib.sha256()
    lines: list[str] = []
    for source, text in texts():
        digest = text_digest(text)
        total.update(digest.encode())
        lines.append(f"{digest} {source}")
    if dump is not None:
        dump.write_text("\n".join(lines) + "\n")
    print(f"{len(lines)} texts  claims digest {total.hexdigest()}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
