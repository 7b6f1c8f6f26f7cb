"""Commissioner mode: now and target per commissioning stage, compare two years, plan ten areas."""

from __future__ import annotations

from typing import TYPE_CHECKING

import ipywidgets as w
import pandas as pd

from widgets.common.cards import scroll_region
from widgets.common.chart import ChartView
from widgets.common.controls import STYLE, labelled_box, set_options, wide
from widgets.common.messages import guarded
from widgets.ladder import parts as lp
from workbook import InputError
from workbook.ladder.export import assessment_chart, compare_assessments
from workbook.ladder.models import KEY_AREAS, MODELS, PLAN_FIELDS, STAGE_LABELS, STAGES

if TYPE_CHECKING:
    from widgets.ladder.page import LadderView



class StageRow:
    """One commissioning stage: now, target, a note and its own Save button."""

    def __init__(self, stage: str, on_save):
        label = STAGE_LABELS[stage].split(" (")[0]
        self.stage = stage
        style = {"description_width": "8rem"}
        self.now = w.Dropdown(description=f"{label} now", style=style, layout=wide(None))
        self.target = w.Dropdown(description=f"{label} target", style=style, layout=wide(None))
        self.note = w.Text(description=f"{label} note", style=style, layout=wide(None))
        self.save = w.Button(description=f"Save {label}", button_style="primary")
        self.save.on_click(lambda _b: on_save(self))
        self.box = w.VBox([self.now, self.target, self.note, self.save],
                          layout=w.Layout(border="1px solid #505a5f", padding="0.2rem 0.5rem",
                                          width="100%", overflow="visible"))


