"""Exports for the record: the full evaluation workbook, and each bidder's assessment summary
(one Word file per bidder, beside the winning bid, panel members named by role)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from workbook.io.files import write_atomic
from workbook.model import InputError
from workbook.tender.funding.wording import grant_story, stage_story
from workbook.tender.model import Evaluation
from workbook.tender.rules import BidderResult, panel_scores, results
from workbook.tender.xlsx import write_evaluation, write_workbook

if TYPE_CHECKING:
    from workbook.tender.store import TenderStore


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def why(ev: Evaluation, bidder: str) -> str:
    """A plain account of why this bid won or lost, in points, with its stages and whether a
    grant round funds it, for the record."""
    extra = " ".join(x for x in (stage_story(ev, bidder), grant_story(ev, bidder)) if x)
    return _why(ev, bidder) + (" " + extra if extra else "")


def _why(ev: Evaluation, bidder: str) -> str:
    res = {r.bidder: r for r in results(ev)}
    me = res[bidder]
    ordered = sorted(res.values(), key=lambda r: (r.rank, r.bidder))
    n = len(ordered)
    head = (f"Ranked {ordinal(me.rank)} of {n} with {float(me.total):.2f} points out of 100 "
            f"(quality {float(me.quality):.2f}, price {float(me.price):.2f}).")
    if me.rank == 1:
        ties = [r for r in ordered if r.rank == 1 and r.bidder != bidder]
        if ties:
            return head + " Tied for first with " + ", ".join(r.bidder for r in ties) + "."
        second = next((r for r in ordered if r.rank > 1), None)
        gap = (f" {float(me.total - second.total):.2f} points ahead of {second.bidder} "
               f"({ordinal(second.rank)}).") if second else ""
        return head + " The highest total: this bid won." + gap
    winner = ordered[0]
    parts = [f"{float(winner.total - me.total):.2f} points behind {winner.bidder}, "
             f"the winner ({float(winner.total):.2f})."]
    dq, dp = winner.quality - me.quality, winner.price - me.price
    if dq > 0:
        parts.append(f"It scored {float(dq):.2f} fewer quality points")
        parts.append(f"and {float(dp):.2f} fewer price points." if dp > 0 else
                     f"but {float(-dp):.2f} more price points." if dp < 0 else
                     "at the same price points.")
    else:
        parts.append(f"Its quality points were {float(-dq):.2f} higher, but it was dearer: "
                     f"{float(dp):.2f} fewer price points.")
    return head + " " + " ".join(parts)


def _move(r: BidderResult) -> str:
    w = r.rank_without_young_people
    if w is None:
        return ("The young people's panel has not scored yet (or no other panel has), so "
                "its effect on this bid's rank is not known.")
    if w == r.rank:
        return "The young people's panel did not change this bid's rank."
    return (f"Without the young people's panel it would have ranked {ordinal(w)}; with it, "
            f"{ordinal(r.rank)}.")


def bidder_summary(ev: Evaluation, bidder: str) -> dict:
    """What a bidder's summary holds: headline, reasons, and every score with its reason."""
    r = next(x for x in results(ev) if x.bidder == bidder)
    b = next(x for x in ev.bidders if x.bidder == bidder)
    used = panel_scores(ev)
    agreed = {(a.panel, a.bidder, a.question): a for a in ev.agreed}
    rows = []
    for p in ev.panels:
        for q in ev.questions_for(p.panel):
            for s in ev.scores:
                if (s.panel, s.bidder, s.question) == (p.panel, bidder, q.question):
                    rows.append([p.panel, q.question, q.text, s.member, s.score, s.reason])
            a = agreed.get((p.panel, bidder, q.question))
            if a is not None:
                rows.append([p.panel, q.question, q.text, "Agreed by the panel", a.score,
                             a.reason])
            score = used.get((p.panel, bidder, q.question))
            if score is not None:
                rows.append([p.panel, q.question, q.text, "Score used", f"{float(score):.2f}",
                             "agreed score" if a else "mean of the members' scores"])
    panel_points = "; ".join(f"{p}: {float(v):.2f}" for p, v in r.by_panel.items())
    return {
        "title": f"{b.bidder} {b.name}", "price": float(b.price), "why": why(ev, bidder),
        "price_label": "Amount requested" if ev.budget is not None else "Price",
        "move": _move(r), "points": f"Quality points by panel: {panel_points}.",
        "header": ["panel", "question", "text", "who", "score", "reason"], "rows": rows,
    }


def write_summaries_xlsx(ev: Evaluation, path: Path) -> Path:
    sheets = {}
    for b in ev.bidders:
        s = bidder_summary(ev, b.bidder)
        sheets[b.bidder[:31]] = [[s["title"]], [f"{s['price_label']}: {s['price']:,.2f}"],
                                 [s["why"]], [s["move"]], [s["points"]], [], s["header"],
                                 *s["rows"]]
    return write_workbook(sheets, path)


