"""Pools refill when the room is quiet, so tables opening at once get the CPU first.

Voila refills a page's pool one second after each hand-out. A refill starts a kernel and runs
its page up to the request (imports, queries, the chart): a few CPU-seconds each. When twelve
tables open at once, twelve refills ran beside them on the same cores and the last table waited
for all of them. Pools are sized for the room (``wtfc serve --tables N``), so the kernels the
tables need are already there; their replacements can wait until no page has been handed out
or has connected for ``QUIET`` seconds and no page handed out is still loading (never longer
than ``LONGEST``): a table's laptop takes its kernel at once but spends many seconds fetching
and starting the front end before it connects, and refills that started in that gap ran
beside the pages they were meant to spare. A visitor who finds nothing ready in its
page's pool releases one refill of that page at once (the oldest: the kernel it was handed),
so nobody waits on the gate itself; the others still wait for the quiet. (Releasing them all
started twelve kernels beside the twelfth table in the room benchmark.)
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

QUIET = 8.0  # seconds without a hand-out or a page connecting before refills start
LONGEST = 60.0  # a refill never waits longer than this, however busy the room
POLL = 0.25


class RefillGate:
    """Holds pool refills back while pages are being handed out."""

    def __init__(self, quiet: float = QUIET, longest: float = LONGEST,
                 clock: Callable[[], float] = time.monotonic,
                 loading: Callable[[], bool] = lambda: False) -> None:
        self.quiet = quiet
        self.longest = longest
        self.clock = clock
        self.loading = loading  # True while a page handed out has not connected yet
        self.last_take = float("-inf")
        # Per page: refills queued (tickets handed out, in order) and how many of the oldest a
        # visitor with nothing ready has released.
        self.queued: dict[str, int] = {}
        self.released: dict[str, int] = {}

    def took(self) -> None:
        """A page was handed out, or one connected: the room is busy now."""
        self.last_take = self.clock()

    def hurry(self, page: str = "") -> None:
        """A visitor to ``page`` found nothing ready: its oldest held refill (or the next one
        to come) starts now."""
        self.released[page] = self.released.get(page, 0) + 1

    async def wait(self, page: str = "") -> None:
        """Return once the room has been quiet for ``quiet`` seconds with no page loading,
        ``longest`` has passed, or a visitor to ``page`` found nothing ready and this is the
        oldest refill held."""
        start = self.clock()
        ticket = self.queued.get(page, 0)
        self.queued[page] = ticket + 1
        while ticket >= self.released.get(page, 0):
            now = self.clock()
            if now - start >= self.longest:
                break
            if now - self.last_take >= self.quiet and not self.loading():
                break
            await asyncio.sleep(POLL)
        # Gone without a release (quiet, or the longest wait): a later hurry must release a
        # refill still held, not this one.
        self.released[page] = max(self.released.get(page, 0), ticket + 1)


def gate_refills(km: Any, gate: RefillGate) -> None:
    """Make ``km``'s new pool kernels (Voila's ``_initialize`` without a kernel id) wait for
    ``gate``. A restart re-initialises its kernel at once; the first fill was already made."""
    initialize = km._initialize

    async def gated(notebook_path: str, kernel_id: str | None = None, **kwargs: Any) -> Any:
        if kernel_id is None:
            await gate.wait(notebook_path)
        return await initialize(notebook_path, kernel_id, **kwargs)

    km._initialize = gated


def note_take(gate: RefillGate, pool: Sequence[Awaitable[Any]], page: str = "") -> None:
    """Before a hand-out from ``page``'s ``pool``: count it, and release that page's oldest
    held refill if the kernel next in line has not started (the visitor would otherwise wait
    for the room to go quiet)."""
    gate.took()
    first = pool[0] if pool else None
    if not (isinstance(first, asyncio.Future) and first.done()):
        gate.hurry(page)
