"""Properties of funding in rank order and of stages, for any ranks, amounts and scores."""

from __future__ import annotations

import random
from dataclasses import replace
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st
from test_tender_properties import evaluations

from workbook.tender.funding.award import fund
from workbook.tender.funding.staging import stage_numbers
from workbook.tender.rules import results, stage_outcome

money = st.integers(1, 1000).map(Fraction)


@st.composite
def rounds(draw):
    n = draw(st.integers(1, 7))
    bids = [f"B{i}" for i in range(n)]
    ranks = {b: draw(st.integers(1, n)) for b in bids}
    amounts = {b: draw(money) for b in bids}
    return ranks, amounts, draw(st.integers(0, 3000).map(Fraction))


@settings(max_examples=300, deadline=None)
@given(rounds())
def test_funding_never_spends_more_than_the_budget_and_says_what_is_left(case):
    ranks, amounts, budget = case
    got = fund(ranks, amounts, budget)
    spent = sum((amounts[b] for b in got.funded), Fraction(0))
    assert spent + got.left == budget and got.left >= 0


@settings(max_examples=300, deadline=None)
@given(rounds())
def test_a_bid_is_passed_over_only_when_it_did_not_fit_in_what_was_left(case):
    ranks, amounts, budget = case
    got = fund(ranks, amounts, budget)
    for b, r in ranks.items():
        group = [o for o, q in ranks.items() if q == r]
        before = sum((amounts[o] for o in got.funded if ranks[o] < r), Fraction(0))
        need = sum((amounts[o] for o in group), Fraction(0))
        # funded exactly when its whole rank group fitted in what better bids left
        assert (b in got.funded) == (need <= budget - before)


@settings(max_examples=200, deadline=None)
@given(rounds(), st.randoms())
def test_funding_does_not_depend_on_the_order_bids_are_listed(case, rnd: random.Random):
    ranks, amounts, budget = case
    keys = list(ranks)
    rnd.shuffle(keys)
    assert fund({k: ranks[k] for k in keys}, amounts, budget) == fund(ranks, amounts, budget)


@settings(max_examples=100, deadline=None)
@given(evaluations(), st.integers(0, 20_000))
def test_a_grant_round_funds_in_its_ranking_within_its_budget(ev, budget):
    ev = replace(ev, budget=Fraction(budget))
    res = results(ev)
    funded = [r for r in res if r.funded]
    assert sum((next(b.price for b in ev.bidders if b.bidder == r.bidder) for r in funded),
               Fraction(0)) <= budget
    # the best-ranked bid alone in its rank is funded whenever its amount fits the budget
    top = [r for r in res if r.rank == 1]
    if len(top) == 1:
        price = next(b.price for b in ev.bidders if b.bidder == top[0].bidder)
        assert top[0].funded == (price <= budget)


@settings(max_examples=100, deadline=None)
@given(evaluations(same_panels=True), st.data())
def test_shortlisted_bids_rank_above_every_bid_cut_before_them(ev, data):
    n = len(ev.bidders)
    later = data.draw(st.sets(st.integers(0, len(ev.questions) - 1)))
    later.discard(0)  # the first question stays in stage 1, so stage 1 is never empty
    ev = replace(ev, questions=[replace(q, stage=2 if i in later else 1)
                                for i, q in enumerate(ev.questions)],
                 shortlist=data.draw(st.integers(1, n)))
    out = stage_outcome(ev)
    ranks = {r.bidder: r.rank for r in results(ev)}
    if stage_numbers(ev) == [1, 2]:
        # exactly the bids ranked within the shortlist after stage 1 go on (ties all go on)
        assert set(out.admitted[2]) == {b for b, r in out.ranks[1].items() if r <= ev.shortlist}
        cut = set(out.admitted[1]) - set(out.admitted[2])
        assert all(ranks[a] < ranks[c] for a in out.admitted[2] for c in cut)
    assert sorted(ranks.values())[0] == 1


@settings(max_examples=100, deadline=None)
@given(evaluations(same_panels=True), st.data())
def test_a_staged_grant_round_funds_only_bids_in_the_last_stage_within_budget(ev, data):
    later = data.draw(st.sets(st.integers(1, max(1, len(ev.questions) - 1))))
    ev = replace(ev, questions=[replace(q, stage=2 if i in later else 1)
                                for i, q in enumerate(ev.questions)],
                 shortlist=data.draw(st.integers(1, len(ev.bidders))),
                 budget=Fraction(data.draw(st.integers(0, 20_000))))
    out = stage_outcome(ev)
    last = out.admitted[out.stages[-1]]
    res = results(ev)
    assert all(r.bidder in last for r in res if r.funded)
    price = {b.bidder: b.price for b in ev.bidders}
    assert sum((price[r.bidder] for r in res if r.funded), Fraction(0)) <= ev.budget
