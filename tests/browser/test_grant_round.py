"""A grant round in two stages on the big screen, in a real browser (its own server): Funded /
Not funded in words, each stage's rank, the budget left, the totals chart's alt text; fits
1920x1080 without page scrolling; axe; screenshot in tests/browser/artifacts/."""

from __future__ import annotations

import re
from collections.abc import Iterator
from fractions import Fraction
from typing import Any

import pytest

from tests.browser.helpers import assert_axe_clean, button, open_stage, screenshot
from tests.browser.servers import Server, start_sample_server, stop_process

expect = pytest.importorskip("playwright.sync_api",
                             reason="Playwright for Python is not installed").expect

TENDER = "tender_scoring.ipynb"
BIDS = [("G1", "Northside Youth Club", 18000), ("G2", "Riverside Arts CIC", 25000),
        ("G3", "Eastfield Sports Trust", 12000), ("G4", "Park Lane Mentors", 9000),
        ("G5", "Town Centre Music", 15000)]


def grant_round():
    """Written bids (Q1-Q3, stage 1) then a presentation (Q4, stage 2) for the top 3; budget
    £40,000; adults and young people (equal shares) score everything."""
    from workbook.tender.model import Bidder, Evaluation, Panel, Question, Score

    questions = [Question("Q1", "How will young people shape it?", Fraction(2)),
                 Question("Q2", "How will you keep people safe?", Fraction(1)),
                 Question("Q3", "How will you reach people who do not come now?", Fraction(1)),
                 Question("Q4", "Presentation to the panel", Fraction(2), stage=2)]
    marks = {"G1": (4, 4, 3, 4), "G2": (5, 4, 4, 3), "G3": (3, 3, 4, 5), "G4": (2, 3, 2, 0),
             "G5": (3, 2, 2, 0)}
    scores = [Score(panel, member, b, q.question, marks[b][i] if panel == "Adults" else
                    min(5, marks[b][i] + (1 if b == "G3" else 0)), "because")
              for panel, member in (("Adults", "Ash"), ("Young people", "Kai"))
              for b in marks for i, q in enumerate(questions)
              if q.stage == 1 or b in ("G1", "G2", "G3")]
    return Evaluation(Fraction(100), Fraction(0),
                      [Panel("Adults", Fraction(1), False), Panel("Young people", Fraction(1),
                                                                  True)],
                      questions, [Bidder(c, n, Fraction(a)) for c, n, a in BIDS],
                      scores=scores, budget=Fraction(40000), shortlist=3,
                      name="Youth activities grant round")


@pytest.fixture(scope="module")
def grant_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    from workbook import Workshop

    srv = start_sample_server(tmp_path_factory.mktemp("grant"), ready=[TENDER])
    try:
        with Workshop.open(srv.folder) as ws:
            ws.tender.load(grant_round(), actor="Commissioner")
        yield srv
    finally:
        stop_process(srv.proc)


def test_the_big_screen_shows_a_grant_round_in_stages(page: Any, grant_server: Server):
    open_stage(page, grant_server.base, TENDER)
    results = page.locator(".wtfc-tender-results")
    expect(results).to_contain_text("✔ Funded")
    expect(results).to_contain_text("✘ Not funded")
    expect(results).to_contain_text("4th, cut")
    expect(page.locator(".wtfc-tender-funding")).to_contain_text("£40,000")
    button(page, "Totals").click()
    expect(page.locator(".wtfc-figure img")).to_have_attribute(
        "alt", re.compile(r"Stacked bar chart.*1\. G3 83\.33 .*, funded;.*£3,000 left"))
    text = page.locator("body").inner_text()
    assert "Traceback" not in text and "Something went wrong" not in text
    page.mouse.move(0, 0)
    screenshot(page, "tender_grant_round-1920x1080")
    sizes = page.evaluate("() => ({doc: document.documentElement.scrollHeight,"
                          " view: window.innerHeight})")
    assert sizes["doc"] <= sizes["view"], sizes
    assert_axe_clean(page, "tender_grant_round")
    assert not grant_server.errors_log(), grant_server.errors_log()
