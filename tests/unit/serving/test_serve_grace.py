"""A real Voila as `wtfc serve` runs it, with culling made fast: a pre-heated kernel that idled
in the pool, handed to a page whose browser is slow to connect, must still be there."""

from __future__ import annotations

import json
import re
import subprocess
import time
import urllib.error
import urllib.request

import pytest

from workbook.serving import serve

pytestmark = pytest.mark.slow

IDLE = 2  # seconds: the culler takes a page-less kernel after this much quiet


def notebook() -> dict:
    """A page that does nothing when it is requested (the case that raced the culler)."""
    return {"cells": [{"cell_type": "code", "execution_count": None, "id": "a1b2c3",
                       "metadata": {}, "outputs": [], "source": "x = 1"}],
            "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3",
                                        "language": "python"}},
            "nbformat": 4, "nbformat_minor": 5}


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, ""


@pytest.fixture
def fast_culling_server(tmp_path):
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "quiet.ipynb").write_text(json.dumps(notebook()))
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
        deadline = time.monotonic() + 240
        while "Kernel pool of quiet.ipynb is filled" not in log_path.read_text():
            assert proc.poll() is None and time.monotonic() < deadline, log_path.read_text()
            time.sleep(0.3)
        yield f"http://127.0.0.1:{port}", log_path
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_pooled_kernel_handed_to_a_slow_page_is_not_culled(fast_culling_server):
    base, log_path = fast_culling_server
    time.sleep(IDLE + 3)  # the pool's kernel idles past the timeout
    status, html = get(f"{base}/voila/render/quiet.ipynb")
    assert status == 200
    kernel = re.search(r'"kernelId": "([0-9a-f-]+)"', html).group(1)
    time.sleep(IDLE + 5)  # the browser is still fetching scripts: no connection yet
    status, _ = get(f"{base}/api/kernels/{kernel}")
    assert status == 200, f"the page's kernel was culled before it connected:\n" \
                          f"{log_path.read_text()[-2000:]}"
    assert f"Culling 'idle' kernel 'python3' ({kernel})" not in log_path.read_text()
