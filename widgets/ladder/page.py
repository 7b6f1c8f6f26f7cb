"""The ladder of participation page: trainer and commissioner modes; tables vote from their own."""

from __future__ import annotations

import ipywidgets as w

from widgets.common.controls import STYLE
from widgets.common.messages import guarded
from widgets.common.page import Hush, StageView
from widgets.ladder import parts as lp
from widgets.ladder.commissioner import CommissionerPanel
from widgets.ladder.trainer import TrainerPanel
from widgets.ladder.vote import VotePanel
from workbook import Workshop
from workbook.ladder.export import export_ladder_xlsx

TRAINER, COMMISSIONER = "trainer", "commissioner"


class LadderView(StageView):
    """Big screen: a mode switch, then the trainer's session or the commissioner's assessment.
    A table's page (?table=NAME) shows only the round to vote on."""

    builds_per_table = True  # a table gets its own screen (see build)
    stage = "Ladder of participation"
    watches = frozenset({"ladder_scenarios", "ladder_rounds", "ladder_votes",
                         "ladder_assessments", "ladder_assessment_stages", "ladder_plan_items"})

    def __init__(self, workshop: Workshop, *, table: str | None = None, live: bool = False,
                 interval: float = 1.0):
        self.served = live  # a served page animates the reveal; nbval and tests do not
        super().__init__(workshop, table=table, live=live, interval=interval)
        if not table:
            # Two columns from the top: header and controls on the left, the drawing on the
            # right with the whole height of the screen (one row for undo, mode and export).
            header, row, messages, *_ = self.children
            row.children = (*row.children, self.export_button)
            row.layout = w.Layout(flex_flow="row wrap", grid_gap="0.5rem")
            left = w.VBox([header, row, self.mode, messages, self.trainer.left],
                          layout=w.Layout(width="36%"))
            right = w.VBox([self.trainer.right], layout=w.Layout(width="64%", overflow="visible"))
            self._columns = (left, right)
            self.children = [self.style, w.HBox([left, right], layout=w.Layout(
                width="100%", grid_gap="1rem"))]
            self._show_mode()

    def table_changed(self) -> None:
        if self.table:  # a table's laptop exports nothing
            box = self._undo_box
            box.children = tuple(c for c in box.children
                                 if c is not getattr(self, "export_button", None))

    def build(self) -> list[w.Widget]:
        self.quiet = Hush()
        self.style = w.HTML(lp.LADDER_CSS)
        if self.table:
            self.vote_panel = VotePanel(self)
            return [self.style, self.vote_panel]
        # A one-line choice: the big screen's height belongs to the ladder.
        self.mode = w.Dropdown(
            description="Mode", options=[("Trainer: place scenarios", TRAINER),
                                         ("Commissioner: now and target", COMMISSIONER)],
            value=TRAINER, style=STYLE, layout=w.Layout(width="95%"))
        self.mode.observe(lambda _c: self._show_mode(), "value")
        self.export_button = w.Button(description="Export to Excel",
                                      tooltip="Scenarios, rounds, votes, assessments, plan")
        self.export_button.on_click(lambda _b: self.export())
        self.trainer = TrainerPanel(self)
        self.commissioner = CommissionerPanel(self)
        self._show_mode()
        return [self.style]

    def _show_mode(self) -> None:
        trainer = self.mode.value == TRAINER
        columns = getattr(self, "_columns", None)  # laid out by __init__, after build()
        if not trainer and columns and self.commissioner.left not in columns[0].children:
            # The commissioner's panels go into the page when first chosen: the trainer's
            # screen, which opens first, does not pay for drawing them.
            left, right = columns
            left.children = (*left.children, self.commissioner.left)
            right.children = (*right.children, self.commissioner.right)
        self.trainer.show(trainer)
        self.commissioner.show(not trainer)

    def redraw(self, tables: set[str]) -> None:
        if self.table:
            self.vote_panel.redraw(tables)
            return
        self.trainer.redraw(tables)
        if not tables or tables & {"ladder_assessments", "ladder_assessment_stages",
                                   "ladder_plan_items"}:
            self.commissioner.redraw(tables)

    @guarded
    def export(self) -> None:
        path = export_ladder_xlsx(self.workshop, self.workshop.outputs / "ladder_work.xlsx")
        self.messages.ok(f"Saved {path.name} in the workshop's outputs folder.")
