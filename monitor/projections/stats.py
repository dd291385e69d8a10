"""The simplest projection: how many events of each type, and the last position of each."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from sqlalchemy import Connection, select

from monitor.store.db import upsert
from monitor.store.eventlog import StoredEvent
from monitor.store.tables import event_stats


class EventStats:
    """Counts events by type (used by metrics, `monitor events` summaries and benchmarks)."""

    name = "event_stats"
    tables = (event_stats,)

    def apply(self, conn: Connection, stored: StoredEvent) -> None:
        """Count one event."""
        self.apply_batch(conn, [stored])

    def apply_batch(self, conn: Connection, batch: Sequence[StoredEvent]) -> None:
        """Count a batch with one upsert per event type."""
        added: Counter[str] = Counter(s.type for s in batch)
        last = {s.type: s.position for s in batch}
        current = counts(conn)
        for type_name in sorted(added):
            upsert(
                conn,
                event_stats,
                {
                    "type": type_name,
                    "count": current.get(type_name, 0) + added[type_name],
                    "last_position": last[type_name],
                },
                ["type"],
                update=["count", "last_position"],
            )


def counts(conn: Connection) -> dict[str, int]:
    """Events per type."""
    return {
        type_name: int(n)
        for type_name, n in conn.execute(select(event_stats.c.type, event_stats.c.count))
    }
