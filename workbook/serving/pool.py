"""Pre-heated kernels: a dead one is replaced, never handed out; the log says when all are ready.

Voila 0.5.13 hands out the next kernel of a page's pool whatever became of it. A kernel can
die before it answers (jupyter_client picks its ports by binding and releasing them, so two
kernels started at once can race for one port: "Kernel died before replying to
kernel_info"); Voila then gave that dead kernel to the next visitor, whose page showed
"Running ..." for ever (seen in CI on the Success page). Here the handler waits until the
kernel has started its page (it asks for its request) or its run has ended, and takes the
next kernel if the run failed, or the kernel's process is gone or was restarted blank.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable, Iterable
from pathlib import PurePath
from typing import Any

ATTEMPTS = 3  # pre-heated kernels tried for one visitor before the page reports the failure


class StartedPages:
    """Which kernels have asked for their request, as futures a handler can wait on."""

    def __init__(self) -> None:
        self._asked: dict[str, asyncio.Future[None]] = {}

    def _future(self, kernel_id: str) -> asyncio.Future[None]:
        future = self._asked.get(kernel_id)
        if future is None:
            future = asyncio.get_running_loop().create_future()
            self._asked[kernel_id] = future
        return future

    def asked_for_request(self, kernel_id: str) -> None:
        future = self._future(kernel_id)
        if not future.done():
            future.set_result(None)

    def forget(self, kernel_id: str) -> None:
        future = self._asked.pop(kernel_id, None)
        if future is not None and not future.done():
            future.cancel()

    async def started(self, kernel_id: str, task: asyncio.Future[Any]) -> bool:
        """Wait until ``kernel_id`` has asked for its request or ``task`` (its run) ended;
        False when the run failed (the kernel died or the page raised while pre-heating)."""
        if not task.done():
            asked = self._future(kernel_id)
            await asyncio.wait([task, asked], return_when=asyncio.FIRST_COMPLETED)
        return not failed(task)


def failed(task: asyncio.Future[Any]) -> bool:
    return task.done() and not task.cancelled() and task.exception() is not None


async def take_live(
    take: Callable[..., Awaitable[tuple[asyncio.Future[Any], list[str], str]]],
    pages: StartedPages,
    shutdown: Callable[[str], Awaitable[Any]],
    alive: Callable[[str], Awaitable[bool]],
    log: Any,
    *args: Any,
    **kwargs: Any,
) -> tuple[asyncio.Future[Any], list[str], str]:
    """Voila's ``get_rendered_notebook`` (``take``), skipping kernels whose run failed or
    whose process has gone since (killed, or out of memory).

    Each ``take`` refills the pool, so a dead kernel is replaced as well as skipped.
    """
    for attempt in range(1, ATTEMPTS + 1):
        task, rendered, kernel_id = await take(*args, **kwargs)
        live = await pages.started(kernel_id, task) and await alive(kernel_id)
        if live or attempt == ATTEMPTS:
            return task, rendered, kernel_id
        why = task.exception() if failed(task) else "its process has ended"
        log.warning("A pre-heated kernel for %s failed (%s); taking the next one",
                    kwargs.get("notebook_name", "a page"), why)
        pages.forget(kernel_id)
        with contextlib.suppress(Exception):  # it is dead already; this tidies the record
            await shutdown(kernel_id)
    raise AssertionError("unreachable")  # the loop returns on its last attempt


class PreheatReport:
    """Logs each page whose pre-heated kernel is ready for a visitor, then once when all are.

    A kernel is ready when it asks for its request (our pages build everything, then wait
    for the URL's table) or, for a page that never asks, when it has run the notebook.
    """

    def __init__(self, log: Any, pools: Callable[[], Iterable[str]]) -> None:
        self.log = log
        self.pools = pools  # the notebooks being pre-heated (Voila's pool names)
        self.kernels: dict[str, str] = {}  # kernel id -> notebook
        self.ready: set[str] = set()
        self.announced = False

    def watch_pool(self, notebook: str, entry: asyncio.Future) -> None:
        """``entry`` is a pool slot: it gives Voila's {"kernel_id", "task"} once started."""

        def started(done: asyncio.Future) -> None:
            if not done.cancelled() and done.exception() is None:
                content = done.result()
                self.watch(notebook, content["kernel_id"], content["task"])

        entry.add_done_callback(started)

    def watch(self, notebook: str, kernel_id: str, task: asyncio.Future) -> None:
        self.kernels[kernel_id] = notebook
        task.add_done_callback(lambda done: self._ran(notebook, done))

    def asked_for_request(self, kernel_id: str) -> None:
        if kernel_id in self.kernels:  # the first kernel of each pool (refills are not watched)
            self.page_ready(self.kernels[kernel_id])

    def _ran(self, notebook: str, task: asyncio.Future) -> None:
        if task.cancelled():
            return  # the server is stopping
        if task.exception() is not None:
            name = PurePath(notebook).name
            self.log.warning("Page %s failed while pre-heating: %s", name, task.exception())
            return
        self.page_ready(notebook)

    def page_ready(self, notebook: str) -> None:
        if notebook in self.ready:
            return  # a refill after a visitor took the kernel
        self.ready.add(notebook)
        total = len(set(self.pools()) | self.ready)
        name = PurePath(notebook).name
        self.log.info("Page %s is ready (%d of %d)", name, len(self.ready), total)
        if not self.announced and len(self.ready) == total:
            self.announced = True
            self.log.info("All %d pages are ready to open", total)
