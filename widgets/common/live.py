"""Keep a view live: poll the store's revision counter and redraw only what changed."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable

from workbook.store.transactions import Store

log = logging.getLogger("wtfc.widgets.common.live")


class LiveRefresh:
    """Calls `redraw(changed_tables)` whenever someone, anywhere, writes to the store."""

    def __init__(self, store: Store, redraw: Callable[[set[str]], None], interval: float = 1.0):
        self.store = store
        self.redraw = redraw
        self.interval = interval
        self.seen = store.revision()
        self.task: asyncio.Task | None = None
        self.errors = 0

    def sync(self) -> set[str]:
        """Catch up now (after this page's own action, or on a poll); returns tables redrawn."""
        rev = self.store.revision()
        if rev == self.seen:
            return set()
        tables = self.store.changed_tables(self.seen)
        self.seen = rev
        self.redraw(tables)
        return tables

    def start(self) -> None:
        """Start polling from the kernel's event loop (only in a served page, never in nbval)."""
        if self.task is None or self.task.done():
            self.task = asyncio.get_event_loop().create_task(self._run())

    def stop(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.task = None

    async def _run(self) -> None:
        while True:
            await asyncio.sleep(self.interval)
            try:
                self.sync()
                self.errors = 0
            except Exception:  # noqa: BLE001 - a busy or restarting database: try again soon
                self.errors += 1
                if self.errors in (1, 10, 100):
                    log.exception("live refresh failed %s times", self.errors)
