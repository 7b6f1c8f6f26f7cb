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


def test_a_visitor_with_nothing_ready_releases_the_refills(monkeypatch):
    monkeypatch.setattr(refill, "POLL", 0.001)
    clock = Clock()
    gate = RefillGate(quiet=4, longest=60, clock=clock)

    async def scenario():
        loop = asyncio.get_running_loop()
        ready, starting = loop.create_future(), loop.create_future()
        ready.set_result({"kernel_id": "k0"})
        gate.took()
        waiter = asyncio.ensure_future(gate.wait())
        await asyncio.sleep(0.02)
        note_take(gate, [ready, starting])  # the next kernel is there: keep waiting
        await asyncio.sleep(0.02)
        held = not waiter.done()
        note_take(gate, [starting])  # nothing ready: the refills go now
        await asyncio.sleep(0.02)
        return held, waiter.done()

    assert run(scenario()) == (True, True)


def test_only_new_kernels_wait_a_restart_does_not():
    calls: list[tuple[str, str | None]] = []

    class FakeManager:
        async def _initialize(self, notebook_path, kernel_id=None, **kwargs):
            calls.append((notebook_path, kernel_id))
            return {"kernel_id": kernel_id or "new"}

    class ShutGate(RefillGate):
        async def wait(self) -> None:
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
