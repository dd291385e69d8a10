"""Configuration: synchronise what the config declares at start, and reload it on SIGHUP.

A bad new config is logged and the running one kept. A fresh App shares engine and log;
projections and channels are rebuilt lazily from the new config (figures, channels), while
work started with the old App finishes with it.
"""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import Awaitable, Callable

from monitor import config as config_mod
from monitor.daemon.app import App, build_channels
from monitor.daemon.cycle import sync_declared
from monitor.daemon.notify import Notifier
from monitor.daemon.state import DaemonState
from monitor.logging import get_logger
from monitor.store import locks

log = get_logger("daemon")


class Reloader:
    """Config sync (start and SIGHUP) and the swap to a new App."""

    def __init__(
        self,
        state: DaemonState,
        notifier: Notifier,
        *,
        config_path: str | None,
        await_figures: Callable[..., None],
        on_new_app: Callable[[App], Awaitable[None]],
        status: Callable[[], str],
        wake: Callable[[str], None],
    ) -> None:
        self.state = state
        self.notifier = notifier
        self.config_path = config_path
        self.await_figures = await_figures
        self.on_new_app = on_new_app
        self.status = status
        self.wake = wake
        self._lock = asyncio.Lock()

    def sync_declared(self, *, drive: bool = True) -> None:
        """Bring feeds and figures in line with the config (blocking)."""
        # Daemons starting together would each append the config's feeds: one at a time.
        with locks.exclusive(self.state.app.engine, "config-sync"):
            self.await_figures(drive=drive)
            sync_declared(self.state.app)

    async def reload(self) -> bool:
        """Re-read the config; a bad one is logged and the running one kept. True on success."""
        async with self._lock:
            self.notifier.reloading("reloading configuration")
            try:
                new, source = self._load_new_config()
            except config_mod.ConfigError as exc:
                log.error("new configuration rejected; keeping the running one", error=str(exc))
                self.notifier.ready(self.status())
                return False
            app = self.state.app
            self.state.app = dataclasses.replace(app, config=new, _projections=[], source=source)
            await self.on_new_app(self.state.app)
            try:
                await asyncio.to_thread(self.sync_declared, drive=False)
            except Exception:
                log.exception("could not apply the new feed list; will retry on next reload")
            self.wake("poll")
            self.wake("project")
            log.info("configuration reloaded", feeds=len(new.feeds), figures=len(new.figures))
            self.notifier.ready(self.status())
            return True

    def _load_new_config(self) -> tuple[config_mod.Config, str | None]:
        new, path = config_mod.load(self.config_path)
        old = self.state.app.config
        if new.database_url != old.database_url:
            raise config_mod.ConfigError(
                "database_url", "********", "cannot change while running; restart instead"
            )
        if new.web.listen != old.web.listen:
            log.warning("web.listen changes take effect on restart", listen=old.web.listen)
        build_channels(new)  # raises ConfigError naming the bad channel
        return new, config_mod.source_of(path)
