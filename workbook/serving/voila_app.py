"""Voila as `wtfc serve` runs it: compressed, cacheable, and kind to pages on a slow hall network.

Run as ``python -m workbook.serving.voila_app NOTEBOOKS_DIR ...`` (the same options as ``voila``).
No ipywidgets here: this is the server process, not a page kernel.

What it changes, and why (Voila 0.5.13 on Jupyter Server 2; docs/architecture.md, "Serving in
a hall" and "Facts about the stack"):

- **Compressed responses.** Voila applies ``Voila.tornado_settings`` after the tornado
  application is made, too late for ``compress_response`` (tornado reads it in the
  constructor), so nothing was ever compressed: a cold page moved 5.5 MB. We pass the gzip
  transform when the application is made.
- **Compressed WebSocket messages** (permessage-deflate), for the same reason.
- **Cacheable static files, each compressed once** (``workbook/serving/static.py``).
- **A kernel handed to a page is not culled before the page connects.** The idle culler
  (needed because Voila leaks a kernel per page view) shut down kernels whose page was still
  downloading its front end on a slow link, or pre-heated kernels that had idled in the pool:
  the page then stayed blank for ever. A kernel that has never had a connection is kept for
  ``connect_grace`` seconds from the moment it was handed to a page; once a page has connected,
  the ordinary idle timeout applies, so reload storms still clear.
- **A closing tab stops its kernel.** Voila's front end sends a shutdown beacon on
  ``beforeunload`` with the ``_xsrf`` cookie, but Voila never sets that cookie, so the
  request was refused (upstream issue 1458) and every page view leaked a kernel until culled.
  We set the cookie on every page.
- **Stopping stops everything, quickly.** Voila's own stop asks each kernel in turn, then
  waits on its pools' tasks in a loop that no longer runs (18 kernels were still there 40 s
  after SIGTERM). ``WtfcVoila.stop`` stops every process below it at once, and a stop signal
  sets a deadline after which the process exits anyway; ``main`` follows the `wtfc` that
  started it (``lifecycle.follow_parent``). See ``workbook/serving/lifecycle.py``.
- **The log says when the pages are ready.** Voila's "Kernel pool of X is filled" comes when
  a kernel has started, not when it has run the page; on two cores the first page could then
  take half a minute. We log "Page X is ready (n of N)" once a pre-heated kernel has built its
  page and waits for a visitor, and "All N pages are ready to open" once every page is.
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
import time
from typing import Any
from urllib.parse import quote

from jupyter_server.log import log_request
from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager
from tornado.web import HTTPError, authenticated
from traitlets import Float
from voila.app import Voila
from voila.request_info_handler import RequestInfoSocketHandler
from voila.shutdown_kernel_handler import VoilaShutdownKernelHandler
from voila.tornado.handler import TornadoVoilaHandler
from voila.tornado.treehandler import TornadoVoilaTreeHandler

from workbook.access import cookie, grants
from workbook.access.roles import MEMBER_PAGE
from workbook.io.limits import MAX_UPLOAD_BYTES
from workbook.serving import room
from workbook.serving.pool import PreheatReport, StartedPages, take_live
from workbook.serving.refill import RefillGate, gate_refills, note_take
from workbook.serving.static import CompressOnce, StaticCacheHeaders

WEBSOCKET_MAX_MESSAGE = MAX_UPLOAD_BYTES + 16 * 1024 * 1024  # the files, and the widget's state

# Once a kernel has been handed to a page, how long the page has to connect before the idle
# culler may take it: 5 minutes covers a cold page at 1.5 Mbit/s many times over.
CONNECT_GRACE = 300.0


class GraceKernelManager(AsyncMappingKernelManager):
    """Idle culling that spares a kernel whose page has not connected yet (see module doc)."""

    connect_grace = Float(
        CONNECT_GRACE,
        config=True,
        help="Seconds a kernel handed to a page is kept before its page first connects.",
    )

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._handed_out: dict[str, float] = {}
        self.owners: dict[str, str] = {}  # kernel id -> the user its page was handed to
        self._connected_once: set[str] = set()
        self.started_pages = StartedPages()  # pre-heated kernels that asked for their request
        self._restarted: set[str] = set()  # kernels jupyter_client restarted after they died
        self._given: dict[str, float] = {}  # kernels handed to a page not connected yet
        self.on_connect: list[Any] = []  # called with no argument when a page connects

    def handed_out(self, kernel_id: str) -> None:
        """Record that ``kernel_id`` was just given to a page request (and to whom)."""
        self._handed_out[kernel_id] = time.monotonic()
        user = room.REQUEST_USER.get()
        if user is not None:
            self.owners[kernel_id] = user

    async def start_kernel(self, *args: Any, **kwargs: Any) -> str:
        kernel_id = await super().start_kernel(*args, **kwargs)
        self.handed_out(kernel_id)  # without preheating, a kernel is started for its page
        # jupyter_client restarts a kernel that died, blank: its page's widgets are gone.
        # A page in use hears "restarting" and says its connection is lost; a pre-heated
        # kernel restarted so is no longer a page to hand out (kernel_alive).
        self.add_restart_callback(kernel_id, lambda: self._restarted.add(kernel_id), "restart")
        return kernel_id

    def given_to_page(self, kernel_id: str) -> None:
        """A pre-heated kernel was handed to a page, which is now loading its front end."""
        self._given[kernel_id] = time.monotonic()

    def pages_loading(self, within: float = 60.0) -> bool:
        """True while a page handed a kernel less than ``within`` s ago has not connected."""
        now = time.monotonic()
        return any(now - since < within for since in self._given.values())

    def notify_connect(self, kernel_id: str) -> None:
        super().notify_connect(kernel_id)
        self._connected_once.add(kernel_id)
        self._given.pop(kernel_id, None)
        for call in self.on_connect:
            call()

    def waiting_for_page(self, kernel_id: str) -> bool:
        """True while a kernel has never been connected and is inside its grace period."""
        if kernel_id in self._connected_once:
            return False
        since = self._handed_out.get(kernel_id)
        return since is not None and time.monotonic() - since < self.connect_grace

    async def cull_kernel_if_idle(self, kernel_id: str) -> None:
        if self.waiting_for_page(kernel_id):
            return
        await super().cull_kernel_if_idle(kernel_id)

    async def kernel_alive(self, kernel_id: str) -> bool:
        """True while the process ``kernel_id`` started with runs (not one restarted blank)."""
        if kernel_id in self._restarted:
            return False
        try:
            return bool(await self.get_kernel(kernel_id).is_alive())
        except KeyError:
            return False

    def remove_kernel(self, kernel_id: str) -> Any:
        self._handed_out.pop(kernel_id, None)
        self.owners.pop(kernel_id, None)
        self._connected_once.discard(kernel_id)
        self.started_pages.forget(kernel_id)
        self._restarted.discard(kernel_id)
        self._given.pop(kernel_id, None)
        return super().remove_kernel(kernel_id)


class ReadyQueryHandler(RequestInfoSocketHandler):
    """Voila's socket on which a pre-heated kernel waits for its request: it is ready. Only a
    kernel this server started may open it (Voila's own takes anyone who names a kernel)."""

    async def get(self, *args: Any, **kwargs: Any) -> None:  # type: ignore[override]
        kernel_id = args[0] if args else kwargs.get("kernel_id", "")
        token = self.request.headers.get(grants.QUERY_HEADER)
        if not grants.query_allowed(os.environ.get(grants.SECRET_ENV), kernel_id, token):
            logging.getLogger("wtfc.serving").warning(
                "Refused a page's request socket without this server's token.")
            raise HTTPError(403)
        await super().get(*args, **kwargs)

    def open(self, kernel_id: str) -> None:  # type: ignore[override]
        super().open(kernel_id)
        started = self.settings.get("wtfc_started_pages")
        if started is not None:
            started.asked_for_request(kernel_id)
        report = self.settings.get("wtfc_preheat_report")
        if report is not None:
            report.asked_for_request(kernel_id)

    def on_close(self) -> None:
        # Voila's on_close deletes the last waiter in its dict when this socket is not there
        # (a kernel that opened its socket again replaced it): another kernel then never got
        # its request. Remove this socket only.
        waiters = RequestInfoSocketHandler._waiters
        for kernel_id, waiter in list(waiters.items()):
            if waiter is self:
                del waiters[kernel_id]


class WtfcVoilaHandler(TornadoVoilaHandler):
    """Voila's page handler: the room's rules first (workbook.serving.room), then the page,
    whose kernel gets the server's signed grant; sets the ``_xsrf`` cookie its shutdown
    beacon sends back."""

    @authenticated
    async def get(self, path=None):  # type: ignore[override]
        # An old page's address (a link or QR code from before the pages took the steps'
        # numbers) goes to its step's page, query and all, before the grant rewrites it.
        moved = room.moved_to(path or "", self.request.query)
        if moved is not None:
            self.redirect(f"{self.base_url}voila/render/{moved}")
            return
        try:
            access = room.page_access(self, path or "")
        except room.Refused as refused:
            self.set_status(refused.status)
            self.finish(room.refusal_page(refused.message, self.base_url))
            return
        except room.NameFirst as first:
            name = first.path.rsplit("/", 1)[-1]
            self.redirect(f"{self.base_url}?next={quote(name)}")
            return
        room.grant(self, access)
        self.xsrf_token  # noqa: B018 (reading it sets the cookie)
        room.REQUEST_USER.set(self.current_user.username)  # the kernel handed out is theirs
        await super().get(path)


class WtfcTreeHandler(TornadoVoilaTreeHandler):
    """The list of pages: asks a table's laptop for its table's name; a member goes straight
    to the tender page."""

    @authenticated
    async def get(self, path=""):  # type: ignore[override]
        access = room.access_of(self.current_user)
        if access is not None and access.is_member:
            self.redirect(f"{self.base_url}voila/render/{MEMBER_PAGE}")
            return
        self._wtfc = room.tree_namespace(self)
        if self._wtfc["wtfc_next"] and self._wtfc["wtfc_label"]:
            self.redirect(f"{self.base_url}voila/render/{quote(self._wtfc['wtfc_next'])}")
            return
        await super().get(path)

    @property
    def template_namespace(self) -> dict[str, Any]:
        return {**super().template_namespace, **getattr(self, "_wtfc", {})}


class QuietShutdownHandler(VoilaShutdownKernelHandler):
    """Stops a page's kernel; a kernel already gone is fine (the page and Voila's own front
    end may both ask as the page closes)."""

    async def post(self, kernel_id):  # type: ignore[override]
        if not room.may_use_kernel(self, self.current_user, kernel_id):
            raise HTTPError(403)
        if kernel_id not in self.kernel_manager:
            self.set_status(204)
            self.finish()
            return
        await super().post(kernel_id)


class WtfcVoila(Voila):
    """Voila with compression, static caching, grace before culling and working shutdown."""

    name = "voila"

    def init_settings(self) -> dict:
        settings = super().init_settings()
        # tornado reads "transforms" only in Application(); gzip first so it sees the headers.
        settings["transforms"] = [CompressOnce, StaticCacheHeaders]
        settings["compress_response"] = True
        # Jupyter's request log scrubs keys (?key=, ?token=) from the addresses it writes;
        # tornado's default would log every table's and member's link in full.
        settings["log_function"] = log_request
        # permessage-deflate on the kernel's WebSocket: a board's widget state is mostly
        # repeated JSON keys, sent to a laptop that may get 1.5 Mbit/s.
        settings["websocket_compression_options"] = {}
        # Files chosen on a page reach its kernel in one WebSocket message: tornado's 10 MiB
        # default would drop the connection below our own limits (io/limits.py) instead of
        # letting the page say which limit a file passed.
        settings["websocket_max_message_size"] = WEBSOCKET_MAX_MESSAGE
        km = self.kernel_manager
        if hasattr(km, "get_rendered_notebook") and hasattr(km, "handed_out"):
            take = km.get_rendered_notebook
            gate = RefillGate(loading=km.pages_loading)
            km.on_connect.append(gate.took)
            gate_refills(km, gate)  # tables opening at once first, their replacements after

            async def take_noted(*args: Any, **kwargs: Any):
                page = kwargs.get("notebook_name")
                note_take(gate, km._pools.get(page, ()), page or "")
                return await take(*args, **kwargs)

            async def get_rendered_notebook(*args: Any, **kwargs: Any):
                result = await take_live(take_noted, km.started_pages, km.shutdown_kernel,
                                         km.kernel_alive, self.log, *args, **kwargs)
                km.handed_out(result[2])  # (render_task, rendered_cache, kernel_id)
                km.given_to_page(result[2])
                return result

            km.get_rendered_notebook = get_rendered_notebook
            settings["wtfc_started_pages"] = km.started_pages
        pools = getattr(km, "_pools", None)
        if isinstance(pools, dict):
            # Voila fills every pool when its kernel manager is made, so the slots are here.
            report = PreheatReport(self.log, lambda: tuple(km._pools))
            settings["wtfc_preheat_report"] = report
            for notebook, pool in pools.items():
                for entry in pool:
                    report.watch_pool(notebook, entry)
        return settings

    def init_handlers(self) -> list:
        handlers = super().init_handlers()
        ours = {TornadoVoilaHandler: WtfcVoilaHandler,
                VoilaShutdownKernelHandler: QuietShutdownHandler,
                TornadoVoilaTreeHandler: WtfcTreeHandler,
                RequestInfoSocketHandler: ReadyQueryHandler}
        return [(h[0], ours.get(h[1], h[1]), *h[2:]) for h in handlers]

    # --- stopping (workbook/serving/lifecycle.py) ------------------------------------------
    def _handle_signal_stop(self, sig, frame):  # type: ignore[override]
        """SIGTERM (from `wtfc`, or because `wtfc` died): stop the loop, and exit within
        ``lifecycle.VOILA_DEADLINE`` seconds whatever the loop is doing."""
        from workbook.serving import lifecycle

        if getattr(self, "ioloop", None) is None:  # still starting: nothing to close
            lifecycle.stop_descendants()
            os._exit(0)
        if not getattr(self, "_wtfc_stopping", False):
            self._wtfc_stopping = True
            lifecycle.exit_after()
        super()._handle_signal_stop(sig, frame)

    def stop(self) -> None:  # type: ignore[override]
        """Stop every kernel at once: SIGTERM, then SIGKILL after ``lifecycle.KERNEL_GRACE``
        seconds. Voila's own stop asks each kernel in turn and then waits on its pools'
        tasks in a loop that no longer runs: 18 kernels were still there 40 s later."""
        from workbook.serving import lifecycle

        count = lifecycle.stop_descendants()
        self.log.info("Stopped %d kernel processes.", count)
        shutil.rmtree(getattr(self, "connection_dir", ""), ignore_errors=True)
        self.wtfc_stopped = True


def main(argv: list[str] | None = None) -> None:
    from workbook.serving import lifecycle

    lifecycle.follow_parent()  # started by `wtfc`: SIGTERM to us when it dies
    # The secret grants are signed with (`wtfc serve` sets it; Voila run directly gets its
    # own), in our environment before any kernel starts, so every page's kernel inherits it.
    os.environ.setdefault(grants.SECRET_ENV, grants.new_secret())
    # The room's login cookie secret (kept in the store by `wtfc serve`, so a restart keeps
    # everyone logged in): out of our environment before any kernel starts and inherits it.
    # Absent (loopback, or Voila run directly): Voila makes its own at every start.
    kept = cookie.take_from_env()
    WtfcVoila.launch_instance(argv=argv, **({"cookie_secret": kept} if kept else {}))
    if getattr(WtfcVoila.instance(), "wtfc_stopped", False):
        # Everything is stopped and cleaned: exit now. Tearing down the interpreter (zmq
        # sockets lingering towards kernels that are gone) kept the port 2-4 s longer.
        logging.shutdown()
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(0)


if __name__ == "__main__":
    main(sys.argv[1:])
