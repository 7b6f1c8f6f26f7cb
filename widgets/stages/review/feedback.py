"""Review page, part three: change or delete a "you said, we did" entry (columns, status, date)."""

from __future__ import annotations

import time
from datetime import date

import ipywidgets as w
import pandas as pd

from widgets.common.controls import STYLE, set_options, wide
from widgets.common.messages import guarded
from widgets.common.page import Drawer
from widgets.stages.plan.edit import ChooserMixin, just_now, tools_box
from workbook import InputError
from workbook.feedback.vocab import DEFAULT_STATUS, STATUS_LABELS, STATUSES
from workbook.text import shorten

NONE = 0
FIELDS = {"you_said": "“you said”", "we_did": "“we did”",
          "impact": "“impact and next steps”", "status": "the status",
          "reason": "the reason", "given_on": "the date"}
REQUIRED = ("you_said", "we_did")
STATUS_OPTIONS = [(STATUS_LABELS[s], s) for s in STATUSES]
LABELS = {  # short, so the boxes keep their width; the placeholders give the full heading
    "you_said": "You said",
    "we_did": "What we did",
    "impact": "Impact and next steps",
    "status": "Status",
    "reason": "Why not done",
    "given_on": "Date",
}
PLACEHOLDERS = {
    "you_said": "What people told us, in their words",
    "we_did": "What we did and how we are taking it forward",
    "impact": "What changed, and what happens next",
    "reason": "If not done: what has not been done, and why",
}


def entry_label(row: object) -> str:
    """How an entry reads in the chooser (plain text: option labels are not HTML)."""
    return f"{shorten(row.theme, 30)} — you said: {shorten(row.you_said, 50)}"


def entry_controls(suffix: str = "") -> dict[str, w.Widget]:
    """One entry's controls, labelled as councils publish the columns."""
    def box(name: str, height: str = "4rem") -> w.Textarea:
        return w.Textarea(description=LABELS[name] + suffix, style=STYLE,
                          placeholder=PLACEHOLDERS[name], layout=wide(height=height))
    return {
        "you_said": box("you_said"), "we_did": box("we_did"), "impact": box("impact"),
        "status": w.Dropdown(description=LABELS["status"], options=STATUS_OPTIONS,
                             value=DEFAULT_STATUS, style=STYLE),
        "reason": box("reason", "3rem"),
        "given_on": w.DatePicker(description=LABELS["given_on"], style=STYLE,
                                 value=date.today()),
    }


def read(control: w.Widget) -> str:
    """A control's value as the store keeps it (text; a date as 2027-03-31)."""
    value = control.value
    if isinstance(control, w.DatePicker):
        return value.isoformat() if value else ""
    return "" if value is None else str(value)


def write(control: w.Widget, text: str) -> None:
    if isinstance(control, w.DatePicker):
        control.value = date.fromisoformat(text) if text else None
    elif isinstance(control, w.Dropdown):
        control.value = text if text in STATUSES else DEFAULT_STATUS
    else:
        control.value = text


