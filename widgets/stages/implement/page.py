"""Implement (WTfC step 7): a baseline and indicators per success statement; actions started."""

from __future__ import annotations

import ipywidgets as w
import pandas as pd

from widgets.common.cards import esc, scroll_region
from widgets.common.controls import STYLE, labelled_box, set_options, wide
from widgets.common.messages import guarded
from widgets.common.page import Hush, LazyTab, StageView
from widgets.stages.implement.edit import IndicatorEditMixin
from widgets.stages.plan.page import actions_html
from workbook import InputError
from workbook.stages.plan import ACTION_STATUSES
from workbook.stages.success import VOICES
from workbook.steps import step
from workbook.text import plural, quantity, shorten

NONE = 0


def _note(text: str) -> str:
    return f"<span class='wtfc-grid-note'>{esc(text)}</span>"


def indicators_html(ind: pd.DataFrame,
                    empty: str = "No indicators yet. Add one for a success statement.") -> str:
    """The indicators: each with its baseline, target, latest measurement and progress."""
    if not len(ind):
        return f"<p>{esc(empty)}</p>"
    rows = "".join(
        # The success statement under the indicator's name, and each date under its figure:
        # as columns of their own they left every column too narrow beside the chart on the
        # big screen (a name took a word a line).
        f"<tr><th scope='row'>{esc(r.name)}{_note(f'for “{shorten(r.success, 60)}”')}</th>"
        f"<td>{esc(quantity(r.baseline, r.unit))}{_note(r.baseline_on)}</td>"
        f"<td>{esc(quantity(r.target, r.unit))}{_note('by ' + r.target_on)}</td>"
        + ("<td>not measured yet</td>" if pd.isna(r.latest) else
           f"<td>{esc(quantity(r.latest, r.unit))}{_note(r.latest_on)}</td>")
        + f"<td>{'–' if pd.isna(r.progress) else f'{r.progress * 100:.0f}%'}</td></tr>"
        for r in ind.itertuples())
    return scroll_region(
        f"<table class='wtfc-grid wtfc-indicators'>"
        f"<caption>{plural(len(ind), 'indicator')}</caption>"
        f"<thead><tr>"
        f"<th scope='col'>Indicator, for its success statement</th>"
        f"<th scope='col'>Baseline</th><th scope='col'>Target</th><th scope='col'>Latest"
        f"</th><th scope='col'>Progress</th></tr></thead><tbody>{rows}</tbody></table>",
        "Indicators", "tbody tr", "indicator", "indicators")


def _side_by_side(left: w.Widget, right: w.Widget) -> w.HBox:
    """A form beside what it adds to: in two columns that fit the big screen (wtfc.css)."""
    left.add_class("wtfc-fit-form")
    right.add_class("wtfc-fit-main")
    row = w.HBox([left, right], layout=w.Layout(width="100%", grid_gap="1rem"))
    row.add_class("wtfc-fit-grid")
    return row


