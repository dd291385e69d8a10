"""Persistence: tables, the event log, checkpoints, migrations. Dialect specifics live here only."""

from monitor.store.db import StoreError, make_engine
from monitor.store.eventlog import AppendResult, EventLog, SqlEventLog, StoredEvent

__all__ = ["AppendResult", "EventLog", "SqlEventLog", "StoreError", "StoredEvent", "make_engine"]
