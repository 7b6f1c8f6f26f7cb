"""Who may do what, against a live `wtfc serve` on the room's network (0.0.0.0, keys for
everyone): no key, no page; a table names itself and acts as a table; a table link cannot
open the tender page or act as a member by any ?table=; a member sees only their own sheet;
the big screen's Join code reads back as the tables' link."""

from __future__ import annotations

import io
import re
import uuid
from urllib.parse import quote

import pytest

from tests.browser.helpers import button, member_key, open_stage, poll
from tests.browser.servers import served_room

expect = pytest.importorskip("playwright.sync_api",
                             reason="Playwright for Python is not installed").expect
zxingcpp = pytest.importorskip("zxingcpp")

PAGES = ["02_collect.ipynb", "tender_scoring.ipynb"]


@pytest.fixture(scope="module")
def room(tmp_path_factory):
    with served_room(tmp_path_factory.mktemp("room"), PAGES) as r:
        yield r


def test_without_a_key_no_page_opens(room, page):
    for path in ("/", "/voila/render/02_collect.ipynb?table=Big%20screen",
                 "/voila/render/tender_scoring.ipynb?table=Frankie"):
        page.goto(room.base + path, wait_until="domcontentloaded")
        assert "/login" in page.url
        expect(page.locator(".wtfc-header")).to_have_count(0)


def test_a_table_names_itself_then_adds_as_that_table(room, page):
    words = f"The minibus never comes on Sundays {uuid.uuid4().hex[:6]}"
    page.goto(f"{room.base}/?key={quote(room.table)}", wait_until="domcontentloaded")
    page.get_by_label(re.compile("Your table's name")).fill("Red")
    button(page, "Continue").click()
    expect(page.get_by_text("You are")).to_contain_text("Red")
    assert "key=" not in page.url and "key=" not in page.content().split("<main", 1)[1]
    page.get_by_role("link", name=re.compile("Collect")).click()
    expect(page.locator(".wtfc-header")).to_contain_text("Red", timeout=60_000)
    expect(button(page, "Undo anyone's last change")).to_have_count(0)
    form = page.locator(".wtfc-collect-add")
    form.get_by_label("Review", exact=True).fill("R-900")
    button(form, "Not working").click()
    form.get_by_label("What they said").fill(words)
    button(form, "Add statement").click()
    poll(lambda: (room.ws.statements["text"] == words).any(), what="the statement saved")
    actor = room.ws.history["actor"].iloc[-1]
    assert actor.startswith("Red · laptop "), actor


def test_a_table_link_cannot_open_the_tender_page_nor_be_a_member(room, page):
    page.goto(f"{room.base}/?key={quote(room.table)}&table=Blue", wait_until="domcontentloaded")
    for query in ("", "?table=Frankie", "?table=Frankie&wtfc_role=member&wtfc_who=1"):
        response = page.goto(f"{room.base}/voila/render/tender_scoring.ipynb{query}")
        assert response.status == 403
        expect(page.locator("main")).to_contain_text("member's own link")
        for view in ("Set up", "Moderation", "Results"):
            expect(page.get_by_text(view, exact=True)).to_have_count(0)


def test_an_old_address_keeps_its_key_and_a_table_cannot_open_prepare(room, page):
    """On the room's network an old page's address, key and all, opens its step's page: the
    key is checked there as on any page. A table's link never opens the Prepare page."""
    page.goto(f"{room.base}/voila/render/01_collect.ipynb?key={quote(room.table)}&table=Green",
              wait_until="domcontentloaded")
    assert "/voila/render/02_collect.ipynb?" in page.url and "table=Green" in page.url
    header = page.locator(".wtfc-header")
    expect(header.locator("h1")).to_contain_text("Step 2 · Collect", timeout=60_000)
    expect(header).to_contain_text("Table: Green")
    expect(button(page, "Undo anyone's last change")).to_have_count(0)  # a table, still
    response = page.goto(f"{room.base}/voila/render/01_prepare.ipynb")
    assert response.status == 403
    expect(page.locator("main")).to_contain_text("facilitator")
    page.goto(f"{room.base}/?table=Green", wait_until="domcontentloaded")
    expect(page.get_by_role("link", name="Step 2 · Collect")).to_be_visible()
    expect(page.get_by_role("link", name=re.compile("Prepare"))).to_have_count(0)


