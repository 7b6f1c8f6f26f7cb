"""Page helpers for the browser tests: open a stage, its controls, drawers, axe, screenshots."""

from __future__ import annotations

import json
import re
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
VIEWPORT = {"width": 1920, "height": 1080}
PAGE_TIMEOUT_MS = 60_000  # one page: from navigation until its main control is usable
FAILING_IMPACTS = {"serious", "critical"}  # axe findings that fail a test; the rest are noted

# The control that says a page is ready: visible and enabled once its kernel has built the view.
MAIN_CONTROL: dict[str, tuple[str, str]] = {
    "02_collect.ipynb": ("button", "Add statement"),
    "03_theme.ipynb": ("button", "Move chosen cards back here"),  # on the board, both layouts
    "04_understand.ipynb": ("button", "Add cause"),
    "tender_scoring.ipynb": ("button", "Undo my last change"),
    "05_success.ipynb": ("button", "Add success statement"),
    "06_plan.ipynb": ("button", "Add idea"),  # on both layouts (actions: a drawer)
    "07_implement.ipynb": ("button", "Add indicator"),
    "08_review.ipynb": ("button", "Report"),  # measurements: a drawer on the big screen
}

# Requests the pages make beyond this machine. The hall has no internet: they are blocked in
# every test, so a page that needs one shows up as broken here rather than only at the event.
LOCAL_URL = re.compile(r"^(?:https?|wss?)://(?:127\.0\.0\.1|localhost)(?::\d+)?/")


def chromium_path() -> str | None:
    if Path("/usr/bin/chromium").exists():
        return "/usr/bin/chromium"
    return shutil.which("chromium")


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


def watched_page(browser: Any) -> tuple[Any, PageWatch]:
    """A page in a fresh 1920x1080 context: outside requests blocked, dialogs dismissed and
    noted, console and page errors noted (also as page.wtfc_watch)."""
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

    def on_console(message: Any) -> None:
        if message.type == "error":
            watch.console_errors.append((message.text, message.location.get("url", "")))

    page.on("dialog", on_dialog)
    page.on("console", on_console)
    page.on("pageerror", lambda exc: watch.page_errors.append(str(exc)))
    page.wtfc_watch = watch  # the test can look: page.wtfc_watch.console_errors
    return page, watch


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


def member_key(store: Any, name: str) -> str:
    """The personal key of the panel member called ``name`` (made if it was not yet)."""
    from workbook.access import keys
    from workbook.tender.read import roster

    with store.store.engine.begin() as conn:
        people = roster(conn, store.tender.current_id(conn))
        member = next(m["id"] for m in people if m["name"] == name)
        return keys.member_keys(conn, [member])[member]


def open_stage(page: Any, base: str, notebook: str, table: str | None = None,
               *, key: str | None = None, timeout_ms: int = PAGE_TIMEOUT_MS) -> Any:
    """Open a stage page and wait until it can be used: the header is there and the view's
    main control (built by the kernel, drawn by the widget manager) is visible and enabled;
    on the Theme page the card board has drawn too. ``key``: a link's key (a member's)."""
    from playwright.sync_api import expect

    url = f"{base}/voila/render/{notebook}"
    query = [f"table={quote(table)}"] if table else []
    if key:
        query.append(f"key={quote(key)}")
    if query:
        url += "?" + "&".join(query)
    page.goto(url, wait_until="domcontentloaded", timeout=timeout_ms)
    expect(page.locator(".wtfc-header h1").first).to_be_visible(timeout=timeout_ms)
    control = main_control(page, notebook)
    expect(control).to_be_visible(timeout=timeout_ms)
    expect(control).to_be_enabled(timeout=timeout_ms)
    if notebook == "03_theme.ipynb":
        expect(page.locator(".wtfc-board-root")).to_be_visible(timeout=timeout_ms)
    return page


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


def axe_violations(page: Any) -> list[dict[str, Any]]:
    """axe-core's violations on the page as it is now, each with its first ten targets."""
    from axe_playwright_python.sync_playwright import Axe

    return [{"id": v["id"], "impact": v["impact"], "help": v["help"], "nodes": len(v["nodes"]),
             "targets": [n["target"] for n in v["nodes"]][:10]}
            for v in Axe().run(page).response["violations"]]


def assert_axe_clean(page: Any, name: str, settle_ms: int = 500) -> list[dict[str, Any]]:
    """Run axe once the page has settled; fail on any "serious" or "critical" violation.

    Every finding (the "moderate" and "minor" ones too) is printed and written to
    artifacts/axe-NAME.json; returns them all."""
    if settle_ms:
        page.wait_for_timeout(settle_ms)  # the last widget views drawn before axe reads them
    violations = axe_violations(page)
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / f"axe-{name}.json").write_text(
        json.dumps(violations, indent=2, ensure_ascii=False), encoding="utf-8")
    for v in violations:
        print(f"axe {name} {v['impact']:>8} {v['id']}: {v['help']} ({v['nodes']} nodes) "
              f"{v['targets']}")
    failing = [v for v in violations if v["impact"] in FAILING_IMPACTS]
    assert failing == [], f"axe ({name}): " + json.dumps(failing, indent=2, ensure_ascii=False)
    return violations
