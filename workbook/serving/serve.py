"""Serve the workshop pages with Voila: build the command line and run it.

No ipywidgets here: this module only starts a Voila server as a subprocess.

Facts this relies on (Voila 0.5.13, see docs/architecture.md, "Facts about the stack"):
- Given a directory, Voila serves a list of its notebooks at ``/`` and each notebook at
  ``/voila/render/NAME.ipynb``. With ``--classic_tree=True`` that list is our template's
  ``tree.html`` (big type, ``lang`` and a ``<main>``) instead of Voila's JavaScript tree.
- Voila leaks a kernel per page view (upstream issue 1458): idle kernels are culled.
  Pre-heated kernels waiting in the pool are not culled (Voila's kernel manager skips them).
- ``--preheat_kernel=True`` / ``--pool_size=N`` (``VoilaConfiguration.default_pool_size``)
  keep N kernels per notebook that have already run the notebook; for a directory Voila
  heats every notebook in it at start-up. A pre-heated page must read ``QUERY_STRING``
  only after ``voila.utils.wait_for_request()``. Preheating cannot be combined with
  progressive rendering.
- Templates are found under ``<jupyter data path>/voila/templates/<name>``; ours ships in
  this package at ``share/jupyter/voila/templates/wtfc`` and we prepend ``share/jupyter``
  to ``JUPYTER_PATH``.
"""

from __future__ import annotations

import ipaddress
import json
import os
import socket
import sys
import tempfile
from collections.abc import Mapping
from pathlib import Path

from workbook.access import cookie, grants
from workbook.access.qr import ROOM_URL_ENV
from workbook.model import InputError
from workbook.serving import lifecycle
from workbook.serving.links import RoomLinks
from workbook.steps import step
from workbook.store.urls import mask_url

TEMPLATE_NAME = "wtfc"
THEMES = ("light", "dark")
WORKSHOP_ENV = "WTFC_WORKSHOP"

# Kernel culling. A closing or reloading tab stops its own kernel (voila_app, and the
# template's connection.js), so the culler only clears up after tabs that vanished without a
# word (a laptop put to sleep, a crashed browser). A kernel whose page lost its connection is
# kept CULL_IDLE_TIMEOUT s, so a laptop whose Wi-Fi drops for a minute or two carries on when
# it comes back; one whose page has not connected yet is kept CONNECT_GRACE s from hand-out,
# so a slow laptop's page still finds it.
CULL_IDLE_TIMEOUT = 120
CULL_INTERVAL = 15
CONNECT_GRACE = 300
KERNEL_MANAGER = "workbook.serving.voila_app.GraceKernelManager"
IDENTITY_PROVIDER = "workbook.serving.room.RoomIdentityProvider"
AUTHORIZER = "workbook.serving.room.RoomAuthorizer"

# Pre-heated kernels per page (Voila's kernel_pools_config; every other page keeps one). The
# pages every table opens at once get more: a visitor who finds the pool empty waits for a
# kernel to start and build the page (3-4 s on 2 cores, longer when twelve start together),
# so with one kernel a room of 12 tables was usable only after 42-45 s. The facilitator says
# how many tables the room has (`wtfc serve --tables N`): Collect, which every table opens
# first, keeps one kernel per table and one for the big screen, which shows it as the tables
# type (without it the last table to open found the pool empty, and its kernel started beside
# the others' pages); Theme and Understand, opened later and a few at a time,
# a quarter as many. Each waiting kernel holds memory whether or not anyone comes: a table's
# Collect kernel about 80 MB RSS (its chart, pandas and matplotlib load only on the big
# screen or when asked). The pools refill a second after each hand-out (fill_delay).
IOPUB_WAIT = 600  # seconds nbclient waits for a run cell's output (see voila_command)
DEFAULT_TABLES = 6
MAX_TABLES = 60


