"""Start Voila, watch it, and stop it with every kernel, however `wtfc serve` ends.

No ipywidgets here. Both sides of the serving pair use this module: `wtfc` (``run``) and the
Voila process (``follow_parent``, ``stop_descendants``).

How each ending is covered (measured with Voila 0.5.13, jupyter_client 8, ipykernel 7):

- **Ctrl+C, SIGHUP (the terminal closed), SIGTERM (a service manager).** Voila runs in its
  own session, so the terminal's signals reach only `wtfc`. `wtfc` turns all three into
  ``Stopping``, asks Voila to stop (SIGTERM), waits ``VOILA_GRACE`` seconds, kills it if need
  be, then sends SIGTERM and, after ``KERNEL_GRACE`` seconds, SIGKILL to every process that
  was below Voila (its kernels run in sessions of their own, so killing Voila alone would
  leave them; ``_Tree`` keeps track of them while Voila runs).
- **A crash or SIGKILL of `wtfc`.** Voila asks the kernel for SIGTERM when its parent dies
  (Linux ``PR_SET_PDEATHSIG``), and a thread watching ``os.getppid()`` does the same on other
  systems (``follow_parent``).
- **Voila's own stop.** Voila 0.5.13 stops its kernels one by one and then waits on its
  kernel pools' tasks in a loop that no longer runs: with many kernels it did not stop within
  40 s. Our Voila (``voila_app.WtfcVoila.stop``) instead stops every process below it at once
  (``stop_descendants``), with a deadline after which it exits whatever is left.
- **Voila killed outright.** ipykernel watches its parent (``JPY_PARENT_PID``, set by
  jupyter_client) once a second and exits when it changes, so the kernels follow within
  about a second.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import errno
import os
import signal
import socket
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence

import psutil

from workbook.model import InputError
from workbook.store.urls import mask_url

# Seconds Voila has to stop by itself (its kernels included) before `wtfc` kills it.
VOILA_GRACE = 8.0
# Seconds a kernel has after SIGTERM before SIGKILL.
KERNEL_GRACE = 2.0
# Seconds after a stop signal before Voila exits whatever state it is in.
VOILA_DEADLINE = 6.0
# How often `wtfc` refreshes the list of Voila's processes while serving.
WATCH_INTERVAL = 2.0
# The environment variable that names the `wtfc` process to Voila.
PARENT_ENV = "WTFC_PARENT_PID"
STOP_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)
)
_PR_SET_PDEATHSIG = 1


class Stopping(KeyboardInterrupt):
    """`wtfc` was asked to stop (Ctrl+C, SIGHUP or SIGTERM)."""

    def __init__(self, signum: int | None = None) -> None:
        super().__init__(signum)
        self.signum = signum

    @property
    def reason(self) -> str:
        if self.signum is None:
            return "Ctrl+C"
        return signal.Signals(self.signum).name


def _say(text: str) -> None:
    """Print, unless the terminal has gone (SIGHUP: writing to it fails)."""
    try:
        print(text, flush=True)
    except (OSError, ValueError):
        pass


# --- the port --------------------------------------------------------------------------------
def _shown_command(cmdline: Sequence[str], limit: int = 120) -> str:
    """A process's command line fit to print: no secrets (tokens, keys, database passwords)."""
    shown = []
    for arg in cmdline:
        name, eq, value = arg.partition("=")
        if eq and any(word in name.lower() for word in ("token", "password", "key", "secret")):
            arg = f"{name}=***"
        shown.append(mask_url(arg) if "://" in arg else arg)
    text = " ".join(" ".join(shown).split())  # one line
    return text if len(text) <= limit else text[: limit - 1] + "…"


def port_owner(port: int) -> str:
    """Who listens on ``port``: 'process PID (COMMAND)', or 'another program' if we cannot
    see it (another user's process, or a system that hides it)."""
    try:
        conns = psutil.net_connections(kind="inet")
    except (psutil.Error, OSError):
        conns = []
    for conn in conns:
        if conn.status == psutil.CONN_LISTEN and conn.laddr and conn.laddr.port == port:
            if conn.pid is None:
                break
            try:
                cmd = _shown_command(psutil.Process(conn.pid).cmdline())
            except psutil.Error:
                return f"process {conn.pid}"
            return f"process {conn.pid} ({cmd})" if cmd else f"process {conn.pid}"
    return "another program"


