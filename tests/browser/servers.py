"""Starting and stopping a real `wtfc serve` (Voila) for the browser tests, and waiting for it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = ROOT / "notebooks"
SERVER_START_TIMEOUT = 90.0  # preheated kernels start for every notebook first
LOG_TAIL_LINES = 80


@dataclass
class Server:
    """A running `wtfc serve` for the sample workshop."""

    base: str  # e.g. http://127.0.0.1:45123
    folder: Path  # the workshop folder (open it with Workshop.open to check the store)
    proc: subprocess.Popen | None  # None: a server this session did not start
    log_path: Path

    def url(self, notebook: str, table: str | None = None) -> str:
        url = f"{self.base}/voila/render/{notebook}"
        return f"{url}?table={quote(table)}" if table else url

    def log_tail(self, lines: int = LOG_TAIL_LINES) -> str:
        try:
            text = self.log_path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return "(no Voila log)"
        kept = [line for line in text.splitlines() if "running over TCP without encryption"
                not in line]
        return "\n".join(kept[-lines:])

    def errors_log(self) -> str:
        """What the pages' MessageArea logged (an unexpected error in a callback)."""
        path = self.folder / "logs" / "errors.log"
        return path.read_text(encoding="utf-8", errors="replace") if path.exists() else ""


def children(pid: int) -> list[int]:
    """Direct child processes of pid (Linux /proc), so a killed `wtfc serve` leaves no Voila."""
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(p) for p in (task / "children").read_text().split()]
        except (OSError, ValueError):
            pass
    return found


def stop_process(proc: subprocess.Popen, grace: float = 25.0) -> None:
    """SIGTERM (wtfc serve then stops Voila and its kernels cleanly), then SIGKILL."""
    if proc.poll() is not None:
        return
    kids = children(proc.pid)
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
    for pid in kids:  # Voila runs in its own session: make sure it went too
        try:
            os.kill(pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass


def wait_until_answers(url: str, proc: subprocess.Popen | None, timeout: float) -> None:
    """Until GET `url` answers 200; RuntimeError if `proc` stops or the time runs out."""
    deadline = time.monotonic() + timeout
    last = "no answer yet"
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"the server stopped with exit code {proc.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
                last = f"HTTP {response.status}"
        except (urllib.error.URLError, OSError) as exc:
            last = str(exc)
        time.sleep(0.5)
    raise RuntimeError(f"{url} did not answer within {timeout:.0f} s ({last})")


def wait_for_pages_ready(log_path: Path, notebooks: list[str], timeout: float) -> bool:
    """Preheating: our server logs "Page NAME is ready" once a pre-heated kernel has run the
    notebook (Voila's own "pool is filled" comes before that). Best effort: pages still load,
    more slowly, if the message never comes; return whether it came."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        text = log_path.read_text(encoding="utf-8", errors="replace")
        if all(f"Page {nb} is ready" in text for nb in notebooks):
            return True
        time.sleep(0.5)
    return False


def server_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    """This environment, with the checkout importable by the page kernels."""
    env = dict(os.environ)
    # The kernels import `widgets` and `workbook`: make the checkout importable even where
    # the package is not installed (pip install -e . makes this a no-op).
    env["PYTHONPATH"] = os.pathsep.join(
        [str(ROOT), *[p for p in env.get("PYTHONPATH", "").split(os.pathsep) if p]])
    env["PYTHONUNBUFFERED"] = "1"
    env.update(extra or {})
    return env


def reuse_server() -> Server | None:
    """WTFC_BROWSER_SERVER="http://127.0.0.1:PORT WORKSHOP_FOLDER": a server started by hand
    (while writing tests), left running; None when it is not set."""
    reuse = os.environ.get("WTFC_BROWSER_SERVER", "").split()
    if not reuse:
        return None
    base, folder = reuse[0].rstrip("/"), Path(reuse[1])
    wait_until_answers(base + "/", None, SERVER_START_TIMEOUT)
    return Server(base, folder, None, folder / "voila.log")


def start_sample_server(tmp: Path, ready: list[str] | None = None,
                        host: str = "127.0.0.1") -> Server:
    """`wtfc serve` on a fresh sample workshop in `tmp`, on a free port (reached on loopback;
    ``host`` 0.0.0.0 serves the room's network, keys and all), once every page (or the
    ``ready`` ones) is heated. RuntimeError (with the server stopped) if it does not start."""
    from workbook.sample import build_sample
    from workbook.serving.serve import find_free_port

    folder = tmp / "workshop"
    build_sample(folder).close()
    port = find_free_port("127.0.0.1")
    log_path = tmp / "voila.log"
    with log_path.open("w", encoding="utf-8") as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "workbook.cli", "serve", str(folder), "--port", str(port),
             "--host", host],
            # explore_themes.ipynb builds its sample events in WTFC_DEMO_DIR: keep them in tmp.
            cwd=str(ROOT), env=server_env({"WTFC_DEMO_DIR": str(tmp / "demo")}), stdout=log,
            stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
        )
    srv = Server(f"http://127.0.0.1:{port}", folder, proc, log_path)
    try:
        wait_until_answers(srv.base + "/", proc, SERVER_START_TIMEOUT)
        wait_for_pages_ready(log_path, ready or sorted(p.name for p in NOTEBOOKS.glob("*.ipynb")),
                             SERVER_START_TIMEOUT)
    except RuntimeError:
        stop_process(proc)
        raise
    return srv


class Room:
    """A sample workshop served to the room's network (0.0.0.0, keys for everyone): its
    server, its store open, and the facilitator's and the tables' keys."""

    def __init__(self, srv: Server):
        from workbook import Workshop
        from workbook.access import keys
        from workbook.access.roles import Role

        self.base, self.folder, self.proc, self.log_path = (srv.base, srv.folder, srv.proc,
                                                            srv.log_path)
        self.ws = Workshop.open(srv.folder)
        with self.ws.store.read() as conn:
            self.facilitator = keys.active(conn, Role.FACILITATOR)
            self.table = keys.active(conn, Role.TABLE)


@contextmanager
def served_room(tmp: Path, ready: list[str]) -> Iterator[Room]:
    """Serve the sample workshop to the room's network until the block ends."""
    srv = start_sample_server(tmp, ready=ready, host="0.0.0.0")
    try:
        room = Room(srv)
        try:
            yield room
        finally:
            room.ws.close()
    finally:
        stop_process(srv.proc)
