"""Pools refill when the room is quiet, so tables opening at once get the CPU first.

Voila refills a page's pool one second after each hand-out. A refill starts a kernel and runs
its page up to the request (imports, queries, the chart): a few CPU-seconds each. When twelve
tables open at once, twelve refills ran beside them on the same cores and the last table waited
for all of them. Pools are sized for the room (``wtfc serve --tables N``), so the kernels the
tables need are already there; their replacements can wait until no page has been handed out
for ``QUIET`` seconds (never longer than ``LONGEST``). A visitor who finds nothing ready in its
page's pool releases the waiting refills at once, so nobody waits on the gate itself.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

QUIET = 4.0  # seconds without a hand-out before refills start
LONGEST = 60.0  # a refill never waits longer than this, however busy the room
POLL = 0.25


class RefillGate:
    """Holds pool refills back while pages are being handed out."""

    def __init__(self, quiet: float = QUIET, longest: float = LONGEST,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.quiet = quiet
        self.longest = longest
        self.clock = clock
        self.last_take = float("-inf")
        self.hurried = 0  # bumped when a visitor needs a kernel that is not there yet
        self.waiting = 0

    def took(self) -> None:
        self.last_take = self.clock()

    def hurry(self) -> None:
        self.hurried += 1

    async def wait(self) -> None:
        """Return once the room has been quiet for ``quiet`` seconds, ``longest`` has passed,
        or a visitor found its page's pool with nothing ready."""
        start, seen = self.clock(), self.hurried
        self.waiting += 1
        try:
            while self.hurried == seen:
                now = self.clock()
                if now - self.last_take >= self.quiet or now - start >= self.longest:
                    return
                await asyncio.sleep(POLL)
        finally:
            self.waiting -= 1


def gate_refills(km: Any, gate: RefillGate) -> None:
    """Make ``km``'s new pool kernels (Voila's ``_initialize`` without a kernel id) wait for
    ``gate``. A restart re-initialises its kernel at once; the first fill was already made."""
    initialize = km._initialize

    async def gated(notebook_path: str, kernel_id: str | None = None, **kwargs: Any) -> Any:
        if kernel_id is None:
            await gate.wait()
        return await initialize(notebook_path, kernel_id, **kwargs)

    km._initialize = gated


def note_take(gate: RefillGate, pool: Sequence[Awaitable[Any]]) -> None:
    """Before a hand-out from ``pool``: count it, and release the refills if the kernel next
    in line has not started (the visitor would otherwise wait for the room to go quiet)."""
    gate.took()
    first = pool[0] if pool else None
    if not (isinstance(first, asyncio.Future) and first.done()):
        gate.hurry()
