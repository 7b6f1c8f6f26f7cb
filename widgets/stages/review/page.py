"""Review (WTfC step 8): progress against the indicators, the report, "you said, we did"."""

from __future__ import annotations

import logging
from datetime import date

import ipywidgets as w
import pandas as pd

from widgets.common.cards import esc, scroll_region
from widgets.common.chart import ChartView
from widgets.common.controls import STYLE, labelled_box, row, set_options, wide
from widgets.common.messages import guarded
from widgets.common.page import Drawer, Hush, LazyTab, StageView
from widgets.common.report_button import ReportButton
from widgets.common.submit import AddForm, Submission, SubmitButton
from widgets.easyread.section import EasyReadSection
from widgets.stages.implement.page import indicators_html
from widgets.stages.review.feedback import FeedbackEditMixin, entry_controls
from widgets.stages.review.measure import MeasurementEditMixin
from widgets.stages.review.send import SendYouSaid
from widgets.stages.review.told import HearBackMixin
from workbook import InputError
from workbook.charts.plan import progress_chart
from workbook.feedback.vocab import NOT_DONE, STATUS_LABELS, status_summary
from workbook.report.render import EASY_WORDS, easy_lines
from workbook.stages.thread import ranked_statements
from workbook.steps import step
from workbook.text import shorten

log = logging.getLogger("wtfc.widgets.stages.review.page")
NONE = 0


def did_html(r: object) -> str:
    """The middle column; an entry not done says what has not been done, and why."""
    if r.status == NOT_DONE:
        return (f"<strong>Not done:</strong> {esc(r.we_did)} <strong>Why:</strong> "
                f"{esc(r.reason)}")
    return esc(r.we_did)


def feedback_html(fb: pd.DataFrame) -> str:
    """The log in the three columns councils publish, with each entry's status (in words)."""
    if not len(fb):
        return "<p>No “you said, we did” entries yet.</p>"
    rows = "".join(f"<tr><th scope='row'>{esc(r.you_said)}<span class='wtfc-grid-note'> "
                   f"(theme: {esc(r.theme)})</span></th>"  # data-label: a phone's cards
                   f"<td data-label='What we did'>{did_html(r)}</td>"
                   f"<td data-label='Impact and next steps'>"
                   f"{esc(r.impact) or '<em>Not written yet</em>'}</td>"
                   f"<td data-label='Status'>{esc(STATUS_LABELS.get(r.status, r.status))}"
                   f"<br><span class='wtfc-date'>{esc(r.given_on)}</span></td></tr>"
                   for r in fb.itertuples())
    return scroll_region(
        f"<table class='wtfc-grid wtfc-feedback'><caption>You said, we did "
        f"({len(fb)}: {status_summary(fb['status'])})</caption><thead><tr>"
        "<th scope='col'>You said</th><th scope='col'>What we "
        "did and how we are taking it forward</th><th scope='col'>Impact and next steps</th>"
        f"<th scope='col'>Status</th></tr></thead><tbody>{rows}</tbody></table>",
        "You said, we did", "tbody tr", "entry", "entries")


def people_said_html(statements: pd.DataFrame, total: int) -> str:
    if not total:
        return "<p>No statements in this theme.</p>"
    quotes = "".join(f"<li>“{esc(r.text)}” <span class='wtfc-card-meta'>({esc(r.review)})"
                     f"</span></li>" for r in statements.itertuples())
    return (f"<div class='wtfc-people-said'><p><strong>People said</strong> ({len(statements)} "
            f"of {total}):</p><ul>{quotes}</ul></div>")


def long_sentences(text: str) -> bool:
    """True when easy read would have to break a sentence (it has over EASY_WORDS words)."""
    return any(len(s.split()) > EASY_WORDS for s in text.replace("!", ".").split("."))


