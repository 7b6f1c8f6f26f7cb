"""Browser tests: Debian's Chromium (through Playwright) against a real `wtfc serve`.

One Voila server for the whole session serves the sample workshop; each test gets a fresh
browser context (so a test's pages, and the kernels behind them, go away when it ends).
Screenshots go to tests/browser/artifacts/ (git-ignored).

This file holds the pytest fixtures and hooks only: starting and stopping servers is in
servers.py, page helpers (open_stage, button, axe, ...) in helpers.py. Test modules import
those modules, never this one.

Facts this relies on (docs/architecture.md, "Facts about the stack"):
- `playwright install` cannot download here: we launch the system Chromium by path.
- With preheated kernels Voila heats every notebook at start-up, so the first answer can
  take a while on a 2-core machine; pages become interactive when the widgets render.
- Voila 0.5.13 leaks a kernel per page view until it is culled (about 35 s after its tab
  closes), so every page is closed at the end of its test.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser import helpers
from tests.browser.helpers import ARTIFACTS, CHROMIUM_ARGS, PageWatch, chromium_path
from tests.browser.servers import Server, reuse_server, start_sample_server, stop_process


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Every test here is a browser test; without Chromium they are skipped, never passed."""
    here = Path(__file__).resolve().parent
    browser_items = [i for i in items if here in Path(str(i.fspath)).resolve().parents]
    reason = None
    if chromium_path() is None:
        reason = ("Chromium is not installed (looked for /usr/bin/chromium and `chromium` on "
                  "PATH): install it with `apt-get install chromium` to run the browser tests")
    else:
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError:
            reason = "Playwright for Python is not installed: pip install -e '.[test]'"
    for item in browser_items:
        item.add_marker(pytest.mark.browser)
        if reason:
            item.add_marker(pytest.mark.skip(reason=reason))


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo) -> Iterator[None]:
    """Keep each phase's report on the test (for screenshots on failure), and add Voila's
    log and the pages' error log to a failed browser test's report."""
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"rep_{report.when}", report)
    if report.failed and "server" in getattr(item, "fixturenames", ()):
        srv = item.funcargs.get("server") if hasattr(item, "funcargs") else None
        if isinstance(srv, Server):
            report.sections.append(("Voila log (last lines)", srv.log_tail()))
            errors = srv.errors_log()
            if errors:
                report.sections.append(("errors.log of the workshop", errors[-5000:]))


# --- the server ------------------------------------------------------------------------------
@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """`wtfc serve` on the sample workshop, on a free loopback port, for the whole session.

    While writing tests, WTFC_BROWSER_SERVER="http://127.0.0.1:PORT WORKSHOP_FOLDER" reuses
    a server you started yourself (it is left running)."""
    reused = reuse_server()
    if reused:
        yield reused
        return
    tmp = tmp_path_factory.mktemp("browser")
    try:
        srv = start_sample_server(tmp)
    except RuntimeError as exc:
        tail = Server("", tmp / "workshop", None, tmp / "voila.log").log_tail(200)
        print(f"--- Voila log ({tmp / 'voila.log'}) ---\n{tail}", file=sys.stderr)
        pytest.fail(f"wtfc serve did not start: {exc}", pytrace=False)
    yield srv
    if srv.proc is not None:
        stop_process(srv.proc)


@pytest.fixture
def store(server: Server) -> Iterator[Any]:
    """The workshop the server serves, opened in this process to check what was saved."""
    from workbook import Workshop

    ws = Workshop.open(server.folder)
    yield ws
    ws.close()


# --- the browser -----------------------------------------------------------------------------
@pytest.fixture(scope="session")
def playwright_driver() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    driver = sync_playwright().start()
    yield driver
    driver.stop()


@pytest.fixture(scope="session")
def browser(playwright_driver: Any) -> Iterator[Any]:
    browser = playwright_driver.chromium.launch(executable_path=chromium_path(),
                                                args=CHROMIUM_ARGS)
    yield browser
    browser.close()


@pytest.fixture
def context_factory(browser: Any, request: pytest.FixtureRequest) -> Iterator[Callable]:
    """Fresh browser contexts (1920x1080); each page in them is watched (helpers.watched_page).

    Every context is closed when the test ends; its pages' screenshots are saved on failure.
    """
    made: list[tuple[Any, PageWatch]] = []

    def new_page() -> Any:
        page, watch = helpers.watched_page(browser)
        made.append((page.context, watch))
        return page

    yield new_page
    failed = getattr(request.node, "rep_call", None) is not None and request.node.rep_call.failed
    ARTIFACTS.mkdir(exist_ok=True)
    dialogs: list[str] = []
    for n, (context, watch) in enumerate(made):
        if failed:
            for m, page in enumerate(context.pages):
                try:
                    page.screenshot(path=str(ARTIFACTS / f"FAILED-{request.node.name}-{n}{m}.png"),
                                    full_page=True)
                except Exception:  # noqa: BLE001 - a screenshot must not hide the failure
                    pass
        dialogs += watch.dialogs
        context.close()
    if dialogs:
        pytest.fail(f"a JavaScript dialog opened (alert, confirm or prompt): {dialogs}",
                    pytrace=False)


@pytest.fixture
def page(context_factory: Callable) -> Any:
    """A fresh 1920x1080 page. Any JS dialog fails the test; console errors are collected
    in page.wtfc_watch."""
    return context_factory()


# --- helpers as fixtures (for tests that take them as arguments) ------------------------------
@pytest.fixture(name="open_stage")
def open_stage_fixture(server: Server) -> Callable[..., Any]:
    """open_stage(page, notebook, table=None): helpers.open_stage on this session's server."""

    def opener(page: Any, notebook: str, table: str | None = None, **kwargs: Any) -> Any:
        return helpers.open_stage(page, server.base, notebook, table, **kwargs)

    return opener


@pytest.fixture(name="button")
def button_fixture() -> Callable[[Any, str], Any]:
    return helpers.button


@pytest.fixture(name="poll")
def poll_fixture() -> Callable[..., Any]:
    return helpers.poll


@pytest.fixture(name="screenshot")
def screenshot_fixture() -> Callable[..., Path]:
    return helpers.screenshot
