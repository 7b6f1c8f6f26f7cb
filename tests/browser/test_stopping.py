"""Stopping `wtfc serve` stops everything: Voila, every kernel, and the port is free.

However `wtfc serve` ends (Ctrl+C, its terminal closed, SIGTERM from a service manager, or
`wtfc` itself killed), no process it started may go on serving the room. Before issue 15
SIGHUP left Voila and its kernels answering, a Voila holding many kernels did not stop
within 40 s of SIGTERM, and the kernels of a Voila that had to be killed stayed.

Each test starts its own `wtfc serve` (a real Voila, so it lives with the browser tests,
which run against live servers), opens two pages with plain HTTP so their kernels exist
beside the pre-heated ones, notes every process below `wtfc` from /proc, sends one signal
to `wtfc`, and waits for all of them to be gone and the port free.
"""

from __future__ import annotations

import signal
import socket
import time
import urllib.request
from pathlib import Path

import psutil
import pytest

from tests.browser.servers import Server, start_sample_server, stop_process

PAGES = ("02_collect.ipynb", "03_theme.ipynb")
STOP_WITHIN = 10.0  # seconds (printed with -s: how long each signal took)


def tree(pid: int) -> list[psutil.Process]:
    """The processes below ``pid`` (Voila and its kernels), from /proc."""
    return psutil.Process(pid).children(recursive=True)


def cmdline(proc: psutil.Process) -> str:
    """Its command line, or "" once it has ended (a zombie, such as a pre-heated kernel that
    died while starting and was replaced, has none to read)."""
    try:
        return " ".join(proc.cmdline())
    except psutil.Error:
        return ""


def alive(procs: list[psutil.Process]) -> list[psutil.Process]:
    """Those still running (a zombie waiting for its parent to reap it counts as gone;
    psutil compares start times, so a pid reused by another process is not ours)."""
    running = []
    for proc in procs:
        try:
            if proc.is_running() and proc.status() != psutil.STATUS_ZOMBIE:
                running.append(proc)
        except psutil.Error:
            pass
    return running


def port_free(port: int) -> bool:
    with socket.socket() as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as Voila binds
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def open_pages(srv: Server) -> None:
    """Plain GETs of two pages: each takes a kernel from its pool (which starts another)."""
    for name in PAGES:
        with urllib.request.urlopen(srv.url(name), timeout=60) as response:
            assert response.status == 200
            response.read()


@pytest.fixture
def fresh_server(tmp_path: Path):
    srv = start_sample_server(tmp_path, ready=list(PAGES))  # the pages it opens
    try:
        yield srv
    finally:
        stop_process(srv.proc)
        for proc in alive(getattr(srv, "tracked", [])):
            proc.kill()


@pytest.mark.parametrize(
    "signum", [signal.SIGHUP, signal.SIGTERM, signal.SIGINT, signal.SIGKILL],
    ids=lambda s: signal.Signals(s).name)
def test_every_process_stops_and_the_port_is_free(fresh_server: Server, signum: int):
    srv = fresh_server
    port = int(srv.base.rsplit(":", 1)[1])
    open_pages(srv)
    procs = tree(srv.proc.pid)
    srv.tracked = procs  # type: ignore[attr-defined]
    kernels = [p for p in procs if "ipykernel" in cmdline(p)]
    assert len(kernels) >= len(PAGES) + 2, [cmdline(p)[-80:] for p in procs]

    start = time.monotonic()
    srv.proc.send_signal(signum)
    served_until = wtfc_until = None  # Voila and kernels gone with the port free; wtfc gone
    while time.monotonic() - start < STOP_WITHIN:
        if served_until is None and not alive(procs) and port_free(port):
            served_until = time.monotonic() - start
        if wtfc_until is None and srv.proc.poll() is not None:
            wtfc_until = time.monotonic() - start
        if served_until is not None and wtfc_until is not None:
            break
        time.sleep(0.05)
    never = float("inf")
    print(f"\n{signal.Signals(signum).name}: Voila and {len(kernels)} kernels gone and port "
          f"free in {served_until or never:.1f} s; wtfc exited in {wtfc_until or never:.1f} s")

    left = [f"{p.pid} {cmdline(p)[:100]}" for p in alive(procs)]
    assert not left, f"still running {STOP_WITHIN:.0f} s after {signum!r}:\n" + "\n".join(left)
    assert port_free(port), f"port {port} still taken after {signum!r}"
    assert srv.proc.poll() is not None, "wtfc itself did not stop"
    if signum != signal.SIGKILL:
        # stopped on purpose: exit code 0, and no traceback in what it printed
        assert srv.proc.returncode == 0, srv.log_tail()
        assert "Traceback" not in srv.log_path.read_text(encoding="utf-8", errors="replace")
