"""Every validation case names its sheet and row and says what to fix."""

from __future__ import annotations

import pytest
from tender_cases import rows, small

from workbook.tender import as_json, build


def problems_of(change) -> list[str]:
    sheets = small()
    change(sheets)
    ev, problems = build(sheets)
    return [str(p) for p in problems]


def set_cell(sheet: str, index: int, **values):
    def change(sheets):
        n, row = sheets[sheet][index]
        sheets[sheet][index] = (n, {**row, **values})
    return change


@pytest.mark.parametrize(("change", "expected"), [
    (set_cell("Scores", 0, score=6), "Scores row 2: score 6 is out of range: use a whole number "
                                     "from 0 to 5."),
    (set_cell("Scores", 0, score=-1), "Scores row 2: score -1 is out of range"),
    (set_cell("Scores", 1, score=3.5), "Scores row 3: score 3.5 is not a whole number"),
    (set_cell("Scores", 1, score="good"), "Scores row 3: score 'good' is not a number"),
    (set_cell("Scores", 2, score=None), "Scores row 4: score is blank"),
    (set_cell("Scores", 3, reason="   "), "Scores row 5: reason is blank: every score needs a "
                                          "reason"),
    (set_cell("Scores", 4, panel="Z"), "Scores row 6: panel 'Z' is not on the Panels sheet: "
                                       "use one of A, Y."),
    (set_cell("Scores", 4, bidder="B9"), "Scores row 6: bidder 'B9' is not on the Bidders sheet"),
    (set_cell("Scores", 4, question="Q9"), "Scores row 6: question 'Q9' is not on the Questions"),
    (set_cell("Scores", 4, question="Q3"), "Scores row 6: question 'Q3' is scored only by panel "
                                           "'Y', not 'A'"),
    (set_cell("Scores", 4, member=""), "Scores row 6: member is blank"),
    (set_cell("Agreed", 0, score=7), "Agreed row 2: score 7 is out of range"),
    (set_cell("Agreed", 0, reason=None), "Agreed row 2: reason is blank"),
    (set_cell("Agreed", 0, bidder="B7"), "Agreed row 2: bidder 'B7' is not on the Bidders"),
    (set_cell("Bidders", 0, price=0), "Bidders row 2: price '0' is not a positive number"),
    (set_cell("Bidders", 1, price=-5), "Bidders row 3: price '-5' is not a positive number"),
    (set_cell("Bidders", 1, price="n/a"), "Bidders row 3: price 'n/a' is not a positive number"),
    (set_cell("Questions", 0, weight=0), "Questions row 2: weight '0' is not a positive number"),
    (set_cell("Questions", 2, panel="Q"), "Questions row 4: panel 'Q' is not on the Panels "
                                          "sheet"),
    (set_cell("Panels", 0, young_people="maybe"), "Panels row 2: young_people 'maybe' is not "
                                                  "yes or no"),
    (set_cell("Panels", 0, share=-1), "Panels row 2: share '-1' is not a number of 0 or more"),
    (set_cell("Setup", 1, value=30), "Setup row 2: quality_weight 60 and price_weight 30 add up "
                                     "to 90, not 100: change them so they add up to 100."),
    (set_cell("Setup", 0, value="lots"), "Setup row 1: quality_weight 'lots' is not a number"),
    (lambda s: s["Setup"].pop(), "Setup: there is no price_weight row"),
    (lambda s: s.pop("Bidders"), "Bidders: the workbook has no Bidders sheet"),
    (lambda s: s["Bidders"].append((4, {"bidder": "B1", "name": "again", "price": 3})),
     "Bidders row 4: bidder 'B1' is listed twice (first on row 2)"),
    (lambda s: s["Scores"].append((16, dict(s["Scores"][0][1]))),
     "Scores row 16: a1 already scored bidder 'B1' on question 'Q1' on row 2"),
])
def test_each_problem_is_named_with_sheet_row_and_fix(change, expected):
    got = problems_of(change)
    assert any(p.startswith(expected) for p in got), got


def test_a_member_who_has_not_scored_everything_is_incomplete_not_averaged():
    def drop(sheets):
        # y2 joins panel Y but scores only B1 Q1.
        sheets["Scores"].append((16, {"panel": "Y", "member": "y2", "bidder": "B1",
                                      "question": "Q1", "score": 5, "reason": "fine"}))
    sheets = small()
    drop(sheets)
    ev, problems = build(sheets)
    out = as_json(ev, problems)
    assert out["complete"] is False
    assert out["problems"] == [
        "Scores: y2 (Y) has not scored 5 of 6: B1 Q2, B1 Q3, B2 Q1, B2 Q2, B2 Q3. The result "
        "is incomplete until they are scored or the panel agrees a score."]
    assert len(out["bidders"]) == 2  # shown, and marked incomplete


def test_a_listed_member_with_no_scores_is_incomplete():
    sheets = small()
    sheets["Members"] = rows(("panel", "member"), ("A", "a1"), ("A", "a2"), ("A", "a3"),
                             ("Y", "y1"))
    ev, problems = build(sheets)
    assert [str(p) for p in problems] == [
        "Scores: a3 (A) has not scored 3 of 3: B1 Q1, B1 Q2, B2 Q2. The result is incomplete "
        "until they are scored or the panel agrees a score."]
    sheets["Members"] = rows(("panel", "member"), ("A", "a1"), ("Y", "y1"))
    _, problems = build(sheets)
    assert "Scores row 3: member 'a2' is not a member of panel 'A' on the Members sheet" in (
        str(problems[0]))


def test_blocking_problems_leave_no_figures_but_row_problems_do():
    sheets = small()
    set_cell("Setup", 1, value=30)(sheets)
    ev, problems = build(sheets)
    assert as_json(ev, problems)["bidders"] == []
    sheets = small()
    set_cell("Scores", 0, score=9)(sheets)
    ev, problems = build(sheets)
    out = as_json(ev, problems)
    assert out["complete"] is False and len(out["bidders"]) == 2
    # The bad row is left out: a1 has now not scored B1 Q1, which is reported too (3 cells:
    # A's B2 Q1 is agreed).
    assert any("a1 (A) has not scored 1 of 3: B1 Q1" in p for p in out["problems"])


def test_rankings_must_place_every_bidder_once():
    sheets = small()
    sheets["Rankings"] = rows(("panel", "member", "bidder", "position"),
                              ("Y", "y1", "B1", 1), ("Y", "y1", "B1", 2), ("Y", "y1", "B2", 9))
    _, problems = build(sheets)
    text = [str(p) for p in problems]
    assert any(t.startswith("Rankings row 4: position '9' is not a whole number from 1 "
                            "(favourite) to 2") for t in text), text
    assert any(t.startswith("Rankings row 2: y1's order for panel 'Y' must put every bidder")
               for t in text), text
