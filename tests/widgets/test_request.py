"""A pre-heated kernel's wait for its request (widgets/common/request.py), without Voila."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import threading

import pytest
import websockets

from widgets.common import request


class QueryServer:
    """A stand-in for Voila's /voila/query socket: drops the first ``drops`` connections
    without a word, then sends the request's fields."""

    def __init__(self, payload: dict, drops: int = 0) -> None:
        self.payload, self.drops, self.connections = payload, drops, 0
        self.headers: list[dict[str, str]] = []
        self.ready = threading.Event()
        self.port = 0
        self.loop = asyncio.new_event_loop()
        threading.Thread(target=self.loop.run_forever, daemon=True).start()
        asyncio.run_coroutine_threadsafe(self._start(), self.loop).result(10)

    async def _handler(self, socket) -> None:
        self.connections += 1
        self.headers.append(dict(socket.request.headers))
        if self.connections <= self.drops:
            await socket.close()
            return
        await socket.send(json.dumps(self.payload))

    async def _start(self) -> None:
        self.server = await websockets.serve(self._handler, "127.0.0.1", 0)
        self.port = self.server.sockets[0].getsockname()[1]

    def close(self) -> None:
        async def stop() -> None:
            self.server.close()
            await self.server.wait_closed()
        asyncio.run_coroutine_threadsafe(stop(), self.loop).result(10)
        self.loop.call_soon_threadsafe(self.loop.stop)


@pytest.fixture
def preheated(monkeypatch):
    monkeypatch.setenv("VOILA_PREHEAT", "True")
    monkeypatch.setenv("VOILA_KERNEL_ID", "k-1")
    monkeypatch.delenv("QUERY_STRING", raising=False)
    monkeypatch.setattr(request.asyncio, "sleep", _no_wait)


async def _no_wait(_seconds: float) -> None:
    return None


def test_the_request_fields_reach_the_environment(preheated, monkeypatch):
    server = QueryServer({"QUERY_STRING": "wtfc_role=table&wtfc_label=Table%201"})
    try:
        monkeypatch.setenv("VOILA_APP_PORT", str(server.port))
        assert request.query_url().endswith(f":{server.port}/voila/query/k-1")
        assert request.wait_for_request() is True
    finally:
        server.close()
    assert request.os.environ["QUERY_STRING"] == "wtfc_role=table&wtfc_label=Table%201"


def test_the_kernel_shows_its_token_made_from_the_servers_secret(preheated, monkeypatch):
    from workbook.access import grants

    secret = grants.new_secret()
    monkeypatch.setenv(grants.SECRET_ENV, secret)
    server = QueryServer({"QUERY_STRING": "table=Shown"})
    try:
        monkeypatch.setenv("VOILA_APP_PORT", str(server.port))
        assert request.wait_for_request() is True
    finally:
        server.close()
    sent = {k.lower(): v for k, v in server.headers[0].items()}
    assert sent[grants.QUERY_HEADER.lower()] == grants.query_token(secret, "k-1")
    assert secret not in str(server.headers)  # the secret itself never leaves the kernel


def test_a_dropped_socket_is_opened_again(preheated, monkeypatch):
    server = QueryServer({"QUERY_STRING": "table=Again"}, drops=2)
    try:
        monkeypatch.setenv("VOILA_APP_PORT", str(server.port))
        assert request.wait_for_request() is True
    finally:
        server.close()
    assert server.connections == 3
    assert request.os.environ["QUERY_STRING"] == "table=Again"


def test_no_server_gives_up_after_the_attempts(preheated, monkeypatch):
    from workbook.serving.serve import find_free_port

    monkeypatch.setenv("VOILA_APP_PORT", str(find_free_port("127.0.0.1")))  # nothing there
    assert request.wait_for_request() is False
    assert "QUERY_STRING" not in request.os.environ


def test_outside_a_preheated_kernel_nothing_is_waited_for(monkeypatch):
    monkeypatch.setenv("VOILA_PREHEAT", "False")
    assert request.wait_for_request(url="ws://127.0.0.1:1/never") is True


def test_a_page_kernel_never_imports_voila():
    code = ("import sys; import widgets.common.context, widgets.stages.collect; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in "
            "('voila', 'jupyter_server', 'nbconvert', 'jupyterlab_server')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=120, check=True).stdout.strip()
    assert out == "[]"
