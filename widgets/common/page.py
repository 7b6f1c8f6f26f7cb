"""The frame every stage page shares: header, message area, undo, and live refresh."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import ipywidgets as w

from widgets.access.join import join_button
from widgets.common.cards import esc, header_html
from widgets.common.chart import draw_held
from widgets.common.context import PageContext
from widgets.common.live import LiveRefresh
from widgets.common.messages import MessageArea, guarded
from workbook import InputError, Workshop
from workbook.access.roles import Access, for_label


class Hush:
    """Set while the page itself replaces a list's choices, so watchers stay quiet."""

    def __init__(self) -> None:
        self.depth = 0

    @property
    def on(self) -> bool:
        return self.depth > 0

    @contextmanager
    def __call__(self) -> Iterator[None]:
        self.depth += 1
        try:
            yield
        finally:
            self.depth -= 1


class Drawer(w.VBox):
    """Tools used now and then, behind a button that opens and closes them (closed on the
    big screen, so the stage's main content keeps the screen; open at a table's laptop)."""

    def __init__(self, title: str, children: list[w.Widget], opened: bool = False):
        self.toggle = w.ToggleButton(description=title, value=opened,
                                     tooltip=f"Show or hide: {title}")
        self.toggle.add_class("wtfc-drawer-toggle")
        # The tools go into the page when first opened: a closed drawer costs the browser
        # no drawing when the page opens.
        self.contents = list(children)
        self.body = w.VBox()
        self.body.add_class("wtfc-drawer-body")
        super().__init__([self.toggle, self.body])
        self.add_class("wtfc-drawer")
        self.toggle.observe(lambda _c: self._show(), "value")
        self._show()

    def refill(self, children: list[w.Widget]) -> None:
        """Closed, with new contents (drawn when next opened): for a view re-arranged."""
        self.contents = list(children)
        self.toggle.value = False
        self.body.children = []
        self._show()

    def _show(self) -> None:
        if self.toggle.value and not self.body.children:
            self.body.children = self.contents
        self.body.layout.display = None if self.toggle.value else "none"
        # For layouts that place an open drawer differently (a row of drawers: wtfc.css).
        (self.add_class if self.toggle.value else self.remove_class)("wtfc-drawer-open")


class LazySlot(w.Box):
    """A place in the page for one part that goes in when first shown, as a Drawer's tools
    do: a part not yet looked at costs the browser no drawing."""

    def __init__(self, part: w.Widget):
        super().__init__(layout=w.Layout(width="100%"))
        self.part = part

    def show(self, on: bool = True) -> None:
        if on and not self.children:
            self.children = [self.part]
        self.layout.display = None if on else "none"


class _LazyPages:
    """Pages (of tabs or an accordion) that go into the page when first chosen."""

    def _set_pages(self, pages: list[tuple[str, w.Widget]]) -> None:
        # Each page sits in a slot of its own, so filling one never re-draws the others.
        self._slots = [LazySlot(page) for _, page in pages]
        self.children = self._slots
        self.titles = [title for title, _ in pages]
        self.observe(lambda _c: self._fill(), "selected_index")
        self._fill()

    def _fill(self) -> None:
        if self.selected_index is not None:
            self._slots[self.selected_index].show()


class LazyTab(_LazyPages, w.Tab):
    """Tabs whose pages are drawn when first chosen (the first is chosen at once)."""

    def __init__(self, pages: list[tuple[str, w.Widget]]):
        super().__init__()
        self._set_pages(pages)


class LazyAccordion(_LazyPages, w.Accordion):
    """Sections closed until opened, each drawn when first opened."""

    def __init__(self, pages: list[tuple[str, w.Widget]]):
        super().__init__(selected_index=None)
        self._set_pages(pages)


NO_LINK = ("This page was opened without a valid link. Ask the facilitator for your table's "
           "link, or scan the code on the big screen.")
MEMBER_ELSEWHERE = ("Your link opens the tender scoring page only. Open the link the "
                    "facilitator gave you.")


