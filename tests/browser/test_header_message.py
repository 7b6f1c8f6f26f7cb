"""A message in a page's header never covers the header's controls: on the room's server (so
the big screen has its Join button beside Undo and the report), a message is made on Theme,
Plan and Review (Collect as a control) at 1920x1080 (the big screen), 1366x768, 768x1024 and
390x844 (a table), and then:
- the message's box meets no visible control (button, box, list, tab, link);
- Undo and every other control in the header's row stay on the screen and take a click;
- the page is no wider than the window.

Screenshots: tests/browser/artifacts/header-message-*.png.
"""

from __future__ import annotations

import uuid

import pytest

from tests.browser.helpers import assert_axe_clean, button, open_stage, screenshot
from tests.browser.servers import served_room

expect = pytest.importorskip("playwright.sync_api",
                             reason="Playwright for Python is not installed").expect

PAGES = ["02_collect.ipynb", "03_theme.ipynb", "06_plan.ipynb", "08_review.ipynb"]
SIZES = {"1920x1080": (1920, 1080), "1366x768": (1366, 768), "768x1024": (768, 1024),
         "390x844": (390, 844)}
TABLE = "Table 2"
# A theme's name as a table might type it: undoing it makes a message of three lines or more.
LONG_NAME = ("People who support me know me, tell me who is coming each day, and ask me first "
             "about changes")  # 95 characters; a theme's name may have 120

CONTROLS = ("button, input:not([type=hidden]), select, textarea, a[href], [role=tab], "
            "summary")

# Every visible control outside the message whose box meets the message's box, or whose middle
# is covered by something else (the message or anything over it).
MEASURE = """([selector, sel]) => {
  const msg = document.querySelector(selector);
  const m = msg.getBoundingClientRect();
  const meets = (r) => r.left < m.right - 0.5 && m.left < r.right - 0.5 &&
                       r.top < m.bottom - 0.5 && m.top < r.bottom - 0.5;
  const name = (e) => `${e.tagName.toLowerCase()} "${(e.innerText || e.value ||
    e.getAttribute('aria-label') || e.placeholder || '').trim().slice(0, 40)}"`;
  const overlapping = [];
  for (const e of document.querySelectorAll(sel)) {
    if (msg.contains(e) || !e.getClientRects().length) continue;
    const r = e.getBoundingClientRect();
    if (r.width < 1 || r.height < 1 || getComputedStyle(e).visibility === 'hidden') continue;
    if (meets(r)) overlapping.push(name(e));
  }
  const root = document.scrollingElement;
  const cells = document.getElementById('rendered_cells');
  return {message: {left: m.left, top: m.top, right: m.right, bottom: m.bottom},
          overlapping, width: window.innerWidth, scrollWidth: root.scrollWidth,
          cellsOver: cells ? cells.scrollWidth - cells.clientWidth : 0};
}"""


@pytest.fixture(scope="module")
def room(tmp_path_factory):
    with served_room(tmp_path_factory.mktemp("header"), PAGES) as r:
        yield r


def header_controls(page):
    """The controls in the header's row: Undo (and Undo anyone's, the report, Join)."""
    box = page.locator(".wtfc-page > .wtfc-undo-box")
    return [c for c in box.locator("button").all() if c.is_visible()]


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("notebook", PAGES)
def test_a_message_covers_no_control(room, page, notebook, size):
    width, height = SIZES[size]
    big = size == "1920x1080"
    page.set_viewport_size({"width": width, "height": height})
    if big:  # the facilitator's big screen
        word = uuid.uuid4().hex[:6]
        room.ws.add_theme(f"{LONG_NAME} {word}", actor="Big screen")
        open_stage(page, room.base, notebook, key=room.facilitator)
        expect(button(page, "Join")).to_be_visible()
        button(page, "Undo my last change").click()
        wanted = word
    else:
        open_stage(page, room.base, notebook, TABLE, key=room.table)
        button(page, "Undo my last change").click()
        wanted = "nothing to undo"
    selector = ".wtfc-page > .wtfc-message-area .wtfc-message"
    message = page.locator(selector)
    expect(message).to_contain_text(wanted)
    page.wait_for_timeout(400)  # the layout settles around the message
    page.mouse.move(0, height - 1)
    shot = screenshot(page, f"header-message-{notebook.removesuffix('.ipynb')}-{size}")

    found = page.evaluate(MEASURE, [selector, CONTROLS])
    where = f"{notebook} at {size} ({shot.name}): {found}"
    assert found["overlapping"] == [], where
    assert found["scrollWidth"] <= found["width"], where
    assert found["cellsOver"] <= 1, where
    # The message is on the screen, big enough to read, and said in words and a symbol.
    m = found["message"]
    assert 0 <= m["left"] and m["right"] <= width and m["top"] >= 0, where
    assert message.inner_text().lstrip()[0] in "✔⚠", where
    assert message.get_attribute("aria-live") == "polite", where
    # Undo and its neighbours: inside the window, and nothing lies over them.
    controls = header_controls(page)
    assert len(controls) >= (4 if big and notebook in {"06_plan.ipynb", "08_review.ipynb"}
                             else 3 if big else 1), where
    for control in controls:
        box = control.bounding_box()
        label = control.inner_text().strip()
        assert box["x"] >= 0 and box["x"] + box["width"] <= width, f"{label}: {box} {where}"
        assert box["y"] >= 0 and box["y"] + box["height"] <= height, f"{label}: {box} {where}"
        control.click(trial=True, timeout=5_000)  # fails if anything would take the click
    # A message longer than its box scrolls in it: still reachable (axe), as is everything else.
    assert_axe_clean(page, f"header-message-{notebook.removesuffix('.ipynb')}-{size}")
