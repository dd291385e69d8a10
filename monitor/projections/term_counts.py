"""SqlTermCounts: the document frequencies of the cluster state, read from and written to
the database (the ``cluster_terms`` table and the document count of ``cluster_counters``).

Reads are kept in ``read`` (stored counts; the state's :class:`StateCache` may share it
across batches), this batch's increments in a buffer; every answer adds the two, so
buffering never changes a result. :meth:`write` stores the new absolute counts and
:meth:`settle` folds them into ``read`` once the batch's other writes are done.
"""

from __future__ import annotations

from collections import Counter, deque
from collections.abc import Iterable, Sequence
from itertools import repeat
from operator import add

from sqlalchemy import Connection, select

from monitor.projections.cluster_sql import chunks, fast_upsert, select_in
from monitor.store.db import upsert
from monitor.store.tables_clusters import cluster_counters, cluster_terms

DOCS = "docs"
"""Counter row holding the number of documents counted into the term DF."""
_TERMS = "SELECT term, df FROM cluster_terms WHERE term IN ({marks})"


class SqlTermCounts:
    """Document frequencies and the document count on one connection, for one batch."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.read: dict[str, int] = {}
        self._docs_read: int | None = None
        self._new: Counter[str] = Counter()
        self._totals: dict[str, int] = {}  # stored counts of the batch's terms, once written
        self._new_docs = 0

    def adopt(self, read: dict[str, int], docs: int) -> None:
        """Read through ``read`` (stored counts as of ``docs`` documents: a cache's map)."""
        self.read = read
        self._docs_read = docs

    def prefetch(self, terms: Iterable[str]) -> None:
        """Read the stored counts of the ``terms`` not read yet, in a few queries."""
        self._read(sorted(set(terms).difference(self.read)))

    def _read(self, missing: Sequence[str]) -> None:
        """Read the stored counts of ``missing`` (0 when none is stored)."""
        read = self.read
        for chunk in chunks(missing):
            rows = select_in(self.conn, _TERMS, chunk)
            read.update({term: int(df) for term, df in rows})
            read.update({t: 0 for t in chunk if t not in read})

    def term_df(self, terms: Sequence[str]) -> dict[str, int]:
        """Document frequencies of the known ``terms``."""
        read = self.read
        missing = sorted(set(terms).difference(read))
        if missing:
            self._read(missing)
        if not self._new:
            return {t: n for t in terms if (n := read[t])}
        added = self._new.get
        return {t: n for t in terms if (n := read[t] + added(t, 0))}

    def term_dfs(self, terms: Sequence[str]) -> list[int]:
        """The document frequency of each of ``terms`` (0 for an unknown one)."""
        read = self.read
        try:
            stored = list(map(read.__getitem__, terms))
        except KeyError:
            self._read(sorted(set(terms).difference(read)))
            stored = list(map(read.__getitem__, terms))
        if not self._new:
            return stored
        return list(map(add, stored, map(self._new.get, terms, repeat(0))))

    def add(self, terms: Sequence[str]) -> None:
        """Count one more document containing each of ``terms``."""
        self._new.update(set(terms))
        self._new_docs += 1

    def doc_count(self) -> int:
        """Documents counted so far."""
        if self._docs_read is None:
            stored = self.conn.execute(
                select(cluster_counters.c.value).where(cluster_counters.c.name == DOCS)
            ).scalar_one_or_none()
            self._docs_read = int(stored or 0)
        return self._docs_read + self._new_docs

    def write(self) -> None:
        """Store this batch's counts: the counts read plus the increments, as new absolute
        values, and the document count."""
        if self._new:
            read = self.read
            unread = self._new.keys() - read.keys()
            if unread:
                self.term_df(sorted(unread))
            totals = self._totals = {t: read[t] + n for t, n in self._new.items()}
            fast_upsert(self.conn, cluster_terms, sorted(totals.items()), "df")
        if self._new_docs:
            total = self.doc_count()
            upsert(self.conn, cluster_counters, {"name": DOCS, "value": total}, ["name"], ["value"])

    def settle(self) -> None:
        """After :meth:`write`: ``read`` takes the batch's written counts, its terms moving to
        the newest end (a bounded cache evicts the oldest first)."""
        deque(map(self.read.pop, self._totals), maxlen=0)
        self.read.update(self._totals)
