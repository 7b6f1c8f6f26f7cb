"""The room's logins survive a restart of `wtfc serve` on the room's network (0.0.0.0): a
table that named itself is still that table after the server is stopped and started again on
the same workshop, with no key in the address; after `--new-keys` its session is refused.
The kept cookie secret is on no command line, in no log, and in no page kernel's environment."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

import pytest

from tests.browser.helpers import button, screenshot
from tests.browser.servers import (
    ROOT,
    SERVER_START_TIMEOUT,
    children,
    server_env,
    start_sample_server,
    stop_process,
    wait_for_pages_ready,
    wait_until_answers,
)

expect = pytest.importorskip("playwright.sync_api",
                             reason="Playwright for Python is not installed").expect

PAGE = "02_collect.ipynb"
PAGE_TIMEOUT = 90_000


def descendants(pid: int) -> list[int]:
    found, todo = [], [pid]
    while todo:
        kids = children(todo.pop())
        found += kids
        todo += kids
    return found


def proc_text(pid: int, name: str) -> str:
    try:
        return Path(f"/proc/{pid}/{name}").read_bytes().replace(b"\0", b" ").decode(
            errors="replace")
    except OSError:
        return ""


class Room:
    """`wtfc serve FOLDER --host 0.0.0.0` on one port, stopped and started again at will."""

    def __init__(self, tmp: Path) -> None:
        srv = start_sample_server(tmp, ready=[PAGE], host="0.0.0.0")
        self.tmp, self.base, self.folder = tmp, srv.base, srv.folder
        self.proc, self.log_path, self.starts = srv.proc, srv.log_path, 1

    def restart(self, *extra: str) -> None:
        stop_process(self.proc)
        self.starts += 1
        self.log_path = self.tmp / f"voila-{self.starts}.log"
        port = self.base.rsplit(":", 1)[1]
        with self.log_path.open("w", encoding="utf-8") as log:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "workbook.cli", "serve", str(self.folder), "--port",
                 port, "--host", "0.0.0.0", *extra],
                cwd=str(ROOT), env=server_env({"WTFC_DEMO_DIR": str(self.tmp / "demo")}),
                stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        wait_until_answers(self.base + "/", self.proc, SERVER_START_TIMEOUT)
        wait_for_pages_ready(self.log_path, [PAGE], SERVER_START_TIMEOUT)

    def keys(self) -> tuple[str, str]:
        """The table key and the cookie secret kept in the workshop's store now."""
        from workbook import Workshop
        from workbook.access import cookie, keys
        from workbook.access.roles import Role

        with Workshop.open(self.folder) as ws, ws.store.engine.begin() as conn:
            return keys.active(conn, Role.TABLE), cookie.room_secret(conn)


@pytest.fixture(scope="module")
def room(tmp_path_factory):
    r = Room(tmp_path_factory.mktemp("restart"))
    try:
        yield r
    finally:
        stop_process(r.proc)


def name_table(page, room: Room, table_key: str, name: str) -> None:
    page.goto(f"{room.base}/?key={quote(table_key)}", wait_until="domcontentloaded")
    page.get_by_label(re.compile("Your table's name")).fill(name)
    button(page, "Continue").click()
    expect(page.get_by_text("You are")).to_contain_text(name)


def test_a_table_is_still_itself_after_the_server_restarts(room, page):
    table_key, secret = room.keys()
    name_table(page, room, table_key, "Red")
    room.restart()
    assert room.keys() == (table_key, secret)  # the same links and the same secret
    # the same laptop opens a page with no key in the address: still table Red
    response = page.goto(f"{room.base}/voila/render/{PAGE}", wait_until="domcontentloaded",
                         timeout=PAGE_TIMEOUT)
    assert response.status == 200 and "/login" not in page.url
    header = page.locator(".wtfc-header")
    expect(header).to_contain_text("Table: Red", timeout=PAGE_TIMEOUT)
    expect(page.get_by_label("What they said")).to_be_visible(timeout=PAGE_TIMEOUT)
    expect(button(page, "Undo anyone's last change")).to_have_count(0)  # a table, not more
    screenshot(page, "room-restart-table-kept")
    # the secret is on no command line, in no log, and in no page kernel's environment
    voila = children(room.proc.pid)
    kernels = [pid for v in voila for pid in descendants(v)]
    assert voila and kernels, "no Voila or no kernel under wtfc serve"
    for pid in [room.proc.pid, *voila, *kernels]:
        assert secret not in proc_text(pid, "cmdline")
    for pid in kernels:
        environ = proc_text(pid, "environ")
        assert "WTFC_COOKIE_SECRET" not in environ and secret not in environ
    for log in room.tmp.glob("*.log"):
        assert secret not in log.read_text(encoding="utf-8", errors="replace")
    assert secret not in (room.folder / "workshop.json").read_text(encoding="utf-8")


def test_new_keys_end_the_old_session(room, page):
    old_key, old_secret = room.keys()
    name_table(page, room, old_key, "Blue")
    room.restart("--new-keys")
    new_key, new_secret = room.keys()
    assert new_key != old_key and new_secret != old_secret
    for path in (f"/voila/render/{PAGE}", "/"):  # the old session: sent to the login page
        page.goto(room.base + path, wait_until="domcontentloaded")
        assert "/login" in page.url
        expect(page.locator(".wtfc-header")).to_have_count(0)
    page.goto(f"{room.base}/?key={quote(old_key)}", wait_until="domcontentloaded")
    assert "/login" in page.url  # and the old link with it
    name_table(page, room, new_key, "Blue")  # the new link works on the same laptop
