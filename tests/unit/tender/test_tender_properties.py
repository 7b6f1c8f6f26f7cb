"""Properties of the tender rules that must hold for every evaluation (hypothesis)."""

from __future__ import annotations

from dataclasses import replace
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from workbook.tender.model import Bidder, Evaluation, Panel, Question, Score
from workbook.tender.rules import results

weights = st.integers(1, 10).map(Fraction)
shares = st.integers(0, 10).map(Fraction)


@st.composite
def evaluations(draw, same_panels: bool = False) -> Evaluation:
    quality = Fraction(draw(st.integers(0, 100)))
    n_panels = draw(st.integers(1, 3))
    panel_shares = draw(st.lists(shares, min_size=n_panels, max_size=n_panels))
    if sum(panel_shares) == 0:
        panel_shares[0] = Fraction(1)
    panels = [Panel(f"P{i}", s, i == n_panels - 1 and n_panels > 1)
              for i, s in enumerate(panel_shares)]
    n_q = draw(st.integers(1, 4))
    questions = [Question(f"Q{i}", "", draw(weights),
                          None if same_panels else draw(st.sampled_from([None, *[
                              p.panel for p in panels]])))
                 for i in range(n_q)]
    # Every panel needs a question: make the first one common to all.
    questions[0] = replace(questions[0], panel=None)
    bidders = [Bidder(f"B{i}", "", Fraction(draw(st.integers(1, 10_000))))
               for i in range(draw(st.integers(2, 4)))]
    n_members = draw(st.integers(1, 3))
    ev = Evaluation(quality, 100 - quality, panels, questions, bidders)
    first: dict[tuple, int] = {}
    for p in panels:
        for m in range(n_members):
            for b in bidders:
                for q in ev.questions_for(p.panel):
                    key = (m, b.bidder, q.question)
                    if not same_panels or key not in first:
                        first[key] = draw(st.integers(0, 5))
                    ev.scores.append(Score(p.panel, f"m{m}", b.bidder, q.question, first[key],
                                           "r"))
    return ev


@settings(max_examples=150, deadline=None)
@given(evaluations(), st.data())
def test_raising_one_score_never_lowers_that_bidders_total(ev, data):
    i = data.draw(st.integers(0, len(ev.scores) - 1))
    s = ev.scores[i]
    raised = replace(ev, scores=[*ev.scores[:i], replace(s, score=min(5, s.score + 1)),
                                 *ev.scores[i + 1:]])
    before = {r.bidder: r.total for r in results(ev)}
    after = {r.bidder: r.total for r in results(raised)}
    assert after[s.bidder] >= before[s.bidder]


@settings(max_examples=150, deadline=None)
@given(evaluations(same_panels=True), st.lists(shares, min_size=3, max_size=3))
def test_rank_with_equal_panels_does_not_depend_on_shares(ev, new_shares):
    if sum(new_shares[: len(ev.panels)]) == 0:
        new_shares[0] = Fraction(1)
    reshared = replace(ev, panels=[replace(p, share=new_shares[i])
                                   for i, p in enumerate(ev.panels)])
    assert [r.rank for r in results(ev)] == [r.rank for r in results(reshared)]
    assert [r.total for r in results(ev)] == [r.total for r in results(reshared)]


@settings(max_examples=150, deadline=None)
@given(evaluations())
def test_totals_never_exceed_100(ev):
    for r in results(ev):
        assert 0 <= r.total <= 100
        assert r.quality <= ev.quality_weight and r.price <= ev.price_weight
