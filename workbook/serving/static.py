"""Static files as `wtfc serve` sends them: cacheable, and each compressed once, not per page.

No ipywidgets here: this runs in the server process (see ``voila_app``).

- **Cacheable.** Voila serves its JupyterLab extensions with ``no-cache``. Files whose names
  carry a content hash (``324.ee1c7d64c48a4b927622.js``) never change, so they are sent
  ``immutable`` for a year; other static files are revalidated (a 304 costs a few hundred
  bytes), so an upgraded Voila is never mixed with stale chunks.
- **Compressed once.** tornado gzips every response as it goes: each table's laptop opening a
  page made the server compress the same 5 MB of JavaScript again (about a tenth of a second
  of CPU per page, when twelve tables open at once on two cores). A static file's compressed
  bytes are kept, keyed by its address, ETag, modification time and length (tornado keeps a
  file's ETag for the server's life, so the other two notice a file replaced meanwhile), and
  sent as they are to the next page that asks.
"""

from __future__ import annotations

import re
from typing import Any, ClassVar

from tornado.httputil import HTTPHeaders, HTTPServerRequest
from tornado.web import GZipContentEncoding, OutputTransform

# A file name with a content hash: name.HEX.js, HEX.js, remoteEntry.HEX.js (8+ hex digits).
_HASHED = re.compile(r"(?:^|[./])[0-9a-f]{8,}\.(?:js|css|woff2?|svg|png|wasm|json)$")
_STATIC_PREFIXES = ("/voila/labextensions/", "/voila/templates/", "/voila/static/")
IMMUTABLE = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"
CACHE_LIMIT = 64 * 1024 * 1024  # compressed bytes kept in all (Voila's set is about 3 MB)


def cache_control(path: str, query: str) -> str | None:
    """The Cache-Control header for a static file at ``path`` (None: not a static file)."""
    if not path.startswith(_STATIC_PREFIXES):
        return None
    name = path.rsplit("/", 1)[-1]
    if _HASHED.search(name) or re.search(r"(?:^|&)v=[^&]+", query):
        return IMMUTABLE
    return REVALIDATE


class StaticCacheHeaders(OutputTransform):
    """Sets Cache-Control on static files (see ``cache_control``)."""

    def __init__(self, request: Any) -> None:
        self._value = cache_control(request.path, request.query)

    def transform_first_chunk(self, status_code, headers, chunk, finishing):  # type: ignore[override]
        if self._value and status_code in (200, 304):
            headers["Cache-Control"] = self._value
        return status_code, headers, chunk


class CompressOnce(GZipContentEncoding):
    """tornado's gzip transform; a static file's whole compressed body is kept and reused."""

    kept: ClassVar[dict[tuple[str, ...], bytes]] = {}
    kept_bytes: ClassVar[int] = 0

    def __init__(self, request: HTTPServerRequest) -> None:
        super().__init__(request)
        self._static = (request.method == "GET"
                        and cache_control(request.path, request.query) is not None)
        self._path = request.path
        self._key: tuple[str, ...] | None = None  # compressing this one to keep it
        self._parts: list[bytes] = []
        self._sent_kept = False

    def transform_first_chunk(self, status_code: int, headers: HTTPHeaders, chunk: bytes,
                              finishing: bool) -> tuple[int, HTTPHeaders, bytes]:
        etag = headers.get("Etag")
        if (self._gzipping and self._static and status_code == 200 and etag
                and "Content-Range" not in headers):
            key = (self._path, etag, headers.get("Last-Modified", ""),
                   headers.get("Content-Length", ""))
            body = self.kept.get(key)
            if body is not None:
                # The whole body goes now, with its true length; the file's later chunks are
                # dropped (the handler still reads them: cheap beside compressing them).
                self._sent_kept = True
                headers["Vary"] = (f"{headers['Vary']}, Accept-Encoding" if "Vary" in headers
                                   else "Accept-Encoding")
                headers["Content-Encoding"] = "gzip"
                headers["Content-Length"] = str(len(body))
                return status_code, headers, body
            self._key = key
        # (tornado's first-chunk step compresses through transform_chunk, which keeps it)
        return super().transform_first_chunk(status_code, headers, chunk, finishing)

    def transform_chunk(self, chunk: bytes, finishing: bool) -> bytes:
        if self._sent_kept:
            return b""
        out = super().transform_chunk(chunk, finishing)
        self._collect(out, finishing)
        return out

    def _collect(self, out: bytes, finishing: bool) -> None:
        if self._key is None or not self._gzipping:
            return
        self._parts.append(out)
        if finishing:
            body = b"".join(self._parts)
            if CompressOnce.kept_bytes + len(body) <= CACHE_LIMIT:
                CompressOnce.kept[self._key] = body
                CompressOnce.kept_bytes += len(body)
            self._key, self._parts = None, []
