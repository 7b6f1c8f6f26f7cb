"""Grant rounds worked by hand: bids funded in rank order from the budget (grant_cases.py)."""

from __future__ import annotations

from fractions import Fraction

from grant_cases import grant
from tender_cases import rows

from workbook.tender import as_json, build, results
from workbook.tender.funding.award import fund


def test_bids_are_funded_in_rank_order_and_one_that_does_not_fit_is_passed_over():
    ev, problems = build(grant())
    assert problems == []
    assert ev.budget == 100
    funded = {r.bidder: r.funded for r in results(ev)}
    assert funded == {"B1": True, "B2": False, "B3": True, "B4": True}
    out = as_json(ev, problems)
    assert out["budget"] == 100 and out["budget_left"] == 0
    assert [(b["bidder"], b["rank"], b["funded"]) for b in out["bidders"]] == [
        ("B1", 1, True), ("B2", 2, False), ("B3", 3, True), ("B4", 4, True)]


def test_what_is_left_is_exact_money():
    # 60.50 funded from 100 (39.50 left); 50 does not fit; 30.25 does (9.25 left); then 10
    # does not fit either: 9.25 is left.
    ev, problems = build(grant(budget="£100", amounts=("60.50", 50, "30.25", 10)))
    assert problems == []
    out = as_json(ev, problems)
    assert out["budget_left"] == 9.25 and [b["funded"] for b in out["bidders"]] == [
        True, False, True, False]


def test_bids_tied_in_rank_are_funded_together_or_passed_over_together():
    # B2 and B3 both score 4 (rank 2) and ask 30 each: 60 does not fit in the 40 left after
    # B1, so neither is funded (the panel breaks the tie if it wants one), and B4 still is.
    ev, _ = build(grant(scores=(5, 4, 4, 2), amounts=(60, 30, 30, 10)))
    assert {r.bidder: r.funded for r in results(ev)} == {
        "B1": True, "B2": False, "B3": False, "B4": True}
    assert fund({"B1": 1, "B2": 2, "B3": 2, "B4": 4},
                {"B1": Fraction(60), "B2": Fraction(30), "B3": Fraction(30), "B4": Fraction(10)},
                Fraction(100)).ties == (("B2", "B3"),)
    # With 60 left after B1 both fit together: both funded.
    ev, _ = build(grant(budget=120, scores=(5, 4, 4, 2), amounts=(60, 30, 30, 10)))
    assert {r.bidder: r.funded for r in results(ev)} == {
        "B1": True, "B2": True, "B3": True, "B4": False}
    assert as_json(ev, [])["budget_left"] == 0


def test_the_young_peoples_scores_can_lift_a_bid_into_funding():
    # Adults A: B1 5, B2 3; young people Y: B1 1, B2 5 (equal shares). Budget 70, each asks
    # 60. With Y: B1 (100+20)/2 = 60, B2 (60+100)/2 = 80 -> B2 funded. Without: B1 funded.
    sheets = grant(budget=70, scores=(5, 3), amounts=(60, 60))
    sheets["Panels"] = rows(("panel", "share", "young_people"), ("A", 1, "no"), ("Y", 1, "yes"))
    sheets["Scores"] += rows(("panel", "member", "bidder", "question", "score", "reason"),
                             ("Y", "y1", "B1", "Q1", 1, "no"), ("Y", "y1", "B2", "Q1", 5, "yes"),
                             start=10)
    ev, problems = build(sheets)
    assert problems == []
    got = {r.bidder: (r.rank, r.funded, r.funded_without_young_people) for r in results(ev)}
    assert got == {"B1": (2, False, True), "B2": (1, True, False)}


def test_an_ordinary_tender_has_no_funding_in_its_json():
    sheets = grant()
    sheets["Setup"] = sheets["Setup"][:2]
    ev, problems = build(sheets)
    out = as_json(ev, problems)
    assert "budget_left" not in out and "funded" not in out["bidders"][0]
    assert all(r.funded is None for r in results(ev))


def test_a_price_is_optional_at_a_price_weight_of_0_but_not_in_a_grant_round():
    sheets = grant()
    sheets["Setup"] = sheets["Setup"][:2]  # no budget: an ordinary tender, price weight 0
    sheets["Bidders"] = rows(("bidder", "name", "price"), ("B1", "N", None), ("B2", "S", ""),
                             ("B3", "E", 0), ("B4", "W", 5))
    ev, problems = build(sheets)
    assert problems == [] and [b.price for b in ev.bidders] == [0, 0, 0, 5]
    sheets["Setup"] = grant()["Setup"]  # a grant round needs each amount requested
    _, problems = build(sheets)
    assert [str(p) for p in problems] == [
        f"Bidders row {n}: bidder '{b}' has no amount requested: in a grant round the price "
        "column is the amount the bid asks for; type it, e.g. 12000." for n, b in
        ((2, "B1"), (3, "B2"), (4, "B3"))]
    assert all(p.blocks for p in problems)
    sheets = grant()
    sheets["Setup"] = [*sheets["Setup"][:1], (2, {"name": "price_weight", "value": 10})]
    sheets["Setup"][0] = (1, {"name": "quality_weight", "value": 90})
    sheets["Bidders"] = rows(("bidder", "name", "price"), ("B1", "N", None))
    _, problems = build(sheets)  # a price weight above 0 still needs every price
    assert "Bidders row 2: price '' is not a positive number" in [str(p)[:48] for p in problems]


def test_a_bad_budget_is_named_by_sheet_and_row():
    for value, why in (("-5", "is below 0"), (0, "is 0"), ("lots", "is not a number")):
        _, problems = build(grant(budget=value))
        assert str(problems[0]) == (
            f"Setup row 3: budget '{value}' {why}: type the money there is to give, e.g. "
            "50000, or delete the row for a tender that is not a grant round.")
        assert problems[0].blocks
    ev, problems = build(grant(budget=""))  # a blank budget: not a grant round
    assert ev.budget is None and problems == []
