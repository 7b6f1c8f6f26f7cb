"""The Review page's easy read: its points with their pictures, long sentences, the files."""

from __future__ import annotations

import base64
import logging
import re
from typing import TYPE_CHECKING

import ipywidgets as w

from widgets.common.cards import esc, heading, scroll_region
from widgets.common.controls import STYLE, button, labelled_box, note, row, set_options, wide
from widgets.common.messages import guarded
from widgets.common.page import Hush
from workbook.easyread.choices import choose_picture
from workbook.easyread.document import EasyRead, build
from workbook.easyread.output import easy_read_bytes, picture_cache
from workbook.easyread.pictures import PICTURES, picture_png
from workbook.easyread.sentences import EASY_WORDS
from workbook.io.files import write_atomic
from workbook.model import InputError

if TYPE_CHECKING:
    from widgets.common.page import StageView

log = logging.getLogger("wtfc.widgets.easyread.section")
PREVIEW_PX = 64
ONLY_FACILITATOR = ("Only the facilitator can change the easy read's pictures. Ask the "
                    "facilitator, on the big screen's link.")
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
# The tables that change what the easy read says (meta: the picture choices). Not statements:
# a table typing at Collect would rebuild it for one figure (the count of reviews).
WATCHES = frozenset({"feedback", "themes", "meta", "reviews", "hear_back"})
NONE = ""


def points_html(doc: EasyRead, uris: dict[str, str]) -> str:
    """The easy read as it will read, each point with its picture and alt text (escaped)."""
    parts = []
    for section in doc.sections:
        parts.append(heading(section.heading, 3))
        for p in section.points:
            lines = "".join(f"<p>{esc(line)}</p>" for line in p.lines)
            flag = (f"<p class='wtfc-easy-flag'><strong>Too long:</strong> "
                    f"{len(p.long)} sentence(s) over {EASY_WORDS} words (listed below)</p>"
                    if p.long else "")
            parts.append(
                f"<div class='wtfc-easy-point' "
                f"style='display:flex;gap:1rem;align-items:flex-start'>"
                f"<img src='{uris[p.picture]}' alt='{esc(p.alt)}'"
                f" width='{PREVIEW_PX}' height='{PREVIEW_PX}'><div>{lines}{flag}"
                f"<p class='wtfc-card-meta'>Picture: {esc(PICTURES[p.picture].label)} "
                f"({'changed on this page' if p.picture != p.picked else 'from its words'})"
                "</p>"
                f"</div></div>")
    return scroll_region(f"<div class='wtfc-easy-points'>{''.join(parts)}</div>",
                         "The easy read", ".wtfc-easy-point", "point")


def flagged_html(doc: EasyRead) -> str:
    """Every sentence over the limit, shown whole, with where to change it."""
    flagged = doc.flagged
    if not flagged:
        return (f"<p class='wtfc-note'>No sentence is over {EASY_WORDS} words: every "
                "sentence is short enough.</p>")
    items = "".join(
        f"<li><strong>{esc(p.label.split(':')[0])}</strong> ({len(s.split())} words): "
        f"“{esc(s)}”</li>" for p in flagged for s in p.long)
    n = sum(len(p.long) for p in flagged)
    return (f"<div class='wtfc-easy-long' role='note'><p><strong>{n} sentence(s) over "
            f"{EASY_WORDS} words.</strong> The easy read breaks them up, but one short idea a "
            "sentence reads best: rewrite them in “You said, we did” (Change or delete an "
            f"entry).</p><ul>{items}</ul></div>")


