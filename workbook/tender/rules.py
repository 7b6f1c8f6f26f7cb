"""The result rules: panel scores, quality and price points, totals, ranks, and the Borda count.

All arithmetic is exact (fractions), so equal totals really are equal and share a rank.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from fractions import Fraction

from workbook.tender.funding.award import Funding, fund
from workbook.tender.funding.staging import StageOutcome, outcome, staged
from workbook.tender.model import MAX_SCORE, Evaluation, Problem

Cell = tuple[str, str, str]  # panel, bidder, question


@dataclass(frozen=True)
class BidderResult:
    bidder: str
    quality: Fraction
    price: Fraction
    total: Fraction
    rank: int
    rank_without_young_people: int | None
    by_panel: dict[str, Fraction]  # quality points each panel contributed
    funded: bool | None = None  # None: not a grant round
    funded_without_young_people: bool | None = None
    stage_ranks: dict[int, int] = field(default_factory=dict)  # stage -> rank (if let in)


def round2(x: Fraction) -> float:
    """Half away from zero to two decimals (as people round money), from the exact value."""
    sign = -1 if x < 0 else 1
    n = (abs(x) * 100 + Fraction(1, 2)).__floor__()
    return sign * n / 100


def panel_scores(ev: Evaluation) -> dict[Cell, Fraction]:
    """A panel's score per bidder and question: the agreed score, else its members' mean."""
    given: dict[Cell, list[int]] = defaultdict(list)
    for s in ev.scores:
        given[(s.panel, s.bidder, s.question)].append(s.score)
    out = {cell: Fraction(sum(v), len(v)) for cell, v in given.items()}
    for a in ev.agreed:
        out[(a.panel, a.bidder, a.question)] = Fraction(a.score)
    return out


def quality_percent(ev: Evaluation,
                    cells: Mapping[Cell, Fraction]) -> dict[tuple[str, str], Fraction]:
    """(panel, bidder) -> sum(weight x score) / (5 x sum(weight)) x 100, over scored questions.

    A question nobody on the panel has scored yet is left out (the result is then marked
    incomplete), rather than counted as a zero.
    """
    out: dict[tuple[str, str], Fraction] = {}
    for p in ev.panels:
        questions = ev.questions_for(p.panel)
        for b in ev.bidders:
            scored = [(q.weight, cells[(p.panel, b.bidder, q.question)])
                      for q in questions if (p.panel, b.bidder, q.question) in cells]
            weight = sum((w for w, _ in scored), Fraction(0))
            if weight:
                out[(p.panel, b.bidder)] = (
                    sum((w * s for w, s in scored), Fraction(0)) / (MAX_SCORE * weight) * 100
                )
    return out


def scored_panels(ev: Evaluation) -> set[str]:
    """Panels with at least one score or agreed score: a panel that has not scored yet is left
    out of the totals (counting it as 0% would present an empty panel as changing the ranking)."""
    return {s.panel for s in ev.scores} | {a.panel for a in ev.agreed}


def young_panels_scored(ev: Evaluation) -> bool:
    """Whether any young people's panel has scored, so its effect on the ranking can be shown."""
    return bool(set(ev.young_panels) & scored_panels(ev))


def shares(ev: Evaluation, panels: Iterable[str]) -> dict[str, Fraction]:
    """The chosen panels' shares, normalised to add up to 1 (empty if they add up to 0)."""
    chosen = {p.panel: p.share for p in ev.panels if p.panel in set(panels)}
    total = sum(chosen.values(), Fraction(0))
    return {k: v / total for k, v in chosen.items()} if total else {}


def young_share_split(ev: Evaluation, young: Fraction) -> dict[str, Fraction]:
    """Shares when young people's panels together hold `young` (0..1) of the quality weight."""
    scored = scored_panels(ev)
    yp = shares(ev, [p for p in ev.young_panels if p in scored])
    adult = shares(ev, [p.panel for p in ev.panels if not p.young_people and p.panel in scored])
    if not yp:
        return adult
    if not adult:
        return yp
    return {**{k: v * young for k, v in yp.items()},
            **{k: v * (1 - young) for k, v in adult.items()}}


def price_points(ev: Evaluation) -> dict[str, Fraction]:
    prices = [b.price for b in ev.bidders if b.price > 0]
    if not prices:
        return {}
    lowest = min(prices)
    return {b.bidder: ev.price_weight * lowest / b.price for b in ev.bidders if b.price > 0}


def competition_ranks(values: Mapping[str, Fraction]) -> dict[str, int]:
    """Rank 1 is the highest; equal values share the better rank (1, 1, 3)."""
    return {k: 1 + sum(1 for o in values.values() if o > v) for k, v in values.items()}


def totals(ev: Evaluation, panel_shares: Mapping[str, Fraction],
           pct: Mapping[tuple[str, str], Fraction] | None = None) -> dict[str, Fraction]:
    """Each bidder's total (quality + price points) with the given normalised panel shares."""
    pct = quality_percent(ev, panel_scores(ev)) if pct is None else pct
    price = price_points(ev)
    out = {}
    for b in ev.bidders:
        quality = sum((s * pct.get((p, b.bidder), Fraction(0)) for p, s in panel_shares.items()),
                      Fraction(0))
        out[b.bidder] = ev.quality_weight * quality / 100 + price.get(b.bidder, Fraction(0))
    return out


def ranking(ev: Evaluation, panel_shares: Mapping[str, Fraction],
            pct: Mapping[tuple[str, str], Fraction] | None = None) -> dict[str, int]:
    """Each bidder's rank with these panel shares; with stages, a bid that reached a later
    stage ranks above one cut before it (workbook.tender.funding.staging)."""
    if staged(ev):
        return outcome(ev, lambda sub: totals(sub, panel_shares)).final
    return competition_ranks(totals(ev, panel_shares, pct))


