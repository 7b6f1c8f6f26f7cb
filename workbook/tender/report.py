"""Exports for the record: the full evaluation workbook, and each bidder's assessment summary."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from workbook.io.files import write_atomic
from workbook.model import InputError
from workbook.tender.model import Evaluation
from workbook.tender.rules import BidderResult, panel_scores, results
from workbook.tender.xlsx import write_evaluation, write_workbook

if TYPE_CHECKING:
    from workbook.tender.store import TenderStore


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def why(ev: Evaluation, bidder: str) -> str:
    """A plain account of why this bid won or lost, in points, for the record."""
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
        "move": _move(r), "points": f"Quality points by panel: {panel_points}.",
        "header": ["panel", "question", "text", "who", "score", "reason"], "rows": rows,
    }


def write_summaries_xlsx(ev: Evaluation, path: Path) -> Path:
    sheets = {}
    for b in ev.bidders:
        s = bidder_summary(ev, b.bidder)
        sheets[b.bidder[:31]] = [[s["title"]], [f"Price: {s['price']:,.2f}"], [s["why"]],
                                 [s["move"]], [s["points"]], [], s["header"], *s["rows"]]
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
        for text in (f"Price: {s['price']:,.2f}", s["why"], s["move"], s["points"]):
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


def export_all(tender: TenderStore, outputs: Path) -> list[Path]:
    """The full evaluation workbook (with history) and each bidder's summary, XLSX and DOCX."""
    ev, problems = tender.evaluation(everyone=True)
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
        "Problems": [["problem"]] + [[str(p)] for p in problems],
    }
    return [
        write_evaluation(ev, outputs / "tender_evaluation.xlsx", extra),
        write_summaries_xlsx(ev, outputs / "tender_assessment_summaries.xlsx"),
        write_summaries_docx(ev, outputs / "tender_assessment_summaries.docx"),
    ]

