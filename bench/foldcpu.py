"""CPU time of the daemon's projection fold on small batches, per projection and per article.

Wall-clock soak numbers are noisy on a shared machine; CPU time of this process is not
(much). This builds a log through the real poll path (an in-process loopback feed server):
a cold poll of `--feeds` feeds × 20 entries (the history), then `--rounds` polls in which
every feed gained one entry (the tail: an ArticleObserved and a FeedPolled per article, as
in bench/soak.py). A copy of the log is then folded: the history in batches of 500
(untimed), then the tail as `monitor run` folds it on SQLite — batches of `--batch` events
(the daemon's 50), a fresh runner per pass of `--pass-events` events, with the daemon's
stop check and progress tick — timing each projection with `time.process_time` (this
process; the feature pool's workers are shown apart, `MONITOR_WORKERS=0` keeps all work
here) and optionally under cProfile.

    PYTHONPATH=. python bench/foldcpu.py --log /tmp/fold.db [--text soak|prose] [--profile]

The log file is kept (`--log`), so a before/after comparison folds exactly the same events.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import io
import pstats
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from feedserver_proc import prose_words
from replay import open_bench_app
from soak import item_text
from stories import workers_cpu

from monitor import logging as logs
from monitor.clock import utcnow
from monitor.daemon.bootstrap import App
from monitor.daemon.cycle import poll_feeds, sync_declared
from monitor.demo.httpserver import FeedServer, Route
from monitor.events import ArticleObserved, FeedAdded
from monitor.polling.poller import due_feeds
from monitor.projections.articles import markups_of
from monitor.projector.runner import ProjectionRunner, digest

KEEP = 20
TOPICS = ["harbour", "levee", "grain", "ferry", "rail", "depot", "bridge", "budget", "flood"]


def entry(feed: int, n: int, text: str) -> tuple[str, str]:
    """(title, description) of entry `n` of `feed`."""
    if text == "soak":  # bench/soak.py's entries: distinct filler prose
        topic = TOPICS[(feed + n) % len(TOPICS)]
        return f"Feed {feed} item {n}: {topic} update", item_text(feed, n)
    rng = random.Random(feed * 7 + n)
    return f"Item {n} of feed {feed} {rng.choice(TOPICS)} report", prose_words(feed, n)


def feed_xml(feed: int, newest: int, base: str, text: str) -> bytes:
    """RSS with the `KEEP` newest entries of one feed."""
    items = []
    for n in range(max(0, newest - KEEP + 1), newest + 1):
        title, body = entry(feed, n, text)
        date = time.strftime(
            "%a, %d %b %Y %H:%M:%S GMT", time.gmtime(1_750_000_000 + n * 600 - feed * 60)
        )
        items.append(
            f"<item><guid>f{feed}-{n}</guid><title>{title}</title><pubDate>{date}</pubDate>"
            f"<link>{base}/a/{feed}/{n}</link><description>{body}</description></item>"
        )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Feed {feed}</title>'
        f"<link>{base}</link><description>fold</description>{''.join(items)}</channel></rss>"
    ).encode()


def build_log(db: Path, feeds: int, rounds: int, text: str) -> int:
    """Poll the feeds cold, then `rounds` times with one new entry each; the history's head."""
    server = FeedServer().start()
    try:
        app = open_bench_app(db)
        urls = [server.url(f"/f/{i}.xml") for i in range(feeds)]
        now = utcnow()
        app.log.append(
            [FeedAdded(url=u, name=None, interval=None, origin="cli", added_at=now) for u in urls]
        )
        sync_declared(app)
        app.project()
        history = 0
        for newest in range(KEEP - 1, KEEP + rounds):
            for i in range(feeds):
                body = feed_xml(i, newest, server.base_url, text)
                server.route(f"/f/{i}.xml", Route(body=body, etag=f'"{newest}"'))
            due = due_feeds(app.engine, utcnow(), default_interval=900, everything=True)
            asyncio.run(poll_feeds(app, due))
            if not history:
                history = app.log.head()
        app.close()
        return history
    finally:
        server.stop()


def calibration() -> float:
    """CPU seconds of a fixed pure-Python loop: how fast this core is right now (a shared
    machine's contention slows CPU time too; compare runs by their ratio to this)."""
    began = time.process_time()
    sum(i * i % 7 for i in range(2_000_000))
    return time.process_time() - began


def fill_ahead(app: App, history: int) -> int:
    """Put the story features of the tail's first sights into the app's cache, as the
    daemon's parse worker does from the feed entries (untimed); how many."""
    from monitor.daemon.ahead import feed_text
    from monitor.polling.parser import ParsedEntry
    from monitor.projections.article_features import article_features
    from monitor.projections.feature_cache import feature_key

    filled = 0
    with app.engine.connect() as conn:
        observed = [s.event for s in app.log.iter_all(history) if type(s.event) is ArticleObserved]
        for ev, markup in zip(observed, markups_of(conn, observed), strict=True):
            fragments = list(markup.fragments)
            content = fragments.pop(0) if ev.content_ref else None
            summary = fragments.pop(0) if ev.summary_ref else None
            entry = ParsedEntry(ev.guid, ev.link, ev.title, summary, content, None, None)
            text = feed_text(entry)
            if text.strip():
                key = feature_key(ev.title, text, ev.source, ev.link)
                app.features_ahead.put(key, article_features(ev.title, text, ev.source, ev.link))
                filled += 1
    return filled


