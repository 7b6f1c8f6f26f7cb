"""Static files are compressed once and the kept bytes are what a fresh compression gives."""

from __future__ import annotations

import asyncio
import gzip

import pytest
from tornado.httpclient import AsyncHTTPClient
from tornado.httpserver import HTTPServer
from tornado.testing import bind_unused_port
from tornado.web import Application, StaticFileHandler

from workbook.serving import static
from workbook.serving.static import CompressOnce, StaticCacheHeaders


@pytest.fixture(autouse=True)
def empty_cache(monkeypatch):
    monkeypatch.setattr(CompressOnce, "kept", {})
    monkeypatch.setattr(CompressOnce, "kept_bytes", 0)


def _serve(tmp_path):
    app = Application([(r"/voila/static/(.*)", StaticFileHandler, {"path": str(tmp_path)}),
                       (r"/other/(.*)", StaticFileHandler, {"path": str(tmp_path)})],
                      transforms=[CompressOnce, StaticCacheHeaders])
    sock, port = bind_unused_port()
    server = HTTPServer(app)
    server.add_sockets([sock])
    return server, f"http://127.0.0.1:{port}"


async def _get(url: str, **headers):
    client = AsyncHTTPClient()
    return await client.fetch(url, headers={"Accept-Encoding": "gzip", **headers},
                               decompress_response=False, raise_error=False)


# Bigger than tornado's 64 KiB chunks, so the file arrives in several and is kept whole.
SCRIPT = b"".join(b"function f%d(){return %d}\n" % (i, i * 7) for i in range(12000))


def test_a_static_file_is_compressed_once_and_sent_whole_again(tmp_path, monkeypatch):
    (tmp_path / "app.js").write_bytes(SCRIPT)
    compressions = []
    real = gzip.GzipFile

    def counting(*args, **kwargs):
        compressions.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(gzip, "GzipFile", counting)

    async def scenario():
        server, base = _serve(tmp_path)
        try:
            return (await _get(f"{base}/voila/static/app.js"),
                    await _get(f"{base}/voila/static/app.js"))
        finally:
            server.stop()

    first, second = asyncio.run(scenario())
    assert len(compressions) == 1
    for reply in (first, second):
        assert reply.code == 200
        assert reply.headers["Content-Encoding"] == "gzip"
        assert "Accept-Encoding" in reply.headers["Vary"]
        assert reply.headers["Cache-Control"] == static.REVALIDATE
        assert gzip.decompress(reply.body) == SCRIPT
    assert int(second.headers["Content-Length"]) == len(second.body) < len(SCRIPT) // 3


def test_a_changed_file_is_compressed_again_and_other_answers_untouched(tmp_path):
    (tmp_path / "app.js").write_bytes(SCRIPT)

    async def scenario():
        server, base = _serve(tmp_path)
        try:
            await _get(f"{base}/voila/static/app.js")
            (tmp_path / "app.js").write_bytes(SCRIPT + b"// new\n")  # replaced while served
            return (await _get(f"{base}/voila/static/app.js"),
                    await _get(f"{base}/voila/static/app.js", Range="bytes=0-99"),
                    await AsyncHTTPClient().fetch(f"{base}/voila/static/app.js",
                                                  decompress_response=False),
                    await _get(f"{base}/other/app.js"))
        finally:
            server.stop()

    changed, part, plain, elsewhere = asyncio.run(scenario())
    assert gzip.decompress(changed.body) == SCRIPT + b"// new\n"
    # a range is compressed as tornado does it, never answered with the whole kept body
    assert part.code == 206 and gzip.decompress(part.body) == SCRIPT[:100]
    assert "Content-Encoding" not in plain.headers and plain.body == SCRIPT + b"// new\n"
    assert gzip.decompress(elsewhere.body) == SCRIPT + b"// new\n"
    assert not any(key[0] == "/other/app.js" for key in CompressOnce.kept)
    assert len(CompressOnce.kept) == 2  # the old and the new content, each once
