"""Theme page controls: make, rename, word, merge, split and delete themes (a ThemeView mixin)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import ipywidgets as w

from widgets.common.cards import heading
from widgets.common.controls import STYLE, button, note, row, set_note, set_options, wide
from widgets.common.messages import guarded
from widgets.common.page import Hush
from widgets.common.submit import AddForm, SubmitButton
from workbook import InputError
from workbook.stages.theme_board import THEME_LIST_LIMIT, card_label, theme_cards
from workbook.text import plural

if TYPE_CHECKING:
    import pandas as pd



def section(title: str, children: Sequence[w.Widget], css: str = "") -> w.VBox:
    """A group of controls under a plain heading (the heading is a fixed, escaped string)."""
    box = w.VBox([w.HTML(heading(title, 3)), *children],
                 layout=w.Layout(margin="0 0 1.25rem 0", align_items="flex-start"))
    box.add_class("wtfc-theme-section")
    if css:
        box.add_class(css)
    return box


def text(description: str, placeholder: str = "", area: bool = False) -> w.Text | w.Textarea:
    kind = w.Textarea if area else w.Text
    return kind(description=description, placeholder=placeholder, style=STYLE,
                layout=wide(gutter_px=12))


class ThemeEditMixin:
    """The "Themes" tab. The view provides workshop, actor, messages, after_write, _hush."""

    workshop: Any
    actor: str
    _hush: Hush
    _themes: pd.DataFrame

    def _build_theme_edit(self) -> w.VBox:
        self.new_theme_name = text("Theme name", "e.g. Knowing who supports me")
        self.new_theme_i = text('"I" statement (optional)', "e.g. I know who is supporting me "
                                "today", area=True)
        self.add_theme_button = SubmitButton(
            "Add theme", tooltip="Make a new, empty theme", button_style="primary",
            fields=[self.new_theme_name, self.new_theme_i],
            layout=w.Layout(width="auto", flex="0 0 auto"))
        self.add_theme_button.on_click(lambda _b: self.add_theme())
        self._add_theme_flow = AddForm(self, self.add_theme_button,
                                       boxes=[self.new_theme_name, self.new_theme_i])

        self.theme_select = w.Dropdown(description="Theme to change", options=[], style=STYLE,
                                       layout=wide(gutter_px=12))
        self.theme_select.observe(self._theme_chosen, "value")
        self.rename_text = text("New name")
        self.rename_button = button("Rename theme", "Give the chosen theme this name")
        self.rename_button.on_click(lambda _b: self.rename_theme())
        self.i_statement_text = text('"I" statement', "In the person's own voice: I ...",
                                     area=True)
        self.i_statement_button = button('Save "I" statement',
                                         'Save the "I" statement of the chosen theme')
        self.i_statement_button.on_click(lambda _b: self.save_i_statement())
        self.delete_theme_button = button("Delete theme", "Delete the chosen theme; its cards "
                                          "go back to not yet in a theme", "danger")
        self.delete_theme_button.on_click(lambda _b: self.delete_theme())

        self.merge_keep = w.Dropdown(description="Keep this theme", options=[], style=STYLE,
                                     layout=wide(gutter_px=12))
        self.merge_others = w.SelectMultiple(description="Merge these into it", options=[],
                                             rows=5, style=STYLE, layout=wide(gutter_px=12))
        self.merge_button = button("Merge themes", "Move the cards of the themes chosen below "
                                   "into the theme to keep")
        self.merge_button.on_click(lambda _b: self.merge_themes())

        self.split_cards = w.SelectMultiple(description="Cards to split off", options=[],
                                            rows=6, style=STYLE, layout=wide(gutter_px=12))
        self.split_note = note()
        self.split_name = text("New theme name")
        self.split_button = button("Split into new theme", "Start a new theme from the cards "
                                   "chosen above")
        self.split_button.on_click(lambda _b: self.split_theme())
        return w.VBox([
            section("Make a theme", [self.new_theme_name, self.new_theme_i,
                                     self.add_theme_button]),
            section("Change a theme", [
                self.theme_select, row(self.rename_text, self.rename_button),
                row(self.i_statement_text, self.i_statement_button),
                self.delete_theme_button]),
            section("Split the theme chosen above", [
                self.split_cards, self.split_note, row(self.split_name, self.split_button)]),
            section("Merge themes", [self.merge_keep, self.merge_others, self.merge_button]),
        ])

    # --- drawing ------------------------------------------------------------------------
    def _draw_theme_lists(self, themes: pd.DataFrame) -> None:
        options = [(str(n), int(t)) for t, n in zip(themes["theme_id"], themes["name"],
                                                    strict=True)]
        set_options(self.merge_keep, options, hush=self._hush)
        set_options(self.merge_others, options, hush=self._hush)
        before = self.theme_select.value
        set_options(self.theme_select, options, hush=self._hush)
        if self.theme_select.value != before or not self.rename_text.value:
            self._fill_theme_fields()
        else:
            self._draw_split_cards()

    def _theme_chosen(self, _change: dict) -> None:
        if not self._hush.on:
            self._fill_theme_fields()

    def _fill_theme_fields(self) -> None:
        """Put the chosen theme's name and "I" statement in the boxes, ready to edit."""
        row = self._theme_row(self.theme_select.value)
        self.rename_text.value = "" if row is None else str(row["name"])
        self.i_statement_text.value = "" if row is None else str(row["i_statement"] or "")
        self._draw_split_cards()

    def _draw_split_cards(self) -> None:
        tid = self.theme_select.value
        row = self._theme_row(tid)
        if row is None:
            set_options(self.split_cards, [], hush=self._hush)
            set_note(self.split_note, "Choose a theme above to see its cards.")
            return
        cards = theme_cards(self.workshop.store, [tid], limit=THEME_LIST_LIMIT)[tid]
        set_options(self.split_cards, [(card_label(c), c["id"]) for c in cards], hush=self._hush)
        total = int(row["statements"])
        set_note(self.split_note, f"Showing {len(cards):,} of {plural(total, 'card')} in "
                 "this theme, "
                 "most recently moved first." if total > len(cards) else "")

    def _theme_row(self, theme_id: int | None) -> dict | None:
        if theme_id is None:
            return None
        rows = self._themes[self._themes["theme_id"] == theme_id]
        return None if rows.empty else rows.iloc[0].to_dict()

    def _theme_name(self, theme_id: int) -> str:
        row = self._theme_row(theme_id)
        return str(row["name"]) if row else "that theme"

    def _chosen_theme(self) -> int:
        if self.theme_select.value is None:
            raise InputError("Choose a theme first, in “Theme to change”.")
        return int(self.theme_select.value)

    # --- actions ------------------------------------------------------------------------
    @guarded
    def add_theme(self) -> None:
        made: list[int] = []

        def save(sub: Any) -> str:
            name = sub[self.new_theme_name]
            made.append(self.workshop.add_theme(name, sub[self.new_theme_i], actor=self.actor))
            return (f"Made the theme “{name.strip()}”. Drag cards onto it, or choose "
                    "cards and move them under “Move cards”.")

        if self._add_theme_flow.run(save) is not None:
            self.theme_select.value = self.move_target.value = made[0]

    @guarded
    def rename_theme(self) -> None:
        tid = self._chosen_theme()
        old = self._theme_name(tid)
        self.workshop.rename_theme(tid, self.rename_text.value, actor=self.actor)
        self.after_write(f"Renamed “{old}” to “{self.rename_text.value.strip()}”.")

    @guarded
    def save_i_statement(self) -> None:
        tid = self._chosen_theme()
        self.workshop.set_i_statement(tid, self.i_statement_text.value, actor=self.actor)
        self.after_write(f"Saved the “I” statement for “{self._theme_name(tid)}”.")

    @guarded
    def delete_theme(self) -> None:
        tid = self._chosen_theme()
        name = self._theme_name(tid)
        self.workshop.delete_theme(tid, actor=self.actor)
        self.after_write(f"Deleted the theme “{name}”. Its cards are back with the cards not "
                         "yet in a theme. “Undo my last change” brings it back.")

    @guarded
    def merge_themes(self) -> None:
        keep = self.merge_keep.value
        if keep is None:
            raise InputError("Choose the theme to keep first.")
        others = [t for t in self.merge_others.value if t != keep]
        names = [self._theme_name(t) for t in others]
        self.workshop.merge_themes(int(keep), others, actor=self.actor)
        with self._hush():
            self.merge_others.value = ()
        self.after_write(f"Merged {', '.join(f'“{n}”' for n in names)} into "
                         f"“{self._theme_name(int(keep))}”.")

    @guarded
    def split_theme(self) -> None:
        tid = self._chosen_theme()
        ids = list(self.split_cards.value)
        name = self.split_name.value
        new_id = self.workshop.split_theme(tid, ids, name, actor=self.actor)
        self.split_name.value = ""
        self.after_write(f"Split {plural(len(ids), 'card')} from "
                         f"“{self._theme_name(tid)}” into the new theme “{name.strip()}”.")
        self.theme_select.value = new_id
