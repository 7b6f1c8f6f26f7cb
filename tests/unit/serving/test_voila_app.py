"""Our Voila: which static files are cached for good, and culling that waits for the page."""

from __future__ import annotations

import asyncio
import time

import pytest

from workbook.serving import voila_app
from workbook.serving.pool import PreheatReport
from workbook.serving.static import IMMUTABLE, REVALIDATE, cache_control
from workbook.serving.voila_app import GraceKernelManager


@pytest.mark.parametrize("path, query", [
    ("/voila/labextensions/anywidget/static/2.3dbf81c0.js", ""),
    ("/voila/labextensions/anywidget/static/remoteEntry.698dcaf7.js", ""),
    ("/voila/labextensions/@voila-dashboards/widgets-manager8/static/"
     "324.ee1c7d64c48a4b927622.js", "v=ee1c7d64c48a4b927622"),
    ("/voila/templates/wtfc/static/wtfc.css", "v=71648ada450816d3"),
    ("/voila/templates/wtfc/static/9834b82ad26e2a37583d.woff2", ""),
])
def test_files_named_by_their_content_are_cached_for_a_year(path, query):
    assert cache_control(path, query) == IMMUTABLE


@pytest.mark.parametrize("path", [
    "/voila/static/7155.voila.js",  # a webpack chunk id, not a hash: changes with Voila
    "/voila/static/voila.js",
    "/voila/labextensions/@jupyter-widgets/jupyterlab-manager/package.json",
])
def test_other_static_files_are_revalidated(path):
    assert cache_control(path, "") == REVALIDATE


@pytest.mark.parametrize("path", ["/voila/render/02_collect.ipynb", "/", "/api/kernels/x",
                                  "/voila/files/v=1.js"])
def test_pages_and_apis_get_no_cache_header_from_us(path):
    assert cache_control(path, "v=1") is None


class Culled(Exception):
    pass


@pytest.fixture
def manager(monkeypatch):
    """A GraceKernelManager whose parent's culling step raises Culled instead of culling."""

    async def parent_cull(self, kernel_id):
        raise Culled(kernel_id)

    monkeypatch.setattr(voila_app.AsyncMappingKernelManager, "cull_kernel_if_idle", parent_cull)
    km = GraceKernelManager(connect_grace=300)
    return km


def cull(km, kernel_id):
    return asyncio.run(km.cull_kernel_if_idle(kernel_id))


def test_a_kernel_waiting_for_its_page_is_not_culled(manager):
    manager.handed_out("k1")
    assert manager.waiting_for_page("k1")
    cull(manager, "k1")  # no Culled: spared


def test_once_its_page_has_connected_the_idle_timeout_applies(manager):
    manager.handed_out("k1")
    manager._kernel_connections["k1"] = 0
    manager.notify_connect("k1")
    manager.notify_disconnect("k1")
    assert not manager.waiting_for_page("k1")
    with pytest.raises(Culled):
        cull(manager, "k1")


def test_the_grace_runs_out(manager, monkeypatch):
    manager.handed_out("k1")
    later = time.monotonic() + 301
    monkeypatch.setattr(voila_app.time, "monotonic", lambda: later)
    with pytest.raises(Culled):
        cull(manager, "k1")


def test_a_kernel_never_handed_out_is_left_to_the_ordinary_rules(manager):
    with pytest.raises(Culled):
        cull(manager, "pooled-or-unknown")


def test_serve_command_uses_our_app_and_manager(tmp_path):
    from workbook.serving import serve

    cmd = serve.voila_command(tmp_path, 8866)
    assert cmd[1:3] == ["-m", "workbook.serving.voila_app"]
    assert f"--VoilaConfiguration.multi_kernel_manager_class={serve.KERNEL_MANAGER}" in cmd
    assert any(c.startswith("--GraceKernelManager.connect_grace=") for c in cmd)


def test_pinned_kernelspec_runs_this_interpreter(tmp_path):
    import json
    import sys

    from workbook.serving import serve

    folder = serve.write_kernelspec(tmp_path)
    spec = json.loads((folder / "kernels" / "python3" / "kernel.json").read_text())
    assert spec["argv"][0] == sys.executable
    env = serve.jupyter_path_env({"JUPYTER_PATH": "/elsewhere"}, first=folder)
    parts = env["JUPYTER_PATH"].split(":")
    assert parts[0] == str(folder) and parts[1] == str(serve.jupyter_data_dir())
    assert parts[-1] == "/elsewhere"


class Log:
    def __init__(self) -> None:
        self.lines: list[str] = []

    def info(self, msg, *args):
        self.lines.append(msg % args)

    def warning(self, msg, *args):
        self.lines.append("WARNING " + msg % args)


def test_the_log_says_when_each_page_and_then_all_pages_are_ready():
    async def scenario() -> list[str]:
        log = Log()
        pools = ["00_workshop.ipynb", "sub/02_collect.ipynb", "03_theme.ipynb", "explore.ipynb"]
        report = PreheatReport(log, lambda: pools)
        loop = asyncio.get_running_loop()
        tasks = {nb: loop.create_future() for nb in pools}
        for n, (nb, task) in enumerate(tasks.items()):
            report.watch(nb, f"k{n}", task)
        # A page that waits for its request is ready when it asks (its notebook still runs).
        report.asked_for_request("k1")
        report.asked_for_request("not-a-pool-kernel")
        tasks["03_theme.ipynb"].set_exception(RuntimeError("cell 2 raised"))
        await asyncio.sleep(0)
        assert log.lines == ["Page 02_collect.ipynb is ready (1 of 4)",
                             "WARNING Page 03_theme.ipynb failed while pre-heating: cell 2 raised"]
        # The failed page's next kernel asks; a page that never asks is ready once it has run.
        again = loop.create_future()
        report.watch("03_theme.ipynb", "k9", again)
        report.asked_for_request("k9")
        tasks["explore.ipynb"].set_result(None)
        await asyncio.sleep(0)  # done callbacks run on the loop's next turn
        report.asked_for_request("k0")
        # After a visitor: the page's run finishing, a refill asking, a stop, say nothing more.
        tasks["sub/02_collect.ipynb"].set_result(None)
        refill = loop.create_future()
        report.watch("sub/02_collect.ipynb", "k10", refill)
        report.asked_for_request("k10")
        tasks["00_workshop.ipynb"].cancel()
        await asyncio.sleep(0)
        return log.lines[2:]

    assert asyncio.run(scenario()) == ["Page 03_theme.ipynb is ready (2 of 4)",
                                       "Page explore.ipynb is ready (3 of 4)",
                                       "Page 00_workshop.ipynb is ready (4 of 4)",
                                       "All 4 pages are ready to open"]
