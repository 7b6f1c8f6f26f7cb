"""Action plan page, part two: change the words of one of a theme's ideas, or delete it."""

from __future__ import annotations

import time

import ipywidgets as w
import pandas as pd

from widgets.common.cards import esc
from widgets.common.controls import STYLE, set_options, wide
from widgets.common.messages import guarded
from widgets.common.page import Drawer
from workbook import InputError
from workbook.stages.plan import IDEA_LABELS
from workbook.text import shorten

NONE = 0
JUST_NOW = 1.5  # seconds: a second press of Delete within this is the tail of a double click


def tools_box(children: list[w.Widget]) -> w.VBox:
    """A drawer's controls. The right padding keeps the controls' own margins inside the box:
    a widget box clips what overflows it, and a control 100% wide overflows by its margin."""
    box = w.VBox(children, layout=w.Layout(padding="0 0.4rem 0.3rem 0"))
    box.add_class("wtfc-edit-tools")
    return box


def just_now(at: float) -> bool:
    return time.monotonic() - at < JUST_NOW


class ChooserMixin:
    """For views whose choosers can lose their choice to a change made elsewhere."""

    _writing = False

    def after_write(self, message: str | None = None) -> None:
        self._writing = True  # the redraw that follows is this screen's own change
        try:
            super().after_write(message)
        finally:
            self._writing = False

    def _tell_gone(self, text: str) -> None:
        """Say a chosen item has gone; after this screen's own change (an undo, say) add it
        to what that change says rather than hide it."""
        if self._writing and self.messages.kind == "ok":
            self.messages.ok(f"{self.messages.text.removeprefix('✔ ')} {text}")
        else:
            self.messages.info(text)


def idea_label(row: object) -> str:
    """How an idea reads in the chooser (plain text: option labels are not HTML)."""
    chosen = " (→ an action)" if pd.notna(row.action_id) else ""
    return f"{IDEA_LABELS[row.kind]}: {shorten(row.text, 60)}{chosen}"


class IdeaEditMixin(ChooserMixin):
    """Mixed into ActionPlanView: the "Change or delete an idea" drawer and what it does."""

    def _build_idea_edit(self) -> Drawer:
        self._idea_loaded: tuple[int, str] | None = None  # (idea, its words as loaded)
        self._idea_deleted_at = -1e9
        self.idea_edit_select = w.Dropdown(description="Idea to change", layout=wide(),
                                           style=STYLE, options=[("Choose an idea", NONE)])
        self.idea_edit_select.observe(self._on_idea_choice, "value")
        self.idea_edit_text = w.Textarea(description="New words", style=STYLE,
                                         layout=wide(height="4rem"))
        self.idea_action_note = w.HTML()
        self.save_idea_button = w.Button(description="Save idea", button_style="primary")
        self.save_idea_button.on_click(lambda _b: self.save_idea())
        self.delete_idea_button = w.Button(description="Delete idea", button_style="danger",
                                           tooltip="“Undo my last change” brings it back")
        self.delete_idea_button.on_click(lambda _b: self.delete_idea())
        box = tools_box([self.idea_edit_select, self.idea_action_note, self.idea_edit_text,
                         w.HBox([self.save_idea_button, self.delete_idea_button])])
        self._idea_drawer = Drawer("Change or delete an idea", [box])
        self.idea_edit_toggle = self._idea_drawer.toggle
        return self._idea_drawer

    # --- drawing -------------------------------------------------------------------------------
    def _draw_idea_choices(self, ideas: pd.DataFrame) -> None:
        """The theme's ideas to choose from (called inside the view's Hush)."""
        chosen = self.idea_edit_select.value or NONE
        rows = ideas.sort_values(["kind", "idea_id"]) if len(ideas) else ideas
        set_options(self.idea_edit_select, [
            ("Choose an idea" if len(rows) else "No ideas for this theme yet", NONE),
            *((idea_label(r), int(r.idea_id)) for r in rows.itertuples())],
            keep=chosen, fallback=NONE)
        if chosen and self._idea_row(chosen) is None:  # gone from the store, not just hidden
            self._tell_gone("The idea you were changing has been deleted (on this or "
                            "another screen).")
        self._fill_idea()

    def _idea_row(self, idea_id: int) -> pd.Series | None:
        if not idea_id or not len(self._ideas):
            return None
        match = self._ideas[self._ideas["idea_id"] == idea_id]
        return None if match.empty else match.iloc[0]

    def _made_action(self, row: pd.Series | None) -> str:
        """The words of the action this idea became, or "" if it did not become one."""
        if row is None or pd.isna(row["action_id"]) or not len(self._actions):
            return ""
        match = self._actions[self._actions["action_id"] == row["action_id"]]
        return "" if match.empty else str(match.iloc[0]["text"])

    def _fill_idea(self) -> None:
        row = self._idea_row(self.idea_edit_select.value)
        words = "" if row is None else str(row["text"])
        loaded = self._idea_loaded
        typing = (row is not None and loaded is not None and loaded[0] == row["idea_id"]
                  and self.idea_edit_text.value != loaded[1])
        if not typing:  # words typed here and not yet saved are kept through a redraw
            self.idea_edit_text.value = words
        self._idea_loaded = None if row is None else (int(row["idea_id"]), words)
        action = self._made_action(row)
        self.idea_action_note.value = (
            f"<p class='wtfc-note' role='note'>This idea became the action "
            f"“{esc(shorten(action, 80))}”. Deleting the idea keeps that action in the plan.</p>"
            if action else "")

    @guarded
    def _on_idea_choice(self, _c: dict) -> None:
        if not self._quiet.on:
            self._fill_idea()

    # --- actions -------------------------------------------------------------------------------
    @guarded
    def save_idea(self) -> None:
        if not self.idea_edit_select.value:
            raise InputError("Choose the idea to change first, from “Idea to change”.")
        words = self.idea_edit_text.value.strip()
        if not words:
            raise InputError("The new words are blank: type the idea's words, or press "
                             "“Delete idea” to remove it.")
        if self._idea_loaded and words == self._idea_loaded[1]:
            self.messages.info("Nothing to save: the words have not changed.")
            return
        self.workshop.edit_idea(self.idea_edit_select.value, words, actor=self.actor)
        self.after_write(f"Saved the idea: “{shorten(words, 40)}”.")

    @guarded
    def delete_idea(self) -> None:
        iid = self.idea_edit_select.value
        if not iid:
            if just_now(self._idea_deleted_at):
                return  # the second half of a double click: it is already deleted
            raise InputError("Choose the idea to delete first, from “Idea to change”.")
        row = self._idea_row(iid)
        action = self._made_action(row)
        self.workshop.delete_idea(iid, actor=self.actor)
        self._idea_deleted_at = time.monotonic()
        with self._quiet():
            self.idea_edit_select.value = NONE
        self._fill_idea()
        kept = (f" Its action “{shorten(action, 30)}” stays in the plan." if action else "")
        words = "" if row is None else f" “{shorten(str(row['text']), 30)}”"
        self.after_write(f"Deleted the idea{words}.{kept} “Undo my last change” brings the "
                         "idea back.")
