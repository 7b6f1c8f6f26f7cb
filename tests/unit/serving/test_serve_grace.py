"""A real Voila as `wtfc serve` runs it: the culler spares a slow page's kernel, and a server
served to the room needs a key on every request and shows no key in a log or a process list."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.browser.servers import stop_process
from workbook.serving import serve

pytestmark = pytest.mark.slow

IDLE = 2  # seconds: the culler takes a page-less kernel after this much quiet
PAGE = "quiet.ipynb"


def notebook() -> dict:
    """A page that does nothing when it is requested (the case that raced the culler)."""
    return {"cells": [{"cell_type": "code", "execution_count": None, "id": "a1b2c3",
                       "metadata": {}, "outputs": [], "source": "x = 1"}],
            "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3",
                                        "language": "python"}},
            "nbformat": 4, "nbformat_minor": 5}


def pages_folder(tmp_path: Path) -> Path:
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / PAGE).write_text(json.dumps(notebook()))
    return pages


def wait_for_pool(proc: subprocess.Popen, log_path: Path, hide: str = "") -> None:
    """Until Voila has a pre-heated kernel for the page (its log says so); `hide` is blanked
    out of the log shown if it never comes."""
    deadline = time.monotonic() + 240
    while f"Kernel pool of {PAGE} is filled" not in log_path.read_text():
        if proc.poll() is not None or time.monotonic() > deadline:
            log = log_path.read_text()
            pytest.fail(f"Voila did not start:\n{log.replace(hide, '***') if hide else log}",
                        pytrace=False)
        time.sleep(0.3)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):  # a redirect is an answer to look at
        return None


_OPENER = urllib.request.build_opener(_NoRedirect)


def get(url: str) -> tuple[int, str]:
    """(status, body) of GET url; a redirect is returned as it is, not followed."""
    try:
        with _OPENER.open(url, timeout=30) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers.get("Location", "")


@pytest.fixture
def fast_culling_server(tmp_path):
    pages = pages_folder(tmp_path)
    port = serve.find_free_port()
    cmd = [c for c in serve.voila_command(pages, port)
           if not c.startswith(("--MappingKernelManager.cull", "--GraceKernelManager."))] + [
        f"--MappingKernelManager.cull_idle_timeout={IDLE}",
        "--MappingKernelManager.cull_interval=1",
        "--GraceKernelManager.connect_grace=30",
    ]
    env = serve.jupyter_path_env(first=serve.write_kernelspec(tmp_path / "spec"))
    log_path = tmp_path / "voila.log"
    with log_path.open("w") as log:
        proc = subprocess.Popen(cmd, cwd=pages, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        wait_for_pool(proc, log_path)
        yield f"http://127.0.0.1:{port}", log_path
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_pooled_kernel_handed_to_a_slow_page_is_not_culled(fast_culling_server):
    base, log_path = fast_culling_server
    time.sleep(IDLE + 3)  # the pool's kernel idles past the timeout
    status, html = get(f"{base}/voila/render/{PAGE}")
    assert status == 200
    kernel = re.search(r'"kernelId": "([0-9a-f-]+)"', html).group(1)
    time.sleep(IDLE + 5)  # the browser is still fetching scripts: no connection yet
    status, _ = get(f"{base}/api/kernels/{kernel}")
    assert status == 200, f"the page's kernel was culled before it connected:\n" \
                          f"{log_path.read_text()[-2000:]}"
    assert f"Culling 'idle' kernel 'python3' ({kernel})" not in log_path.read_text()


# serve.serve() as `wtfc serve DIR --host 0.0.0.0` calls it, but on loopback: the room's keys
# are made in the workshop's store, so they are on no command line (nor in any log line).
SERVE = """import sys
from pathlib import Path
from workbook import Workshop
from workbook.serving import links, serve
ws = Workshop.open(sys.argv[1])
room = links.room_links(ws.store, "127.0.0.1", int(sys.argv[3]))
ws.close()
sys.exit(serve.serve(sys.argv[1], Path(sys.argv[2]), int(sys.argv[3]), links=room))
"""


class Secret(str):
    """A string shown as '***' wherever pytest prints a value (tracebacks, assertions)."""

    def __repr__(self) -> str:
        return "'***'"


@pytest.fixture
def room_server(tmp_path):
    """`wtfc serve` for the room's network, on a free loopback port:
    (base URL, facilitator key, table key, log path, the server's process)."""
    from workbook import Workshop
    from workbook.access import keys

    pages = pages_folder(tmp_path)
    folder = tmp_path / "workshop"
    with Workshop.create(folder, "Room") as ws, ws.store.engine.begin() as conn:
        facilitator, table = (Secret(k) for k in keys.room_keys(conn))
    port = serve.find_free_port()
    log_path = tmp_path / "serve.log"
    env = {**serve.jupyter_path_env(), "PYTHONUNBUFFERED": "1"}
    with log_path.open("w") as log:
        proc = subprocess.Popen(
            [sys.executable, "-c", SERVE, str(folder), str(pages), str(port)],
            cwd=tmp_path, env=env, stdout=log, stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL)
    try:
        wait_for_pool(proc, log_path, hide=facilitator)
        yield f"http://127.0.0.1:{port}", facilitator, table, log_path, proc
    finally:
        stop_process(proc)


def tree_pids(pid: int) -> list[int]:
    import psutil

    try:
        root = psutil.Process(pid)
        return [root.pid, *(p.pid for p in root.children(recursive=True))]
    except psutil.NoSuchProcess:
        return []


def test_the_room_needs_a_key_and_keeps_it_secret(room_server):
    base, facilitator, table, log_path, proc = room_server
    page, listing = f"/voila/render/{PAGE}", "/"
    # The facilitator's key: the list of pages, the page itself (with a kernel) and that kernel.
    status, html = get(f"{base}{listing}?key={facilitator}")
    assert status == 200 and PAGE in html
    status, html = get(f"{base}{page}?key={facilitator}")
    assert status == 200
    kernel = "/api/kernels/" + re.search(r'"kernelId": "([0-9a-f-]+)"', html).group(1)
    assert get(f"{base}{kernel}?key={facilitator}")[0] == 200
    # Without a key, with a wrong one, or with Jupyter's token name: a browser is sent to the
    # log-in page (nothing is rendered, no kernel handed out) and the kernel's API answers 403.
    for query in ("", "?key=not-the-key", "?token=not-the-key", "?table=Big%20screen"):
        for path in (listing, page):
            status, where = get(base + path + query)
            assert (status, where.split("?")[0]) == (302, "/login"), (path, query, status)
        assert get(base + kernel + query)[0] == 403, query
    # A table's key: its laptop names its table first, then opens the page.
    status, where = get(f"{base}{page}?key={table}")
    assert (status, where) == (302, f"/?next={PAGE}")
    assert get(f"{base}{page}?key={table}&table=Red")[0] == 200
    # No key in any line Voila logged, nor in any process's command line.
    lines = log_path.read_text().splitlines()
    for key in (facilitator, table):
        leaks = [n for n, line in enumerate(lines) if key in line and
                 not line.lstrip().startswith(("Facilitator", "Tables"))]
        assert leaks == [], f"a key is in lines {leaks} of the server's log"
        for pid in tree_pids(proc.pid):
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace")
            assert key not in cmdline, f"a key is on the command line of process {pid}"


def test_a_pages_kernel_answers_only_its_visitor(room_server):
    import http.cookiejar

    base, facilitator, table, _log, _proc = room_server

    def laptop():
        jar = http.cookiejar.CookieJar()
        opener = urllib.request.build_opener(_NoRedirect, urllib.request.HTTPCookieProcessor(jar))

        def fetch(path: str, method: str = "GET") -> int:
            request = urllib.request.Request(base + path, method=method)
            try:
                with opener.open(request, timeout=30) as response:
                    return response.status
            except urllib.error.HTTPError as exc:
                return exc.code
        return opener, fetch

    red_opener, red = laptop()
    with red_opener.open(f"{base}/voila/render/{PAGE}?key={table}&table=Red", timeout=60) as r:
        kernel = re.search(r'"kernelId": "([0-9a-f-]+)"', r.read().decode()).group(1)
    assert red(f"/api/kernels/{kernel}") == 200
    # Another table's laptop, logged in with the same tables' link, learns the id: refused.
    blue_opener, blue = laptop()
    blue_opener.open(f"{base}/?key={table}&table=Blue", timeout=30).read()
    assert blue(f"/api/kernels/{kernel}") == 403
    assert blue(f"/api/kernels/{kernel}", "DELETE") == 403
    assert red(f"/api/kernels/{kernel}") == 200  # still there
    # The facilitator may look after every kernel.
    assert get(f"{base}/api/kernels/{kernel}?key={facilitator}")[0] == 200
