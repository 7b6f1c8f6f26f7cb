"""Load a page as a table laptop on a hall's network would: bytes on the wire and time to render.

Shared by the wire benchmark (`python -m benchmarks wire`) and the browser tests. Chromium's
network throttling is set through the DevTools protocol (`Network.emulateNetworkConditions`);
bytes are what Chromium reports as received for each request (`encodedDataLength`: headers
plus the body as sent, so compressed bodies count compressed), summed over the page's requests.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

# One table laptop on a busy hall router or a shared phone hotspot (issue 6), and a better day.
SLOW_MBIT = 1.5
FAIR_MBIT = 4.0
LATENCY_MS = 80

# A stage page has rendered when its header and the view's first widget are on screen (the
# header is written by the page's kernel, so a page whose kernel never connects never has it).
RENDERED = ".wtfc-header h1"


@dataclass
class Load:
    """One page load: what went over the wire and how long it took to render."""

    url: str
    seconds: float | None  # None: did not render within the time allowed
    bytes: int = 0
    requests: int = 0
    cached: int = 0  # requests answered from the browser's cache (no bytes on the wire)
    by_type: dict[str, int] = field(default_factory=dict)

    @property
    def megabytes(self) -> float:
        return self.bytes / 1e6


def throttle(cdp: Any, mbit: float | None, latency_ms: int = LATENCY_MS) -> None:
    """Limit the page's network to ``mbit`` Mbit/s down (half that up); None: no limit."""
    if mbit is None:
        cdp.send("Network.emulateNetworkConditions", {
            "offline": False, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1})
        return
    cdp.send("Network.emulateNetworkConditions", {
        "offline": False,
        "latency": latency_ms,
        "downloadThroughput": mbit * 1e6 / 8,
        "uploadThroughput": mbit * 1e6 / 16,
    })


def load(page: Any, url: str, *, mbit: float | None = None, timeout_s: float = 120.0,
         rendered: str = RENDERED) -> Load:
    """Open ``url`` in ``page`` (throttled to ``mbit``) and wait until ``rendered`` is visible.

    Counts every request of the page until it rendered. The page's context decides whether
    the cache is cold (a new context) or warm (a context that loaded a page before)."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    throttle(cdp, mbit)
    result = Load(url, None)
    types: dict[str, str] = {}

    def on_response(event: dict) -> None:
        types[event["requestId"]] = event.get("type", "Other")
        if event["response"].get("fromDiskCache") or event["response"].get("fromMemoryCache"):
            result.cached += 1

    def on_cached(event: dict) -> None:
        result.cached += 1

    def on_finished(event: dict) -> None:
        size = int(event.get("encodedDataLength", 0))
        result.bytes += size
        result.requests += 1
        kind = types.get(event["requestId"], "Other")
        result.by_type[kind] = result.by_type.get(kind, 0) + size

    cdp.on("Network.responseReceived", on_response)
    cdp.on("Network.requestServedFromCache", on_cached)
    cdp.on("Network.loadingFinished", on_finished)
    start = time.perf_counter()
    try:
        page.goto(url, wait_until="commit", timeout=timeout_s * 1000)
        page.locator(rendered).first.wait_for(
            state="visible", timeout=max(1.0, timeout_s - (time.perf_counter() - start)) * 1000)
        result.seconds = time.perf_counter() - start
    except Exception:  # noqa: BLE001 - a page that never renders is the result, not an error
        result.seconds = None
    finally:
        throttle(cdp, None)
        cdp.detach()
    return result
