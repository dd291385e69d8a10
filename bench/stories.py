"""Story clustering: quality on the labelled set and throughput over a large history.

Run: ``.venv/bin/python bench/stories.py`` (``--history 5000`` for a quick look,
``--explain`` to list every wrong assignment on the labelled set).

Quality, per half (``--half dev|heldout|both``, or a development check set ``--half fresh``,
``--half fresh2``, ``--half fresh3``, ``--half fresh4``, or the unseen check sets ``--half fresh5`` and ``--half fresh6``,
which no fitting procedure reads): the development half is
tests/data/stories/part1.jsonl, part2.jsonl and dev/articles.jsonl, the held-out half
tests/data/stories/heldout/articles.jsonl (never used for tuning or fitting). Each file
is replayed from an empty state, and so is the whole half merged in arrival order; prints
B-cubed and pairwise precision/recall/F1, copy-detection P/R/F1 and, where the file has
an events.jsonl, how many merged article pairs belong to events whose places or actors
disagree (no shared place, or no shared actor).
Throughput: a deterministic synthetic history (topics, events, copies, 300-600 words
per article) is loaded through the engine into an InMemoryClusterState, then 2,000 more
articles are timed; prints articles/s and peak RSS.
With ``--sqlite`` the same run is repeated, in a child process so its peak RSS is its own,
with the engine over SqlClusterState on a real SQLite file (WAL, one transaction and one
flush per 500-article batch, text features on the process pool, as the projection runs;
``MONITOR_WORKERS=0`` keeps them in-process): the history lives in the database, so resident
memory should stay flat while it grows. Rates are per CPU second of the folding process,
per CPU second including the pool's workers, and per wall second.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from monitor.projections.clustering import (  # noqa: E402
    ArticleDoc,
    Assignment,
    ClusterEngine,
    ClusterParams,
    InMemoryClusterState,
)

DATA = ROOT / "tests" / "data" / "stories"
# development check sets, one file each (--half fresh2; fresh7 written at storyprec7)
CHECK_SETS = ("fresh", "fresh2", "fresh3", "fresh4", "fresh7")
# unseen check sets: scored here only, never fitted on (fit_stories, lococv_stories and
# cv_stories read CHECK_SETS, not these; fresh8 written at storyrecall, fresh9 at storyprec8)
UNSEEN_SETS = ("fresh5", "fresh6", "fresh8", "fresh9")


# -- labelled quality ------------------------------------------------------------------


def parse_time(value: str | None) -> datetime | None:
    """ISO 8601 with a trailing Z, as written in the evaluation files."""
    if not value:
        return None
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def load_rows(path: Path) -> list[dict[str, object]]:
    """One dict per JSON line, in arrival order."""
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def to_doc(row: dict[str, object]) -> ArticleDoc:
    """An evaluation row as the engine's input."""
    seen = parse_time(str(row["seen_at"]))
    assert seen is not None
    published = row.get("published_at")
    return ArticleDoc(
        article_id=str(row["id"]),
        source=str(row["outlet"]),
        title=str(row["title"]),
        text=str(row["body"]),
        published_at=parse_time(str(published)) if published else None,
        seen_at=seen,
    )


@dataclass(frozen=True)
class Quality:
    """Clustering and copy-detection scores of one replay."""

    articles: int
    bcubed_p: float
    bcubed_r: float
    bcubed_f1: float
    copy_p: float
    copy_r: float
    copy_f1: float


def f1(p: float, r: float) -> float:
    """Harmonic mean (0 when both are 0)."""
    return 0.0 if p + r == 0 else 2 * p * r / (p + r)


