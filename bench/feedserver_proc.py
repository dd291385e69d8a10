"""Standalone feed server for benchmarks: N RSS feeds of M items with ETags, HTTP/1.1 keep-alive.

.venv/bin/python bench/feedserver_proc.py --feeds 2000 --items 20   # prints "PORT <n>"
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import hashlib
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


def feed_body(feed: int, items: int) -> bytes:
    """A deterministic RSS 2.0 document with `items` entries."""
    out = [
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>Bench feed {feed}</title><link>http://bench.invalid/{feed}/</link>"
    ]
    for i in range(items):
        words = " ".join(WORDS[(feed * 7 + i * 3 + k) % len(WORDS)] for k in range(60))
        date = formatdate(1_750_000_000 - feed * 3600 - i * 600, usegmt=True)
        out.append(
            f'<item><guid isPermaLink="false">f{feed}-i{i}</guid><title>Item {i} of feed {feed}'
            f"</title><link>http://bench.invalid/{feed}/{i}</link><pubDate>{date}</pubDate>"
            f"<description>&lt;p&gt;{words}.&lt;/p&gt;</description></item>"
        )
    out.append("</channel></rss>")
    return "".join(out).encode()


class Server:
    """Serves /feed/<i>.xml from memory; answers 304 to a matching If-None-Match."""

    def __init__(self, feeds: int, items: int) -> None:
        self.bodies = [feed_body(i, items) for i in range(feeds)]
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


async def serve(feeds: int, items: int, port: int) -> None:
    """Serve until killed; announce the port on stdout."""
    server = Server(feeds, items)
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
    args = ap.parse_args()
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(serve(args.feeds, args.items, args.port))
    return 0


if __name__ == "__main__":
    sys.exit(main())
