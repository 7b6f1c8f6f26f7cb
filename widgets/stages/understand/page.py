"""Understand (WTfC step 4): a why-chain or cause tree for a priority theme, then dots on causes."""

from __future__ import annotations

import logging

import ipywidgets as w
import pandas as pd

from widgets.common.cards import esc
from widgets.common.chart import ChartView
from widgets.common.controls import STYLE, labelled_box, set_options, wide
from widgets.common.messages import guarded
from widgets.common.page import Drawer, Hush, StageView
from widgets.common.submit import AddForm, Submission, SubmitButton
from widgets.stages.understand import parts as cc
from workbook import InputError
from workbook.charts.stages import cause_tree_chart
from workbook.stages.understand_outline import (
    OutlineRow,
    ThemeChoice,
    any_theme_voted,
    dots_left_sentence,
    indented_label,
    outline,
    ranked,
    theme_choices,
)
from workbook.steps import step
from workbook.text import plural, shorten

log = logging.getLogger("wtfc.widgets.stages.understand.page")
NO_CAUSE = 0  # option value for "the theme itself" / "choose a cause" (cause ids start at 1)


class RootCauseView(StageView):
    """Choose a prioritised theme, grow its cause tree, and put dots on the causes."""

    stage = step(4).header
    # "meta" holds the dots-per-voter setting, which changes the dots-left sentence.
    watches = frozenset({"causes", "votes", "themes", "statements", "meta"})

    # --- building ------------------------------------------------------------------------------
    def build(self) -> list[w.Widget]:
        self._quiet = Hush()
        self._themes = pd.DataFrame()
        self._causes = pd.DataFrame()
        self._choices: list[ThemeChoice] = []
        self._rows: list[OutlineRow] = []
        self._chart_key: object = None

        self.theme_select = w.Dropdown(description="Theme", options=[], layout=wide(56),
                                       style=STYLE)
        self.theme_info = w.HTML()
        self.theme_select.observe(self._on_theme, "value")

        self.outline_html = w.HTML(layout=w.Layout(width="100%"))
        self.outline_html.add_class("wtfc-cause-outline-box")

        self.cause_text = w.Textarea(
            description="Why?", placeholder="Type one cause, e.g. Staff change too often",
            layout=wide(56, height="6rem"), style=STYLE)
        self.parent_select = w.Dropdown(description="Under", layout=wide(56), style=STYLE)
        self.add_cause_button = SubmitButton("Add cause", button_style="primary",
                                             tooltip="Add this cause under the chosen place",
                                             fields=[self.cause_text, self.parent_select])
        self.add_cause_button.on_click(lambda _b: self.add_cause())
        self._add_cause_flow = AddForm(self, self.add_cause_button, boxes=[self.cause_text])

        self.edit_select = w.Dropdown(description="Cause to change", layout=wide(56), style=STYLE)
        self.edit_select.observe(self._on_edit_choice, "value")
        self.edit_text = w.Textarea(description="New words",
                                    layout=wide(56, height="5rem"),
                                    style=STYLE)
        self.save_cause_button = w.Button(description="Save cause", button_style="primary")
        self.save_cause_button.on_click(lambda _b: self.save_cause())
        self.delete_cause_button = w.Button(
            description="Delete cause", button_style="danger",
            tooltip="Delete this cause and the causes beneath it (Undo brings them back)")
        self.delete_cause_button.on_click(lambda _b: self.delete_cause())

        self.voter = w.Text(value=self.actor, description="Voter name", layout=wide(56),
                            style=STYLE)
        self.voter.observe(lambda _c: self._draw_dots_left(), "value")
        self.vote_cause = w.Dropdown(description="Cause", layout=wide(56), style=STYLE)
        self.vote_button = w.Button(description="Add dot", button_style="success")
        self.vote_button.on_click(lambda _b: self.vote())
        self.unvote_button = w.Button(description="Take dot back")
        self.unvote_button.on_click(lambda _b: self.unvote())
        self.dots_left = w.HTML()
        self.ranking_html = w.HTML(layout=w.Layout(width="100%"))

        self.chart = ChartView(outputs=self.workshop.outputs)

        hint = w.HTML("<p>Ask “why?”. Put a cause under the theme, or under another cause "
                      "to answer “why?” again.</p>")
        hint.add_class("wtfc-rc-hint")
        add_box = labelled_box("Add a cause", [
            hint,
            self.cause_text, self.parent_select, w.HBox([self.add_cause_button])])
        edit_box = labelled_box("Change or delete a cause", [
            self.edit_select, self.edit_text,
            w.HBox([self.save_cause_button, self.delete_cause_button])])
        vote_box = labelled_box("Vote: which causes matter most?", [
            self.voter, self.vote_cause, w.HBox([self.vote_button, self.unvote_button]),
            self.dots_left, w.HTML("<h3>Causes ranked by dots</h3>"), self.ranking_html])
        self._tree_box = labelled_box("The causes", [self.outline_html], "wtfc-board")
        self._choose = labelled_box("Choose a theme", [self.theme_select, self.theme_info])
        self._chart_box = labelled_box("The cause tree", [self.chart])
        self._add_box, self._edit_box, self._vote_box = add_box, edit_box, vote_box
        self._drawers = [Drawer("Change or delete a cause", [edit_box]),
                         Drawer("Vote: which causes matter most?", [vote_box])]
        self._left = w.VBox()
        self._left.add_class("wtfc-rc-left")
        self._grid = w.HBox()
        self._grid.add_class("wtfc-rc-grid")
        return self.arrange()

    def arrange(self) -> list[w.Widget]:
        parts = (self._choose, self._tree_box, self._chart_box)
        classes = ("wtfc-rc-choose", "wtfc-rc-tree", "wtfc-rc-chart")
        if self.table is None:
            # The big screen: the tree and its chart side by side; changing a cause and the
            # voting open on demand. The outline and the chart scroll in their own boxes.
            for part, css in zip(parts, classes, strict=True):
                part.add_class(css)
            self._left.children = [self._tree_box, self._add_box, *self._drawers]
            self._grid.children = [self._left, self._chart_box]
            return [self._choose, self._grid]
        for part, css in zip(parts, classes, strict=True):
            part.remove_class(css)
        self._left.children = self._grid.children = []
        return [
            self._choose,
            w.HBox([self._tree_box, w.VBox([self._add_box, self._edit_box],
                                           layout=w.Layout(width="100%"))],
                   layout=w.Layout(width="100%", grid_gap="1rem")),
            self._vote_box,
            self._chart_box,
        ]

    def table_changed(self) -> None:
        if self.voter.value.strip() in ("", "Big screen"):
            self.voter.value = self.actor

    # --- reading the store ---------------------------------------------------------------------
    @property
    def theme_id(self) -> int | None:
        return self.theme_select.value

    def _theme_row(self) -> pd.Series | None:
        if self.theme_id is None or not len(self._themes):
            return None
        match = self._themes[self._themes["theme_id"] == self.theme_id]
        return None if match.empty else match.iloc[0]

    def _theme_causes(self) -> pd.DataFrame:
        if self.theme_id is None or not len(self._causes):
            return self._causes.iloc[0:0]
        return self._causes[self._causes["theme_id"] == self.theme_id]

    # --- drawing -------------------------------------------------------------------------------
    def redraw(self, tables: set[str]) -> None:
        everything = not tables
        need_themes = everything or bool(tables & {"themes", "statements", "votes"})
        need_causes = everything or bool(tables & {"causes", "votes", "themes"})
        with self._quiet():
            if need_themes:
                self._themes = self.workshop.themes
            if need_causes:
                self._causes = self.workshop.causes
            moved = False
            if need_themes or need_causes:
                moved = self._draw_theme_list()
            if need_themes or moved:
                self._draw_theme_info()
            if need_causes or moved:
                self._draw_causes(theme_changed=moved)
        if everything or tables & {"votes", "meta"}:
            self._draw_dots_left()

    def _draw_theme_list(self) -> bool:
        """Refresh the theme options, keeping the chosen theme; True if the choice changed."""
        before = self.theme_id
        self._choices = theme_choices(self._themes, self._causes) if len(self._themes) else []
        set_options(self.theme_select, [(c.label, c.theme_id) for c in self._choices],
                           keep=before)
        return self.theme_id != before

    def _draw_theme_info(self) -> None:
        row = self._theme_row()
        if row is None:
            self.theme_info.value = cc.no_themes_html()
            return
        priority = None if pd.isna(row["priority"]) else int(row["priority"])
        self.theme_info.value = cc.theme_info_html(
            str(row["name"]), str(row["i_statement"] or ""), int(row["not_working"]),
            int(row["votes"]), priority, none_voted=not any_theme_voted(self._themes))

    def _draw_causes(self, theme_changed: bool = False) -> None:
        causes = self._theme_causes()
        self._rows = outline(causes)
        options = [(indented_label(r), r.cause_id) for r in self._rows]
        set_options(self.parent_select, [("The theme itself", NO_CAUSE), *options],
                           keep=self.parent_select.value, fallback=NO_CAUSE)
        edit_before = self.edit_select.value
        set_options(self.edit_select, [("Choose a cause to change", NO_CAUSE), *options],
                           keep=edit_before, fallback=NO_CAUSE)
        if theme_changed or self.edit_select.value != edit_before:
            # Only when the chosen cause went away: never overwrite words being typed.
            self.edit_text.value = self._cause_text(self.edit_select.value)
        set_options(self.vote_cause, [("Choose a cause", NO_CAUSE), *options],
                           keep=self.vote_cause.value, fallback=NO_CAUSE)
        row = self._theme_row()
        name = "" if row is None else str(row["name"])
        if row is None:
            self.outline_html.value = "<p>Choose a theme to see its causes.</p>"
        else:
            self.outline_html.value = cc.outline_html(name, self._rows)
        self.ranking_html.value = cc.ranking_html(ranked(causes))
        self._draw_chart(name, causes)

    def _draw_chart(self, name: str, causes: pd.DataFrame) -> None:
        # Drawing costs a few tenths of a second: redraw only when what it shows has changed.
        key = (name, tuple((r.cause_id, r.parent_id, r.text, r.level, r.votes) for r in self._rows))
        if key == self._chart_key:
            return
        if not name:
            self.chart.value = ""
        else:
            try:
                # The tree and its caption each scroll in a box of their own on the big screen
                # (wtfc.css): a deep tree is taller than the room under the theme.
                self.chart.show(cause_tree_chart(name, causes), scroll=True,
                                caption_scrolls=True)
            except OSError:
                # Several pages save the same file; the picture is already on screen, and the
                # next page to draw it saves it again.
                log.warning("could not save the cause tree chart", exc_info=True)
        self._chart_key = key  # only once drawn, so a failed draw is tried again next time

    def _draw_dots_left(self) -> None:
        voter = self.voter.value.strip()  # as the core cleans it, so the counts match
        if not voter:
            self.dots_left.value = ("<p class='wtfc-dots-left'>Type a voter name to see the "
                                    "dots left.</p>")
            return
        sentence = dots_left_sentence(voter, self.workshop.dots_left(voter, "cause"),
                                      self.workshop.dots_per_voter())
        self.dots_left.value = (f"<p class='wtfc-dots-left' role='status'><strong>{esc(sentence)}"
                                "</strong></p>")

    def _cause_text(self, cause_id: int | None) -> str:
        for r in self._rows:
            if r.cause_id == cause_id:
                return r.text
        return ""

    # --- user choices --------------------------------------------------------------------------
    def _on_theme(self, _change: dict) -> None:
        if self._quiet.on:
            return
        with self._quiet():
            self._draw_theme_info()
            self._draw_causes(theme_changed=True)

    def _on_edit_choice(self, change: dict) -> None:
        if not self._quiet.on:
            self.edit_text.value = self._cause_text(change["new"])

    # --- actions -------------------------------------------------------------------------------
    def _need_theme(self) -> int:
        if self.theme_id is None:
            raise InputError("Choose a theme first. Themes with not-working statements are listed.")
        return self.theme_id

    def _need_cause(self, dropdown: w.Dropdown, what: str) -> OutlineRow:
        for r in self._rows:
            if r.cause_id == dropdown.value:
                return r
        raise InputError(f"Choose the cause {what} first.")

    @guarded
    def add_cause(self) -> None:
        self._add_cause_flow.run(self._save_new_cause)

    def _save_new_cause(self, sub: Submission) -> str:
        theme_id = self._need_theme()
        words = sub[self.cause_text]
        if not words.strip():
            raise InputError("Type the cause first: one answer to “why is this not working?”.")
        parent = sub[self.parent_select] or None
        where = ("the theme" if parent is None
                 else f"'{shorten(self._cause_text(parent), 50)}'")
        self.workshop.add_cause(theme_id, words, parent, actor=self.actor)
        return f"Added the cause '{shorten(words, 60)}' under {where}."

    @guarded
    def save_cause(self) -> None:
        cause = self._need_cause(self.edit_select, "to change")
        if not self.edit_text.value.strip():
            raise InputError("The new words are blank. Type the cause, or use Delete cause.")
        self.workshop.edit_cause(cause.cause_id, self.edit_text.value, actor=self.actor)
        self.after_write(f"Saved the cause '{shorten(self.edit_text.value, 60)}'.")

    @guarded
    def delete_cause(self) -> None:
        cause = self._need_cause(self.edit_select, "to delete")
        n = self.workshop.delete_cause(cause.cause_id, actor=self.actor)
        beneath = n - 1
        more = (f" and the {plural(beneath, 'cause')} beneath it ({n} in all)"
                if beneath else "")
        self.after_write(f"Deleted the cause '{shorten(cause.text, 60)}'{more}. "
                         "“Undo my last change” brings it back.")

    @guarded
    def vote(self) -> None:
        cause = self._need_cause(self.vote_cause, "to put a dot on")
        voter = self.voter.value
        self.workshop.vote(voter, cause_id=cause.cause_id, actor=self.actor)
        self.after_write(f"Placed a dot on '{shorten(cause.text, 60)}'. {self._left_text()}.")

    @guarded
    def unvote(self) -> None:
        cause = self._need_cause(self.vote_cause, "to take a dot back from")
        self.workshop.unvote(self.voter.value, cause_id=cause.cause_id, actor=self.actor)
        self.after_write(f"Took a dot back from '{shorten(cause.text, 60)}'. {self._left_text()}.")

    def _left_text(self) -> str:
        voter = self.voter.value.strip()
        return dots_left_sentence(voter, self.workshop.dots_left(voter, "cause"),
                                  self.workshop.dots_per_voter())
