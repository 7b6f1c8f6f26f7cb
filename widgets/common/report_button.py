"""A "Make the report" control for any page: writes the report to outputs/ and offers it."""

from __future__ import annotations

import base64
import re

import ipywidgets as w

from widgets.common.cards import esc
from widgets.common.controls import wide
from widgets.common.messages import MessageArea, guarded
from widgets.common.page import Drawer
from workbook import Workshop
from workbook.report import write_report

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
# Short labels: the choice sits beside Undo in the page's header on the big screen.
CHOICES = (
    ("Full report: web page", ("html", ".html", "text/html")),
    ("Full report: Word", ("docx", ".docx", DOCX)),
    ("Easy read: web page", ("easy-read", "-easy-read.html", "text/html")),
    ("Easy read: Word", ("easy-read-docx", "-easy-read.docx", DOCX)),
)


class ReportButton(w.VBox):
    """"Report" opens a small panel (over the page, not pushing it down): choose a format,
    make the report; a download link appears (the file is in outputs/)."""

    def __init__(self, workshop: Workshop, messages: MessageArea):
        self.workshop = workshop
        self.messages = messages
        self.format = w.Dropdown(description="Format", options=CHOICES, value=CHOICES[0][1],
                                 style={"description_width": "initial"},
                                 layout=wide(30))
        self.make_button = w.Button(description="Make the report")
        self.make_button.on_click(lambda _b: self.make())
        self.link = w.HTML()
        self.saved = None
        # One button in the page's header, so the header keeps room for its messages.
        self.drawer = Drawer("Report", [self.format, self.make_button, self.link])
        self.drawer.toggle.tooltip = "Make the WTfC report: choose its format"
        super().__init__([self.drawer])
        self.add_class("wtfc-report-button")
        self.add_class("wtfc-popover")  # Escape or a click outside closes it (popover.js)

    @guarded
    def make(self) -> None:
        fmt, suffix, mime = self.format.value
        stem = re.sub(r"[^A-Za-z0-9]+", "-", self.workshop.name).strip("-").lower() or "workshop"
        path = self.workshop.outputs / f"{stem}-report{suffix}"
        self.saved = write_report(self.workshop, fmt, path)
        data = base64.b64encode(self.saved.read_bytes()).decode("ascii")
        self.link.value = (f'<a class="wtfc-download" download="{esc(path.name)}" '
                           f'href="data:{mime};base64,{data}">Download {esc(path.name)}</a>')
        self.messages.ok(f"The report is ready: {path.name} (also saved in the outputs folder).")
