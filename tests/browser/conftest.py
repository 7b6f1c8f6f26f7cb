"""Browser tests: Debian's Chromium (through Playwright) against a real `wtfc serve`.

One Voila server for the whole session serves the sample workshop; each test gets a fresh
browser context (so a test's pages, and the kernels behind them, go away when it ends).
Screenshots go to tests/browser/artifacts/ (git-ignored).

Facts this relies on (DESIGN.md, "Facts about the stack"):
- `playwright install` cannot download here: we launch the system Chromium by path.
- With preheated kernels Voila heats every notebook at start-up, so the first answer can
  take a while on a 2-core machine; pages become interactive when the widgets render.
- Voila 0.5.13 leaks a kernel per page view until it is culled (about 35 s after its tab
  closes), so every page is closed at the end of its test.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
NOTEBOOKS = ROOT / "notebooks"

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
VIEWPORT = {"width": 1920, "height": 1080}
SERVER_START_TIMEOUT = 90.0  # preheated kernels start for every notebook first
PAGE_TIMEOUT_MS = 60_000  # one page: from navigation until its main control is usable
LOG_TAIL_LINES = 80

# The control that says a page is ready: visible and enabled once its kernel has built the view.
MAIN_CONTROL: dict[str, tuple[str, str]] = {
    "01_collect.ipynb": ("button", "Add statement"),
    "02_theme.ipynb": ("button", "Move chosen cards back here"),  # on the board, both layouts
    "03_root_cause.ipynb": ("button", "Add cause"),
    "tender_scoring.ipynb": ("button", "Undo my last change"),
    "04_success.ipynb": ("button", "Add success statement"),
    "05_action_plan.ipynb": ("button", "Add idea"),  # on both layouts (actions: a drawer)
    "06_review.ipynb": ("button", "Report"),  # indicators: a drawer on the big screen
}

# Requests the pages make beyond this machine. The hall has no internet: they are blocked in
# every test, so a page that needs one shows up as broken here rather than only at the event.
LOCAL_URL = re.compile(r"^(?:https?|wss?)://(?:127\.0\.0\.1|localhost)(?::\d+)?/")


def chromium_path() -> str | None:
    if Path("/usr/bin/chromium").exists():
        return "/usr/bin/chromium"
    return shutil.which("chromium")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Every test here is a browser test; without Chromium they are skipped, never passed."""
    here = Path(__file__).resolve().parent
    browser_items = [i for i in items if here in Path(str(i.fspath)).resolve().parents]
    path = chromium_path()
    reason = None
    if path is None:
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


# --- the server ------------------------------------------------------------------------------
@dataclass
class Server:
    """A running `wtfc serve` for the sample workshop."""

    base: str  # e.g. http://127.0.0.1:45123
    folder: Path  # the workshop folder (open it with Workshop.open to check the store)
    proc: subprocess.Popen | None  # None: a server this session did not start
    log_path: Path

    def url(self, notebook: str, table: str | None = None) -> str:
        from urllib.parse import quote

        url = f"{self.base}/voila/render/{notebook}"
        return f"{url}?table={quote(table)}" if table else url

    def log_tail(self, lines: int = LOG_TAIL_LINES) -> str:
        try:
            text = self.log_path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return "(no Voila log)"
        kept = [line for line in text.splitlines() if "running over TCP without encryption"
                not in line]
        return "\n".join(kept[-lines:])

    def errors_log(self) -> str:
        """What the pages' MessageArea logged (an unexpected error in a callback)."""
        path = self.folder / "logs" / "errors.log"
        return path.read_text(encoding="utf-8", errors="replace") if path.exists() else ""


def _children(pid: int) -> list[int]:
    """Direct child processes of pid (Linux /proc), so a killed `wtfc serve` leaves no Voila."""
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(p) for p in (task / "children").read_text().split()]
        except (OSError, ValueError):
            pass
    return found