def table_page_pools(tables: int = DEFAULT_TABLES) -> dict[str, int]:
    """Pre-heated kernels for the pages tables open, for a room of ``tables`` tables."""
    if not 1 <= tables <= MAX_TABLES:
        raise InputError(f"--tables must be between 1 and {MAX_TABLES} (it was {tables}): the "
                         "number of tables (laptops) that will open the pages at once.")
    later = max(2, -(-tables // 4))  # a quarter, rounded up, and never fewer than two
    return {step(2).page: tables + 1, step(3).page: later, step(4).page: later}



_SERVING_DIR = Path(__file__).resolve().parent


def jupyter_data_dir() -> Path:
    """The folder to prepend to ``JUPYTER_PATH``: it holds ``voila/templates/wtfc``."""
    return _SERVING_DIR / "share" / "jupyter"


def template_dir() -> Path:
    """The directory of our big-screen Voila template."""
    return jupyter_data_dir() / "voila" / "templates" / TEMPLATE_NAME


def jupyter_path_env(
    base_env: Mapping[str, str] | None = None, first: Path | None = None
) -> dict[str, str]:
    """A copy of ``base_env`` (default: ``os.environ``) with our data folder first on
    ``JUPYTER_PATH``, so Voila finds ``--template=wtfc`` (and ``first`` before it: the folder
    of our pinned kernelspec)."""
    env = dict(os.environ if base_env is None else base_env)
    ours = [str(p) for p in (first, jupyter_data_dir()) if p is not None]
    parts = [p for p in env.get("JUPYTER_PATH", "").split(os.pathsep) if p and p not in ours]
    env["JUPYTER_PATH"] = os.pathsep.join([*ours, *parts])
    return env


def write_kernelspec(folder: Path) -> Path:
    """A ``python3`` kernelspec for this interpreter under ``folder/kernels``; returns
    ``folder``, to put first on ``JUPYTER_PATH``.

    Without it Voila starts the first ``python3`` kernelspec it finds, and a user-level one
    from another Jupyter install (pipx, conda, the system) wins over ours: the pages' kernels
    would then run a Python that has no wtfc-workbook in it.
    """
    spec = folder / "kernels" / "python3"
    spec.mkdir(parents=True, exist_ok=True)
    (spec / "kernel.json").write_text(
        json.dumps(
            {
                "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
                "display_name": "Python 3 (wtfc-workbook)",
                "language": "python",
                "metadata": {"debugger": False},
            }
        ),
        encoding="utf-8",
    )
    return folder


def is_loopback(host: str) -> bool:
    """True if ``host`` only accepts connections from this machine."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def find_free_port(host: str = "127.0.0.1") -> int:
    """A TCP port that is free on ``host`` right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((host if is_loopback(host) else "", 0))
        return s.getsockname()[1]


def _check(port: int, theme: str) -> None:
    if not isinstance(port, int) or isinstance(port, bool) or not 0 < port < 65536:
        raise InputError(f"The port must be a number from 1 to 65535, not {port!r}.")
    if theme not in THEMES:
        raise InputError(f"The theme must be 'light' or 'dark', not {theme!r}.")


def voila_command(
    notebooks_dir: Path | str,
    port: int,
    *,
    host: str = "127.0.0.1",
    theme: str = "light",
    preheat: bool = True,
    open_browser: bool = False,
    open_room: bool = False,
    tables: int = DEFAULT_TABLES,
) -> list[str]:
    """The Voila command line serving every notebook in ``notebooks_dir``. It holds no
    secret: the room's keys are in the workshop's store and the grant secret in Voila's
    environment (see ``serve``). With ``open_room`` every request needs a key.

    Raises ``InputError`` (a ``ValueError``) for a bad port or an unknown theme.
    """
    _check(port, theme)
    # Our Voila (serving.voila_app): compressed, cacheable, culling that waits for the page.
    cmd = [sys.executable, "-m", "workbook.serving.voila_app", str(notebooks_dir)]
    if not open_browser:
        cmd.append("--no-browser")
    cmd += [
        f"--port={port}",
        f"--Voila.ip={host}",
        "--Voila.port_retries=0",
        f"--template={TEMPLATE_NAME}",
        f"--theme={theme}",
        # the page list at "/" is our tree.html (big type, a <main>), not Voila's JS tree
        "--classic_tree=True",
        f"--MappingKernelManager.cull_idle_timeout={CULL_IDLE_TIMEOUT}",
        f"--MappingKernelManager.cull_interval={CULL_INTERVAL}",
        f"--VoilaConfiguration.multi_kernel_manager_class={KERNEL_MANAGER}",
        f"--GraceKernelManager.connect_grace={CONNECT_GRACE}",
        # Once a cell has run, nbclient waited 4 s for the rest of its output and then went on
        # without it: on a server busy opening a room's pages, a page's widget came later and
        # was dropped, and the page stayed blank for ever. Wait for it (it comes at once on a
        # quiet server; a kernel that dies is noticed apart from this).
        f"--VoilaExecutor.iopub_timeout={IOPUB_WAIT}",
        # code highlighting: our pages show no code, so save a laptop the download
        "--VoilaConfiguration.extension_denylist=jupyterlab_pygments",
        # who a request is: the room's keys (workbook.serving.room), never one shared token
        f"--Voila.identity_provider_class={IDENTITY_PROVIDER}",
        f"--Voila.authorizer_class={AUTHORIZER}",  # a page's kernel is its visitor's only
        f"--RoomIdentityProvider.open_room={open_room}",
    ]
    if os.name == "posix":
        # Kernels talk to Voila over Unix sockets beside their connection files, not TCP ports
        # on 127.0.0.1. With forty kernels starting at once, a port jupyter_client had found
        # free was taken (by another kernel's or a page's connection) before the kernel bound
        # it: the kernel died five times over and its page never became ready. Unix sockets
        # also keep the kernels' traffic from anyone else on the machine (ZeroMQ over TCP is
        # unencrypted). Windows has no ZeroMQ ipc: TCP there.
        cmd.append("--KernelManager.transport=ipc")
    if preheat:
        pools = {"default": {"pool_size": 1},
                 **{nb: {"pool_size": n} for nb, n in table_page_pools(tables).items()}}
        cmd += ["--preheat_kernel=True", "--pool_size=1",
                f"--VoilaKernelManager.kernel_pools_config={json.dumps(pools)}"]
    return cmd


def page_url(host: str, port: int, path: str = "") -> str:
    """The address to open in a browser on this machine."""
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}/{path}"


def kept_cookie_secret(workshop_location: str) -> str:
    from workbook import Workshop

    with Workshop.open(workshop_location) as ws:
        return cookie.kept_secret(ws.store)


def serve(
    workshop_location: str,
    notebooks_dir: Path,
    port: int,
    host: str = "127.0.0.1",
    theme: str = "light",
    links: RoomLinks | None = None,
    tables: int = DEFAULT_TABLES,
) -> int:
    """Run Voila in the foreground until it stops, or until Ctrl+C, SIGHUP or SIGTERM stop
    it with every kernel (``lifecycle.run``); return its exit code (0 when we stopped it).
    Raises ``InputError`` if the port is taken, naming who holds it."""
    if links is None and not is_loopback(host):
        raise InputError(f"Refusing to serve on {host} without the room's keys: anyone on "
                         "the network could change the workshop. Use `wtfc serve`, which "
                         "makes them.")
    cmd = voila_command(notebooks_dir, port, host=host, theme=theme,
                        open_room=links is not None, tables=tables)
    lifecycle.check_port_free(host, port)  # name who holds it, before Voila starts
    runtime = tempfile.TemporaryDirectory(prefix="wtfc-serve-")
    env = jupyter_path_env(first=write_kernelspec(Path(runtime.name)))
    env[WORKSHOP_ENV] = workshop_location
    # The secret the server signs each page's grant with; its kernels inherit it. In the
    # environment, never on a command line (every user of the machine sees those).
    env[grants.SECRET_ENV] = grants.new_secret()
    if links:
        env[ROOM_URL_ENV] = links.base  # the big screen's Join code shows the tables' link
        # The logins are signed with the secret kept beside the room's keys, so a restart
        # keeps every table and member logged in (new keys end them). On loopback Voila's
        # own: the person at the machine needs no login.
        env[cookie.SECRET_ENV] = kept_cookie_secret(workshop_location)
    where = links.base if links else page_url(host, port)
    print(f"Serving {mask_url(workshop_location)} at {where} — press Ctrl+C to stop", flush=True)
    if links:
        print(f"  Facilitator (the big screen; keep it to yourself): {links.facilitator}\n"
              f"  Tables (shown as a QR code on the big screen):    {links.table}",
              flush=True)
    # lifecycle: Voila in its own session, stopped with every kernel however we end
    # (Ctrl+C, SIGHUP, SIGTERM; if we are killed, Voila follows us by itself).
    try:
        return lifecycle.run(cmd, env, notebooks_dir)
    finally:
        runtime.cleanup()
