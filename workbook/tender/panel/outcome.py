"""The outcome told to the young people's panel once results are final: who was chosen, how
their scores counted (the ranking with and without their panel), and what happens next."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import TYPE_CHECKING

from workbook.model import InputError
from workbook.tender.panel.briefing import read_settings, write_settings
from workbook.tender.read import roster
from workbook.tender.report import ordinal
from workbook.tender.rules import results, scored_panels, shares, young_panels_scored
from workbook.text import plural

if TYPE_CHECKING:
    from workbook.tender.model import Evaluation, Problem
    from workbook.tender.store import TenderStore


@dataclass(frozen=True)
class Outcome:
    title: str
    chosen: str  # one sentence: who was chosen
    how: list[str]  # how the young people's scores counted, in short sentences
    rows: list[tuple[int, str, str, str]]  # place, bid, place without the panel, change
    next_steps: str
    final: str  # why these results are final


def final_reason(tender: TenderStore, problems: list[Problem]) -> str | None:
    """Why the results are final ('' never): every member submitted and nothing is missing,
    or the facilitator marked them final; None while they are not."""
    with tender.store.read() as conn:
        ev_id = tender.current_id(conn)
        s = read_settings(conn, ev_id)
        people = roster(conn, ev_id)
    if s.final_at:
        return "The facilitator marked these results final."
    if people and not problems:
        return f"All {len(people)} panel members handed in their scores."
    return None


def mark_final(tender: TenderStore, actor: str, final: bool = True) -> None:
    """The facilitator says the results are final (or takes that back); kept in the history."""
    ev, problems = tender.evaluation()
    if final:
        blocking = [p for p in problems if p.blocks]
        if blocking:
            raise InputError(f"The results cannot be final yet: {blocking[0]}")
        if not ev.scores and not ev.agreed:
            raise InputError("The results cannot be final yet: no panel member has handed in "
                             "their scores.")
    summary = "Marked the tender results final" if final else "Results no longer final"
    with tender.store.write(actor, summary) as tx:
        write_settings(tx, tender, final_at=tx.at if final else None)


def young_points(ev: Evaluation) -> Fraction:
    """How many of the 100 points the young people's panels' scores decided."""
    scored = scored_panels(ev)
    split = shares(ev, [p.panel for p in ev.panels if p.panel in scored])
    return ev.quality_weight * sum((v for k, v in split.items() if k in ev.young_panels),
                                   Fraction(0))


def change_words(with_panel: int, without: int | None) -> str:
    if without is None:
        return "not known"
    if without == with_panel:
        return "same place"
    gap = abs(without - with_panel)
    return f"{'up' if with_panel < without else 'down'} {gap} place{'s' if gap > 1 else ''}"


def funding_words(res: list, names: dict[str, str]) -> list[str]:
    """In a grant round: the bids the young people lifted into funding, and any they left out."""
    lifted = [names[r.bidder] for r in res if r.funded and r.funded_without_young_people is False]
    dropped = [names[r.bidder] for r in res if r.funded is False and r.funded_without_young_people]
    return ([f"Your scores lifted {', '.join(lifted)} into funding."] if lifted else []) + (
        [f"Without your panel, {', '.join(dropped)} would have been funded instead."]
        if dropped else [])


def outcome(ev: Evaluation, next_steps: str, final: str) -> Outcome:
    """What the easy-read outcome says, worked out with the result rules."""
    res = sorted(results(ev), key=lambda r: (r.rank, r.bidder))
    names = {b.bidder: b.name for b in ev.bidders}
    first = [names[r.bidder] for r in res if r.rank == 1]
    chosen = (f"The panels chose {first[0]}." if len(first) == 1 else
              "These bids came joint first: " + ", ".join(first) + ". The council will "
              "decide between them.")
    grant = any(r.funded is not None for r in res)
    if grant:  # a grant round: the budget funds bids in rank order
        funded = [names[r.bidder] for r in res if r.funded]
        chosen = (f"The panels funded {plural(len(funded), 'bid')}: {', '.join(funded)}."
                  if funded else "No bid could be funded from the budget.")
    rows = [(r.rank, names[r.bidder],
             ordinal(r.rank_without_young_people) if r.rank_without_young_people else "not known",
             change_words(r.rank, r.rank_without_young_people)
             + (("; funded" if r.funded else "; not funded") if grant else ""))
            for r in res]
    how = []
    if young_panels_scored(ev):
        points = young_points(ev)
        how.append(f"Your panel's scores decided {float(points):g} of the 100 points each bid "
                   "could get.")
        without = min(res, key=lambda r: (r.rank_without_young_people or 99, r.bidder))
        moved = sum(1 for r in res if r.rank_without_young_people not in (None, r.rank))
        if without.rank_without_young_people and without.bidder not in {
                r.bidder for r in res if r.rank == 1}:
            how.append(f"Your scores changed who came first. Without your panel, "
                       f"{names[without.bidder]} would have come first.")
        elif moved:
            how.append(f"Your scores did not change who came first, but they moved "
                       f"{moved} of the {len(res)} bids.")
        else:
            how.append("Your scores agreed with the other panel: the order is the same with "
                       "or without them.")
        how += funding_words(res, names)
        how.append("The table shows each bid's place with your panel and without it.")
    else:
        how.append("Your panel's scores are not in the results yet.")
    title = f"{ev.name[:1].upper()}{ev.name[1:]}: what happened"
    return Outcome(title, chosen, how, rows, next_steps, final)


def panel_outcome(tender: TenderStore) -> Outcome:
    """The outcome for the panel, from submitted scores; refused until results are final."""
    ev, problems = tender.evaluation()
    final = final_reason(tender, problems)
    if final is None:
        raise InputError("Not yet: the outcome is told once the results are final (every "
                         "panel member has handed in, or the facilitator marks them final).")
    if any(p.blocks for p in problems):
        raise InputError(f"Not yet: {next(p for p in problems if p.blocks)}")
    with tender.store.read() as conn:
        s = read_settings(conn, tender.current_id(conn))
    return outcome(ev, s.next_steps, final)