def _how_to_stop(owner: str) -> str:
    if owner.startswith("process "):
        pid = owner.split()[1]
        kill = f"taskkill /PID {pid}" if sys.platform == "win32" else f"kill {pid}"
        return f"Stop it (Ctrl+C in its window, or: {kill})"
    return "Stop that program"


def check_port_free(host: str, port: int) -> None:
    """Raise ``InputError`` naming who holds ``port`` on ``host``, before Voila is started.

    Binds the way tornado will (SO_REUSEADDR, every address ``host`` names), so a port left
    in TIME_WAIT by a server that just stopped counts as free.
    """
    try:
        infos = socket.getaddrinfo(
            host or None, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
        )
    except OSError:
        return  # an unknown host: Voila says so in its own words
    for family, kind, proto, _name, address in infos:
        with socket.socket(family, kind, proto) as sock:
            if os.name != "nt":
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            if family == socket.AF_INET6 and hasattr(socket, "IPPROTO_IPV6"):
                with contextlib.suppress(OSError):
                    sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
            try:
                sock.bind(address)
            except OSError as exc:
                if exc.errno == errno.EADDRINUSE:
                    owner = port_owner(port)
                    raise InputError(
                        f"Port {port} is already in use by {owner}: is the workshop served "
                        f"already? {_how_to_stop(owner)}, or choose another port with "
                        "--port (leave --port out to get a free one)."
                    ) from None
                if exc.errno == errno.EACCES:
                    raise InputError(
                        f"This user may not serve on port {port} (ports below 1024 need the "
                        "administrator): choose --port 8866 or above."
                    ) from None
                return  # an address this machine does not have: Voila says so


