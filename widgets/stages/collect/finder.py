"""Collect page, part two: find statements a page at a time, and change or delete one."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import ipywidgets as w

from widgets.common.cards import card_html, scroll_region
from widgets.common.controls import STYLE
from widgets.common.messages import guarded
from widgets.common.page import Drawer, Hush
from widgets.stages.collect.form import KIND_OPTIONS, PERSPECTIVE_OPTIONS, section_title
from workbook import InputError
from workbook.model import KIND_LABELS, KIND_SYMBOLS, Kind
from workbook.stages.search import (
    PAGE_SIZE,
    StatementFilter,
    StatementRow,
    find_statements,
    get_statement,
)
from workbook.text import shorten

NOTHING_CHOSEN = 0  # statement numbers start at 1
MORE_FILTERS = "More filters"
# A table's laptop or phone shows the newest few without scrolling, and a statement typed at
# any table redraws this many cards on every table (the big screen's column shows PAGE_SIZE).
TABLE_PAGE_SIZE = 10


def choice_label(row: StatementRow) -> str:
    """How a statement reads in the 'Statement to change' list (a plain-text option)."""
    words = shorten(row.text, 70)
    kind = Kind(row.kind)
    return (f"No. {row.statement_id} · {row.review} · {KIND_SYMBOLS[kind]} {KIND_LABELS[kind]}: "
            f"{words}")


def list_html(rows: list[StatementRow]) -> str:
    """The cards of one page; every participant string is escaped by card_html."""
    if not rows:
        return '<p class="wtfc-empty">No statements to show.</p>'
    cards = "".join(
        '<div role="listitem">'
        + card_html(r.text, r.kind, r.review, r.perspective, f"No. {r.statement_id}")
        + "</div>"
        for r in rows
    )
    # The box scrolls on the big screen: focusable, so it scrolls by keyboard too.
    return scroll_region(
        '<div class="wtfc-board wtfc-statement-list" role="list" aria-label="Statements">'
        f"{cards}</div>", "Statements on this page (scrolls)", "[role=listitem]",
        "statement", "statements", css="wtfc-scroll-box", of="on this page")


class CollectListMixin:
    """Search, filters, the paged list of cards, and the form to change or delete one."""

    # --- building -----------------------------------------------------------------------------
    def _build_list(self) -> w.VBox:
        self._offset = 0
        self._page_size = PAGE_SIZE
        self._quiet = Hush()  # on while the view itself sets the chooser's options
        self._loaded: StatementRow | None = None
        self.search = w.Text(description="Find words", placeholder="e.g. bus",
                             style=STYLE, layout=w.Layout(width="24rem"))
        self.kind_filter = w.Dropdown(description="Kind",
                                      options=[("All kinds", ""), *KIND_OPTIONS], value="",
                                      style=STYLE, layout=w.Layout(width="18rem"))
        self.perspective_filter = w.Dropdown(description="Whose view",
                                             options=[("Everyone", ""), *PERSPECTIVE_OPTIONS],
                                             value="", style=STYLE, layout=w.Layout(width="20rem"))
        self.review_filter = w.Text(description="Review", placeholder="any", style=STYLE,
                                    layout=w.Layout(width="16rem"))
        for control in (self.search, self.kind_filter, self.perspective_filter, self.review_filter):
            control.observe(self._filters_changed, names="value")
        self.prev_button = w.Button(description="Previous page",
                                    tooltip="Show newer statements")
        self.next_button = w.Button(description="Next page",
                                    tooltip="Show older statements")
        self.prev_button.on_click(lambda _b: self._turn(-1))
        self.next_button.on_click(lambda _b: self._turn(+1))
        self.page_label = w.Label()
        self.page_label.add_class("wtfc-page-label")
        self.list_html = w.HTML()
        self.list_html.add_class("wtfc-collect-list")
        self._list_filters = w.HBox(layout=w.Layout(flex_flow="row wrap"))
        # The big screen shows "Find words"; the other filters wait behind "More filters"
        # (fewer controls to draw when the page opens, more room for the list).
        self.more_filters = Drawer(MORE_FILTERS, [])
        self._pager = w.HBox(layout=w.Layout(align_items="center", flex_flow="row wrap"))
        self._edit_box = self._build_edit()
        self.edit_drawer = Drawer("Change or delete a statement", [self._edit_box])
        self._list_scroll = w.VBox([self.list_html])
        self._list_scroll.add_class("wtfc-collect-scroll")  # the list scrolls in its own box
        self._list_title = section_title("Find statements")
        box = w.VBox()
        box.add_class("wtfc-collect-browse")
        return box

    def _arrange_list(self, big: bool) -> None:
        """The big screen: finding words, the other filters on demand, the list scrolling in
        its box (changing a statement opens in the form's column); a table: every filter,
        the form to change one, and the same pager above and below a shorter page of cards."""
        size = PAGE_SIZE if big else TABLE_PAGE_SIZE
        if size != self._page_size and hasattr(self, "current_page"):
            self._page_size = size
            self._offset = 0
            self._draw_list()  # a pre-heated big-screen page handed to a table
        self._page_size = size
        more = [self.kind_filter, self.perspective_filter, self.review_filter]
        self.more_filters.refill(more if big else [])
        self._list_filters.children = [self.search] if big else [self.search, *more]
        # The big screen's narrow column: both buttons on one row, what they show below.
        self._pager.children = ([self.prev_button, self.next_button, self.page_label] if big
                                else [self.prev_button, self.page_label, self.next_button])
        if big:
            self._browse.children = [self._list_title, self._list_filters, self.more_filters,
                                     self._pager, self._list_scroll]
        else:
            self._browse.children = [self._list_title, self._list_filters, self._edit_box,
                                     self._pager, self._list_scroll, self._pager]

    def _build_edit(self) -> w.VBox:
        self.edit_select = w.Dropdown(description="Statement to change",
                                      options=[("Choose one from the list below", NOTHING_CHOSEN)],
                                      value=NOTHING_CHOSEN, style=STYLE,
                                      layout=w.Layout(width="calc(100% - 1rem)"))
        self.edit_select.observe(self._chosen, names="value")
        self.edit_review_ref = w.Text(description="Review", style=STYLE,
                                      layout=w.Layout(width="16rem"))
        self.edit_perspective = w.Dropdown(description="Whose view", options=PERSPECTIVE_OPTIONS,
                                           style=STYLE, layout=w.Layout(width="20rem"))
        self.edit_kind = w.Dropdown(description="Kind", options=KIND_OPTIONS, style=STYLE,
                                    layout=w.Layout(width="20rem"))
        self.edit_text = w.Textarea(description="Words", rows=2, style=STYLE,
                                    layout=w.Layout(width="calc(100% - 1rem)"))
        self.save_button = w.Button(description="Save changes", button_style="primary",
                                    tooltip="Save the changes to this statement")
        self.delete_button = w.Button(description="Delete statement", button_style="danger",
                                      tooltip="Delete it; Undo brings it back")
        self.save_button.on_click(lambda _b: self._save())
        self.delete_button.on_click(lambda _b: self._delete())
        self._fill_edit(None)
        box = w.VBox([
            w.HTML("<h3 class='wtfc-subsection'>Change or delete a statement</h3>"),
            self.edit_select,
            w.HBox([self.edit_review_ref, self.edit_perspective, self.edit_kind],
                   layout=w.Layout(flex_flow="row wrap")),
            self.edit_text,
            w.HBox([self.save_button, self.delete_button]),
        ])
        box.add_class("wtfc-collect-edit")
        return box

    # --- the list -----------------------------------------------------------------------------
    def _filter(self) -> StatementFilter:
        return StatementFilter(self.search.value, self.kind_filter.value,
                               self.perspective_filter.value, self.review_filter.value)

    def _draw_list(self) -> None:
        page = find_statements(self.workshop.store, self._filter(), offset=self._offset,
                               limit=self._page_size)
        self._offset = page.offset
        self.current_page = page
        newest = " (newest first)" if page.total > 1 else ""
        self.page_label.value = page.describe() + newest
        self.prev_button.disabled = not page.has_previous
        self.next_button.disabled = not page.has_next
        html = list_html(page.rows)
        if html != self.list_html.value:  # an unchanged page costs no message to the browser
            self.list_html.value = html
        self._draw_choices(page.rows)

    def _draw_choices(self, rows: list[StatementRow]) -> None:
        chosen = self._loaded.statement_id if self._loaded else NOTHING_CHOSEN
        options = [(choice_label(r), r.statement_id) for r in rows]
        if chosen and chosen not in {r.statement_id for r in rows}:
            still = get_statement(self.workshop.store, chosen)
            if still is None:  # deleted on another screen (or undone) while it was open here
                self._fill_edit(None)
                chosen = NOTHING_CHOSEN
                self.messages.info("The statement you were changing has been deleted "
                                   "(on this or another screen).")
            else:  # keep the one being changed, even on another page of the list
                options.insert(0, (choice_label(still), still.statement_id))
        placeholder = ("Choose one from the list below" if rows else "No statements to choose")
        options.insert(0, (placeholder, NOTHING_CHOSEN))
        if tuple(options) != tuple(self.edit_select.options):
            with self._quiet():
                self.edit_select.options = options
                self.edit_select.value = chosen

    @guarded
    def _filters_changed(self, _change: dict) -> None:
        self._offset = 0
        # A filter at work behind the closed drawer must still show: its button says so.
        on = sum(bool(c.value) for c in (self.kind_filter, self.perspective_filter,
                                         self.review_filter))
        self.more_filters.toggle.description = f"{MORE_FILTERS} ({on} on)" if on else MORE_FILTERS
        self._draw_list()

    @guarded
    def _turn(self, step: int) -> None:
        self._offset = max(0, self._offset + step * self._page_size)
        self._draw_list()

    # --- change or delete ---------------------------------------------------------------------
    def _fill_edit(self, row: StatementRow | None) -> None:
        self._loaded = row
        self.edit_review_ref.value = row.review if row else ""
        if row:
            self.edit_perspective.value = row.perspective
            self.edit_kind.value = row.kind
        self.edit_text.value = row.text if row else ""
        self._enable_edit()

    def _enable_edit(self) -> None:
        for control in (self.edit_review_ref, self.edit_perspective, self.edit_kind,
                        self.edit_text, self.save_button, self.delete_button):
            control.disabled = self._loaded is None
        # Words without consent are not shown, so there is nothing here to change.
        self.edit_text.disabled = self._loaded is None or self._loaded.words_withheld

    @contextlib.contextmanager
    def _edit_busy(self) -> Iterator[None]:
        """Save and Delete are off while one runs, then on only if a statement is chosen."""
        self.save_button.disabled = self.delete_button.disabled = True
        try:
            yield
        finally:
            self._enable_edit()

    @guarded
    def _chosen(self, change: dict) -> None:
        if self._quiet.on:
            return
        sid = change["new"] or NOTHING_CHOSEN
        if sid == NOTHING_CHOSEN:
            self._fill_edit(None)
            return
        row = get_statement(self.workshop.store, sid)
        if row is None:
            self._fill_edit(None)
            raise InputError("That statement has been deleted, so it cannot be changed.")
        self._fill_edit(row)

    def _changes(self) -> dict[str, str]:
        row = self._loaded
        assert row is not None
        fields = {"review_ref": (self.edit_review_ref.value.strip(), row.review),
                  "perspective": (self.edit_perspective.value, row.perspective),
                  "kind": (self.edit_kind.value, row.kind),
                  "text": (self.edit_text.value.strip(), row.text)}
        # Only what this screen changed is sent, so another table's edit to the other
        # fields of the same statement is not overwritten with what was loaded here.
        return {name: new for name, (new, old) in fields.items() if new != old}

    @guarded
    def _save(self) -> None:
        if self._loaded is None:
            raise InputError("Choose a statement to change first, from “Statement to change”.")
        changes = self._changes()
        if not changes:
            if not self._just_did("save"):
                self.messages.info("Nothing to save: you have not changed anything yet.")
            return
        with self._edit_busy():
            sid = self._loaded.statement_id
            self.workshop.edit_statement(sid, actor=self.actor, **changes)
            self._fill_edit(get_statement(self.workshop.store, sid))
            self._did("save")
            self.after_write(f"Saved your changes to statement No. {sid}.")

    @guarded
    def _delete(self) -> None:
        if self._loaded is None:
            if self._just_did("delete"):
                return
            raise InputError("Choose a statement to delete first, from “Statement to change”.")
        with self._edit_busy():
            sid = self._loaded.statement_id
            self.workshop.delete_statement(sid, actor=self.actor)
            self._fill_edit(None)
            self._did("delete")
            self.after_write(f"Deleted statement No. {sid}. "
                             "Press “Undo my last change” to bring it back.")
