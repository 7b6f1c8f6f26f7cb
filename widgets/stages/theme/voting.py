"""Dot voting on not-working themes: dots per voter, placing and taking back dots, priorities."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import ipywidgets as w

from widgets.common.cards import esc
from widgets.common.controls import STYLE, button, row, set_options, wide
from widgets.common.messages import guarded
from widgets.common.page import Hush
from widgets.stages.theme.controls import section
from workbook import InputError
from workbook.stages.theme import MAX_DOTS
from workbook.text import plural

if TYPE_CHECKING:
    import pandas as pd


def priority_html(themes: pd.DataFrame) -> str:
    """The themes with dots, most first, as an ordered list (names escaped)."""
    voted = themes[themes["votes"] > 0].sort_values("priority")
    if voted.empty:
        return ('<div class="wtfc-priority"><h3 class="wtfc-section-title">Priority order</h3>'
                "<p>No dots placed yet.</p></div>")
    items = "".join(f"<li>{esc(r.name)} — {plural(int(r.votes), 'dot')}</li>"
                    for r in voted.itertuples(index=False))
    return ('<div class="wtfc-priority"><h3 class="wtfc-section-title">Priority order '
            f'(most dots first)</h3><ol class="wtfc-priority-list">{items}</ol></div>')


def vote_options(themes: pd.DataFrame) -> list[tuple[str, int]]:
    """Only themes with not-working statements take dots."""
    rows = themes[themes["not_working"] > 0]
    return [(f"{r.name} — {r.not_working} not working, {plural(int(r.votes), 'dot')}",
             int(r.theme_id))
            for r in rows.itertuples(index=False)]


class VotingMixin:
    """The "Dot voting" tab. The view provides workshop, actor, table, messages, after_write."""

    workshop: Any
    actor: str
    table: str | None
    is_facilitator: bool
    _hush: Hush

    def _build_voting(self) -> w.VBox:
        self.dots_per_voter = w.BoundedIntText(value=self.workshop.dots_per_voter(), min=1,
                                               max=MAX_DOTS, description="Dots per voter",
                                               style=STYLE, layout=w.Layout(width="16rem"))
        self.set_dots_button = button("Set dots", "Set how many dots each voter has")
        self.set_dots_button.on_click(lambda _b: self.set_dots())
        self.voter = w.Text(value=self.table or "", description="Who is voting",
                            placeholder="e.g. Table 2, or a name", style=STYLE,
                            layout=wide(30))
        self.voter.observe(lambda _c: self._draw_dots_left(), "value")
        self.vote_theme = w.Dropdown(description="Theme", options=[], style=STYLE,
                                     layout=wide(gutter_px=12))
        self.vote_button = button("Add a dot", "Place one of this voter's dots on the theme",
                                  "primary")
        self.vote_button.on_click(lambda _b: self.add_dot())
        self.unvote_button = button("Take a dot back", "Take one of this voter's dots back "
                                    "from the theme")
        self.unvote_button.on_click(lambda _b: self.take_dot_back())
        self.dots_left = w.Label()
        self.dots_left.add_class("wtfc-dots-left")
        self.priority_html = w.HTML()
        self.priority_html.add_class("wtfc-priority-box")
        return w.VBox([
            section("For the facilitator", [row(self.dots_per_voter, self.set_dots_button)]),
            section("Place dots on the themes that matter most", [
                self.voter, self.dots_left, self.vote_theme,
                row(self.vote_button, self.unvote_button)]),
            self.priority_html,
        ])

    # --- drawing ------------------------------------------------------------------------
    def _draw_votes(self, themes: pd.DataFrame, settings: bool = True) -> None:
        if settings:
            self.dots_per_voter.value = self.workshop.dots_per_voter()
        set_options(self.vote_theme, vote_options(themes), hush=self._hush)
        self.priority_html.value = priority_html(themes)
        self._draw_dots_left()

    def _draw_dots_left(self) -> None:
        voter = " ".join(self.voter.value.split())
        if not voter:
            self.dots_left.value = "Type who is voting to see how many dots they have left."
            return
        per = self.workshop.dots_per_voter()
        left = self.workshop.dots_left(voter, "theme")
        self.dots_left.value = f"{voter} has {left} of {plural(per, 'dot')} left."

    def _voter(self) -> str:
        voter = " ".join(self.voter.value.split())
        if not voter:
            raise InputError("Type who is voting first (a table or a name).")
        return voter

    def _vote_theme(self) -> int:
        if self.vote_theme.value is None:
            raise InputError("Choose a theme first. Only themes with not-working statements "
                             "take dots.")
        return int(self.vote_theme.value)

    # --- actions ------------------------------------------------------------------------
    @guarded
    def set_dots(self) -> None:
        if not self.is_facilitator:
            raise InputError("Only the facilitator sets how many dots each voter has.")
        n = self.dots_per_voter.value
        self.workshop.set_dots_per_voter(n, actor=self.actor)
        self.after_write(f"Each voter now has {plural(int(n), 'dot')}.")

    @guarded
    def add_dot(self) -> None:
        voter, tid = self._voter(), self._vote_theme()
        self.workshop.vote(voter, theme_id=tid, actor=self.actor)
        self.after_write(f"{voter} placed a dot on “{self._theme_name(tid)}”.")

    @guarded
    def take_dot_back(self) -> None:
        voter, tid = self._voter(), self._vote_theme()
        self.workshop.unvote(voter, theme_id=tid, actor=self.actor)
        self.after_write(f"{voter} took a dot back from “{self._theme_name(tid)}”.")
