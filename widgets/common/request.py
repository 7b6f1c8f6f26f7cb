"""A pre-heated page kernel waits for its visitor's request, without importing Voila.

Voila's own helper (``voila.utils.wait_for_request``) lives in a module that imports Jupyter
Server, JupyterLab Server and nbconvert: 1,007 modules and 73 MB in every page kernel, for
40 lines of work. This is the same exchange: the kernel opens Voila's ``/voila/query/<kernel
id>`` socket and waits for one JSON message holding the request's fields (QUERY_STRING and
the rest), which it puts in ``os.environ``.

Three differences from Voila's: the kernel shows the server a token made from the secret it
inherited (``workbook.access.grants.query_token``), so nobody else can take its request; no
keepalive pings (a server busy opening a room's pages can
miss the client's ping, and websockets then drops the socket before the request came), and
a dropped or refused socket is opened again, a few times, instead of leaving the page with no
request at all.
"""

from __future__ import annotations

import asyncio
import json
import os
import threading

from workbook.access import grants

ATTEMPTS = 5  # sockets opened before the page gives up waiting (the server has gone)


def query_url() -> str:
    """Where Voila answers this kernel's request (from the variables Voila gives a kernel)."""
    protocol = os.environ.get("VOILA_WS_PROTOCOL", "ws")
    host = os.environ.get("VOILA_APP_IP", "127.0.0.1")
    port = os.environ.get("VOILA_APP_PORT", "8866")
    base = os.environ.get("VOILA_WS_BASE_URL", os.environ.get("VOILA_SERVER_URL", "/"))
    return f"{protocol}://{host}:{port}{base}voila/query/{os.environ.get('VOILA_KERNEL_ID', '')}"


def _headers() -> dict[str, str]:
    secret = os.environ.get(grants.SECRET_ENV)
    kernel_id = os.environ.get("VOILA_KERNEL_ID", "")
    return {grants.QUERY_HEADER: grants.query_token(secret, kernel_id)} if secret else {}


async def _receive(url: str) -> str | None:
    import websockets

    for _attempt in range(ATTEMPTS):
        try:
            async with websockets.connect(url, open_timeout=30, ping_interval=None,
                                          max_size=None,
                                          additional_headers=_headers()) as socket:
                message = await socket.recv()
                return message if isinstance(message, str) else message.decode("utf-8")
        except (OSError, TimeoutError, websockets.ConnectionClosed,
                websockets.InvalidHandshake):
            await asyncio.sleep(1)  # the server is busy or restarting its socket: again
    return None


def wait_for_request(url: str | None = None) -> bool:
    """Block until this kernel's request has come; its fields go into ``os.environ``.

    True when it came (always at once outside a pre-heated kernel, where there is nothing to
    wait for). Runs its own event loop in a thread: the kernel's loop is busy running us."""
    if os.environ.get("VOILA_PREHEAT", "False") == "False":
        return True
    got: list[str | None] = [None]

    def inner() -> None:
        loop = asyncio.new_event_loop()
        try:
            got[0] = loop.run_until_complete(_receive(url or query_url()))
        finally:
            loop.close()

    thread = threading.Thread(target=inner, name="wtfc-wait-for-request", daemon=True)
    thread.start()
    thread.join()
    if got[0] is None:
        return False
    for key, value in json.loads(got[0]).items():
        os.environ[key] = str(value)
    return True
