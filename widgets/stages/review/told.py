"""Review page, part four: who must hear back, by group, and when and how each was told."""

from __future__ import annotations

from datetime import date

import ipywidgets as w
import pandas as pd

from widgets.common.cards import esc, scroll_region
from widgets.common.controls import STYLE, labelled_box, note, row, set_options, wide
from widgets.common.messages import guarded
from widgets.common.page import Drawer
from widgets.stages.plan.edit import tools_box
from workbook import InputError
from workbook.feedback.vocab import HOW_CHOICES

ONLY_FACILITATOR = ("Only the facilitator changes who is on the list: open this page from the "
                    "facilitator's link.")


def hear_back_html(hb: pd.DataFrame) -> str:
    """The list: each group, told or not (in words, never colour alone), when and how."""
    if not len(hb):
        return "<p>Nobody is on the list of who must hear back.</p>"
    waiting = int((~hb["told"]).sum())
    rows = "".join(
        f"<tr><th scope='row'>{esc(r.group)}</th>"
        f"<td data-label='Told'>{'✔ Told ' + esc(r.told_on) if r.told else '✘ Not yet'}</td>"
        f"<td data-label='How'>{esc(r.how) or '–'}</td>"
        f"<td data-label='Note'>{esc(r.note)}</td></tr>" for r in hb.itertuples())
    caption = (f"Who must hear back: {waiting} still to tell" if waiting
               else "Who must hear back: every group told")
    return scroll_region(
        f"<table class='wtfc-grid wtfc-hear-back'><caption>{caption}</caption><thead><tr>"
        "<th scope='col'>Group</th><th scope='col'>Told</th><th scope='col'>How</th>"
        f"<th scope='col'>Note</th></tr></thead><tbody>{rows}</tbody></table>",
        "Who must hear back", "tbody tr", "group", "groups")


class HearBackMixin:
    """Mixed into ReviewView: the "Who must hear back" tab and what it does."""

    def _build_hear_back(self) -> w.Widget:
        self._hb = pd.DataFrame()
        self.told_group = w.Dropdown(description="Group", style=STYLE, layout=wide())
        self.told_on = w.DatePicker(description="Date they were told", style=STYLE,
                                    value=date.today())
        self.told_how = w.Combobox(description="How they were told", options=HOW_CHOICES,
                                   placeholder="Letter, email, meeting, easy read...",
                                   ensure_option=False, style=STYLE, layout=wide(24))
        self.told_note = w.Text(description="Note (optional)", style=STYLE, layout=wide())
        self.record_told_button = w.Button(description="Record that they were told",
                                           button_style="primary")
        self.record_told_button.on_click(lambda _b: self.record_told())
        self.not_told_button = w.Button(description="Not told yet",
                                        tooltip="Take back a group recorded as told by mistake")
        self.not_told_button.on_click(lambda _b: self.mark_not_told())
        self.new_group = w.Text(description="Another group", style=STYLE, layout=wide(),
                                placeholder="e.g. Youth council")
        self.add_group_button = w.Button(description="Add to the list")
        self.add_group_button.on_click(lambda _b: self.add_group())
        self.remove_group_button = w.Button(
            description="Take the group off the list", button_style="danger",
            tooltip="A usual group that need not hear back this time; “Undo” brings it back")
        self.remove_group_button.on_click(lambda _b: self.remove_group())
        self.hear_back_list = w.HTML(layout=w.Layout(width="100%"))
        # Changed once in a while, by the facilitator: behind a drawer, so the form and the
        # list keep the big screen.
        self._group_tools = Drawer("Add or take off a group (facilitator)", [tools_box([
            note("The usual groups are listed already. Add any other group who must hear "
                 "back, or take off the group chosen above if it need not this time."),
            self.new_group, row(self.add_group_button, self.remove_group_button)])])
        form = labelled_box("Record who has been told", [
            self.told_group, row(self.told_on, self.told_how), self.told_note,
            row(self.record_told_button, self.not_told_button), self._group_tools])
        form.add_class("wtfc-fit-form")
        listing = labelled_box("Who must hear back", [self.hear_back_list])
        listing.add_class("wtfc-fit-main")
        tab = w.HBox([form, listing], layout=w.Layout(width="100%", grid_gap="1rem"))
        tab.add_class("wtfc-fit-grid")
        return tab

    def _show_group_tools(self) -> None:
        """The list's groups are the facilitator's to change; a table records telling."""
        self._group_tools.layout.display = None if self.is_facilitator else "none"

    def _draw_hear_back(self) -> None:
        self._hb = self.workshop.hear_back
        set_options(self.told_group, [
            (f"{r.group} ({'told ' + r.told_on if r.told else 'not told yet'})", r.group)
            for r in self._hb.itertuples()], keep=self.told_group.value)
        self.hear_back_list.value = hear_back_html(self._hb)

    def _chosen_group(self) -> str:
        if not self.told_group.value:
            raise InputError("Choose the group, from “Group”.")
        return self.told_group.value

    # --- actions -------------------------------------------------------------------------------
    @guarded
    def record_told(self) -> None:
        group = self._chosen_group()
        self.workshop.record_told(group, self.told_on.value, self.told_how.value,
                                  self.told_note.value, actor=self.actor)
        self.told_note.value = ""
        self.after_write(f"Recorded: {group} told on {self.told_on.value} "
                         f"({self.told_how.value.strip()}).")

    @guarded
    def mark_not_told(self) -> None:
        group = self._chosen_group()
        self.workshop.mark_not_told(group, actor=self.actor)
        self.after_write(f"{group}: back to not told yet. “Undo my last change” restores it.")

    @guarded
    def add_group(self) -> None:
        if not self.is_facilitator:
            raise InputError(ONLY_FACILITATOR)
        name = self.workshop.add_hear_back_group(self.new_group.value, actor=self.actor)
        self.new_group.value = ""
        self.after_write(f"Added {name} to who must hear back.")
        if name in dict(self.told_group.options).values():
            self.told_group.value = name  # ready to record when they are told

    @guarded
    def remove_group(self) -> None:
        if not self.is_facilitator:
            raise InputError(ONLY_FACILITATOR)
        group = self._chosen_group()
        self.workshop.remove_hear_back_group(group, actor=self.actor)
        self.after_write(f"Took {group} off the list. “Undo my last change” brings it back.")
