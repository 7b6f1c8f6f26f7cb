"""Identify success (WTfC step 5): success statements for each priority theme, every voice."""

from __future__ import annotations

import ipywidgets as w
import pandas as pd

from widgets.common.cards import esc, scroll_region
from widgets.common.controls import STYLE, labelled_box, set_options, wide
from widgets.common.messages import guarded
from widgets.common.page import Drawer, Hush, StageView
from widgets.common.report_button import ReportButton
from widgets.common.submit import AddForm, Submission, SubmitButton
from workbook import InputError
from workbook.model import SUCCESS_PERSPECTIVES
from workbook.stages.success import VOICES, gaps_sentence, voice_warning
from workbook.stages.thread import success_gaps
from workbook.stages.understand_outline import outline, theme_choices
from workbook.steps import step
from workbook.text import shorten

NONE = 0


def grid_html(gaps: pd.DataFrame, success: pd.DataFrame) -> str:
    """Priority themes x voices: every statement, and "not heard yet" where there is none."""
    if not len(gaps):
        return ("<p class='wtfc-note' role='note'>No priority themes yet: vote on themes on "
                "the Theme page first.</p>")
    head = "".join(f"<th scope='col'>{esc(VOICES[p].label)} ({VOICES[p].voice})</th>"
                   for p in SUCCESS_PERSPECTIVES)
    rows = []
    for theme in gaps.index:
        mine = success[success["theme"] == theme]
        cells = []
        for p in SUCCESS_PERSPECTIVES:
            said = mine[mine["perspective"] == p]["text"].tolist()
            # data-label: on a phone each row is a card and each cell names its voice
            voice = esc(f"{VOICES[p].label} ({VOICES[p].voice})")
            cells.append(f"<td data-label='{voice}'>" + "".join(
                f"<p class='wtfc-success-text'>{esc(t)}</p>" for t in said) + "</td>" if said
                else f"<td class='wtfc-gap' data-label='{voice}'><strong>✖ Not heard yet"
                     "</strong></td>")
        rows.append(f"<tr><th scope='row'>{esc(theme)}</th>{''.join(cells)}</tr>")
    return scroll_region(
        f"<table class='wtfc-grid'><caption>Success statements by theme and voice</caption>"
        f"<thead><tr><th scope='col'>Theme</th>{head}</tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>",
        "Success statements by theme and voice", "tbody tr", "theme", "themes")


