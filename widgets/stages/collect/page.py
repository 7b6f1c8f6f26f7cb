"""Collect (WTfC step 2): type or import what people said, see the counts, find and fix them."""

from __future__ import annotations

import asyncio
import logging
import time

import ipywidgets as w

from widgets.common.cards import esc
from widgets.common.chart import ChartView
from widgets.common.page import Drawer, StageView
from widgets.stages.collect.finder import CollectListMixin
from widgets.stages.collect.form import CollectFormMixin, section_title
from workbook.stages.collect import KEEP_AND_CHECK, TopTwoFlag, headline, top_two_flags
from workbook.stages.prepare import collect_progress
from workbook.stages.search import CollectCounts, collect_counts
from workbook.steps import step

log = logging.getLogger("wtfc.widgets.stages.collect.page")

# Drawing the chart costs about half a second of the kernel's time; when statements pour in
# from every table, a live page redraws it at most this often (the totals line never waits).
CHART_EVERY_SECONDS = 3.0
MAX_FLAGS_SHOWN = 50  # reviews over the two top things listed; the rest counted


class CollectView(CollectFormMixin, CollectListMixin, StageView):
    """Public controls (tests and browser tests drive these):

    upload, import_button, import_report, template_button, template_links; review_ref,
    perspective, kind, text, add_button;
    search, kind_filter, perspective_filter, review_filter, prev_button, next_button,
    page_label, list_html; edit_select, edit_review_ref, edit_perspective, edit_kind,
    edit_text, save_button, delete_button; chart, totals, top_two; and undo_button, messages
    (StageView).
    """

    stage = step(2).header
    watches = frozenset({"statements", "reviews", "prepare_event"})  # the number planned

    def build(self) -> list[w.Widget]:
        self._done_at: dict[str, float] = {}
        self._counts: CollectCounts | None = None  # what the totals line shows
        self._charted: CollectCounts | None = None  # what the chart shows
        self._chart_at = -1e9
        self._chart_timer: asyncio.TimerHandle | None = None
        self.totals = w.HTML()
        self.totals.add_class("wtfc-collect-totals")
        self.top_two = w.HTML()  # reviews over the two top things: a flag, never a refusal
        self.top_two.add_class("wtfc-collect-top-two")
        self.progress = w.HTML()  # "31 of 40 planned reviews in", once Prepare sets a number
        self.chart = ChartView(outputs=self.workshop.outputs)
        self._counts_box = w.VBox([section_title("How many so far"), self.progress, self.totals,
                                   self.chart.opener, self.chart])
        self._counts_box.add_class("wtfc-collect-counts")
        self._add_form, self._import_box = self._build_add_form(), self._build_import()
        self._browse = self._build_list()
        self._entry = w.HBox(layout=w.Layout(flex_flow="row wrap", align_items="flex-start",
                                             grid_gap="2rem"))
        self._import_drawer = Drawer("Import statements from a file", [self._import_box])
        self._left = w.VBox()
        self._left.add_class("wtfc-collect-left")
        self._grid = w.HBox()
        self._grid.add_class("wtfc-collect-grid")
        return self.arrange()

    def arrange(self) -> list[w.Widget]:
        big = self.table is None
        self._arrange_list(big)
        for part in (self._add_form, self._import_box):
            part.layout.flex = None if big else "1 1 32rem"
            part.layout.min_width = None if big else "20rem"
        if big:
            # The big screen, three columns the height of the window: typing in (importing a
            # file and changing a statement open on demand below it), the statements as they
            # arrive, and the counts with their chart.
            self._entry.children = []
            # The two top things go under the typing, where the column has room to spare.
            self._left.children = [self._add_form, self._import_drawer, self.edit_drawer,
                                   self.top_two]
            self._grid.children = [self._left, self._browse, self._counts_box]
            return [self._grid]
        self._grid.children = self._left.children = []
        self._entry.children = [self._add_form, self._import_box]
        return [self._entry, self.top_two, self._counts_box, self._browse]

    def redraw(self, tables: set[str]) -> None:
        """Counts and list from the store; the chart only when the counts moved."""
        if tables and not tables & self.watches:
            return
        self._draw_counts()
        self._draw_top_two()
        self._draw_list()

    # --- totals and chart -------------------------------------------------------------------
    def _draw_counts(self) -> None:
        counts = collect_counts(self.workshop.store)
        line = collect_progress(self.workshop.store, counts.reviews)
        self.progress.value = (f"<p class='wtfc-collect-progress'><strong>{esc(line)}</strong>"
                               "</p>" if line else "")
        if counts == self._counts:
            return  # an edit to the words changes no count: leave the chart alone
        self._counts = counts
        if counts.statements:
            self.totals.value = (f'<p><strong>{esc(counts.sentence())}</strong><br>'
                                 f'{esc(counts.perspective_sentence())}</p>')
        else:
            self.totals.value = ("<p><strong>No statements yet.</strong> Type one in above, "
                                 "or import a spreadsheet.</p>")
        wait = self._chart_at + CHART_EVERY_SECONDS - time.monotonic()
        if wait > 0 and self.live.task is not None:
            if self._chart_timer is None:  # one drawing later covers every change until then
                loop = asyncio.get_event_loop()
                self._chart_timer = loop.call_later(wait, self._draw_chart)
            return
        self._draw_chart()

    def _draw_top_two(self) -> None:
        # Redrawn on every change: moving a statement to another review changes no count.
        self.top_two.value = top_two_html(top_two_flags(self.workshop.store))

    def _draw_chart(self) -> None:
        self._chart_timer = None
        counts = self._counts
        if counts is None or counts == self._charted:
            return
        try:
            # drawn later in a kernel waiting in the pool: a table's page may never need it
            self.chart.show_later(lambda: _collect_chart(counts))
        except Exception:  # noqa: BLE001 - also runs from the event loop: log, never crash
            log.exception("could not draw the collect chart")
            return
        self._charted = counts
        self._chart_at = time.monotonic()

    def close(self) -> None:
        if self._chart_timer is not None:
            self._chart_timer.cancel()
        super().close()


def top_two_html(flags: list[TopTwoFlag]) -> str:
    """One short line, and each review's flag (kind, perspective, count) a click away."""
    if not flags:
        return ""
    items = "".join(f"<li>{esc(flag.line())}</li>" for flag in flags[:MAX_FLAGS_SHOWN])
    if len(flags) > MAX_FLAGS_SHOWN:
        items += f"<li>and {len(flags) - MAX_FLAGS_SHOWN:,} more</li>"
    return (f"<p><strong>{esc(headline(flags))}</strong></p><details><summary>Which reviews"
            f"</summary><ul>{items}</ul><p>{esc(KEEP_AND_CHECK)}</p></details>")


def _collect_chart(counts: CollectCounts):
    from workbook.charts.stages import collect_chart  # matplotlib: only a page that draws it

    return collect_chart(counts.frame())
