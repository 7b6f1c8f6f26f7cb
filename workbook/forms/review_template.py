"""The review template councils give reviewers: Excel that imports as it is, and Word to read."""

from __future__ import annotations

import io
from pathlib import Path
from typing import BinaryIO

from workbook.forms.review_content import (  # noqa: F401 - the template's vocabulary, here too
    DETAIL_COLUMNS,
    HEADINGS,
    HOW_TO_FILL,
    MOST_REVIEWS,
    QUESTIONS_SHEET,
    REF,
    RETURN_WORD,
    REVIEW_TYPES,
    SHEET,
    STATEMENT_COLUMNS,
    TITLE,
    TWO_TOP_THINGS,
    VIEW,
    VIEWS,
    WHAT_MATTERS,
)
from workbook.model import MAX_REVIEW_REF, InputError


def review_refs(refs: list[str] | None) -> list[str | None]:
    """A block of rows per reference given (checked as the importer checks them), else one
    block left blank to fill in."""
    if not refs:
        return [None]
    if len(refs) > MOST_REVIEWS:
        raise InputError(f"That is {len(refs):,} reviews; a template holds at most "
                         f"{MOST_REVIEWS}. Make several templates.")
    cleaned = []
    for ref in refs:
        ref = str(ref).strip()
        if not ref or len(ref) > MAX_REVIEW_REF:
            raise InputError(f"The review reference {ref!r} must be 1 to {MAX_REVIEW_REF} "
                             "characters, such as R-017 (never a name).")
        cleaned.append(ref)
    return list(dict.fromkeys(cleaned))


def write_template(out: str | Path, refs: list[str] | None = None, *,
                   overwrite: bool = False) -> Path:
    """Write the template as .xlsx or .docx (by the name's ending); return the path."""
    out = Path(out)
    suffix = out.suffix.lower()
    if suffix not in (".xlsx", ".docx"):
        raise InputError("Name the template with .xlsx (Excel, the copy that imports) or "
                         ".docx (Word), such as review.xlsx.")
    if out.exists() and not overwrite:
        raise InputError(f"{out} is there already (it may be filled in). Choose another "
                         "name, or add --force to write over it.")
    if not out.parent.is_dir():
        raise InputError(f"There is no folder {out.parent}. Make it first, or choose another.")
    blocks = review_refs(refs)
    if suffix == ".xlsx":
        write_xlsx(out, blocks)
    else:
        from workbook.forms.review_word import write_docx

        write_docx(out, blocks)
    return out


def template_bytes(suffix: str, refs: list[str] | None = None) -> bytes:
    """The template as a file's bytes (".xlsx" or ".docx"), for a page to offer for download."""
    out = io.BytesIO()
    if suffix == ".xlsx":
        write_xlsx(out, review_refs(refs))
    elif suffix == ".docx":
        from workbook.forms.review_word import write_docx

        write_docx(out, review_refs(refs))
    else:
        raise InputError("A template is .xlsx (Excel) or .docx (Word).")
    return out.getvalue()


