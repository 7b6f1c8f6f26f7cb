"""Evaluation page: a person at each table answers; the facilitator sees tallies and a chart."""

from __future__ import annotations

import ipywidgets as w

from widgets.common.chart import ChartView
from widgets.common.controls import labelled_box
from widgets.common.messages import guarded
from widgets.common.page import Drawer, Hush, StageView
from widgets.common.report_button import ReportButton
from widgets.evaluation.answer import AnswerForm
from widgets.evaluation.paper import PaperPanel
from widgets.evaluation.tallies import tallies_html
from workbook import InputError
from workbook.evaluation.measures import MOMENTS
from workbook.evaluation.store import asking, set_asking, tallies

TABLES = frozenset({"evaluation_sheets", "evaluation_answers", "evaluation_settings"})
# The chart's long caption (every figure) scrolls in a box of its own, so the chart and the
# start of its caption share the big screen.
CSS = ("<style>.wtfc-big .wtfc-eval-chart .wtfc-figcaption-scroll{max-height:4.5rem;"
       "overflow:auto}</style>")
CHART_PX = (960, 700)  # as wide as the column beside the tallies: text shown at full size


class EvaluationView(StageView):
    """At a table: the form only (the room's answers are not shown, so nobody answers to
    match them). The facilitator: the tallies, the chart, paper counts, and the form."""

    stage = "Evaluation: how did the event go?"
    watches = TABLES
    builds_per_table = True  # a table gets the form alone

    @property
    def shows_results(self) -> bool:
        """The big screen's page: the facilitator's, not at a table (a table's tab on the
        facilitator's own machine answers like any table)."""
        return self.is_facilitator and self.table is None

    def build(self) -> list[w.Widget]:
        self._quiet = Hush()
        self.form = AnswerForm(self)
        if not self.shows_results:
            self.page_tools = []
            return [self.form]
        # The facilitator moves every table's form from the start to the end of the event.
        self.asking = w.ToggleButtons(
            description="Tables are asked about",
            options=[(words, key) for key, words in MOMENTS.items()], value="start",
            style={"description_width": "initial", "button_width": "auto"})
        self.asking.observe(lambda _c: None if self._quiet.on else self.move_tables(),
                            "value")
        self.paper = PaperPanel(self)
        self.tally = w.HTML(layout=w.Layout(width="100%"))
        self.chart = ChartView(self.workshop.folder / "outputs" if self.workshop.folder
                               else None)
        self.report = ReportButton(self.workshop, self.messages)
        self.page_tools = [self.report]
        # Closed on the big screen: the tallies and the chart keep the screen.
        self.paper_drawer = Drawer("Type in counts from paper forms", [self.paper])
        self.form_drawer = Drawer("Answer here (one person at a time)", [self.form])
        left = labelled_box("Tallies", [self.asking, self.paper_drawer, self.form_drawer,
                                        self.tally])
        right = labelled_box("How the event went", [w.HTML(CSS), self.chart.opener,
                                                    self.chart])
        right.add_class("wtfc-eval-chart")
        left.add_class("wtfc-fit-form")
        right.add_class("wtfc-fit-main")
        grid = w.HBox([left, right], layout=w.Layout(width="100%", grid_gap="1rem"))
        grid.add_class("wtfc-fit-grid")
        return [grid]

    def table_changed(self) -> None:
        if not self.shows_results:  # a table's laptop makes no report of the room's answers
            box = self._undo_box
            box.children = tuple(c for c in box.children
                                 if c is not getattr(self, "report", None))

    @guarded
    def move_tables(self) -> None:
        if not self.is_facilitator:
            raise InputError("Only the facilitator can move the tables on.")
        set_asking(self.workshop, self.asking.value, actor=self.actor)
        self.after_write(f"Every table is now asked about {MOMENTS[self.asking.value].lower()}.")

    def redraw(self, tables: set[str]) -> None:
        if not tables or "evaluation_settings" in tables:
            now = asking(self.workshop)  # every form follows the facilitator's choice
            with self._quiet():
                self.form.moment.value = now
                if self.shows_results:
                    self.asking.value = now
        if not self.shows_results:
            return  # a table's page shows no results
        t = tallies(self.workshop)
        self.tally.value = tallies_html(t)
        self.paper.refresh()

        def make():  # noqa: ANN202 - imports matplotlib only when drawn
            from workbook.evaluation.charts import evaluation_chart

            return evaluation_chart(t, *CHART_PX)

        self.chart.show_later(make, caption_scrolls=True)
