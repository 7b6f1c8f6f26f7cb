"""What the record says about grants and stages: each bid's account, the CLI's lines, and a
workbook written and read back with its budget, shortlist and stages."""

from __future__ import annotations

from grant_cases import grant, two_stages
from tender_cases import rows

from workbook.tender import build, read_evaluation, write_evaluation
from workbook.tender.funding.wording import budget_line, stage_ranks_words, stages_line
from workbook.tender.report import why
from workbook.tender.rules import results
from workbook.tender.source import print_results


def test_each_bid_is_told_whether_it_is_funded_and_why_not():
    ev, _ = build(grant())
    assert why(ev, "B1").endswith("Funded: it asked for £60 of the £100 budget.")
    assert why(ev, "B2").endswith("Not funded: it asked for £50 of the £100 budget. It "
                                  "did not fit in what the better-ranked bids left.")
    assert budget_line(ev, results(ev)) == (
        "Budget £100: 3 of 4 bids funded (£100); £0 left. Bids are funded in rank "
        "order; one that does not fit in what is left is passed over and the next is tried.")
    tied, _ = build(grant(scores=(5, 4, 4, 2), amounts=(60, 30, 30, 10)))
    assert why(tied, "B3").endswith("It tied in rank with another bid and both could not be "
                                    "funded.")
    assert "B2 and B3 tie in rank and cannot all be funded from what was left, so none of " \
           "them is: the panel can break the tie by agreeing a score." in budget_line(
               tied, results(tied))


def test_a_bid_lifted_into_funding_by_the_young_people_is_told_so():
    sheets = grant(budget=70, scores=(5, 3), amounts=(60, 60))
    sheets["Panels"] = rows(("panel", "share", "young_people"), ("A", 1, "no"), ("Y", 1, "yes"))
    sheets["Scores"] += rows(("panel", "member", "bidder", "question", "score", "reason"),
                             ("Y", "y1", "B1", "Q1", 1, "no"), ("Y", "y1", "B2", "Q1", 5, "yes"),
                             start=10)
    ev, _ = build(sheets)
    assert why(ev, "B2").endswith("Funded: it asked for £60 of the £70 budget. The young "
                                  "people's scores lifted it into funding.")


def test_each_bid_is_told_its_stages():
    ev, _ = build(two_stages())
    assert "Stage 1: 2nd of 3, shortlisted. Stage 2: 1st of 2." in why(ev, "B1")
    assert "Stage 1: 3rd of 3, not shortlisted." in why(ev, "B3")
    assert [stage_ranks_words(ev, b) for b in ("B1", "B2", "B3")] == [
        "2nd → 1st", "1st → 2nd", "3rd, cut"]
    assert stages_line(ev) == (
        "Stages: after each stage the top 2 go on (bids tied at the cut all go on); a bid that "
        "reached a later stage ranks above one cut before it. Stage 1: B1, B2, B3. Stage 2: B1, "
        "B2.")


def test_a_workbook_keeps_its_budget_shortlist_and_stages(tmp_path, capsys):
    sheets = two_stages()
    sheets["Setup"] = [*sheets["Setup"], (4, {"name": "budget", "value": 100})]
    sheets["Bidders"] = rows(("bidder", "name", "price"), ("B1", "N", 50), ("B2", "S", 60),
                             ("B3", "E", 10))
    ev, problems = build(sheets)
    assert problems == []
    path = write_evaluation(ev, tmp_path / "grant.xlsx")
    again, problems = read_evaluation(path)
    assert problems == []
    assert (again.budget, again.shortlist, [q.stage for q in again.questions]) == (
        100, 2, [1, 2])
    assert print_results(str(path)) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].endswith("rank without young people; funding; rank at each stage")
    assert [line.split(";", 1)[-1].strip() for line in lines[1:4]] == [
        "funded; stage 1: 2, stage 2: 1", "not funded; stage 1: 1, stage 2: 2",
        "not funded; stage 1: 3"]
    assert lines[4:7] == ["Stage 1: B1, B2, B3.", "Stage 2: B1, B2.",
                          "Budget 100.00: 50.00 left."]


def test_a_grant_bids_summary_says_amount_requested(tmp_path):
    from docx import Document

    from workbook.tender.report import bidder_summary, write_summaries_docx

    ev, _ = build(grant())
    assert bidder_summary(ev, "B2")["price_label"] == "Amount requested"
    text = "\n".join(p.text for p in Document(write_summaries_docx(
        ev, tmp_path / "s.docx")).paragraphs)
    assert "Amount requested: 50.00" in text and "Not funded: it asked for £50" in text


def test_the_young_people_are_told_which_bid_their_scores_lifted_into_funding():
    from workbook.tender.views import what_changed

    sheets = grant(budget=70, scores=(5, 3), amounts=(60, 60))
    sheets["Panels"] = rows(("panel", "share", "young_people"), ("A", 1, "no"), ("Y", 1, "yes"))
    sheets["Scores"] += rows(("panel", "member", "bidder", "question", "score", "reason"),
                             ("Y", "y1", "B1", "Q1", 1, "no"), ("Y", "y1", "B2", "Q1", 5, "yes"),
                             start=10)
    ev, _ = build(sheets)
    assert what_changed(ev) == (
        "Your scores changed who comes first: Group B2 (B2) is first with your panel; without "
        "it, Group B1 (B1) would be. 2 of 2 bidders moved. Your scores lifted B2 into funding; "
        "without them B1 would have been funded.")
    ev.budget = None
    assert what_changed(ev).endswith("2 of 2 bidders moved.")
