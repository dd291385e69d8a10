"""The complete schema: imports every feature's tables onto the shared metadata.

Alembic's env and the models-vs-migrations test import this module, so a table defined in
any `monitor/store/tables*.py` module is known to both.
"""

from __future__ import annotations

import importlib
import pkgutil

import monitor.store
from monitor.store.tables import metadata

for _module in pkgutil.iter_modules(monitor.store.__path__):
    if _module.name.startswith("tables_"):
        importlib.import_module(f"monitor.store.{_module.name}")

__all__ = ["metadata"]
