"""What the results, charts and reports say about funding and stages, in plain words."""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction

from workbook.tender.funding.staging import staged
from workbook.tender.model import Evaluation
from workbook.tender.rules import BidderResult, funding, results, stage_outcome

FUNDED, NOT_FUNDED = "✔ Funded", "✘ Not funded"


def money(amount: Fraction | float) -> str:
    """'£12,000' for whole pounds, else '£12,000.50'."""
    whole = Fraction(amount).denominator == 1
    return f"£{float(amount):,.0f}" if whole else f"£{float(amount):,.2f}"


def _nth(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def funded_word(ev: Evaluation, r: BidderResult) -> str:
    """'✔ Funded' or '✘ Not funded' (a symbol and a word, never colour alone); 'not yet' until
    the last stage; '' if not a grant round."""
    if ev.budget is None:
        return ""
    if r.funded is None:
        return "not yet"
    return FUNDED if r.funded else NOT_FUNDED


def funded_plain(ev: Evaluation, r: BidderResult) -> str:
    """'funded', 'not funded' or 'funding not known yet', for alt text and CSV."""
    if ev.budget is None:
        return ""
    return ("funding not known yet" if r.funded is None else
            "funded" if r.funded else "not funded")


def budget_line(ev: Evaluation, res: Sequence[BidderResult]) -> str:
    """'Budget £100.00: 3 of 4 bids funded (£100.00); £0.00 left.' plus any tie to break."""
    if ev.budget is None:
        return ""
    grant = funding(ev, {r.bidder: r.rank for r in res})
    if grant is None:
        return (f"Budget {money(ev.budget)}: which bids are funded is known once the last "
                "stage has started and every rank is known.")
    given = ev.budget - grant.left
    line = (f"Budget {money(ev.budget)}: {len(grant.funded)} of {len(res)} bids funded "
            f"({money(given)}); {money(grant.left)} left. Bids are funded in rank order; one "
            "that does not fit in what is left is passed over and the next is tried.")
    for tie in grant.ties:
        line += (f" {' and '.join(tie)} tie in rank and cannot all be funded from what was left, "
                 "so none of them is: the panel can break the tie by agreeing a score.")
    return line


def grant_story(ev: Evaluation, bidder: str) -> str:
    """'Funded: it asked for £50.00 of the £100.00 budget.' ('' if not a grant round)."""
    if ev.budget is None:
        return ""
    res = results(ev)
    r = next(x for x in res if x.bidder == bidder)
    asked = next(b.price for b in ev.bidders if b.bidder == bidder)
    head = {None: "Funding is not known yet", True: "Funded", False: "Not funded"}[r.funded]
    text = f"{head}: it asked for {money(asked)} of the {money(ev.budget)} budget."
    if r.funded is False:
        grant = funding(ev, {x.bidder: x.rank for x in res})
        if any(bidder in tie for tie in (grant.ties if grant else ())):
            text += " It tied in rank with another bid and both could not be funded."
        elif staged(ev) and stage_outcome(ev).reached.get(bidder) != stage_outcome(ev).stages[-1]:
            text += " It was not shortlisted for the last stage."
        else:
            text += " It did not fit in what the better-ranked bids left."
    if r.funded and r.funded_without_young_people is False:
        text += " The young people's scores lifted it into funding."
    return text


def funding_change(res: Sequence[BidderResult]) -> str:
    """'Your scores lifted G3 into funding; without them G1 would have been funded.'"""
    up = [r.bidder for r in res if r.funded and r.funded_without_young_people is False]
    down = [r.bidder for r in res if r.funded is False and r.funded_without_young_people]
    if not up and not down:
        return ""
    parts = []
    if up:
        parts.append(f"Your scores lifted {' and '.join(up)} into funding")
    if down:
        parts.append(f"without them {' and '.join(down)} would have been funded")
    text = "; ".join(parts)
    return text[0].upper() + text[1:] + "."


def stage_story(ev: Evaluation, bidder: str) -> str:
    """'Stage 1: 2nd of 3, shortlisted. Stage 2: 1st of 2.' ('' with one stage)."""
    if not staged(ev):
        return ""
    out = stage_outcome(ev)
    parts = []
    for i, k in enumerate(out.stages):
        if bidder not in out.ranks[k]:
            break
        text = f"Stage {k}: {_nth(out.ranks[k][bidder])} of {len(out.ranks[k])}"
        if i + 1 < len(out.stages):
            nxt = out.stages[i + 1]
            went = bidder in out.admitted[nxt]
            if nxt in ev.shortlists and not ev.shortlists[nxt]:
                text += f", stage {nxt} not started yet"
            else:
                text += ", shortlisted" if went else ", not shortlisted"
        parts.append(text + ".")
    return " ".join(parts)


def stage_ranks_words(ev: Evaluation, bidder: str) -> str:
    """'2nd → 1st', '3rd, cut' (not shortlisted) or '2nd' (the next stage not started yet)."""
    out = stage_outcome(ev)
    ranks = [out.ranks[k][bidder] for k in out.stages if bidder in out.ranks[k]]
    last = out.reached.get(bidder, out.stages[0])
    nxt = next((k for k in out.stages if k > last), None)
    cut = nxt is not None and bool(out.admitted.get(nxt))
    return " → ".join(_nth(r) for r in ranks) + (", cut" if cut else "")


def stages_line(ev: Evaluation) -> str:
    """One line per stage for the results: who was let in, and the shortlist rule."""
    if not staged(ev):
        return ""
    out = stage_outcome(ev)
    rule = (f"the top {ev.shortlist} go on (bids tied at the cut all go on)" if ev.shortlist
            else "every bid goes on")
    lines = []
    for k in out.stages:
        if not out.admitted[k]:
            lines.append(f"Stage {k}: not started yet.")
        else:
            fixed = " (fixed when it started)" if k in ev.shortlists else ""
            lines.append(f"Stage {k}: {', '.join(out.admitted[k])}{fixed}.")
    return (f"Stages: after each stage {rule}; a bid that reached a later stage ranks above "
            "one cut before it. " + " ".join(lines))
