"""The overview's "Last time and next time" drawer: this event against the one it was started
from (per review, with the facilitator's theme matching), and the next event made from this."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import ipywidgets as w

from widgets.common.cards import esc, heading
from widgets.common.chart import ChartView
from widgets.common.controls import STYLE, button, note, row, set_note, set_options, wide
from widgets.common.messages import MessageArea, guarded
from widgets.common.page import Drawer, Hush
from workbook.access.roles import Access
from workbook.cycle.carry import start_next
from workbook.cycle.command import serve_command
from workbook.cycle.origin import BY_NAME, last_themes, origin, set_mapping
from workbook.model import InputError
from workbook.text import plural, shorten

if TYPE_CHECKING:
    from widgets.common.page import StageView
    from workbook.workshop import Workshop

log = logging.getLogger("wtfc.widgets.cycle")
TITLE = "Last time and next time"
ONLY_FACILITATOR = ("Only the facilitator can match themes or start the next event. Ask the "
                    "facilitator, on the big screen's link.")
NOT_FROM_LAST = ("This event was not started from a previous one, so there is nothing to "
                 "compare it with. The next event can be started from this one below.")
# Tables whose change moves the comparison (the live redraw of an open drawer).
WATCHES = frozenset({"themes", "statements", "reviews", "cycle_origin", "cycle_last_themes"})


def _slug(name: str) -> str:
    """A folder name from the event's name: letters (any script) and digits, dashes between."""
    return re.sub(r"[\W_]+", "-", name).strip("-").lower()[:60] or "next-event"