class FeedbackEditMixin(ChooserMixin):
    """Mixed into ReviewView: the "Change or delete an entry" drawer and what it does."""

    def _build_feedback_edit(self) -> Drawer:
        self._fb_loaded: tuple[int, dict[str, str]] | None = None
        self._fb_deleted_at = -1e9
        self.fb_edit_select = w.Dropdown(description="Entry to change", style=STYLE,
                                         layout=wide(),
                                         options=[("Choose an entry", NONE)])
        self.fb_edit_select.observe(self._on_entry_choice, "value")
        self._fb_fields = entry_controls(" (new words)")
        f = self._fb_fields
        # public names the tests and the page use
        self.fb_edit_said, self.fb_edit_did, self.fb_edit_impact = (
            f["you_said"], f["we_did"], f["impact"])
        self.fb_edit_status, self.fb_edit_reason, self.fb_edit_given_on = (
            f["status"], f["reason"], f["given_on"])
        self.save_feedback_button = w.Button(description="Save entry", button_style="primary")
        self.save_feedback_button.on_click(lambda _b: self.save_feedback())
        self.delete_feedback_button = w.Button(description="Delete entry", button_style="danger",
                                               tooltip="“Undo my last change” brings it back")
        self.delete_feedback_button.on_click(lambda _b: self.delete_feedback())
        self._fb_drawer = Drawer("Change or delete an entry", [tools_box([
            self.fb_edit_select, *f.values(),
            w.HBox([self.save_feedback_button, self.delete_feedback_button])])])
        return self._fb_drawer

    # --- drawing (inside the view's Hush) ------------------------------------------------------
    def _draw_entry_choices(self) -> None:
        chosen = self.fb_edit_select.value or NONE
        fb = self._fb
        set_options(self.fb_edit_select, [
            ("Choose an entry" if len(fb) else "No entries yet", NONE),
            *((entry_label(r), int(r.feedback_id)) for r in fb.itertuples())],
            keep=chosen, fallback=NONE)
        if chosen and self._entry(chosen) is None:
            self._tell_gone("The entry you were changing has been deleted (on this or another "
                            "screen).")
        self._fill_entry()

    def _entry(self, fid: int) -> pd.Series | None:
        if not fid or not len(self._fb):
            return None
        match = self._fb[self._fb["feedback_id"] == fid]
        return None if match.empty else match.iloc[0]

    def _fill_entry(self) -> None:
        row = self._entry(self.fb_edit_select.value)
        stored = {k: ("" if row is None or pd.isna(row[k]) else str(row[k]))
                  for k in self._fb_fields}
        loaded = self._fb_loaded
        same = row is not None and loaded is not None and loaded[0] == row["feedback_id"]
        for name, control in self._fb_fields.items():
            if not (same and read(control) != loaded[1][name]):  # keep unsaved typing
                write(control, stored[name])
        self._fb_loaded = None if row is None else (int(row["feedback_id"]), stored)

    @guarded
    def _on_entry_choice(self, _c: dict) -> None:
        if not self._quiet.on:
            self._fill_entry()

    # --- actions -------------------------------------------------------------------------------
    @guarded
    def save_feedback(self) -> None:
        if not self.fb_edit_select.value or self._fb_loaded is None:
            raise InputError("Choose the entry to change first, from “Entry to change”.")
        for name in REQUIRED:
            if not read(self._fb_fields[name]).strip():
                raise InputError(f"{FIELDS[name].capitalize()} is blank: type its words, or "
                                 "press “Delete entry” to remove the entry.")
        if not read(self.fb_edit_given_on):
            raise InputError("Choose the entry's date.")
        loaded = self._fb_loaded[1]
        changes = {name: read(control).strip() for name, control in self._fb_fields.items()
                   if read(control).strip() != loaded[name].strip()}
        if not changes:
            self.messages.info("Nothing to save: the entry has not changed.")
            return
        self.workshop.edit_feedback(self.fb_edit_select.value, actor=self.actor, **changes)
        names = [FIELDS[n] for n in changes]
        listed = ", ".join(names[:-1]) + f" and {names[-1]}" if len(names) > 1 else names[0]
        self.after_write(f"Saved the entry (changed: {listed}).")

    @guarded
    def delete_feedback(self) -> None:
        fid = self.fb_edit_select.value
        if not fid:
            if just_now(self._fb_deleted_at):
                return  # the second half of a double click: it is already deleted
            raise InputError("Choose the entry to delete first, from “Entry to change”.")
        row = self._entry(fid)
        self.workshop.delete_feedback(fid, actor=self.actor)
        self._fb_deleted_at = time.monotonic()
        with self._quiet():
            self.fb_edit_select.value = NONE
        self._fill_entry()
        said = "" if row is None else f" “{shorten(str(row['you_said']), 30)}”"
        self.after_write(f"Deleted the entry{said}. “Undo my last change” brings it back.")