def stop_process(proc: subprocess.Popen, grace: float = 25.0) -> None:
    """SIGTERM (wtfc serve then stops Voila and its kernels cleanly), then SIGKILL."""
    if proc.poll() is not None:
        return
    children = _children(proc.pid)
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
    for pid in children:  # Voila runs in its own session: make sure it went too
        try:
            os.kill(pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass


def wait_until_answers(url: str, proc: subprocess.Popen | None, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    last = "no answer yet"
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"the server stopped with exit code {proc.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
                last = f"HTTP {response.status}"
        except (urllib.error.URLError, OSError) as exc:
            last = str(exc)
        time.sleep(0.5)
    raise RuntimeError(f"{url} did not answer within {timeout:.0f} s ({last})")


def wait_for_pages_ready(log_path: Path, notebooks: list[str], timeout: float) -> bool:
    """Preheating: our server logs "Page NAME is ready" once a pre-heated kernel has run the
    notebook (Voila's own "pool is filled" comes before that). Best effort: pages still load,
    more slowly, if the message never comes; return whether it came."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        text = log_path.read_text(encoding="utf-8", errors="replace")
        if all(f"Page {nb} is ready" in text for nb in notebooks):
            return True
        time.sleep(0.5)
    return False


def server_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    env = dict(os.environ)
    # The kernels import `widgets` and `workbook`: make the checkout importable even where
    # the package is not installed (pip install -e . makes this a no-op).
    env["PYTHONPATH"] = os.pathsep.join(
        [str(ROOT), *[p for p in env.get("PYTHONPATH", "").split(os.pathsep) if p]])
    env["PYTHONUNBUFFERED"] = "1"
    env.update(extra or {})
    return env


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """`wtfc serve` on the sample workshop, on a free loopback port, for the whole session.

    While writing tests, WTFC_BROWSER_SERVER="http://127.0.0.1:PORT WORKSHOP_FOLDER" reuses
    a server you started yourself (it is left running)."""
    from workbook.sample import build_sample
    from workbook.serving.serve import find_free_port

    reuse = os.environ.get("WTFC_BROWSER_SERVER", "").split()
    if reuse:
        base, folder_text = reuse[0].rstrip("/"), reuse[1]
        wait_until_answers(base + "/", None, SERVER_START_TIMEOUT)
        yield Server(base, Path(folder_text), None, Path(folder_text) / "voila.log")
        return

    tmp = tmp_path_factory.mktemp("browser")
    folder = tmp / "workshop"
    build_sample(folder).close()
    port = find_free_port("127.0.0.1")
    log_path = tmp / "voila.log"
    log = log_path.open("w", encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "workbook.cli", "serve", str(folder), "--port", str(port)],
        # explore_themes.ipynb builds its sample events in WTFC_DEMO_DIR: keep them in tmp.
        cwd=str(ROOT), env=server_env({"WTFC_DEMO_DIR": str(tmp / "demo")}), stdout=log,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
    )
    srv = Server(f"http://127.0.0.1:{port}", folder, proc, log_path)
    try:
        wait_until_answers(srv.base + "/", proc, SERVER_START_TIMEOUT)
        wait_for_pages_ready(log_path, sorted(p.name for p in NOTEBOOKS.glob("*.ipynb")),
                       SERVER_START_TIMEOUT)
    except RuntimeError as exc:
        stop_process(proc)
        log.close()
        print(f"--- Voila log ({log_path}) ---\n{srv.log_tail(200)}", file=sys.stderr)
        pytest.fail(f"wtfc serve did not start: {exc}\n{srv.log_tail()}", pytrace=False)
    yield srv
    stop_process(proc)
    log.close()


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


@dataclass
class PageWatch:
    """What a page did that a test must not ignore: dialogs, console errors, outside requests."""

    dialogs: list[str] = field(default_factory=list)
    console_errors: list[tuple[str, str]] = field(default_factory=list)  # (text, url)
    page_errors: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)

    def unexpected_console_errors(self) -> list[str]:
        """Console errors other than "failed to load" for the outside requests we blocked."""
        return [text for text, url in self.console_errors
                if not (text.startswith("Failed to load resource") and url in self.blocked)]


@pytest.fixture
def context_factory(browser: Any, request: pytest.FixtureRequest) -> Iterator[Callable]:
    """Fresh browser contexts (1920x1080); each page in them is watched like `page`.

    Every context is closed when the test ends; its pages' screenshots are saved on failure.
    """
    made: list[tuple[Any, PageWatch]] = []

    def new_page() -> Any:
        context = browser.new_context(viewport=VIEWPORT)
        context.set_default_timeout(PAGE_TIMEOUT_MS)
        watch = PageWatch()

        def block(route: Any) -> None:
            watch.blocked.append(route.request.url)
            route.abort()

        context.route(lambda url: not LOCAL_URL.match(url), block)
        page = context.new_page()

        def on_dialog(dialog: Any) -> None:
            watch.dialogs.append(f"{dialog.type}: {dialog.message}")
            dialog.dismiss()

        page.on("dialog", on_dialog)
        def on_console(message: Any) -> None:
            if message.type == "error":
                watch.console_errors.append((message.text, message.location.get("url", "")))

        page.on("console", on_console)
        page.on("pageerror", lambda exc: watch.page_errors.append(str(exc)))
        page.wtfc_watch = watch  # the test can look: page.wtfc_watch.console_errors
        made.append((context, watch))
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


# --- helpers the tests share (as fixtures: test modules do not import conftest) ---------------
def button(scope: Any, name: str) -> Any:
    """A button by its words. ipywidgets buttons with an icon get the icon's Font Awesome
    glyph (CSS ::before content) in their accessible name, so the name ends with the words."""
    return scope.get_by_role("button", name=re.compile(rf"(^|\s){re.escape(name)}$"))


def saved_text(locator: Any) -> str:
    """A region's text without its "N more below" line: that counts the rows this screen
    cannot show, which changes with the layout (a drawer open before a reload, closed after),
    not with what is saved."""
    text = locator.inner_text()
    for note in locator.locator(".wtfc-more-note").all_inner_texts():
        if note.strip():
            text = text.replace(note, "")
    return text


def open_drawers(page: Any, popovers: bool = False) -> None:
    """Open every drawer shown (the others sit on tabs not chosen). A pop-up panel (the
    report's) closes on a click outside it, so it opens last, and only if asked for."""
    from playwright.sync_api import expect

    def toggles(within: str) -> list[Any]:
        return page.locator(f"{within} > .wtfc-drawer > .wtfc-drawer-toggle").all()

    for toggle in toggles(":not(.wtfc-popover)") + (toggles(".wtfc-popover") if popovers else []):
        if toggle.is_visible() and toggle.get_attribute("aria-expanded") != "true":
            toggle.click()
            expect(toggle).to_have_attribute("aria-expanded", "true")
    page.wait_for_timeout(500)


def main_control(page: Any, notebook: str) -> Any:
    role, name = MAIN_CONTROL[notebook]
    if role == "button":
        return button(page, name).first
    return page.get_by_role(role, name=name, exact=True).first


def open_stage(page: Any, base: str, notebook: str, table: str | None = None,
               *, timeout_ms: int = PAGE_TIMEOUT_MS) -> Any:
    """Open a stage page and wait until it can be used: the header is there and the view's
    main control (built by the kernel, drawn by the widget manager) is visible and enabled;
    on the Theme page the card board has drawn too."""
    from urllib.parse import quote

    from playwright.sync_api import expect

    url = f"{base}/voila/render/{notebook}"
    if table:
        url += f"?table={quote(table)}"
    page.goto(url, wait_until="domcontentloaded", timeout=timeout_ms)
    expect(page.locator(".wtfc-header h1").first).to_be_visible(timeout=timeout_ms)
    control = main_control(page, notebook)
    expect(control).to_be_visible(timeout=timeout_ms)
    expect(control).to_be_enabled(timeout=timeout_ms)
    if notebook.startswith("02_"):
        expect(page.locator(".wtfc-board-root")).to_be_visible(timeout=timeout_ms)
    return page


@pytest.fixture(name="open_stage")
def open_stage_fixture(server: Server) -> Callable[..., Any]:
    """open_stage(page, notebook, table=None): open_stage on this session's server."""

    def opener(page: Any, notebook: str, table: str | None = None, **kwargs: Any) -> Any:
        return open_stage(page, server.base, notebook, table, **kwargs)

    return opener


@pytest.fixture(name="button")
def button_fixture() -> Callable[[Any, str], Any]:
    return button


def poll(check: Callable[[], Any], timeout: float = 15.0, interval: float = 0.25,
         what: str = "the condition") -> Any:
    """Call `check` until it returns something truthy (and return that), or fail."""
    deadline = time.monotonic() + timeout
    last_exc: Exception | None = None
    while True:
        try:
            value = check()
            if (not value.empty) if hasattr(value, "empty") else value:  # a DataFrame: rows
                return value
        except Exception as exc:  # noqa: BLE001 - e.g. the database is busy: try again
            last_exc = exc
        if time.monotonic() > deadline:
            extra = f" (last error: {last_exc!r})" if last_exc else ""
            pytest.fail(f"{what} did not happen within {timeout:.0f} s{extra}", pytrace=False)
        time.sleep(interval)


@pytest.fixture(name="poll")
def poll_fixture() -> Callable[..., Any]:
    return poll


def screenshot(page: Any, name: str, full_page: bool = False, max_height: int = 12_000) -> Path:
    """Save a screenshot in artifacts/. Voila's lab template scrolls inside #rendered_cells,
    not the page, so for the whole page the viewport is stretched to its height for a moment."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    if not full_page:
        page.screenshot(path=str(path))
        return path
    size = page.viewport_size
    measure = ("() => { const c = document.getElementById('rendered_cells');"
               " return c ? c.scrollHeight : document.documentElement.scrollHeight; }")
    try:
        height = size["height"]
        for _ in range(4):  # parts sized by the window (e.g. the board) grow with it
            wanted = min(max(page.evaluate(measure), size["height"]), max_height)
            if wanted <= height:
                break
            height = wanted
            page.set_viewport_size({"width": size["width"], "height": height})
            page.wait_for_timeout(300)  # let the layout follow the new size
        page.screenshot(path=str(path))
    finally:
        page.set_viewport_size(size)
    return path


@pytest.fixture(name="screenshot")
def screenshot_fixture() -> Callable[..., Path]:
    return screenshot


@pytest.fixture
def store(server: Server) -> Iterator[Any]:
    """The workshop the server serves, opened in this process to check what was saved."""
    from workbook import Workshop

    ws = Workshop.open(server.folder)
    yield ws
    ws.close()
