"""The big screen's "Join" panel: the tables' link as a large QR code and a short address."""

from __future__ import annotations

import os

import ipywidgets as w

from widgets.common.cards import esc
from workbook.access import keys
from workbook.access.qr import ROOM_URL_ENV, qr_svg
from workbook.access.roles import Role


def room_url() -> str | None:
    """The room's address (``wtfc serve`` on the room's network sets it), else None."""
    return os.environ.get(ROOM_URL_ENV) or None


def table_link(workshop, base: str) -> str | None:
    with workshop.store.read() as conn:
        key = keys.active(conn, Role.TABLE)
    return f"{base}?key={key}" if key else None


def join_html(link: str) -> str:
    """The QR code, large, and the address to type beneath it in big type."""
    short = link.split("://", 1)[-1]
    return (
        "<figure class='wtfc-join'>"
        f"<div role='img' aria-label='QR code of the tables’ link: {esc(short)}'>"
        f"{qr_svg(link, scale=10)}</div>"
        "<figcaption><p>Tables: scan the code, or type this address:</p>"
        f"<p class='wtfc-join-address'>{esc(short)}</p>"
        "<p>Then give your table’s name. Keep the facilitator’s own link to yourself.</p>"
        "</figcaption></figure>"
    )


class JoinButton(w.VBox):
    """"Join" beside Undo on the facilitator's page: opens the tables' link over the page
    (the same popover as the report's panel: Escape or a click outside closes it)."""

    def __init__(self, link: str):
        self.link = link
        self.toggle = w.ToggleButton(description="Join", value=False,
                                     tooltip="Show the tables' link as a QR code")
        self.toggle.add_class("wtfc-drawer-toggle")
        self.code = w.HTML()
        self.body = w.VBox([self.code])
        self.body.add_class("wtfc-drawer-body")
        self.drawer = w.VBox([self.toggle, self.body])
        self.drawer.add_class("wtfc-drawer")
        super().__init__([self.drawer])
        self.add_class("wtfc-join-button")
        self.add_class("wtfc-popover")
        self.toggle.observe(lambda _c: self._show(), "value")
        self._show()

    def _show(self) -> None:
        if self.toggle.value and not self.code.value:
            self.code.value = join_html(self.link)  # drawn when first opened
        self.body.layout.display = None if self.toggle.value else "none"
        (self.drawer.add_class if self.toggle.value else self.drawer.remove_class)(
            "wtfc-drawer-open")  # popover.js closes it on Escape or a click outside


def join_button(workshop) -> JoinButton | None:
    """The Join panel when served to the room's network, else None (nobody else can join)."""
    base = room_url()
    link = table_link(workshop, base) if base else None
    return JoinButton(link) if link else None
