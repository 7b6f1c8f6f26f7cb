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
from urllib.parse import quote

from workbook.model import InputError
from workbook.serving import lifecycle
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


def _check(host: str, port: int, token: str | None, theme: str) -> None:
    if not isinstance(port, int) or isinstance(port, bool) or not 0 < port < 65536:
        raise InputError(f"The port must be a number from 1 to 65535, not {port!r}.")
    if theme not in THEMES:
        raise InputError(f"The theme must be 'light' or 'dark', not {theme!r}.")
    if token is not None and (not token or any(c.isspace() for c in token)):
        raise InputError("The token must be a non-empty word with no spaces.")
    if not is_loopback(host) and not token:
        raise InputError(
            f"Refusing to serve on {host} without a token: anyone on the network could open "
            "the pages and change the workshop. Give a token (--token SOME-SECRET) and share "
            "the link with it, or serve on 127.0.0.1."
        )


def voila_command(
    notebooks_dir: Path | str,
    port: int,
    *,
    host: str = "127.0.0.1",
    token: str | None = None,
    theme: str = "light",
    preheat: bool = True,
    open_browser: bool = False,
) -> list[str]:
    """The Voila command line serving every notebook in ``notebooks_dir``.

    Raises ``InputError`` (a ``ValueError``) for a host beyond this machine without a token,
    a bad port or an unknown theme.
    """
    _check(host, port, token, theme)
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
        # code highlighting: our pages show no code, so save a laptop the download
        "--VoilaConfiguration.extension_denylist=jupyterlab_pygments",
    ]
    if preheat:
        cmd += ["--preheat_kernel=True", "--pool_size=1"]
    if token:
        cmd.append(f"--token={token}")
    return cmd


def page_url(host: str, port: int, token: str | None = None, path: str = "") -> str:
    """The address to open in a browser."""
    shown = f"[{host}]" if ":" in host else host
    url = f"http://{shown}:{port}/{path}"
    return f"{url}?token={quote(token, safe='')}" if token else url


def serve(
    workshop_location: str,
    notebooks_dir: Path,
    port: int,
    host: str = "127.0.0.1",
    token: str | None = None,
    theme: str = "light",
) -> int:
    """Run Voila in the foreground until it stops, or until Ctrl+C, SIGHUP or SIGTERM stop
    it with every kernel (``lifecycle.run``); return its exit code (0 when we stopped it).
    Raises ``InputError`` if the port is taken, naming who holds it."""
    cmd = voila_command(notebooks_dir, port, host=host, token=token, theme=theme)
    lifecycle.check_port_free(host, port)  # name who holds it, before Voila starts
    runtime = tempfile.TemporaryDirectory(prefix="wtfc-serve-")
    env = jupyter_path_env(first=write_kernelspec(Path(runtime.name)))
    env[WORKSHOP_ENV] = workshop_location
    print(
        f"Serving {mask_url(workshop_location)} at {page_url(host, port, token)}"
        " — press Ctrl+C to stop",
        flush=True,
    )
    # lifecycle: Voila in its own session, stopped with every kernel however we end
    # (Ctrl+C, SIGHUP, SIGTERM; if we are killed, Voila follows us by itself).
    try:
        return lifecycle.run(cmd, env, notebooks_dir)
    finally:
        runtime.cleanup()