class ImplementView(IndicatorEditMixin, StageView):
    """Where we are now and how we will know: indicators with a baseline and a target for
    each success statement, shared; and the action plans started, each action's status."""

    stage = step(7).header
    watches = frozenset({"indicators", "measurements", "success_statements", "actions",
                         "themes"})

    def build(self) -> list[w.Widget]:
        self._quiet = Hush()
        self._success = self._ind = self._actions = pd.DataFrame()
        self.success_select = w.Dropdown(description="Success statement", layout=wide(),
                                         style=STYLE)
        self.ind_name = w.Text(description="Indicator", layout=wide(), style=STYLE,
                               placeholder="e.g. People who know who is supporting them")
        self.ind_unit = w.Text(description="Unit", placeholder="%, people, journeys",
                               style=STYLE, layout=w.Layout(width="16rem"))
        self.baseline = w.Text(description="Baseline", style=STYLE, layout=w.Layout(width="14rem"))
        self.baseline_on = w.DatePicker(description="Baseline date", style=STYLE)
        self.target = w.Text(description="Target", style=STYLE, layout=w.Layout(width="14rem"))
        self.target_on = w.DatePicker(description="Target date", style=STYLE)
        self.add_indicator_button = w.Button(description="Add indicator", button_style="primary")
        self.add_indicator_button.on_click(lambda _b: self.add_indicator())
        self.indicators_list = w.HTML(layout=w.Layout(width="100%"))
        self._build_indicator_edit()
        # Changing an indicator sits under the form that sets one, in its drawer (closed).
        self._indicator_box = form = labelled_box("Set an indicator", [
            self.success_select, self.ind_name, w.HBox([self.baseline, self.baseline_on]),
            w.HBox([self.target, self.target_on]), self.ind_unit,
            w.HBox([self.add_indicator_button]), self._ind_drawer])
        indicators = labelled_box("Indicators: where we are now, and the target",
                                  [self.indicators_list])
        # the action plans, started: each action's status kept up to date
        self.action_select = w.Dropdown(description="Action", layout=wide(), style=STYLE)
        self.action_select.observe(self._on_action, "value")
        self.action_status = w.Dropdown(description="Status", style=STYLE, options=[
            (s.capitalize(), s) for s in ACTION_STATUSES])
        self.save_status_button = w.Button(description="Save status", button_style="primary")
        self.save_status_button.on_click(lambda _b: self.save_status())
        self.actions_list = w.HTML(layout=w.Layout(width="100%"))
        status_form = labelled_box("Update an action", [
            self.action_select, self.action_status, w.HBox([self.save_status_button])])
        actions = labelled_box("The action plans", [self.actions_list])
        self._grids = [_side_by_side(form, indicators), _side_by_side(status_form, actions)]
        self.tabs = LazyTab([("Indicators", self._grids[0]), ("Action plans", self._grids[1])])
        self.tabs.add_class("wtfc-fit-tabs")
        return self.arrange()

    def arrange(self) -> list[w.Widget]:
        # Two columns that fit the big screen; at a table's laptop one above the other.
        for grid in self._grids:
            (grid.add_class if self.table is None else grid.remove_class)("wtfc-fit-grid")
        return [self.tabs]

    # --- drawing -------------------------------------------------------------------------------
    def redraw(self, tables: set[str]) -> None:
        with self._quiet():
            self._success = self.workshop.success_statements
            self._ind = self.workshop.indicators
            self._actions = self.workshop.actions
            set_options(self.success_select, [("Choose a success statement", NONE), *(
                (f"{r.theme} — {VOICES[r.perspective].voice}: {shorten(r.text, 60)}",
                 r.success_id) for r in self._success.itertuples())],
                keep=self.success_select.value, fallback=NONE)
            self._draw_indicator_choices()
            acts = (self._actions.sort_values(["due", "action_id"]) if len(self._actions)
                    else self._actions)
            set_options(self.action_select, [
                ("Choose an action" if len(acts) else "No actions yet: make them on Plan",
                 NONE), *((f"{shorten(r.text, 50)} — {r.owner}, due {r.due}",
                           int(r.action_id)) for r in acts.itertuples())],
                keep=self.action_select.value, fallback=NONE)
            self._fill_status()
        self.indicators_list.value = indicators_html(self._ind)
        self.actions_list.value = actions_html(self._actions)

    def _action(self, aid: int) -> pd.Series | None:
        if not aid or not len(self._actions):
            return None
        match = self._actions[self._actions["action_id"] == aid]
        return None if match.empty else match.iloc[0]

    def _fill_status(self) -> None:
        row = self._action(self.action_select.value)
        if row is not None:
            self.action_status.value = row["status"]

    def _on_action(self, _c: dict) -> None:
        if not self._quiet.on:
            self._fill_status()

    # --- actions -------------------------------------------------------------------------------
    @guarded
    def add_indicator(self) -> None:
        if not self.success_select.value:
            raise InputError("Choose the success statement this indicator measures.")
        for picker, what in ((self.baseline_on, "baseline"), (self.target_on, "target")):
            if picker.value is None:
                raise InputError(f"Choose the {what} date.")
        name = self.ind_name.value
        self.workshop.add_indicator(
            self.success_select.value, name, self.baseline.value, self.target.value,
            baseline_on=self.baseline_on.value, target_on=self.target_on.value,
            unit=self.ind_unit.value, actor=self.actor)
        self.ind_name.value = self.baseline.value = self.target.value = ""
        self.after_write(f"Added the indicator “{shorten(name, 60)}”.")

    @guarded
    def save_status(self) -> None:
        row = self._action(self.action_select.value)
        if row is None:
            raise InputError("Choose the action whose status changed.")
        if row["status"] == self.action_status.value:
            self.messages.info(f"Nothing to save: the action is already "
                               f"{self.action_status.value}.")
            return
        self.workshop.edit_action(int(row["action_id"]), status=self.action_status.value,
                                  actor=self.actor)
        self.after_write(f"Saved: “{shorten(str(row['text']), 40)}” is now "
                         f"{self.action_status.value}.")
