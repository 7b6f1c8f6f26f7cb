"""Load an evaluation workbook into a workshop (`wtfc tender load`, and Set up's upload):
every problem listed by sheet and row, and nothing written while one is left to fix."""

from __future__ import annotations

from pathlib import Path

from workbook.io.decode import FileUnreadable
from workbook.model import InputError
from workbook.tender.model import Evaluation, Problem
from workbook.tender.store import TenderStore
from workbook.text import plural


def to_fix(problems: list[Problem]) -> tuple[list[Problem], list[Problem]]:
    """(problems that stop a load, notes that do not). A row that cannot be read, or a
    problem that blocks a result, stops it: loading would quietly drop or misread that row.
    Scores still to give (no row of their own) are only notes: scoring comes later."""
    stop = [p for p in problems if p.blocks or p.row]
    return stop, [p for p in problems if p not in stop]


def fresh_start(ev: Evaluation) -> None:
    """Keep who is on each panel, leave out what they scored (scoring starts in the page)."""
    ev.members = {p.panel: ev.members_of(p.panel) for p in ev.panels}
    ev.scores, ev.agreed, ev.rankings = [], [], []


def summary(ev: Evaluation) -> str:
    members = sum(len(ev.members_of(p.panel)) for p in ev.panels)
    return (f"{plural(len(ev.bidders), 'bid')}, {plural(len(ev.questions), 'question')}, "
            f"{plural(len(ev.panels), 'panel')}, {plural(members, 'member')}, "
            f"{plural(len(ev.bids), 'answer')} and {plural(len(ev.profiles), 'profile')} "
            "to read")


def load_evaluation(tender: TenderStore, ev: Evaluation, problems: list[Problem], actor: str,
                    fresh: bool = False, replace: bool = False) -> list[Problem]:
    """Store a checked evaluation as the current one; InputError (nothing written) when a
    problem stops it or one is already there and `replace` is not given. Returns the notes."""
    stop, notes = to_fix(problems)
    if stop:
        raise InputError(f"{plural(len(stop), 'problem')} to fix first, nothing was loaded: "
                         + "; ".join(str(p) for p in stop[:3]) + (" ..." if len(stop) > 3
                                                                  else ""))
    if not replace and tender.current_id() is not None:
        raise InputError("This workshop already has a tender evaluation: say to replace it "
                         "(the old one stays in the history).")
    if fresh:
        fresh_start(ev)
    tender.load(ev, actor, submitted=not fresh)
    return notes


def load_command(location: str, workbook: str, fresh: bool, replace: bool) -> int:
    """`wtfc tender load`: print every problem as `results` does; 0 when loaded, else 1."""
    from workbook.tender.xlsx import read_evaluation
    from workbook.workshop import Workshop

    path = Path(workbook)
    if path.suffix.lower() not in (".xlsx", ".xlsm"):
        raise InputError(f"{path.name} is not an Excel workbook: load a .xlsx file (make a "
                         "blank one with: wtfc tender template evaluation.xlsx).")
    try:
        ev, problems = read_evaluation(path)
    except FileUnreadable as exc:
        raise InputError(str(exc)) from None
    stop, notes = to_fix(problems)
    for p in stop:
        print(f"To fix: {p}")
    if stop:
        print(f"Nothing was loaded: fix the {plural(len(stop), 'problem')} above in "
              f"{path.name}, then run this again.")
        return 1
    with Workshop.open(location) as ws:
        if ws.tender.current_id() is not None and not replace:
            print("This workshop already has a tender evaluation. Nothing was loaded: add "
                  "--replace to replace it (the old one stays in the history; undo brings it "
                  "back).")
            return 1
        load_evaluation(ws.tender, ev, problems, "command line", fresh=fresh, replace=True)
    for p in notes:
        print(f"Note: {p}")
    print(f"Loaded '{ev.name}' from {path.name}: {summary(ev)}"
          + (" (scoring starts afresh)." if fresh else "."))
    return 0
