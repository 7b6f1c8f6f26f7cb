"""Theme (WTfC step 3): sort cards into themes on a board, word each theme, count and vote."""

from __future__ import annotations

import logging
from typing import Any

import ipywidgets as w
import pandas as pd

from widgets.common.chart import ChartView
from widgets.common.controls import STYLE, button, note, set_note, set_options, wide
from widgets.common.messages import guarded
from widgets.common.page import Hush, StageView
from widgets.stages.theme.board import Board
from widgets.stages.theme.controls import ThemeEditMixin, section
from widgets.stages.theme.paper_wall import PaperWallMixin
from widgets.stages.theme.voting import VotingMixin
from workbook import InputError
from workbook.model import PERSPECTIVE_LABELS
from workbook.stages.theme_board import BoardFilter, board_data, card_label, parse_move
from workbook.steps import step
from workbook.text import plural

log = logging.getLogger("wtfc.widgets.stages.theme.page")

UNTHEMED = 0  # the "back to unthemed" choice in move_target (theme ids start at 1)
CARD_TABLES = frozenset({"statements", "themes", "reviews"})
VOTE_TABLES = frozenset({"votes", "meta"})


class ThemeView(ThemeEditMixin, VotingMixin, PaperWallMixin, StageView):
    """Public controls (tests and browser tests drive these):

    board (the card board), perspective_filter, search; card_select, move_target (a theme id,
    or 0 for back to unthemed), move_button; new_theme_name, new_theme_i, add_theme_button;
    theme_select, rename_text, rename_button, i_statement_text, i_statement_button,
    delete_theme_button; split_cards, split_name, split_button; merge_keep, merge_others,
    merge_button; dots_per_voter, set_dots_button, voter, vote_theme, vote_button,
    unvote_button, dots_left, priority_html; the paper wall's (PaperWallMixin); chart;
    controls (the tabs); and undo_button,
    messages (StageView).
    """

    stage = step(3).header
    watches = frozenset(CARD_TABLES | VOTE_TABLES)

    def build(self) -> list[w.Widget]:
        self._hush = Hush()
        self._themes = pd.DataFrame(columns=["theme_id", "name", "i_statement", "statements",
                                             "working", "not_working", "future", "votes"])
        self._charted: tuple | None = None  # the figures the chart shows now
        self.perspective_filter = w.Dropdown(
            description="Show cards from",
            options=[("Everyone", "")] + [(label, p.value) for p, label in
                                          PERSPECTIVE_LABELS.items()],
            style=STYLE, layout=wide(26))
        self.search = w.Text(description="Find words", placeholder="e.g. bus", style=STYLE,
                             continuous_update=False, layout=wide(30))
        for control in (self.perspective_filter, self.search):
            control.observe(lambda _c: self._filter_changed(), "value")
        self._filters = w.HBox([self.perspective_filter, self.search],
                               layout=w.Layout(flex_flow="row wrap", grid_gap="1.5rem"))
        self._filters.add_class("wtfc-board-filters")
        self.board = Board(on_move=self.move_from_board)
        self.chart = ChartView(outputs=self.workshop.outputs)
        self._tool_pages = (self._build_move(), self._build_theme_edit(), self._build_voting(),
                            self._build_paper_wall())
        self.controls = w.Tab()
        self.controls.add_class("wtfc-theme-controls")
        self.show_view = w.ToggleButtons(
            options=[("Board", "board"), ("Chart", "chart"), ("Themes and voting", "tools")],
            value="board", description="Show", style=STYLE,
            tooltips=["The cards and the themes", "Statements in each theme, by kind",
                      "Make, rename, merge and split themes; dot voting"])
        self.show_view.add_class("wtfc-show-view")
        self.show_view.observe(lambda _c: self._show_part(), "value")
        self._lower = w.HBox(layout=w.Layout(flex_flow="row wrap", align_items="flex-start",
                                             grid_gap="2rem", margin="1.5rem 0 0 0"))
        return self.arrange()

    def arrange(self) -> list[w.Widget]:
        """The big screen: the board fills the screen; the chart and the tools used now and
        then (make, rename, merge, split, voting) are one press away, in its place.
        A table's laptop: the board, then the tools beside the chart (the page scrolls)."""
        big = self.table is None
        self.board.screen = "big" if big else "table"
        filters = [self.perspective_filter, self.search]
        self.perspective_filter.layout.width = "21rem" if big else "min(100%, 26rem)"
        self.search.layout.width = "19rem" if big else "min(100%, 30rem)"
        if big:
            self._filters.children = [*filters, self.show_view]
            self.chart.add_class("wtfc-big-chart")
            self.controls.layout = w.Layout()
            self.chart.layout = w.Layout()
            self._lower.children = []
            self._show_part()  # the tools go into their tabs when first shown
            return [self._filters, self.board, self.chart, self.controls]
        self._filters.children = filters
        self._fill_tools()
        self.chart.remove_class("wtfc-big-chart")
        self.board.layout.display = None
        self.controls.layout = w.Layout(flex="1 1 30rem", min_width="20rem")
        self.chart.layout = w.Layout(flex="2 1 40rem")
        self._lower.children = [self.controls, self.chart]
        return [self._filters, self.board, self._lower]

    def table_changed(self) -> None:
        if not self.voter.value.strip():
            self.voter.value = self.table or ""
        # How many dots each voter has is the room's rule: the facilitator sets it.
        self.dots_per_voter.disabled = self.set_dots_button.disabled = not self.is_facilitator
        self._paper_wall_role()

    def _fill_tools(self) -> None:
        if not self.controls.children:
            self.controls.children = self._tool_pages
            self.controls.titles = ("Move cards", "Themes", "Dot voting", "Paper wall")

    def _show_part(self) -> None:
        part = self.show_view.value
        if part == "tools":
            self._fill_tools()
        for name, widget in (("board", self.board), ("chart", self.chart),
                             ("tools", self.controls)):
            widget.layout.display = None if name == part else "none"

    def _build_move(self) -> w.VBox:
        self.card_select = w.SelectMultiple(description="Choose cards", options=[], rows=10,
                                            style=STYLE, layout=wide(gutter_px=12))
        self.card_note = note()
        self.move_target = w.Dropdown(description="Move to theme", options=[], style=STYLE,
                                      layout=wide(gutter_px=12))
        self.move_button = button("Move cards", "Move the chosen cards to the theme chosen "
                                  "above", "primary")
        self.move_button.on_click(lambda _b: self.move_cards())
        return section("Move cards without dragging", [
            note("Choose one or more cards (hold Shift or Ctrl to choose more), pick a theme, "
                 "then press “Move cards”."),
            self.card_select, self.card_note, self.move_target, self.move_button])

    # --- drawing ------------------------------------------------------------------------
    def redraw(self, tables: set[str]) -> None:
        """Cards or themes changed: board, lists and chart. Votes changed: the votes panel."""
        cards = not tables or bool(tables & CARD_TABLES)
        if not (cards or tables & VOTE_TABLES):
            return
        # One aggregated query serves the board, the chart and the votes panel.
        self._themes = self.workshop.themes
        if cards:
            self._draw_board()
            self._draw_move_target()
            self._draw_numbers_theme()
            self._draw_theme_lists(self._themes)
            self._draw_chart(self._themes)
        self._draw_votes(self._themes, settings=not tables or "meta" in tables)

    def _filter(self) -> BoardFilter:
        return BoardFilter(self.perspective_filter.value or None, self.search.value)

    def _draw_board(self) -> None:
        data = board_data(self.workshop.store, self._themes, self._filter())
        self.board.data = data
        options = [(card_label(c), c["id"]) for c in data["unthemed"]["cards"]]
        for theme in data["themes"]:
            options += [(card_label(c, where=f"in {theme['name']}"), c["id"])
                        for c in theme["cards"]]
        set_options(self.card_select, options, hush=self._hush)
        set_note(self.card_note, f"{data['unthemed']['summary']} The list also has the cards "
                 "shown in each theme, to move them on or back.")

    def _draw_move_target(self) -> None:
        had_themes = any(v != UNTHEMED for _, v in self.move_target.options)
        options = [(str(n), int(t)) for t, n in zip(self._themes["theme_id"],
                                                    self._themes["name"], strict=True)]
        set_options(self.move_target, options + [("— back to unthemed —", UNTHEMED)],
                    hush=self._hush)
        if options and not had_themes:
            self.move_target.value = options[0][1]  # the first theme, not "back to unthemed"

    def _draw_chart(self, themes: pd.DataFrame) -> None:
        figures = tuple(themes[["name", "working", "not_working", "future"]]
                        .itertuples(index=False, name=None))
        if figures == self._charted:
            return  # e.g. only an "I" statement changed: the bars are the same
        self._charted = figures
        try:
            # held in a kernel waiting in the pool: a table's page may never draw it (chart.py)
            self.chart.show_later(lambda: _theme_chart(themes))
        except OSError:  # saving the PNG/CSV copy failed (e.g. a full disk): the page goes on
            log.exception("could not save the theme chart to outputs/")

    def _filter_changed(self) -> None:
        if not self._hush.on:
            self._show_filtered()

    def _show_filtered(self) -> None:
        try:
            self._draw_board()
        except Exception as exc:  # noqa: BLE001 - shown plainly, logged in full
            self.messages.unexpected(exc)

    # --- moving cards -------------------------------------------------------------------
    def _move(self, ids: list[int], theme_id: int | None) -> str:
        where = ("not yet in a theme" if theme_id is None
                 else f"“{self._theme_name(theme_id)}”")
        moved = self.workshop.assign(ids, theme_id, actor=self.actor)
        if moved:
            text = f"Moved {plural(moved, 'card')} to {where}."
            self.after_write(text)
        else:
            which = "that card is" if len(ids) == 1 else "those cards are"
            there = "not in a theme" if theme_id is None else f"in {where}"
            text = f"Nothing moved: {which} {there} already."
            self.after_write()
            self.messages.info(text)
        return text

    @guarded
    def move_cards(self) -> None:
        """The keyboard way: the cards chosen in card_select go to move_target's theme."""
        ids = list(self.card_select.value)
        if not ids:
            raise InputError("Choose one or more cards in “Choose cards” first.")
        if self.move_target.value is None:
            raise InputError("Choose where the cards go, in “Move to theme”.")
        self._move(ids, int(self.move_target.value) or None)

    @guarded
    def move_from_board(self, msg: dict[str, Any]) -> None:
        """A drop (or "Move chosen cards here") on the board: the browser's message."""
        try:
            ids, theme_id = parse_move(msg)
            self.board.tell(self._move(ids, theme_id))
        except InputError as exc:
            self.board.tell(str(exc))
            raise
        except Exception:
            self.board.tell("Something went wrong. If the card has not moved, try again.")
            raise


def _theme_chart(themes: pd.DataFrame):
    from workbook.charts.stages import theme_chart  # matplotlib: only a page that draws it

    return theme_chart(themes)