def write_xlsx(out: Path | BinaryIO, blocks: list[str | None]) -> None:
    """The statements sheet (instructions above the heading row) and the questions sheet."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    book = Workbook()
    sheet = book.active
    sheet.title = SHEET
    wrap = Alignment(wrap_text=True, vertical="top")
    body, bold = Font(name="Arial", size=14), Font(name="Arial", size=14, bold=True)
    sheet["A1"] = TITLE
    sheet["A1"].font = Font(name="Arial", size=22, bold=True)
    for row, line in enumerate(HOW_TO_FILL, start=2):
        # Each line across the whole table, tall enough for its wrapped text in 14 pt.
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=len(HEADINGS))
        cell = sheet.cell(row=row, column=1, value=line)
        cell.font, cell.alignment = body, wrap
        sheet.row_dimensions[row].height = 40
    head = len(HOW_TO_FILL) + 3  # a blank row between the instructions and the headings
    edge = Side(style="thin", color="000000")
    box = Border(left=edge, right=edge, top=edge, bottom=edge)
    fill = PatternFill("solid", fgColor="DDDDDD")  # black on light grey: strong contrast
    for column, heading in enumerate(HEADINGS, start=1):
        cell = sheet.cell(row=head, column=column, value=heading)
        cell.font, cell.alignment, cell.border, cell.fill = bold, wrap, box, fill
        wide = heading in STATEMENT_COLUMNS
        sheet.column_dimensions[get_column_letter(column)].width = 34 if wide else 22
    sheet.row_dimensions[head].height = 58
    row = head
    for ref in blocks:
        for view in VIEWS:
            row += 1
            sheet.cell(row=row, column=1, value=ref)
            sheet.cell(row=row, column=2, value=view)
            for column in range(1, len(HEADINGS) + 1):
                cell = sheet.cell(row=row, column=column)
                cell.font, cell.alignment, cell.border = body, wrap, box
            sheet.row_dimensions[row].height = 90
    first, last = head + 1, row
    date_at = get_column_letter(HEADINGS.index("Review date") + 1)
    for r in range(first, last + 1):
        sheet[f"{date_at}{r}"].number_format = "dd/mm/yyyy"
    _validate(sheet, DataValidation, first, last)
    sheet.freeze_panes = sheet.cell(row=head + 1, column=3)  # headings, reference and view
    sheet.print_title_rows = f"{head}:{head}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    _questions_sheet(book.create_sheet(QUESTIONS_SHEET), Font, wrap)
    book.properties.title = TITLE
    book.save(out)


def _validate(sheet, DataValidation, first: int, last: int) -> None:  # noqa: N803 - a class
    """Lists to choose from where the importer reads only some words; a note elsewhere."""
    from openpyxl.utils import get_column_letter

    def column(heading: str) -> str:
        letter = get_column_letter(HEADINGS.index(heading) + 1)
        return f"{letter}{first}:{letter}{last}"

    rules = (
        (VIEW, ",".join(VIEWS), "stop", "Choose whose view this row gives."),
        ("Consent to use words", "yes,no", "stop",
         "yes: the person agreed to their words being used; no: they did not."),
        ("Review type", ",".join(REVIEW_TYPES), "information",
         "Choose one, or type another kind of review."),
    )
    for heading, options, style, prompt in rules:
        rule = DataValidation(type="list", formula1=f'"{options}"', allow_blank=True,
                              errorStyle=style, showErrorMessage=True, showInputMessage=True,
                              promptTitle=heading[:32], prompt=prompt)
        rule.error = prompt
        rule.add(column(heading))
        sheet.add_data_validation(rule)
    when = DataValidation(type="date", operator="greaterThan", formula1="1", allow_blank=True,
                          showErrorMessage=True, showInputMessage=True,
                          promptTitle="Review date",
                          prompt="The date of the review, such as 01/03/2026.")
    when.error = "Type a date, such as 01/03/2026."
    when.add(column("Review date"))
    sheet.add_data_validation(when)


def _questions_sheet(sheet, Font, wrap) -> None:  # noqa: N803 - openpyxl's class
    sheet["A1"] = "What matters to you"
    sheet["A1"].font = Font(name="Arial", size=22, bold=True)
    sheet.column_dimensions["A"].width = 100
    row = 2
    sheet.cell(row=row, column=1, value="Ask these first, in the person's own way. Then write "
               "the two top things on the sheet 'Review'.").font = Font(name="Arial", size=14)
    for question, follow_ups in WHAT_MATTERS:
        row += 2
        sheet.cell(row=row, column=1, value=question).font = Font(name="Arial", size=18,
                                                                  bold=True)
        for follow in follow_ups:
            row += 1
            cell = sheet.cell(row=row, column=1, value=f"•  {follow}")
            cell.font, cell.alignment = Font(name="Arial", size=14), wrap
    row += 2
    cell = sheet.cell(row=row, column=1, value=TWO_TOP_THINGS)
    cell.font, cell.alignment = Font(name="Arial", size=14, bold=True), wrap
    sheet.row_dimensions[row].height = 60
