"""Plan page, part three: the room puts dots on ideas to choose which become actions."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import ipywidgets as w

from widgets.common.controls import STYLE, button, row, set_options, wide
from widgets.common.messages import guarded
from widgets.common.page import Drawer
from workbook import InputError
from workbook.text import plural, shorten

if TYPE_CHECKING:
    import pandas as pd


def dot_options(ideas: pd.DataFrame) -> list[tuple[str, int]]:
    """A theme's ideas (not what is happening already), most dots first, with their dots.
    Option labels are plain text, never HTML."""
    rows = ideas[ideas["kind"] == "idea"] if len(ideas) else ideas
    if not len(rows):
        return []
    rows = rows.sort_values(["dots", "idea_id"], ascending=[False, True])
    return [(f"{shorten(r.text, 60)} — {plural(int(r.dots), 'dot')}", int(r.idea_id))
            for r in rows.itertuples()]


class IdeaDotsMixin:
    """Mixed into the Plan view: who is voting, the idea, add a dot or take one back.
    The view provides workshop, actor, table, messages, after_write and _ideas."""

    workshop: Any
    actor: str
    table: str | None
    _ideas: pd.DataFrame

    def _build_dots(self) -> None:
        self.dot_voter = w.Text(value=self.table or "", description="Who is voting",
                                placeholder="e.g. Table 2, or a name", style=STYLE,
                                layout=wide(30))
        self.dot_voter.observe(lambda _c: self._draw_dots_left(), "value")
        self.dot_idea_select = w.Dropdown(description="Idea", options=[], style=STYLE,
                                          layout=wide())
        self.dot_button = button("Add a dot", "Place one of this voter's dots on the idea",
                                 "primary")
        self.dot_button.on_click(lambda _b: self.add_idea_dot())
        self.undot_button = button("Take a dot back",
                                   "Take one of this voter's dots back from the idea")
        self.undot_button.on_click(lambda _b: self.take_idea_dot_back())
        self.idea_dots_left = w.Label()
        self.idea_dots_left.add_class("wtfc-dots-left")
        self._dot_fields = [
            w.HTML("<p>Dots choose which ideas become actions: each voter has the "
                   "facilitator's number of dots for ideas, as for themes and causes.</p>"),
            self.dot_voter, self.idea_dots_left, self.dot_idea_select,
            row(self.dot_button, self.undot_button)]
        self._dots_drawer = Drawer("Put dots on ideas", self._dot_fields)

    def table_changed(self) -> None:
        """A pooled page learns its table late: the table is who votes, unless typed."""
        super().table_changed()  # type: ignore[misc]
        if not self.dot_voter.value.strip():
            self.dot_voter.value = self.table or ""

    def _draw_dots(self, ideas: pd.DataFrame) -> None:
        set_options(self.dot_idea_select, dot_options(ideas), keep=self.dot_idea_select.value)
        self._draw_dots_left()

    def _draw_dots_left(self) -> None:
        voter = " ".join(self.dot_voter.value.split())
        if not voter:
            self.idea_dots_left.value = "Type who is voting to see how many dots they have left."
            return
        per = self.workshop.dots_per_voter()
        left = self.workshop.idea_dots_left(voter)
        self.idea_dots_left.value = f"{voter} has {left} of {plural(per, 'dot')} left for ideas."

    def _dot_choice(self) -> tuple[str, int]:
        voter = " ".join(self.dot_voter.value.split())
        if not voter:
            raise InputError("Type who is voting first (a table or a name).")
        if self.dot_idea_select.value is None:
            raise InputError("Choose an idea first. Dots go on ideas, not on what is "
                             "happening already.")
        return voter, int(self.dot_idea_select.value)

    def _idea_words(self, idea_id: int) -> str:
        match = self._ideas[self._ideas["idea_id"] == idea_id] if len(self._ideas) else []
        return shorten(str(match.iloc[0]["text"]), 60) if len(match) else "the idea"

    @guarded
    def add_idea_dot(self) -> None:
        voter, idea = self._dot_choice()
        self.workshop.dot_idea(voter, idea, actor=self.actor)
        self.after_write(f"{voter} placed a dot on “{self._idea_words(idea)}”.")

    @guarded
    def take_idea_dot_back(self) -> None:
        voter, idea = self._dot_choice()
        self.workshop.undot_idea(voter, idea, actor=self.actor)
        self.after_write(f"{voter} took a dot back from “{self._idea_words(idea)}”.")
