"""Open an evaluation from a workbook file or a workshop folder, and print its results."""

from __future__ import annotations

import json
from pathlib import Path

from workbook.io.decode import FileUnreadable
from workbook.model import InputError
from workbook.tender.model import Evaluation, Problem
from workbook.tender.rules import as_json


def load(source: str | Path) -> tuple[Evaluation, list[Problem]]:
    """An evaluation workbook (.xlsx), or the evaluation saved in a workshop folder or URL."""
    text = str(source)
    path = Path(text)
    if "://" not in text and path.suffix.lower() in (".xlsx", ".xlsm"):
        from workbook.tender.xlsx import read_evaluation

        try:
            return read_evaluation(path)
        except FileUnreadable as exc:
            raise InputError(str(exc)) from None
    from workbook.tender.store import TenderStore
    from workbook.workshop import Workshop

    with Workshop.open(text) as ws:
        return TenderStore(ws.store).evaluation()


def print_results(source: str, json_out: bool = False) -> int:
    """Print totals and ranks; exit 0 when complete, 1 when there are problems to fix."""
    ev, problems = load(source)
    out = as_json(ev, problems)
    if json_out:
        print(json.dumps(out, ensure_ascii=False))
        return 0 if out["complete"] else 1
    for p in out["problems"]:
        print(f"To fix: {p}")
    if out["bidders"]:
        grant = "budget_left" in out  # a grant round says funded or not, in words
        print(f"{'rank':>4}  {'bidder':<12} {'quality':>8} {'price':>8} {'total':>8}  "
              "rank without young people" + ("; funding" if grant else "")
              + ("; rank at each stage" if "stages" in out else ""))
        for b in sorted(out["bidders"], key=lambda b: b["rank"]):
            funded = {True: "funded", False: "not funded", None: "not known yet"}
            stages = ", ".join(f"stage {k}: {r}" for k, r in b.get("stage_ranks", {}).items())
            print(f"{b['rank']:>4}  {b['bidder']:<12} {b['quality']:>8.2f} {b['price']:>8.2f} "
                  f"{b['total']:>8.2f}  {b['rank_without_young_people']}"
                  + (f"; {funded[b['funded']]}" if grant else "")
                  + (f"; {stages}" if "stages" in out else ""))
        for k, bids in out.get("stages", {}).items():
            print(f"Stage {k}: {', '.join(bids) or 'not started yet'}.")
        if grant:
            left = out["budget_left"]
            print(f"Budget {out['budget']:,.2f}: "
                  + (f"{left:,.2f} left." if left is not None else "what is left is known "
                     "once the last stage has started."))
    print("Complete." if out["complete"] else "Incomplete: fix the problems above.")
    return 0 if out["complete"] else 1

