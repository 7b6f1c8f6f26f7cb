"""Read and write the evaluation workbook (Setup, Panels, Questions, Bidders, Scores, Agreed)."""

from __future__ import annotations

import io
import warnings
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING

from workbook.io.decode import FileUnreadable
from workbook.io.files import write_atomic
from workbook.io.headers import normalise_header
from workbook.io.limits import capped_rows, check_xlsx, read_capped
from workbook.tender.bids.bid_sheets import BID_COLUMNS, bid_rows
from workbook.tender.model import Evaluation, Problem
from workbook.tender.parse import Rows, blank, build

if TYPE_CHECKING:
    import openpyxl

# The sheets and columns exactly as the issue defines them; the optional ones after.
COLUMNS = {
    "Panels": ("panel", "share", "young_people"),
    "Questions": ("question", "text", "weight", "panel", "stage"),
    "Bidders": ("bidder", "name", "price"),
    "Scores": ("panel", "member", "bidder", "question", "score", "reason"),
    "Agreed": ("panel", "bidder", "question", "score", "reason"),
    "Members": ("panel", "member"),
    "Rankings": ("panel", "member", "bidder", "position"),
    "Descriptors": ("score", "words"),
    **BID_COLUMNS,  # Bids and Profiles: what the panel reads while scoring
}


def _key(header: object) -> str:
    return normalise_header(header).replace(" ", "_")


def _sheet_rows(ws, setup: bool, name: str) -> Rows:
    rows: Rows = []
    header: list[str] | None = None
    # Streamed, and refused at the row cap + 1: memory stays bounded whatever the sheet.
    cells = capped_rows(ws.iter_rows(values_only=True), name, ws.title)
    for n, values in enumerate(cells, start=1):
        if all(blank(v) for v in values):
            continue
        if setup:  # name in column A, value in column B; a header row is simply ignored
            rows.append((n, {"name": values[0], "value": values[1] if len(values) > 1
                             else None}))
        elif header is None:
            header = [_key(v) for v in values]
        else:
            rows.append((n, {h: v for h, v in zip(header, values, strict=False) if h}))
    return rows


def read_sheets(data: bytes, name: str) -> dict[str, Rows]:
    """Each known sheet's rows, keyed by column name; sheet names match case-insensitively."""
    check_xlsx(name, data)  # bytes, and what the zip would unpack to, before openpyxl opens it
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            import openpyxl  # only when a workbook comes in: a page kernel stays light

            book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True,
                                          keep_links=False)
        except Exception:  # noqa: BLE001 - bad zip, missing parts, bad XML: all "damaged"
            raise FileUnreadable(
                f"{name} could not be opened as an Excel workbook; it may be damaged or "
                "protected by a password. Save it again as .xlsx, then load it again."
            ) from None
        try:
            known = {s.lower(): s for s in ("Setup", *COLUMNS)}
            out: dict[str, Rows] = {}
            for ws in book.worksheets:
                title = known.get(ws.title.strip().lower())
                if title:
                    ws.reset_dimensions()
                    out[title] = _sheet_rows(ws, setup=title == "Setup", name=name)
            return out
        except FileUnreadable:
            raise
        except Exception:  # noqa: BLE001 - bad XML, or a cell openpyxl cannot convert
            raise FileUnreadable(
                f"{name} could not be read: a sheet in it is damaged. Save it again as "
                ".xlsx in Excel, then load it again.") from None
        finally:
            book.close()


def read_evaluation(source: str | Path | bytes, name: str | None = None) -> tuple[
        Evaluation, list[Problem]]:
    """Read an evaluation workbook from a path or bytes; every problem is returned, not raised."""
    if isinstance(source, bytes):
        data, label = source, name or "the workbook"
    else:
        path = Path(source)
        data = read_capped(path, name or path.name)  # its size is checked before reading
        label = name or path.name
    title = Path(label).stem.replace("_", " ") if label else "Tender evaluation"
    return build(read_sheets(data, label), name=title)


def _num(x: Fraction) -> int | float:
    return int(x) if x.denominator == 1 else float(x)


def evaluation_rows(ev: Evaluation) -> dict[str, list[list[object]]]:
    """Every sheet of the workbook as rows (header first), the optional sheets included."""
    members = [[p.panel, m] for p in ev.panels for m in ev.members_of(p.panel)]
    return {
        "Setup": [["quality_weight", _num(ev.quality_weight)],
                  ["price_weight", _num(ev.price_weight)],
                  *([["budget", _num(ev.budget)]] if ev.budget is not None else []),
                  *([["shortlist", ev.shortlist]] if ev.shortlist is not None else [])],
        "Panels": [list(COLUMNS["Panels"])] + [
            [p.panel, _num(p.share), "yes" if p.young_people else "no"] for p in ev.panels],
        "Questions": [list(COLUMNS["Questions"])] + [
            [q.question, q.text, _num(q.weight), q.panel, q.stage] for q in ev.questions],
        "Bidders": [list(COLUMNS["Bidders"])] + [
            [b.bidder, b.name, _num(b.price)] for b in ev.bidders],
        "Scores": [list(COLUMNS["Scores"])] + [
            [s.panel, s.member, s.bidder, s.question, s.score, s.reason] for s in ev.scores],
        "Agreed": [list(COLUMNS["Agreed"])] + [
            [a.panel, a.bidder, a.question, a.score, a.reason] for a in ev.agreed],
        "Members": [list(COLUMNS["Members"])] + members,
        "Rankings": [list(COLUMNS["Rankings"])] + [
            [r.panel, r.member, b, i] for r in ev.rankings for i, b in enumerate(r.order, 1)],
        "Descriptors": [list(COLUMNS["Descriptors"])] + [
            [k, v] for k, v in sorted(ev.descriptors.items())],
        **bid_rows(ev),  # Bids and Profiles, when the evaluation has them
    }


def write_workbook(sheets: dict[str, list[list[object]]], path: Path) -> Path:
    """Write sheets of rows (header first) with a bold header and wrapped long text."""
    return write_atomic(Path(path), make_book(sheets).save)


def make_book(sheets: dict[str, list[list[object]]]) -> openpyxl.Workbook:
    import openpyxl
    from openpyxl.styles import Alignment, Font

    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for title, rows in sheets.items():
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(row)
            for cell in ws[ws.max_row]:
                if cell.data_type == "f":
                    cell.data_type = "s"  # participant text is never run as a formula
        if title != "Setup" and rows:
            for cell in ws[1]:
                cell.font = Font(bold=True)
            ws.freeze_panes = "A2"
        for col in ws.columns:
            longest = max((len(str(c.value)) for c in col if c.value is not None), default=8)
            ws.column_dimensions[col[0].column_letter].width = min(max(10, longest + 2), 60)
            if longest > 60:
                for c in col:
                    c.alignment = Alignment(wrap_text=True, vertical="top")
    return wb


def write_evaluation(ev: Evaluation, path: str | Path,
                     extra: dict[str, list[list[object]]] | None = None) -> Path:
    """The evaluation workbook (plus any extra sheets, e.g. the score history)."""
    return write_workbook({**evaluation_rows(ev), **(extra or {})}, Path(path))