class EasyReadSection(w.VBox):
    """Public controls for tests: point_select, picture_select, use_picture_button,
    write_html_button, write_docx_button; preview, long_list and links show the result."""

    def __init__(self, host: StageView):
        super().__init__(layout=w.Layout(width="100%"))
        self.add_class("wtfc-easy-read")
        self.host = host
        self.messages = host.messages  # the page's: @guarded shows problems there
        self.doc: EasyRead | None = None
        self._quiet = Hush()
        self._uris: dict[str, str] = {}
        self.point_select = w.Dropdown(description="Point", style=STYLE, layout=wide(),
                                       options=[("Choose a point", NONE)])
        self.point_select.observe(self._on_point, "value")
        self.picture_select = w.Dropdown(
            description="Picture", style=STYLE, layout=wide(30),
            options=[(p.label, p.name) for p in PICTURES.values()])
        self.use_picture_button = button("Use this picture",
                                         "Put the chosen picture beside the chosen point",
                                         "primary")
        self.use_picture_button.on_click(lambda _b: self.use_picture())
        self.words_picture_button = button("Picture from its words",
                                           "Go back to the picture the point's words pick")
        self.words_picture_button.on_click(lambda _b: self.use_picture(from_words=True))
        self.role_note = note()
        self.write_html_button = button("Write the easy read: web page",
                                        "Save the easy read as a web page in the outputs folder")
        self.write_html_button.on_click(lambda _b: self.write("html"))
        self.write_docx_button = button("Write the easy read: Word",
                                        "Save the easy read as a Word document in the outputs "
                                        "folder")
        self.write_docx_button.on_click(lambda _b: self.write("docx"))
        self.links = w.HTML()
        self.preview = w.HTML(layout=w.Layout(width="100%"))
        self.long_list = w.HTML(layout=w.Layout(width="100%"))
        tools = labelled_box("Pictures and files", [
            note("For the people whose reviews were used. A picture beside every point, "
                 "chosen from its words: change any of them here."),
            self.point_select, self.picture_select,
            row(self.use_picture_button, self.words_picture_button),
            self.role_note, row(self.write_html_button, self.write_docx_button), self.links,
            self.long_list])
        tools.add_class("wtfc-fit-form")
        shown = labelled_box("The easy read", [self.preview])
        shown.add_class("wtfc-fit-main")
        body = w.HBox([tools, shown], layout=w.Layout(width="100%", grid_gap="1rem"))
        body.add_class("wtfc-fit-grid")
        self.children = [body]

    # --- drawing -------------------------------------------------------------------------
    def redraw(self, tables: set[str] = frozenset()) -> None:
        """Read the easy read again when what it says may have changed (empty: always)."""
        if tables and not tables & WATCHES:
            return
        self.doc = doc = build(self.host.workshop)
        cache = picture_cache(self.host.workshop)
        for name in {p.picture for p in doc.points} - self._uris.keys():
            png = picture_png(name, 2 * PREVIEW_PX, cache)
            self._uris[name] = "data:image/png;base64," + base64.b64encode(png).decode("ascii")
        self.preview.value = points_html(doc, self._uris)
        self.long_list.value = flagged_html(doc)
        with self._quiet():
            set_options(self.point_select, [("Choose a point", NONE), *(
                (p.label, p.key) for p in doc.points)], fallback=NONE)
            self._show_picture()
        self.show_role()

    def show_role(self) -> None:
        """Only the facilitator changes pictures: others see why the controls are off."""
        facilitator = self.host.is_facilitator
        for control in (self.use_picture_button, self.words_picture_button,
                        self.picture_select):
            control.disabled = not facilitator
        self.role_note.value = "" if facilitator else (
            f"<p class='wtfc-note'>{esc(ONLY_FACILITATOR)}</p>")

    def _show_picture(self) -> None:
        point = self._point(self.point_select.value)
        if point is not None:
            self.picture_select.value = point.picture

    def _point(self, key: str):
        return next((p for p in (self.doc.points if self.doc else []) if p.key == key), None)

    def _on_point(self, _c: dict) -> None:
        if not self._quiet.on:
            with self._quiet():
                self._show_picture()

    # --- actions -------------------------------------------------------------------------
    @guarded
    def use_picture(self, from_words: bool = False) -> None:
        """The chosen picture for the chosen point (from_words: the one its words pick)."""
        if not self.host.is_facilitator:  # checked in the kernel too, not only disabled
            raise InputError(ONLY_FACILITATOR)
        point = self._point(self.point_select.value)
        if point is None:
            raise InputError("Choose the point whose picture you want to change, from “Point”.")
        name = point.picked if from_words else self.picture_select.value
        choose_picture(self.host.workshop, point.key, None if from_words else name,
                       label=point.label, actor=self.host.actor)
        self.redraw()
        self.host.after_write(f"The picture for “{point.label}” is now "
                              f"{PICTURES[name].label}"
                              f"{' (from its words)' if from_words else ''}.")

    @guarded
    def write(self, fmt: str) -> None:
        ws = self.host.workshop
        docx = fmt == "docx"
        data = easy_read_bytes(ws, docx=docx)
        stem = re.sub(r"[^A-Za-z0-9]+", "-", ws.name).strip("-").lower() or "workshop"
        path = ws.outputs / f"{stem}-easy-read.{'docx' if docx else 'html'}"
        write_atomic(path, lambda tmp: tmp.write_bytes(data))
        mime = DOCX if docx else "text/html"
        link = (f'<a class="wtfc-download" download="{esc(path.name)}" href="data:{mime};'
                f'base64,{base64.b64encode(data).decode("ascii")}">Download {esc(path.name)}'
                "</a>")
        # Keep the other format's link: the facilitator often wants both.
        kept = [a for a in re.findall(r"<a [^>]*>[^<]*</a>", self.links.value)
                if f'download="{esc(path.name)}"' not in a]
        self.links.value = " ".join([*kept, link])
        self.messages.ok(f"The easy read is ready: {path.name} (also saved in the "
                              "outputs folder).")
