"""Tender result rules against evaluations worked by hand (see tender_cases.small)."""

from __future__ import annotations

from fractions import Fraction

from tender_cases import SCORE_COLS, rows, small

from workbook.tender import as_json, borda, build, results
from workbook.tender.charts import totals_chart
from workbook.tender.rules import competition_ranks, ranks_by_young_share, round2


def test_small_case_matches_the_hand_working():
    ev, problems = build(small())
    assert problems == []
    got = as_json(ev, problems)
    assert got == {
        "complete": True,
        "problems": [],
        "bidders": [
            {"bidder": "B1", "quality": 31.5, "price": 32.0, "total": 63.5, "rank": 2,
             "rank_without_young_people": 1},
            {"bidder": "B2", "quality": 46.5, "price": 40.0, "total": 86.5, "rank": 1,
             "rank_without_young_people": 2},
        ],
    }
    by = {r.bidder: r for r in results(ev)}
    # Panel A gives B1 60 x 0.5 x 80 / 100 = 24 points, panel Y 60 x 0.5 x 25 / 100 = 7.5.
    assert by["B1"].by_panel == {"A": 24, "Y": Fraction(15, 2)}


def test_agreed_score_replaces_the_members_mean():
    sheets = small()
    sheets["Agreed"] = []
    ev, _ = build(sheets)
    # B2 Q1 for A is now mean(3, 2) = 2.5: (2*2.5+3)/15*100 = 53.33..; quality
    # 60*(0.5*160/3 + 0.5*95)/100 = 0.3*(160/3+95) = 16 + 28.5 = 44.5
    b2 = next(r for r in results(ev) if r.bidder == "B2")
    assert b2.quality == Fraction(89, 2)


def test_equal_totals_share_the_better_rank():
    assert competition_ranks({"a": Fraction(5), "b": Fraction(7), "c": Fraction(5),
                              "d": Fraction(1)}) == {"b": 1, "a": 2, "c": 2, "d": 4}
    sheets = small()
    # Two identical bids at the same price: one rank between them.
    sheets["Bidders"] = rows(("bidder", "name", "price"), ("B1", "x", 100), ("B2", "y", 100))
    same = [r for r in sheets["Scores"] if r[1]["bidder"] == "B1"]
    sheets["Scores"] = same + [(n + 50, {**r, "bidder": "B2"}) for n, r in same]
    sheets["Agreed"] = []
    ev, problems = build(sheets)
    assert problems == []
    assert [r.rank for r in results(ev)] == [1, 1]


def test_rounding_is_half_up_from_the_exact_value():
    assert round2(Fraction(100, 3)) == 33.33
    assert round2(Fraction(200, 3)) == 66.67
    assert round2(Fraction(1005, 1000)) == 1.01  # float rounding would give 1.0
    # Three members scoring 4, 4, 5 on the only question: 13/3 of 5 = 86.666..%.
    sheets = small()
    sheets["Questions"] = rows(("question", "text", "weight", "panel"), ("Q1", "t", 1, None))
    sheets["Panels"] = rows(("panel", "share", "young_people"), ("A", 1, "no"))
    sheets["Scores"] = rows(SCORE_COLS, *[("A", m, b, "Q1", s, "r") for m, s in
                                          (("a1", 4), ("a2", 4), ("a3", 5)) for b in ("B1", "B2")])
    sheets["Agreed"] = []
    ev, problems = build(sheets)
    assert problems == []
    out = as_json(ev, problems)["bidders"]
    # quality 60 * 86.666../100 = 52.0; B1 price 32 -> 84.0; B2 price 40 -> 92.0
    assert [(b["quality"], b["total"]) for b in out] == [(52.0, 84.0), (52.0, 92.0)]
    # No young people's panel: the ranking without it is the same ranking.
    assert [b["rank_without_young_people"] for b in out] == [b["rank"] for b in out]


def test_rank_as_the_young_peoples_share_moves():
    ev, _ = build(small())
    by_share = ranks_by_young_share(ev, steps=4)
    # 0%: adults only (B1 80, B2 76); 100%: young people only:
    # B1 60*25/100+32 = 47, B2 60*95/100+40 = 97. At 25%: B1 60*(.75*80+.25*25)/100+32
    # = 39.75+32 = 71.75; B2 60*(.75*60+.25*95)/100+40 = 41.25+40 = 81.25.
    assert by_share[0] == {"B1": 1, "B2": 2}
    assert by_share[25] == {"B1": 2, "B2": 1}
    assert by_share[100] == {"B1": 2, "B2": 1}
    assert set(by_share) == {0, 25, 50, 75, 100}


def test_borda_count_of_favourite_orders():
    sheets = small()
    sheets["Bidders"].append((4, {"bidder": "B3", "name": "z", "price": 90}))
    sheets["Rankings"] = rows(
        ("panel", "member", "bidder", "position"),
        ("Y", "y1", "B2", 1), ("Y", "y1", "B3", 2), ("Y", "y1", "B1", 3),
        ("Y", "y2", "B3", 1), ("Y", "y2", "B2", 2), ("Y", "y2", "B1", 3))
    ev, problems = build(sheets)
    # 3 bidders: favourite 2 points, second 1, last 0.
    # B2: 2 + 1 = 3; B3: 1 + 2 = 3; B1: 0 + 0 = 0.
    assert borda(ev, "Y") == {"B1": 0, "B2": 3, "B3": 3}
    assert borda(ev, "A") == {"B1": 0, "B2": 0, "B3": 0}
    assert not any(p.sheet == "Rankings" for p in problems)


def test_a_panel_that_has_not_scored_is_left_out_not_counted_as_zero():
    sheets = small()
    sheets["Scores"] = [r for r in sheets["Scores"] if r[1]["panel"] != "Y"]
    ev, problems = build(sheets)
    got = as_json(ev, problems)
    # Only panel A counts (share 1): B1 60*80/100 + 32 = 80, B2 60*60/100 + 40 = 76. Counting
    # Y as 0% would give B1 56, B2 58 and a made-up "young people's effect" (B2 up 1).
    assert got["complete"] is False
    assert any("'Y'" in p for p in got["problems"])
    assert got["bidders"] == [
        {"bidder": "B1", "quality": 48.0, "price": 32.0, "total": 80.0, "rank": 1,
         "rank_without_young_people": None},
        {"bidder": "B2", "quality": 36.0, "price": 40.0, "total": 76.0, "rank": 2,
         "rank_without_young_people": None},
    ]
    assert {r.bidder: r.by_panel["Y"] for r in results(ev)} == {"B1": 0, "B2": 0}
    totals = totals_chart(ev)
    assert "1. B1 80.00 (A 48.00, price 32.00)" in totals.alt
    assert totals.alt.endswith("Not yet scored, so left out: Y.")
    # The share chart has nothing to move until the young people have scored.
    assert set(map(str, ranks_by_young_share(ev).values())) == {str({"B1": 1, "B2": 2})}