class SuccessView(StageView):
    """Choose a theme and a voice, read the prompt, write what success would look like."""

    stage = step(5).header
    watches = frozenset({"success_statements", "themes", "causes", "votes", "statements"})

    def build(self) -> list[w.Widget]:
        self._quiet = Hush()
        self._themes = pd.DataFrame()
        self._causes = pd.DataFrame()
        self._success = pd.DataFrame()
        self.theme_select = w.Dropdown(description="Theme", layout=wide(52), style=STYLE)
        self.theme_select.observe(self._on_theme, "value")
        self.cause_select = w.Dropdown(description="Cause it answers", layout=wide(52), style=STYLE)
        self.perspective = w.ToggleButtons(
            description="Whose voice",
            options=[(f"{v.label} ({v.voice})", p) for p, v in VOICES.items()],
            style={"description_width": "initial", "button_width": "auto"})
        self.perspective.observe(lambda _c: self._draw_prompt(), "value")
        self.prompt = w.HTML()
        self.success_text = w.Textarea(description="Success statement",
                                       layout=wide(52, height="5rem"), style=STYLE)
        self.add_button = SubmitButton("Add success statement", button_style="primary",
                                       fields=[self.success_text, self.perspective,
                                               self.theme_select, self.cause_select])
        self.add_button.on_click(lambda _b: self.add())
        self._add_flow = AddForm(self, self.add_button, boxes=[self.success_text])

        self.edit_select = w.Dropdown(description="Statement to change", layout=wide(52),
                                      style=STYLE)
        self.edit_select.observe(self._on_edit_choice, "value")
        self.edit_text = w.Textarea(description="New words", layout=wide(52, height="4rem"),
                                    style=STYLE)
        self.save_button = w.Button(description="Save statement", button_style="primary")
        self.save_button.on_click(lambda _b: self.save())
        self.delete_button = w.Button(description="Delete statement", button_style="danger",
                                      tooltip="Undo my last change brings it back")
        self.delete_button.on_click(lambda _b: self.delete())
        self.edit_box = w.VBox([self.edit_select, self.edit_text,
                                w.HBox([self.save_button, self.delete_button])])
        # Changing a statement is now and then: behind a button, so writing keeps the room.
        self._edit_drawer = Drawer("Change or delete a statement", [self.edit_box])
        self.edit_toggle = self._edit_drawer.toggle

        self.gaps = w.HTML()
        self.grid = w.HTML(layout=w.Layout(width="100%"))
        self.report = ReportButton(self.workshop, self.messages)
        write = labelled_box("Write a success statement", [
            self.theme_select, self.cause_select, self.perspective, self.prompt,
            self.success_text, w.HBox([self.add_button]), self._edit_drawer])
        board = labelled_box("Who has been heard", [self.gaps, self.grid])
        # On the big screen (wtfc.css) the form and the grid share the screen; the grid
        # scrolls in its own box.
        write.add_class("wtfc-fit-form")
        board.add_class("wtfc-fit-main")
        self._draw_prompt()
        self.page_tools = [self.report]
        grid = w.HBox([write, board], layout=w.Layout(width="100%", grid_gap="1rem"))
        grid.add_class("wtfc-fit-grid")
        return [grid]

    # --- drawing -------------------------------------------------------------------------------
    def redraw(self, tables: set[str]) -> None:
        with self._quiet():
            self._themes = self.workshop.themes
            self._causes = self.workshop.causes
            self._success = self.workshop.success_statements
            choices = theme_choices(self._themes, self._causes) if len(self._themes) else []
            set_options(self.theme_select, [(c.label, c.theme_id) for c in choices],
                               keep=self.theme_select.value)
            self._draw_theme()
        gaps = success_gaps(self._themes, self._success) if len(self._themes) else pd.DataFrame()
        self.gaps.value = (f"<p class='wtfc-gaps' role='status'><strong>"
                           f"{esc(gaps_sentence(gaps))}</strong></p>")
        self.grid.value = grid_html(gaps, self._success)

    def _draw_theme(self) -> None:
        tid = self.theme_select.value
        causes = self._causes[self._causes["theme_id"] == tid] if len(self._causes) else \
            self._causes
        rows = outline(causes) if len(causes) else []
        set_options(self.cause_select, [("The whole theme", NONE), *(
            (("★ " if r.top else "") + "— " * (r.level - 1) + shorten(r.text), r.cause_id)
            for r in rows)], keep=self.cause_select.value, fallback=NONE)
        mine = self._success[self._success["theme_id"] == tid] if len(self._success) else \
            self._success
        before = self.edit_select.value
        set_options(self.edit_select, [("Choose a statement", NONE), *(
            (f"{VOICES[r.perspective].label}: {shorten(r.text)}", r.success_id)
            for r in mine.itertuples())], keep=before, fallback=NONE)
        if self.edit_select.value != before:
            self.edit_text.value = self._text_of(self.edit_select.value)

    def _draw_prompt(self) -> None:
        v = VOICES[self.perspective.value]
        self.prompt.value = (f"<div class='wtfc-prompt'><p><strong>{esc(v.prompt)}</strong></p>"
                             f"<p>For example: <em>“{esc(v.example)}”</em></p></div>")

    def _text_of(self, success_id: int | None) -> str:
        if not success_id or not len(self._success):
            return ""
        match = self._success[self._success["success_id"] == success_id]
        return "" if match.empty else str(match.iloc[0]["text"])

    def _on_theme(self, _c: dict) -> None:
        if not self._quiet.on:
            with self._quiet():
                self._draw_theme()

    def _on_edit_choice(self, change: dict) -> None:
        if not self._quiet.on:
            self.edit_text.value = self._text_of(change["new"])

    # --- actions -------------------------------------------------------------------------------
    @guarded
    def add(self) -> None:
        self._add_flow.run(self._save_new)

    def _save_new(self, sub: Submission) -> str:
        theme, voice, text = sub[self.theme_select], sub[self.perspective], sub[self.success_text]
        if theme is None:
            raise InputError("Choose a theme first. Prioritised themes are listed first.")
        if not text.strip():
            raise InputError(f"Type the success statement first, e.g. “{VOICES[voice].example}”")
        self.workshop.add_success(theme, voice, text, sub[self.cause_select] or None,
                                  actor=self.actor)
        return voice_warning(voice, text) or f"Added: “{shorten(text, 60)}”."

    def _chosen(self) -> int:
        if not self.edit_select.value:
            raise InputError("Choose the statement to change first.")
        return self.edit_select.value

    @guarded
    def save(self) -> None:
        sid = self._chosen()
        self.workshop.edit_success(sid, actor=self.actor, text=self.edit_text.value)
        self.after_write(f"Saved: “{shorten(self.edit_text.value, 60)}”.")

    @guarded
    def delete(self) -> None:
        sid = self._chosen()
        text = self._text_of(sid)
        self.workshop.delete_success(sid, actor=self.actor)
        self.after_write(f"Deleted “{shorten(text, 60)}”. “Undo my last change” brings it back.")
