"""Pool refills wait until the room is quiet, unless a visitor finds nothing ready."""

from __future__ import annotations

import asyncio

from workbook.serving import refill
from workbook.serving.refill import RefillGate, gate_refills, note_take


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def run(coro):
    return asyncio.run(coro)


async def _started_after(gate: RefillGate, clock: Clock, steps: list) -> float | None:
    """Advance the fake clock step by step (calling each step's action); when did wait() end?"""
    waiter = asyncio.ensure_future(gate.wait())
    for seconds, action in steps:
        await asyncio.sleep(0.02)
        if waiter.done():
            break
        clock.now += seconds
        if action:
            action()
    await asyncio.sleep(0.05)
    done = waiter.done()
    waiter.cancel()
    return clock.now if done else None


def test_a_refill_starts_once_no_page_was_handed_out_for_the_quiet_time(monkeypatch):
    monkeypatch.setattr(refill, "POLL", 0.001)
    clock = Clock()
    gate = RefillGate(quiet=4, longest=60, clock=clock)

    async def scenario():
        gate.took()
        # a page every 2 s for 10 s keeps it waiting; then 4 quiet seconds let it go
        steps = [(2, gate.took)] * 5 + [(1, None)] * 6
        return await _started_after(gate, clock, steps)

    ended = run(scenario())
    assert ended is not None and ended - 1000 >= 14  # the last hand-out at +10, quiet at +14


def test_a_refill_waits_no_longer_than_the_longest(monkeypatch):
    monkeypatch.setattr(refill, "POLL", 0.001)
    clock = Clock()
    gate = RefillGate(quiet=4, longest=10, clock=clock)

    async def scenario():
        gate.took()
        return await _started_after(gate, clock, [(1, gate.took)] * 30)

    ended = run(scenario())
    assert ended is not None and 1010 <= ended <= 1012


def test_a_visitor_with_nothing_ready_releases_its_pages_oldest_refill_only(monkeypatch):
    monkeypatch.setattr(refill, "POLL", 0.001)
    clock = Clock()
    gate = RefillGate(quiet=4, longest=60, clock=clock)

    async def scenario():
        loop = asyncio.get_running_loop()
        ready, starting = loop.create_future(), loop.create_future()
        ready.set_result({"kernel_id": "k0"})
        gate.took()
        oldest = asyncio.ensure_future(gate.wait("02_collect.ipynb"))
        await asyncio.sleep(0.01)
        younger = asyncio.ensure_future(gate.wait("02_collect.ipynb"))
        other_page = asyncio.ensure_future(gate.wait("03_theme.ipynb"))
        await asyncio.sleep(0.02)
        note_take(gate, [ready, starting], "02_collect.ipynb")  # the next is there: wait on
        await asyncio.sleep(0.02)
        held = not oldest.done()
        note_take(gate, [starting], "02_collect.ipynb")  # nothing ready: the oldest goes now
        await asyncio.sleep(0.02)
        after_one = (oldest.done(), younger.done(), other_page.done())
        note_take(gate, [starting], "02_collect.ipynb")  # another visitor: the next one goes
        await asyncio.sleep(0.02)
        after_two = (younger.done(), other_page.done())
        other_page.cancel()
        return held, after_one, after_two

    assert run(scenario()) == (True, (True, False, False), (True, False))


def test_a_release_before_the_refill_is_queued_lets_it_start_at_once(monkeypatch):
    # Voila queues a refill a second after the hand-out: the visitor's release must not be lost
    monkeypatch.setattr(refill, "POLL", 0.001)
    clock = Clock()
    gate = RefillGate(quiet=4, longest=60, clock=clock)

    async def scenario():
        gate.took()
        gate.hurry("02_collect.ipynb")
        first = asyncio.ensure_future(gate.wait("02_collect.ipynb"))
        second = asyncio.ensure_future(gate.wait("02_collect.ipynb"))
        await asyncio.sleep(0.02)
        done = first.done(), second.done()
        second.cancel()
        return done

    assert run(scenario()) == (True, False)


def test_only_new_kernels_wait_a_restart_does_not():
    calls: list[tuple[str, str | None]] = []

    class FakeManager:
        async def _initialize(self, notebook_path, kernel_id=None, **kwargs):
            calls.append((notebook_path, kernel_id))
            return {"kernel_id": kernel_id or "new"}

    class ShutGate(RefillGate):
        async def wait(self, page: str = "") -> None:
            await asyncio.sleep(3600)

    km = FakeManager()
    gate_refills(km, ShutGate())

    async def scenario():
        restarted = await asyncio.wait_for(km._initialize("02_collect.ipynb", "k1"), 1)
        fresh = asyncio.ensure_future(km._initialize("02_collect.ipynb"))
        await asyncio.sleep(0.05)
        waiting = not fresh.done()
        fresh.cancel()
        return restarted, waiting

    assert run(scenario()) == ({"kernel_id": "k1"}, True)
    assert calls == [("02_collect.ipynb", "k1")]
