"""The package as a facilitator installs it: a wheel in a clean virtual environment, run from
an empty folder, serving a page that works in the browser (no source checkout involved)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import PAGE_TIMEOUT_MS
from tests.browser.servers import (
    NOTEBOOKS,
    ROOT,
    stop_process,
    wait_for_pages_ready,
    wait_until_answers,
)

INSTALL_TIMEOUT = 900  # a clean environment installs Voila, JupyterLab, pandas... (pip cache)


def run(cmd: list[str], **kwargs) -> subprocess.CompletedProcess:
    done = subprocess.run(cmd, capture_output=True, text=True, **kwargs)
    assert done.returncode == 0, (
        f"{' '.join(cmd)} failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
    return done


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """A clean virtual environment with the wheel built from this checkout installed in it."""
    tmp = tmp_path_factory.mktemp("installed")
    run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp / "dist"),
         str(ROOT)], timeout=INSTALL_TIMEOUT)
    wheels = list((tmp / "dist").glob("wtfc_workbook-*.whl"))
    assert len(wheels) == 1, wheels
    run([sys.executable, "-m", "venv", str(tmp / "env")])
    run([str(tmp / "env" / "bin" / "python"), "-m", "pip", "install", "-q",
         "--disable-pip-version-check", str(wheels[0])], timeout=INSTALL_TIMEOUT)
    return tmp / "env"


def clean_env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONPATH", "VIRTUAL_ENV", "JUPYTER_PATH", "WTFC_WORKSHOP")}
    env.update(HOME=str(home), PYTHONUNBUFFERED="1", WTFC_DEMO_DIR=str(home / "demo"))
    return env


@pytest.mark.timeout(INSTALL_TIMEOUT * 2)  # the install counts against the test's time
def test_wheel_serves_the_demo_from_an_empty_folder(installed, tmp_path, browser):
    from workbook.serving.serve import find_free_port

    empty = tmp_path / "empty"
    empty.mkdir()
    env = clean_env(tmp_path / "home")
    wtfc = installed / "bin" / "wtfc"
    # The installed package is used, not this checkout: it has its own pages and sample data.
    where = run([str(installed / "bin" / "python"), "-c",
                 "import workbook, widgets, workbook.paths as p;"
                 "print(workbook.__file__); print(p.notebooks_dir()); print(p.sample_dir())"],
                cwd=empty, env=env).stdout.split()
    assert all(str(installed) in line for line in where), where

    port = find_free_port()
    log_path = tmp_path / "voila.log"
    with log_path.open("w") as log:
        proc = subprocess.Popen([str(wtfc), "demo", "--port", str(port)], cwd=empty, env=env,
                                stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    try:
        wait_until_answers(f"http://127.0.0.1:{port}/", proc, 120)
        # A fresh install heats every page at once (and builds matplotlib's font cache): the
        # log says when they are ready, and a facilitator then finds them quick.
        pages = sorted(p.name for p in NOTEBOOKS.glob("*.ipynb"))
        assert wait_for_pages_ready(log_path, pages, 240), log_path.read_text()[-3000:]
        text = log_path.read_text()
        assert f"All {len(pages)} pages are ready to open" in text
        assert f"ready in {tmp_path / 'home' / 'demo'}" in text  # says where the demo is
        context = browser.new_context(viewport={"width": 1366, "height": 768})
        try:
            page = context.new_page()
            page.goto(f"http://127.0.0.1:{port}/voila/render/02_collect.ipynb?table=Table%201",
                      wait_until="domcontentloaded", timeout=PAGE_TIMEOUT_MS)
            expect(page.locator(".wtfc-header h1").first).to_be_visible(timeout=120_000)
            expect(page.get_by_role("button", name="Add statement")).to_be_enabled(
                timeout=120_000)
        finally:
            context.close()
    finally:
        stop_process(proc)
    assert not list(empty.iterdir()), "wtfc demo wrote into the folder it was started from"
