"""Tender charts: Figures whose data and alt text state the figures the rules work out."""

from __future__ import annotations

from matplotlib.figure import Figure
from tender_cases import small

from workbook.tender import build
from workbook.tender import charts as tc


def test_charts_state_their_figures():
    ev, _ = build(small())
    totals = tc.totals_chart(ev)
    assert isinstance(totals.figure, Figure)
    # Hand working in tender_cases.small: B2 86.5 = A 18 + Y 28.5 + price 40.
    assert "1. B2 86.50 (A 18.00, Y 28.50, price 40.00)" in totals.alt
    assert "2. B1 63.50 (A 24.00, Y 7.50, price 32.00)" in totals.alt
    assert totals.data["total"].tolist() == [86.5, 63.5]

    change = tc.rank_change_chart(ev)
    assert "B1 1 to 2; B2 2 to 1" in change.alt
    assert change.data["moved"].tolist() == [1, -1]

    share = tc.young_share_chart(ev, steps=4)
    assert "(agreed share 50%)" in share.alt
    assert "B1 from 1 at 0% to 2 at 100% (first at 0%)" in share.alt
    assert share.data["young_people_share_percent"].tolist() == [0, 25, 50, 75, 100]


def test_borda_chart_compares_favourites_with_scores():
    sheets = small()
    sheets["Rankings"] = [(2, {"panel": "Y", "member": "y1", "bidder": "B1", "position": 1}),
                          (3, {"panel": "Y", "member": "y1", "bidder": "B2", "position": 2})]
    ev, _ = build(sheets)
    chart = tc.borda_chart(ev, "Y")
    # y1 scored B2 higher (95% v 25%) but named B1 favourite: the orders cross.
    assert "B1 2 to 1; B2 1 to 2" in chart.alt and "Borda points: B1 1, B2 0." in chart.alt
    for c in (chart, tc.totals_chart(ev)):
        assert c.png()[:4] == b"\x89PNG"