class StageView(w.VBox):
    """Subclasses build their controls in `build()` and redraw in `redraw(tables)`.

    Every control a user touches is a public attribute, so tests drive it headless
    (set `.value`, call `.click()`) and then look in the store.
    """

    stage = "Stage"
    # Redraw when these tables change (anyone's writes); an empty set means any table.
    watches: frozenset[str] = frozenset()
    # True for a view whose build() makes different controls at a table than on the big
    # screen: set_table() then builds it again rather than re-arranging the same controls.
    builds_per_table: bool = False
    served = False  # True on a page Voila serves (for_page says): e.g. reveals animate

    def __init__(
        self,
        workshop: Workshop,
        *,
        table: str | None = None,
        access: Access | None = None,
        live: bool = False,
        interval: float = 1.0,
    ):
        super().__init__()
        self.add_class("wtfc-page")
        self.workshop = workshop
        self.access = access or for_label(table)
        self.table = self.access.label
        self.actor = self.access.actor
        self.header = w.HTML()
        self.messages = MessageArea(log_dir=(workshop.folder / "logs") if workshop.folder else None)
        self.undo_button = w.Button(
            description="Undo my last change",
            tooltip="Undo the last change made from this screen",
        )
        self.undo_button.add_class("wtfc-undo")
        self.undo_button.on_click(lambda _b: self.undo())
        # The facilitator may undo anyone's change (a table's mistake, a stray click).
        self.undo_any_button = w.Button(
            description="Undo anyone's last change",
            tooltip="Undo the most recent change made from any screen",
        )
        self.undo_any_button.add_class("wtfc-undo")
        self.undo_any_button.on_click(lambda _b: self.undo(anyone=True))
        self.live = LiveRefresh(workshop.store, self._on_change, interval)
        body = self.build()
        # Page-wide tools a view sets in build() (e.g. a report button) sit beside Undo.
        self._undo_box = w.HBox([self.undo_button, self.undo_any_button,
                                 *getattr(self, "page_tools", [])],
                                layout=w.Layout(flex_flow="row wrap"))
        self._undo_box.add_class("wtfc-undo-box")
        self.header.add_class("wtfc-header-box")
        self._lay_out(body)
        self.redraw(set())
        if live:
            self.live.start()

    def _lay_out(self, body: list[w.Widget]) -> None:
        # The big screen (no table) and a table's laptop are laid out differently (wtfc.css).
        self.remove_class("wtfc-big")
        self.remove_class("wtfc-at-table")
        self.add_class("wtfc-big" if self.table is None else "wtfc-at-table")
        self.header.value = header_html(self.workshop.name, self.stage, self.table)
        self.undo_any_button.layout.display = None if self.is_facilitator else "none"
        self.children = [self.header, self._undo_box, self.messages, *body]

    @property
    def is_facilitator(self) -> bool:
        """True for the facilitator's page (the big screen, or the facilitator at a table)."""
        return self.access.is_facilitator

    @classmethod
    def for_page(cls, ctx: PageContext, **kwargs) -> StageView:
        """Build the view for a served page (live) or a notebook run (not live).

        A served page is built, drawn (queries, charts) and laid out for the big screen while
        its kernel waits in Voila's pool; once the request comes, only its table is applied."""
        view = cls(ctx.workshop, table=ctx.table, live=False, **kwargs)
        view.served = ctx.served
        access = ctx.wait_for_access()
        why = NO_LINK if access is None else view.refusal(access)
        if why:
            view.refuse(why)
            return view
        if access != view.access:
            view.set_access(access)
        draw_held(at_table=view.table is not None)  # charts held while in the pool (chart.py)
        if ctx.served and view.is_facilitator and not view.table:
            view.add_tool(join_button(view.workshop))  # only when served to the room
        view.live.sync()  # anything written while the kernel waited in the pool
        if ctx.served:
            view.live.start()
        return view

    def add_tool(self, tool: w.Widget | None) -> None:
        """A page-wide tool beside Undo (e.g. the tables' Join link on the big screen)."""
        if tool is not None:
            self._undo_box.children = [*self._undo_box.children, tool]

    def set_table(self, table: str | None) -> None:
        """The facilitator's page at the named table (None: the big screen)."""
        self.set_access(for_label(table))

    def refusal(self, access: Access) -> str | None:
        """Why this page does not open for ``access`` (None: it does). A member's link opens
        the tender page only. The server refuses the same requests first; the kernel checks
        again, so a page never trusts the address alone."""
        return MEMBER_ELSEWHERE if access.is_member else None

    def refuse(self, why: str) -> None:
        """Show why this page cannot open, and nothing else (no controls, no live redraw)."""
        self.live.stop()
        note = w.HTML(f"<p class='wtfc-refused' role='alert'>{esc(why)}</p>")
        self.header.value = header_html(self.workshop.name, self.stage, None)
        self.children = [self.header, note]

    def set_access(self, access: Access) -> None:
        """Make this the page of ``access``: who acts, what they may do, and the layout."""
        self.access = access
        self.table = access.label
        self.actor = access.actor
        if self.builds_per_table:
            # a table gets other controls altogether (a member's scoring screen, a vote)
            body = self.build()
            self.table_changed()
            self._lay_out(body)
            self.redraw(set())
            return
        self.table_changed()
        self._lay_out(self.arrange())

    def table_changed(self) -> None:
        """For subclasses: defaults that name the table (e.g. who is voting)."""

    def arrange(self) -> list[w.Widget]:
        """For subclasses whose layout differs at a table: the body for self.table."""
        return list(self.children[3:])

    # --- for subclasses --------------------------------------------------------------------
    def build(self) -> list[w.Widget]:
        raise NotImplementedError

    def redraw(self, tables: set[str]) -> None:
        """Redraw from the store; `tables` says what changed (empty: draw everything)."""
        raise NotImplementedError

    def after_write(self, message: str | None = None) -> None:
        """Call after this page's own action: show the result and redraw what changed."""
        if message:
            self.messages.ok(message)
        self.live.sync()

    # --- shared behaviour --------------------------------------------------------------------
    def _on_change(self, tables: set[str]) -> None:
        if not self.watches or tables & self.watches or not tables:
            self.redraw(tables)

    @guarded
    def undo(self, anyone: bool = False) -> None:
        if anyone and not self.is_facilitator:
            raise InputError("Only the facilitator can undo another screen's change.")
        self.after_write(self.workshop.undo(None if anyone else self.actor))

    def close(self) -> None:
        self.live.stop()
        super().close()