class CommissionerPanel:
    """Assess the four stages of the cycle on a model, chart it, compare it, plan from it.
    `left` holds the controls, `right` the charts."""

    def __init__(self, page: LadderView):
        self.page = page
        self.workshop = page.workshop
        self.messages = page.messages
        self.actor = page.actor
        self._quiet = page.quiet
        self._chart_key: object = None

        self.assessment = w.Dropdown(description="Assessment", options=[], style=STYLE,
                                     layout=wide(None))
        self.assessment.observe(self._on_assessment, "value")
        self.new_name = w.Text(description="New assessment name",
                               placeholder="e.g. Young people's services 2027",
                               style=STYLE, layout=wide(None))
        self.new_model = w.Dropdown(description="On the model", options=lp.model_options(),
                                    value="tlap", style=STYLE, layout=wide(None))
        self.create_button = w.Button(description="Start assessment", button_style="primary")
        self.create_button.on_click(lambda _b: self.create())
        self.rows = {s: StageRow(s, self.save_stage) for s in STAGES}
        self.chart = ChartView(outputs=self.workshop.outputs, layout=wide(None))
        self.chart.add_class("wtfc-ladder-figure")
        self.compare_with = w.Dropdown(description="Compare with", options=[], style=STYLE,
                                       layout=wide(None))
        self.compare_button = w.Button(description="Show side by side")
        self.compare_button.on_click(lambda _b: self.compare())
        self.compare_chart = ChartView(outputs=self.workshop.outputs, layout=wide(None))
        self.compare_chart.add_class("wtfc-ladder-figure")

        self.area = w.Dropdown(description="Key area", options=[
            (f"{i}. {text}", i) for i, text in enumerate(KEY_AREAS, 1)], style=STYLE,
            layout=wide(None))
        self.area.observe(self._on_area, "value")
        self.plan_inputs = {
            key: (w.Text if key in ("who", "by_when") else w.Textarea)(
                description=label, style=STYLE, layout=wide(None),
                placeholder="2027-03-31" if key == "by_when" else "")
            for key, label in PLAN_FIELDS.items()}
        self.plan_button = w.Button(description="Save key area", button_style="primary")
        self.plan_button.on_click(lambda _b: self.save_plan())
        self.plan_table = w.HTML()

        self.left = labelled_box("Where we are and where we aim to be", [
            self.assessment, *[r.box for r in self.rows.values()],
            lp.accordion([
                ("Start a new assessment", w.VBox([
                    self.new_name, self.new_model, self.create_button])),
                ("Ten-point self-assessment and planning tool", w.VBox([
                    self.area, *self.plan_inputs.values(), self.plan_button,
                    self.plan_table])),
            ]),
        ])
        self.left.add_class("wtfc-ladder-side")
        self.right = w.VBox([self.chart, lp.accordion([
            ("Compare two assessments side by side", w.VBox([
                self.compare_with, self.compare_button, self.compare_chart]))])],
            layout=w.Layout(width="100%", overflow="visible"))

    def show(self, on: bool) -> None:
        for part in (self.left, self.right):
            part.layout.display = "" if on else "none"

    # --- actions -------------------------------------------------------------------------------
    @guarded
    def create(self) -> None:
        aid = self.workshop.create_assessment(self.new_name.value, self.new_model.value,
                                              actor=self.actor)
        self.new_name.value = ""
        self.page.after_write("Assessment started: mark each stage's now and target.")
        self.assessment.value = aid

    def _need(self) -> int:
        if self.assessment.value is None:
            raise InputError("Start an assessment first: open “Start a new assessment”.")
        return self.assessment.value

    @guarded
    def save_stage(self, row: StageRow) -> None:
        aid = self._need()
        self.workshop.set_assessment_stage(
            aid, row.stage, row.now.value or None, row.target.value or None, row.note.value,
            actor=self.actor)
        self.page.after_write(f"Saved {STAGE_LABELS[row.stage]}.")

    @guarded
    def compare(self) -> None:
        aid = self._need()
        if self.compare_with.value is None:
            raise InputError("There is no other assessment on this model to compare with yet.")
        chart = compare_assessments(self.workshop, self.compare_with.value, aid)
        self.compare_chart.show(chart)
        self.messages.ok(f"Saved to outputs as {chart.name}.png and .csv.")

    @guarded
    def save_plan(self) -> None:
        aid = self._need()
        values = {k: box.value for k, box in self.plan_inputs.items()}
        self.workshop.set_plan_item(aid, self.area.value, actor=self.actor, **values)
        self.page.after_write(f"Saved key area {self.area.value}.")

    # --- drawing -------------------------------------------------------------------------------
    def _on_assessment(self, _change: object) -> None:
        if not self._quiet.on:
            self._chart_key = None
            self.redraw(set())

    def _on_area(self, _change: object) -> None:
        if not self._quiet.on:
            self._draw_plan_inputs()

    def redraw(self, tables: set[str]) -> None:
        df = self.workshop.ladder_assessments
        with self._quiet():
            options = [(f"{r.title} ({MODELS[r.model].name})", int(r.assessment_id))
                       for r in df.itertuples()]
            latest = options[-1][1] if options else None
            set_options(self.assessment, options, self.assessment.value, fallback=latest)
        aid = self.assessment.value
        for row in self.rows.values():
            for c in (row.now, row.target, row.note, row.save):
                c.disabled = aid is None
        if aid is None:
            self.chart.value = ("<p>No assessment yet. Open “Start a new assessment”, name it "
                                "(for example with the year) and choose a model.</p>")
            return
        model_key = df.loc[df["assessment_id"] == aid, "model"].iloc[0]
        self._draw_stages(aid, model_key)
        with self._quiet():
            others = [(t, v) for (t, v) in options if v != aid and
                      df.loc[df["assessment_id"] == v, "model"].iloc[0] == model_key]
            set_options(self.compare_with, others, self.compare_with.value)
            self._draw_plan_inputs()
        self._draw_plan_table(aid)
        stages = self.workshop.assessment_stages(aid)
        key = (aid, tuple(map(tuple, stages[["stage", "now", "target"]].astype(str).values)))
        if key != self._chart_key:
            self.chart.show(assessment_chart(self.workshop, aid, size=lp.PAGE_FIGURE),
                            save=False)
            assessment_chart(self.workshop, aid).save(self.workshop.outputs)
            self._chart_key = key

    def _draw_stages(self, aid: int, model_key: str) -> None:
        model = MODELS[model_key]
        options = lp.rung_options(model, "(not set)", top_first=True)
        stages = self.workshop.assessment_stages(aid).set_index("stage")
        with self._quiet():
            for s, row in self.rows.items():
                if list(row.now.options) != options:
                    row.now.options = options
                    row.target.options = options
                if s in stages.index:
                    rec = stages.loc[s]
                    row.now.value = 0 if pd.isna(rec["now"]) else int(rec["now"])
                    row.target.value = 0 if pd.isna(rec["target"]) else int(rec["target"])
                    row.note.value = rec["note"]
                else:
                    row.now.value, row.target.value, row.note.value = 0, 0, ""

    def _draw_plan_inputs(self) -> None:
        aid = self.assessment.value
        items = self.workshop.plan_items(aid) if aid is not None else pd.DataFrame()
        match = items[items["area"] == self.area.value] if len(items) else items
        for key, box in self.plan_inputs.items():
            box.value = str(match.iloc[0][key]) if len(match) else ""

    def _draw_plan_table(self, aid: int) -> None:
        items = self.workshop.plan_items(aid)
        if items.empty:
            self.plan_table.value = "<p>No key area filled in yet.</p>"
            return
        head = "".join(f"<th scope='col'>{lp.esc(h)}</th>" for h in
                       ["Key area", *PLAN_FIELDS.values()])
        body = "".join(
            "<tr>" + f"<th scope='row'>{lp.esc(f'{r.area}. {r.key_area}')}</th>" + "".join(
                f"<td>{lp.esc(getattr(r, k))}</td>" for k in PLAN_FIELDS) + "</tr>"
            for r in items.itertuples())
        self.plan_table.value = scroll_region(
            f"<table class='wtfc-table'><caption>Planning tool: {len(items)} of 10 key areas "
            f"filled in</caption><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>",
            "Planning tool so far", "tbody tr", "key area", "key areas", css="wtfc-ladder-plan")
