"""A pre-heated kernel that died before its visitor came is replaced, not handed out.

A kernel can die while starting (two kernels started at once can race for a port:
"Kernel died before replying to kernel_info", seen in CI) or later (killed, out of
memory). Voila 0.5.13 handed the dead kernel to the next visitor (or the blank one
jupyter_client restarted in its place), whose page said "Running ..." or failed;
workbook/serving/pool.py takes the next kernel instead.

Its own server: the test kills every kernel of it.
"""

from __future__ import annotations

from pathlib import Path

import psutil
import pytest

from tests.browser import helpers
from tests.browser.servers import start_sample_server, stop_process

PAGE = "05_success.ipynb"


@pytest.fixture
def own_server(tmp_path: Path):
    srv = start_sample_server(tmp_path, ready=[PAGE])
    try:
        yield srv
    finally:
        stop_process(srv.proc)


def kernels(pid: int) -> list[psutil.Process]:
    found = []
    for p in psutil.Process(pid).children(recursive=True):
        try:
            if "ipykernel" in " ".join(p.cmdline()):
                found.append(p)
        except psutil.Error:  # ended (a zombie has no command line): not a kernel to count
            pass
    return found


def test_a_page_opens_after_its_pre_heated_kernel_was_killed(own_server, context_factory):
    killed = kernels(own_server.proc.pid)
    assert killed, "the server has pre-heated kernels"
    for proc in killed:
        proc.kill()
    gone, alive = psutil.wait_procs(killed, timeout=10)
    assert not alive

    page = context_factory()
    helpers.open_stage(page, own_server.base, PAGE)
    assert "failed" in own_server.log_tail(400), own_server.log_tail()
