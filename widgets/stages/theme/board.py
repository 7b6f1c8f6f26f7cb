"""The card board: an anywidget drawing unthemed cards and themes, with drag and drop."""

from __future__ import annotations

import logging
import pathlib
from collections.abc import Callable
from typing import Any

import anywidget
import traitlets

log = logging.getLogger("wtfc.widgets.stages.theme.board")

HERE = pathlib.Path(__file__).parent


class Board(anywidget.AnyWidget):
    """Python owns the data (`data`, drawn by board.js); the browser only asks for moves.

    board.js sends `{"type": "move", "ids": [...], "theme_id": N or None}`; `receive`
    hands it to `on_move`, which checks it and writes through the Workshop.
    """

    _esm = HERE / "board.js"
    _css = HERE / "board.css"
    data = traitlets.Dict().tag(sync=True)
    # "big": the big screen's layout (themes across the top, many columns of cards);
    # "table": a laptop's (cards beside the themes, each theme's cards inside it).
    screen = traitlets.Unicode("table").tag(sync=True)

    def __init__(self, on_move: Callable[[dict[str, Any]], None] | None = None, **kwargs: Any):
        super().__init__(**kwargs)
        self.add_class("wtfc-board-widget")
        self.on_move = on_move
        self.status = ""  # the last sentence sent to the status line (for tests)
        self.on_msg(self._on_custom_msg)

    def _on_custom_msg(self, _widget: Any, content: Any, _buffers: Any) -> None:
        self.receive(content)

    def receive(self, msg: Any) -> None:
        """Handle one message from the browser (what the on_msg callback calls)."""
        if not isinstance(msg, dict):
            log.warning("board: ignored a message that is not an object")
            return
        if msg.get("type") == "move" and self.on_move is not None:
            self.on_move(msg)
        else:
            log.warning("board: ignored a message of type %r", msg.get("type"))

    def tell(self, text: str) -> None:
        """Show a short plain sentence in the board's own status line (read out politely)."""
        self.status = text
        self.send({"type": "status", "text": text})