def write_summaries_docx(ev: Evaluation, path: Path) -> Path:
    from docx import Document

    doc = Document()
    doc.core_properties.title = f"{ev.name}: assessment summaries"
    doc.add_heading(f"{ev.name}: assessment summaries", level=0)
    doc.add_paragraph(f"Quality {float(ev.quality_weight):g}%, price "
                      f"{float(ev.price_weight):g}%. Panels: " + ", ".join(
                          f"{p.panel} (share {float(p.share):g}"
                          + (", young people" if p.young_people else "") + ")"
                          for p in ev.panels) + ".")
    for i, b in enumerate(ev.bidders):
        if i:
            doc.add_page_break()
        s = bidder_summary(ev, b.bidder)
        doc.add_heading(s["title"], level=1)
        for text in (f"{s['price_label']}: {s['price']:,.2f}", s["why"], s["move"], s["points"]):
            doc.add_paragraph(text)
        doc.add_heading("Scores and reasons", level=2)
        table = doc.add_table(rows=1, cols=5)
        table.style = "Table Grid"
        for cell, text in zip(table.rows[0].cells, ("Panel", "Question", "Who", "Score",
                                                    "Reason"), strict=True):
            cell.text = text
        for panel, q, _text, who, score, reason in s["rows"]:
            cells = table.add_row().cells
            for cell, text in zip(cells, (panel, q, who, score, reason), strict=True):
                cell.text = str(text)
    return write_atomic(Path(path), doc.save)


def role_names(ev: Evaluation) -> dict[tuple[str, str], str]:
    """(panel, member) -> 'Panel member 1' or 'Young person 2': what a bidder's summary calls
    each member, numbered in panel order, the same in every bidder's file."""
    out: dict[tuple[str, str], str] = {}
    counts = {True: 0, False: 0}
    for p in ev.panels:
        for name in ev.members_of(p.panel):
            counts[p.young_people] += 1
            role = "Young person" if p.young_people else "Panel member"
            out[(p.panel, name)] = f"{role} {counts[p.young_people]}"
    return out


def winning_bid(ev: Evaluation) -> str | None:
    """The first-ranked bidder (the first in Bidders order among any tied)."""
    ranked = sorted(results(ev), key=lambda r: (r.rank, [b.bidder for b in ev.bidders].index(
        r.bidder)))
    return ranked[0].bidder if ranked else None


def _points(value) -> str:
    return "" if value is None else f"{float(value):.2f}"


def beside_winner(ev: Evaluation, bidder: str) -> dict:
    """A bidder's scores beside the winning bid's: the score each panel used per question,
    then each member's score (by role) and the agreed scores, with this bid's reasons."""
    win = winning_bid(ev)
    used = panel_scores(ev)
    roles = role_names(ev)
    agreed = {(a.panel, a.bidder, a.question): a for a in ev.agreed}
    given = {(s.panel, s.member, s.bidder, s.question): s for s in ev.scores}
    used_rows, member_rows = [], []
    for p in ev.panels:
        for q in ev.questions_for(p.panel):
            used_rows.append([p.panel, q.question, q.text,
                              _points(used.get((p.panel, bidder, q.question))),
                              _points(used.get((p.panel, win, q.question)))])
            for name in ev.members_of(p.panel):
                mine = given.get((p.panel, name, bidder, q.question))
                theirs = given.get((p.panel, name, win, q.question))
                if mine or theirs:
                    member_rows.append([p.panel, q.question, roles[(p.panel, name)],
                                        "" if mine is None else mine.score,
                                        "" if theirs is None else theirs.score,
                                        "" if mine is None else mine.reason])
            a, aw = agreed.get((p.panel, bidder, q.question)), agreed.get((p.panel, win,
                                                                           q.question))
            if a or aw:
                member_rows.append([p.panel, q.question, "Agreed by the panel",
                                    "" if a is None else a.score, "" if aw is None else aw.score,
                                    "" if a is None else a.reason])
    return {"winner": win, "used": used_rows, "members": member_rows}


def _file_name(code: str, taken: set[str]) -> str:
    stem = re.sub(r"[^A-Za-z0-9_-]+", "_", code).strip("_")[:40] or "bidder"
    name, n = f"assessment_summary_{stem}.docx", 2
    while name.lower() in taken:
        name, n = f"assessment_summary_{stem}_{n}.docx", n + 1
    taken.add(name.lower())
    return name


def _table(doc, header: list[str], rows: list[list[object]]) -> None:
    table = doc.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text
    for row in rows:
        for cell, text in zip(table.add_row().cells, row, strict=True):
            cell.text = str(text)