def test_a_member_sees_only_their_own_sheet(room, page):
    key = member_key(room.ws, "Frankie")
    page.goto(f"{room.base}/?key={quote(key)}", wait_until="domcontentloaded")
    expect(page.locator(".wtfc-header")).to_contain_text("Frankie", timeout=60_000)
    assert "tender_scoring" in page.url
    expect(page.get_by_label("Who is scoring?")).to_be_hidden()
    for view in ("Set up", "Moderation", "Results"):
        expect(page.get_by_role("radio", name=view)).to_have_count(0)
    ev, _ = room.ws.tender.evaluation(everyone=True)
    others = {s.reason for s in ev.scores if s.member != "Frankie" and len(s.reason) > 12}
    text = page.locator("body").inner_text()
    assert not [r for r in others if r in text], "another member's reasons are on the page"
    # ...and the other pages are not theirs
    response = page.goto(f"{room.base}/voila/render/02_collect.ipynb")
    assert response.status == 403


def test_the_join_code_on_the_big_screen_is_the_tables_link(room, page):
    page.goto(f"{room.base}/?key={quote(room.facilitator)}", wait_until="domcontentloaded")
    open_stage(page, room.base, "02_collect.ipynb")
    expect(button(page, "Undo anyone's last change")).to_be_visible()
    page.get_by_role("button", name=re.compile(r"^\W*Join$")).click()
    code = page.locator(".wtfc-join svg")
    expect(code).to_be_visible()
    from PIL import Image

    image = Image.open(io.BytesIO(code.screenshot()))
    found = zxingcpp.read_barcodes(image)
    assert found, "no QR code could be read from the big screen"
    link = found[0].text
    port = room.base.rsplit(":", 1)[1]
    assert re.fullmatch(rf"http://[^/]+:{port}/\?key={re.escape(room.table)}", link), link
    expect(page.locator(".wtfc-join-address")).to_contain_text(room.table)
    page.keyboard.press("Escape")
    expect(code).to_be_hidden()


def test_a_submitted_sheet_cannot_be_changed_or_undone_from_the_members_page(room, page):
    from workbook.tender.read import roster

    tender = room.ws.tender
    with room.ws.store.read() as conn:
        people = roster(conn, tender.current_id(conn))
    member = next(m for m in people if m["name"] != "Frankie" and m["panel"] == people[-1]["panel"])
    if not member["submitted_at"]:
        ev, _ = tender.evaluation(everyone=True)
        for bid in ev.bidders:
            for q in ev.questions_for(member["panel"]):
                tender.score(member["name"], bid.bidder, q.question, 3,
                             "Acceptable: it meets what we asked for")
        tender.submit(member["name"])
    page.goto(f"{room.base}/?key={quote(member_key(room.ws, member['name']))}",
              wait_until="domcontentloaded")
    sealed = page.locator(".wtfc-tender-sealed")
    expect(sealed).to_contain_text("your scores are final", timeout=60_000)
    expect(sealed).to_contain_text("facilitator")
    for name in ("Save score", "Submit my scores", "Undo my last change"):
        controls = page.get_by_role("button", name=name, exact=True)
        for n in range(controls.count()):
            assert not (controls.nth(n).is_visible() and controls.nth(n).is_enabled()), name


def test_a_kernels_request_socket_refuses_anyone_but_its_kernel(room, page):
    # Voila's /voila/query/<kernel id> socket hands a pre-heated kernel its visitor's request
    # (the signed grant): a stranger on the room's network must not take it, nor hold it up.
    import websockets
    from websockets.sync.client import connect

    from workbook.access import grants

    kernel_id = str(uuid.uuid4())
    url = room.base.replace("http://", "ws://", 1) + f"/voila/query/{kernel_id}"

    def status(headers: dict[str, str]) -> int:
        try:
            with connect(url, additional_headers=headers, open_timeout=20):
                return 101
        except websockets.InvalidStatus as refused:
            return refused.response.status_code

    forged = {grants.QUERY_HEADER: grants.query_token("not the server's secret", kernel_id)}
    assert status({}) == 403
    assert status(forged) == 403
    # and the kernels the server started still get their requests: a page opens and works
    open_stage(page, room.base, "02_collect.ipynb", key=room.table, table="Table 7")
    expect(page.get_by_label("What they said")).to_be_visible()
