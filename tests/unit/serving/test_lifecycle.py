"""workbook.serving.lifecycle without Voila: a stand-in server whose 'kernels' run in sessions
of their own, as jupyter_client starts them. The real server: tests/browser/test_stopping.py."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from types import SimpleNamespace

import psutil
import pytest

from workbook.model import InputError
from workbook.serving import lifecycle

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
ROOT = Path(__file__).resolve().parents[3]

# A stand-in for our Voila: follows its parent like voila_app.main, starts two 'kernels' in
# sessions of their own, writes their pids, and on SIGTERM stops them as WtfcVoila.stop does
# (unless told to ignore SIGTERM, as a stuck Voila would).
FAKE_VOILA = textwrap.dedent("""
    import os, signal, subprocess, sys, time
    from workbook.serving import lifecycle
    lifecycle.follow_parent()
    kids = [subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"],
                             start_new_session=True, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL) for _ in range(2)]
    if sys.argv[2] == "stuck":
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
    else:
        def stop(signum, frame):
            lifecycle.stop_descendants(grace=1.0)
            os._exit(0)
        signal.signal(signal.SIGTERM, stop)
    with open(sys.argv[1], "w") as f:
        f.write(" ".join(str(p) for p in [os.getpid(), *(k.pid for k in kids)]))
    while True:
        time.sleep(0.2)
""")

# `wtfc serve` reduced to lifecycle.run around the stand-in.
RUNNER = textwrap.dedent("""
    import sys
    from workbook.serving import lifecycle
    lifecycle.VOILA_GRACE = 1.0
    lifecycle.KERNEL_GRACE = 1.0
    sys.exit(lifecycle.run([sys.executable, sys.argv[1], sys.argv[2], sys.argv[3]],
                           dict(__import__("os").environ), ".")
    )