def bidder_summary_docx(ev: Evaluation, bidder: str, path: Path, status: str) -> Path:
    """One bidder's assessment summary as its own Word file."""
    from docx import Document

    b = next(x for x in ev.bidders if x.bidder == bidder)
    s, side = bidder_summary(ev, bidder), beside_winner(ev, bidder)
    win = side["winner"]
    won = win == bidder
    doc = Document()
    doc.core_properties.title = f"Assessment summary: {b.bidder} {b.name}"
    doc.add_heading(f"Assessment summary: {b.bidder} {b.name}", level=0)
    doc.add_paragraph(f"{ev.name}. Made on {date.today():%d %B %Y}. {status}")
    doc.add_paragraph(f"Quality {float(ev.quality_weight):g}%, price "
                      f"{float(ev.price_weight):g}%. Each question is scored 0 to 5.")
    for text in (f"{s['price_label']}: {s['price']:,.2f}", s["why"], s["move"], s["points"]):
        doc.add_paragraph(text)
    win_name = next(x.name for x in ev.bidders if x.bidder == win) if win else ""
    if won:
        doc.add_heading("This bid's scores (the winning bid)", level=1)
        _table(doc, ["Panel", "Question", "This bid"],
               [[p, q, mine] for p, q, _t, mine, _w in side["used"]])
    else:
        doc.add_heading(f"This bid beside the winning bid ({win} {win_name})", level=1)
        _table(doc, ["Panel", "Question", "This bid", "Winning bid"],
               [[p, q, mine, theirs] for p, q, _t, mine, theirs in side["used"]])
    doc.add_paragraph("The score used is the panel's agreed score, or else the mean of its "
                      "members' submitted scores.")
    doc.add_heading("Each panel member's scores", level=1)
    doc.add_paragraph("Panel members are named by their role, not by name.")
    if won:
        _table(doc, ["Panel", "Question", "Who", "Score", "Reason"],
               [[p, q, who, mine, why_] for p, q, who, mine, _w, why_ in side["members"]])
    else:
        _table(doc, ["Panel", "Question", "Who", "This bid", "Winning bid",
                     "Reason given for this bid"], side["members"])
    doc.add_heading("The questions", level=1)
    for q in ev.questions:
        doc.add_paragraph(f"{q.question}: {q.text}")
    return write_atomic(Path(path), doc.save)


def write_bidder_summaries(tender: TenderStore, outputs: Path) -> list[Path]:
    """Each bidder's assessment summary, its own Word file in `outputs`, from submitted scores
    only; the files say how many panel members had submitted when they were made."""
    from workbook.tender.read import roster

    ev, problems = tender.evaluation()
    blocking = [p for p in problems if p.blocks]
    if blocking:
        raise InputError(f"No summaries yet: {blocking[0]}")
    with tender.store.read() as conn:
        people = roster(conn, tender.current_id(conn))
    done = sum(1 for m in people if m["submitted_at"])
    if not ev.scores and not ev.agreed:
        raise InputError("No summaries yet: no panel member has submitted their scores.")
    status = (f"Based on the scores submitted by {done} of {len(people)} panel members"
              + ("." if done == len(people) else ": not final, as some have still to submit."))
    outputs.mkdir(parents=True, exist_ok=True)
    taken: set[str] = set()
    return [bidder_summary_docx(ev, b.bidder, outputs / _file_name(b.bidder, taken), status)
            for b in ev.bidders]


def export_all(tender: TenderStore, outputs: Path) -> list[Path]:
    """The full evaluation workbook (with history and the submissions) and the summaries of
    all bidders, XLSX and DOCX, for the record: results from submitted scores only; every
    score ever given, drafts included, is in the History sheet."""
    ev, problems = tender.evaluation()
    blocking = [p for p in problems if p.blocks]
    if blocking:
        raise InputError(f"Nothing to export yet: {blocking[0]}")
    outputs.mkdir(parents=True, exist_ok=True)
    history = tender.history()
    extra = {
        "History": [["at", "who", "kind", "panel", "member", "bidder", "question", "score",
                     "reason", "withdrawn"]]
        + [[h[k] for k in ("at", "who", "kind", "panel", "member", "bidder", "question",
                           "score", "reason")] + ["yes" if h["withdrawn"] else "no"]
           for h in history],
        "Submissions": [["at", "who", "action", "panel", "member", "reason", "scores"]]
        + [[h[k] for k in ("at", "who", "action", "panel", "member", "reason", "scores")]
           for h in tender.submissions()],
        "Problems": [["problem"]] + [[str(p)] for p in problems],
    }
    return [
        write_evaluation(ev, outputs / "tender_evaluation.xlsx", extra),
        write_summaries_xlsx(ev, outputs / "tender_assessment_summaries.xlsx"),
        write_summaries_docx(ev, outputs / "tender_assessment_summaries.docx"),
    ]