class CyclePanel(w.VBox):
    """Public controls for tests: summary (HTML), chart (ChartView), last_theme, this_theme,
    match_button, next_name, next_folder, make_button, result (HTML), messages."""

    def __init__(self, workshop: Workshop, access: Callable[[], Access]):
        super().__init__(layout=w.Layout(width="100%"))
        self.add_class("wtfc-cycle")
        self.workshop = workshop
        self.access = access  # asked at every draw and click: the page's role may change
        self._quiet = Hush()
        self.messages = MessageArea(
            log_dir=(workshop.folder / "logs") if workshop.folder else None)
        self.summary = w.HTML()
        self.chart = ChartView(workshop.outputs if workshop.folder else None)
        self.last_theme = w.Dropdown(description="Last time's theme", style=STYLE,
                                     layout=wide(36))
        self.this_theme = w.Dropdown(description="is this time's theme", style=STYLE,
                                     layout=wide(36))
        self.match_button = button("Save the match", "Compare last time's theme with the "
                                   "theme chosen from this event", "primary")
        self.match_button.on_click(lambda _b: self.match())
        self.last_theme.observe(lambda _c: self._show_match(), "value")
        self.matching = w.VBox([w.HTML(heading("Match last time's themes to this event's", 3)),
                                note("Themes with the same name are matched without asking. "
                                     "Say here where a theme was renamed or merged."),
                                self.last_theme, self.this_theme, row(self.match_button)])
        self.next_name = w.Text(description="Name of the next event", style=STYLE,
                                layout=wide(40), placeholder="e.g. Spring review event 2028")
        self.next_folder = w.Text(description="Folder for the next event", style=STYLE,
                                  layout=wide(64))  # a whole path, readable
        self._auto_folder = ""
        self.next_name.observe(lambda _c: self._suggest_folder(), "value")
        self.make_button = button("Start the next event from this one",
                                  "Make the next event's folder: themes, success statements, "
                                  "open actions and indicators carry over", "primary")
        self.make_button.on_click(lambda _b: self.make_next())
        self.result = w.HTML()
        self.starting = w.VBox([
            w.HTML(heading("Start the next event from this one", 3)),
            note("The themes with their “I” statements, the success statements, the actions "
                 "not yet done and the indicators (their latest measurement as the new "
                 "baseline) carry over. Statements, votes and reviews start empty."),
            self.next_name, self.next_folder, row(self.make_button), self.result])
        self.refused = w.HTML(f"<p class='wtfc-refused' role='note'>{esc(ONLY_FACILITATOR)}"
                              "</p>")
        self.children = [w.HTML(heading("Since last time, per review", 3)), self.summary,
                         self.chart, self.messages, self.matching, self.starting, self.refused]
        for part in (self.matching, self.starting, self.refused):  # until refresh() knows who
            part.layout.display = "none"
        set_note(self.summary, "Reading the figures…")
        self._suggest_folder()

    # --- drawing -------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the comparison and the themes again (when opened, and when the store moved)."""
        boss = self.access().is_facilitator
        for part in (self.matching, self.starting):
            part.layout.display = None if boss else "none"
        self.refused.layout.display = "none" if boss else None
        if origin(self.workshop) is None:  # no comparison: matplotlib is not even loaded
            set_note(self.summary, NOT_FROM_LAST)
            self.chart.value = ""
            self.matching.layout.display = "none"
            return
        from workbook.cycle.compare import comparable, compare_chart, since_last_time
        from workbook.report.since_section import gather_since

        section = gather_since(self.workshop)
        if section is None:  # the origin was taken away meanwhile (an undone restore)
            return
        self.summary.value = "".join(f'<p class="wtfc-note">{esc(line)}</p>'
                                     for line in section.lines)
        df = since_last_time(self.workshop)
        if df is not None and comparable(df) and len(df):
            self.chart.show(compare_chart(df))
        else:
            self.chart.value = ""
        themes = self.workshop.themes
        with self._quiet():
            set_options(self.last_theme, [
                (f"{shorten(t.name, 60)} ({plural(t.statements, 'statement')})", t.id)
                for t in last_themes(self.workshop)])
            set_options(self.this_theme, [("Match by name", BY_NAME), *(
                (shorten(r.name, 60), int(r.theme_id)) for r in themes.itertuples())])
        self._show_match()

    def _show_match(self) -> None:
        if self._quiet.on or self.last_theme.value is None:
            return
        mapped = next((t.theme_id for t in last_themes(self.workshop)
                       if t.id == self.last_theme.value), None)
        values = [v for _, v in self.this_theme.options]
        with self._quiet():
            self.this_theme.value = mapped if mapped in values else BY_NAME

    def _suggest_folder(self) -> None:
        """A folder beside this one, named after the next event, until one is typed."""
        if self.next_folder.value not in ("", self._auto_folder):
            return
        base = self.workshop.folder.parent if self.workshop.folder else Path.cwd()
        self._auto_folder = str(base / _slug(self.next_name.value.strip()))
        self.next_folder.value = self._auto_folder

    # --- actions -------------------------------------------------------------------------------
    def _check(self) -> Access:
        access = self.access()
        if not access.is_facilitator:  # checked in the kernel too, not only hidden
            raise InputError(ONLY_FACILITATOR)
        return access

    @guarded
    def match(self) -> None:
        access = self._check()
        if self.last_theme.value is None:
            raise InputError("There is no theme from last time to match.")
        said = set_mapping(self.workshop, self.last_theme.value, self.this_theme.value,
                           actor=access.actor)
        self.refresh()
        self.messages.ok(said)

    @guarded
    def make_next(self) -> None:
        access = self._check()
        typed = self.next_folder.value.strip()
        if not typed:
            raise InputError("Type the folder for the next event, in “Folder for the next "
                             "event”.")
        folder = Path(typed).expanduser()
        if not folder.is_absolute():  # beside this event's folder, as suggested
            base = self.workshop.folder.parent if self.workshop.folder else Path.cwd()
            folder = base / folder
        self.make_button.disabled = True
        try:
            started = start_next(self.workshop, folder, self.next_name.value,
                                 actor=access.actor)
        finally:
            self.make_button.disabled = False
        lines = "".join(f"<li>{esc(line)}</li>" for line in started.sentences())
        self.result.value = (
            f"<div class='wtfc-note' role='status'><ul>{lines}</ul><p>Its folder: "
            f"<code>{esc(str(started.folder))}</code></p><p>To open its pages, run: "
            f"<code>{esc(serve_command(started.folder))}</code></p></div>")
        self.messages.ok(f"Made the next event, '{started.name}'.")


def cycle_drawer(view: StageView) -> Drawer:
    """The drawer for a page (the overview): drawn when opened, redrawn while open when the
    themes or statements change (chained onto the page's own live refresh)."""
    panel = CyclePanel(view.workshop, lambda: view.access)
    drawer = Drawer(TITLE, [panel])
    drawer.panel = panel
    drawer.toggle.observe(lambda c: _safely(panel) if c["new"] else None, "value")
    page_redraw = view.live.redraw

    def redraw(tables: set[str]) -> None:
        page_redraw(tables)
        if drawer.toggle.value and (not tables or tables & WATCHES):
            _safely(panel)

    view.live.redraw = redraw
    return drawer


def _safely(panel: CyclePanel) -> None:
    try:
        panel.refresh()
    except Exception as exc:  # noqa: BLE001 - a busy database: say so, never a traceback
        panel.messages.unexpected(exc)