def stage_outcome(ev: Evaluation) -> StageOutcome:
    """Each stage's ranking and shortlist, with the panels that have scored."""
    scored = scored_panels(ev)
    panel_shares = shares(ev, [p.panel for p in ev.panels if p.panel in scored])
    return outcome(ev, lambda sub: totals(sub, panel_shares))


def funding(ev: Evaluation, ranks: Mapping[str, int | None]) -> Funding | None:
    """In a grant round, which bids the budget funds in this rank order: only bids scored in
    the last stage can be funded. None when it is not a grant round, ranks are unknown or a
    later stage has not started."""
    if ev.budget is None or any(r is None for r in ranks.values()):
        return None
    if any(not bids for bids in ev.shortlists.values()):
        return None  # a later stage has not started: funding follows the last stage
    stages = stage_outcome(ev) if staged(ev) else None
    last = stages.admitted[stages.stages[-1]] if stages else None
    amounts = {b.bidder: b.price for b in ev.bidders}
    return fund({b: r for b, r in ranks.items() if last is None or b in last}, amounts,
                ev.budget)


def results(ev: Evaluation) -> list[BidderResult]:
    """Quality, price and total points and both ranks for every bidder, in Bidders order."""
    pct = quality_percent(ev, panel_scores(ev))
    scored = scored_panels(ev)
    all_shares = shares(ev, [p.panel for p in ev.panels if p.panel in scored])
    price = price_points(ev)
    by_panel = {
        b.bidder: {p.panel: ev.quality_weight * all_shares.get(p.panel, Fraction(0))
                   * pct.get((p.panel, b.bidder), Fraction(0)) / 100 for p in ev.panels}
        for b in ev.bidders
    }
    total = {b.bidder: sum(by_panel[b.bidder].values(), Fraction(0)) + price.get(b.bidder, 0)
             for b in ev.bidders}
    ranks = ranking(ev, all_shares, pct)
    adults = [p.panel for p in ev.panels if not p.young_people and p.panel in scored]
    if not ev.young_panels:
        without: dict[str, int | None] = dict(ranks)
    elif not young_panels_scored(ev):
        # Not available until the young people have scored: there is no effect to show yet.
        without = {b.bidder: None for b in ev.bidders}
    elif adults:
        without = dict(ranking(ev, shares(ev, adults), pct))
    else:
        without = {b.bidder: None for b in ev.bidders}  # no panel left to score quality
    grant, grant_without = funding(ev, ranks), funding(ev, without)
    by_stage = stage_outcome(ev).ranks if staged(ev) else {}
    return [
        BidderResult(
            b.bidder,
            quality=sum(by_panel[b.bidder].values(), Fraction(0)),
            price=price.get(b.bidder, Fraction(0)),
            total=total[b.bidder],
            rank=ranks[b.bidder],
            rank_without_young_people=without[b.bidder],
            by_panel=by_panel[b.bidder],
            funded=None if grant is None else b.bidder in grant.funded,
            funded_without_young_people=(None if grant_without is None
                                         else b.bidder in grant_without.funded),
            stage_ranks={k: r[b.bidder] for k, r in by_stage.items() if b.bidder in r},
        )
        for b in ev.bidders
    ]


def ranks_by_young_share(ev: Evaluation, steps: int = 10) -> dict[int, dict[str, int]]:
    """Young people's share in percent (0, 10, ... 100) -> each bidder's rank."""
    pct = quality_percent(ev, panel_scores(ev))
    return {
        round(100 * i / steps): ranking(ev, young_share_split(ev, Fraction(i, steps)), pct)
        for i in range(steps + 1)
    }


def borda(ev: Evaluation, panel: str) -> dict[str, int]:
    """Borda points from members' favourite-to-least-favourite orders: with n bidders the
    favourite gets n-1 points, the next n-2, ... the least favourite 0."""
    n = len(ev.bidders)
    points = {b.bidder: 0 for b in ev.bidders}
    for r in ev.rankings:
        if r.panel == panel:
            for place, bidder in enumerate(r.order):
                if bidder in points:
                    points[bidder] += n - 1 - place
    return points


def as_json(ev: Evaluation, problems: list[Problem]) -> dict:
    """The shape `wtfc tender results --json` prints; no bidder figures if setup is broken."""
    fatal = any(p.blocks for p in problems)
    res = [] if fatal else results(ev)
    bidders = [
        {
            "bidder": r.bidder,
            "quality": round2(r.quality),
            "price": round2(r.price),
            "total": round2(r.total),
            "rank": r.rank,
            "rank_without_young_people": r.rank_without_young_people,
            **({} if ev.budget is None else {"funded": r.funded}),
            **({"stage_ranks": {str(k): v for k, v in r.stage_ranks.items()}}
               if r.stage_ranks else {}),
        }
        for r in res
    ]
    out = {"complete": not problems, "problems": [str(p) for p in problems], "bidders": bidders}
    if staged(ev) and not fatal:  # the bids let into each stage, in Bidders order
        out["stages"] = {str(k): list(v) for k, v in stage_outcome(ev).admitted.items()}
    if ev.budget is not None:  # a grant round: what the funded bids leave of the budget
        grant = None if fatal else funding(ev, {r.bidder: r.rank for r in res})
        out["budget"] = round2(ev.budget)
        out["budget_left"] = None if grant is None else round2(grant.left)
    return out