""")


def env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONUNBUFFERED": "1"}


def wait_for(path: Path, timeout: float = 30.0) -> list[int]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if path.exists() and path.read_text().strip():
            return [int(p) for p in path.read_text().split()]
        time.sleep(0.05)
    raise AssertionError(f"{path} was not written")


def gone(pids: list[int], within: float) -> list[int]:
    """The pids still running (not zombies) after up to `within` seconds."""
    procs = []
    for pid in pids:
        try:
            procs.append(psutil.Process(pid))
        except psutil.NoSuchProcess:
            pass
    deadline = time.monotonic() + within
    while True:
        left = []
        for proc in procs:
            try:
                if proc.is_running() and proc.status() != psutil.STATUS_ZOMBIE:
                    left.append(proc.pid)
            except psutil.Error:
                pass
        if not left or time.monotonic() > deadline:
            return left
        time.sleep(0.05)


@pytest.fixture
def started(tmp_path):
    """Start RUNNER (as `wtfc serve`) with the stand-in; yields (runner, [voila, kids...])."""
    made: list[tuple[subprocess.Popen, list[int]]] = []

    def start(mode: str = "clean"):
        fake = tmp_path / "fake_voila.py"
        fake.write_text(FAKE_VOILA)
        pids_file = tmp_path / f"pids-{len(made)}"
        runner = subprocess.Popen(
            [sys.executable, "-c", RUNNER, str(fake), str(pids_file), mode],
            env=env(), cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
            text=True)
        pids = wait_for(pids_file)
        made.append((runner, pids))
        return runner, pids

    yield start
    for runner, pids in made:
        runner.kill()
        runner.wait()
        for pid in pids:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass


@pytest.mark.parametrize("signum", [signal.SIGHUP, signal.SIGTERM, signal.SIGINT])
def test_a_stop_signal_to_wtfc_stops_voila_and_its_kernels(started, signum):
    runner, pids = started()
    runner.send_signal(signum)
    out, _ = runner.communicate(timeout=15)
    assert runner.returncode == 0, out
    assert not gone(pids, within=5), out
    assert "Stopping the server" in out and "Traceback" not in out


def test_a_stuck_voila_is_killed_and_its_kernels_too(started):
    # Voila ignores SIGTERM: after VOILA_GRACE it is killed, and the kernels it started in
    # sessions of their own (which killing it leaves behind) are stopped by wtfc.
    runner, pids = started("stuck")
    runner.send_signal(signal.SIGTERM)
    out, _ = runner.communicate(timeout=15)
    assert runner.returncode == 0, out
    assert not gone(pids, within=5), out


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG")
def test_voila_follows_a_killed_wtfc(started):
    runner, pids = started()
    runner.kill()
    runner.wait()
    assert not gone(pids, within=5)


def test_voila_ending_by_itself_is_reported_and_its_kernels_stopped(started):
    runner, pids = started("stuck")
    time.sleep(lifecycle.WATCH_INTERVAL + 1)  # wtfc notes Voila's processes this often
    os.kill(pids[0], signal.SIGKILL)
    out, _ = runner.communicate(timeout=15)
    assert runner.returncode == 128 + signal.SIGKILL
    assert "stopped by itself (signal 9)" in out
    assert not gone(pids[1:], within=5)


def test_stop_on_signals_raises_stopping_and_restores_the_handlers():
    before = signal.getsignal(signal.SIGHUP)
    with lifecycle.stop_on_signals():
        with pytest.raises(lifecycle.Stopping) as caught:
            os.kill(os.getpid(), signal.SIGHUP)
            time.sleep(1)
    assert caught.value.reason == "SIGHUP"
    assert isinstance(caught.value, KeyboardInterrupt)  # handled like Ctrl+C
    assert signal.getsignal(signal.SIGHUP) == before


def test_follow_parent_needs_its_parent_named():
    assert lifecycle.follow_parent(env={}) is None
    assert lifecycle.follow_parent(env={lifecycle.PARENT_ENV: "x"}) is None
    # a parent that is not ours (it has gone already): stop at once
    with pytest.raises(SystemExit, match="stopped"):
        lifecycle.follow_parent(env={lifecycle.PARENT_ENV: str(os.getpid())})


def test_exit_after_exits_a_stuck_process(tmp_path):
    code = ("from workbook.serving import lifecycle; import time\n"
            "lifecycle.exit_after(0.3)\n"
            "time.sleep(60)\n")
    start = time.monotonic()
    proc = subprocess.run([sys.executable, "-c", code], env=env(), timeout=30)
    assert proc.returncode == 0 and time.monotonic() - start < 20


# --- the port --------------------------------------------------------------------------------
def test_a_free_port_passes():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    lifecycle.check_port_free("127.0.0.1", port)


def test_a_taken_port_names_the_process_and_how_to_stop_it():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        with pytest.raises(InputError) as caught:
            lifecycle.check_port_free("127.0.0.1", port)
    message = str(caught.value)
    assert f"Port {port} is already in use by process {os.getpid()} (" in message
    assert f"kill {os.getpid()}" in message and "--port" in message


def test_a_port_held_by_a_process_we_cannot_see(monkeypatch):
    conn = SimpleNamespace(status=psutil.CONN_LISTEN, laddr=SimpleNamespace(port=8866),
                           pid=None)  # another user's process: psutil cannot say whose
    monkeypatch.setattr(psutil, "net_connections", lambda kind="inet": [conn])
    assert lifecycle.port_owner(8866) == "another program"
    assert lifecycle._how_to_stop("another program") == "Stop that program"


def test_a_command_line_is_shown_without_its_secrets():
    shown = lifecycle._shown_command([
        "python", "-m", "voila", "--token=abc123", "--KeyFile=x", "--ServerApp.password=pw",
        "postgresql://u:hunter2@db/w", "--port=8866"])
    assert "abc123" not in shown and "hunter2" not in shown and "=pw" not in shown
    assert "--token=***" in shown and "postgresql://u:***@db/w" in shown
    assert "--port=8866" in shown
    assert len(lifecycle._shown_command(["x" * 500])) <= 120
