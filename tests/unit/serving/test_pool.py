"""A pre-heated kernel that died while starting is skipped, not handed to a visitor."""

from __future__ import annotations

import asyncio
import logging

from workbook.serving.pool import ATTEMPTS, StartedPages, take_live

LOG = logging.getLogger("test_pool")


class FakePool:
    """Voila's get_rendered_notebook over a list of (kernel id, run outcome) slots."""

    def __init__(self, outcomes: list[str]) -> None:
        self.outcomes = outcomes
        self.taken: list[str] = []
        self.shut: list[str] = []
        self.tasks: dict[str, asyncio.Future] = {}
        self.gone: set[str] = set()  # kernels whose process has ended

    async def take(self, notebook_name: str):
        kernel_id = f"k{len(self.taken)}"
        self.taken.append(kernel_id)
        task = asyncio.get_running_loop().create_future()
        self.tasks[kernel_id] = task
        outcome = self.outcomes[len(self.taken) - 1]
        if outcome == "died":
            task.set_exception(RuntimeError("Kernel died before replying to kernel_info"))
        elif outcome == "ran":
            task.set_result(([], None))
        return task, ["<cell>"], kernel_id

    async def shutdown(self, kernel_id: str) -> None:
        self.shut.append(kernel_id)

    async def alive(self, kernel_id: str) -> bool:
        return kernel_id not in self.gone


def run(outcomes: list[str], pages: StartedPages | None = None, asker=None, gone=()):
    async def main():
        pool = FakePool(outcomes)
        pool.gone.update(gone)
        started = pages or StartedPages()
        if asker is not None:
            asyncio.get_running_loop().call_soon(asker, started, pool)
        result = await take_live(pool.take, started, pool.shutdown, pool.alive, LOG,
                                 notebook_name="05_success.ipynb")
        return result, pool
    return asyncio.run(main())


def test_a_dead_kernel_is_skipped_and_shut_down():
    (task, rendered, kernel_id), pool = run(["died", "ran"])
    assert kernel_id == "k1" and pool.shut == ["k0"] and rendered == ["<cell>"]
    assert not task.exception()


def test_a_kernel_still_starting_is_awaited_until_it_asks_for_its_request():
    def ask(started: StartedPages, pool: FakePool) -> None:
        started.asked_for_request("k0")

    (task, _, kernel_id), pool = run(["pending"], asker=ask)
    assert kernel_id == "k0" and not task.done() and pool.shut == []


def test_a_kernel_that_dies_while_the_visitor_waits_is_replaced():
    def die(started: StartedPages, pool: FakePool) -> None:
        pool.tasks["k0"].set_exception(RuntimeError("Kernel died"))

    (task, _, kernel_id), pool = run(["pending", "ran"], asker=die)
    assert kernel_id == "k1" and pool.shut == ["k0"]


def test_after_every_attempt_fails_the_last_is_returned_for_the_page_to_report():
    (task, _, kernel_id), pool = run(["died"] * ATTEMPTS)
    assert kernel_id == f"k{ATTEMPTS - 1}" and task.exception() is not None
    assert pool.shut == [f"k{i}" for i in range(ATTEMPTS - 1)]


def test_a_kernel_that_asked_before_the_visitor_came_is_taken_at_once():
    async def main():
        started = StartedPages()
        started.asked_for_request("k0")
        pool = FakePool(["pending"])
        return await take_live(pool.take, started, pool.shutdown, pool.alive, LOG,
                               notebook_name="x")
    assert asyncio.run(main())[2] == "k0"


def test_a_ready_kernel_whose_process_was_killed_is_replaced():
    (task, _, kernel_id), pool = run(["ran", "ran"], gone={"k0"})
    assert kernel_id == "k1" and pool.shut == ["k0"]


def test_a_closing_query_socket_removes_only_itself():
    """Voila's on_close deleted another kernel's waiter when the closing socket had been
    replaced (a kernel that opened its socket again): that kernel never got its request."""
    from voila.request_info_handler import RequestInfoSocketHandler

    from workbook.serving.voila_app import ReadyQueryHandler

    waiters = RequestInfoSocketHandler._waiters
    saved = dict(waiters)
    old, new, other = object(), object(), object()
    try:
        waiters.clear()
        waiters.update({"k1": new, "k2": other})
        ReadyQueryHandler.on_close(old)  # replaced by ``new``: nothing of others goes
        assert waiters == {"k1": new, "k2": other}
        ReadyQueryHandler.on_close(new)
        assert waiters == {"k2": other}
    finally:
        waiters.clear()
        waiters.update(saved)