# --- the processes below Voila ---------------------------------------------------------------
class _Tree:
    """The processes below one process, remembered while it runs, so they can be stopped
    after it has gone (kernels run in their own sessions; a killed Voila leaves them)."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.known: dict[int, psutil.Process] = {}

    def refresh(self) -> None:
        try:
            found = psutil.Process(self.pid).children(recursive=True)
        except psutil.Error:
            return
        for proc in found:
            self.known.setdefault(proc.pid, proc)

    def running(self) -> list[psutil.Process]:
        """The remembered processes still running (the same processes: psutil checks each
        one's start time, so a reused pid is never taken for ours)."""
        alive = []
        for proc in self.known.values():
            try:
                if proc.is_running() and proc.status() != psutil.STATUS_ZOMBIE:
                    alive.append(proc)
            except psutil.Error:
                pass
        return alive


def stop_processes(procs: Sequence[psutil.Process], grace: float = KERNEL_GRACE) -> None:
    """SIGTERM to each, then SIGKILL to any still running after ``grace`` seconds."""
    for proc in procs:
        with contextlib.suppress(psutil.Error):
            proc.terminate()
    _gone, alive = psutil.wait_procs(list(procs), timeout=grace)
    for proc in alive:
        with contextlib.suppress(psutil.Error):
            proc.kill()
    psutil.wait_procs(alive, timeout=grace)


def stop_descendants(grace: float = KERNEL_GRACE, pid: int | None = None) -> int:
    """Stop every process below ``pid`` (default: this one) at once; returns how many."""
    tree = _Tree(os.getpid() if pid is None else pid)
    tree.refresh()
    procs = tree.running()
    stop_processes(procs, grace)
    return len(procs)


# --- in Voila: stop when `wtfc` goes ---------------------------------------------------------
def _set_pdeathsig(signum: int) -> bool:
    """Linux: have the kernel send ``signum`` to this process when its parent dies."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        return libc.prctl(_PR_SET_PDEATHSIG, int(signum), 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def follow_parent(
    env: Mapping[str, str] | None = None,
    on_orphaned: Callable[[], None] | None = None,
    interval: float = 1.0,
) -> int | None:
    """In a process `wtfc` started: SIGTERM to ourselves when `wtfc` dies.

    ``env[PARENT_ENV]`` names the parent (``run`` sets it); without it nothing is done and
    None is returned. Exits at once if the parent has gone already. Returns the parent's pid.
    """
    env = os.environ if env is None else env
    try:
        parent = int(env.get(PARENT_ENV, ""))
    except ValueError:
        return None
    if parent <= 1:
        return None

    def orphaned() -> None:
        os.kill(os.getpid(), signal.SIGTERM)

    on_orphaned = on_orphaned or orphaned
    kernel_tells_us = _set_pdeathsig(signal.SIGTERM)
    if os.getppid() != parent:  # it died before we could ask: nothing to serve for
        raise SystemExit("wtfc, which started this server, has stopped.")
    if kernel_tells_us:
        return parent

    def watch() -> None:  # systems without PR_SET_PDEATHSIG
        stop = threading.Event()
        while not stop.wait(interval):
            if os.getppid() != parent:
                on_orphaned()
                return

    threading.Thread(target=watch, name="wtfc-parent-watch", daemon=True).start()
    return parent


def exit_after(seconds: float = VOILA_DEADLINE, grace: float = KERNEL_GRACE) -> threading.Timer:
    """In Voila, once asked to stop: if it has not exited within ``seconds``, stop every
    process below it and exit anyway (an event loop stuck in a long call cannot hold the
    room's pages open)."""

    def now() -> None:
        with contextlib.suppress(Exception):
            stop_descendants(grace)
        os._exit(0)

    timer = threading.Timer(seconds, now)
    timer.daemon = True
    timer.start()
    return timer


# --- in wtfc: run Voila until asked to stop --------------------------------------------------
@contextlib.contextmanager
def stop_on_signals() -> Iterator[None]:
    """While serving, SIGTERM and SIGHUP raise ``Stopping`` as Ctrl+C raises
    KeyboardInterrupt, so Voila is stopped with us. Outside the main thread: nothing."""
    previous: dict[int, object] = {}

    def handler(signum, frame):
        raise Stopping(signum)

    try:
        for signum in STOP_SIGNALS:
            previous[signum] = signal.signal(signum, handler)
    except ValueError:  # not the main thread: leave signals alone
        pass
    try:
        yield
    finally:
        for signum, old in previous.items():
            signal.signal(signum, old)  # type: ignore[arg-type]


def start(cmd: Sequence[str], env: Mapping[str, str], cwd: str | os.PathLike) -> subprocess.Popen:
    """Start Voila in its own session (a Ctrl+C in the terminal reaches only `wtfc`, which
    then stops Voila once), telling it our pid so it can follow us (``follow_parent``)."""
    env = {**env, PARENT_ENV: str(os.getpid())}
    return subprocess.Popen(list(cmd), env=env, cwd=str(cwd), start_new_session=True)


def stop(
    proc: subprocess.Popen,
    tree: _Tree | None = None,
    voila_grace: float = VOILA_GRACE,
    kernel_grace: float = KERNEL_GRACE,
) -> None:
    """Stop Voila and everything below it: SIGTERM, SIGKILL after ``voila_grace`` s, then
    the same (``kernel_grace``) to any of its processes still running. A second Ctrl+C
    skips the waiting."""
    tree = tree or _Tree(proc.pid)
    try:
        tree.refresh()
        if proc.poll() is None:
            proc.terminate()
            with contextlib.suppress(subprocess.TimeoutExpired):
                proc.wait(timeout=voila_grace)
    except KeyboardInterrupt:  # a second Ctrl+C (or signal): stop now
        kernel_grace = 0.0
    with _signals_ignored():
        tree.refresh()
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        stop_processes(tree.running(), kernel_grace)


@contextlib.contextmanager
def _signals_ignored() -> Iterator[None]:
    previous: dict[int, object] = {}
    try:
        for signum in (signal.SIGINT, *STOP_SIGNALS):
            previous[signum] = signal.signal(signum, signal.SIG_IGN)
    except ValueError:
        pass
    try:
        yield
    finally:
        for signum, old in previous.items():
            signal.signal(signum, old)  # type: ignore[arg-type]


def run(cmd: Sequence[str], env: Mapping[str, str], cwd: str | os.PathLike) -> int:
    """Run Voila until it stops or we are asked to stop (Ctrl+C, SIGHUP, SIGTERM); stop it
    and every kernel; return Voila's exit code (0 when we stopped it)."""
    with stop_on_signals():
        proc = start(cmd, env, cwd)
        tree = _Tree(proc.pid)
        try:
            while True:
                try:
                    code = proc.wait(timeout=WATCH_INTERVAL)
                except subprocess.TimeoutExpired:
                    tree.refresh()
                    continue
                if code:  # Voila ended by itself: say so (its kernels are stopped below)
                    how = f"signal {-code}" if code < 0 else f"exit code {code}"
                    _say(f"The server stopped by itself ({how}); see the messages above.")
                return 128 - code if code < 0 else code
        except KeyboardInterrupt as exc:
            why = exc.reason if isinstance(exc, Stopping) else "Ctrl+C"
            _say(f"\nStopping the server and its pages ({why})…")
            return 0
        finally:
            stop(proc, tree)
