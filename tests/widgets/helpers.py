"""Helpers the widget tests share (imported; fixtures live in conftest.py)."""

from __future__ import annotations

import ipywidgets as w


def html_values(widget: w.Widget) -> list[str]:
    """Every HTML value on the page, however deeply nested."""
    found = [widget.value] if isinstance(widget, w.HTML) else []
    for child in getattr(widget, "children", ()):
        found += html_values(child)
    return found