def bcubed(predicted: dict[str, str], gold: dict[str, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of a clustering against the gold clustering."""
    pred_members: dict[str, set[str]] = {}
    gold_members: dict[str, set[str]] = {}
    for item in gold:
        pred_members.setdefault(predicted[item], set()).add(item)
        gold_members.setdefault(gold[item], set()).add(item)
    precision = recall = 0.0
    for item in gold:
        mine, truth = pred_members[predicted[item]], gold_members[gold[item]]
        overlap = len(mine & truth)
        precision += overlap / len(mine)
        recall += overlap / len(truth)
    n = len(gold)
    return precision / n, recall / n, f1(precision / n, recall / n)


def copy_scores(
    predicted: dict[str, str | None], gold: dict[str, str | None]
) -> tuple[float, float, float]:
    """Copy P/R/F1; a predicted original is right if it or its gold original is the original."""
    made = [(a, o) for a, o in predicted.items() if o is not None]
    wanted = [a for a, o in gold.items() if o is not None]
    right = sum(1 for a, o in made if gold[a] is not None and gold[a] in (o, gold.get(o)))
    p = right / len(made) if made else 1.0
    r = right / len(wanted) if wanted else 1.0
    return p, r, f1(p, r)


@dataclass(frozen=True)
class Extra:
    """Pairwise scores and merges of events whose places or actors disagree."""

    pair_p: float
    pair_r: float
    pair_f1: float
    disagreeing: int | None


def pairwise(predicted: dict[str, str], gold: dict[str, str]) -> tuple[float, float, float]:
    """Precision/recall/F1 over unordered article pairs put in one story."""

    def same_pairs(labels: dict[str, str]) -> set[tuple[str, str]]:
        groups: dict[str, list[str]] = {}
        for item in sorted(labels):
            groups.setdefault(labels[item], []).append(item)
        return {
            (a, b)
            for members in groups.values()
            for i, a in enumerate(members)
            for b in members[i + 1 :]
        }

    made, wanted = same_pairs(predicted), same_pairs(gold)
    right = len(made & wanted)
    p = right / len(made) if made else 1.0
    r = right / len(wanted) if wanted else 1.0
    return p, r, f1(p, r)


def disagreeing_merges(
    predicted: dict[str, str], gold: dict[str, str], events: dict[str, dict[str, object]]
) -> int:
    """Article pairs in one predicted story whose gold events disagree on places or actors."""
    groups: dict[str, list[str]] = {}
    for item in sorted(predicted):
        groups.setdefault(predicted[item], []).append(item)

    def words(event: str, key: str) -> set[str]:
        return {str(v).lower() for v in events.get(event, {}).get(key, []) or []}  # type: ignore[union-attr]

    count = 0
    for members in groups.values():
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                ea, eb = gold[a], gold[b]
                if ea == eb:
                    continue
                for key in ("places", "actors"):
                    wa, wb = words(ea, key), words(eb, key)
                    if wa and wb and not wa & wb:
                        count += 1
                        break
    return count


def replay(rows: Sequence[dict[str, object]], params: ClusterParams) -> list[Assignment]:
    """Assign every row, in order, from an empty state."""
    engine = ClusterEngine(InMemoryClusterState(), params)
    return [engine.assign(to_doc(row)) for row in rows]


def quality(rows: Sequence[dict[str, object]], params: ClusterParams) -> Quality:
    """Scores of one replay of ``rows``."""
    return scores(rows, params)[0]


def scores(
    rows: Sequence[dict[str, object]],
    params: ClusterParams,
    events: dict[str, dict[str, object]] | None = None,
) -> tuple[Quality, Extra]:
    """B-cubed and copy scores, pairwise scores and disagreeing merges of one replay."""
    assignments = replay(rows, params)
    ids = [str(row["id"]) for row in rows]
    gold_story = {i: str(row["event"]) for i, row in zip(ids, rows, strict=True)}
    gold_copy = {
        i: (str(row["copy_of"]) if row.get("copy_of") else None)
        for i, row in zip(ids, rows, strict=True)
    }
    pred_story = {i: a.story_id for i, a in zip(ids, assignments, strict=True)}
    pred_copy = {i: a.copy_of for i, a in zip(ids, assignments, strict=True)}
    q = Quality(len(rows), *bcubed(pred_story, gold_story), *copy_scores(pred_copy, gold_copy))
    bad = None if events is None else disagreeing_merges(pred_story, gold_story, events)
    return q, Extra(*pairwise(pred_story, gold_story), bad)


def explain(rows: Sequence[dict[str, object]], params: ClusterParams) -> None:
    """Print each article whose story or copy decision disagrees with its gold neighbours."""
    assignments = replay(rows, params)
    story_of_event: dict[str, str] = {}
    for row, a in zip(rows, assignments, strict=True):
        event = str(row["event"])
        expected = story_of_event.setdefault(event, a.story_id)
        copy_ok = (a.copy_of is None) == (row.get("copy_of") is None)
        if a.story_id != expected or not copy_ok:
            print(
                f"  {row['id']} gold={event} pred={a.story_id} new={a.is_new_story} "
                f"copy_of={a.copy_of} gold_copy={row.get('copy_of')} sim={a.similarity:.3f} "
                f"| {str(row['title'])[:60]}"
            )
    events_per_story: dict[str, set[str]] = {}
    for row, a in zip(rows, assignments, strict=True):
        events_per_story.setdefault(a.story_id, set()).add(str(row["event"]))
    for story, events in sorted(events_per_story.items()):
        if len(events) > 1:
            print(f"  merged: {story} <- {sorted(events)}")


# -- synthetic throughput --------------------------------------------------------------


def _word(rng: random.Random) -> str:
    return "".join(rng.choice("abcdefghiklmnoprstuvwy") for _ in range(rng.randint(3, 10)))


@dataclass(frozen=True)
class Topic:
    """A subject with its own vocabulary and named actors."""

    words: tuple[str, ...]
    names: tuple[str, ...]


def synthetic_articles(count: int, seed: int = 2024) -> Iterator[ArticleDoc]:
    """A deterministic stream of articles: events on topics, several write-ups, some copies."""
    rng = random.Random(seed)
    common = tuple(_word(rng) for _ in range(3000))
    topics = [
        Topic(
            tuple(_word(rng) for _ in range(150)),
            tuple(_word(rng).capitalize() for _ in range(12)),
        )
        for _ in range(300)
    ]
    start = datetime(2023, 1, 1, tzinfo=UTC)
    recent: list[ArticleDoc] = []
    clock = start
    event_words: tuple[str, ...] = ()
    topic = topics[0]
    for index in range(count):
        clock += timedelta(minutes=rng.randint(2, 18))  # about 130 articles a day
        if index % 6 == 0:  # a new event: about six write-ups each
            topic = rng.choice(topics)
            event_words = tuple(rng.sample(topic.words, 25)) + tuple(rng.sample(topic.names, 4))
        article_id = f"syn{index:06d}"
        if recent and rng.random() < 0.05:  # a copy of something earlier, re-wrapped
            original = rng.choice(recent)
            wrapper = " ".join(rng.choices(common, k=25))
            yield ArticleDoc(
                article_id,
                "copier",
                "Re: " + original.title,
                f"{wrapper}\n{original.text}",
                clock,
                clock,
            )
            continue
        paragraphs = []
        for _ in range(rng.randint(5, 9)):
            words = [
                rng.choice(event_words)
                if rng.random() < 0.3
                else rng.choice(topic.words)
                if rng.random() < 0.3
                else rng.choice(common)
                for _ in range(rng.randint(50, 70))
            ]
            paragraphs.append(" ".join(words).capitalize() + ".")
        title = " ".join(rng.sample(event_words, 6)).capitalize()
        doc = ArticleDoc(
            article_id,
            f"outlet{rng.randint(1, 40)}",
            title,
            "\n".join(paragraphs),
            clock - timedelta(minutes=5),
            clock,
        )
        recent = [*recent[-499:], doc]
        yield doc


def peak_rss_mb() -> float:
    """Peak resident set size of this process in MiB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed_assign(engine: ClusterEngine, stream: Iterator[ArticleDoc], count: int) -> float:
    """CPU seconds spent assigning ``count`` articles; texts are generated untimed, in chunks."""
    seconds = 0.0
    while count > 0:
        chunk = [doc for _, doc in zip(range(min(count, 1000)), stream, strict=False)]
        started = time.process_time()
        for doc in chunk:
            engine.assign(doc)
        seconds += time.process_time() - started
        count -= len(chunk)
    return seconds


def throughput(history: int, measured: int) -> None:
    """Load ``history`` synthetic articles, then time ``measured`` more."""
    state = InMemoryClusterState()
    engine = ClusterEngine(state)
    stream = synthetic_articles(history + measured)
    rss_start = peak_rss_mb()
    load_seconds = timed_assign(engine, stream, history)
    rss_loaded = peak_rss_mb()
    seconds = timed_assign(engine, stream, measured)
    rows = [
        ("history articles", f"{history:,}"),
        ("history load (assign) seconds", f"{load_seconds:.1f}"),
        ("history load articles/s", f"{history / load_seconds:.0f}"),
        ("stories in state", f"{len(state.stories):,}"),
        ("LSH band keys in state", f"{len(state.bands):,}"),
        ("measured articles", f"{measured:,}"),
        ("measured seconds", f"{seconds:.2f}"),
        ("measured articles/s", f"{measured / seconds:.0f}"),
        ("peak RSS MiB before load", f"{rss_start:.0f}"),
        ("peak RSS MiB after load", f"{rss_loaded:.0f}"),
        ("peak RSS MiB at end", f"{peak_rss_mb():.0f}"),
    ]
    print("\nThroughput (synthetic, InMemoryClusterState holds the whole history in RAM, CPU s)")
    for label, value in rows:
        print(f"  {label:<34}{value:>12}")


def high_water_mb() -> float:
    """Peak RSS of this process image (VmHWM; ru_maxrss would include the parent's peak)."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return peak_rss_mb()


def rss_mb() -> float:
    """Current resident set size of this process in MiB."""
    return float(psutil.Process().memory_info().rss) / (1 << 20)


@dataclass
class Timing:
    """Where the time of a run went: the folding process's CPU, the feature workers' CPU
    (the process pool computing the articles' text features) and wall time, in seconds."""

    cpu: float = 0.0
    workers: float = 0.0
    wall: float = 0.0

    def add(self, other: Timing) -> None:
        """Add ``other``'s times to these."""
        self.cpu += other.cpu
        self.workers += other.workers
        self.wall += other.wall

    def rates(self, count: int) -> str:
        """Articles per second: own CPU | CPU with the workers' | wall."""
        return (
            f"{count / self.cpu:.0f} | {count / (self.cpu + self.workers):.0f} | "
            f"{count / self.wall:.0f}"
        )


def workers_cpu() -> float:
    """CPU seconds of this process's live children (the feature pool's workers)."""
    total = 0.0
    for child in psutil.Process().children(recursive=True):
        try:
            total += sum(child.cpu_times()[:2])
        except psutil.NoSuchProcess:
            continue
    return total


def workers_rss_mb() -> float:
    """Resident set size of the largest child process (a pool worker), in MiB."""
    sizes = [0.0]
    for child in psutil.Process().children(recursive=True):
        try:
            sizes.append(float(child.memory_info().rss) / (1 << 20))
        except psutil.NoSuchProcess:
            continue
    return max(sizes)


def sql_assign(
    engine_url: str, stream: Iterator[ArticleDoc], count: int, batch: int, cache: object
) -> Timing:
    """Times of assigning ``count`` articles over SqlClusterState as the stories projection
    does: one transaction per batch, the state cache kept between batches, the articles'
    text features computed ahead on the process pool (``MONITOR_WORKERS=0``: in-process)
    and the collector's young-generation threshold raised while a batch is folded."""
    from monitor.projections.article_features import batch_features
    from monitor.projections.cluster_state import SqlClusterState, StateCache
    from monitor.projector.collection import batch_collection
    from monitor.store.db import make_engine

    assert isinstance(cache, StateCache)
    db = make_engine(engine_url)
    spent = Timing()
    while count > 0:
        chunk = [doc for _, doc in zip(range(min(count, batch)), stream, strict=False)]
        started = Timing(time.process_time(), workers_cpu(), time.perf_counter())
        with db.begin() as conn, batch_collection():
            state = SqlClusterState(conn, cache)
            features = batch_features([(d.title, d.text, d.source, d.link) for d in chunk])
            ClusterEngine(state).assign_batch(chunk, features)
            state.flush(position=int(chunk[-1].article_id[3:]))  # syn000123 -> 123
        spent.add(
            Timing(
                time.process_time() - started.cpu,
                workers_cpu() - started.workers,
                time.perf_counter() - started.wall,
            )
        )
        count -= len(chunk)
    db.dispose()
    return spent


def sql_throughput(history: int, measured: int, batch: int = 500) -> None:
    """The throughput run with the cluster state in a fresh SQLite file."""
    from sqlalchemy import func, select

    from monitor import cores
    from monitor.projections import parallel
    from monitor.projections.cluster_state import StateCache
    from monitor.store import migrations
    from monitor.store.db import make_engine
    from monitor.store.tables_clusters import cluster_bands, cluster_stories, cluster_terms

    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/bench.db"
        db = make_engine(url)
        migrations.upgrade(db)
        stream = synthetic_articles(history + measured)
        cache = StateCache()
        rss_start = rss_mb()
        checkpoints: list[tuple[int, Timing, float]] = []  # (history so far, times, RSS now)
        load = Timing()
        loaded = 0
        steps = (history // 5,) * 4 + (history - 4 * (history // 5),)
        for step in steps:
            spent = sql_assign(url, stream, step, batch, cache)
            loaded += step
            load.add(spent)
            checkpoints.append((loaded, spent, rss_mb()))
        timed = sql_assign(url, stream, measured, batch, cache)
        with db.connect() as conn:
            stories = conn.execute(select(func.count()).select_from(cluster_stories)).scalar()
            bands = conn.execute(select(func.count()).select_from(cluster_bands)).scalar()
            terms = conn.execute(select(func.count()).select_from(cluster_terms)).scalar()
        size = Path(f"{tmp}/bench.db").stat().st_size / (1 << 20)
        db.dispose()
    rows = [
        ("history articles", f"{history:,}"),
        ("history load (assign) CPU seconds", f"{load.cpu:.1f}"),
        ("history load articles/s", f"{history / load.cpu:.0f}"),
        ("  own CPU | with workers | wall", load.rates(history)),
        *[
            (f"  at {n:,}: articles/s | RSS MiB", f"{step / t.cpu:.0f} | {rss:.0f}")
            for (n, t, rss), step in zip(checkpoints, steps, strict=True)
        ],
        ("stories in state", f"{stories:,}"),
        ("LSH band rows in state", f"{bands:,}"),
        ("terms in state", f"{terms:,}"),
        ("database file MiB", f"{size:.0f}"),
        ("measured articles", f"{measured:,}"),
        ("measured CPU seconds", f"{timed.cpu:.2f}"),
        ("measured articles/s", f"{measured / timed.cpu:.0f}"),
        ("  own CPU | with workers | wall", timed.rates(measured)),
        ("RSS MiB before load", f"{rss_start:.0f}"),
        ("RSS MiB at end", f"{rss_mb():.0f}"),
        ("peak RSS MiB", f"{high_water_mb():.0f}"),
        ("feature workers", f"{cores.workers()}"),
        ("largest worker RSS MiB at end", f"{workers_rss_mb():.0f}"),
    ]
    parallel.shutdown()
    print(
        f"\nThroughput (synthetic, SqlClusterState on SQLite, {batch} per transaction; "
        "articles/s per CPU second of the folding process unless said)"
    )
    for label, value in rows:
        print(f"  {label:<34}{value:>16}")


def build_log(path: Path, count: int) -> None:
    """A SQLite database whose log holds ``count`` synthetic articles as the poller appends
    them (content blobs, one ArticleObserved each), with the articles projection run."""
    from monitor.events import ArticleObserved
    from monitor.projections.articles import ArticlesProjection
    from monitor.projector.runner import ProjectionRunner
    from monitor.store import blobs, migrations
    from monitor.store.db import make_engine
    from monitor.store.eventlog import SqlEventLog

    db = make_engine(f"sqlite:///{path}")
    migrations.upgrade(db)
    log = SqlEventLog(db)
    stream = synthetic_articles(count)
    while True:
        chunk = [doc for _, doc in zip(range(500), stream, strict=False)]
        if not chunk:
            break
        events = []
        with db.begin() as conn:
            for doc in chunk:
                html = "".join(f"<p>{p}</p>" for p in doc.text.split("\n"))
                events.append(
                    ArticleObserved(
                        article_id=doc.article_id,
                        feed_url=f"http://{doc.source}.invalid/feed",
                        source=doc.source,
                        entry_key=doc.article_id,
                        title=doc.title,
                        link=f"http://{doc.source}.invalid/{doc.article_id}",
                        guid=doc.article_id,
                        published_at=doc.published_at,
                        seen_at=doc.seen_at,
                        content_hash=doc.article_id,
                        summary_ref=None,
                        content_ref=blobs.put_text(conn, html),
                        page_ref=None,
                        page_url=None,
                    )
                )
        log.append(events)
    ProjectionRunner(db, log, ArticlesProjection()).catch_up()
    db.dispose()


def replay_throughput(path: Path, count: int, daemon_batch: int = 50) -> None:
    """Time the stories projection over a real event log: as the SQLite daemon runs it
    (``daemon_batch`` events per transaction, applied in growing chunks with a tick) and as
    ``monitor replay stories`` rebuilds it (500 per step, one transaction); CPU seconds.
    Prints the digest of the stories tables after each (they must be equal)."""
    from monitor.projections.stories import StoriesProjection
    from monitor.projector.runner import ProjectionRunner, digest
    from monitor.store import checkpoints
    from monitor.store.db import make_engine
    from monitor.store.eventlog import SqlEventLog

    if not path.exists():
        started = time.perf_counter()
        build_log(path, count)
        print(f"built {path} ({count:,} articles) in {time.perf_counter() - started:.0f} s")
    db = make_engine(f"sqlite:///{path}")
    log = SqlEventLog(db)
    projection = StoriesProjection()
    results = []
    for label, runner in (
        (
            f"daemon path ({daemon_batch} per transaction, chunked)",
            ProjectionRunner(db, log, projection, daemon_batch, tick=lambda: None),
        ),
        ("monitor replay stories (rebuild)", ProjectionRunner(db, log, projection)),
    ):
        with db.begin() as conn:
            for table in reversed(list(projection.tables)):
                conn.execute(table.delete())
            checkpoints.reset(conn, projection.name)
        wall, cpu = time.perf_counter(), time.process_time()
        done = runner.rebuild() if "rebuild" in label else runner.catch_up()
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        with db.connect() as conn:
            results.append((label, done, wall, cpu, digest(conn, projection.tables)))
    db.dispose()
    print(f"\nStories projection over {path.name} (SQLite event log)")
    for label, done, wall, cpu, dig in results:
        print(
            f"  {label:<48}{done:>7,} events {wall:>8.1f} s wall {cpu:>8.1f} s CPU "
            f"{done / cpu:>6.0f} /s CPU  digest {dig[:16]}"
        )
    print(f"  peak RSS MiB {peak_rss_mb():.0f}")


Labelled = tuple[str, list[dict[str, object]], dict[str, dict[str, object]] | None]


def _events(path: Path) -> dict[str, dict[str, object]] | None:
    if not path.exists():
        return None
    return {str(row["event"]): row for row in load_rows(path)}


def dev_sets() -> list[Labelled]:
    """The development half, one entry per file (the only data tuning may look at)."""
    found: list[Labelled] = [(f.name, load_rows(f), None) for f in sorted(DATA.glob("part*.jsonl"))]
    dev = DATA / "dev" / "articles.jsonl"
    if dev.exists():
        found.append(("dev/articles.jsonl", load_rows(dev), _events(DATA / "dev" / "events.jsonl")))
    return found


def heldout_sets() -> list[Labelled]:
    """The held-out half: evaluated once at the end, never tuned on."""
    held = DATA / "heldout" / "articles.jsonl"
    if not held.exists():
        return []
    return [("heldout/articles.jsonl", load_rows(held), _events(DATA / "heldout" / "events.jsonl"))]


def check_sets(name: str) -> list[Labelled]:
    """A check set (``fresh`` ... ``fresh6``): one file, written after tuning."""
    arts = DATA / name / "articles.jsonl"
    if not arts.exists():
        return []
    return [(f"{name}/articles.jsonl", load_rows(arts), _events(DATA / name / "events.jsonl"))]


def merged(name: str, sets: Sequence[Labelled]) -> Labelled:
    """All files of a half as one stream, in arrival order (stable for equal times)."""
    rows = sorted((r for _, rs, _ in sets for r in rs), key=lambda r: str(r["seen_at"]))
    events: dict[str, dict[str, object]] | None = None
    if any(e is not None for _, _, e in sets):
        events = {k: v for _, _, e in sets if e for k, v in e.items()}
    return (name, rows, events)


def print_quality(params: ClusterParams, show_errors: bool, half: str) -> None:
    """The quality table of the chosen half or halves."""
    halves: list[tuple[str, list[Labelled]]] = []
    if half in ("dev", "both"):
        halves.append(("development half", dev_sets()))
    if half in ("heldout", "both"):
        halves.append(("held-out half", heldout_sets()))
    if half in CHECK_SETS or half in UNSEEN_SETS:
        halves.append((f"check set {half}", check_sets(half)))
    header = (
        f"  {'set':<24}{'n':>5}{'B3 P':>7}{'B3 R':>7}{'B3 F1':>7}{'pair P':>8}{'pair R':>8}"
        f"{'pair F1':>8}{'copy P':>8}{'copy R':>8}{'copy F1':>8}{'bad':>5}"
    )
    for title, sets in halves:
        if not sets:
            print(f"{title}: no files under {DATA}")
            continue
        print(f"Quality, {title} (B-cubed and pairwise over gold events; copies over copy_of;")
        print("  bad = merged pairs of events whose places or actors disagree)")
        print(header)
        if len(sets) > 1:
            sets = [*sets, merged("whole half (merged)", sets)]
        for name, rows, events in sets:
            q, e = scores(rows, params, events)
            bad = "-" if e.disagreeing is None else str(e.disagreeing)
            print(
                f"  {name:<24}{q.articles:>5}{q.bcubed_p:>7.3f}{q.bcubed_r:>7.3f}"
                f"{q.bcubed_f1:>7.3f}{e.pair_p:>8.3f}{e.pair_r:>8.3f}{e.pair_f1:>8.3f}"
                f"{q.copy_p:>8.3f}{q.copy_r:>8.3f}{q.copy_f1:>8.3f}{bad:>5}"
            )
            if show_errors:
                explain(rows, params)


def record_assignments(path: Path, history: int, sqlite_articles: int) -> None:
    """Write every assignment of the dev half and of the synthetic runs to ``path`` (JSON).

    Mechanism-only changes (caching, batching) must leave this file byte-identical: each
    article's story, copy mark, event time and similarity, per dev file, for the merged
    dev half, for ``history`` synthetic articles in memory and ``sqlite_articles`` over
    SqlClusterState (500 per transaction). The held-out half is never read.
    """
    from monitor.projections.cluster_state import SqlClusterState
    from monitor.store import migrations
    from monitor.store.db import make_engine

    def rows_of(docs: Sequence[ArticleDoc], found: Sequence[Assignment]) -> list[object]:
        return [
            [d.article_id, a.story_id, a.copy_of, a.event_time.isoformat(), repr(a.similarity)]
            for d, a in zip(docs, found, strict=True)
        ]

    out: dict[str, object] = {}
    sets = dev_sets()
    for name, rows, _ in [*sets, merged("whole half (merged)", sets)]:
        docs = [to_doc(r) for r in rows]
        out[name] = rows_of(docs, replay(rows, ClusterParams()))
    docs = list(synthetic_articles(history))
    engine = ClusterEngine(InMemoryClusterState())
    out[f"synthetic {history} in memory"] = rows_of(docs, [engine.assign(d) for d in docs])
    with tempfile.TemporaryDirectory() as tmp:
        db = make_engine(f"sqlite:///{tmp}/record.db")
        migrations.upgrade(db)
        found: list[Assignment] = []
        sql_docs = docs[:sqlite_articles]
        for start in range(0, len(sql_docs), 500):
            with db.begin() as conn:
                state = SqlClusterState(conn)
                engine = ClusterEngine(state)
                found.extend(engine.assign_batch(sql_docs[start : start + 500]))
                state.flush()
        db.dispose()
    out[f"synthetic {sqlite_articles} on SQLite"] = rows_of(sql_docs, found)
    path.write_text(json.dumps(out, indent=0) + "\n", "utf-8")
    print(f"wrote {sum(len(v) for v in out.values())} assignments to {path}")  # type: ignore[arg-type]


def main() -> None:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--history", type=int, default=50_000)
    parser.add_argument("--measured", type=int, default=2_000)
    parser.add_argument("--explain", action="store_true", help="list wrong assignments")
    parser.add_argument("--quality-only", action="store_true")
    parser.add_argument(
        "--half", choices=("dev", "heldout", "both", *CHECK_SETS, *UNSEEN_SETS), default="both"
    )
    parser.add_argument("--sqlite", action="store_true", help="also run over SQLite")
    parser.add_argument("--sqlite-only", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument(
        "--assignments", type=Path, help="only write the dev and synthetic assignments here"
    )
    parser.add_argument(
        "--replay",
        type=Path,
        help="time the stories projection over this SQLite log (built with --history articles)",
    )
    args = parser.parse_args()
    if args.replay:
        replay_throughput(args.replay, args.history)
        return
    if args.assignments:
        record_assignments(args.assignments, args.history, min(args.history, 3000))
        return
    if args.sqlite_only:
        sql_throughput(args.history, args.measured)
        return
    print_quality(ClusterParams(), args.explain, args.half)
    if not args.quality_only:
        throughput(args.history, args.measured)
    if args.sqlite:
        sys.stdout.flush()
        child = [
            sys.executable,
            __file__,
            "--sqlite-only",
            "--history",
            str(args.history),
            "--measured",
            str(args.measured),
        ]
        subprocess.run(child, check=True)


if __name__ == "__main__":
    main()
