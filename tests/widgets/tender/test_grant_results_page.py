"""Results of a grant round in stages on the big screen: funded or not in words, the budget
left, each stage's rank, and the facilitator starting stage 2 (a member cannot). Driven
through public controls; checked in the store."""

from __future__ import annotations

from fractions import Fraction
from html import unescape

import pytest

from widgets.tender.page import TenderView
from workbook import Workshop
from workbook.access.roles import Access, Role
from workbook.tender.model import Bidder, Evaluation, Panel, Question, Score
from workbook.tender.read import roster


@pytest.fixture
def grant_ws(tmp_path):
    """Written bids (Q1, stage 1) scored and submitted; interviews (Q2, stage 2) of the top 2.
    Stage 1: B2 100, B1 80, B3 60 points. Budget 100: B2 asks 60 (funded, 40 left), B1 asks
    50 (does not fit: passed over), B3 asks 30 (funded, 10 left)."""
    ws = Workshop.create(tmp_path / "grant_ws", "Grant test")
    ev = Evaluation(Fraction(100), Fraction(0), [Panel("A", Fraction(1), False)],
                    [Question("Q1", "Written bid", Fraction(1)),
                     Question("Q2", "Interview", Fraction(1), stage=2)],
                    [Bidder("B1", "North <Trust>", Fraction(50)),
                     Bidder("B2", "South", Fraction(60)), Bidder("B3", "East", Fraction(30))],
                    scores=[Score("A", "a1", b, "Q1", s, "why") for b, s in
                            (("B1", 4), ("B2", 5), ("B3", 3))],
                    budget=Fraction(100), shortlist=2)
    ws.tender.load(ev, actor="Commissioner")
    yield ws
    ws.close()


def text(widget) -> str:
    return unescape(widget.value)


def test_the_big_screen_says_funded_in_words_and_what_is_left(grant_ws):
    big = TenderView(grant_ws)
    table = text(big.results.table)
    for words in ("Funding, asks", "By stage", "not yet £60", "North <"):
        assert words in table, words
    assert "North <" not in big.results.table.value  # participant text is escaped
    funding = text(big.results.funding)
    assert ("Budget £100: which bids are funded is known once the last stage has started"
            in funding)
    assert "Stage 2: not started yet." in funding
    assert big.results.stage_button.layout.display != "none"
    assert big.results.stage_button.description == "Start stage 2"


def test_the_facilitator_starts_stage_2_and_a_member_cannot(grant_ws):
    with grant_ws.store.read() as conn:
        a1 = next(m for m in roster(conn, grant_ws.tender.current_id(conn)))
    member = TenderView(grant_ws, access=Access(Role.MEMBER, str(a1["id"]), "a1"))
    member.results.start_next_stage()
    assert member.messages.kind == "error"
    assert grant_ws.tender.evaluation()[0].shortlists == {2: ()}
    big = TenderView(grant_ws)
    big.results.stage_button.click()
    assert big.messages.kind == "ok", big.messages.text
    assert "Stage 2 has started with the shortlisted bids B1, B2" in big.messages.text
    ev, _ = grant_ws.tender.evaluation()
    assert ev.shortlists == {2: ("B1", "B2")}
    big.redraw({"tender_evaluations"})
    assert big.results.stage_button.layout.display == "none"
    # a1's written-bid scores still count while their sheet is open for the interviews
    table = text(big.results.table)
    assert "3rd, cut" in table and "1st" in table and "✘ Not funded" in table
    assert "Stage 2: B1, B2 (fixed when it started)." in text(big.results.funding)


def test_after_the_interviews_the_budget_funds_the_final_ranking(grant_ws):
    start = TenderView(grant_ws)
    start.results.stage_button.click()
    grant_ws.tender.score("a1", "B1", "Q2", 5, "great interview")
    grant_ws.tender.score("a1", "B2", "Q2", 1, "did not come")
    grant_ws.tender.submit("a1")
    big = TenderView(grant_ws)
    rows = [[c.split("<td>")[-1] for c in r.split("</td>")[:6]]
            for r in text(big.results.table).split("<tr>")[2:]]
    # B1 90 (1st, asks 50: funded), B2 60 (2nd, asks 60: does not fit in 50), B3 cut
    assert rows == [
        ["1", "B1 North <T…", "90.00", "✔ Funded £50", "2nd → 1st", "= same"],
        ["2", "B2 South", "60.00", "✘ Not funded £60", "1st → 2nd", "= same"],
        ["3", "B3 East", "60.00", "✘ Not funded £30", "3rd, cut", "= same"]]
    assert "Budget £100: 1 of 3 bids funded (£50); £50 left." in text(
        big.results.funding)
    big.results.chart_choice.value = "totals"
    alt = big.results.chart.alt
    assert "1. B1 90.00 (A 90.00, price 0.00), funded; 2. B2 60.00" in alt
    assert "3. B3 60.00 (A 60.00, price 0.00), not funded." in alt
    assert alt.endswith("Budget £100: 1 of 3 bids funded (£50); £50 left. Bids are "
                        "funded in rank order; one that does not fit in what is left is passed "
                        "over and the next is tried.")


def test_in_stage_2_a_members_screen_offers_only_the_shortlisted_bids(grant_ws):
    TenderView(grant_ws).results.stage_button.click()
    with grant_ws.store.read() as conn:
        a1 = next(m for m in roster(conn, grant_ws.tender.current_id(conn)))
    s = TenderView(grant_ws, access=Access(Role.MEMBER, str(a1["id"]), "a1")).scoring
    s.question_select.value = "Q2"
    assert [v for _label, v in s.bidder_select.options] == ["B1", "B2"]
    s.question_select.value = "Q1"
    assert [v for _label, v in s.bidder_select.options] == ["B1", "B2", "B3"]
    s.question_select.value = "Q2"
    s.bidder_select.value = "B2"
    s.score_buttons.value = 2
    s.reason.value = "short answers"
    s.save_button.click()
    ev, _ = grant_ws.tender.evaluation(viewer="a1")
    assert ("B2", "Q2", 2) in {(x.bidder, x.question, x.score) for x in ev.scores}
