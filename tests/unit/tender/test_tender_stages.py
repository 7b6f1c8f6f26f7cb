"""Stages worked by hand: each ranked on its questions so far, a shortlist cut between them."""

from __future__ import annotations

from grant_cases import grant, two_stages
from tender_cases import rows

from workbook.tender import as_json, build, results
from workbook.tender.funding.scope import cells, open_bidders
from workbook.tender.rules import stage_outcome


def test_the_shortlist_goes_on_and_the_final_ranking_follows_the_last_stage():
    ev, problems = build(two_stages())
    assert problems == []
    got = {r.bidder: (r.rank, r.stage_ranks) for r in results(ev)}
    assert got == {"B1": (1, {1: 2, 2: 1}), "B2": (2, {1: 1, 2: 2}), "B3": (3, {1: 3})}
    out = stage_outcome(ev)
    assert out.admitted == {1: ("B1", "B2", "B3"), 2: ("B1", "B2")}
    assert out.reached == {"B1": 2, "B2": 2, "B3": 1}
    assert as_json(ev, problems)["stages"] == {"1": ["B1", "B2", "B3"], "2": ["B1", "B2"]}
    assert [b["stage_ranks"] for b in as_json(ev, problems)["bidders"]] == [
        {"1": 2, "2": 1}, {"1": 1, "2": 2}, {"1": 3}]


def test_a_later_stage_is_scored_only_for_the_shortlisted_bids():
    ev, _ = build(two_stages())
    assert cells(ev, "A") == [("B1", "Q1"), ("B1", "Q2"), ("B2", "Q1"), ("B2", "Q2"),
                              ("B3", "Q1")]
    assert open_bidders(ev, "Q2") == ["B1", "B2"] and open_bidders(ev, "Q1") == [
        "B1", "B2", "B3"]


def test_a_cut_bid_ranks_below_every_shortlisted_bid_whatever_its_points():
    # B2 scores 0 at interview: 50 points so far; B3 had 60 after stage 1 but was cut.
    ev, _ = build(two_stages(stage2={"B1": 5, "B2": 0}))
    assert {r.bidder: r.rank for r in results(ev)} == {"B1": 1, "B2": 2, "B3": 3}


def test_bids_tied_at_the_cut_all_go_on():
    sheets = two_stages(shortlist=1, stage2={"B1": 2, "B2": 3, "B3": 4})
    sheets["Scores"] = rows(("panel", "member", "bidder", "question", "score", "reason"),
                            *[("A", "a1", b, "Q1", 4, "same") for b in ("B1", "B2", "B3")],
                            *[("A", "a1", b, "Q2", s, "i") for b, s in (("B1", 2), ("B2", 3),
                                                                       ("B3", 4))])
    ev, problems = build(sheets)
    assert problems == []
    assert stage_outcome(ev).admitted[2] == ("B1", "B2", "B3")
    assert {r.bidder: r.rank for r in results(ev)} == {"B1": 3, "B2": 2, "B3": 1}


def test_without_a_shortlist_every_bid_goes_on():
    sheets = two_stages(stage2={"B1": 5, "B2": 1, "B3": 5})
    sheets["Setup"] = sheets["Setup"][:2]
    ev, problems = build(sheets)
    assert problems == [] and stage_outcome(ev).admitted[2] == ("B1", "B2", "B3")
    # stage 2 totals: B1 90, B2 60, B3 (3+5)/10 = 80
    assert {r.bidder: r.rank for r in results(ev)} == {"B1": 1, "B2": 3, "B3": 2}


def test_a_missing_interview_score_is_named_and_a_cut_bids_score_does_not_count():
    ev, problems = build(two_stages(stage2={"B1": 5, "B3": 5}))
    assert [str(p) for p in problems] == [
        "Scores: a1 (A) has not scored 1 of 5: B2 Q2. The result is incomplete until they "
        "are scored or the panel agrees a score.",
        "Scores row 6: bidder 'B3' is not on the shortlist for stage 2, so its score for "
        "question 'Q2' does not count: delete the row."]
    assert not any(p.blocks for p in problems)


def test_a_grant_round_in_stages_funds_only_bids_in_the_last_stage():
    sheets = two_stages()
    sheets["Setup"] = [*sheets["Setup"], (4, {"name": "budget", "value": 100})]
    sheets["Bidders"] = rows(("bidder", "name", "price"), ("B1", "N", 50), ("B2", "S", 60),
                             ("B3", "E", 10))
    ev, problems = build(sheets)
    assert problems == []
    # B1 (1st) 50: funded, 50 left; B2 (2nd) 60 does not fit; B3 was cut: never funded.
    assert {r.bidder: r.funded for r in results(ev)} == {"B1": True, "B2": False, "B3": False}
    assert as_json(ev, problems)["budget_left"] == 50


def test_stage_and_shortlist_problems_are_named_by_sheet_and_row():
    sheets = two_stages(shortlist=4)
    _, problems = build(sheets)
    assert str(problems[0]) == ("Setup row 3: shortlist 4 is bigger than the 3 bidders: type a "
                                "smaller number, so the shortlist leaves some bids out.")
    for value, why in (("two", "is not a number"), (0, "is not a whole number of 1 or more"),
                       (1.5, "is not a whole number of 1 or more")):
        _, problems = build(two_stages(shortlist=value))
        assert str(problems[0]) == (f"Setup row 3: shortlist '{value}' {why}: type how many "
                                    "bids go on to the next stage, e.g. 3.")
    sheets = two_stages()
    sheets["Questions"] = rows(("question", "text", "weight", "panel", "stage"),
                               ("Q1", "Written", 1, None, 1), ("Q2", "Interview", 1, None, 3))
    sheets["Scores"] = sheets["Scores"][:3]
    _, problems = build(sheets)
    assert str(problems[0]) == ("Questions row 3: stage 3 is an unknown stage: there is no "
                                "stage 2 before it. Number the stages 1, 2, ... without gaps.")
    sheets["Questions"][1][1]["stage"] = "later"
    _, problems = build(sheets)
    assert any(str(p).startswith("Questions row 3: stage 'later' is not a number: type a "
                                 "whole number from 1 to 5") for p in problems)
    one = grant()
    one["Setup"] = [*one["Setup"], (4, {"name": "shortlist", "value": 2})]
    _, problems = build(one)
    assert [str(p) for p in problems] == [
        "Setup row 4: shortlist 2 has no next stage to shortlist for: give the later stage's "
        "questions stage 2 on the Questions sheet, or delete the shortlist row."]
