"""Plan (WTfC step 6): what is happening already, ideas, and actions someone owns."""

from __future__ import annotations

import logging
from datetime import date

import ipywidgets as w
import pandas as pd

from widgets.common.cards import esc, scroll_region
from widgets.common.chart import ChartView
from widgets.common.controls import STYLE, labelled_box, set_options, wide
from widgets.common.messages import guarded
from widgets.common.page import Drawer, Hush, LazyTab, StageView
from widgets.common.report_button import ReportButton
from widgets.common.submit import AddForm, Submission, SubmitButton
from widgets.stages.plan.dots import IdeaDotsMixin
from widgets.stages.plan.edit import IdeaEditMixin
from workbook import InputError
from workbook.charts.plan import actions_by_owner_chart, actions_by_status_chart, due_timeline_chart
from workbook.stages.plan import ACTION_STATUSES, IDEA_LABELS
from workbook.stages.success import VOICES
from workbook.stages.understand_outline import outline, theme_choices
from workbook.steps import step
from workbook.text import plural, shorten

log = logging.getLogger("wtfc.widgets.stages.plan.page")
NONE = 0
STATUS_SYMBOL = {"not started": "○", "in progress": "◐", "done": "●"}


def _dots(r: object) -> str:
    """An idea's dots beside it (what is happening already takes none)."""
    if getattr(r, "kind", "") != "idea":
        return ""
    return f" <span class='wtfc-idea-dots'>● {plural(int(getattr(r, 'dots', 0)), 'dot')}</span>"


def ideas_html(ideas: pd.DataFrame) -> str:
    if not len(ideas):
        return "<p>Nothing written for this theme yet.</p>"
    items = "".join(
        f"<li><strong>{esc(IDEA_LABELS[r.kind])}:</strong> {esc(r.text)}" + _dots(r)
        + (" <span class='wtfc-chosen'>→ chosen as an action</span>"
           if pd.notna(r.action_id) else "")
        + (f" <span class='wtfc-card-meta'>({esc(r.author)})</span>" if r.author else "")
        + "</li>"
        for r in ideas.sort_values(["kind", "idea_id"]).itertuples())
    return scroll_region(f"<p>{len(ideas)} written</p><ul>{items}</ul>",
                         "Happening already and ideas", "li", "item", "items",
                         css="wtfc-scroll wtfc-ideas")


def actions_html(actions: pd.DataFrame) -> str:
    if not len(actions):
        return "<p>No actions yet.</p>"
    rows = "".join(
        # data-label: on a phone each row is a card and each cell names its column
        f"<tr><th scope='row'>{esc(r.text)}</th><td data-label='Owner'>{esc(r.owner)}</td>"
        f"<td class='wtfc-date' data-label='Due'>{esc(r.due)}</td>"
        f"<td data-label='Status'><span aria-hidden='true'>{STATUS_SYMBOL.get(r.status, '')}"
        f"</span> {esc(r.status.capitalize())}</td><td data-label='Theme'>{esc(r.theme)}</td>"
        f"<td data-label='Success statements'>{len(r.success_ids)}</td></tr>"
        for r in actions.sort_values(["due", "action_id"]).itertuples())
    return scroll_region(
        f"<table class='wtfc-grid'><caption>{plural(len(actions), 'action')}, "
        f"soonest due first</caption><thead><tr><th scope='col'>Action</th>"
        f"<th scope='col'>Owner</th><th scope='col'>Due</th><th scope='col'>Status</th>"
        f"<th scope='col'>Theme</th><th scope='col'>Success statements</th></tr></thead>"
        f"<tbody>{rows}</tbody></table>",
        "Actions", "tbody tr", "action", "actions", css="wtfc-scroll wtfc-actions")


