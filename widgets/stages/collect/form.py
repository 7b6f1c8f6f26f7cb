"""Collect page, part one: type a statement in at a table, or import spreadsheets."""

from __future__ import annotations

import base64
import contextlib
import time
from collections.abc import Iterator
from typing import Any

import ipywidgets as w

from widgets.common.cards import esc, heading
from widgets.common.controls import STYLE
from widgets.common.messages import guarded
from widgets.common.submit import AddForm, Submission, SubmitButton
from workbook import InputError
from workbook.io.decode import FileUnreadable
from workbook.io.exchange import is_export_upload
from workbook.io.ingest import import_upload
from workbook.io.limits import (
    check_file,
    check_size,
    check_upload_count,
    check_upload_total,
    limit_for,
)
from workbook.model import KIND_LABELS, KIND_SYMBOLS, PERSPECTIVE_LABELS, Kind, Perspective
from workbook.stages.collect import ImportReport
from workbook.text import plural

ACCEPT = ".csv,.xlsx,.xlsm,.txt,.tsv,.json"
# A second click this soon after a success is the same double click, not a new request.
DOUBLE_CLICK_SECONDS = 2.0
MAX_REJECTED_SHOWN = 100  # a file of 30,000 bad rows must not become 30,000 table rows
# Restoring a whole workshop replaces everything: the facilitator's action, never a table's.
RESTORE_IS_THE_FACILITATORS = ("it is a whole-workshop export, which only the facilitator can "
                               "restore: open this page from the facilitator's link")

TEMPLATES = (  # the review template's two copies: (ending, MIME type, what it is for)
    (".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
     "Excel: filled in, it imports here as it is"),
    (".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
     "Word, large print: to read, or to fill in by hand"),
)

KIND_OPTIONS = [(f"{KIND_SYMBOLS[k]} {KIND_LABELS[k]}", k.value) for k in Kind]
PERSPECTIVE_OPTIONS = [(PERSPECTIVE_LABELS[p], p.value) for p in Perspective]


def section_title(text: str) -> w.HTML:
    title = w.HTML(heading(text))
    title.add_class("wtfc-section")
    return title


@contextlib.contextmanager
def busy(*buttons: w.Button) -> Iterator[None]:
    """Disable the buttons while an action runs, so an impatient second click waits."""
    for button in buttons:
        button.disabled = True
    try:
        yield
    finally:
        for button in buttons:
            button.disabled = False


def _cell(value: Any) -> str:
    return f'<td style="padding:0.2rem 0.8rem;border-top:1px solid currentColor">{esc(value)}</td>'


def import_report_html(results: list[tuple[str, ImportReport | str]]) -> str:
    """One line per file (added, already there, not imported) and a table of rejected rows.

    A result is an ImportReport, or the plain reason a file could not be read at all.
    Every file name and reason is escaped: both come from outside.
    """
    lines: list[str] = []
    rejected: list[dict[str, Any]] = []
    warnings: list[dict[str, Any]] = []
    for name, result in results:
        if isinstance(result, str):
            lines.append(f"<li><strong>{esc(name)}</strong> could not be read: {esc(result)}</li>")
            continue
        restored = getattr(result, "restored", None)
        if restored:
            what = ", ".join(f"{n:,} {esc(table.replace('_', ' '))}"
                             for table, n in restored.items())
            lines.append(f"<li><strong>{esc(name)}</strong>: restored the whole workshop "
                         f"({what}).</li>")
            continue
        bad = len(result.rejected)
        lines.append(
            f"<li><strong>{esc(name)}</strong>: {result.added:,} added, "
            f"{result.skipped_duplicates:,} already there (not added again), "
            f"{plural(bad, 'row')} not imported"
            + (f", {len(result.warnings):,} worth a look" if result.warnings else "") + ".</li>"
        )
        rejected.extend(result.rejected)
        warnings.extend(result.warnings)
    html = f'<ul class="wtfc-import-summary">{"".join(lines)}</ul>'
    if rejected:
        shown = rejected[:MAX_REJECTED_SHOWN]
        rows = "".join(f"<tr>{_cell(r.get('file', ''))}{_cell(r.get('row', ''))}"
                       f"{_cell(r.get('reason', ''))}</tr>" for r in shown)
        head = "".join(f'<th scope="col" style="text-align:left;padding:0.2rem 0.8rem">{h}</th>'
                       for h in ("File", "Row", "Why it was not imported"))
        html += (f'<table class="wtfc-import-rejected" style="border-collapse:collapse">'
                 f'<caption style="text-align:left;font-weight:700">Rows not imported: fix them '
                 f'in the file and import it again</caption><thead><tr>{head}</tr></thead>'
                 f'<tbody>{rows}</tbody></table>')
        if len(rejected) > len(shown):
            html += (f"<p>Showing the first {len(shown):,} of {plural(len(rejected), 'row')} not "
                     "imported.</p>")
    if warnings:
        html += warnings_html(warnings)
    return f'<div class="wtfc-import-report">{html}</div>'


