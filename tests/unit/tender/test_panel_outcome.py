"""The outcome for the panel: only once final; who was chosen and the ranking with and without
the young people's panel, as the result rules give it; HTML (escaped) and Word."""

from __future__ import annotations

from dataclasses import replace
from fractions import Fraction

import pytest
from docx import Document
from hypothesis import given, settings
from hypothesis import strategies as st

from workbook import InputError
from workbook.paths import sample_dir
from workbook.tender.model import Bidder, Evaluation, Panel, Question, Score
from workbook.tender.panel.briefing import settings as panel_settings
from workbook.tender.panel.outcome import (
    final_reason,
    mark_final,
    outcome,
    panel_outcome,
    young_points,
)
from workbook.tender.panel.outcome_files import outcome_html, write_outcome_docx
from workbook.tender.rules import results
from workbook.tender.sample import load_tender_sample

EVIL = "<img src=x onerror=alert(1)>"


def two_bids(young_a: int, young_b: int) -> Evaluation:
    """By hand: adults prefer A (5 v 3), quality 100%, equal shares. The young people's
    scores decide: young 1 v 5 puts B first (A 60, B 80 points); without them A is first."""
    panels = [Panel("Adults", Fraction(1), False), Panel("Young", Fraction(1), True)]
    ev = Evaluation(Fraction(100), Fraction(0), panels, [Question("Q1", "Why?", Fraction(1))],
                    [Bidder("A", "Alpha Trust", Fraction(1)),
                     Bidder("B", f"Beta {EVIL}", Fraction(1))], name="Youth service")
    ev.scores = [Score("Adults", "Ann", "A", "Q1", 5, "r"), Score("Adults", "Ann", "B", "Q1", 3,
                                                                  "r"),
                 Score("Young", "Yas", "A", "Q1", young_a, "r"),
                 Score("Young", "Yas", "B", "Q1", young_b, "r")]
    return ev


def test_hand_worked_outcome_the_young_people_change_who_is_chosen():
    ev = two_bids(1, 5)
    assert young_points(ev) == 50
    o = outcome(ev, "Next, the council decides.", "All 2 panel members handed in.")
    assert o.chosen == f"The panels chose Beta {EVIL}."
    assert o.rows == [(1, f"Beta {EVIL}", "2nd", "up 1 place"),
                      (2, "Alpha Trust", "1st", "down 1 place")]
    assert "decided 50 of the 100 points" in o.how[0]
    assert "Without your panel, Alpha Trust would have come first" in o.how[1]
    assert o.title == "Youth service: what happened" and o.next_steps.startswith("Next")


def test_hand_worked_outcome_when_the_young_people_agree():
    o = outcome(two_bids(5, 3), "", "final")
    assert o.chosen == "The panels chose Alpha Trust."
    assert [r[3] for r in o.rows] == ["same place", "same place"]
    assert "order is the same" in o.how[1]


def test_a_tie_for_first_is_said_plainly():
    o = outcome(two_bids(3, 5), "", "final")  # A 80, B 80
    assert o.chosen.startswith("These bids came joint first") and "Alpha Trust" in o.chosen


def test_html_is_escaped_large_print_and_plain(tmp_path):
    o = outcome(two_bids(1, 5), f"Then {EVIL}", "final")
    page = outcome_html(o)
    assert EVIL not in page and "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "font-size: 28px" in page and "<main>" in page and "<caption>" in page
    path = write_outcome_docx(o, tmp_path / "o.docx")
    doc = Document(path)
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "Who was chosen" in text and EVIL in text  # Word holds text, never markup
    assert doc.styles["Normal"].font.size.pt >= 16
    cells = [c.text for row in doc.tables[0].rows for c in row.cells]
    assert cells[:4] == ["Place", "Bid", "Place without your panel", "Change"]
    assert cells[4:8] == ["1st", f"Beta {EVIL}", "2nd", "up 1 place"]


@pytest.fixture
def tender(workshop):
    load_tender_sample(workshop.tender, sample_dir() / "tender_evaluation.xlsx", demo=True)
    return workshop.tender


