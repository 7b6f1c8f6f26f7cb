"""Phones and tablets (issue 15): every page a table or a panel member uses, at 390x844 and
768x1024, in a real browser.

For each page (the overview, stages 1-6 and the ladder vote at `?table=`, the tender member's
score sheet with the member's key), as it opens and again with every drawer (and the report's
panel) open:
- no sideways scrolling: the page is no wider than the window, nothing visible reaches past
  its right edge, and no box scrolls or cuts off its content sideways;
- every visible button, text box, list, check box, tab and link is at least 44x44 px (a check
  box counts with its label, which takes the tap); exempt: links inside running text
  (WCAG 2.5.8's inline exception);
- every visible piece of text (labels, paragraphs, table cells, what is typed into a box) is
  at least 16 px as computed;
- every text box and list is at least 200 px wide, so it shows a line of words.
Text that is only for screen readers (clipped to 1 px) is not on the screen, so not measured;
nor is the text inside a chart's PNG (its caption under it states the figures).

Full-page screenshots go to tests/browser/artifacts/small-*.png (git-ignored). The big screen
(1920x1080) and a table's laptop (1366x768) are checked by test_bigscreen.py, test_tender.py,
test_ladder_page.py and test_stages.py: the narrow layout is a media query below 900 px, so
they are untouched.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import pytest

from tests.browser import helpers
from tests.browser.helpers import member_key, open_drawers, screenshot

expect = pytest.importorskip("playwright.sync_api",
                             reason="Playwright for Python is not installed").expect

SIZES = {"390x844": {"width": 390, "height": 844}, "768x1024": {"width": 768, "height": 1024}}
TABLE = "Table 2"
MEMBER = "Frankie"  # on the sample's young people's panel
PAGES = ["00_workshop.ipynb", "02_collect.ipynb", "03_theme.ipynb", "04_understand.ipynb",
         "05_success.ipynb", "06_plan.ipynb", "07_implement.ipynb", "08_review.ipynb",
         "ladder.ipynb",
         "tender_scoring.ipynb"]
MIN_TARGET_PX = 44
MIN_TEXT_PX = 16
MIN_FIELD_PX = 200  # a text box or a list shows a line of words (the issue: "a few px wide")

# Measured in the page. Returns the offenders, and the smallest target and text for the report.
MEASURE = """(limit) => {
  const vw = window.innerWidth;
  const name = (e) => {
    const cls = (typeof e.className === 'string' ? e.className : '').trim().split(/\\s+/)
      .filter((c) => !c.startsWith('lm-') && c !== 'jupyter-widgets').slice(0, 2).join('.');
    const words = (e.getAttribute('aria-label') || e.innerText || e.value || e.placeholder
                   || '').toString().trim().replace(/\\s+/g, ' ').slice(0, 40);
    return `${e.tagName.toLowerCase()}${cls ? '.' + cls : ''}${words ? ' "' + words + '"' : ''}`;
  };
  // Only for screen readers: clipped to nothing, or inside a box of a pixel or two.
  const srOnly = (e) => {
    for (let p = e; p && p !== document.body; p = p.parentElement) {
      const st = getComputedStyle(p);
      if (st.clipPath === 'inset(50%)') return true;
      const r = p.getBoundingClientRect();
      if (st.overflow !== 'visible' && (r.width <= 2 || r.height <= 2)) return true;
    }
    return false;
  };
  const shown = (e) => {
    if (!e.checkVisibility({checkVisibilityCSS: true})) return false;
    const r = e.getBoundingClientRect();
    return r.width > 2 && r.height > 2 && !srOnly(e);
  };
  const all = [...document.querySelectorAll('body *')].filter(
    (e) => !['SCRIPT', 'STYLE', 'OPTION', 'NOSCRIPT'].includes(e.tagName) && shown(e));

  const page = {doc: document.documentElement.scrollWidth, body: document.body.scrollWidth,
                window: vw};
  const pastEdge = all.filter((e) => e.getBoundingClientRect().right > vw + 0.5)
    .map((e) => `${name(e)} ends at x=${Math.round(e.getBoundingClientRect().right)}`);
  // A box whose content is wider than it: it scrolls sideways, or cuts its content off.
  // (Not a text box's own text, and not a line that ends in "..." on purpose.)
  const sideways = all.filter((e) => {
    if (['INPUT', 'SELECT', 'TEXTAREA'].includes(e.tagName)) return false;
    const st = getComputedStyle(e);
    if (st.overflowX === 'visible' || st.textOverflow === 'ellipsis') return false;
    return e.scrollWidth > e.clientWidth + 1;
  }).map((e) => `${name(e)}: ${e.scrollWidth} px of content in ${e.clientWidth} px`);

  const small = [];
  const exempt = [];
  let smallest = null;
  const targets = all.filter((e) => e.matches(
    'button, input:not([type=hidden]), select, textarea, [role=tab], a[href], summary'));
  for (const e of targets) {
    const type = (e.getAttribute('type') || '').toLowerCase();
    const box = (type === 'checkbox' || type === 'radio') && e.closest('label')
      ? e.closest('label') : e;  // the label takes the tap
    if (e.tagName === 'A' && getComputedStyle(e).display === 'inline'
        && e.parentElement.textContent.trim() !== e.textContent.trim()) {
      exempt.push(name(e));  // a link inside running text
      continue;
    }
    const r = box.getBoundingClientRect();
    const size = Math.min(r.width, r.height);
    if (smallest === null || size < smallest.px) smallest = {px: Math.round(size * 10) / 10,
                                                            what: name(e)};
    if (r.width < limit.target - 0.01 || r.height < limit.target - 0.01) {
      small.push(`${name(e)}: ${Math.round(r.width)}x${Math.round(r.height)} px`);
    }
  }

  const narrow = all.filter((e) => e.matches(
    'select, textarea, input:not([type=checkbox]):not([type=radio]):not([type=file])'))
    .filter((e) => e.getBoundingClientRect().width < limit.field)
    .map((e) => `${name(e)}: ${Math.round(e.getBoundingClientRect().width)} px wide`);

  const tiny = [];
  let smallestText = null;
  const text = (el) => {
    const px = parseFloat(getComputedStyle(el).fontSize);
    if (smallestText === null || px < smallestText.px) smallestText = {px, what: name(el)};
    if (px < limit.text - 0.01) tiny.push(`${name(el)}: ${px} px`);
  };
  const hasText = (e) => [...e.childNodes].some(
    (n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim());
  for (const e of all) {
    if (hasText(e) || (e.matches('input, select, textarea')
                       && !['checkbox', 'radio'].includes(e.type))) text(e);
  }
  return {page, pastEdge, sideways, small, exempt, smallest, narrow, tiny, smallestText};
}"""


def open_page(page: Any, base: str, notebook: str, key: str | None) -> None:
    """Open the page a table (or the member) uses, and wait until it can be used."""
    if notebook in helpers.MAIN_CONTROL:
        helpers.open_stage(page, base, notebook, TABLE if key is None else MEMBER, key=key)
        return
    # The overview and the ladder's vote have no entry in helpers.MAIN_CONTROL.
    page.goto(f"{base}/voila/render/{notebook}?table={quote(TABLE)}",
              wait_until="domcontentloaded", timeout=helpers.PAGE_TIMEOUT_MS)
    expect(page.locator(".wtfc-header h1").first).to_be_visible(timeout=helpers.PAGE_TIMEOUT_MS)
    ready = (page.locator(".wtfc-stage-link").first if notebook.startswith("00_")
             else helpers.button(page, "Send my vote").first)
    expect(ready).to_be_visible(timeout=helpers.PAGE_TIMEOUT_MS)


def check(page: Any, what: str) -> dict:
    page.mouse.move(0, 0)  # no hover styles
    page.wait_for_timeout(500)  # late widget views and charts
    found = page.evaluate(MEASURE, {"target": MIN_TARGET_PX, "text": MIN_TEXT_PX,
                                    "field": MIN_FIELD_PX})
    print(f"{what}: page {found['page']}, smallest target {found['smallest']}, "
          f"smallest text {found['smallestText']}, exempt inline links {len(found['exempt'])}")
    problems = {
        "page wider than the window": ([found["page"]] if max(found["page"]["doc"],
                                        found["page"]["body"]) > found["page"]["window"]
                                       else []),
        "past the window's right edge": found["pastEdge"],
        "scrolls or is cut off sideways": found["sideways"],
        f"tap target under {MIN_TARGET_PX}x{MIN_TARGET_PX} px": found["small"],
        f"text box or list under {MIN_FIELD_PX} px wide": found["narrow"],
        f"text under {MIN_TEXT_PX} px": found["tiny"],
    }
    problems = {k: v[:12] for k, v in problems.items() if v}
    assert not problems, f"{what}: {problems}"
    return found


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("notebook", PAGES, ids=[p.split(".")[0] for p in PAGES])
def test_page_fits_a_phone_or_tablet(notebook: str, size: str, page: Any, server: Any,
                                     store: Any) -> None:
    page.set_viewport_size(SIZES[size])
    key = member_key(store, MEMBER) if notebook.startswith("tender") else None
    open_page(page, server.base, notebook, key)
    stem = notebook.split(".")[0]
    try:
        check(page, f"{stem} at {size}")
    finally:
        screenshot(page, f"small-{stem}-{size}", full_page=True)
    open_drawers(page, popovers=True)  # the tools that open on demand, the report's panel last
    try:
        check(page, f"{stem} at {size}, drawers open")
    finally:
        screenshot(page, f"small-{stem}-{size}-drawers", full_page=True)