class ActionPlanView(IdeaDotsMixin, IdeaEditMixin, StageView):
    """Per theme: write what is happening already and ideas; turn ideas into owned actions."""

    stage = step(6).header
    watches = frozenset({"ideas", "actions", "action_success", "success_statements", "themes",
                         "causes", "votes", "statements"})

    def build(self) -> list[w.Widget]:
        self._quiet = Hush()
        self._themes = self._causes = self._success = pd.DataFrame()
        self._ideas = self._actions = pd.DataFrame()
        self._chart_key: object = None
        self.theme_select = w.Dropdown(description="Theme", layout=wide(), style=STYLE)
        self.theme_select.observe(self._on_theme, "value")

        self.idea_kind = w.ToggleButtons(description="This is",
                                         options=[(v, k) for k, v in IDEA_LABELS.items()],
                                         value="idea", style=STYLE)
        self.idea_text = w.Textarea(description="Words", placeholder="One idea, in a few words",
                                    layout=wide(height="4rem"),
                                    style=STYLE)
        self.add_idea_button = SubmitButton("Add idea", button_style="primary",
                                            fields=[self.idea_text, self.idea_kind,
                                                    self.theme_select])
        self.add_idea_button.on_click(lambda _b: self.add_idea())
        self._add_idea_flow = AddForm(self, self.add_idea_button, boxes=[self.idea_text])
        self.ideas_list = w.HTML(layout=w.Layout(width="100%"))
        self._build_idea_edit()
        self._build_dots()

        self.from_idea = w.Dropdown(description="Start from an idea", layout=wide(), style=STYLE)
        self.from_idea.observe(self._on_from_idea, "value")
        self.action_text = w.Textarea(description="Action",
                                      layout=wide(height="4rem"),
                                      style=STYLE)
        self.owner = w.Text(description="Owner", placeholder="A role, e.g. Team manager",
                            layout=wide(), style=STYLE)
        self.due = w.DatePicker(description="Due date", style=STYLE)
        self.status = w.Dropdown(description="Status", options=[
            (s.capitalize(), s) for s in ACTION_STATUSES], style=STYLE)
        self.cause_select = w.Dropdown(description="Cause it answers", layout=wide(), style=STYLE)
        self.success_select = w.SelectMultiple(description="Success statements it serves",
                                               layout=wide(height="7rem"), style=STYLE)
        self.add_action_button = w.Button(description="Add action", button_style="primary")
        self.add_action_button.on_click(lambda _b: self.add_action())

        self.edit_select = w.Dropdown(description="Action to update", layout=wide(), style=STYLE)
        self.edit_select.observe(self._on_edit_choice, "value")
        self.edit_status = w.Dropdown(description="Status", options=self.status.options,
                                      style=STYLE)
        self.edit_owner = w.Text(description="Owner", layout=wide(), style=STYLE)
        self.edit_due = w.DatePicker(description="Due date", style=STYLE)
        self.save_button = w.Button(description="Save action", button_style="primary")
        self.save_button.on_click(lambda _b: self.save_action())
        self.delete_button = w.Button(description="Delete action", button_style="danger")
        self.delete_button.on_click(lambda _b: self.delete_action())
        self.edit_box = w.VBox([self.edit_select, self.edit_status, self.edit_owner,
                                self.edit_due, w.HBox([self.save_button, self.delete_button])])
        self._edit_drawer = Drawer("Update or delete an action", [self.edit_box])
        self.edit_toggle = self._edit_drawer.toggle

        self.actions_list = w.HTML(layout=w.Layout(width="100%"))
        self.status_chart = ChartView(outputs=self.workshop.outputs)
        self.owner_chart = ChartView(outputs=self.workshop.outputs)
        self.due_chart = ChartView(outputs=self.workshop.outputs)
        self.charts = LazyTab([("By status", self.status_chart), ("By owner", self.owner_chart),
                               ("Due dates", self.due_chart)])
        # The big screen shows the plan or one of its charts, a press apart, each with the
        # column's whole height (the actions first: they are what the room is making).
        self.plan_tabs = LazyTab([("Actions", self.actions_list), *zip(
            ("Chart: by status", "Chart: by owner", "Chart: due dates"),
            (self.status_chart, self.owner_chart, self.due_chart), strict=True)])
        self.report = ReportButton(self.workshop, self.messages)
        self.page_tools = [self.report]

        self._idea_fields = [self.idea_kind, self.idea_text, w.HBox([self.add_idea_button]),
                             self.ideas_list]
        self._ideas_box = labelled_box("Happening already, and ideas", self._idea_fields)
        self._action_fields = [
            self.from_idea, self.action_text, self.owner, w.HBox([self.due, self.status]),
            self.cause_select, self.success_select, w.HBox([self.add_action_button])]
        self._action_box = labelled_box("Make an action", self._action_fields)
        self._action_drawer = Drawer("Make an action", [self._action_box])
        self.actions_list.layout = w.Layout(width="100%")
        self.charts.layout = w.Layout(width="100%")
        return self.arrange()

    def arrange(self) -> list[w.Widget]:
        if self.table is None:
            # The big screen shows the plan: the actions (or a chart of them) beside the
            # ideas; making actions and changing ideas and actions open on demand.
            self._ideas_box.children = [self._ideas_box.children[0], *self._idea_fields]
            left = w.VBox([self._ideas_box, self._dots_drawer, self._idea_drawer,
                           self._action_drawer, self._edit_drawer])
            left.add_class("wtfc-fit-form")
            plan = labelled_box("The plan", [self.plan_tabs])
            plan.add_class("wtfc-fit-main")
            plan.add_class("wtfc-plan-main")
            grid = w.HBox([left, plan], layout=w.Layout(width="100%", grid_gap="1rem"))
            grid.add_class("wtfc-fit-grid")
            return [self.theme_select, grid]
        # A table's laptop writes ideas and actions: both forms open, the plan below.
        # the table's dots sit open under its ideas: choosing ideas is what the room does here
        self._ideas_box.children = [self._ideas_box.children[0], *self._idea_fields,
                                    self._idea_drawer,
                                    labelled_box("Dots on ideas", self._dot_fields)]
        self._action_box.children = [self._action_box.children[0], *self._action_fields,
                                     self._edit_drawer]
        self.actions_list.layout.width = "55%"
        self.charts.layout.width = "45%"
        plan = labelled_box("The plan", [
            w.HBox([self.actions_list, self.charts], layout=w.Layout(width="100%",
                                                                     grid_gap="1rem"))])
        return [
            self.theme_select,
            w.HBox([self._ideas_box, self._action_box],
                   layout=w.Layout(width="100%", grid_gap="1rem")),
            plan,
        ]

    # --- drawing -------------------------------------------------------------------------------
    def redraw(self, tables: set[str]) -> None:
        with self._quiet():
            self._themes = self.workshop.themes
            self._causes = self.workshop.causes
            self._success = self.workshop.success_statements
            self._ideas = self.workshop.ideas_with_dots()
            self._actions = self.workshop.actions
            choices = theme_choices(self._themes, self._causes) if len(self._themes) else []
            set_options(self.theme_select, [(c.label, c.theme_id) for c in choices],
                               keep=self.theme_select.value)
            self._draw_theme()
            before = self.edit_select.value
            set_options(self.edit_select, [("Choose an action", NONE), *(
                (f"{shorten(r.text, 60)} ({r.owner})", r.action_id)
                for r in self._actions.itertuples())], keep=before, fallback=NONE)
            if self.edit_select.value != before:
                self._fill_edit()
        self.actions_list.value = actions_html(self._actions)
        self._draw_charts()

    def _of_theme(self, df: pd.DataFrame) -> pd.DataFrame:
        return df[df["theme_id"] == self.theme_select.value] if len(df) else df

    def _draw_theme(self) -> None:
        ideas = self._of_theme(self._ideas)
        self.ideas_list.value = ideas_html(ideas) if self.theme_select.options else (
            "<p><strong>No themes with not-working statements yet.</strong> Make themes and "
            "move the not-working statements into them on page 2 (Theme) first; each theme's "
            "ideas are written here.</p>")
        open_ideas = ideas[(ideas["kind"] == "idea") & ideas["action_id"].isna()] if len(
            ideas) else ideas
        if len(open_ideas):  # the room's choice first: most dots at the top
            open_ideas = open_ideas.sort_values(["dots", "idea_id"], ascending=[False, True])
        set_options(self.from_idea, [("No: write a new action", NONE), *(
            (f"{shorten(r.text)} ({plural(int(r.dots), 'dot')})", r.idea_id)
            for r in open_ideas.itertuples())],
            keep=self.from_idea.value, fallback=NONE)
        self._draw_idea_choices(ideas)
        self._draw_dots(ideas)
        causes = self._of_theme(self._causes)
        rows = outline(causes) if len(causes) else []
        set_options(self.cause_select, [("Not linked to a cause", NONE), *(
            (("★ " if r.top else "") + "— " * (r.level - 1) + shorten(r.text), r.cause_id)
            for r in rows)], keep=self.cause_select.value, fallback=NONE)
        success = self._of_theme(self._success)
        options = tuple((f"{VOICES[r.perspective].voice}: {shorten(r.text)}", r.success_id)
                        for r in success.itertuples())
        keep = tuple(v for v in self.success_select.value if v in {o[1] for o in options})
        if tuple(self.success_select.options) != options:
            self.success_select.options = options
        self.success_select.value = keep

    def _draw_charts(self) -> None:
        key = tuple(self._actions[["action_id", "owner", "due", "status", "text"]]
                    .itertuples(index=False)) if len(self._actions) else ()
        if key == self._chart_key:
            return
        try:
            self.status_chart.show(actions_by_status_chart(self._actions, screen=True))
            self.owner_chart.show(actions_by_owner_chart(self._actions, screen=True))
            self.due_chart.show(due_timeline_chart(self._actions, screen=True))
        except OSError:  # another page is saving the same file: the picture is on screen
            log.warning("could not save an action chart", exc_info=True)
        self._chart_key = key

    def _fill_edit(self) -> None:
        match = self._actions[self._actions["action_id"] == self.edit_select.value] if len(
            self._actions) else self._actions
        if match.empty:
            self.edit_owner.value, self.edit_due.value = "", None
            return
        row = match.iloc[0]
        self.edit_status.value = row["status"]
        self.edit_owner.value = row["owner"]
        self.edit_due.value = date.fromisoformat(row["due"])

    def _on_theme(self, _c: dict) -> None:
        if not self._quiet.on:
            with self._quiet():
                self._draw_theme()

    def _on_from_idea(self, change: dict) -> None:
        if self._quiet.on or not change["new"]:
            return
        match = self._ideas[self._ideas["idea_id"] == change["new"]]
        if not match.empty:
            self.action_text.value = str(match.iloc[0]["text"])

    def _on_edit_choice(self, _c: dict) -> None:
        if not self._quiet.on:
            self._fill_edit()

    # --- actions -------------------------------------------------------------------------------
    def _theme(self) -> int:
        if self.theme_select.value is None:
            raise InputError("Choose a theme first.")
        return self.theme_select.value

    @guarded
    def add_idea(self) -> None:
        self._add_idea_flow.run(self._save_idea)

    def _save_idea(self, sub: Submission) -> str:
        theme, kind, text = sub[self.theme_select], sub[self.idea_kind], sub[self.idea_text]
        if theme is None:
            raise InputError("Choose a theme first.")
        self.workshop.add_idea(theme, kind, text, actor=self.actor)
        return f"Added {IDEA_LABELS[kind].lower()}: “{shorten(text, 60)}”."

    @guarded
    def add_action(self) -> None:
        theme = self._theme()
        if not self.action_text.value.strip():
            raise InputError("Type the action first: what will be done?")
        if not self.owner.value.strip():
            raise InputError("Type who owns the action (a role, e.g. Team manager).")
        if self.due.value is None:
            raise InputError("Choose the date the action is due.")
        text = self.action_text.value
        self.workshop.add_action(
            theme, text, self.owner.value, self.due.value, status=self.status.value,
            cause_id=self.cause_select.value or None,
            success_ids=list(self.success_select.value),
            idea_id=self.from_idea.value or None, actor=self.actor)
        self.action_text.value = ""
        self.success_select.value = ()
        self.after_write(f"Added the action “{shorten(text, 60)}”, owned by {self.owner.value}.")

    def _chosen(self) -> int:
        if not self.edit_select.value:
            raise InputError("Choose the action to update first.")
        return self.edit_select.value

    @guarded
    def save_action(self) -> None:
        aid = self._chosen()
        if self.edit_due.value is None:
            raise InputError("Choose the date the action is due.")
        self.workshop.edit_action(aid, status=self.edit_status.value, owner=self.edit_owner.value,
                                  due=self.edit_due.value, actor=self.actor)
        self.after_write(f"Saved: the action is {self.edit_status.value}, owned by "
                         f"{self.edit_owner.value}, due {self.edit_due.value}.")

    @guarded
    def delete_action(self) -> None:
        aid = self._chosen()
        self.workshop.delete_action(aid, actor=self.actor)
        self.after_write("Deleted the action. “Undo my last change” brings it back.")
