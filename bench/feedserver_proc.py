"""Standalone feed server for benchmarks: N RSS feeds of M items with ETags, HTTP/1.1 keep-alive.

.venv/bin/python bench/feedserver_proc.py --feeds 2000 --items 20   # prints "PORT <n>"
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import hashlib
import random
import sys
from email.utils import formatdate

WORDS = [
    "harbour",
    "levee",
    "grain",
    "council",
    "ferry",
    "inspectors",
    "rail",
    "depot",
    "river",
    "bridge",
    "budget",
    "survey",
    "contractors",
    "households",
    "flood",
    "barrier",
    "authority",
    "report",
    "spring",
    "autumn",
]


def rotation_words(feed: int, item: int) -> str:
    """60 words of the same 20-word cycle (every entry shares its vocabulary)."""
    return " ".join(WORDS[(feed * 7 + item * 3 + k) % len(WORDS)] for k in range(60)) + "."


PLACES = ["Rotterdam", "Leeds", "Porto", "Gdansk", "Lyon", "Turku", "Bilbao", "Ghent", "Brno"]
BODIES = ["port authority", "city council", "rail operator", "water board", "grain exchange"]
PEOPLE = ["Anna Berg", "Luis Ortega", "Mira Novak", "Tom Hale", "Ines Duarte", "Karl Wenz"]
NOUNS = ["freight volume", "ticket price", "flood barrier budget", "grain stock", "ferry fleet"]
VERBS = ["rose", "fell", "climbed", "dropped", "grew"]
FILLER = [
    "officials",
    "residents",
    "weekend",
    "morning",
    "meeting",
    "plans",
    "workers",
    "season",
    "repairs",
    "traffic",
    "schedule",
    "delays",
    "contract",
    "union",
    "visitors",
    "harbour",
    "levee",
    "depot",
    "bridge",
    "survey",
    "report",
    "inspectors",
    "households",
    "authority",
    "spring",
    "autumn",
    "river",
    "barrier",
    "crews",
    "committee",
    "vote",
]


def story_sentences(story: int) -> list[str]:
    """The facts of one story, shared by every feed that reports it."""
    rng = random.Random(story)
    place, body, person = rng.choice(PLACES), rng.choice(BODIES), rng.choice(PEOPLE)
    noun, verb = rng.choice(NOUNS), rng.choice(VERBS)
    pct, amount = rng.randint(2, 40), rng.randint(3, 900)
    return [
        f"The {body} of {place} said its {noun} {verb} {pct} percent in story {story}.",
        f"{person}, who chairs the {body}, said the change would cost {amount} million euros.",
        f"Work in {place} is expected to start in {rng.choice(['March', 'June', 'October'])}.",
        f"The {noun} had been flat for {rng.randint(2, 9)} years before case {story}.",
        f"Critics in {place} said {amount} million euros was too much for the plan.",
        f"In {place}, {rng.randint(20, 4000)} workers joined the repair crews, the {body} said.",
    ]


def prose_words(feed: int, item: int) -> str:
    """An entry about one of the stories (about four feeds report each), in its own words."""
    story = (feed // 4) * 1000 + item
    rng = random.Random(feed * 1_000_003 + item)
    facts = story_sentences(story)
    picked = rng.sample(facts, k=rng.randint(3, len(facts)))
    filler = [
        " ".join(rng.choice(FILLER) for _ in range(rng.randint(8, 16))).capitalize() + "."
        for _ in range(rng.randint(2, 4))
    ]
    return " ".join(picked + filler)


TEXTS = {"rotation": rotation_words, "prose": prose_words}


def feed_body(feed: int, items: int, text: str = "rotation") -> bytes:
    """A deterministic RSS 2.0 document with `items` entries."""
    words_of = TEXTS[text]
    out = [
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>Bench feed {feed}</title><link>http://bench.invalid/{feed}/</link>"
    ]
    for i in range(items):
        words = words_of(feed, i)
        date = formatdate(1_750_000_000 - feed * 3600 - i * 600, usegmt=True)
        out.append(
            f'<item><guid isPermaLink="false">f{feed}-i{i}</guid><title>Item {i} of feed {feed}'
            f"</title><link>http://bench.invalid/{feed}/{i}</link><pubDate>{date}</pubDate>"
            f"<description>&lt;p&gt;{words}&lt;/p&gt;</description></item>"
        )
    out.append("</channel></rss>")
    return "".join(out).encode()


class Server:
    """Serves /feed/<i>.xml from memory; answers 304 to a matching If-None-Match."""

    def __init__(self, feeds: int, items: int, text: str = "rotation") -> None:
        self.bodies = [feed_body(i, items, text) for i in range(feeds)]
        self.etags = [f'"{hashlib.sha1(b).hexdigest()[:16]}"' for b in self.bodies]

    async def handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        """One keep-alive connection."""
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                writer.write(self.respond(head))
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError, asyncio.LimitOverrunError):
            pass
        finally:
            writer.close()

    def respond(self, head: bytes) -> bytes:
        """Bytes of the full response to one request head."""
        lines = head.decode("latin-1").split("\r\n")
        path = lines[0].split(" ")[1] if len(lines[0].split(" ")) > 1 else "/"
        headers = {
            k.strip().lower(): v.strip() for k, _, v in (x.partition(":") for x in lines[1:] if x)
        }
        index = _feed_index(path, len(self.bodies))
        if index is None:
            return b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n"
        etag = self.etags[index]
        if headers.get("if-none-match") == etag:
            return f"HTTP/1.1 304 Not Modified\r\nETag: {etag}\r\n\r\n".encode()
        body = self.bodies[index]
        return (
            f"HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml; charset=utf-8\r\n"
            f"ETag: {etag}\r\nContent-Length: {len(body)}\r\n\r\n"
        ).encode() + body


def _feed_index(path: str, count: int) -> int | None:
    if not (path.startswith("/feed/") and path.endswith(".xml")):
        return None
    number = path[6:-4]
    return int(number) if number.isdigit() and int(number) < count else None


async def serve(feeds: int, items: int, port: int, text: str) -> None:
    """Serve until killed; announce the port on stdout."""
    server = Server(feeds, items, text)
    srv = await asyncio.start_server(server.handle, "127.0.0.1", port, backlog=1024)
    print(f"PORT {srv.sockets[0].getsockname()[1]}", flush=True)
    async with srv:
        await srv.serve_forever()


def main() -> int:
    """Parse arguments and serve."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--feeds", type=int, default=2000)
    ap.add_argument("--items", type=int, default=20)
    ap.add_argument("--port", type=int, default=0)
    ap.add_argument("--text", choices=sorted(TEXTS), default="rotation")
    args = ap.parse_args()
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(serve(args.feeds, args.items, args.port, args.text))
    return 0


if __name__ == "__main__":
    sys.exit(main())
