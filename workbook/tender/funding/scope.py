"""What each panel scores when there are stages: later stages score shortlisted bids only."""

from __future__ import annotations

from workbook.tender.funding.staging import stage_numbers, staged
from workbook.tender.model import Evaluation, Problem
from workbook.tender.rules import stage_outcome


def admitted(ev: Evaluation) -> dict[int, tuple[str, ...]]:
    """stage -> the bids scored in it (every bid when there is one stage)."""
    if not staged(ev):
        return {k: tuple(b.bidder for b in ev.bidders) for k in stage_numbers(ev)}
    return stage_outcome(ev).admitted


def cells(ev: Evaluation, panel: str) -> list[tuple[str, str]]:
    """(bidder, question) the panel scores, in bidder then question order."""
    let_in = admitted(ev)
    return [(b.bidder, q.question) for b in ev.bidders for q in ev.questions_for(panel)
            if b.bidder in let_in.get(q.stage, ())]


def open_bidders(ev: Evaluation, question: str) -> list[str]:
    """The bidders scored on this question, in Bidders order (the scoring screen's choice)."""
    q = next((q for q in ev.questions if q.question == question), None)
    let_in = admitted(ev).get(q.stage, ()) if q else ()
    return [b.bidder for b in ev.bidders if b.bidder in let_in]


def stage_problems(ev: Evaluation) -> list[Problem]:
    """A later stage not started yet, and scores given to a bid not let into that stage."""
    if not staged(ev):
        return []
    let_in = admitted(ev)
    out = [Problem("Questions", 0, f"stage {k} has not started: the facilitator shortlists the "
                                   f"bids after stage {k - 1} on the Results view.")
           for k, bids in sorted(ev.shortlists.items()) if not bids]
    stage_of = {q.question: q.stage for q in ev.questions}
    for s in [*ev.scores, *ev.agreed]:
        k = stage_of.get(s.question, 1)
        if ev.shortlists.get(k) != () and s.bidder not in let_in.get(k, ()):
            out.append(Problem("Scores" if hasattr(s, "member") else "Agreed", s.row,
                               f"bidder '{s.bidder}' is not on the shortlist for stage {k}, "
                               f"so its score for question '{s.question}' does not count: "
                               "delete the row."))
    return out