def warnings_html(warnings: list[dict[str, Any]]) -> str:
    """What was kept (or skipped as already there) but is worth a look: the two top things,
    duplicates, blank rows. Each names its file and its row or review; all escaped."""
    shown = warnings[:MAX_REJECTED_SHOWN]
    rows = "".join(f"<tr>{_cell(w.get('file', ''))}"
                   f"{_cell(w['row'] if 'row' in w else w.get('review', ''))}"
                   f"{_cell(w.get('reason', ''))}</tr>" for w in shown)
    head = "".join(f'<th scope="col" style="text-align:left;padding:0.2rem 0.8rem">{h}</th>'
                   for h in ("File", "Row or review", "Worth a look"))
    html = (f'<table class="wtfc-import-warnings" style="border-collapse:collapse">'
            f'<caption style="text-align:left;font-weight:700">Worth a look: imported, or '
            f'skipped as said, nothing refused</caption><thead><tr>{head}</tr></thead>'
            f'<tbody>{rows}</tbody></table>')
    if len(warnings) > len(shown):
        html += f"<p>Showing the first {len(shown):,} of {len(warnings):,} warnings.</p>"
    return html


class CollectFormMixin:
    """The 'type in a statement' form and the 'import a file' panel of CollectView."""

    def _just_did(self, action: str) -> bool:
        return time.monotonic() - self._done_at.get(action, -1e9) < DOUBLE_CLICK_SECONDS

    def _did(self, action: str) -> None:
        self._done_at[action] = time.monotonic()

    # --- type in a statement ------------------------------------------------------------------
    def _build_add_form(self) -> w.VBox:
        self.review_ref = w.Text(description="Review", placeholder="e.g. R-017", style=STYLE,
                                 layout=w.Layout(width="22rem"))
        self.perspective = w.Dropdown(description="Whose view", options=PERSPECTIVE_OPTIONS,
                                      value="person", style=STYLE, layout=w.Layout(width="22rem"))
        # No kind chosen at first: a statement filed under the wrong kind skews every count.
        self.kind = w.ToggleButtons(description="Kind", options=KIND_OPTIONS, value=None,
                                    style={**STYLE, "button_width": "auto"})
        self.text = w.Textarea(description="What they said",
                               placeholder="One statement, in their words", rows=3, style=STYLE,
                               layout=w.Layout(width="calc(100% - 1rem)"))
        # The click carries the form as the browser shows it (see widgets/common/submit.py).
        self.add_button = SubmitButton("Add statement", button_style="primary",
                                       tooltip="Save this statement for everyone",
                                       fields=[self.review_ref, self.perspective, self.kind,
                                               self.text])
        self.add_button.on_click(lambda _b: self._add())
        self._add_flow = AddForm(self, self.add_button, boxes=[self.text])
        box = w.VBox([section_title("Type in a statement"), self.review_ref, self.perspective,
                      self.kind, self.text, self.add_button])
        box.add_class("wtfc-collect-add")
        return box

    @guarded
    def _add(self) -> None:
        # Review, whose view and kind stay: the same person's next statement is usually next.
        # Only the words are cleared, and only if the box still holds the words saved.
        self._add_flow.run(self._save_statement)

    def _save_statement(self, sub: Submission) -> str:
        if sub[self.kind] is None:
            raise InputError("Choose the kind of statement first: ✔ Working, "
                             "✖ Not working or ➜ For the future.")
        sid = self.workshop.add_statement(sub[self.review_ref], sub[self.kind],
                                          sub[self.perspective], sub[self.text],
                                          actor=self.actor)
        ref = str(sub[self.review_ref]).strip()
        return (f"Added statement No. {sid} for review {ref}. "
                "Type the next one, or change the review for the next person.")

    # --- import files -------------------------------------------------------------------------
    def _build_import(self) -> w.VBox:
        self.upload = w.FileUpload(description="Choose files", accept=ACCEPT, multiple=True,
                                   icon="", layout=w.Layout(width="auto"))
        self.import_button = w.Button(description="Import file", button_style="primary",
                                      tooltip="Import the chosen files")
        self.import_button.on_click(lambda _b: self._import())
        self.import_report = w.HTML()
        self.import_report.add_class("wtfc-import-report")
        hint = w.HTML("<p>Spreadsheets (CSV or Excel) with a column for the review, whose view, "
                      "the kind and the words. Statements already here are not added twice.</p>")
        # The template reviewers fill in comes back in the shape this import reads.
        self.template_button = w.Button(description="Review template for reviewers",
                                        tooltip="Make the review template (Excel and Word) "
                                                "to give reviewers")
        self.template_button.on_click(lambda _b: self._offer_template())
        self.template_links = w.HTML()
        box = w.VBox([section_title("Import statements from a file"), hint,
                      w.HBox([self.upload, self.import_button]), self.import_report,
                      self.template_button, self.template_links])
        box.add_class("wtfc-collect-import")
        return box

    @guarded
    def _offer_template(self) -> None:
        # openpyxl and python-docx load only on a click: page kernels stay light
        from workbook.forms.review_template import template_bytes

        links = "".join(
            f'<li><a download="review-template{suffix}" href="data:{mime};base64,'
            f'{base64.b64encode(template_bytes(suffix)).decode("ascii")}">Download the review '
            f"template ({what})</a></li>" for suffix, mime, what in TEMPLATES)
        self.template_links.value = f'<ul class="wtfc-template-links">{links}</ul>'
        self.messages.ok("The review template is ready: download it below and give it to "
                         "reviewers. The Excel copy, filled in, imports here as it is.")

    @guarded
    def _import(self) -> None:
        files = list(self.upload.value)
        if not files:
            if self._just_did("import"):
                return
            raise InputError("Choose a file first: press “Choose files”, pick the spreadsheet, "
                             "then press “Import file”.")
        try:  # the bytes are in the kernel already: refuse before decoding or copying them
            check_upload_count(len(files))
            check_upload_total(sum(memoryview(f["content"]).nbytes for f in files))
        except InputError:
            self.upload.value = ()  # choose again: a browser cannot untick some of them
            raise
        with busy(self.import_button, self.upload):
            self.messages.info(f"Importing {plural(len(files), 'file')}…")
            results: list[tuple[str, ImportReport | str]] = []
            try:
                for item in files:
                    name = str(item["name"])
                    try:
                        check_size(name, memoryview(item["content"]).nbytes, limit_for(name))
                        data = bytes(item["content"])
                        check_file(name, data)  # an .xlsx's unpacked size, before it is opened
                        if not self.is_facilitator and is_export_upload(data, name):
                            raise FileUnreadable(RESTORE_IS_THE_FACILITATORS)
                        report = import_upload(self.workshop, data, name, actor=self.actor)
                    except FileUnreadable as exc:
                        results.append((name, str(exc)))
                    else:
                        results.append((name, report))
            finally:
                # Clear the choice, so a second press cannot import the same file again.
                self.upload.value = ()
                self.import_report.value = import_report_html(results)
            self._did("import")
            reports = [r for _, r in results if not isinstance(r, str)]
            unreadable = [(n, r) for n, r in results if isinstance(r, str)]
            if not reports:
                name, reason = unreadable[0]
                raise InputError(f"{name} could not be read: {reason}")
            added = sum(r.added for r in reports)
            dupes = sum(r.skipped_duplicates for r in reports)
            bad = sum(len(r.rejected) for r in reports)
            message = (f"Imported {plural(len(reports), 'file')}: "
                       f"{plural(added, 'statement')} added, {dupes:,} already there")
            message += f", {plural(bad, 'row')} not imported (see the list below)." if bad else "."
            looks = sum(len(r.warnings) for r in reports)
            if looks:
                message += f" {plural(looks, 'thing')} worth a look (see below)."
            if unreadable:
                message += (f" {plural(len(unreadable), 'file')} could not be read "
                            "(see below).")
            self.after_write(message)
