"""Stages: each ranks the bids let into it on the questions so far; a shortlist cut between."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from fractions import Fraction

from workbook.tender.model import Evaluation

Totals = Callable[[Evaluation], Mapping[str, Fraction]]


def stage_numbers(ev: Evaluation) -> list[int]:
    """The stages in order (1 when every question is in the one stage)."""
    return sorted({q.stage for q in ev.questions}) or [1]


def staged(ev: Evaluation) -> bool:
    return len(stage_numbers(ev)) > 1


def upto(ev: Evaluation, stage: int) -> Evaluation:
    """The evaluation as it stands at the end of `stage`: its questions and earlier ones."""
    return replace(ev, questions=[q for q in ev.questions if q.stage <= stage])


def ranks_of(values: Mapping[str, Fraction]) -> dict[str, int]:
    """Rank 1 the highest; equal values share the better rank (1, 1, 3), as rules does."""
    return {k: 1 + sum(1 for o in values.values() if o > v) for k, v in values.items()}


@dataclass(frozen=True)
class StageOutcome:
    stages: list[int]
    admitted: dict[int, tuple[str, ...]]  # stage -> the bids scored in it, in Bidders order
    totals: dict[int, dict[str, Fraction]]  # stage -> points so far of each bid let in
    ranks: dict[int, dict[str, int]]  # stage -> rank among the bids let in
    final: dict[str, int]  # a bid reaching a later stage ranks above one cut before it
    reached: dict[str, int]  # bid -> the last stage it was scored in

    def fixed(self, ev: Evaluation, stage: int) -> bool:
        """Whether the facilitator fixed this stage's shortlist (else it is worked out)."""
        return stage in ev.shortlists


def outcome(ev: Evaluation, totals_at: Totals) -> StageOutcome:
    """Each stage's ranking on its questions and the earlier ones, the shortlist let into the
    next (a fixed one as stored, else the top `shortlist` with ties at the cut all going on,
    else every bid), and the final ranking: bids in the last stage first, by their points
    there, then those cut after each earlier stage, by their points at that stage."""
    nums = stage_numbers(ev)
    order = [b.bidder for b in ev.bidders]
    admitted = {nums[0]: tuple(order)}
    totals: dict[int, dict[str, Fraction]] = {}
    ranks: dict[int, dict[str, int]] = {}
    for i, k in enumerate(nums):
        now = totals_at(upto(ev, k))
        totals[k] = {b: now.get(b, Fraction(0)) for b in admitted[k]}
        ranks[k] = ranks_of(totals[k])
        if i + 1 < len(nums):
            nxt = nums[i + 1]
            if nxt in ev.shortlists:
                chosen = set(ev.shortlists[nxt])
            elif ev.shortlist:
                chosen = {b for b, r in ranks[k].items() if r <= ev.shortlist}
            else:
                chosen = set(admitted[k])
            admitted[nxt] = tuple(b for b in admitted[k] if b in chosen)
    final: dict[str, int] = {}
    reached: dict[str, int] = {}
    for k in reversed(nums):
        group = [b for b in admitted[k] if b not in final]
        base = len(final)
        for b in group:
            final[b] = base + 1 + sum(1 for o in group if totals[k][o] > totals[k][b])
            reached[b] = k
    return StageOutcome(nums, admitted, totals, ranks, final, reached)
