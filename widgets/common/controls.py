"""Controls every page builds the same way: widths, labelled groups, rows, notes, option lists."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager, nullcontext
from typing import Any

import ipywidgets as w

from widgets.common.cards import esc, heading

# A control's description is shown in full, never cut to ipywidgets' fixed label width.
STYLE = {"description_width": "initial"}
_CURRENT = object()


def wide(max_rem: int | None = 44, gutter_px: int = 0, height: str | None = None) -> w.Layout:
    """As wide as the column, up to `max_rem` (a readable line; None: the whole column),
    less `gutter_px` where the column's own margins need the room; `height` for a text box of
    a few lines. A new Layout each time: a shared one would resize every control using it.

    On a table's phone or tablet (narrower than 900 px) wtfc.css overrides these widths: each
    control takes the column's width with its description above it, so a fixed width here
    never pushes a page past the screen's edge."""
    full = f"100% - {gutter_px}px" if gutter_px else "100%"
    if max_rem is None:
        width = f"calc({full})" if gutter_px else full
    else:
        width = f"min({full}, {max_rem}rem)"
    return w.Layout(width=width, height=height)


def labelled_box(title: str, children: Sequence[w.Widget], css: str = "") -> w.VBox:
    """A titled group of controls (the title is plain text, so no escaping is needed)."""
    box = w.VBox([w.HTML(heading(title)), *children],
                 layout=w.Layout(border="2px solid #505a5f", padding="0.5rem 1rem",
                                 margin="0.5rem 0", width="100%"))
    box.add_class("wtfc-column")
    if css:
        box.add_class(css)
    return box


def row(*children: w.Widget) -> w.HBox:
    """Controls side by side, wrapping onto the next line when the column is narrow."""
    return w.HBox(list(children), layout=w.Layout(flex_flow="row wrap", align_items="flex-start"))


def button(description: str, tooltip: str, style: str = "") -> w.Button:
    """A button as wide as its words."""
    return w.Button(description=description, tooltip=tooltip, button_style=style,
                    layout=w.Layout(width="auto", flex="0 0 auto"))


def note(text: str = "") -> w.HTML:
    """A line of help that wraps (a Label would cut it off); the text is escaped."""
    box = w.HTML()
    set_note(box, text)
    return box


def set_note(box: w.HTML, text: str) -> None:
    box.value = f'<p class="wtfc-note">{esc(text)}</p>' if text else ""


def set_options(widget: w.Dropdown | w.Select | w.SelectMultiple | w.ToggleButtons,
                options: Sequence[tuple[Any, Any]], keep: Any = _CURRENT, *,
                fallback: Any = None,
                hush: Callable[[], AbstractContextManager[Any]] | None = None) -> bool:
    """Give a list new choices, keeping `keep` (by default what is chosen now) when it is still
    offered, else `fallback`, else the first choice; a multiple choice keeps what is still
    offered. True if the choice is no longer `keep` (e.g. the chosen theme was deleted).

    ipywidgets resets the value whenever options are set, so those events are either run
    inside `hush()` (see widgets.common.page.Hush) or ignored by the caller.
    """
    options = tuple((str(label), value) for label, value in options)
    if keep is _CURRENT:
        keep = widget.value
    values = [v for _, v in options]
    if isinstance(widget, w.SelectMultiple):
        target: Any = tuple(v for v in (keep or ()) if v in values)
    elif keep in values:
        target = keep
    elif fallback in values:
        target = fallback
    else:
        target = values[0] if values else None
    with hush() if hush else nullcontext():
        if tuple(tuple(o) for o in widget.options) != options:
            widget.options = options
        if widget.value != target:
            widget.value = target
    return target != keep