class ReviewView(MeasurementEditMixin, FeedbackEditMixin, HearBackMixin, StageView):
    """Progress: measurements against the indicators set on Implement, and their chart; the
    "you said, we did" log in three columns with status; who must hear back; the report."""

    stage = step(8).header
    watches = frozenset({"indicators", "measurements", "feedback", "success_statements",
                         "actions", "themes", "statements", "hear_back", "meta"})

    def build(self) -> list[w.Widget]:
        self._quiet = Hush()
        self._ind = self._fb = self._themes = self._actions = pd.DataFrame()
        self._chart_key: object = None
        # measurements of the indicators set on the Implement page
        self.measure_select = w.Dropdown(description="Indicator measured", layout=wide(),
                                         style=STYLE)
        self.measured_on = w.DatePicker(description="Date", style=STYLE, value=date.today())
        self.value = w.Text(description="Value", style=STYLE, layout=w.Layout(width="14rem"))
        self.note = w.Text(description="Note", style=STYLE, layout=wide())
        self.add_measurement_button = w.Button(description="Add measurement",
                                               button_style="primary")
        self.add_measurement_button.on_click(lambda _b: self.add_measurement())
        self.indicators_list = w.HTML(layout=w.Layout(width="100%"))
        self.chart = ChartView(outputs=self.workshop.outputs)
        # you said, we did
        self.theme_select = w.Dropdown(description="Theme", layout=wide(), style=STYLE)
        self.theme_select.observe(self._on_theme, "value")
        self.people_said = w.HTML()
        self.action_select = w.Dropdown(description="Action it reports", layout=wide(),
                                        style=STYLE)
        entry = entry_controls()
        self.you_said, self.we_did, self.impact = entry["you_said"], entry["we_did"], entry[
            "impact"]
        self.fb_status, self.fb_reason, self.fb_given_on = (entry["status"], entry["reason"],
                                                            entry["given_on"])
        texts = [self.you_said, self.we_did, self.impact, self.fb_reason]
        self.add_feedback_button = SubmitButton("Add to the log", button_style="primary",
                                                fields=[*texts, self.theme_select,
                                                        self.action_select, self.fb_status])
        self.add_feedback_button.on_click(lambda _b: self.add_feedback())
        self._feedback_flow = AddForm(self, self.add_feedback_button, boxes=texts,
                                      required=self.we_did)
        self.feedback_list = w.HTML(layout=w.Layout(width="100%"))
        self.report = ReportButton(self.workshop, self.messages)

        self._build_measurement_edit()
        self._measure_fields = [self.measure_select, w.HBox([self.value, self.measured_on]),
                                self.note, w.HBox([self.add_measurement_button])]
        self._measure_box = labelled_box("Add a measurement", self._measure_fields)
        # Indicators are measured now and then: on the big screen the form opens on demand,
        # so the progress and its chart keep the screen.
        self._add_drawer = Drawer("Add a measurement", [self._measure_box])
        self._progress_tab = w.HBox(layout=w.Layout(width="100%", grid_gap="1rem"))
        feedback_form = labelled_box("You said, we did", [
            self.theme_select, self.people_said, self.action_select, self.you_said,
            self.we_did, self.impact, row(self.fb_status, self.fb_given_on), self.fb_reason,
            w.HBox([self.add_feedback_button]), self._build_feedback_edit()])
        feedback_form.add_class("wtfc-fit-form")
        self.send_you_said = SendYouSaid(self.workshop, self.messages)
        log_box = labelled_box("The log", [self.feedback_list, self.send_you_said])
        log_box.add_class("wtfc-fit-main")
        feedback_tab = w.HBox([feedback_form, log_box],
                              layout=w.Layout(width="100%", grid_gap="1rem"))
        feedback_tab.add_class("wtfc-fit-grid")
        self.easy_read = EasyReadSection(self)  # the easy read with pictures (its own tab)
        self.tabs = LazyTab([("Progress", self._progress_tab), ("You said, we did", feedback_tab),
                             ("Who must hear back", self._build_hear_back()),
                             ("Easy read", self.easy_read)])
        self.tabs.add_class("wtfc-fit-tabs")
        self.page_tools = [self.report]
        return self.arrange()

    def arrange(self) -> list[w.Widget]:
        tab = self._progress_tab
        # Deleting a measurement sits by the form that adds one: in a drawer of its own on
        # the big screen, in the form at a table.
        at_table = self.table is not None
        self._show_group_tools()
        self.easy_read.show_role()  # who may change its pictures follows the page's access
        box = self._measure_box
        box.children = [box.children[0], *self._measure_fields,
                        *([self._meas_drawer] if at_table else [])]
        if self.table is None:
            # The big screen: the indicators (scrolling in their box) beside their chart.
            # Two drawers side by side (an open one takes the row's width): the indicators
            # keep the height.
            drawers = w.Box([self._add_drawer, self._meas_drawer])
            drawers.add_class("wtfc-drawer-grid")
            left = w.VBox([labelled_box("Indicators", [self.indicators_list]), drawers])
            left.add_class("wtfc-fit-form")
            left.add_class("wtfc-review-left")
            chart = labelled_box("Progress", [self.chart])
            chart.add_class("wtfc-fit-main")
            tab.children = [left, chart]
            tab.add_class("wtfc-fit-grid")
            tab.add_class("wtfc-review-progress")
        else:
            tab.remove_class("wtfc-fit-grid")
            tab.remove_class("wtfc-review-progress")
            measure = w.VBox([self._measure_box], layout=w.Layout(width="100%"))
            tab.children = [measure, labelled_box("Progress",
                                                     [self.indicators_list, self.chart])]
        return [self.tabs]

    # --- drawing -------------------------------------------------------------------------------
    def redraw(self, tables: set[str]) -> None:
        with self._quiet():
            self._ind = self.workshop.indicators
            self._fb = self.workshop.feedback
            self._themes = self.workshop.themes
            self._actions = self.workshop.actions
            set_options(self.measure_select, [("Choose an indicator", NONE), *(
                (shorten(r.name), r.indicator_id) for r in self._ind.itertuples())],
                keep=self.measure_select.value, fallback=NONE)
            self._draw_measurement_edit()
            self._draw_entry_choices()
            themes = self._themes.sort_values("priority", na_position="last") if len(
                self._themes) else self._themes
            set_options(self.theme_select, [
                (shorten(r.name), r.theme_id) for r in themes.itertuples()],
                keep=self.theme_select.value)
            self._draw_theme()
            if not tables or "hear_back" in tables:  # its own table only: a cheap skip
                self._draw_hear_back()
        self.indicators_list.value = indicators_html(
            self._ind, f"No indicators yet: set them on {step(7).title}.")
        self.feedback_list.value = feedback_html(self._fb)
        self.easy_read.redraw(tables)
        key = tuple(self._ind[["indicator_id", "name", "latest", "target", "baseline"]]
                    .itertuples(index=False)) if len(self._ind) else ()
        if key != self._chart_key:
            try:
                self.chart.show(progress_chart(self._ind, screen=True), caption_scrolls=True)
            except OSError:
                log.warning("could not save the progress chart", exc_info=True)
            self._chart_key = key

    def _draw_theme(self) -> None:
        tid = self.theme_select.value
        if tid is None:
            self.people_said.value = ""
            set_options(self.action_select, [("No action", NONE)], keep=NONE)
            return
        st = self.workshop.statements
        mine = ranked_statements(st[st["theme_id"] == tid])
        self.people_said.value = people_said_html(mine.head(3), len(mine))
        acts = self._actions[self._actions["theme_id"] == tid] if len(self._actions) else \
            self._actions
        set_options(self.action_select, [("No action", NONE), *(
            (shorten(r.text), r.action_id) for r in acts.itertuples())],
            keep=self.action_select.value, fallback=NONE)

    def _on_theme(self, _c: dict) -> None:
        if not self._quiet.on:
            with self._quiet():
                self._draw_theme()

    # --- actions -------------------------------------------------------------------------------
    @guarded
    def add_measurement(self) -> None:
        if not self.measure_select.value:
            raise InputError("Choose the indicator you measured.")
        if self.measured_on.value is None:
            raise InputError("Choose the date of the measurement.")
        self.workshop.add_measurement(self.measure_select.value, self.measured_on.value,
                                      self.value.value, self.note.value, actor=self.actor)
        value = self.value.value
        self.value.value = self.note.value = ""
        self.after_write(f"Added the measurement {value} on {self.measured_on.value}.")

    @guarded
    def add_feedback(self) -> None:
        self._feedback_flow.run(self._save_feedback)

    def _save_feedback(self, sub: Submission) -> str:
        if sub[self.theme_select] is None:
            raise InputError("Choose the theme people spoke about.")
        if self.fb_given_on.value is None:
            raise InputError("Choose the entry's date.")
        said, did, impact = sub[self.you_said], sub[self.we_did], sub[self.impact]
        self.workshop.add_feedback(sub[self.theme_select], said, did, impact=impact,
                                   status=sub[self.fb_status], reason=sub[self.fb_reason],
                                   given_on=self.fb_given_on.value,
                                   action_id=sub[self.action_select] or None, actor=self.actor)
        tip = (f" Tip: easy read breaks sentences over {EASY_WORDS} words; shorter ones read "
               "better." if any(map(long_sentences, (said, did, impact))) else "")
        return f"Added to the log: {len(easy_lines(did))} easy-read line(s).{tip}"