def test_not_final_until_all_submit_or_the_facilitator_marks_it(tender):
    ev, problems = tender.evaluation()
    assert final_reason(tender, problems) is None
    with pytest.raises(InputError, match="Not yet"):
        panel_outcome(tender)
    mark_final(tender, "facilitator")
    assert panel_settings(tender).final_at
    o = panel_outcome(tender)
    assert o.final == "The facilitator marked these results final."
    by_rules = sorted(results(ev), key=lambda r: (r.rank, r.bidder))
    names = {b.bidder: b.name for b in ev.bidders}
    assert [(place, bid) for place, bid, _w, _c in o.rows] == [
        (r.rank, names[r.bidder]) for r in by_rules]
    assert [w for _p, _b, w, _c in o.rows] == [
        {1: "1st", 2: "2nd", 3: "3rd", 4: "4th", 5: "5th"}[r.rank_without_young_people]
        for r in by_rules]
    mark_final(tender, "facilitator", final=False)
    with pytest.raises(InputError, match="Not yet"):
        panel_outcome(tender)


def test_final_when_every_member_has_submitted(tender):
    ev, _ = tender.evaluation(everyone=True)
    for b in ev.bidders:
        for q in ev.questions:
            tender.score("Frankie", b.bidder, q.question, 3, "OK")
    tender.submit("Frankie")
    _, problems = tender.evaluation()
    assert final_reason(tender, problems) == "All 9 panel members handed in their scores."
    assert panel_outcome(tender).chosen.startswith("The panels chose")


def test_marking_final_needs_scores(workshop):
    load_tender_sample(workshop.tender, sample_dir() / "tender_evaluation.xlsx")
    workshop.tender.set_weights(Fraction(70), Fraction(30), "facilitator")
    ev, _ = workshop.tender.evaluation()
    assert ev.scores  # the adults' are in: the facilitator may call it final
    mark_final(workshop.tender, "facilitator")
    o = panel_outcome(workshop.tender)
    assert o.how == ["Your panel's scores are not in the results yet."]


@st.composite
def adult_and_young(draw) -> Evaluation:
    """Two panels (one young people's), 2-4 bidders, 1-3 questions, random scores."""
    quality = Fraction(draw(st.integers(1, 100)))
    panels = [Panel("Adults", Fraction(draw(st.integers(1, 5))), False),
              Panel("Young", Fraction(draw(st.integers(1, 5))), True)]
    questions = [Question(f"Q{i}", "", Fraction(draw(st.integers(1, 5))))
                 for i in range(draw(st.integers(1, 3)))]
    bidders = [Bidder(f"B{i}", f"Bid {i}", Fraction(draw(st.integers(1, 1000))))
               for i in range(draw(st.integers(2, 4)))]
    ev = Evaluation(quality, 100 - quality, panels, questions, bidders)
    ev.scores = [Score(p.panel, f"{p.panel} member", b.bidder, q.question,
                       draw(st.integers(0, 5)), "r")
                 for p in panels for b in bidders for q in questions]
    return ev


@settings(max_examples=120, deadline=None)
@given(adult_and_young())
def test_the_outcome_tells_the_ranking_the_rules_give(ev):
    o = outcome(ev, "next", "final")
    res = sorted(results(ev), key=lambda r: (r.rank, r.bidder))
    assert [place for place, *_ in o.rows] == [r.rank for r in res]
    for (place, _bid, _without, change), r in zip(o.rows, res, strict=True):
        without = r.rank_without_young_people
        gap = abs(without - place)
        assert change == ("same place" if without == place else
                          f"{'up' if place < without else 'down'} {gap} place"
                          + ("s" if gap > 1 else ""))
    firsts = [b.name for b in ev.bidders if b.bidder in {r.bidder for r in res if r.rank == 1}]
    assert all(name in o.chosen for name in firsts)
    assert 0 < young_points(ev) <= ev.quality_weight
    assert young_points(ev) == ev.quality_weight * ev.panels[1].share / (
        ev.panels[0].share + ev.panels[1].share)


def test_hand_worked_grant_round_the_young_people_lift_a_bid_into_funding():
    """Budget 100, each bid asks 60: only the first is funded. With the young people B is
    first (80 v 60 points), so B is funded; without them A would have been."""
    ev = replace(two_bids(1, 5), budget=Fraction(100),
                 bidders=[Bidder("A", "Alpha Trust", Fraction(60)),
                          Bidder("B", "Beta Club", Fraction(60))])
    o = outcome(ev, "", "final")
    assert o.chosen == "The panels funded 1 bid: Beta Club."
    assert [r[3] for r in o.rows] == ["up 1 place; funded", "down 1 place; not funded"]
    assert "Your scores lifted Beta Club into funding." in o.how
    assert "Without your panel, Alpha Trust would have been funded instead." in o.how
    assert o.how[-1].startswith("The table shows")