def fold_tail(
    db: Path,
    history: int,
    batch: int,
    pass_events: int,
    profile: bool,
    only: str | None,
    keep: bool,
    backlog_batch: int,
    ahead: bool = False,
) -> list[tuple[str, float, float, float]]:
    """(projection, CPU s, wall s, worker CPU s) of folding the tail after folding the history
    untimed; with ``ahead``, the stories features as the daemon's parse worker sends them."""
    app = open_bench_app(db)
    if ahead:
        filled = fill_ahead(app, history)
    head = app.log.head()
    out = []
    prof = cProfile.Profile() if profile else None
    for proj in app.projections:
        if prof and only and proj.name != only:
            prof.disable()
        elif prof:
            prof.enable()
        cpu, wall, workers = time.process_time(), time.perf_counter(), workers_cpu()
        target = history
        runner = None
        while target < head:  # one daemon pass per `pass_events`
            target = min(head, target + pass_events)
            if runner is None or not keep:  # the daemon before: a fresh runner per pass
                runner = ProjectionRunner(
                    app.engine, app.log, proj, batch, stop=lambda: False, tick=lambda: None
                )
            if keep:  # as the daemon now: runners kept, batches grow with the backlog
                from monitor.daemon.projector import batch_for

                runner.batch_size = batch_for(pass_events, batch, backlog_batch)
            while True:
                done = runner.run_once(target)
                if done < runner.batch_size and not runner.cut_short:
                    break
        out.append(
            (
                proj.name,
                time.process_time() - cpu,
                time.perf_counter() - wall,
                workers_cpu() - workers,
            )
        )
    if prof:
        prof.disable()
        for order in ("cumulative", "tottime"):
            text = io.StringIO()
            pstats.Stats(prof, stream=text).sort_stats(order).print_stats(35)
            print(text.getvalue())
    with app.engine.connect() as conn:
        for proj in app.projections:
            print(f"digest {proj.name:<12} {digest(conn, list(proj.tables))[:16]}")
    if ahead:
        cache = app.features_ahead
        print(f"features ahead: {filled} put, {cache.hits} taken, {cache.misses} computed")
    app.close()
    return out


def main() -> int:
    """Build (or reuse) the log, fold its tail, print a row per projection."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--log", type=Path, required=True, help="the log file (built when missing)")
    ap.add_argument("--feeds", type=int, default=200)
    ap.add_argument("--rounds", type=int, default=5, help="tail polls, one entry per feed each")
    ap.add_argument("--text", choices=["soak", "prose"], default="soak")
    ap.add_argument("--batch", type=int, default=50, help="events per batch (daemon: 50)")
    ap.add_argument("--pass-events", type=int, default=400, help="events per daemon pass")
    ap.add_argument("--repeat", type=int, default=3, help="runs; the least CPU is shown")
    ap.add_argument("--profile", action="store_true")
    ap.add_argument("--fresh", action="store_true", help="a fresh runner per pass (old daemon)")
    ap.add_argument("--backlog-batch", type=int, default=400, help="largest batch when behind")
    ap.add_argument("--only", help="profile only this projection")
    ap.add_argument(
        "--ahead", action="store_true", help="stories features computed ahead (parse worker)"
    )
    args = ap.parse_args()
    logs.configure(level="warning")
    marker = args.log.with_suffix(".history")
    if not args.log.exists():
        began = time.perf_counter()
        history = build_log(args.log, args.feeds, args.rounds, args.text)
        marker.write_text(str(history))
        print(f"log built in {time.perf_counter() - began:.1f} s: {args.log}")
    history = int(marker.read_text())
    calib = calibration()
    folded = args.log.with_suffix(".folded.db")
    if not folded.exists():  # the history folded once, as after a replay (untimed)
        shutil.copy(args.log, folded)
        app = open_bench_app(folded)
        for proj in app.projections:
            ProjectionRunner(app.engine, app.log, proj, 500).catch_up(until=history)
        app.close()
    app = open_bench_app(folded)
    kinds = ["ArticleObserved", "ArticleRevised"]
    tail = app.log.backlog(history, types=kinds).events
    before = app.log.backlog(0, types=kinds).events - tail
    events = app.log.head() - history
    app.close()
    print(
        f"history {before} articles; tail {tail} articles in {events} events, "
        f"batches of {args.batch} events, passes of {args.pass_events}; "
        f"least CPU of {args.repeat} runs"
    )
    runs = []
    for _ in range(args.repeat):
        with tempfile.TemporaryDirectory(prefix="foldcpu-") as tmp:
            db = Path(tmp) / "monitor.db"
            shutil.copy(folded, db)
            runs.append(
                fold_tail(
                    db,
                    history,
                    args.batch,
                    args.pass_events,
                    args.profile,
                    args.only,
                    not args.fresh,
                    args.backlog_batch,
                    args.ahead,
                )
            )
    rows = [min(same, key=lambda r: r[1]) for same in zip(*runs, strict=True)]
    print(f"{'projection':<12} {'CPU s':>8} {'wall s':>8} {'CPU ms/article':>15} {'workers s':>10}")
    rows.append(("all", *(sum(r[k] for r in rows) for k in (1, 2, 3))))
    for name, cpu, wall, pool in rows:
        per = 1000 * cpu / max(tail, 1)
        print(f"{name:<12} {cpu:>8.2f} {wall:>8.2f} {per:>15.2f} {pool:>10.2f}")
    cpu = rows[-1][1]
    print(f"articles/s of CPU: {tail / max(cpu, 1e-9):.0f}")
    print(f"calibration loop: {calib:.3f} s before, {calibration():.3f} s after")
    return 0


if __name__ == "__main__":
    sys.exit(main())
